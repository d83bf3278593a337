import { ACTION_STATUS_LABELS, PROGRESS_LABELS, REVIEW_DECISION_LABELS, ownerInWords } from '../contract/words.js';
import { sequencedRecommendations } from '../domain/formulation.js';
import type { Formulation } from '../domain/formulation.js';
import type { Meeting } from '../domain/meeting.js';
import type { PlanLine } from '../domain/reviewOfPlan.js';
import { type Block, heading, para, prose, table } from './word.js';
import { formatDate } from './wording.js';

type Held = Meeting & { outcome: NonNullable<Meeting['outcome']> };

const planTable = (lines: PlanLine[], plain: (t: string) => string, mark: (l: PlanLine) => string): Block =>
  table(
    ['No.', 'Action', 'TRM level', 'Owner', 'By when', 'Status'],
    lines.map((l) => [
      `${l.sequence}${mark(l)}`,
      plain(l.text),
      `${l.trmLevel}`,
      ownerInWords(l.owner),
      l.dueBy ? formatDate(l.dueBy) : 'Not set',
      l.status === 'stopped' && l.stoppedBecause ? `${ACTION_STATUS_LABELS.stopped}: ${plain(l.stoppedBecause)}` : ACTION_STATUS_LABELS[l.status],
    ]),
    [6, 34, 8, 22, 14, 16],
  );

/**
 * The review worked through the plan: what happened on each action, then the plan as the meeting
 * found it and as it left it, new and changed actions marked. An outcome recorded before the plan
 * had actions shows its progress on each recommendation, as it was recorded.
 */
export function planAtReview(m: Held, plan: Formulation | null, plain: (t: string) => string): Block[] {
  const atReview = m.outcome.plan;
  if (!atReview) return legacyProgress(m, plan, plain);
  const before = new Map(atReview.before.map((l) => [l.id, l]));
  const progress = m.outcome.actionProgress;
  const text = (t: string) => (t ? { text: plain(t), blocks: prose(plain(t)) } : '—');
  const mark = (l: PlanLine) => {
    const was = before.get(l.id);
    if (!was) return ' (new)';
    return JSON.stringify(was) === JSON.stringify(l) ? '' : ' (changed)';
  };
  return [
    heading('Progress on each action'),
    progress.length
      ? table(
          ['No.', 'Action', 'What happened since', 'Barriers', 'Decision'],
          progress.map((p) => {
            const a = before.get(p.actionId);
            return [
              a ? String(a.sequence) : '—',
              a ? plain(a.text) : '—',
              text(p.happened),
              text(p.barriers),
              `${REVIEW_DECISION_LABELS[p.decision]} (${ACTION_STATUS_LABELS[p.decision === 'stop' ? 'stopped' : p.status]})`,
            ];
          }),
          [6, 28, 28, 22, 16],
        )
      : para('No action was discussed.'),
    heading('The plan before this review'),
    atReview.before.length ? planTable(atReview.before, plain, () => '') : para('The plan held no actions.'),
    heading('The plan after this review'),
    atReview.after.length ? planTable(atReview.after, plain, mark) : para('The plan holds no actions.'),
  ];
}

function legacyProgress(m: Held, plan: Formulation | null, plain: (t: string) => string): Block[] {
  const progress = new Map((m.outcome.recommendationProgress ?? []).map((p) => [p.recommendationId, p]));
  const recs = sequencedRecommendations(plan?.content.recommendations ?? []);
  return [
    heading('Progress on each recommendation'),
    recs.length
      ? table(
          ['No.', 'Recommendation', 'TRM level', 'Progress', 'Note'],
          recs.map((r, i) => {
            const p = progress.get(r.id);
            return [
              String(i + 1),
              plain(r.text),
              `${r.trmLevel}`,
              p ? PROGRESS_LABELS[p.status] : 'Not discussed',
              p?.note ? { text: plain(p.note), blocks: prose(plain(p.note)) } : '—',
            ];
          }),
          [6, 40, 10, 14, 30],
        )
      : para('The plan holds no recommendations.'),
  ];
}
