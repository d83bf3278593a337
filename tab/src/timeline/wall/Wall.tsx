import { Button, makeStyles, mergeClasses, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { ArrowLeft20Regular, ArrowRight20Regular, FullScreenMaximize20Regular, ZoomIn20Regular, ZoomOut20Regular } from '@fluentui/react-icons';
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TimelineCategory, TimelineEntry } from '../../api/types.js';
import { AGENCY_LABELS, label } from '../../labels.js';
import { TONE_MARKS, type ToneShape } from '../../../../src/contract/words.js';
import { CategoryIcon, lookOf, type Palette } from '../categories.js';
import { describeWhen } from '../layout.js';
import {
  describeWindow,
  neighbour,
  panWindow,
  ticks,
  visible,
  wallLayout,
  windowShowing,
  zoomWindow,
  type Direction,
  type LaneMode,
  type WallMark,
  type Window,
} from './layout.js';

/** Sizes by where the wall is drawn: the meeting stage (large), the personal tab, the side panel's strip. */
const SIZES = {
  stage: { row: 26, shape: 14, font: 15, head: 28, axis: 24, gutter: 180, lanePad: 6 },
  normal: { row: 20, shape: 12, font: 13, head: 24, axis: 20, gutter: 150, lanePad: 5 },
  strip: { row: 12, shape: 9, font: 11, head: 18, axis: 16, gutter: 0, lanePad: 3 },
} as const;
export type WallSize = keyof typeof SIZES;

/** Life stages' short names, for a band too narrow for its full name. */
const SHORT: Record<string, string> = { pregnancy: 'Preg.', infancy: '0–2', early_years: '3–4', primary: '5–10', secondary: '11–15', transition: '16+' };

