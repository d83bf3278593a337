/**
 * Where the TRM chart's words go. Pure, so it is tested without a browser: the step line's segments,
 * and a place for each "setback" label that keeps it off the line and off the points.
 */
export interface Point {
  x: number;
  y: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The step line through the points: along at the old level, then up or down to the new one, on to `endX`. */
export function stepSegments(points: Point[], endX: number): Segment[] {
  const segments: Segment[] = [];
  points.forEach((p, i) => {
    const before = points[i - 1];
    if (before) {
      segments.push({ x1: before.x, y1: before.y, x2: p.x, y2: before.y });
      segments.push({ x1: p.x, y1: before.y, x2: p.x, y2: p.y });
    }
  });
  const last = points[points.length - 1];
  if (last) segments.push({ x1: last.x, y1: last.y, x2: endX, y2: last.y });
  return segments;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const segmentBox = (s: Segment, pad: number): Box => ({
  left: Math.min(s.x1, s.x2) - pad,
  right: Math.max(s.x1, s.x2) + pad,
  top: Math.min(s.y1, s.y2) - pad,
  bottom: Math.max(s.y1, s.y2) + pad,
});

/** The mark drawn at each point (a dot, or the setback's ▼), as a box. */
const MARK = 8;

export interface LabelPlace {
  x: number;
  /** The text's baseline. */
  y: number;
  anchor: 'start' | 'end';
  box: Box;
}

/**
 * Where the label of the point at `index` goes: below or above it, to its left or right — the first
 * of these that touches no part of the line, no other point and stays inside `area`. If none is free
 * (points crowded together), below and to the left, where a setback's own line never runs.
 */
export function placeLabel(points: Point[], index: number, endX: number, area: Box, text = { width: 48, ascent: 10, descent: 3 }): LabelPlace {
  const p = points[index]!;
  const candidates: { dx: number; baseline: number; anchor: 'start' | 'end' }[] = [
    { dx: -10, baseline: p.y + 20, anchor: 'end' },
    { dx: 10, baseline: p.y + 20, anchor: 'start' },
    { dx: -10, baseline: p.y - 12, anchor: 'end' },
    { dx: 10, baseline: p.y - 12, anchor: 'start' },
  ];
  const obstacles = [
    ...stepSegments(points, endX).map((s) => segmentBox(s, 2)),
    ...points.map((q) => ({ left: q.x - MARK, right: q.x + MARK, top: q.y - MARK, bottom: q.y + MARK })),
  ];
  const places = candidates.map(({ dx, baseline, anchor }): LabelPlace => {
    const x = p.x + dx;
    const left = anchor === 'end' ? x - text.width : x;
    return { x, y: baseline, anchor, box: { left, right: left + text.width, top: baseline - text.ascent, bottom: baseline + text.descent } };
  });
  const inside = (b: Box) => b.left >= area.left && b.right <= area.right && b.top >= area.top && b.bottom <= area.bottom;
  return places.find((c) => inside(c.box) && !obstacles.some((o) => overlaps(o, c.box))) ?? places[0]!;
}
