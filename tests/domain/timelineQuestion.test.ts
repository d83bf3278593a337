import { describe, expect, it } from 'vitest';
import { defaultQuestionWording } from '../../src/contract/words.js';
import { DomainError } from '../../src/domain/errors.js';
import { coverageOf } from '../../src/domain/timelineCoverage.js';
import {
  answered,
  askQuestionSchema,
  assertEntriesHeld,
  assertNoOpenQuestion,
  assertOpen,
  checkQuestion,
  type TimelineQuestion,
} from '../../src/domain/timelineQuestion.js';

const question = (overrides: Partial<TimelineQuestion> = {}): TimelineQuestion => ({
  id: 'q1',
  caseId: 'c1',
  lifeStage: 'early_years',
  agency: 'health',
  wording: 'Health: anything from the early years?',
  status: 'open',
  askedBy: 'ecm-sam',
  askedByName: 'Sam Okafor',
  askedAt: '2026-11-27T10:00:00.000Z',
  entriesWhenAsked: 0,
  answeredBy: null,
  answeredByName: null,
  answeredAt: null,
  answeredWithEntryId: null,
  answerNote: null,
  version: 1,
  ...overrides,
});

const problemsOf = (f: () => void): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? [e.code, e.details] : e;
  }
  return null;
};

describe('a question for an agency about a stage of the child’s life', () => {
  it('is worded by default as the chair would say it', () => {
    expect(defaultQuestionWording('health', 'early_years')).toBe('Health: anything from the early years?');
    expect(defaultQuestionWording('social_care', 'pregnancy')).toBe('Social care: anything from the pregnancy?');
  });

  it('takes the chair’s own words, as plain text', () => {
    expect(askQuestionSchema.parse({ lifeStage: 'infancy', agency: 'health', wording: '  Any health visitor records? ' }).wording).toBe(
      'Any health visitor records?',
    );
    expect(askQuestionSchema.safeParse({ lifeStage: 'infancy', agency: 'health', wording: '' }).success).toBe(false);
    expect(askQuestionSchema.safeParse({ lifeStage: 'infancy', agency: 'health', extra: 1 }).success).toBe(false);
  });

  it('is asked only of a stage the child has lived and an agency on the team, refused at the field', () => {
    const team = new Set(['health', 'youth_justice'] as const);
    expect(problemsOf(() => checkQuestion({ lifeStage: 'early_years', agency: 'health' }, ['pregnancy', 'infancy', 'early_years'], team))).toBeNull();
    expect(problemsOf(() => checkQuestion({ lifeStage: 'primary', agency: 'police' }, ['pregnancy', 'infancy'], team))).toEqual([
      'validation_failed',
      [
        { path: 'lifeStage', message: 'is a stage the child has not reached yet' },
        { path: 'agency', message: 'is not an agency on the case team: invite someone from it first' },
      ],
    ]);
  });

  it('stands once per cell, and is answered once', () => {
    expect(problemsOf(() => assertNoOpenQuestion(question()))).toEqual(['conflict', { questionId: 'q1' }]);
    expect(problemsOf(() => assertNoOpenQuestion(null))).toBeNull();
    expect(problemsOf(() => assertOpen(question({ status: 'nothing_held' })))).toEqual(['rule_violation', { status: 'nothing_held' }]);
  });

  it('is answered "entries added" only when the agency holds entries for that stage', () => {
    expect(problemsOf(() => assertEntriesHeld(0))?.toString()).toContain('rule_violation');
    expect(problemsOf(() => assertEntriesHeld(2))).toBeNull();
  });

  it('records who answered, when, how, and with which entry', () => {
    const byEntry = answered(question(), { staffId: 'health-ana', name: 'Ana Sousa' }, '2026-11-27T10:05:00.000Z', { outcome: 'entries_added', entryId: 'e9' });
    expect(byEntry).toMatchObject({ status: 'answered', answeredBy: 'health-ana', answeredWithEntryId: 'e9', version: 2 });
    const nothing = answered(question(), { staffId: 'health-ana', name: 'Ana Sousa' }, '2026-11-27T10:05:00.000Z', {
      outcome: 'nothing_held',
      note: 'Not registered with a GP then.',
    });
    expect(nothing).toMatchObject({ status: 'nothing_held', answerNote: 'Not registered with a GP then.', answeredWithEntryId: null });
  });
});

describe('the jigsaw shows the questions standing on its cells', () => {
  const team = [
    { agency: 'youth_justice' as const, caseRole: 'case_holder' as const },
    { agency: 'health' as const, caseRole: 'partner' as const },
  ];
  const cellOf = (qs: TimelineQuestion[], lifeStage: string) =>
    coverageOf([], team, 'primary', qs).cells.find((c) => c.lifeStage === lifeStage && c.agency === 'health')!;

  it('an open question on its cell, counted', () => {
    const c = coverageOf([], team, 'primary', [question()]);
    expect(c.openQuestions).toBe(1);
    expect(cellOf([question()], 'early_years').question).toMatchObject({ id: 'q1', status: 'open' });
    expect(cellOf([question()], 'infancy').question).toBeNull();
  });

  it('"asked: nothing held" rather than a blank, and nothing once answered with entries', () => {
    expect(cellOf([question({ status: 'nothing_held' })], 'early_years').question).toMatchObject({ status: 'nothing_held' });
    expect(cellOf([question({ status: 'answered' })], 'early_years').question).toBeNull();
    // Asked again after "nothing held": the open question is the one that stands.
    expect(cellOf([question({ status: 'nothing_held' }), question({ id: 'q2' })], 'early_years').question?.id).toBe('q2');
  });
});