const useStyles = makeStyles({
  wall: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, maxWidth: '100%' },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, '@media print': { display: 'none' } },
  where: { color: tokens.colorNeutralForeground2 },
  frame: {
    position: 'relative',
    width: '100%',
    overflow: 'hidden',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    touchAction: 'pan-y',
    '@media (forced-colors: active)': { border: '1px solid CanvasText' },
  },
  svg: { display: 'block', userSelect: 'none', cursor: 'grab' },
  // Under forced colours every fill is the canvas and every line and mark its text colour: a band's tint would otherwise hide the marks.
  bandA: { fill: tokens.colorNeutralBackground2, '@media (forced-colors: active)': { fill: 'Canvas' } },
  bandB: { fill: tokens.colorNeutralBackground4, '@media (forced-colors: active)': { fill: 'Canvas' } },
  rule: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1, '@media (forced-colors: active)': { stroke: 'CanvasText' } },
  laneRule: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: '2 3', '@media (forced-colors: active)': { stroke: 'CanvasText' } },
  text: { fill: tokens.colorNeutralForeground1, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  quiet: { fill: tokens.colorNeutralForeground2, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  gutter: { fill: tokens.colorNeutralBackground1, '@media (forced-colors: active)': { fill: 'Canvas' } },
  mark: {
    cursor: 'pointer',
    outline: 'none',
    color: 'var(--ecm-mark)',
    '& .ring': { fill: 'none', stroke: 'none' },
    ':focus .ring': { stroke: tokens.colorStrokeFocus2, strokeWidth: 3 },
    '@media (forced-colors: active)': { color: 'CanvasText', forcedColorAdjust: 'none', ':focus .ring': { stroke: 'Highlight' } },
  },
  hollow: { fill: tokens.colorNeutralBackground1, '@media (forced-colors: active)': { fill: 'Canvas' } },
  fresh: { fill: 'none', stroke: tokens.colorPaletteGreenBorderActive, strokeWidth: 3, '@media (forced-colors: active)': { stroke: 'Highlight' } },
  freshContrast: { stroke: 'Highlight' },
  freshText: { fill: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, '@media (forced-colors: active)': { fill: 'CanvasText' } },
  callout: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '4px 8px',
    minHeight: '1.5em',
    overflowWrap: 'anywhere',
  },
  calloutText: { minWidth: 0, flex: '1 1 12em' },
  key: { display: 'inline-flex', alignItems: 'center', gap: '4px', marginRight: tokens.spacingHorizontalM },
  spoken: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface WallProps {
  entries: TimelineEntry[];
  dateOfBirth: string;
  today: string;
  categories: TimelineCategory[];
  palette: Palette;
  size?: WallSize;
  /** Entries others have just added or changed, with who did it: drawn highlighted. */
  highlight?: ReadonlyMap<string, string>;
  onOpen?: (e: TimelineEntry) => void;
  /** Called once, when the wall has first been drawn with its entries (the benchmark's mark). */
  onDrawn?: () => void;
}

/** A mark's full name for screen readers: the same words as the list's row. */
function markLabel(e: TimelineEntry, category: TimelineCategory | undefined, fresh: string | undefined): string {
  const when = describeWhen(e.when);
  // A restricted entry this person may not read: only that it exists, its agency and its life stage.
  if (e.withheld)
    return `${when.text}: a restricted entry from ${label(AGENCY_LABELS, e.sourceAgency)}, its text kept to those who need it${fresh ? ` — new` : ''}`;
  const tone = TONE_MARKS[category?.tone ?? 'context'].label;
  return `${when.text} (${when.precision}), ${category?.label ?? e.category}, ${tone}, from ${label(AGENCY_LABELS, e.sourceAgency)}: ${e.description}${e.restriction ? ' (restricted)' : ''}${fresh ? ` — new, ${fresh}` : ''}`;
}

function Shape({ shape, cx, cy, r, hollow, className }: { shape: ToneShape; cx: number; cy: number; r: number; hollow: boolean; className?: string }) {
  // data-mark: the browser tests measure every drawn shape's contrast against what surrounds it.
  const paint = hollow ? { className, stroke: 'currentColor', strokeWidth: 2, 'data-mark': 'wall' } : { fill: 'currentColor', 'data-mark': 'wall' };
  if (shape === 'triangle') return <polygon points={`${cx},${cy - r} ${cx + r},${cy + r * 0.85} ${cx - r},${cy + r * 0.85}`} {...paint} />;
  if (shape === 'circle') return <circle cx={cx} cy={cy} r={r} {...paint} />;
  return <rect x={cx - r * 0.85} y={cy - r * 0.85} width={r * 1.7} height={r * 1.7} {...paint} />;
}

interface MarkProps {
  index: number;
  x0: number;
  x1: number;
  y: number;
  r: number;
  point: boolean;
  shape: ToneShape;
  colour: string;
  name: string;
  tabbable: boolean;
  fresh: boolean;
  entryId: string;
  markClass: string;
  hollowClass: string;
}

/** One entry on the wall: a filled shape on its day, or an outlined shape on a bar as wide as what is known. Memoised: focus moving redraws two marks, not a thousand. */
const Mark = memo(function Mark(p: MarkProps) {
  const barH = p.r * 1.1;
  const mid = p.point ? p.x0 : (p.x0 + p.x1) / 2;
  const left = p.point ? p.x0 - p.r : p.x0;
  const right = p.point ? p.x0 + p.r : p.x1;
  return (
    <g
      className={p.markClass}
      style={{ '--ecm-mark': p.colour } as React.CSSProperties}
      role="button"
      tabIndex={p.tabbable ? 0 : -1}
      aria-label={p.name}
      data-mark-index={p.index}
      data-entry-id={p.entryId}
      data-fresh={p.fresh ? 'true' : undefined}
      data-precision={p.point ? 'point' : 'span'}
    >
      <rect className="ring" x={left - 4} y={p.y - p.r - 4} width={right - left + 8} height={p.r * 2 + 8} rx={4} />
      {p.point ? null : (
        <rect
          x={p.x0}
          y={p.y - barH / 2}
          width={Math.max(2, p.x1 - p.x0)}
          height={barH}
          rx={barH / 2}
          fill="currentColor"
          fillOpacity={0.3}
          stroke="currentColor"
        />
      )}
      <Shape shape={p.shape} cx={mid} cy={p.y} r={p.r} hollow={!p.point} className={p.hollowClass} />
    </g>
  );
});

/**
 * The timeline wall: the child's life from the pregnancy to today, left to right, the life stages as
 * bands, one lane per agency (or category), each entry a mark as precise as its date. One SVG;
 * the layout is memoised on the entries and only the marks in the window are drawn.
 *
 * Keyboard: the wall is one tab stop (roving focus); the arrow keys move between marks (left and
 * right through the life, up and down between lanes), Home and End to the first and last, Enter or
 * Space opens the entry, + and − zoom, 0 shows the whole life, Page Up and Page Down pan. Every mark
 * is a button named in full (date, precision, category, tone, agency, words), in life order, so a
 * screen reader reads the wall as the list it draws.
 */
export function Wall(p: WallProps) {
  const s = useStyles();
  const size = p.size ?? 'normal';
  const z = SIZES[size];
  const [mode, setMode] = useState<LaneMode>(size === 'strip' ? 'one' : 'agency');
  const layout = useMemo(
    () => wallLayout(p.entries, { dateOfBirth: p.dateOfBirth, today: p.today, mode, categories: p.categories }),
    [p.entries, p.dateOfBirth, p.today, mode, p.categories],
  );
  const [win, setWin] = useState<Window | null>(null);
  const w: Window = win && win.start >= layout.domain.start - 1 && win.end <= layout.domain.end + 1 ? win : layout.domain;
  const [focusId, setFocusId] = useState<string | null>(null);
  const wantFocus = useRef(false);
  const frame = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(0);
  const [hoverId, setHoverId] = useState<string | null>(null);

  useLayoutEffect(() => {
    const el = frame.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const categories = useMemo(() => new Map(p.categories.map((c) => [c.key, c])), [p.categories]);
  const indexOf = useMemo(() => new Map(layout.marks.map((m, i) => [m.entry.id, i])), [layout]);
  const focusIndex = focusId ? (indexOf.get(focusId) ?? -1) : -1;

  // Geometry.
  const narrow = size !== 'strip' && width < 560;
  const gutter = narrow ? 0 : z.gutter;
  const labelAbove = narrow && mode !== 'one';
  const plotW = Math.max(40, width - gutter - 8);
  const span = w.end - w.start;
  const x = (day: number) => gutter + ((day - w.start) / span) * plotW;
  const laneTops: number[] = [];
  let y = z.head;
  for (const lane of layout.lanes) {
    laneTops.push(y);
    y += (labelAbove ? z.font + 4 : 0) + lane.rows * z.row + z.lanePad * 2;
  }
  const plotBottom = Math.max(y, z.head + z.row * 2);
  const height = plotBottom + z.axis;
  const rowY = (m: WallMark) => laneTops[m.lane]! + (labelAbove ? z.font + 4 : 0) + z.lanePad + m.row * z.row + z.row / 2;

  const shown = useMemo(() => layout.marks.filter((m) => visible(m, w)), [layout, w]);
  // Each mark's name and look, once per layout (not on every hover or focus move).
  const looks = useMemo(
    () =>
      layout.marks.map((m) => {
        const category = categories.get(m.entry.category);
        const fresh = p.highlight?.get(m.entry.id);
        return { look: lookOf(category, p.palette), name: markLabel(m.entry, category, fresh), fresh: fresh !== undefined };
      }),
    [layout, categories, p.highlight, p.palette],
  );
  const clipId = `wall-plot-${useId().replace(/:/g, '')}`;
  const tabStop = focusIndex >= 0 && visible(layout.marks[focusIndex]!, w) ? focusIndex : (shown[0]?.order ?? -1);

  useEffect(() => {
    if (!wantFocus.current || focusIndex < 0) return;
    wantFocus.current = false;
    svg.current?.querySelector<SVGGElement>(`[data-mark-index="${focusIndex}"]`)?.focus();
  }, [focusIndex, w]);

  const drawn = useRef(false);
  useEffect(() => {
    if (drawn.current || width === 0) return;
    drawn.current = true;
    p.onDrawn?.();
  });

  const moveTo = useCallback(
    (i: number) => {
      const m = layout.marks[i];
      if (!m) return;
      wantFocus.current = true;
      setFocusId(m.entry.id);
      setWin((cur) => windowShowing(cur ?? layout.domain, layout.domain, m));
    },
    [layout],
  );
  const zoom = (factor: number) => {
    const m = focusIndex >= 0 ? layout.marks[focusIndex] : undefined;
    const around = m && visible(m, w) ? (m.start + m.end) / 2 : undefined;
    setWin(zoomWindow(w, layout.domain, factor, around));
  };
  const pan = (fraction: number) => setWin(panWindow(w, layout.domain, fraction));
  const open = (i: number) => {
    const m = layout.marks[i];
    if (m && p.onOpen) p.onOpen(m.entry);
  };

  const KEYS: Record<string, Direction> = { ArrowLeft: 'previous', ArrowRight: 'next', ArrowUp: 'up', ArrowDown: 'down', Home: 'first', End: 'last' };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const target = (e.target as Element).closest('[data-mark-index]');
    const from = target ? Number(target.getAttribute('data-mark-index')) : tabStop;
    const dir = KEYS[e.key];
    if (dir) {
      e.preventDefault();
      moveTo(neighbour(layout.marks, from, dir));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(from);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      wantFocus.current = true;
      zoom(0.5);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      wantFocus.current = true;
      zoom(2);
    } else if (e.key === '0') {
      e.preventDefault();
      setWin(null);
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      pan(e.key === 'PageUp' ? -0.5 : 0.5);
    }
  };

  // Dragging pans; a press that does not move is a click on the mark under it.
  const drag = useRef<{ x: number; win: Window; moved: boolean } | null>(null);
  const onPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    drag.current = { x: e.clientX, win: w, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent) => {
    const d = drag.current;
    if (!d) {
      const over = (e.target as Element).closest('[data-entry-id]')?.getAttribute('data-entry-id') ?? null;
      if (over !== hoverId) setHoverId(over);
      return;
    }
    const dx = e.clientX - d.x;
    if (!d.moved && Math.abs(dx) < 4) return;
    if (!d.moved) (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    d.moved = true;
    setWin(panWindow(d.win, layout.domain, -dx / plotW));
  };
  const onPointerUp = (e: React.PointerEvent) => {
    const d = drag.current;
    drag.current = null;
    if (!d || d.moved) return;
    const target = (e.target as Element).closest('[data-mark-index]');
    if (!target) return;
    const i = Number(target.getAttribute('data-mark-index'));
    setFocusId(layout.marks[i]?.entry.id ?? null);
    open(i);
  };

  const axis = ticks(w, plotW);
  const shownId = hoverId ?? focusId;
  const callout = shownId ? layout.marks[indexOf.get(shownId) ?? -1]?.entry : undefined;
  const calloutLook = callout ? lookOf(categories.get(callout.category), p.palette) : null;
  const count = layout.marks.length;
  const where = describeWindow(w, layout.domain);
  const name = `The timeline wall: ${count} ${count === 1 ? 'entry' : 'entries'} from the pregnancy to today, showing ${where}${
    mode === 'one' ? '' : `, lanes by ${mode}`
  }. Arrow keys move between entries, Enter opens one, plus and minus zoom.`;

  return (
    <div className={s.wall} data-wall={size}>
      <div className={s.tools}>
        <Button size="small" icon={<ZoomIn20Regular />} onClick={() => zoom(0.5)} disabled={span <= 366} aria-label={size === 'strip' ? 'Zoom in' : undefined}>
          {size === 'strip' ? null : 'Zoom in'}
        </Button>
        <Button
          size="small"
          icon={<ZoomOut20Regular />}
          onClick={() => zoom(2)}
          disabled={win === null || span >= layout.domain.end - layout.domain.start}
          aria-label={size === 'strip' ? 'Zoom out' : undefined}
        >
          {size === 'strip' ? null : 'Zoom out'}
        </Button>
        <Button
          size="small"
          icon={<FullScreenMaximize20Regular />}
          onClick={() => setWin(null)}
          disabled={win === null}
          aria-label={size === 'strip' ? 'Whole life' : undefined}
        >
          {size === 'strip' ? null : 'Whole life'}
        </Button>
        <Button size="small" icon={<ArrowLeft20Regular />} onClick={() => pan(-0.5)} disabled={w.start <= layout.domain.start} aria-label="Earlier" />
        <Button size="small" icon={<ArrowRight20Regular />} onClick={() => pan(0.5)} disabled={w.end >= layout.domain.end} aria-label="Later" />
        <span className={s.where} role="status" aria-live="polite" data-wall-window={where}>
          Showing {where}
        </span>
        {size === 'strip' ? null : (
          <RadioGroup layout="horizontal" value={mode} onChange={(_, d) => setMode(d.value as LaneMode)} aria-label="Lanes by">
            <Radio value="agency" label="Lanes by agency" />
            <Radio value="category" label="Lanes by category" />
          </RadioGroup>
        )}
      </div>
      <div
        ref={frame}
        className={s.frame}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          const id = (e.target as Element).getAttribute('data-entry-id');
          if (id) setFocusId(id);
        }}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerLeave={() => (drag.current ? null : setHoverId(null))}
      >
        {width > 0 ? (
          <svg ref={svg} className={s.svg} width={width} height={height} role="group" aria-label={name} data-wall-ready="true" data-wall-marks={shown.length}>
            <defs>
              <clipPath id={clipId}>
                <rect x={gutter} y={0} width={plotW + 8} height={height} />
              </clipPath>
            </defs>
            <g aria-hidden="true">
              {layout.bands.map((b, i) => {
                const bx0 = Math.max(gutter, x(b.start));
                const bx1 = Math.min(gutter + plotW, x(b.end));
                if (bx1 <= bx0) return null;
                const full = b.label.length * z.font * 0.55 < bx1 - bx0 - 8;
                const short = (SHORT[b.stage] ?? '').length * z.font * 0.6 < bx1 - bx0 - 6;
                return (
                  <g key={b.stage}>
                    <rect className={i % 2 ? s.bandB : s.bandA} x={bx0} y={0} width={bx1 - bx0} height={plotBottom} />
                    <line className={s.rule} x1={bx0} x2={bx0} y1={0} y2={plotBottom} />
                    {full || short ? (
                      <text className={s.text} x={bx0 + 4} y={z.head - 8} fontSize={z.font} fontWeight={600}>
                        {full ? b.label : SHORT[b.stage]}
                      </text>
                    ) : null}
                  </g>
                );
              })}
              {layout.lanes.map((lane, i) => (
                <g key={lane.key}>
                  <line className={s.laneRule} x1={0} x2={gutter + plotW + 8} y1={laneTops[i]} y2={laneTops[i]} />
                  {labelAbove ? (
                    <text className={s.text} x={4} y={laneTops[i]! + z.font + 1} fontSize={z.font - 1}>
                      {lane.label} ({lane.count})
                    </text>
                  ) : null}
                </g>
              ))}
              <line className={s.rule} x1={gutter} x2={gutter + plotW} y1={plotBottom} y2={plotBottom} />
              {axis.map((t) => (
                <g key={t.day}>
                  <line className={s.rule} x1={x(t.day)} x2={x(t.day)} y1={plotBottom} y2={plotBottom + 4} />
                  <text className={s.quiet} x={x(t.day)} y={plotBottom + z.axis - 5} fontSize={z.font - 1} textAnchor="middle">
                    {t.label}
                  </text>
                </g>
              ))}
            </g>
            <g clipPath={`url(#${clipId})`}>
              {shown.map((m) => {
                const { look, name: markName, fresh } = looks[m.order]!;
                return (
                  <Mark
                    key={m.entry.id}
                    index={m.order}
                    x0={m.point ? x(m.start + 0.5) : x(m.start)}
                    x1={x(m.end)}
                    y={rowY(m)}
                    r={z.shape / 2}
                    point={m.point}
                    shape={look.shape}
                    colour={look.colour}
                    name={markName}
                    tabbable={m.order === tabStop}
                    fresh={fresh}
                    entryId={m.entry.id}
                    markClass={s.mark}
                    hollowClass={s.hollow}
                  />
                );
              })}
            </g>
            <g aria-hidden="true">
              {shown
                .filter((m) => p.highlight?.has(m.entry.id))
                .map((m) => {
                  const x0 = m.point ? x(m.start + 0.5) - z.shape : Math.max(gutter, x(m.start)) - z.shape / 2;
                  const x1 = m.point ? x(m.start + 0.5) + z.shape : Math.min(gutter + plotW, x(m.end)) + z.shape / 2;
                  const cy = rowY(m);
                  return (
                    <g key={`fresh-${m.entry.id}`}>
                      <rect
                        className={mergeClasses(s.fresh, p.palette === 'contrast' && s.freshContrast)}
                        x={x0 - 3}
                        y={cy - z.shape}
                        width={x1 - x0 + 6}
                        height={z.shape * 2}
                        rx={6}
                      />
                      {size === 'strip' ? null : (
                        <text className={s.freshText} x={Math.min(x1 + 6, gutter + plotW - 30)} y={cy + z.font / 3} fontSize={z.font}>
                          New
                        </text>
                      )}
                    </g>
                  );
                })}
            </g>
            {gutter ? (
              <g aria-hidden="true">
                <rect className={s.gutter} x={0} y={z.head} width={gutter} height={plotBottom - z.head} />
                {layout.lanes.map((lane, i) => (
                  <text key={lane.key} className={s.text} x={8} y={laneTops[i]! + z.lanePad + z.font} fontSize={z.font}>
                    {lane.label.length > 22 ? `${lane.label.slice(0, 21)}…` : lane.label} ({lane.count})
                  </text>
                ))}
              </g>
            ) : null}
            {count === 0 ? (
              <text className={s.quiet} x={gutter + 8} y={z.head + z.row} fontSize={z.font}>
                No entries yet.
              </text>
            ) : null}
          </svg>
        ) : null}
      </div>
      {size === 'strip' ? null : (
        <div className={s.callout} aria-hidden="true">
          {callout && calloutLook ? (
            <>
              <CategoryIcon look={calloutLook} />
              <span className={s.calloutText}>
                <strong>{describeWhen(callout.when).text}</strong> ({describeWhen(callout.when).precision}) ·{' '}
                {categories.get(callout.category)?.label ?? callout.category} · {label(AGENCY_LABELS, callout.sourceAgency)} —{' '}
                {callout.withheld
                  ? 'a restricted entry: its text is kept to those who need it'
                  : callout.description.length > 160
                    ? `${callout.description.slice(0, 159)}…`
                    : callout.description}
              </span>
            </>
          ) : (
            <WallKey />
          )}
        </div>
      )}
    </div>
  );
}

/** What the marks mean, in one line: a filled shape is an exact day, an outlined shape on a bar a vaguer time, the shape the tone. */
function WallKey() {
  const s = useStyles();
  return (
    <span>
      <span className={s.key}>
        <svg width="14" height="14" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="5" fill="currentColor" />
        </svg>
        exact date
      </span>
      <span className={s.key}>
        <svg width="34" height="14" aria-hidden="true" focusable="false">
          <rect x="1" y="4" width="32" height="6" rx="3" fill="currentColor" fillOpacity="0.3" stroke="currentColor" />
          <circle cx="17" cy="7" r="5" fill="Canvas" stroke="currentColor" strokeWidth="2" />
        </svg>
        month, year, age or stage: the bar covers it all
      </span>
      <span className={s.key}>
        {TONE_MARKS.adverse.symbol} adverse · {TONE_MARKS.positive.symbol} positive · {TONE_MARKS.context.symbol} context
      </span>
    </span>
  );
}
