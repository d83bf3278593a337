import { describe, expect, it } from 'vitest';
import type { Agreement, Party } from '../../src/domain/agreement.js';
import {
  AGE_BANDS,
  ageBandOn,
  agreementNeeds,
  agreementRuleFor,
  agreementRuleOverridesSchema,
  DEFAULT_AGREEMENT_RULES,
  whyMayNotDecide,
} from '../../src/domain/agreementRules.js';
import { LEGAL_STATUSES, type LegalStatus } from '../../src/domain/legalStatus.js';

const TODAY = '2026-11-27';
/** Dates of birth that make the child 14, 17 and 18 on TODAY. */
const AGED = { under_16: '2012-06-01', aged_16_17: '2009-06-01', aged_18_plus: '2008-06-01' } as const;

let seq = 0;
const decided = (party: Party, decision: Agreement['decision'], date: string, familyInvolvement: Agreement['familyInvolvement'] = null): Agreement => ({
  id: `a${++seq}`,
  caseId: 'c',
  seq,
  party,
  decision,
  date,
  method: 'in_person',
  competenceNote: party === 'young_person' ? 'Understood.' : null,
  familyInvolvement,
  recordedBy: 's',
  recordedByName: 'S',
  recordedAt: `${date}T10:00:00Z`,
});

const child = (ageBand: keyof typeof AGED, legalStatus: LegalStatus) => ({ dateOfBirth: AGED[ageBand], legalStatus, today: TODAY });

/** The table as the docs explain it (docs/agreement-rules.md), row by row: needs, may also agree, family. */
const EXPECTED: [keyof typeof AGED, LegalStatus, Party[], Party[], string][] = [
  ['under_16', 'living_with_parents', ['young_person', 'parent_carer'], [], 'always'],
  ['under_16', 'care_order', ['young_person', 'local_authority'], ['parent_carer'], 'always'],
  ['under_16', 'accommodated_by_agreement', ['young_person', 'parent_carer'], ['local_authority'], 'always'],
  ['under_16', 'remanded', ['young_person', 'parent_carer'], ['local_authority'], 'always'],
  ['under_16', 'care_leaver', ['young_person', 'parent_carer'], ['local_authority'], 'always'],
  ['under_16', 'other', ['young_person', 'parent_carer'], [], 'always'],
  ['aged_16_17', 'living_with_parents', ['young_person'], ['parent_carer'], 'unless_young_person_objects'],
  ['aged_16_17', 'care_order', ['young_person'], ['parent_carer', 'local_authority'], 'unless_young_person_objects'],
  ['aged_16_17', 'accommodated_by_agreement', ['young_person'], ['parent_carer', 'local_authority'], 'unless_young_person_objects'],
  ['aged_16_17', 'remanded', ['young_person'], ['parent_carer', 'local_authority'], 'unless_young_person_objects'],
  ['aged_16_17', 'care_leaver', ['young_person'], ['parent_carer', 'local_authority'], 'unless_young_person_objects'],
  ['aged_16_17', 'other', ['young_person'], ['parent_carer'], 'unless_young_person_objects'],
  ['aged_18_plus', 'living_with_parents', ['young_person'], ['parent_carer'], 'only_with_permission'],
  ['aged_18_plus', 'care_order', ['young_person'], ['parent_carer', 'local_authority'], 'only_with_permission'],
  ['aged_18_plus', 'accommodated_by_agreement', ['young_person'], ['parent_carer', 'local_authority'], 'only_with_permission'],
  ['aged_18_plus', 'remanded', ['young_person'], ['parent_carer', 'local_authority'], 'only_with_permission'],
  ['aged_18_plus', 'care_leaver', ['young_person'], ['parent_carer', 'local_authority'], 'only_with_permission'],
  ['aged_18_plus', 'other', ['young_person'], ['parent_carer'], 'only_with_permission'],
];

