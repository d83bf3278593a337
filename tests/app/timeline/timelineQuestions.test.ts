import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptTerms } from '../../../src/app/team/acceptTerms.js';
import { inviteTeamMember } from '../../../src/app/team/inviteTeamMember.js';
import { addTimelineEntry } from '../../../src/app/timeline/addTimelineEntry.js';
import { answerTimelineQuestion } from '../../../src/app/timeline/answerTimelineQuestion.js';
import { askTimelineQuestion } from '../../../src/app/timeline/askTimelineQuestion.js';
import { listTimelineQuestions } from '../../../src/app/timeline/listTimelineQuestions.js';
import { DomainError } from '../../../src/domain/errors.js';
import type { Principal } from '../../../src/domain/staff.js';
import { activeCaseVia, principal } from '../../support/caseSetup.js';
import { entry } from '../../support/factories.js';
import { startTestServer, type TestServer } from '../../support/testSystem.js';

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'done',
    (e: unknown) => (e instanceof DomainError ? e.code : String(e)),
  );

describe('the jigsaw’s questions, one use case per verb', () => {
  let t: TestServer;
  let sam: Principal;
  let amy: Principal;
  let ana: Principal;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestServer();
    const deps = t.system.deps;
    [sam, amy, ana] = await Promise.all([principal(deps, 'ecm-sam'), principal(deps, 'yjs-amy'), principal(deps, 'health-ana')]);
    caseId = (await activeCaseVia(deps)).id;
    await inviteTeamMember(deps, sam, caseId, { staffId: 'health-ana', agency: 'health', caseRole: 'partner' });
    await acceptTerms(deps, ana, caseId, { termsVersion: '2026-1' });
  });
  afterAll(() => t.close());

  it('an entry that fills the cell answers its question in the same unit of work; a refused entry answers nothing', async () => {
    const deps = t.system.deps;
    const q = await askTimelineQuestion(deps, sam, caseId, { lifeStage: 'infancy', agency: 'health' });
    // A category the service does not know: the entry is refused, and the question stays open.
    expect(await codeOf(addTimelineEntry(deps, ana, caseId, entry({ when: { precision: 'age', age: 1 }, sourceAgency: 'health', category: 'nope' })))).toBe(
      'rule_violation',
    );
    expect((await listTimelineQuestions(deps, ana, caseId, {})).items.find((x) => x.id === q.id)?.status).toBe('open');
    // Another agency's entry for that stage is not the piece asked for.
    await addTimelineEntry(deps, amy, caseId, entry({ when: { precision: 'age', age: 1 }, sourceAgency: 'youth_justice' }));
    expect((await listTimelineQuestions(deps, ana, caseId, { status: 'open' })).items.map((x) => x.id)).toContain(q.id);
    // Health's piece, whoever adds it, answers the question.
    const e = await addTimelineEntry(deps, amy, caseId, entry({ when: { precision: 'age', age: 2 }, sourceAgency: 'health', category: 'health_development' }));
    const after = (await listTimelineQuestions(deps, ana, caseId, { status: 'answered' })).items.find((x) => x.id === q.id);
    expect(after).toMatchObject({ status: 'answered', answeredBy: 'yjs-amy', answeredWithEntryId: e.id, mayAnswer: false });
  });

  it('an answer on a stale version is refused and changes nothing', async () => {
    const deps = t.system.deps;
    const q = await askTimelineQuestion(deps, amy, caseId, { lifeStage: 'pregnancy', agency: 'health' });
    expect(await codeOf(answerTimelineQuestion(deps, ana, caseId, q.id, { outcome: 'nothing_held' }, 2))).toBe('precondition_failed');
    expect(await codeOf(answerTimelineQuestion(deps, ana, caseId, 'no-such-question', { outcome: 'nothing_held' }, 1))).toBe('not_found');
    const done = await answerTimelineQuestion(deps, ana, caseId, q.id, { outcome: 'nothing_held' }, 1);
    expect(done).toMatchObject({ status: 'nothing_held', version: 2, answeredByName: 'Ana Sousa' });
  });

  it('says what the reader may do: ask (the ECM team, the case holder) and answer (the agency asked)', async () => {
    const deps = t.system.deps;
    await askTimelineQuestion(deps, sam, caseId, { lifeStage: 'primary', agency: 'health' });
    const forAna = await listTimelineQuestions(deps, ana, caseId, { status: 'open' });
    expect(forAna.mayAsk).toBe(false);
    expect(forAna.agency).toBe('health');
    expect(forAna.items.every((x) => x.mayAnswer)).toBe(true);
    const forSam = await listTimelineQuestions(deps, sam, caseId, { status: 'open' });
    expect(forSam.mayAsk).toBe(true);
    expect(forSam.items.some((x) => x.mayAnswer)).toBe(false);
    expect(await codeOf(listTimelineQuestions(deps, ana, caseId, { status: 'sometimes' }))).toBe('validation_failed');
  });
});
