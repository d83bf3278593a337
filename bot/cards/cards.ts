import { randomUUID } from 'node:crypto';
import type { Party } from '../../src/domain/agreement.js';
import { invitationExpired } from '../../src/domain/team.js';
import { AGENCY_LABELS, CASE_ROLE_LABELS, LIFE_STAGE_IN_A_QUESTION, MEETING_KIND_LABELS, PARTY_LABELS, RESPONSE_LABELS } from '../../src/contract/words.js';
import { LIFE_STAGE_LABELS, type LifeStage } from '../../src/domain/lifeStage.js';
import type { Agency } from '../../src/domain/staff.js';
import type { AgreementPromptView, CaseView, InvitationView } from '../../src/contract/views.js';
import type { MeetingInChat } from '../../src/app/meetings/meetingChatEvents.js';
import type { TabLinks } from '../links.js';
import { type Card, render, rfc3339 } from './render.js';

/**
 * Cards from the views of src/app. Each picks the few fields a card may carry: the case reference,
 * dates, people's own answers. A child's name or date of birth is never copied into card data.
 */
export interface CardContext {
  /** The Teams user ids the card refreshes for (Action.Execute `refresh.userIds`). */
  userIds: string[];
  links: TabLinks;
  /** Today in the services' time zone, for date inputs. */
  today: string;
  /** Now, as an instant: to tell whether an invitation has lapsed. */
  now: string;
  /** A line at the top saying what the reader's action just did. */
  notice?: string | null;
  /** A line at the top saying what did not work (the agreement card: nothing was recorded). */
  warning?: string | null;
  /**
   * This card's own idempotency key, sent back by its buttons: pressing one twice is one action.
   * Each card drawn gets a new one.
   */
  cardKey?: string;
}

/** What the person typed into the agreement card, shown again when it could not be recorded. */
export type TypedAgreement = Partial<
  Record<
    | 'youngPersonDecision'
    | 'youngPersonDate'
    | 'youngPersonMethod'
    | 'competenceNote'
    | 'parentCarerDecision'
    | 'parentCarerDate'
    | 'parentCarerMethod'
    | 'localAuthorityDecision'
    | 'localAuthorityDate'
    | 'localAuthorityMethod',
    string
  >
>;

const keyOf = (ctx: CardContext) => ctx.cardKey ?? randomUUID();

const PARTY_KEYS: Record<Party, string> = { young_person: 'youngPerson', parent_carer: 'parentCarer', local_authority: 'localAuthority' };
const DECISION_LABELS = { given: 'agreed to take part', declined: 'declined', withdrawn: 'withdrew their agreement' } as const;
const METHOD_LABELS = { in_person: 'in person', phone: 'by phone', video: 'by video', letter: 'by letter', other: 'another way' } as const;

export function invitationCard(invitation: InvitationView, ctx: CardContext): Card {
  const open = invitation.meeting.status === 'scheduled';
  const statusNotice =
    invitation.meeting.status === 'cancelled' ? 'This meeting was cancelled.' : invitation.meeting.status === 'held' ? 'This meeting has been held.' : null;
  const expiredNotice = invitation.invitationExpired ? 'Your invitation to this case has expired; ask the ECM team to invite you again.' : null;
  return render('invitation', {
    caseId: invitation.caseId,
    meetingId: invitation.meeting.id,
    userIds: ctx.userIds,
    reference: invitation.reference,
    kindLabel: `${MEETING_KIND_LABELS[invitation.meeting.kind]}: ${invitation.reference}`,
    kindLabelLower: MEETING_KIND_LABELS[invitation.meeting.kind].toLowerCase(),
    notice: ctx.notice ?? null,
    warning: statusNotice ?? expiredNotice,
    startsAt: rfc3339(invitation.meeting.startsAt),
    endsAt: rfc3339(invitation.meeting.endsAt),
    location: invitation.meeting.location,
    roleLabel: CASE_ROLE_LABELS[invitation.caseRole],
    organiserName: invitation.organiserName,
    answerLabel: RESPONSE_LABELS[invitation.response],
    terms: invitation.terms?.text ?? null,
    termsVersion: invitation.terms?.version ?? null,
    cardKey: keyOf(ctx),
    // A partner who accepted earlier terms is on the team: no invitation lapses, the terms changed.
    invitationExpiresAt: invitation.termsAcceptedAt ? null : rfc3339(invitation.invitationExpiresAt),
    renewingSince: invitation.termsAcceptedAt ? rfc3339(invitation.termsAcceptedAt) : null,
    // Beside terms still to accept, an acceptance of earlier terms would read as if nothing were asked.
    termsAcceptedAt: invitation.terms === null && invitation.termsAcceptedAt ? rfc3339(invitation.termsAcceptedAt) : null,
    canAnswer: open && invitation.terms === null,
    canAcceptTerms: open && invitation.terms !== null && !invitation.invitationExpired,
    joinUrl: open ? invitation.meeting.joinUrl : null,
    caseUrl: invitation.terms === null ? ctx.links.case(invitation.caseId) : null,
  });
}

