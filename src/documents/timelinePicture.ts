import { daysBetween, type IsoDate } from '../domain/dates.js';
import { LIFE_STAGES, type LifeStage, lifeStageSpan } from '../domain/lifeStage.js';
import type { CategoryTone, ServiceSettings } from '../domain/service.js';
import type { TimelineEntry } from '../domain/timeline.js';
import { TONE_MARKS } from '../contract/words.js';
import { chronologyOf } from './chronology.js';
import { categoryLabel, categoryTone, formatDate, PROTECTIVE_MARKING } from './wording.js';

/**
 * The life timeline as one printable picture: one lane per category, the child's age along the
 * bottom, life stages as bands. It must read in black and white and on paper, so the tone of an
 * event is shown by shape (the legend of TONE_MARKS, the same as the tab's) as well as colour, each
 * mark carries its evidence number (E12) beside it as in the report's chronology, entries known only
 * to a year, an age or a stage are bars across that time, and marks close together are spread over
 * rows rather than drawn over each other. The text of the entries stays in the chronology.
 */
export interface TimelinePicture {
  svg: string;
  width: number;
  height: number;
}

export interface PictureInput {
  reference: string;
  dateOfBirth: IsoDate;
  /** The day the picture shows the record as at: the "now" line. */
  today: IsoDate;
  settings: ServiceSettings;
  timeline: TimelineEntry[];
  /** The record kept at a version's approval: the line says "Approved" rather than "Now". */
  asAtApproval?: boolean;
}

const WIDTH = 1200;
const LABEL_W = 250;
const RIGHT = 24;
const TOP = 110;
const STAGE_ROW = 46;
const ROW_H = 20;
const LANE_PAD = 8;
const LABEL_CHARS = 26;
/** Rows a lane may spread its marks over; past that, a crowded mark shares a row and leaves its number to the chronology. */
const MAX_ROWS = 4;
const NUMBER_PX = 6.4; // width of one character of an evidence number at 11 px
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const TONES: CategoryTone[] = ['adverse', 'positive', 'context'];
const INK: Record<CategoryTone, string> = { adverse: '#B91C1C', positive: '#15803D', context: '#1D4ED8' };
/** The stages by their full names, with their ages, as the report's chronology heads them. */
const STAGE_NAMES: Record<LifeStage, string> = {
  pregnancy: 'Pregnancy',
  infancy: 'Infancy 0–2',
  early_years: 'Early years 3–4',
  primary: 'Primary 5–10',
  secondary: 'Secondary 11–15',
  transition: 'Transition 16+',
};

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

