import { defaultQuestionWording } from '../../contract/words.js';
import { assertOpenForWork, birthOf } from '../../domain/case.js';
import { LIFE_STAGES, lifeStageAt } from '../../domain/lifeStage.js';
import type { Principal } from '../../domain/staff.js';
import { askQuestionSchema, assertNoOpenQuestion, checkQuestion, type TimelineQuestion } from '../../domain/timelineQuestion.js';
import { todayIn } from '../../ports/clock.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { queueNotification } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';

/**
 * The chair turns a piece of the jigsaw into a question for an agency: "Health: anything from the
 * early years?". Any cell may be asked about; the answer says how many entries the agency already
 * held there (`entriesWhenAsked`), so a question on a cell that is not empty is plain to see.
 */
export async function askTimelineQuestion(deps: AppDeps, person: Principal, caseId: string, input: unknown): Promise<TimelineQuestion> {
  const data = parseInput(askQuestionSchema, input, 'The question');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'timeline.ask');
    assertOpenForWork(c);
    const [team, counts] = await Promise.all([w.tx.team.list(c.id), w.tx.timeline.coverage(c.id)]);
    const current = lifeStageAt(birthOf(c), todayIn(deps.clock));
    checkQuestion(data, LIFE_STAGES.slice(0, LIFE_STAGES.indexOf(current) + 1), new Set(team.map((m) => m.agency)));
    assertNoOpenQuestion(await w.tx.questions.openFor(c.id, data.lifeStage, data.agency));
    const question: TimelineQuestion = {
      id: w.newId(),
      caseId: c.id,
      lifeStage: data.lifeStage,
      agency: data.agency,
      wording: data.wording ?? defaultQuestionWording(data.agency, data.lifeStage),
      status: 'open',
      askedBy: person.staffId,
      askedByName: person.name,
      askedAt: w.now,
      entriesWhenAsked: counts.filter((x) => x.lifeStage === data.lifeStage && x.agency === data.agency).reduce((n, x) => n + x.entries, 0),
      answeredBy: null,
      answeredByName: null,
      answeredAt: null,
      answeredWithEntryId: null,
      answerNote: null,
      version: 1,
    };
    await w.tx.questions.insert(question);
    await w.audit({
      action: 'timeline.question.asked',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, questionId: question.id, lifeStage: question.lifeStage, agency: question.agency },
    });
    await w.emit({ caseId: c.id, type: 'question.asked', data: question });
    // The agency's members on the team hear of it in Teams too, by case reference, stage and agency only.
    for (const m of team.filter((x) => x.agency === question.agency && x.staffId !== person.staffId)) {
      await queueNotification(
        w,
        m.staffId,
        { kind: 'question.asked', caseId: c.id, questionId: question.id, lifeStage: question.lifeStage, agency: question.agency },
        `question-asked:${question.id}`,
        c.serviceId,
      );
    }
    return question;
  });
}
