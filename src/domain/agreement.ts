import { z } from 'zod';
import { isIsoDate, type Instant, type IsoDate } from './dates.js';
import { DomainError } from './errors.js';
import { dateIn, type Problem } from './problems.js';
import { plainText } from './text.js';
import type { CaseStatus } from './case.js';

/**
 * Agreement to take part in ECM, from the young person and, by their age and legal status, from
 * a parent or carer or the local authority (agreementRules.ts). It is not the lawful basis for
 * processing; it is the practice's own consent to the work.
 */
export const PARTIES = ['young_person', 'parent_carer', 'local_authority'] as const;
export type Party = (typeof PARTIES)[number];

export const DECISIONS = ['given', 'declined', 'withdrawn'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The young person's word on their family taking part: from 16 they may object, from 18 it needs their permission. */
export const FAMILY_WORDS = ['permits', 'objects'] as const;
export type FamilyWord = (typeof FAMILY_WORDS)[number];

export const METHODS = ['in_person', 'phone', 'video', 'letter', 'other'] as const;
export type AgreementMethod = (typeof METHODS)[number];

const isoDate = z.string().refine(isIsoDate, 'is a date such as 2026-03-09');

export const agreementInputSchema = z
  .object({
    party: z.enum(PARTIES),
    decision: z.enum(['given', 'declined']),
    date: isoDate,
    method: z.enum(METHODS),
    /** The practitioner's view of the young person's competence to agree (Gillick). */
    competenceNote: plainText(1000).optional(),
    /** The young person's word on their parent or carer taking part (recorded with their own decision). */
    familyInvolvement: z.enum(FAMILY_WORDS).optional(),
  })
  .strict()
  .refine((a) => a.party !== 'young_person' || a.competenceNote !== undefined, {
    message: "record your view of the young person's competence to agree",
    path: ['competenceNote'],
  })
  .refine((a) => a.party === 'young_person' || a.familyInvolvement === undefined, {
    message: 'only the young person says whether their family takes part',
    path: ['familyInvolvement'],
  });

export const withdrawalSchema = z.object({ party: z.enum(PARTIES), date: isoDate, method: z.enum(METHODS), note: plainText(1000).optional() }).strict();

export interface Agreement {
  id: string;
  caseId: string;
  /** Order within the case: decisions can be recorded within the same instant. */
  seq: number;
  party: Party;
  decision: Decision;
  date: IsoDate;
  method: AgreementMethod;
  competenceNote: string | null;
  familyInvolvement: FamilyWord | null;
  recordedBy: string;
  recordedByName: string;
  recordedAt: Instant;
}

export type AgreementState = Record<Party, Decision | 'not_yet_known'>;

/** The latest decision of each party; earlier ones stay in the record. */
export function agreementState(history: Agreement[]): AgreementState {
  const state: AgreementState = { young_person: 'not_yet_known', parent_carer: 'not_yet_known', local_authority: 'not_yet_known' };
  const ordered = [...history].sort((a, b) => a.seq - b.seq);
  for (const a of ordered) state[a.party] = a.decision;
  return state;
}

/**
 * A decision is recorded once it has been made, so it is never dated after today; and it is the
 * young person's or their family's, so it is never dated before the young person was born.
 */
export function decisionDateProblems(input: unknown, today: IsoDate, childDateOfBirth: IsoDate): Problem[] {
  const date = dateIn(input, 'date');
  if (date === null) return [];
  if (date > today) return [{ path: 'date', message: 'is in the future: give the day the decision was made, today at the latest' }];
  if (date < childDateOfBirth) return [{ path: 'date', message: "is before the young person's date of birth: check the date" }];
  return [];
}

/** Active once everyone the rules need for this child today has agreed (`missing` from agreementNeeds). */
export function statusAfterAgreement(current: CaseStatus, missing: readonly Party[]): CaseStatus {
  if (current === 'closed') return current;
  return missing.length === 0 ? 'active' : 'awaiting_agreement';
}

const recordedOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/**
 * A form drawn before the latest decision (a card pressed twice, or pressed long after) would
 * record over what someone has since recorded: it is refused, naming who recorded what is there.
 */
export function assertNothingRecordedSince(history: readonly Agreement[], decisionsSeen: number): void {
  if (history.length === decisionsSeen) return;
  const latest = [...history].sort((a, b) => a.seq - b.seq).at(-1);
  const by = latest ? ` by ${latest.recordedByName} on ${recordedOn.format(new Date(latest.recordedAt))}` : '';
  throw new DomainError('conflict', `Already recorded${by}. This card was drawn before that, so nothing was changed.`, {
    recordedByName: latest?.recordedByName ?? null,
    recordedAt: latest?.recordedAt ?? null,
  });
}
