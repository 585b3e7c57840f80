/**
 * The "visibly drawn" check: decodes a Playwright screenshot (PNG, 8-bit RGB/RGBA, not interlaced)
 * with node:zlib and counts pixels in the plot area, i.e. below the axis band at the top.
 */
import { inflateSync } from 'node:zlib';
import { isInk } from './ink.mjs';

/** Rows from the top of the container skipped as header/axis (reeltime's header and axis, vis' axis, gravity's ruler). */
export const PLOT_TOP = 100;

/** A run whose plot has fewer ink pixels than this drew no events and fails. */
export const MIN_INK_PIXELS = 200;

/**
 * The plot is cut into this many vertical strips; the first view shows the whole 2019–2024 range, so
 * events must appear in at least MIN_INK_STRIPS of them (a view of the wrong window fails).
 */
export const INK_STRIPS = 12;
export const MIN_INK_STRIPS = 8;

/** Decodes a PNG into `{ width, height, channels, pixels }` (unfiltered bytes, row by row). */
export function decodePng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let header;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      header = {
        width: body.readUInt32BE(0),
        height: body.readUInt32BE(4),
        depth: body[8],
        colour: body[9],
        interlace: body[12],
      };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[header?.colour];
  if (!header || header.depth !== 8 || !channels || header.interlace) throw new Error('unsupported PNG format');
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[x] = (line[x] + predicted) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

/**
 * Counts, below `PLOT_TOP`, the pixels that differ from the page background (white), the pixels in
 * the events' ink colour, and the vertical strips that hold ink. Only ink proves that events were
 * drawn: lane bands, grid lines and labels are non-background too.
 */
export function countPlotPixels(png) {
  const { width, height, channels, pixels } = png;
  let nonBackground = 0;
  let ink = 0;
  const strips = new Array(INK_STRIPS).fill(0);
  for (let y = PLOT_TOP; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const r = pixels[i];
      const g = pixels[i + 1];
      const b = pixels[i + 2];
      if (r < 250 || g < 250 || b < 250) nonBackground++;
      if (isInk(r, g, b)) {
        ink++;
        strips[Math.floor((x * INK_STRIPS) / width)]++;
      }
    }
  }
  const inkStrips = strips.filter((count) => count > 0).length;
  return { area: width * Math.max(0, height - PLOT_TOP), nonBackground, ink, inkStrips };
}

/** A zoom that changes fewer than this share of the plot's pixels did not visibly move the view. */
export const MIN_CHANGED_SHARE = 0.01;

/**
 * The share of the plot's pixels (below `PLOT_TOP`) that differ between two screenshots of the same
 * size by more than a little anti-aliasing noise: the visible proof that the view moved.
 */
export function changedShare(a, b) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let changed = 0;
  for (let y = PLOT_TOP; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = (y * a.width + x) * a.channels;
      const j = (y * b.width + x) * b.channels;
      const delta =
        Math.abs(a.pixels[i] - b.pixels[j]) +
        Math.abs(a.pixels[i + 1] - b.pixels[j + 1]) +
        Math.abs(a.pixels[i + 2] - b.pixels[j + 2]);
      if (delta > 24) changed++;
    }
  }
  return changed / (a.width * Math.max(1, a.height - PLOT_TOP));
}
