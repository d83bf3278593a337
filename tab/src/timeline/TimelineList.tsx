import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Delete20Regular, Edit20Regular, History20Regular, LockClosed20Regular, LockOpen20Regular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { TextRange, TimelineCategory, TimelineEntry } from '../api/types.js';
import { Marked } from '../common/Marked.js';
import { AGENCY_LABELS, CONFIDENCE_LABELS, formatDate, label, restrictedEntryLabel } from '../labels.js';
import { CategoryIcon, lookOf, markColour, ToneMark, useMarkStyles, type Palette } from './categories.js';
import { describeWhen, rowsOf, type Row } from './layout.js';

const useStyles = makeStyles({
  scroller: {
    overflowY: 'auto',
    overflowX: 'hidden',
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    '@media print': { height: 'auto !important', overflow: 'visible', border: 'none' },
  },
  lane: {
    display: 'flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `2px solid ${tokens.colorNeutralStroke1}`,
    '& h3': { margin: 0, fontSize: tokens.fontSizeBase400 },
  },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    breakInside: 'avoid',
  },
  compact: { flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS },
  large: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, padding: tokens.spacingHorizontalL },
  highlighted: {
    backgroundColor: tokens.colorBrandBackground2,
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    '@media (forced-colors: active)': { outlineColor: 'Highlight' },
  },
  fresh: { borderLeft: `4px solid ${tokens.colorPaletteGreenBorderActive}` },
  retracted: { color: tokens.colorNeutralForeground3, '& p': { textDecorationLine: 'line-through' } },
  mark: { display: 'flex', alignItems: 'center', gap: '4px', flex: 'none' },
  body: { flex: 1, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'baseline' },
  desc: { margin: `${tokens.spacingVerticalXXS} 0`, overflowWrap: 'anywhere' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // The track is outlined where its fill would vanish (the high-contrast theme, forced colours), so the lane's extent still shows.
  track: {
    position: 'relative',
    height: '8px',
    marginTop: '6px',
    backgroundColor: tokens.colorNeutralBackground4,
    borderRadius: '4px',
    '@media (forced-colors: active)': { outline: '1px solid CanvasText' },
  },
  trackContrast: { outline: `1px solid ${tokens.colorNeutralStroke1}` },
  bar: { position: 'absolute', top: 0, bottom: 0, borderRadius: '4px' },
  // As wide on every row as the most it can hold (history, edit, retract), whatever this row offers,
  // so every track is the same width and a date sits at the same place on every row.
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
    alignItems: 'flex-start',
    gap: '2px',
    flex: 'none',
    width: 'calc(3 * 24px + 2 * 2px)',
    '@media print': { display: 'none' },
  },
});

export interface TimelineListProps {
  entries: TimelineEntry[];
  dateOfBirth: string;
  today: string;
  categories: TimelineCategory[];
  palette: Palette;
  size?: 'compact' | 'normal' | 'large';
  height?: string;
  highlightIds?: ReadonlySet<string>;
  /** What a search matched in each entry's description, drawn with <mark>. */
  marks?: ReadonlyMap<string, readonly TextRange[]>;
  /** Entries others just added or changed, with who did it. */
  fresh?: ReadonlyMap<string, string>;
  scrollToId?: string | null;
  /** When the newest formulation version was approved: what came after is marked, as it is not in that version's documents. */
  approvedAt?: string | null;
  printing?: boolean;
  /** What the person may do to an entry, as the server's policy answered. */
  may?: (e: TimelineEntry) => { edit: boolean; retract: boolean; restrict?: boolean };
  onEdit?: (e: TimelineEntry) => void;
  onRetract?: (e: TimelineEntry) => void;
  /** Restricting an entry's text, or lifting the restriction (the dialog says which). */
  onRestrict?: (e: TimelineEntry) => void;
  onHistory?: (e: TimelineEntry) => void;
}

