#!/usr/bin/env node
// Draws the family app's (阳光少年) home-screen icons: a sun on the platform's blue, kept inside the
// middle 80% so Android's round and squircle masks ("maskable") never cut it. Run once after a
// change of design: `node scripts/family-icons.mjs` writes web/public/family-icons/*.png.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'public', 'family-icons');
const BLUE = [31, 99, 214];
const SUN = [255, 200, 40];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Share of the pixel (x, y) of a size×size icon covered by the sun, 4×4 samples. */
function coverage(x, y, size) {
  let hit = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const dx = (x + (i + 0.5) / 4) / size - 0.5;
      const dy = (y + (j + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(dx, dy);
      if (r <= 0.2) { hit++; continue; }
      if (r < 0.27 || r > 0.37) continue;
      const a = Math.atan2(dy, dx);
      const nearest = Math.round(a / (Math.PI / 4)) * (Math.PI / 4);
      if (Math.abs(Math.sin(a - nearest)) * r < 0.025) hit++;
    }
  }
  return hit / 16;
}

function png(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size);
      for (let k = 0; k < 3; k++) row[1 + x * 3 + k] = Math.round(BLUE[k] * (1 - c) + SUN[k] * c);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
for (const size of [192, 512]) writeFileSync(join(out, `icon-${size}.png`), png(size));
writeFileSync(join(out, 'apple-touch-icon.png'), png(180));
console.log(`icons written to ${out}`);
