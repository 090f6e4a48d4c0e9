#!/usr/bin/env node
// Draws the tab bar icons (首页 / 活动 / 我的) as PNGs into src/assets/tab/, grey for idle and brand red for selected.
// WeChat's tabBar takes only image files (≤ 40 KB, 81×81 px recommended) and H5 shows empty boxes without them.
// No dependencies: shapes are tested per sub-pixel for smooth edges and the PNG is written with node:zlib.
// Run: node miniapp/scripts/make-tab-icons.mjs (the output is committed; re-run only to change the glyphs).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SUBSAMPLES = 4;
const GREY = [0x55, 0x55, 0x55];
const RED = [0xc8, 0x16, 0x1d];

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');

// ---- shapes: each is (x, y) => boolean in a 81×81 space --------------------------------------------------------

const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!rect(x0, y0, x1, y1)(x, y)) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const ellipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** Even-odd point-in-polygon. */
const polygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};

const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));
const minus = (shape, ...holes) => (x, y) => shape(x, y) && !holes.some((hole) => hole(x, y));
const intersect = (...shapes) => (x, y) => shapes.every((shape) => shape(x, y));

// ---- glyphs ----------------------------------------------------------------------------------------------------

/** 首页: a house with a door. */
const home = minus(
  polygon([
    [40.5, 10],
    [72, 38],
    [63, 38],
    [63, 70],
    [18, 70],
    [18, 38],
    [9, 38],
  ]),
  roundRect(34, 48, 47, 71, 3),
);

/** 活动: a calendar page with its rings and a grid of days. */
const activities = union(
  minus(roundRect(12, 17, 69, 70, 7), rect(18, 31, 63, 64)),
  ...[25, 38, 51].flatMap((x) => [38, 50].map((y) => roundRect(x, y, x + 6, y + 6, 1.5))),
  roundRect(23, 9, 30, 24, 3),
  roundRect(51, 9, 58, 24, 3),
);

/** 我的: a person — head and shoulders. */
const mine = union(circle(40.5, 27, 14), intersect(ellipse(40.5, 74, 29, 29), rect(0, 0, SIZE, 70)));

// ---- PNG -------------------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(shape, [r, g, b]) {
  // One filter byte (0 = none) per scanline, then RGBA pixels.
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x++) {
      let covered = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          if (shape(x + (sx + 0.5) / SUBSAMPLES, y + (sy + 0.5) / SUBSAMPLES)) covered++;
        }
      }
      const offset = row + 1 + x * 4;
      raw[offset] = r;
      raw[offset + 1] = g;
      raw[offset + 2] = b;
      raw[offset + 3] = Math.round((covered / SUBSAMPLES ** 2) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries({ home, activities, mine })) {
  for (const [suffix, colour] of [
    ['', GREY],
    ['-active', RED],
  ]) {
    const file = path.join(outDir, `${name}${suffix}.png`);
    const bytes = png(shape, colour);
    writeFileSync(file, bytes);
    console.log(`${path.relative(process.cwd(), file)}  ${bytes.length} B`);
  }
}