describe('who must agree, by age and legal status', () => {
  it('the table has one row for every age and every legal status', () => {
    expect(DEFAULT_AGREEMENT_RULES).toHaveLength(AGE_BANDS.length * LEGAL_STATUSES.length);
    expect(EXPECTED).toHaveLength(DEFAULT_AGREEMENT_RULES.length);
  });

  it.each(EXPECTED)('%s, %s: needs %j, may also agree %j, family %s', (ageBand, legalStatus, needs, mayAlsoAgree, family) => {
    expect(ageBandOn(AGED[ageBand], TODAY)).toBe(ageBand);
    expect(agreementRuleFor(ageBand, legalStatus)).toEqual({ ageBand, legalStatus, needs, mayAlsoAgree, family });
    // The needed agreements, and only those, make the case ready.
    const history = needs.map((p) => decided(p, 'given', '2026-11-20'));
    expect(agreementNeeds(history, child(ageBand, legalStatus)).missing).toEqual([]);
    expect(agreementNeeds(history.slice(1), child(ageBand, legalStatus)).missing).toEqual(needs.slice(0, 1));
  });

  it('an 18-year-old needs their own agreement alone', () => {
    expect(agreementNeeds([decided('young_person', 'given', '2026-11-20')], child('aged_18_plus', 'living_with_parents')).missing).toEqual([]);
  });

  it("a 14-year-old under a care order needs their own and the local authority's agreement, not a parent's", () => {
    const c = child('under_16', 'care_order');
    expect(agreementNeeds([decided('young_person', 'given', '2026-11-20'), decided('parent_carer', 'given', '2026-11-20')], c).missing).toEqual([
      'local_authority',
    ]);
    expect(agreementNeeds([decided('young_person', 'given', '2026-11-20'), decided('local_authority', 'given', '2026-11-21')], c).missing).toEqual([]);
  });

  it('the local authority may not agree for a child living with their parents', () => {
    expect(whyMayNotDecide('local_authority', [], child('under_16', 'living_with_parents'))).toMatch(/the local authority does not give agreement to ECM/);
  });

  it("a parent or carer of an 18-year-old takes part only with the young person's permission", () => {
    const c = child('aged_18_plus', 'living_with_parents');
    expect(whyMayNotDecide('parent_carer', [], c)).toMatch(/only with the young person's permission/);
    expect(whyMayNotDecide('parent_carer', [decided('young_person', 'given', '2026-11-20')], c)).toMatch(/permission/);
    expect(whyMayNotDecide('parent_carer', [decided('young_person', 'given', '2026-11-20', 'permits')], c)).toBeNull();
  });

  it('a parent or carer of a 16- or 17-year-old is involved unless the young person objects', () => {
    const c = child('aged_16_17', 'living_with_parents');
    expect(whyMayNotDecide('parent_carer', [], c)).toBeNull();
    expect(whyMayNotDecide('parent_carer', [decided('young_person', 'given', '2026-11-20', 'objects')], c)).toMatch(/they have objected/);
  });

  it('a young person who agreed at 15 and has turned 16 is asked again; an agreement since the birthday settles it', () => {
    const c = { dateOfBirth: '2010-11-01', legalStatus: 'living_with_parents' as const, today: TODAY };
    expect(agreementNeeds([decided('young_person', 'given', '2026-10-31')], c).askAgain).toBe('turned_16');
    expect(agreementNeeds([decided('young_person', 'given', '2026-10-31'), decided('young_person', 'given', '2026-11-01')], c).askAgain).toBeNull();
  });

  it('a young person who agreed at 17 and has turned 18 is asked again', () => {
    const c = { dateOfBirth: '2008-11-20', legalStatus: 'care_leaver' as const, today: TODAY };
    expect(agreementNeeds([decided('young_person', 'given', '2026-11-19')], c).askAgain).toBe('turned_18');
  });

  it("a service's own row replaces the default for that age and status only", () => {
    const overrides = agreementRuleOverridesSchema.parse([
      { ageBand: 'aged_16_17', legalStatus: 'remanded', needs: ['young_person', 'parent_carer'], mayAlsoAgree: [], family: 'always' },
    ]);
    expect(agreementRuleFor('aged_16_17', 'remanded', overrides).needs).toEqual(['young_person', 'parent_carer']);
    expect(agreementRuleFor('aged_16_17', 'care_order', overrides)).toEqual(agreementRuleFor('aged_16_17', 'care_order'));
  });

  it("a service cannot make a row that leaves out the young person's own agreement", () => {
    const r = agreementRuleOverridesSchema.safeParse([
      { ageBand: 'under_16', legalStatus: 'care_order', needs: ['local_authority'], mayAlsoAgree: [], family: 'always' },
    ]);
    expect(r.success).toBe(false);
  });
});
