import { daysBetween, type IsoDate } from '../domain/dates.js';
import { LIFE_STAGES, type LifeStage, lifeStageSpan } from '../domain/lifeStage.js';
import type { CategoryTone, ServiceSettings } from '../domain/service.js';
import type { TimelineEntry } from '../domain/timeline.js';
import { TONE_MARKS } from '../contract/words.js';
import { chronologyOf } from './chronology.js';
import { categoryLabel, categoryTone, formatDate } from './wording.js';

/**
 * The life timeline as one printable picture: one lane per category, the child's age along the
 * bottom, life stages as bands. It must read in black and white, so the tone of an event is shown
 * by shape (the legend of TONE_MARKS, the same as the tab's) as well as colour, and entries known only to an age
 * or a stage are drawn as bars across that time. Each mark carries its evidence number (E12) as its
 * title; the text of the entries stays in the chronology, not in the picture.
 */
export interface TimelinePicture {
  svg: string;
  width: number;
  height: number;
}

export interface PictureInput {
  reference: string;
  dateOfBirth: IsoDate;
  today: IsoDate;
  settings: ServiceSettings;
  timeline: TimelineEntry[];
}

const WIDTH = 1200;
const LABEL_W = 290;
const RIGHT = 24;
const TOP = 96;
const STAGE_ROW = 34;
const LANE_H = 38;
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const TONES: CategoryTone[] = ['adverse', 'positive', 'context'];
const INK: Record<CategoryTone, string> = { adverse: '#B91C1C', positive: '#15803D', context: '#1D4ED8' };
const SHORT_STAGE: Record<LifeStage, string> = {
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

export function timelinePicture(input: PictureInput): TimelinePicture {
  const { settings, dateOfBirth } = input;
  const chronology = chronologyOf(input.timeline);
  const ageAt = (d: IsoDate) => daysBetween(dateOfBirth, d) / 365.25;
  const lastEnd = input.timeline.reduce((m, e) => Math.max(m, ageAt(e.span.end < input.today ? e.span.end : input.today)), 0);
  const minAge = -0.75;
  const maxAge = Math.min(25, Math.max(Math.ceil(ageAt(input.today)), Math.ceil(lastEnd), 11));
  const plotW = WIDTH - LABEL_W - RIGHT;
  const x = (age: number) => LABEL_W + ((Math.min(Math.max(age, minAge), maxAge) - minAge) / (maxAge - minAge)) * plotW;

  const known = settings.categories.map((c) => c.key);
  const used = new Set(input.timeline.map((e) => e.category));
  const lanes = [...known.filter((k) => used.has(k)), ...[...used].filter((k) => !known.includes(k)).sort()];
  const lanesTop = TOP + STAGE_ROW;
  const lanesBottom = lanesTop + Math.max(lanes.length, 1) * LANE_H;
  const height = lanesBottom + 110;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="title desc" font-family="${FONT}">`,
    `<title id="title">Life timeline, case ${xml(input.reference)}</title>`,
    `<desc id="desc">${chronology.entries.length} timeline entries in ${lanes.length} categories, by the young person's age from pregnancy to ${maxAge}. Marks: ${TONES.map((tone) => `${TONE_MARKS[tone].shape} for ${TONE_MARKS[tone].label.toLowerCase()}`).join(', ')}; bars show entries known only to an age or life stage; hollow marks are not yet verified.</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="24" y="40" font-size="24" font-weight="bold" fill="#111827">Life timeline · ${xml(input.reference)}</text>`,
    `<text x="24" y="68" font-size="14" fill="#374151">${chronology.entries.length} entries · generated ${xml(formatDate(input.today))} · numbers (E1, E2…) match the chronology in the formulation report</text>`,
  );

  // Life stages: alternating bands behind the lanes, labelled above them.
  LIFE_STAGES.forEach((stage, i) => {
    const span = lifeStageSpan(dateOfBirth, stage);
    const x0 = x(ageAt(span.start));
    const x1 = x(ageAt(span.end) + 1 / 365.25);
    if (x1 - x0 < 1) return;
    out.push(`<rect x="${n(x0)}" y="${TOP}" width="${n(x1 - x0)}" height="${lanesBottom - TOP}" fill="${i % 2 ? '#FFFFFF' : '#F3F4F6'}" stroke="#D1D5DB"/>`);
    // A narrow band gets the stage's ages only, so labels never run into each other.
    const label = x1 - x0 > SHORT_STAGE[stage].length * 8.5 ? SHORT_STAGE[stage] : x1 - x0 > 44 ? (SHORT_STAGE[stage].split(' ').pop() as string) : '';
    if (label)
      out.push(`<text x="${n((x0 + x1) / 2)}" y="${TOP + 22}" font-size="14" font-weight="bold" text-anchor="middle" fill="#111827">${xml(label)}</text>`);
  });

  lanes.forEach((key, i) => {
    const y = lanesTop + i * LANE_H;
    const count = input.timeline.filter((e) => e.category === key).length;
    out.push(
      `<line x1="24" x2="${WIDTH - RIGHT}" y1="${y}" y2="${y}" stroke="#D1D5DB"/>`,
      `<text x="24" y="${y + LANE_H / 2 + 5}" font-size="15" fill="#111827">${xml(categoryLabel(settings, key).slice(0, 28))} (${count})</text>`,
    );
  });
  out.push(`<line x1="24" x2="${WIDTH - RIGHT}" y1="${lanesBottom}" y2="${lanesBottom}" stroke="#9CA3AF"/>`);

  // Marks: up to three rows within a lane, so that marks close together do not hide each other.
  const rowEnds = new Map<string, number[]>();
  for (const { entry, label } of chronology.entries) {
    const lane = lanes.indexOf(entry.category);
    const tone = categoryTone(settings, entry.category);
    const x0 = x(ageAt(entry.span.start));
    const x1 = x(ageAt(entry.span.end));
    const isBar = daysBetween(entry.span.start, entry.span.end) > 62;
    const left = isBar ? x0 : (x0 + x1) / 2 - 7;
    const right = isBar ? x1 : (x0 + x1) / 2 + 7;
    const ends = rowEnds.get(entry.category) ?? [-Infinity, -Infinity, -Infinity];
    let row = ends.findIndex((end) => end < left);
    if (row < 0) row = ends.indexOf(Math.min(...ends));
    ends[row] = right + 2;
    rowEnds.set(entry.category, ends);
    const y = lanesTop + lane * LANE_H + LANE_H / 2 + (row - 1) * 10;
    const hollow = entry.confidence === 'unverified';
    const titleText = `<title>${label} · ${xml(categoryLabel(settings, entry.category))}</title>`;
    if (isBar) {
      out.push(
        `<g>${titleText}<rect x="${n(x0)}" y="${n(y - 4)}" width="${n(Math.max(x1 - x0, 4))}" height="8" rx="2" fill="${hollow ? '#FFFFFF' : INK[tone]}" fill-opacity="${hollow ? 1 : 0.35}" stroke="${INK[tone]}" stroke-width="1.5"/></g>`,
      );
    } else {
      out.push(`<g>${titleText}${mark(tone, (x0 + x1) / 2, y, hollow)}</g>`);
    }
  }

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

  // Legend.
  const ly = height - 30;
  const legend: [string, string][] = [
    ...TONES.map((tone): [string, string] => [mark(tone, 34, ly, false), TONE_MARKS[tone].label]),
    [mark('context', 34, ly, true), 'Not yet verified'],
    [
      `<rect x="26" y="${ly - 4}" width="20" height="8" rx="2" fill="#1D4ED8" fill-opacity="0.35" stroke="#1D4ED8" stroke-width="1.5"/>`,
      'Known only to an age or stage',
    ],
  ];
  legend.forEach(([shape, text], i) => {
    const dx = i * 220;
    out.push(`<g transform="translate(${dx} 0)">${shape}<text x="54" y="${ly + 5}" font-size="14" fill="#111827">${text}</text></g>`);
  });
  out.push('</svg>');
  return { svg: out.join('\n'), width: WIDTH, height };
}
