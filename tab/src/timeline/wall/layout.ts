import { LIFE_STAGE_LABELS, lifeStageSpan } from '../../../../src/contract/lifeStages.js';
import type { LifeStage, TimelineCategory, TimelineEntry } from '../../api/types.js';
import { AGENCIES, AGENCY_LABELS, label } from '../../labels.js';
import { compareLifeOrder, lanesOf } from '../layout.js';

/**
 * The timeline wall's geometry, pure so that it is tested without a browser: the child's life from
 * the pregnancy to today as days, the life stages as bands, lanes by agency or by category, each
 * entry a mark as wide as its date is known (a day is a point, anything vaguer a span), and the
 * window of days the wall shows (the whole life down to a single year).
 *
 * Days are counted from 1 Jan 1970 (UTC), so no time zone moves a date; an end is exclusive.
 */
export const DAY_MS = 86_400_000;
/** The narrowest window: a single year. */
export const MIN_WINDOW_DAYS = 365;

export const dayOf = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface Window {
  start: number;
  end: number;
}

export interface Band {
  stage: LifeStage;
  label: string;
  start: number;
  end: number;
}

/** Lanes by the agency that knows it, by category, or one lane for everything (the side panel's strip). */
export type LaneMode = 'agency' | 'category' | 'one';

export interface WallLane {
  key: string;
  label: string;
  /** How many rows the lane's marks are stacked in, so spans that overlap do not hide each other. */
  rows: number;
  count: number;
}

export interface WallMark {
  entry: TimelineEntry;
  /** Index in life order: what the arrow keys step through. */
  order: number;
  lane: number;
  row: number;
  start: number;
  end: number;
  /** Only an exact day is a point; a month, a year, an age or a stage is drawn as the span it covers. */
  point: boolean;
}

export interface WallLayout {
  /** Pregnancy (nine months before birth) to today, or to the latest entry if one lies beyond. */
  domain: Window;
  bands: Band[];
  lanes: WallLane[];
  /** In life order, earliest first. */
  marks: WallMark[];
}

/** The most rows a lane stacks its marks in; beyond it marks share the row that frees up first. */
export const MAX_ROWS = 4;

const laneKeyOf = (e: TimelineEntry, mode: LaneMode) => (mode === 'one' ? 'all' : mode === 'agency' ? e.sourceAgency : e.category);

/** The category a restricted entry carries for those who may not read it (src/domain/restriction.ts). */
const WITHHELD_CATEGORY = 'restricted';

/** The lanes' keys in the order they are drawn: the agencies in the service's order, the categories in the settings' order; only those with entries. */
function laneKeys(entries: TimelineEntry[], mode: LaneMode, categories: TimelineCategory[]): { key: string; label: string }[] {
  if (mode === 'one') return entries.length ? [{ key: 'all', label: 'All entries' }] : [];
  const present = new Set(entries.map((e) => laneKeyOf(e, mode)));
  const known = mode === 'agency' ? AGENCIES.map((a) => ({ key: a, label: label(AGENCY_LABELS, a) })) : categories.map((c) => ({ key: c.key, label: c.label }));
  const ordered = known.filter((k) => present.has(k.key));
  const knownKeys = new Set(known.map((k) => k.key));
  const others = [...present]
    .filter((k) => !knownKeys.has(k))
    .sort()
    .map((k) => ({ key: k, label: k === WITHHELD_CATEGORY ? 'Restricted' : k.replaceAll('_', ' ') }));
  return [...ordered, ...others];
}

/** Lays the entries out; the caller memoises it on the entries, the mode and the dates. */
export function wallLayout(entries: TimelineEntry[], o: { dateOfBirth: string; today: string; mode: LaneMode; categories: TimelineCategory[] }): WallLayout {
  const sorted = [...entries].sort(compareLifeOrder);
  const latest = sorted.reduce((m, e) => (e.span.end > m ? e.span.end : m), o.today);
  const lastDay = latest > o.today ? latest : o.today;
  const domain = { start: dayOf(lifeStageSpan(o.dateOfBirth, 'pregnancy').start), end: dayOf(lastDay) + 1 };
  const bands = lanesOf(o.dateOfBirth, lastDay).map((l) => ({
    stage: l.stage,
    label: LIFE_STAGE_LABELS[l.stage],
    start: dayOf(l.span.start),
    end: dayOf(l.span.end) + 1,
  }));
  const keys = laneKeys(sorted, o.mode, o.categories);
  const laneIndex = new Map(keys.map((k, i) => [k.key, i]));
  // Per lane, the day each row is free from: a mark takes the first row free at its start.
  const rowEnds: number[][] = keys.map(() => []);
  const counts = keys.map(() => 0);
  const marks: WallMark[] = sorted.map((entry, order) => {
    const lane = laneIndex.get(laneKeyOf(entry, o.mode))!;
    const start = dayOf(entry.span.start);
    const end = dayOf(entry.span.end) + 1;
    const ends = rowEnds[lane]!;
    let row = ends.findIndex((free) => free <= start);
    if (row < 0 && ends.length < MAX_ROWS) row = ends.length;
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    // A point keeps a little room around it, so two points a day apart do not sit on each other.
    ends[row] = Math.max(ends[row] ?? 0, entry.when.precision === 'day' ? end + 7 : end);
    counts[lane]! += 1;
    return { entry, order, lane, row, start, end, point: entry.when.precision === 'day' };
  });
  const lanes = keys.map((k, i) => ({ ...k, rows: Math.max(1, rowEnds[i]!.length), count: counts[i]! }));
  return { domain, bands, lanes, marks };
}

