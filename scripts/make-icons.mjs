#!/usr/bin/env node
// Draws the program's icon at every size the installers need and writes them into resources/:
//   resources/icons/<n>x<n>.png  Linux (AppImage, deb): 16…512
//   resources/icon.ico           Windows (program, NSIS installer and uninstaller): 16…256
//   resources/icon.png           512×512, for anything that wants one file
// Pure Node (zlib for PNG), no image tools, so anyone can redraw it; the files are committed and
// the build never runs this.
//
//   node scripts/make-icons.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'resources');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const WINDOWS_SIZES = [16, 24, 32, 48, 64, 128, 256];

// ── the drawing, in unit coordinates (0..1, y down) ──────────────────────────────────────────

const GREEN_TOP = [16, 185, 129]; // the UI's primary colour (PrimeVue Aura emerald)
const GREEN_BOTTOM = [4, 120, 87];
const WHITE = [255, 255, 255];
const SUN = [251, 191, 36];
const LINE = [167, 243, 208];

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inPolygon(x, y, points) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** An open book (the register) under a small sun (a kindergarten). */
const LEFT_PAGE = [
  [0.17, 0.38],
  [0.485, 0.45],
  [0.485, 0.83],
  [0.17, 0.76],
];
const RIGHT_PAGE = LEFT_PAGE.map(([x, y]) => [1 - x, y]);
const SUN_AT = [0.5, 0.235];
const SUN_R = 0.1;

/** Text lines on the pages: only where there are pixels enough to show them. */
function onLine(x, y, size) {
  if (size < 48) return false;
  const page = x < 0.5 ? LEFT_PAGE : RIGHT_PAGE;
  const [x0, x1] = x < 0.5 ? [0.22, 0.44] : [0.56, 0.78];
  if (x < x0 || x > x1) return false;
  // Follow the page's slant: lines rise towards the outer edge like the page does.
  const t = (x - page[0][0]) / (page[1][0] - page[0][0]);
  const top = page[0][1] + t * (page[1][1] - page[0][1]);
  for (const offset of [0.09, 0.17, 0.25]) {
    if (Math.abs(y - (top + offset)) < 0.018) return true;
  }
  return false;
}

function colourAt(x, y, size) {
  if (!inRoundedSquare(x, y, 0.22)) return null;
  if ((x - SUN_AT[0]) ** 2 + (y - SUN_AT[1]) ** 2 <= SUN_R ** 2) return SUN;
  if (inPolygon(x, y, LEFT_PAGE) || inPolygon(x, y, RIGHT_PAGE)) {
    return onLine(x, y, size) ? LINE : WHITE;
  }
  return GREEN_TOP.map((c, i) => Math.round(c + (GREEN_BOTTOM[i] - c) * y));
}

/** RGBA pixels, each the average of n×n samples (anti-aliased edges). */
function draw(size) {
  const n = size <= 64 ? 8 : 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) {
        pixels[at] = Math.round(r / a);
        pixels[at + 1] = Math.round(g / a);
        pixels[at + 2] = Math.round(b / a);
        pixels[at + 3] = Math.round((255 * a) / (n * n));
      }
    }
  }
  return pixels;
}

// ── PNG ──────────────────────────────────────────────────────────────────────────────────────

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size, pixels) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Filter byte 0 (none) before each row.
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ── ICO: BMP images up to 128 (every Windows tool reads those), PNG for 256 ─────────────────

function bmp(size, pixels) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour image + AND mask
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4; // bottom-up rows
      colour[to] = pixels[from + 2];
      colour[to + 1] = pixels[from + 1];
      colour[to + 2] = pixels[from];
      colour[to + 3] = pixels[from + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, colour, Buffer.alloc(maskRow * size)]); // alpha decides; mask 0
}

function ico(images) {
  const head = Buffer.alloc(6 + 16 * images.length);
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(images.length, 4);
  let offset = head.length;
  images.forEach(({ size, data }, i) => {
    const at = 6 + 16 * i;
    head[at] = size >= 256 ? 0 : size;
    head[at + 1] = size >= 256 ? 0 : size;
    head.writeUInt16LE(1, at + 4);
    head.writeUInt16LE(32, at + 6);
    head.writeUInt32LE(data.length, at + 8);
    head.writeUInt32LE(offset, at + 12);
    offset += data.length;
  });
  return Buffer.concat([head, ...images.map((image) => image.data)]);
}

// ── write ────────────────────────────────────────────────────────────────────────────────────

const drawn = new Map(LINUX_SIZES.map((size) => [size, draw(size)]));
mkdirSync(path.join(out, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) {
  writeFileSync(path.join(out, 'icons', `${size}x${size}.png`), png(size, drawn.get(size)));
}
writeFileSync(path.join(out, 'icon.png'), png(512, drawn.get(512)));
writeFileSync(
  path.join(out, 'icon.ico'),
  ico(
    WINDOWS_SIZES.map((size) => ({
      size,
      data: size >= 256 ? png(size, drawn.get(size)) : bmp(size, drawn.get(size)),
    })),
  ),
);
console.log(`Icons written to ${path.relative(root, out)}/: ${LINUX_SIZES.join(', ')} px.`);