function mark(tone: CategoryTone, x: number, y: number, hollow: boolean): string {
  const fill = hollow ? '#FFFFFF' : INK[tone];
  const stroke = `stroke="${INK[tone]}" stroke-width="2"`;
  switch (TONE_MARKS[tone].shape) {
    case 'triangle':
      return `<path d="M${n(x)} ${n(y - 7)}L${n(x + 7)} ${n(y + 6)}H${n(x - 7)}Z" fill="${fill}" ${stroke}/>`;
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="6.5" fill="${fill}" ${stroke}/>`;
    case 'square':
      return `<rect x="${n(x - 6)}" y="${n(y - 6)}" width="12" height="12" fill="${fill}" ${stroke}/>`;
  }
}

/** A label broken into lines at spaces, each at most `max` characters (a longer word keeps its own line). */
export function wrapLabel(text: string, max = LABEL_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

interface Placed {
  label: string;
  tone: CategoryTone;
  hollow: boolean;
  isBar: boolean;
  x0: number;
  x1: number;
  row: number;
  category: string;
  /** Room beside the mark for its number. */
  numbered: boolean;
}

export function timelinePicture(input: PictureInput): TimelinePicture {
  const { settings, dateOfBirth } = input;
  const chronology = chronologyOf(input.timeline);
  const ageAt = (d: IsoDate) => daysBetween(dateOfBirth, d) / 365.25;
  const nowAge = ageAt(input.today);
  const lastEnd = input.timeline.reduce((m, e) => Math.max(m, ageAt(e.span.end < input.today ? e.span.end : input.today)), 0);
  const minAge = -0.75;
  const maxAge = Math.min(25, Math.max(Math.ceil(nowAge), Math.ceil(lastEnd), 11));
  const plotW = WIDTH - LABEL_W - RIGHT - 30;
  const x = (age: number) => LABEL_W + ((Math.min(Math.max(age, minAge), maxAge) - minAge) / (maxAge - minAge)) * plotW;

  const known = settings.categories.map((c) => c.key);
  const used = new Set(input.timeline.map((e) => e.category));
  const lanes = [...known.filter((k) => used.has(k)), ...[...used].filter((k) => !known.includes(k)).sort()];

  // Each mark takes its place and the room its number needs; a mark that would touch another goes to the next row.
  const rowEnds = new Map<string, number[]>();
  const placed: Placed[] = chronology.entries.map(({ entry, label }) => {
    const x0 = x(ageAt(entry.span.start));
    const x1 = x(ageAt(entry.span.end));
    const isBar = daysBetween(entry.span.start, entry.span.end) > 62;
    const mid = (x0 + x1) / 2;
    const left = isBar ? x0 : mid - 8;
    const right = (isBar ? Math.max(x1, x0 + 4) : mid + 8) + 3 + label.length * NUMBER_PX;
    const ends = rowEnds.get(entry.category) ?? [];
    let row = ends.findIndex((end) => end < left);
    const crowded = row < 0 && ends.length >= MAX_ROWS;
    if (row < 0) row = crowded ? ends.indexOf(Math.min(...ends)) : ends.length;
    ends[row] = Math.max(ends[row] ?? -Infinity, crowded ? (isBar ? Math.max(x1, x0 + 4) : mid + 8) : right + 4);
    rowEnds.set(entry.category, ends);
    const tone = categoryTone(settings, entry.category);
    return { label, tone, hollow: entry.confidence === 'unverified' && !entry.withheld, isBar, x0, x1, row, category: entry.category, numbered: !crowded };
  });

  const laneLines = lanes.map((key) => wrapLabel(`${categoryLabel(settings, key)} (${input.timeline.filter((e) => e.category === key).length})`));
  const laneHeights = lanes.map((key, i) => Math.max((rowEnds.get(key)?.length ?? 1) * ROW_H, (laneLines[i] as string[]).length * 18) + 2 * LANE_PAD);
  const laneTops = laneHeights.reduce<number[]>((tops, h, i) => [...tops, (tops[i] as number) + h], [TOP + STAGE_ROW]);
  const lanesBottom = laneTops.at(-1) as number;
  const legendTop = lanesBottom + 70;
  const height = legendTop + 120;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc" font-family="${FONT}">`,
    `<title id="title">Life timeline, case ${xml(input.reference)}</title>`,
    `<desc id="desc">${chronology.entries.length} timeline entries in ${lanes.length} categories, by the young person's age from pregnancy to ${maxAge}, each numbered as in the chronology (E1, E2…). Marks: ${TONES.map((tone) => `${TONE_MARKS[tone].shape} for ${TONE_MARKS[tone].label.toLowerCase()}`).join(', ')}; bars show entries known only to a year, an age or a life stage; hollow marks are not yet verified.</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${WIDTH / 2}" y="22" font-size="15" font-weight="bold" text-anchor="middle" fill="#000000">${PROTECTIVE_MARKING}</text>`,
    `<text x="24" y="56" font-size="24" font-weight="bold" fill="#111827">Life timeline · ${xml(input.reference)}</text>`,
    `<text x="24" y="84" font-size="14" fill="#374151">${chronology.entries.length} entries · ${input.asAtApproval ? 'as approved on' : 'as at'} ${xml(formatDate(input.today))} · the numbers by the marks (E1, E2…) are the entries of the chronology in the formulation report</text>`,
  );

  // Life stages: alternating bands behind the lanes, then their full names above them on two staggered lines.
  const bands = LIFE_STAGES.map((stage, i) => {
    const span = lifeStageSpan(dateOfBirth, stage);
    return { stage, i, x0: x(ageAt(span.start)), x1: x(ageAt(span.end) + 1 / 365.25) };
  }).filter((b) => b.x1 - b.x0 >= 1);
  for (const b of bands) {
    out.push(
      `<rect x="${n(b.x0)}" y="${TOP}" width="${n(b.x1 - b.x0)}" height="${lanesBottom - TOP}" fill="${b.i % 2 ? '#FFFFFF' : '#F3F4F6'}" stroke="#D1D5DB"/>`,
    );
  }
  for (const b of bands) {
    const name = STAGE_NAMES[b.stage];
    const half = (name.length * 7.4) / 2;
    const centre = Math.min(Math.max((b.x0 + b.x1) / 2, LABEL_W - 40 + half), WIDTH - RIGHT - half);
    out.push(
      `<text x="${n(centre)}" y="${TOP + (b.i % 2 ? 38 : 18)}" font-size="13" font-weight="bold" text-anchor="middle" fill="#111827">${xml(name)}</text>`,
    );
  }
  out.push(`<text x="24" y="${TOP + 28}" font-size="13" fill="#374151">Life stage</text>`);

  lanes.forEach((_, i) => {
    const y = laneTops[i] as number;
    const lines = laneLines[i] as string[];
    const mid = y + (laneHeights[i] as number) / 2;
    out.push(`<line x1="24" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}" stroke="#D1D5DB"/>`);
    lines.forEach((line, k) =>
      out.push(`<text x="24" y="${n(mid + (k - (lines.length - 1) / 2) * 18 + 5)}" font-size="15" fill="#111827">${xml(line)}</text>`),
    );
  });
  out.push(`<line x1="24" x2="${WIDTH - RIGHT}" y1="${lanesBottom}" y2="${lanesBottom}" stroke="#9CA3AF"/>`);

  for (const p of placed) {
    const lane = lanes.indexOf(p.category);
    const rows = rowEnds.get(p.category)?.length ?? 1;
    const laneMid = (laneTops[lane] as number) + (laneHeights[lane] as number) / 2;
    const y = laneMid + (p.row - (rows - 1) / 2) * ROW_H;
    const titleText = `<title>${p.label} · ${xml(categoryLabel(settings, p.category))}</title>`;
    const shape = p.isBar
      ? `<rect x="${n(p.x0)}" y="${n(y - 4)}" width="${n(Math.max(p.x1 - p.x0, 4))}" height="8" rx="2" fill="${p.hollow ? '#FFFFFF' : INK[p.tone]}" fill-opacity="${p.hollow ? 1 : 0.35}" stroke="${INK[p.tone]}" stroke-width="1.5"/>`
      : mark(p.tone, (p.x0 + p.x1) / 2, y, p.hollow);
    const numberX = (p.isBar ? Math.max(p.x1, p.x0 + 4) : (p.x0 + p.x1) / 2 + 8) + 3;
    const number = p.numbered ? `<text x="${n(numberX)}" y="${n(y + 4)}" font-size="11" fill="#111827">${p.label}</text>` : '';
    out.push(`<g>${titleText}${shape}${number}</g>`);
  }

  // Where the record stands: today, or the day this version was approved.
  const nowX = x(nowAge);
  out.push(
    `<line x1="${n(nowX)}" x2="${n(nowX)}" y1="${TOP}" y2="${lanesBottom + 8}" stroke="#111827" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${n(nowX)}" y="${TOP - 6}" font-size="13" font-weight="bold" text-anchor="middle" fill="#111827">${input.asAtApproval ? 'Approved' : 'Now'}</text>`,
  );

  // Age axis.
  const axisY = lanesBottom + 8;
  const step = maxAge > 18 ? 2 : 1;
  for (let age = 0; age <= maxAge; age += step) {
    out.push(
      `<line x1="${n(x(age))}" x2="${n(x(age))}" y1="${lanesBottom}" y2="${axisY}" stroke="#6B7280"/>`,
      `<text x="${n(x(age))}" y="${axisY + 16}" font-size="13" text-anchor="middle" fill="#374151">${age}</text>`,
    );
  }
  out.push(`<text x="${n(LABEL_W + plotW / 2)}" y="${axisY + 36}" font-size="14" text-anchor="middle" fill="#111827">Age in years</text>`);

  // Legend: what each shape, a hollow mark, a bar, a number and the dashed line mean.
  const legend: [string, string][] = [
    ...TONES.map((tone): [string, string] => [mark(tone, 34, 0, false), TONE_MARKS[tone].label]),
    [mark('context', 34, 0, true), 'Hollow: not yet verified'],
    [
      `<rect x="22" y="-4" width="24" height="8" rx="2" fill="#1D4ED8" fill-opacity="0.35" stroke="#1D4ED8" stroke-width="1.5"/>`,
      'Bar: known only to a year, an age or a life stage; it spans that time',
    ],
    [`<text x="24" y="4" font-size="11" fill="#111827">E12</text>`, 'Number of the entry in the chronology'],
    [
      `<line x1="34" x2="34" y1="-9" y2="9" stroke="#111827" stroke-width="2" stroke-dasharray="6 4"/>`,
      input.asAtApproval ? 'The day this version was approved' : 'Today',
    ],
  ];
  legend.forEach(([shape, text], i) => {
    const col = i < 4 ? 0 : 1;
    const row = i < 4 ? i : i - 4;
    const dx = col === 0 ? (row % 2) * 300 : 0;
    const dy = col === 0 ? Math.floor(row / 2) * 26 : row * 26;
    const gx = col === 0 ? dx : 600;
    out.push(`<g transform="translate(${gx} ${legendTop + dy})">${shape}<text x="58" y="5" font-size="14" fill="#111827">${xml(text)}</text></g>`);
  });
  out.push(`<text x="${WIDTH / 2}" y="${height - 12}" font-size="15" font-weight="bold" text-anchor="middle" fill="#000000">${PROTECTIVE_MARKING}</text>`);
  out.push('</svg>');
  return { svg: out.join('\n'), width: WIDTH, height };
}
