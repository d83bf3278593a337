import { z } from 'zod';
import { addYears, ageInYears, type IsoDate } from './dates.js';
import type { Agreement, Party } from './agreement.js';
import { LEGAL_STATUSES, type LegalStatus } from './legalStatus.js';

/**
 * Who must agree to ECM follows the child's age and legal status on the day (DESIGN.md §1). The
 * rules are one table, explained for information governance leads in docs/agreement-rules.md; a
 * service may change any row in its settings.
 */
export const AGE_BANDS = ['under_16', 'aged_16_17', 'aged_18_plus'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * How the family (a parent or carer, and the local authority when it is not needed) takes part:
 * always, unless the young person objects, or only with the young person's permission.
 */
export const FAMILY_INVOLVEMENT = ['always', 'unless_young_person_objects', 'only_with_permission'] as const;
export type FamilyInvolvement = (typeof FAMILY_INVOLVEMENT)[number];

export interface AgreementRule {
  ageBand: AgeBand;
  legalStatus: LegalStatus;
  /** Whose agreement makes the case active. The young person's always does: ECM is voluntary. */
  needs: Party[];
  /** Who else may give their agreement, on the footing `family` sets. */
  mayAlsoAgree: Party[];
  family: FamilyInvolvement;
}

const YP = 'young_person';
const PC = 'parent_carer';
const LA = 'local_authority';
const row = (ageBand: AgeBand, legalStatus: LegalStatus, needs: Party[], mayAlsoAgree: Party[], family: FamilyInvolvement): AgreementRule => ({
  ageBand,
  legalStatus,
  needs,
  mayAlsoAgree,
  family,
});

/**
 * The defaults. Under a care order the local authority shares parental responsibility and gives
 * agreement through the allocated social worker; a child accommodated by agreement or remanded
 * keeps their parents' responsibility. From 16 a young person decides for themselves.
 */
export const DEFAULT_AGREEMENT_RULES: readonly AgreementRule[] = [
  row('under_16', 'living_with_parents', [YP, PC], [], 'always'),
  row('under_16', 'care_order', [YP, LA], [PC], 'always'),
  row('under_16', 'accommodated_by_agreement', [YP, PC], [LA], 'always'),
  row('under_16', 'remanded', [YP, PC], [LA], 'always'),
  row('under_16', 'care_leaver', [YP, PC], [LA], 'always'),
  row('under_16', 'other', [YP, PC], [], 'always'),
  row('aged_16_17', 'living_with_parents', [YP], [PC], 'unless_young_person_objects'),
  row('aged_16_17', 'care_order', [YP], [PC, LA], 'unless_young_person_objects'),
  row('aged_16_17', 'accommodated_by_agreement', [YP], [PC, LA], 'unless_young_person_objects'),
  row('aged_16_17', 'remanded', [YP], [PC, LA], 'unless_young_person_objects'),
  row('aged_16_17', 'care_leaver', [YP], [PC, LA], 'unless_young_person_objects'),
  row('aged_16_17', 'other', [YP], [PC], 'unless_young_person_objects'),
  row('aged_18_plus', 'living_with_parents', [YP], [PC], 'only_with_permission'),
  row('aged_18_plus', 'care_order', [YP], [PC, LA], 'only_with_permission'),
  row('aged_18_plus', 'accommodated_by_agreement', [YP], [PC, LA], 'only_with_permission'),
  row('aged_18_plus', 'remanded', [YP], [PC, LA], 'only_with_permission'),
  row('aged_18_plus', 'care_leaver', [YP], [PC, LA], 'only_with_permission'),
  row('aged_18_plus', 'other', [YP], [PC], 'only_with_permission'),
];

const party = z.enum(['young_person', 'parent_carer', 'local_authority']);

/** A service's changes to the table: whole rows, each replacing the default for its age and status. */
export const agreementRuleOverridesSchema = z
  .array(
    z
      .object({
        ageBand: z.enum(AGE_BANDS),
        legalStatus: z.enum(LEGAL_STATUSES),
        needs: z.array(party).min(1).max(3),
        mayAlsoAgree: z.array(party).max(2),
        family: z.enum(FAMILY_INVOLVEMENT),
      })
      .strict()
      .refine((r) => r.needs.includes('young_person'), { message: "the young person's own agreement is always needed", path: ['needs'] })
      .refine((r) => !r.mayAlsoAgree.some((p) => r.needs.includes(p)), {
        message: 'a party is either needed or may also agree, not both',
        path: ['mayAlsoAgree'],
      })
      .refine((r) => !r.mayAlsoAgree.includes('young_person'), { message: "the young person's agreement is always needed", path: ['mayAlsoAgree'] }),
  )
  .max(AGE_BANDS.length * LEGAL_STATUSES.length)
  .refine((rs) => new Set(rs.map((r) => `${r.ageBand}/${r.legalStatus}`)).size === rs.length, 'give each age and status once');

export function ageBandOn(dateOfBirth: IsoDate, on: IsoDate): AgeBand {
  const age = ageInYears(dateOfBirth, on);
  return age >= 18 ? 'aged_18_plus' : age >= 16 ? 'aged_16_17' : 'under_16';
}

/** The rule for this age and status: the service's own row where it has one, else the default. */
export function agreementRuleFor(ageBand: AgeBand, legalStatus: LegalStatus, overrides: readonly AgreementRule[] = []): AgreementRule {
  const match = (r: AgreementRule) => r.ageBand === ageBand && r.legalStatus === legalStatus;
  return (overrides.find(match) ?? DEFAULT_AGREEMENT_RULES.find(match)) as AgreementRule;
}

export interface ChildOnTheDay {
  dateOfBirth: IsoDate;
  legalStatus: LegalStatus;
  today: IsoDate;
  overrides?: readonly AgreementRule[];
}

export interface AgreementNeeds {
  ageBand: AgeBand;
  rule: AgreementRule;
  /** Needed parties whose latest decision is not an agreement. */
  missing: Party[];
  /** The young person agreed before turning 16 or 18: their own agreement is asked for again. */
  askAgain: 'turned_16' | 'turned_18' | null;
}

const latestOf = (history: readonly Agreement[], p: Party) =>
  [...history]
    .sort((a, b) => a.seq - b.seq)
    .filter((a) => a.party === p)
    .pop();

export function agreementNeeds(history: readonly Agreement[], child: ChildOnTheDay): AgreementNeeds {
  const ageBand = ageBandOn(child.dateOfBirth, child.today);
  const rule = agreementRuleFor(ageBand, child.legalStatus, child.overrides);
  const missing = rule.needs.filter((p) => latestOf(history, p)?.decision !== 'given');
  const own = latestOf(history, 'young_person');
  let askAgain: AgreementNeeds['askAgain'] = null;
  if (own?.decision === 'given' && ageBand !== 'under_16') {
    const turned = ageBand === 'aged_18_plus' ? 18 : 16;
    if (own.date < addYears(child.dateOfBirth, turned)) askAgain = turned === 18 ? 'turned_18' : 'turned_16';
  }
  return { ageBand, rule, missing, askAgain };
}

const AGE_WORDS: Record<AgeBand, string> = { under_16: 'under 16', aged_16_17: '16 or 17', aged_18_plus: '18 or over' };
const PARTY_WORDS: Record<Party, string> = { young_person: 'the young person', parent_carer: 'a parent or carer', local_authority: 'the local authority' };

/**
 * Why this party may not give or decline agreement for this child today, in the form's words;
 * null when they may. `history` is what is already recorded (the young person's word on their
 * family's involvement is on their own latest decision).
 */
export function whyMayNotDecide(p: Party, history: readonly Agreement[], child: ChildOnTheDay): string | null {
  const { ageBand, rule } = agreementNeeds(history, child);
  if (rule.needs.includes(p)) return null;
  const who = `For a young person ${AGE_WORDS[ageBand]} with this legal status, ${PARTY_WORDS[p]}`;
  if (!rule.mayAlsoAgree.includes(p))
    return `${who} does not give agreement to ECM. Record the decision of ${rule.needs.map((n) => PARTY_WORDS[n]).join(' and ')}.`;
  const word = latestOf(history, 'young_person')?.familyInvolvement ?? null;
  if (rule.family === 'unless_young_person_objects' && word === 'objects') {
    return `${who} is involved only if the young person does not object, and they have objected. Their objection is recorded with their agreement.`;
  }
  if (rule.family === 'only_with_permission' && word !== 'permits') {
    return `${who} takes part only with the young person's permission. Record their permission with the young person's agreement first.`;
  }
  return null;
}
