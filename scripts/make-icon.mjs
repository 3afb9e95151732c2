// Draws images/icon.png (128x128): an agent file with its frontmatter fences
// and a check badge. Shapes are signed-distance functions, 4x4 supersampled.
// Usage: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128,
  SS = 4;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r)),
    dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return Math.hypot(dx, dy) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) - w / 2;
};
const bar = (x0, x1, y, h = 5) => roundRect(x0, y - h / 2, x1, y + h / 2, h / 2);

const layers = [
  [roundRect(0, 0, 128, 128, 26), hex('#1F1B2E')],
  [roundRect(26, 14, 100, 114, 9), hex('#F4EFE6')],
  ...[36, 48, 60].map((x) => [bar(x, x + 8, 27), hex('#D97757')]),
  [bar(36, 52, 39), hex('#D97757')],
  [bar(57, 86, 39), hex('#9A948C')],
  [bar(36, 56, 49), hex('#D97757')],
  [bar(61, 78, 49), hex('#9A948C')],
  ...[36, 48, 60].map((x) => [bar(x, x + 8, 61), hex('#D97757')]),
  [bar(36, 88, 75), hex('#C9C2B8')],
  [bar(36, 80, 86), hex('#C9C2B8')],
  [bar(36, 66, 97), hex('#C9C2B8')],
  [circle(95, 97, 22), hex('#1F1B2E')],
  [circle(95, 97, 18), hex('#3FB27F')],
  [(x, y) => Math.min(segment(86, 97, 92, 104, 5.5)(x, y), segment(92, 104, 105, 89, 5.5)(x, y)), hex('#FFFFFF')],
];

const rows = [];
for (let py = 0; py < SIZE; py++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, a] = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS,
          y = py + (sy + 0.5) / SS;
        let c = null;
        for (const [shape, color] of layers) if (shape(x, y) <= 0) c = color;
        if (c) {
          r += c[0];
          g += c[1];
          b += c[2];
          a += 255;
        }
      }
    const n = SS * SS,
      cov = a / 255;
    row.set(cov ? [r / cov, g / cov, b / cov, a / n].map(Math.round) : [0, 0, 0, 0], 1 + px * 4);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
