#!/usr/bin/env node
// Draws the app icon and the tray icons (idle / working / needs attention) as PNG files under build/.
// Run it after changing the design: `node scripts/generate-icons.mjs`. The PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const roundedSquare = (x, y, inset, radius) => {
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - inset - radius), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - inset - radius), 0);
  return Math.hypot(qx, qy) <= radius;
};
/** A download arrow over a tray line: the product in one glyph. */
const arrow = (x, y) =>
  (Math.abs(x - 0.5) <= 0.07 && y >= 0.2 && y <= 0.52) ||
  (y >= 0.42 && y <= 0.66 && Math.abs(x - 0.5) <= (0.66 - y) * 0.95) ||
  (y >= 0.72 && y <= 0.8 && x >= 0.24 && x <= 0.76);
const dot = (x, y, r) => Math.hypot(x - (1 - r - 0.01), y - (1 - r - 0.01)) <= r;

/** Layers from bottom to top: [test(x, y), colour]; a null colour cuts a transparent hole. */
function render(size, layers) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          const hit = layers.findLast(([test]) => test(x, y));
          if (!hit || hit[1] === null) continue;
          r += hit[1][0]; g += hit[1][1]; b += hit[1][2]; a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)], i);
    }
  }
  return png(size, rgba);
}

const BADGES = { idle: null, working: '#2563eb', attention: '#ea580c' };

function trayLayers(state) {
  const badge = BADGES[state];
  const base = [
    [(x, y) => roundedSquare(x, y, 0.04, 0.2), hex('#334155')],
    [arrow, hex('#ffffff')],
  ];
  if (!badge) return base;
  return [...base, [(x, y) => dot(x, y, 0.3), null], [(x, y) => dot(x, y, 0.22), hex(badge)]];
}

function write(relative, data) {
  const file = join(root, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  console.log(`wrote ${relative}`);
}

for (const state of Object.keys(BADGES)) {
  write(`build/tray/tray-${state}.png`, render(16, trayLayers(state)));
  write(`build/tray/tray-${state}@2x.png`, render(32, trayLayers(state)));
}
write('build/icon.png', render(512, [
  [(x, y) => roundedSquare(x, y, 0.06, 0.2), hex('#4338ca')],
  [arrow, hex('#ffffff')],
]));
