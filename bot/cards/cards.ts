import type { Party } from '../../src/domain/agreement.js';
import { invitationExpired } from '../../src/domain/team.js';
import { CASE_ROLE_LABELS, MEETING_KIND_LABELS, PARTY_LABELS, RESPONSE_LABELS } from '../../src/contract/words.js';
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
}

const PARTY_KEYS: Record<Party, string> = { young_person: 'youngPerson', parent_carer: 'parentCarer' };
const DECISION_LABELS = { given: 'agreed to take part', declined: 'declined', withdrawn: 'withdrew their agreement' } as const;
const METHOD_LABELS = { in_person: 'in person', phone: 'by phone', video: 'by video', letter: 'by letter', other: 'another way' } as const;

export function invitationCard(v: InvitationView, ctx: CardContext): Card {
  const open = v.meeting.status === 'scheduled';
  const statusNotice = v.meeting.status === 'cancelled' ? 'This meeting was cancelled.' : v.meeting.status === 'held' ? 'This meeting has been held.' : null;
  const expiredNotice = v.invitationExpired ? 'Your invitation to this case has expired; ask the ECM team to invite you again.' : null;
  return render('invitation', {
    caseId: v.caseId,
    meetingId: v.meeting.id,
    userIds: ctx.userIds,
    reference: v.reference,
    kindLabel: `${MEETING_KIND_LABELS[v.meeting.kind]}: ${v.reference}`,
    kindLabelLower: MEETING_KIND_LABELS[v.meeting.kind].toLowerCase(),
    notice: ctx.notice ?? null,
    warning: statusNotice ?? expiredNotice,
    startsAt: rfc3339(v.meeting.startsAt),
    endsAt: rfc3339(v.meeting.endsAt),
    location: v.meeting.location,
    roleLabel: CASE_ROLE_LABELS[v.caseRole],
    organiserName: v.organiserName,
    answerLabel: RESPONSE_LABELS[v.response],
    terms: v.terms?.text ?? null,
    termsVersion: v.terms?.version ?? null,
    // A partner who accepted earlier terms is on the team: no invitation lapses, the terms changed.
    invitationExpiresAt: v.termsAcceptedAt ? null : rfc3339(v.invitationExpiresAt),
    renewingSince: v.termsAcceptedAt ? rfc3339(v.termsAcceptedAt) : null,
    // Beside terms still to accept, an acceptance of earlier terms would read as if nothing were asked.
    termsAcceptedAt: v.terms === null && v.termsAcceptedAt ? rfc3339(v.termsAcceptedAt) : null,
    canAnswer: open && v.terms === null,
    canAcceptTerms: open && v.terms !== null && !v.invitationExpired,
    joinUrl: open ? v.meeting.joinUrl : null,
    caseUrl: v.terms === null ? ctx.links.case(v.caseId) : null,
  });
}

export function agreementCard(v: AgreementPromptView, ctx: CardContext): Card {
  const parties = Object.keys(v.parties) as Party[];
  const recorded = parties.flatMap((party) => {
    const a = v.parties[party];
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
  const pending = v.canRecord
    ? parties.filter((party) => v.parties[party] === null).map((party) => ({ key: PARTY_KEYS[party], partyLabel: PARTY_LABELS[party] }))
    : [];
  const summary =
    v.status === 'active'
      ? 'Both have agreed: the case is active and the team can begin.'
      : v.status === 'closed'
        ? 'This case is closed.'
        : pending.length
          ? 'Record what the young person and their parent or carer decided, or leave it as not yet known. Nothing beyond the referral is recorded until both agree.'
          : 'Both decisions are recorded. To change one, open the case.';
  return render('agreementPrompt', {
    caseId: v.caseId,
    userIds: ctx.userIds,
    reference: v.reference,
    notice: ctx.notice ?? null,
    warning: null,
    summary,
    recorded,
    pending,
    today: ctx.today,
    canRecord: pending.length > 0,
    caseUrl: ctx.links.case(v.caseId),
  });
}

export function teamInvitedCard(v: CaseView, ctx: CardContext): Card {
  const expired = v.terms !== null && v.membership !== null && invitationExpired(v.membership, ctx.now);
  return render('teamInvited', {
    caseId: v.id,
    userIds: ctx.userIds,
    reference: v.reference,
    notice: ctx.notice ?? null,
    warning: expired ? 'Your invitation has expired; ask the ECM team to invite you again.' : null,
    roleLabel: v.membership ? CASE_ROLE_LABELS[v.membership.caseRole] : 'Team member',
    terms: v.terms?.text ?? null,
    termsVersion: v.terms?.version ?? null,
    invitationExpiresAt: v.membership && !v.membership.termsAcceptedAt ? rfc3339(v.membership.invitationExpiresAt) : null,
    renewingSince: v.membership?.termsAcceptedAt ? rfc3339(v.membership.termsAcceptedAt) : null,
    termsAcceptedAt: v.terms === null && v.membership?.termsAcceptedAt ? rfc3339(v.membership.termsAcceptedAt) : null,
    canAcceptTerms: v.terms !== null && !expired,
    caseUrl: ctx.links.case(v.id),
  });
}

export function reviewReminderCard(c: { caseId: string; reference: string; dueDate: string; overdue: boolean }, links: TabLinks): Card {
  return render('reviewReminder', {
    reference: c.reference,
    dueDate: c.dueDate,
    title: c.overdue ? `Review overdue: ${c.reference}` : `Review due soon: ${c.reference}`,
    titleColor: c.overdue ? 'Attention' : 'Default',
    message: c.overdue
      ? `The review for case ${c.reference} was due on ${c.dueDate} and has not been held. Arrange it with the team.`
      : `The review for case ${c.reference} is due on ${c.dueDate}. Arrange it with the team.`,
    schedulerUrl: links.scheduler(c.caseId, 'review'),
    caseUrl: links.case(c.caseId),
  });
}

export function formulationApprovedCard(c: { caseId: string; reference: string; formulationNumber: number }, links: TabLinks): Card {
  return render('formulationApproved', { reference: c.reference, formulationNumber: c.formulationNumber, formulationUrl: links.formulation(c.caseId) });
}

/** Posted in the meeting's own chat, which everyone in the meeting reads: the case reference and a way in, nothing more. */
export function meetingStartedCard(m: MeetingInChat, links: TabLinks): Card {
  return render('meetingStarted', {
    reference: m.reference,
    title: `ECM ${MEETING_KIND_LABELS[m.kind].toLowerCase()} for ${m.reference} has started`,
    timelineUrl: links.timeline(m.caseId),
  });
}

export function meetingEndedCard(m: MeetingInChat, links: TabLinks): Card {
  return render('meetingEnded', {
    reference: m.reference,
    // A consultation advises; only formulation and review meetings set the next review.
    title:
      m.kind === 'consultation'
        ? `The meeting for ${m.reference} has ended: record the outcomes`
        : `The meeting for ${m.reference} has ended: record the outcomes and the next review date`,
    meetingUrl: links.meeting(m.caseId, m.meetingId),
  });
}

export interface CaseListItem {
  caseId: string;
  reference: string;
  dates: string;
  urgent?: boolean;
}

/** At most this many cases in one card; the rest are counted. Keeps the card far below Teams' size limit. */
export const MAX_LISTED = 25;

export function caseListCard(title: string, emptyText: string, items: CaseListItem[], links: TabLinks): Card {
  return render('caseList', {
    title,
    emptyText,
    items: items
      .slice(0, MAX_LISTED)
      .map((i) => ({ reference: i.reference, dates: i.dates, color: i.urgent ? 'Attention' : 'Default', url: links.case(i.caseId) })),
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
