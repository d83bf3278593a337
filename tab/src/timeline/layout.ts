import { LIFE_STAGES, LIFE_STAGE_LABELS, lifeStageSpan, maxDate, minDate } from '../../../src/contract/lifeStages.js';
import type { DateSpan, EntryWhen, LifeStage, TimelineEntry } from '../api/types.js';

/**
 * Where entries sit on the life timeline: one lane per life stage from the pregnancy to today, and
 * inside a lane a bar as wide as what is known — a day is a tick, "age 7" its whole year, "primary
 * school years" the whole lane. Pure, so it is tested without a browser.
 */
export interface Lane {
  stage: LifeStage;
  label: string;
  span: DateSpan;
}

export interface Placement {
  /** Percent of the lane's width. */
  left: number;
  width: number;
}

export type Row = { kind: 'lane'; lane: Lane; count: number } | { kind: 'entry'; entry: TimelineEntry; placement: Placement; lane: Lane };

/** The stages the child has lived so far, the last one ending today. */
export function lanesOf(dateOfBirth: string, today: string): Lane[] {
  return LIFE_STAGES.map((stage) => ({ stage, span: lifeStageSpan(dateOfBirth, stage) }))
    .filter(({ span }) => span.start <= today)
    .map(({ stage, span }) => ({ stage, label: LIFE_STAGE_LABELS[stage], span: { start: span.start, end: minDate(span.end, today) } }));
}

/** The narrowest a bar is drawn, so a single day stays visible. */
export const MIN_WIDTH = 1.5;

/**
 * Days since 1970 of an ISO date, remembered: a first render places every entry in its lane, and the
 * shared calendar arithmetic (which checks each date it is given) costs more than the layout itself.
 * The dates come from the API, which has checked them.
 */
const dayNumbers = new Map<string, number>();
function dayOf(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    if (dayNumbers.size > 20_000) dayNumbers.clear();
    dayNumbers.set(date, n);
  }
  return n;
}

export function placeInLane(entry: DateSpan, lane: DateSpan): Placement {
  const laneStart = dayOf(lane.start);
  const laneDays = Math.max(1, dayOf(lane.end) - laneStart + 1);
  const start = maxDate(entry.start, lane.start);
  const end = minDate(entry.end, lane.end);
  if (end < start) return { left: entry.start > lane.end ? 100 - MIN_WIDTH : 0, width: MIN_WIDTH };
  const left = ((dayOf(start) - laneStart) / laneDays) * 100;
  const width = Math.max(MIN_WIDTH, ((dayOf(end) - dayOf(start) + 1) / laneDays) * 100);
  return { left: Math.min(left, 100 - MIN_WIDTH), width: Math.min(width, 100 - Math.min(left, 100 - MIN_WIDTH)) };
}

/** ISO dates, instants and ids compare character by character, as the API's database orders them (and far faster than localeCompare). */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Life order, as the API lists it: earliest first; for one start, the more precise first. */
export function compareLifeOrder(a: TimelineEntry, b: TimelineEntry): number {
  return byCode(a.span.start, b.span.start) || byCode(a.span.end, b.span.end) || byCode(a.createdAt, b.createdAt) || byCode(a.id, b.id);
}

/** Lane headers followed by their entries, for one virtualised list. Every lane shows, even when empty. */
export function rowsOf(entries: TimelineEntry[], dateOfBirth: string, today: string): Row[] {
  const lanes = lanesOf(
    dateOfBirth,
    maxDate(
      today,
      entries.reduce((m, e) => maxDate(m, e.span.start), today),
    ),
  );
  const byStage = new Map<LifeStage, TimelineEntry[]>();
  for (const e of entries) {
    const stage = byStage.get(e.lifeStage);
    if (stage) stage.push(e);
    else byStage.set(e.lifeStage, [e]);
  }
  const rows: Row[] = [];
  for (const lane of lanes) {
    // Already in life order when they come from the list (a sort of sorted entries is one pass).
    const mine = (byStage.get(lane.stage) ?? []).sort(compareLifeOrder);
    rows.push({ kind: 'lane', lane, count: mine.length });
    for (const entry of mine) rows.push({ kind: 'entry', entry, lane, placement: placeInLane(entry.span, lane.span) });
  }
  return rows;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** When, in words, with how precise it is: "3 Sep 2017", "Mar 2014", "2014", "age 7", "the whole stage". */
export function describeWhen(when: EntryWhen): { text: string; precision: string } {
  switch (when.precision) {
    case 'day': {
      const [y, m, d] = when.date.split('-');
      return { text: `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`, precision: 'exact date' };
    }
    case 'month': {
      const [y, m] = when.month.split('-');
      return { text: `${MONTHS[Number(m) - 1]} ${y}`, precision: 'month known' };
    }
    case 'year':
      return { text: String(when.year), precision: 'year known' };
    case 'age':
      return { text: `Age ${when.age}`, precision: 'age known' };
    case 'lifeStage':
      return { text: LIFE_STAGE_LABELS[when.lifeStage], precision: 'stage known' };
  }
}
