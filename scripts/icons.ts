// `npx tsx scripts/icons.ts`: draws the app's icons (scripts/lib/iconArt.ts) into public/icons/. The PNGs are
// committed; run this again only when the mark or its colours change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICON_FILES, drawIcon, encodePng } from './lib/iconArt';
import { projectRoot } from './lib/paths';

const dir = join(projectRoot, 'public', 'icons');
mkdirSync(dir, { recursive: true });
for (const { file, size, style } of ICON_FILES) {
  const png = encodePng(drawIcon(size, style), size);
  writeFileSync(join(dir, file), png);
  console.log(`public/icons/${file}: ${size} x ${size}, ${png.length.toLocaleString('en-US')} bytes`);
}
