import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ANY_ICON, ICON_FILES, MARK, MASKABLE_ICON, drawIcon, encodePng } from './iconArt';
import { projectRoot } from './paths';

/** Reads back a PNG as a decoder would: signature, chunk CRCs, header, inflated unfiltered rows. */
function decodePng(png: Buffer): { width: number; height: number; pixels: Uint8Array } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typed = png.subarray(offset + 4, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(crc32(typed));
    const type = typed.subarray(0, 4).toString('latin1');
    const data = typed.subarray(4);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    pixels.set(rows.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, pixels };
}

const pixel = (pixels: Uint8Array, size: number, x: number, y: number) => [
  ...pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4),
];

describe('the app icons', () => {
  it('encode as PNGs a decoder reads back pixel for pixel', () => {
    const drawn = drawIcon(48, ANY_ICON);
    const decoded = decodePng(encodePng(drawn, 48));
    expect([decoded.width, decoded.height]).toEqual([48, 48]);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(drawn))).toBe(true);
  });

  it('have transparent rounded corners when used as is, and a tile to every edge when a platform crops them', () => {
    const any = drawIcon(64, ANY_ICON);
    expect(pixel(any, 64, 0, 0)[3]).toBe(0);
    expect(pixel(any, 64, 32, 1)[3]).toBe(255);
    const maskable = drawIcon(64, MASKABLE_ICON);
    for (const [x, y] of [
      [0, 0],
      [63, 0],
      [0, 63],
      [63, 63],
    ])
      expect(pixel(maskable, 64, x!, y!)[3]).toBe(255);
    expect(pixel(maskable, 64, 32, 32)).toEqual([...MARK]);
  });

  it("keep a maskable icon's mark inside the circle every platform keeps (radius 40%)", () => {
    const size = 128;
    const pixels = drawIcon(size, MASKABLE_ICON);
    const markOutside: string[] = [];
    let markInside = 0;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const isMark = pixel(pixels, size, x, y).join() === MARK.join();
        if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) <= 0.4 * size) markInside += isMark ? 1 : 0;
        else if (isMark) markOutside.push(`${x},${y}`);
      }
    }
    expect(markInside).toBeGreaterThan(0);
    expect(markOutside).toEqual([]);
  });

  it('are committed as scripts/icons.ts draws them, at the sizes the manifest names', () => {
    for (const { file, size, style } of ICON_FILES) {
      const committed = readFileSync(join(projectRoot, 'public', 'icons', file));
      const decoded = decodePng(committed);
      expect([decoded.width, decoded.height], file).toEqual([size, size]);
      const fresh = Buffer.from(drawIcon(size, style)).equals(Buffer.from(decoded.pixels));
      expect(fresh, `public/icons/${file} is stale: run npx tsx scripts/icons.ts`).toBe(true);
    }
  });
});