/** The life timeline as lanes of entries, virtualised so 1,000 entries scroll smoothly; printing renders all. */
export function TimelineList(p: TimelineListProps) {
  const s = useStyles();
  const ink = useMarkStyles();
  const rows = useMemo(() => rowsOf(p.entries, p.dateOfBirth, p.today), [p.entries, p.dateOfBirth, p.today]);
  const categories = useMemo(() => new Map(p.categories.map((c) => [c.key, c])), [p.categories]);
  const scroller = useRef<HTMLDivElement>(null);
  const size = p.size ?? 'normal';
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'lane' ? 44 : size === 'large' ? 130 : size === 'compact' ? 110 : 96),
    overscan: 6,
    initialRect: { width: 800, height: 600 },
    getItemKey: (i) => keyOf(rows[i]),
    // Each row measured as it mounts would otherwise re-render the list at once (flushSync), once per row.
    useFlushSync: false,
  });

  useEffect(() => {
    if (!p.scrollToId) return;
    const i = rows.findIndex((r) => r.kind === 'entry' && r.entry.id === p.scrollToId);
    if (i >= 0) v.scrollToIndex(i, { align: 'center' });
  }, [p.scrollToId, rows, v]);

  const entryCount = p.entries.length;
  const render = (row: Row, index: number) => {
    if (row.kind === 'lane') {
      return (
        <div className={s.lane}>
          <h3>{row.lane.label}</h3>
          <span>
            {formatDate(row.lane.span.start)} – {formatDate(row.lane.span.end)} · {row.count} {row.count === 1 ? 'entry' : 'entries'}
          </span>
        </div>
      );
    }
    const e = row.entry;
    const category = categories.get(e.category);
    const look = lookOf(category, p.palette);
    const when = describeWhen(e.when);
    const freshBy = p.fresh?.get(e.id);
    if (e.withheld)
      return <WithheldRow entry={e} className={mergeClasses(s.row, size === 'compact' && s.compact, size === 'large' && s.large)} index={index} />;
    const may = !e.retraction && p.may ? p.may(e) : { edit: false, retract: false, restrict: false };
    return (
      <div
        className={mergeClasses(
          s.row,
          size === 'compact' && s.compact,
          size === 'large' && s.large,
          p.highlightIds?.has(e.id) && s.highlighted,
          freshBy !== undefined && s.fresh,
          e.retraction ? s.retracted : undefined,
        )}
        data-entry-id={e.id}
        data-index={index}
      >
        <div className={s.mark}>
          <ToneMark look={look} />
          <CategoryIcon look={look} />
        </div>
        <div className={s.body}>
          <div className={s.head}>
            <strong>{when.text}</strong>
            <span>({when.precision})</span>
            <span>· {category?.label ?? e.category}</span>
            {p.highlightIds?.has(e.id) ? <Badge appearance="filled">Evidence</Badge> : null}
            {e.restriction ? (
              <Badge appearance="filled" color="danger" icon={<LockClosed20Regular />}>
                Restricted
              </Badge>
            ) : null}
          </div>
          <p className={s.desc}>
            <Marked text={e.description} ranges={p.marks?.get(e.id)} />
          </p>
          <div className={s.meta}>
            <span>{label(AGENCY_LABELS, e.sourceAgency)}</span>
            <Badge appearance={e.confidence === 'confirmed' ? 'filled' : e.confidence === 'reported' ? 'tint' : 'outline'} color="informative">
              {label(CONFIDENCE_LABELS, e.confidence)}
            </Badge>
            <span>added by {e.contributorName}</span>
            {e.version > 1 && !e.retraction ? <span>· edited</span> : null}
            {freshBy !== undefined ? <Badge color="success">New · {freshBy}</Badge> : null}
            {p.approvedAt && e.createdAt > p.approvedAt ? (
              <Badge appearance="outline">Since approval</Badge>
            ) : p.approvedAt && e.updatedAt > p.approvedAt ? (
              <Badge appearance="outline">Changed since approval</Badge>
            ) : null}
            {e.retraction ? <span>Retracted: {e.retraction.reason}</span> : null}
            {e.restriction ? (
              <span>
                Restricted to the ECM team, the psychologist and {label(AGENCY_LABELS, e.sourceAgency)} by {e.restriction.byName}: {e.restriction.reason}
              </span>
            ) : null}
          </div>
          {size !== 'compact' ? (
            <div className={mergeClasses(s.track, p.palette === 'contrast' && s.trackContrast)} aria-hidden="true">
              <div
                className={mergeClasses(s.bar, ink.fill)}
                style={{ left: `${row.placement.left}%`, width: `${row.placement.width}%`, ...markColour(look.colour) }}
                data-mark="span"
              />
            </div>
          ) : null}
        </div>
        {p.onHistory || p.onEdit || p.onRetract || p.onRestrict ? (
          <div className={s.actions}>
            {p.onHistory && e.version > 1 ? (
              <Button
                size="small"
                appearance="subtle"
                icon={<History20Regular />}
                onClick={() => p.onHistory?.(e)}
                aria-label={`History of the entry: ${when.text}`}
              />
            ) : null}
            {may.edit && p.onEdit ? (
              <Button size="small" appearance="subtle" icon={<Edit20Regular />} onClick={() => p.onEdit?.(e)} aria-label={`Edit the entry: ${when.text}`} />
            ) : null}
            {may.restrict && p.onRestrict ? (
              <Button
                size="small"
                appearance="subtle"
                icon={e.restriction ? <LockOpen20Regular /> : <LockClosed20Regular />}
                onClick={() => p.onRestrict?.(e)}
                aria-label={`${e.restriction ? 'Lift the restriction of' : 'Restrict'} the entry: ${when.text}`}
              />
            ) : null}
            {may.retract && p.onRetract ? (
              <Button
                size="small"
                appearance="subtle"
                icon={<Delete20Regular />}
                onClick={() => p.onRetract?.(e)}
                aria-label={`Retract the entry: ${when.text}`}
              />
            ) : null}
          </div>
        ) : null}
      </div>
    );
  };

  const listLabel = `Life timeline, ${entryCount} ${entryCount === 1 ? 'entry' : 'entries'}, earliest first`;
  if (p.printing) {
    return (
      <div role="list" aria-label={listLabel} data-timeline-ready="true">
        {rows.map((row, i) => (
          <div role="listitem" key={keyOf(row)}>
            {render(row, i)}
          </div>
        ))}
      </div>
    );
  }
  return (
    <div ref={scroller} className={s.scroller} style={{ height: p.height ?? '65vh' }} tabIndex={0} role="region" aria-label={listLabel}>
      <div role="list" aria-label={listLabel} style={{ height: v.getTotalSize(), position: 'relative', width: '100%' }} data-timeline-ready="true">
        {v.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              role="listitem"
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              key={item.key}
              ref={v.measureElement}
              data-index={item.index}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {render(row, item.index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * A restricted entry the reader may not read: the piece is there — its agency and life stage — and
 * nothing more (no text, date, category or contributor), so the picture still shows who holds it.
 */
function WithheldRow({ entry, className, index }: { entry: TimelineEntry; className: string; index: number }) {
  return (
    <div className={className} data-entry-id={entry.id} data-index={index} data-withheld="true">
      <div>
        <LockClosed20Regular aria-hidden="true" />
      </div>
      <div>
        <p>
          <strong>{restrictedEntryLabel(entry.sourceAgency as never, entry.lifeStage)}</strong>
        </p>
        <p>Its text is kept to the ECM team, the psychologist and {label(AGENCY_LABELS, entry.sourceAgency)}.</p>
      </div>
    </div>
  );
}

const keyOf = (row: Row | undefined) => (!row ? 'none' : row.kind === 'lane' ? `lane:${row.lane.stage}` : row.entry.id);
