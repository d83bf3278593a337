import { expect, it } from 'vitest';
import type { TimelineQuestion } from '../../../src/domain/timelineQuestion.js';
import type { ContractContext } from '../store.contract.js';
import { aCase, AT, withServices } from './records.js';

const question = (caseId: string, id: string, overrides: Partial<TimelineQuestion> = {}): TimelineQuestion => ({
  id,
  caseId,
  lifeStage: 'early_years',
  agency: 'health',
  wording: 'Health: anything from the early years?',
  status: 'open',
  askedBy: 'ecm-sam',
  askedByName: 'Sam Okafor',
  askedAt: AT,
  entriesWhenAsked: 0,
  answeredBy: null,
  answeredByName: null,
  answeredAt: null,
  answeredWithEntryId: null,
  answerNote: null,
  version: 1,
  ...overrides,
});

export function timelineQuestionContract({ store }: ContractContext): void {
  it('keeps the questions put to agencies, finds a cell’s open one, and answers only over the version read', async () => {
    await store().transaction(async (tx) => {
      await withServices(tx);
      await tx.cases.insert(aCase('c1'));
      await tx.cases.insert(aCase('c2'));
      await tx.questions.insert(question('c1', 'q1'));
      await tx.questions.insert(question('c1', 'q2', { lifeStage: 'infancy', askedAt: '2026-11-27T11:00:00.000Z' }));
      await tx.questions.insert(question('c2', 'q3'));
    });
    await store().transaction(async (tx) => {
      expect((await tx.questions.list('c1')).map((q) => q.id)).toEqual(['q1', 'q2']);
      expect(await tx.questions.get('c1', 'q1')).toEqual(question('c1', 'q1'));
      // Another case's question is not found through this case.
      expect(await tx.questions.get('c1', 'q3')).toBeNull();
      expect((await tx.questions.openFor('c1', 'early_years', 'health'))?.id).toBe('q1');
      expect(await tx.questions.openFor('c1', 'early_years', 'police')).toBeNull();
    });
    const answered = question('c1', 'q1', {
      status: 'nothing_held',
      answeredBy: 'health-ana',
      answeredByName: 'Ana Sousa',
      answeredAt: AT,
      answerNote: 'Not registered then.',
      version: 2,
    });
    await store().transaction(async (tx) => {
      expect(await tx.questions.update(answered, 2)).toBe(false);
      expect(await tx.questions.update(answered, 1)).toBe(true);
    });
    await store().transaction(async (tx) => {
      expect(await tx.questions.get('c1', 'q1')).toEqual(answered);
      expect(await tx.questions.openFor('c1', 'early_years', 'health')).toBeNull();
    });
    await store().transaction((tx) => tx.cases.purge('c1'));
    await store().transaction(async (tx) => {
      expect(await tx.questions.list('c1')).toEqual([]);
      expect((await tx.questions.list('c2')).map((q) => q.id)).toEqual(['q3']);
    });
  });
}