/** The whole life. */
export const wholeLife = (l: Pick<WallLayout, 'domain'>): Window => ({ ...l.domain });

/** Keeps a window inside the life and at least a year wide (or the whole life, if it is shorter). */
export function clampWindow(w: Window, domain: Window): Window {
  const full = domain.end - domain.start;
  const span = Math.min(full, Math.max(MIN_WINDOW_DAYS, w.end - w.start));
  const start = Math.min(Math.max(w.start, domain.start), domain.end - span);
  return { start, end: start + span };
}

/** Zooms in (factor < 1) or out (factor > 1) around a day, keeping that day where it was on the wall. */
export function zoomWindow(w: Window, domain: Window, factor: number, around = (w.start + w.end) / 2): Window {
  const span = w.end - w.start;
  const next = Math.min(domain.end - domain.start, Math.max(MIN_WINDOW_DAYS, span * factor));
  const at = (around - w.start) / span;
  return clampWindow({ start: around - at * next, end: around - at * next + next }, domain);
}

/** Moves the window by a fraction of its width: negative is earlier in the life. */
export const panWindow = (w: Window, domain: Window, fraction: number): Window =>
  clampWindow({ start: w.start + (w.end - w.start) * fraction, end: w.end + (w.end - w.start) * fraction }, domain);

/** The window moved just enough for a mark to be in it (its start, for a span wider than the window). */
export function windowShowing(w: Window, domain: Window, m: Pick<WallMark, 'start' | 'end'>): Window {
  const span = w.end - w.start;
  const margin = span * 0.05;
  if (m.start >= w.start && m.end <= w.end) return w;
  if (m.start < w.start || m.end - m.start > span) return clampWindow({ start: m.start - margin, end: m.start - margin + span }, domain);
  return clampWindow({ start: m.end + margin - span, end: m.end + margin }, domain);
}

export const visible = (m: Pick<WallMark, 'start' | 'end'>, w: Window) => m.end > w.start && m.start < w.end;

/** How far zoomed in, in words: "the whole life", "6 years", "1 year". */
export function describeWindow(w: Window, domain: Window): string {
  if (w.start <= domain.start && w.end >= domain.end) return 'the whole life';
  const years = Math.round((w.end - w.start) / 365.25);
  const from = isoOf(Math.round(w.start)).slice(0, 4);
  const to = isoOf(Math.round(w.end) - 1).slice(0, 4);
  return `${years <= 1 ? '1 year' : `${years} years`}, ${from === to ? from : `${from} to ${to}`}`;
}

export type Direction = 'previous' | 'next' | 'up' | 'down' | 'first' | 'last';

/**
 * The mark the arrow keys move to from a mark: previous and next in life order, up and down to the
 * nearest in time in the lane above or below, first and last of the life.
 */
export function neighbour(marks: WallMark[], from: number, dir: Direction): number {
  if (marks.length === 0) return -1;
  const here = marks[from];
  if (!here || dir === 'first') return 0;
  if (dir === 'last') return marks.length - 1;
  if (dir === 'previous') return Math.max(0, from - 1);
  if (dir === 'next') return Math.min(marks.length - 1, from + 1);
  const step = dir === 'up' ? -1 : 1;
  const lanes = new Set(marks.map((m) => m.lane));
  for (let lane = here.lane + step; lane >= 0 && lane <= Math.max(...lanes); lane += step) {
    if (!lanes.has(lane)) continue;
    const mid = (here.start + here.end) / 2;
    let best = -1;
    let bestDistance = Infinity;
    marks.forEach((m, i) => {
      if (m.lane !== lane) return;
      const d = Math.abs((m.start + m.end) / 2 - mid);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    });
    return best;
  }
  return from;
}

export interface Tick {
  day: number;
  label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The axis under the wall: years (every one, or every 2nd or 5th as room allows), or months in a window of three years or less. */
export function ticks(w: Window, widthPx: number): Tick[] {
  const span = w.end - w.start;
  const pxPerDay = widthPx / span;
  const first = new Date(w.start * DAY_MS);
  const out: Tick[] = [];
  if (span <= 3 * 366 && pxPerDay * 30 >= 28) {
    const step = pxPerDay * 30 >= 40 ? 1 : 3;
    for (let y = first.getUTCFullYear(), m = first.getUTCMonth(); ; m++) {
      const day = Date.UTC(y, m, 1) / DAY_MS;
      if (day >= w.end) break;
      const month = ((m % 12) + 12) % 12;
      if (day >= w.start && month % step === 0) out.push({ day, label: month === 0 ? String(new Date(day * DAY_MS).getUTCFullYear()) : MONTHS[month]! });
    }
    return out;
  }
  const step = [1, 2, 5, 10].find((s) => pxPerDay * 365 * s >= 44) ?? 10;
  for (let y = first.getUTCFullYear(); ; y++) {
    const day = Date.UTC(y, 0, 1) / DAY_MS;
    if (day >= w.end) break;
    if (day >= w.start && y % step === 0) out.push({ day, label: String(y) });
  }
  return out;
}
