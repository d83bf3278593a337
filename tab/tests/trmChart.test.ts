import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabel, stepSegments, type Box, type Point } from '../src/trm/chartGeometry.js';

/** The chart's plot as TrmChart draws it: 720 × 300, levels 1–6 from y 256 up to 16. */
const AREA: Box = { left: 190, right: 720, top: 0, bottom: 256 };
const END = 672;
const y = (level: number) => 16 + ((6 - level) / 5) * 240;

const crosses = (b: Box, s: { x1: number; y1: number; x2: number; y2: number }) =>
  Math.min(s.x1, s.x2) < b.right && Math.max(s.x1, s.x2) > b.left && Math.min(s.y1, s.y2) < b.bottom && Math.max(s.y1, s.y2) > b.top;

describe("the TRM chart's setback label", () => {
  it('is not drawn over the line when the setback is the last point, at the right edge (as seen in the walk)', () => {
    const points: Point[] = [
      { x: 190, y: y(2) },
      { x: 450, y: y(3) },
      { x: 672, y: y(2.5) },
    ];
    const place = placeLabel(points, 2, END, AREA);
    for (const s of stepSegments(points, END)) expect(crosses(place.box, s)).toBe(false);
    expect(place.box.right).toBeLessThanOrEqual(AREA.right);
  });

  it('finds a free place above when the setback is to level 1, at the bottom of the plot', () => {
    const points: Point[] = [
      { x: 190, y: y(1.5) },
      { x: 400, y: y(1) },
    ];
    const place = placeLabel(points, 1, END, AREA);
    expect(place.box.bottom).toBeLessThanOrEqual(AREA.bottom);
    for (const s of stepSegments(points, END)) expect(crosses(place.box, s)).toBe(false);
  });

  it('never touches the line, whatever the placements, while the points are at least 60 px apart', () => {
    const levels = fc.constantFrom(1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6);
    fc.assert(
      fc.property(fc.array(fc.tuple(levels, fc.integer({ min: 60, max: 80 })), { minLength: 2, maxLength: 7 }), (steps) => {
        let x = AREA.left;
        const points = steps.map(([level, gap], i) => ({ x: i === 0 ? x : (x += gap), y: y(level) }));
        const segments = stepSegments(points, END);
        points.forEach((p, i) => {
          const before = points[i - 1];
          if (!before || p.y <= before.y) return; // only a move down is a setback
          const place = placeLabel(points, i, END, AREA);
          for (const s of segments) expect(crosses(place.box, s)).toBe(false);
        });
      }),
    );
  });
});
