import { assertOpenForWork } from '../../domain/case.js';
import { notFound, staleVersion } from '../../domain/errors.js';
import type { Principal } from '../../domain/staff.js';
import { answered, answerQuestionSchema, assertEntriesHeld, assertOpen, type TimelineQuestion } from '../../domain/timelineQuestion.js';
import { assertMayAnswer, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { type Work, inTransaction } from '../unitOfWork.js';

/**
 * The agency's member answers a question put to their agency: "nothing held" (a valid answer; the
 * jigsaw then says so instead of a blank), or "entries added" when the cell holds their entries.
 * Adding an entry for that stage and agency answers the question by itself (answerWithEntry).
 */
export async function answerTimelineQuestion(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  questionId: string,
  input: unknown,
  expectedVersion: number,
): Promise<TimelineQuestion> {
  const data = parseInput(answerQuestionSchema, input, 'The answer');
  return inTransaction(deps, person, async (w) => {
    const { case: c, membership } = await caseFor(w.tx, person, caseId, 'timeline.read');
    const question = await w.tx.questions.get(c.id, questionId);
    if (!question) throw notFound('That question');
    assertMayAnswer(person, c, membership, question.agency);
    assertOpenForWork(c);
    assertOpen(question);
    if (question.version !== expectedVersion) throw staleVersion('This question', question.version);
    if (data.outcome === 'entries_added') {
      const counts = await w.tx.timeline.coverage(c.id);
      assertEntriesHeld(counts.filter((x) => x.lifeStage === question.lifeStage && x.agency === question.agency).reduce((n, x) => n + x.entries, 0));
    }
    const after = answered(question, person, w.now, data);
    await saveAnswer(w, c, question, after);
    return after;
  });
}

/** An entry that fills a cell answers the open question on it, in the same unit of work as the entry. */
export async function answerWithEntry(
  w: Work,
  c: { id: string; serviceId: string; reference: string },
  entry: { id: string; lifeStage: TimelineQuestion['lifeStage']; sourceAgency: TimelineQuestion['agency'] },
) {
  const open = await w.tx.questions.openFor(c.id, entry.lifeStage, entry.sourceAgency);
  if (!open) return;
  await saveAnswer(w, c, open, answered(open, w.actor, w.now, { outcome: 'entries_added', entryId: entry.id }));
}

async function saveAnswer(w: Work, c: { id: string; serviceId: string; reference: string }, before: TimelineQuestion, after: TimelineQuestion) {
  if (!(await w.tx.questions.update(after, before.version))) throw staleVersion('This question', before.version);
  await w.audit({
    action: 'timeline.question.answered',
    caseId: c.id,
    serviceId: c.serviceId,
    detail: { reference: c.reference, questionId: after.id, status: after.status, entryId: after.answeredWithEntryId },
  });
  await w.emit({ caseId: c.id, type: 'question.answered', data: after });
}