export function agreementCard(prompt: AgreementPromptView, ctx: CardContext, typed: TypedAgreement = {}): Card {
  const parties = Object.keys(prompt.parties) as Party[];
  const recorded = parties.flatMap((party) => {
    const a = prompt.parties[party];
    return a
      ? [
          {
            partyLabel: PARTY_LABELS[party],
            decisionLabel: DECISION_LABELS[a.decision],
            date: a.date,
            methodLabel: METHOD_LABELS[a.method],
            recordedByName: a.recordedByName,
            recordedAt: rfc3339(a.recordedAt),
          },
        ]
      : [];
  });
  const { needs } = prompt;
  // Whoever may decide now and has not, and the young person again when they have turned 16 or 18.
  const asked = (party: Party) => prompt.parties[party] === null || (party === 'young_person' && needs.askAgain !== null);
  const pending = prompt.canRecord
    ? needs.mayDecideNow.filter(asked).map((party) => {
        const key = PARTY_KEYS[party];
        return {
          key,
          partyLabel: PARTY_LABELS[party],
          decision: typed[`${key}Decision` as keyof TypedAgreement] ?? 'not_yet_known',
          date: typed[`${key}Date` as keyof TypedAgreement] ?? ctx.today,
          method: typed[`${key}Method` as keyof TypedAgreement] ?? 'in_person',
        };
      })
    : [];
  const needed = needs.needs.map((p) => PARTY_LABELS[p].toLowerCase()).join(' and ');
  const askAgain = needs.askAgain ? `The young person has turned ${needs.askAgain === 'turned_18' ? '18' : '16'}: ask for their own agreement again. ` : '';
  const summary =
    prompt.status === 'closed'
      ? 'This case is closed.'
      : askAgain
        ? askAgain
        : prompt.status === 'active'
          ? 'Everyone needed has agreed: the case is active and the team can begin.'
          : pending.length
            ? `Record what they decided, or leave it as not yet known. For this young person's age and legal status, nothing beyond the referral is recorded until the ${needed} agree.`
            : 'The decisions are recorded. To change one, open the case.';
  return render('agreementPrompt', {
    caseId: prompt.caseId,
    userIds: ctx.userIds,
    reference: prompt.reference,
    notice: ctx.notice ?? null,
    warning: ctx.warning ?? null,
    summary,
    recorded,
    pending,
    today: ctx.today,
    competenceNote: typed.competenceNote ?? '',
    cardKey: keyOf(ctx),
    decisionsRecorded: prompt.decisionsRecorded,
    canRecord: pending.length > 0,
    caseUrl: ctx.links.case(prompt.caseId),
  });
}

export function teamInvitedCard(view: CaseView, ctx: CardContext): Card {
  const expired = view.terms !== null && view.membership !== null && invitationExpired(view.membership, ctx.now);
  return render('teamInvited', {
    caseId: view.id,
    userIds: ctx.userIds,
    reference: view.reference,
    notice: ctx.notice ?? null,
    warning: expired ? 'Your invitation has expired; ask the ECM team to invite you again.' : null,
    roleLabel: view.membership ? CASE_ROLE_LABELS[view.membership.caseRole] : 'Team member',
    terms: view.terms?.text ?? null,
    termsVersion: view.terms?.version ?? null,
    cardKey: keyOf(ctx),
    invitationExpiresAt: view.membership && !view.membership.termsAcceptedAt ? rfc3339(view.membership.invitationExpiresAt) : null,
    renewingSince: view.membership?.termsAcceptedAt ? rfc3339(view.membership.termsAcceptedAt) : null,
    termsAcceptedAt: view.terms === null && view.membership?.termsAcceptedAt ? rfc3339(view.membership.termsAcceptedAt) : null,
    canAcceptTerms: view.terms !== null && !expired,
    caseUrl: ctx.links.case(view.id),
  });
}

