import { z } from 'zod';
import { acceptTerms } from '../src/app/team/acceptTerms.js';
import type { AppDeps } from '../src/app/deps.js';
import { recordAgreements } from '../src/app/agreement/recordAgreement.js';
import { respondToMeeting } from '../src/app/meetings/respondToMeeting.js';
import { METHODS, type Party } from '../src/domain/agreement.js';
import type { Principal } from '../src/domain/staff.js';
import type { LiveCard } from './cards/build.js';
import type { TypedAgreement } from './cards/cards.js';

/**
 * Every Action.Execute the cards carry, checked with zod before anything is done. Ids are only
 * where to look: the use cases decide whether this person may act on that case, meeting or
 * invitation, so forged data meets the same policy as the tab does.
 */
const caseId = z.uuid();
const meetingId = z.uuid();
const decision = z.enum(['given', 'declined', 'not_yet_known']);
const method = z.enum(METHODS);
const isoDate = z.iso.date();
/** The pressed card's own key (see CardContext.cardKey): a second press of the same card is answered, not done again. */
const cardKey = z.string().min(8).max(200).optional();

export const cardActionSchema = z.object({
  action: z.discriminatedUnion('verb', [
    z.object({ type: z.literal('Action.Execute'), verb: z.literal('invitation.show'), data: z.object({ caseId, meetingId }) }),
    z.object({
      type: z.literal('Action.Execute'),
      verb: z.literal('meeting.respond'),
      data: z.object({ caseId, meetingId, response: z.enum(['accepted', 'declined']) }),
    }),
    z.object({
      type: z.literal('Action.Execute'),
      verb: z.literal('terms.accept'),
      data: z.object({ caseId, meetingId: meetingId.optional(), termsVersion: z.string().min(1).max(20), cardKey }),
    }),
    z.object({ type: z.literal('Action.Execute'), verb: z.literal('agreement.show'), data: z.object({ caseId }) }),
    z.object({
      type: z.literal('Action.Execute'),
      verb: z.literal('agreement.record'),
      data: z.object({
        caseId,
        cardKey,
        /** How many decisions the card showed; a card drawn before a later decision records nothing. Cards from before this was sent count as 0. */
        basedOn: z.coerce.number().int().min(0).default(0),
        youngPersonDecision: decision.default('not_yet_known'),
        youngPersonDate: isoDate.optional(),
        youngPersonMethod: method.optional(),
        // Its length and content are the use case's to check, so a long note is refused in words, not as a broken button.
        competenceNote: z.string().optional(),
        parentCarerDecision: decision.default('not_yet_known'),
        parentCarerDate: isoDate.optional(),
        parentCarerMethod: method.optional(),
        localAuthorityDecision: decision.default('not_yet_known'),
        localAuthorityDate: isoDate.optional(),
        localAuthorityMethod: method.optional(),
      }),
    }),
    z.object({ type: z.literal('Action.Execute'), verb: z.literal('team.show'), data: z.object({ caseId }) }),
  ]),
});
export type CardAction = z.infer<typeof cardActionSchema>['action'];

/** Which live card an action belongs to: shown again after the action, or offered as "Back" after an error. */
export function cardOf(action: CardAction): LiveCard {
  switch (action.verb) {
    case 'invitation.show':
    case 'meeting.respond':
      return { kind: 'invitation', caseId: action.data.caseId, meetingId: action.data.meetingId };
    case 'terms.accept':
      return action.data.meetingId
        ? { kind: 'invitation', caseId: action.data.caseId, meetingId: action.data.meetingId }
        : { kind: 'team', caseId: action.data.caseId };
    case 'agreement.show':
    case 'agreement.record':
      return { kind: 'agreement', caseId: action.data.caseId };
    case 'team.show':
      return { kind: 'team', caseId: action.data.caseId };
  }
}

/** Carries out an action through its use case; returns a line for the card saying what happened, if anything did. */
export async function perform(deps: AppDeps, person: Principal, action: CardAction): Promise<string | null> {
  switch (action.verb) {
    case 'invitation.show':
    case 'agreement.show':
    case 'team.show':
      return null;
    case 'meeting.respond':
      await respondToMeeting(deps, person, action.data.caseId, action.data.meetingId, { response: action.data.response });
      return action.data.response === 'accepted' ? 'You accepted this meeting.' : 'You declined this meeting. The organiser will see your answer.';
    case 'terms.accept': {
      const { member, alreadyAccepted } = await acceptTerms(deps, person, action.data.caseId, { termsVersion: action.data.termsVersion });
      return alreadyAccepted && member.termsAcceptedAt
        ? `You already accepted these terms on ${dayOf(member.termsAcceptedAt)}; nothing was changed.`
        : 'You accepted the terms: the case is open to you in ECM for Teams.';
    }
    case 'agreement.record':
      return recordFromCard(deps, person, action.data);
  }
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dayOf = (instant: string) => dayFormat.format(new Date(instant));

type AgreementForm = Extract<CardAction, { verb: 'agreement.record' }>['data'];

/** The decisions are checked, then recorded together: a mistake or refusal in one records none. */
async function recordFromCard(deps: AppDeps, p: Principal, form: AgreementForm): Promise<string> {
  const parties: { party: Party; what: string; decision: AgreementForm['youngPersonDecision']; date?: string; method?: string; note?: string }[] = [
    {
      party: 'young_person',
      what: "The young person's agreement",
      decision: form.youngPersonDecision,
      date: form.youngPersonDate,
      method: form.youngPersonMethod,
      note: form.competenceNote,
    },
    {
      party: 'parent_carer',
      what: "The parent or carer's agreement",
      decision: form.parentCarerDecision,
      date: form.parentCarerDate,
      method: form.parentCarerMethod,
    },
    {
      party: 'local_authority',
      what: "The local authority's agreement",
      decision: form.localAuthorityDecision,
      date: form.localAuthorityDate,
      method: form.localAuthorityMethod,
    },
  ];
  const inputs = parties
    .filter((x) => x.decision !== 'not_yet_known')
    .map((x) => ({
      what: x.what,
      input: { party: x.party, decision: x.decision, date: x.date, method: x.method, ...(x.note?.trim() ? { competenceNote: x.note.trim() } : {}) },
    }));
  await recordAgreements(deps, p, form.caseId, inputs, form.basedOn);
  return inputs.length > 1 ? 'The decisions are recorded.' : 'Decision recorded.';
}

/** The agreement card's inputs as the person left them, to put back on the card when recording failed. */
export function typedAgreement(form: AgreementForm): TypedAgreement {
  const { caseId: _caseId, cardKey: _cardKey, basedOn: _basedOn, ...inputs } = form;
  return inputs;
}
