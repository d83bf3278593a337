import { describe, expect, it } from 'vitest';
import { entryAsSeenBy, historyAsSeenBy, mayReadEntryText, restrictedTextReach, restrictionReasonSchema, withheldEntry } from '../../src/domain/restriction.js';
import type { Principal } from '../../src/domain/staff.js';
import type { TimelineEntry, TimelineEntryRevision } from '../../src/domain/timeline.js';

const dob = '2011-05-14';
const AT = '2026-11-27T10:00:00.000Z';

const person = (staffId: string, role: Principal['role'], agency: Principal['agency']): Principal => ({
  staffId,
  name: staffId,
  role,
  agency,
  serviceIds: role === 'partner' ? [] : ['bristol'],
});
const ecm = person('ecm-jo', 'ecm_practitioner', 'ecm_team');
const psychologist = person('psy-helen', 'psychologist', 'health');
const healthNurse = person('health-sam', 'partner', 'health');
const police = person('police-jo', 'partner', 'police');
const school = person('school-kim', 'partner', 'education');
const caseHolder = person('yjs-amy', 'yjs_practitioner', 'youth_justice');
const manager = person('mgr-bo', 'manager', 'youth_justice');

const healthEntry: TimelineEntry = {
  id: 'e1',
  caseId: 'c1',
  when: { precision: 'day', date: '2014-03-09' },
  span: { start: '2014-03-09', end: '2014-03-09' },
  lifeStage: 'early_years',
  category: 'health_development',
  sourceAgency: 'health',
  confidence: 'confirmed',
  description: 'Seen at the paediatric clinic after an injury at home.',
  contributorId: 'health-sam',
  contributorName: 'Sam Patel',
  createdAt: AT,
  updatedAt: AT,
  version: 2,
  retraction: null,
  restriction: { at: AT, by: 'health-sam', byName: 'Sam Patel', reason: 'Shared in confidence by the GP.' },
};

describe('who reads a restricted entry’s text', () => {
  it('the ECM team, the psychologist and members from the contributing agency read it', () => {
    for (const p of [ecm, psychologist, healthNurse]) expect(mayReadEntryText(p, healthEntry)).toBe(true);
  });

  it('a partner from another agency, the case holder and a manager from the YJS do not', () => {
    for (const p of [police, school, caseHolder, manager]) expect(mayReadEntryText(p, healthEntry)).toBe(false);
  });

  it('the person who added it reads it even when they speak for another agency', () => {
    expect(mayReadEntryText(caseHolder, { ...healthEntry, contributorId: caseHolder.staffId })).toBe(true);
  });

  it('an entry that is not restricted is read by everyone who reads the timeline', () => {
    for (const p of [ecm, police, school, caseHolder, manager]) expect(mayReadEntryText(p, { ...healthEntry, restriction: null })).toBe(true);
  });

  it('gives a database query the same rule: all text for the ECM team, otherwise open, own agency’s or own entries', () => {
    expect(restrictedTextReach(ecm)).toEqual({ kind: 'all' });
    expect(restrictedTextReach(psychologist)).toEqual({ kind: 'all' });
    expect(restrictedTextReach(police)).toEqual({ kind: 'unrestricted_or', agency: 'police', staffId: 'police-jo' });
  });
});

describe('what everyone else is given instead', () => {
  it('that a restricted entry exists, its agency and its life stage — nothing more', () => {
    const shown = entryAsSeenBy(police, healthEntry, dob);
    expect(shown).toEqual(withheldEntry(healthEntry, dob));
    expect(shown).toMatchObject({ id: 'e1', caseId: 'c1', sourceAgency: 'health', lifeStage: 'early_years', withheld: true });
    expect(shown.restriction).toEqual({ at: AT, by: '', byName: '', reason: '' });
    const text = JSON.stringify(shown);
    for (const secret of ['paediatric', '2014-03-09', 'health_development', 'Sam Patel', 'health-sam', 'confidence by the GP', 'confirmed']) {
      expect(text).not.toContain(secret);
    }
  });

  it('places the piece over its whole life stage, so the precision of its date does not show', () => {
    const shown = entryAsSeenBy(school, healthEntry, dob);
    expect(shown.when).toEqual({ precision: 'lifeStage', lifeStage: 'early_years' });
    expect(shown.span).toEqual({ start: '2014-05-14', end: '2016-05-13' });
  });

  it('gives the whole entry to those who may read it', () => {
    expect(entryAsSeenBy(healthNurse, healthEntry, dob)).toBe(healthEntry);
    expect(entryAsSeenBy(ecm, healthEntry, dob)).toBe(healthEntry);
  });

  it('withholds every earlier version’s text while the entry is restricted, and opens the history once it is lifted', () => {
    const revisions: TimelineEntryRevision[] = [1, 2].map((version) => ({
      entryId: 'e1',
      caseId: 'c1',
      version,
      content: {
        when: healthEntry.when,
        category: healthEntry.category,
        sourceAgency: 'health',
        confidence: 'confirmed',
        description: `Version ${version}: paediatric clinic.`,
      },
      retraction: null,
      restriction: version === 2 ? healthEntry.restriction : null,
      changedBy: 'health-sam',
      changedByName: 'Sam Patel',
      changedAt: AT,
    }));
    const shown = historyAsSeenBy(police, healthEntry, revisions, dob);
    expect(shown.map((r) => r.version)).toEqual([1, 2]);
    expect(JSON.stringify(shown)).not.toMatch(/paediatric|Sam Patel|in confidence/);
    expect(shown.map((r) => r.restriction !== null)).toEqual([false, true]);
    expect(historyAsSeenBy(police, { ...healthEntry, restriction: null }, revisions, dob)).toBe(revisions);
    expect(historyAsSeenBy(psychologist, healthEntry, revisions, dob)).toBe(revisions);
  });
});

describe('the reason given for restricting or lifting', () => {
  it('is required, plain text, at most 500 characters', () => {
    expect(restrictionReasonSchema.safeParse({}).success).toBe(false);
    expect(restrictionReasonSchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(restrictionReasonSchema.safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
    expect(restrictionReasonSchema.safeParse({ reason: 'Shared in confidence.' }).success).toBe(true);
  });
});
