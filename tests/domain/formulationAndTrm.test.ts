import { describe, expect, it } from 'vitest';
import {
  assertEvidenceExists,
  assertReadyForApproval,
  emptyFormulation,
  formulationContentSchema,
  sequencedRecommendations,
} from '../../src/domain/formulation.js';
import { defaultSettings, trmLabel } from '../../src/domain/service.js';
import { movement, overallMovement, trmLevelSchema, type TrmPlacement } from '../../src/domain/trm.js';

const entryId = '1b4e28ba-2fa1-4d2b-883f-0016d3cca427';

describe('formulation', () => {
  const ready = () =>
    formulationContentSchema.parse({
      summary: 'A life of many moves.',
      hypotheses: [{ id: 'h1', domain: 'relationships', text: 'Expects adults to leave.', evidence: [entryId] }],
      strengths: 'Loyal to his younger sister.',
      recommendations: [{ id: 'r1', text: 'Same worker, same time each week.', trmLevel: 1, sequence: 1, relationshipBased: true }],
    });

  it('a draft may be empty, an approved formulation may not', () => {
    expect(() => assertReadyForApproval(emptyFormulation())).toThrow(/summary.*hypothesis.*strengths.*recommendation/s);
    expect(() => assertReadyForApproval(ready())).not.toThrow();
  });
  it('every hypothesis needs timeline evidence before approval', () => {
    const c = ready();
    c.hypotheses.push({ id: 'h2', domain: 'coping', text: 'Uses cannabis to sleep.', evidence: [] });
    expect(() => assertReadyForApproval(c)).toThrow(/missing: h2/);
  });
  it('evidence must be a live entry of the case', () => {
    expect(() => assertEvidenceExists(ready(), new Set())).toThrow(/retracted/);
    expect(() => assertEvidenceExists(ready(), new Set([entryId]))).not.toThrow();
  });
  it('recommendations are offered by TRM level, relationship-based first, then in sequence', () => {
    const recs = [
      { id: 'a', text: 'Therapy', trmLevel: 3, sequence: 1, relationshipBased: false },
      { id: 'b', text: 'Mentor', trmLevel: 2, sequence: 2, relationshipBased: false },
      { id: 'c', text: 'Key worker', trmLevel: 2, sequence: 3, relationshipBased: true },
      { id: 'd', text: 'Housing', trmLevel: 1, sequence: 9, relationshipBased: false },
    ];
    expect(sequencedRecommendations(recs).map((r) => r.id)).toEqual(['d', 'c', 'b', 'a']);
  });
  it('duplicate hypothesis ids are refused', () => {
    const bad = { hypotheses: [1, 2].map(() => ({ id: 'h', domain: 'other', text: 't', evidence: [] })) };
    expect(formulationContentSchema.safeParse(bad).success).toBe(false);
  });
});

describe('TRM placements', () => {
  it('levels move in whole or half steps from 1 to 6', () => {
    expect(trmLevelSchema.safeParse(2.5).success).toBe(true);
    expect(trmLevelSchema.safeParse(2.25).success).toBe(false);
    expect(trmLevelSchema.safeParse(0.5).success).toBe(false);
    expect(trmLevelSchema.safeParse(6.5).success).toBe(false);
  });
  it('moving down is a setback, recorded as such', () => {
    expect(movement(3, 2)).toBe('setback');
    expect(movement(2, 2.5)).toBe('up');
    expect(movement(null, 2)).toBe('first');
  });
  it('overall movement compares the latest placement with the first', () => {
    const p = (level: number, effectiveDate: string) => ({ level, effectiveDate, placedAt: `${effectiveDate}T09:00:00Z` }) as TrmPlacement;
    expect(overallMovement([p(2, '2026-01-01'), p(3, '2026-03-01'), p(2, '2026-06-01')])).toBe('same');
    expect(overallMovement([p(3, '2026-06-01'), p(2, '2026-01-01')])).toBe('up');
    expect(overallMovement([])).toBeNull();
  });
  it('labels come from the service, with half steps between two levels', () => {
    const s = defaultSettings();
    expect(trmLabel(s, 2)).toBe('Trust and relationships');
    expect(trmLabel(s, 2.5)).toBe('Trust and relationships → Working through trauma');
    s.trmLabels[0]!.name = 'Safe base';
    expect(trmLabel(s, 1)).toBe('Safe base');
  });
});

describe('the young person’s version speaks to them, in plain words', () => {
  it('is not approved while its text names the young person; the tab warned first', async () => {
    const { assertYouthFriendlyUnnamed, emptyFormulation: empty } = await import('../../src/domain/formulation.js');
    const content = { ...empty(), youthFriendly: { ...empty().youthFriendly, summary: 'Reece’s nan looked after you.' } };
    expect(() => assertYouthFriendlyUnnamed(content, 'Reece Halloran')).toThrow(/names the young person/);
    expect(() =>
      assertYouthFriendlyUnnamed({ ...content, youthFriendly: { ...content.youthFriendly, summary: 'Your nan looked after you.' } }, 'Reece Halloran'),
    ).not.toThrow();
  });

  it('finds idioms and the services’ own words with what to say instead, and leaves ordinary words alone', async () => {
    const { plainWordsWarnings } = await import('../../src/domain/plainWords.js');
    const found = plainWordsWarnings('Someone is in your corner. You feel on edge. Your YJS worker and the ECM team. Probation later.', 'Reece Halloran');
    expect(found.map((w) => [w.kind, w.found])).toEqual([
      ['idiom', 'in your corner'],
      ['idiom', 'on edge'],
      ['service', 'YJS worker'],
      ['service', 'ECM team'],
      ['service', 'probation'],
    ]);
    expect(found[0]!.instead).toBe('on your side');
    expect(plainWordsWarnings('We will sit on the edge of the pitch; yjs and ecm in lower case are not letters of a service.')).toEqual([]);
    expect(plainWordsWarnings('THE HALLORAN FAMILY', 'Reece Halloran').map((w) => w.kind)).toEqual(['name']);
  });
});
