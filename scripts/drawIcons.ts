/**
 * Draws the two app icons: a life timeline that rises through the Trauma Recovery Model, with one
 * setback shown plainly on the way up, above the line of the years. White on the product's teal
 * for color.png (192×192); white on transparent for outline.png (32×32), as Teams requires.
 *
 *   npm run icons      (rewrites appPackage/color.png and appPackage/outline.png)
 *
 * Only Node built-ins: shapes are distance functions, sampled 8×8 per pixel for smooth edges.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodePng } from '../src/teamsApp/png.js';

/** The manifest's accentColor: Teams shows it behind the icon in places. */
export const ACCENT = { r: 0x1f, g: 0x5f, b: 0x73 };

type Point = [number, number];
// In a unit square, y downwards. The dip from the second to the third node is the setback.
const NODES: Point[] = [
  [0.14, 0.66],
  [0.38, 0.42],
  [0.58, 0.54],
  [0.86, 0.22],
];
const NODE_RADIUS = [0.075, 0.075, 0.075, 0.105];
const PATH_HALF_WIDTH = 0.038;
const AXIS: [Point, Point] = [
  [0.08, 0.88],
  [0.92, 0.88],
];
const AXIS_HALF_WIDTH = 0.03;

function segmentDistance([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** True where the mark is solid. */
function inMark(p: Point): boolean {
  if (segmentDistance(p, AXIS[0], AXIS[1]) <= AXIS_HALF_WIDTH) return true;
  // A tick on the line of the years under each moment of the life.
  for (const [x] of NODES) if (segmentDistance(p, [x, AXIS[0][1] - 0.07], [x, AXIS[0][1]]) <= AXIS_HALF_WIDTH * 0.8) return true;
  for (let i = 0; i < NODES.length; i++) {
    if (Math.hypot(p[0] - NODES[i]![0], p[1] - NODES[i]![1]) <= NODE_RADIUS[i]!) return true;
    if (i > 0 && segmentDistance(p, NODES[i - 1]!, NODES[i]!) <= PATH_HALF_WIDTH) return true;
  }
  return false;
}

/** Share of each pixel covered by the mark, when the unit square is drawn at [inset, size - inset]. */
function coverage(size: number, inset: number): Float64Array {
  const out = new Float64Array(size * size);
  const span = size - 2 * inset;
  const samples = 8;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples - inset) / span;
          const v = (y + (sy + 0.5) / samples - inset) / span;
          if (inMark([u, v])) hits++;
        }
      }
      out[y * size + x] = hits / (samples * samples);
    }
  }
  return out;
}

export function drawColorIcon(): Buffer {
  const size = 192;
  const cover = coverage(size, 40);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    const c = cover[i]!;
    const blend = (bg: number) => Math.round(bg + (255 - bg) * c);
    pixels.set([blend(ACCENT.r), blend(ACCENT.g), blend(ACCENT.b), 255], i * 4);
  }
  return encodePng({ width: size, height: size, pixels });
}

export function drawOutlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size, 2);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < size * size; i++) pixels.set([255, 255, 255, Math.round(255 * cover[i]!)], i * 4);
  return encodePng({ width: size, height: size, pixels });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = resolve(import.meta.dirname, '..', 'appPackage');
  writeFileSync(resolve(dir, 'color.png'), drawColorIcon());
  writeFileSync(resolve(dir, 'outline.png'), drawOutlineIcon());
  process.stdout.write('wrote appPackage/color.png (192×192) and appPackage/outline.png (32×32)\n');
}