export function reviewReminderCard(reminder: { caseId: string; reference: string; dueDate: string; overdue: boolean }, links: TabLinks): Card {
  return render('reviewReminder', {
    reference: reminder.reference,
    dueDate: reminder.dueDate,
    title: reminder.overdue ? `Review overdue: ${reminder.reference}` : `Review due soon: ${reminder.reference}`,
    titleColor: reminder.overdue ? 'Attention' : 'Default',
    message: reminder.overdue
      ? `The review for case ${reminder.reference} was due on ${reminder.dueDate} and has not been held. Arrange it with the team.`
      : `The review for case ${reminder.reference} is due on ${reminder.dueDate}. Arrange it with the team.`,
    schedulerUrl: links.scheduler(reminder.caseId, 'review'),
    caseUrl: links.case(reminder.caseId),
  });
}

/** By reference and place in the plan only: an action's wording may name the child. */
export function actionDueCard(due: { caseId: string; reference: string; sequence: number; dueBy: string }, links: TabLinks): Card {
  return render('actionDue', {
    reference: due.reference,
    sequence: due.sequence,
    dueBy: due.dueBy,
    message: `Action ${due.sequence} of the plan for case ${due.reference}, which you own, was due by ${due.dueBy}. Record how it stands, or tell the ECM team what is in the way.`,
    planUrl: links.actions(due.caseId),
  });
}

/** By reference only, and without the date: the 18th birthday would tell the month of birth. */
export function transitionDueCard(due: { caseId: string; reference: string }, links: TabLinks): Card {
  return render('transitionDue', {
    reference: due.reference,
    message: `The young person on case ${due.reference}, which you hold, turns 18 within six months and has no transition plan yet. Plan with the team which adult services join, and who keeps each relationship going.`,
    transitionUrl: links.transition(due.caseId),
  });
}

/** A question the meeting put to the recipient's agency: by case reference, agency and stage, never the chair's own words (they might name the child). */
export function questionAskedCard(q: { caseId: string; reference: string; agency: Agency; lifeStage: LifeStage }, links: TabLinks): Card {
  return render('questionAsked', {
    reference: q.reference,
    message: `The team on case ${q.reference} asks ${AGENCY_LABELS[q.agency]}: anything from ${LIFE_STAGE_IN_A_QUESTION[q.lifeStage]}? Add what your agency holds for that stage to the timeline, or answer that nothing is held, in the meeting side panel or the tab.`,
    stage: LIFE_STAGE_LABELS[q.lifeStage],
    timelineUrl: links.timeline(q.caseId),
  });
}

export function formulationApprovedCard(approval: { caseId: string; reference: string; formulationNumber: number }, links: TabLinks): Card {
  return render('formulationApproved', {
    reference: approval.reference,
    formulationNumber: approval.formulationNumber,
    formulationUrl: links.formulation(approval.caseId),
  });
}

/** Posted in the meeting's own chat, which everyone in the meeting reads: the case reference and a way in, nothing more. */
export function meetingStartedCard(meeting: MeetingInChat, links: TabLinks): Card {
  return render('meetingStarted', {
    reference: meeting.reference,
    title: `ECM ${MEETING_KIND_LABELS[meeting.kind].toLowerCase()} for ${meeting.reference} has started`,
    timelineUrl: links.timeline(meeting.caseId),
  });
}

export function meetingEndedCard(meeting: MeetingInChat, links: TabLinks): Card {
  return render('meetingEnded', {
    reference: meeting.reference,
    // A consultation advises; only formulation and review meetings set the next review.
    title:
      meeting.kind === 'consultation'
        ? `The meeting for ${meeting.reference} has ended: record the outcomes`
        : `The meeting for ${meeting.reference} has ended: record the outcomes and the next review date`,
    meetingUrl: links.meeting(meeting.caseId, meeting.meetingId),
  });
}

export interface CaseListItem {
  caseId: string;
  reference: string;
  dates: string;
  urgent?: boolean;
  /** Where the row opens in the tab: the case, unless a part of it is meant. */
  url?: string;
}

/** At most this many cases in one card; the rest are counted. Keeps the card far below Teams' size limit. */
export const MAX_LISTED = 25;

export function caseListCard(title: string, emptyText: string, items: CaseListItem[], links: TabLinks): Card {
  return render('caseList', {
    title,
    emptyText,
    items: items
      .slice(0, MAX_LISTED)
      .map((i) => ({ reference: i.reference, dates: i.dates, color: i.urgent ? 'Attention' : 'Default', url: i.url ?? links.case(i.caseId) })),
    more: Math.max(0, items.length - MAX_LISTED),
  });
}

export interface CommandHelp {
  name: string;
  description: string;
}

export function helpCard(title: string, intro: string, commands: CommandHelp[], links: TabLinks): Card {
  return render('help', { title, intro, commands, appUrl: links.app() });
}

export function errorCard(message: string, back: { verb: string; data: Record<string, unknown> } | null = null): Card {
  return render('error', { message, back });
}
