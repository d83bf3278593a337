import { makeStyles, tokens } from '@fluentui/react-components';
import type { TrmHistoryItem } from '../api/types.js';
import { formatDate } from '../labels.js';
import { placeLabel, type LabelPlace } from './chartGeometry.js';

const useStyles = makeStyles({ svg: { width: '100%', height: 'auto', maxWidth: '56rem', color: tokens.colorNeutralForeground1 } });

const W = 720;
const H = 300;
// The right margin holds half of the last date label, which is centred on its point.
const PAD = { left: 190, right: 48, top: 16, bottom: 44 };

/**
 * The child's TRM placements over time as a step line. A move down is drawn with a ▼ and the word
 * "setback" — plainly, as part of recovery, never in alarm colours.
 */
export function TrmChart({ placements, labels }: { placements: TrmHistoryItem[]; labels: { level: number; name: string }[] }) {
  const s = useStyles();
  if (placements.length === 0) return null;
  const times = placements.map((p) => Date.parse(`${p.effectiveDate}T00:00:00Z`));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times, t0 + 30 * 86_400_000);
  const x = (t: number) => PAD.left + ((t - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (level: number) => PAD.top + ((6 - level) / 5) * (H - PAD.top - PAD.bottom);
  const points = placements.map((p, i) => ({ p, x: x(times[i]!), y: y(p.level) }));
  const path = points.map((pt, i) => (i === 0 ? `M${pt.x},${pt.y}` : `H${pt.x}V${pt.y}`)).join('') + `H${W - PAD.right}`;
  // Labels sit clear of the line, the points and the dates below the plot.
  const plot = { left: PAD.left, right: W, top: 0, bottom: H - PAD.bottom };
  const summary = placements.map((p) => `${formatDate(p.effectiveDate)}: level ${p.level}${p.movement === 'setback' ? ' (setback)' : ''}`).join('; ');
  return (
    <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`TRM placements over time. ${summary}`}>
      {labels.map((l) => (
        <g key={l.level}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(l.level)} y2={y(l.level)} stroke="currentColor" strokeOpacity={0.2} />
          <text x={PAD.left - 8} y={y(l.level) + 4} textAnchor="end" fontSize="12" fill="currentColor">
            {l.level} {l.name.length > 24 ? `${l.name.slice(0, 23)}…` : l.name}
          </text>
        </g>
      ))}
      <path d={path} fill="none" stroke="currentColor" strokeWidth={2.5} />
      {points.map(({ p, x: px, y: py }, i) => (
        <g key={p.id}>
          {p.movement === 'setback' ? (
            <>
              <polygon points={`${px - 7},${py - 7} ${px + 7},${py - 7} ${px},${py + 5}`} fill="currentColor" />
              <SetbackLabel place={placeLabel(points, i, W - PAD.right, plot)} />
            </>
          ) : (
            <circle cx={px} cy={py} r={5} fill="currentColor" />
          )}
          <text x={px} y={H - PAD.bottom + 18} textAnchor="middle" fontSize="11" fill="currentColor">
            {formatDate(p.effectiveDate)}
          </text>
        </g>
      ))}
    </svg>
  );
}

function SetbackLabel({ place }: { place: LabelPlace }) {
  return (
    <text x={place.x} y={place.y} textAnchor={place.anchor} fontSize="12" fill="currentColor" data-label="setback">
      setback
    </text>
  );
}
