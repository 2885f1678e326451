// The app's mark (app/icon.svg: a pale teal ring and dot on a teal tile) drawn as PNG pixels, for the web app
// manifest and the iOS home screen, which want bitmaps. Node only: zlib's deflate and CRC-32, no image library.
import { crc32, deflateSync } from 'node:zlib';

export type Rgba = readonly [number, number, number, number];

/** The colours of app/icon.svg: Tailwind's teal-700 tile, teal-100 mark. */
export const TILE: Rgba = [0x0f, 0x76, 0x6e, 255];
export const MARK: Rgba = [0xcc, 0xfb, 0xf1, 255];

export interface IconStyle {
  /** A rounded tile with transparent corners (`any` icons), or the tile's colour to every edge (maskable, Apple). */
  fullBleed: boolean;
  /** The mark's outer radius as a fraction of the icon's size. */
  markRadius: number;
}

/** `any` icons: the tile and ring of app/icon.svg (32 units: corner 7, ring radius 8 with a 3-wide stroke). */
export const ANY_ICON: IconStyle = { fullBleed: false, markRadius: 9.5 / 32 };
/** Maskable and Apple icons: a platform crops them to its own shape, keeping only the centre circle of radius 40%
 * for sure, so the mark is drawn well inside it. */
export const MASKABLE_ICON: IconStyle = { fullBleed: true, markRadius: 0.25 };

/** Coverage of the shapes at a point in units of the icon's size (0..1): which colour it takes, if any. */
function paintAt(x: number, y: number, style: IconStyle): Rgba | undefined {
  const distance = Math.hypot(x - 0.5, y - 0.5);
  // The ring and dot keep app/icon.svg's proportions: ring from 6.5 to 9.5 units, dot 2.5, of a 9.5 outer radius.
  const unit = style.markRadius / 9.5;
  if ((distance >= 6.5 * unit && distance <= 9.5 * unit) || distance <= 2.5 * unit) return MARK;
  if (style.fullBleed) return TILE;
  const corner = 7 / 32;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  return Math.hypot(x - cx, y - cy) <= corner ? TILE : undefined;
}

/** The icon as RGBA pixels, row by row, each pixel averaged over 4 x 4 samples so edges are smooth. */
export function drawIcon(size: number, style: IconStyle): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paintAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, style);
          if (!colour) continue;
          // Premultiplied, so a half-covered edge pixel is half as opaque, not darker.
          r += colour[0] * colour[3];
          g += colour[1] * colour[3];
          b += colour[2] * colour[3];
          a += colour[3];
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
      }
      pixels[at + 3] = Math.round(a / (samples * samples));
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A PNG file (8-bit RGBA, no filtering) of `size` x `size` pixels. */
export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter method and interlace: 0
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rows.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Every icon the manifest and the layout link, by file name under public/icons/. */
export const ICON_FILES = [
  { file: 'icon-192.png', size: 192, style: ANY_ICON },
  { file: 'icon-512.png', size: 512, style: ANY_ICON },
  { file: 'icon-maskable-512.png', size: 512, style: MASKABLE_ICON },
  // iOS rounds the corners itself and shows transparency as black: a full tile.
  { file: 'apple-touch-icon.png', size: 180, style: MASKABLE_ICON },
] as const;
