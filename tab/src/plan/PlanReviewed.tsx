import type { Meeting, Recommendation } from '../api/types.js';
import { ACTION_STATUS_LABELS, label, PROGRESS_LABELS } from '../labels.js';

const DECIDED: Record<string, string> = { continue: 'continue', change: 'change', stop: 'stop' };

/**
 * What a recorded outcome said of the plan: progress and the decision on each action, and the
 * actions it added. An outcome recorded before the plan had actions shows its progress on each
 * recommendation, as it was recorded.
 */
export function PlanReviewed({ outcome, recommendations }: { outcome: NonNullable<Meeting['outcome']>; recommendations: Recommendation[] }) {
  const before = new Map((outcome.plan?.before ?? []).map((l) => [l.id, l]));
  const added = (outcome.plan?.after ?? []).filter((l) => !before.has(l.id));
  const legacy = outcome.recommendationProgress ?? [];
  if (!outcome.actionProgress.length && !added.length && !legacy.length) return null;
  return (
    <>
      <ul aria-label="Progress on each action">
        {outcome.actionProgress.map((p) => {
          const a = before.get(p.actionId);
          return (
            <li key={p.actionId}>
              {a ? `Action ${a.sequence}: ${a.text}` : 'An action'} — {label(ACTION_STATUS_LABELS, p.decision === 'stop' ? 'stopped' : p.status)}, decided to{' '}
              {DECIDED[p.decision]}
              {p.happened ? `. ${p.happened}` : ''}
              {p.barriers ? ` Barriers: ${p.barriers}` : ''}
            </li>
          );
        })}
        {legacy.map((r) => (
          <li key={r.recommendationId}>
            {recommendations.find((x) => x.id === r.recommendationId)?.text ?? r.recommendationId}: {label(PROGRESS_LABELS, r.status)}
            {r.note ? ` — ${r.note}` : ''}
          </li>
        ))}
      </ul>
      {added.length ? (
        <ul aria-label="Actions added at this meeting">
          {added.map((l) => (
            <li key={l.id}>
              New action {l.sequence}: {l.text}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
