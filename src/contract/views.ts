import type { Consultation, ConsultationMeeting, Disposal } from '../domain/consultation.js';
import type { Agreement, AgreementState, Party } from '../domain/agreement.js';
import type { AgeBand, FamilyInvolvement } from '../domain/agreementRules.js';
import type { LegalStatus } from '../domain/legalStatus.js';
import type { Case, CaseStatus } from '../domain/case.js';
import type { ActiveCaseRow, CaseloadOverview, MovementRow, OutstandingAgreementRow, ReviewRow } from '../domain/caseloadOverview.js';
import type { Formulation } from '../domain/formulation.js';
import type { AttendeeResponse, Meeting } from '../domain/meeting.js';
import type { AttendanceMark } from '../domain/attendance.js';
import type { PlanAction } from '../domain/planAction.js';
import type { AgencyOverdue } from '../domain/overdueActions.js';
import type { CaseAction, ServiceAction } from '../domain/policy.js';
import type { EntryForReview, RecordExportState, RecordRequester } from '../domain/recordExport.js';
import type { ReviewStatus } from '../domain/reviewCadence.js';
import type { Service } from '../domain/service.js';
import type { Agency, Principal, Role } from '../domain/staff.js';
import type { CaseRole, TeamMember } from '../domain/team.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { TimelineQuestion } from '../domain/timelineQuestion.js';
import type { TextRange } from '../domain/search.js';
export type { TextRange } from '../domain/search.js';
import type { TrmMovement, TrmPlacement } from '../domain/trm.js';
import type { TransitionPlan } from '../domain/transitionPlan.js';
import type { CaseDocument } from '../ports/caseDocuments.js';
import type { DocumentMetadata } from '../ports/documentLibrary.js';
import type { UnreachableReason } from '../ports/notifier.js';
import type { Page } from '../ports/store.js';

/**
 * What the API answers with, as the routes send it and the tab and the bot's cards read it: the
 * views the use cases build. The records they carry (a timeline entry, a meeting…) are the
 * domain's own, listed in records.ts.
 */

/** A case as the tab shows it to one person: with what they may do on it. */
export interface CaseView {
  id: string;
  reference: string;
  serviceId: string;
  serviceName: string;
  /**
   * This and the rest of the case record below are null where the policy does not let the person
   * read the case (case.read): a partner who has not yet accepted the terms sees the reference, the
   * status, the service, their own invitation and the terms — what they need to decide — and
   * nothing of the child or the referral.
   */
  child: { name: string; dateOfBirth: string } | null;
  pathway: Case['pathway'] | null;
  status: Case['status'];
  orderStart: string | null;
  orderEnd: string | null;
  referralReason: string | null;
  lawfulBasis: Case['lawfulBasis'] | null;
  referredAt: string | null;
  referredBy: string | null;
  caseHolderId: string | null;
  closureReason: Case['closureReason'];
  closureNote: string | null;
  closedAt: string | null;
  /** The last day the case is kept after closure (the service's retention by pathway); null while open. */
  retainUntil: string | null;
  agreement: AgreementState | null;
  /** With agreement.read: the legal status, who holds parental responsibility, and who must agree today. */
  legalStatus: LegalStatus | null;
  parentalResponsibility: string | null;
  agreementNeeds: AgreementNeedsView | null;
  /** The young person's 18th birthday when it is within six months (a transition plan is due); else null. */
  turnsEighteenOn: string | null;
  /**
   * With transition.read: whether moving on to adult services is due (the young person is 17) and
   * whether a transition plan has been written. The tab shows the section when either is true.
   */
  movingOn: { due: boolean; planned: boolean } | null;
  review: ReviewStatus | null;
  trm: { level: number; label: string; effectiveDate: string } | null;
  membership: { caseRole: TeamMember['caseRole']; termsAcceptedAt: string | null; invitationExpiresAt: string } | null;
  /** Shown while the person may accept the terms, which they must before seeing the case. */
  terms: { version: string; text: string[] } | null;
  /**
   * With consultation.read, on a case that is or was a consultation: the question, the disposal,
   * the initials and age it is held on, the family's agreement to share identifying details, and
   * each consultation meeting's advice. Kept when the consultation becomes a full case.
   */
  consultation: ConsultationView | null;
  allowedActions: CaseAction[];
  version: number;
}

export interface ConsultationView {
  disposal: Disposal;
  question: string;
  childInitials: string;
  childAge: number;
  sharingAgreement: Consultation['sharingAgreement'];
  identifiedAt: string | null;
  becameCaseAt: string | null;
  meetings: Omit<ConsultationMeeting, 'caseId'>[];
  /** The latest meeting's follow-up date. */
  followUpOn: string | null;
}

export interface Me {
  staffId: string;
  name: string;
  role: Principal['role'];
  roleLabel: string;
  agency: Principal['agency'];
  services: Service[];
  /** Per service, what this person may do on it as a whole (refer, read the dashboard…). */
  serviceActions: Record<string, ServiceAction[]>;
  /** The server's time and date (Europe/London): the tab dates its forms by these, not by the
   * device's own clock, so that what it offers is what the server will accept. */
  now: string;
  today: string;
}

export interface PersonCard {
  id: string;
  name: string;
  email: string;
  role: Role;
  roleLabel: string;
  agency: string;
  serviceIds: string[];
  /** The part they would play on a case team, which follows from their role. */
  caseRole: CaseRole;
}

/** Who must agree for this child today (their age and legal status), who may also, and who is still to. */
export interface AgreementNeedsView {
  ageBand: AgeBand;
  legalStatus: LegalStatus;
  needs: Party[];
  mayAlsoAgree: Party[];
  family: FamilyInvolvement;
  missing: Party[];
  /** The young person agreed before turning 16 or 18: their own agreement is asked for again. */
  askAgain: 'turned_16' | 'turned_18' | null;
  /** Whose decision may be recorded now (the young person's word on their family counted). */
  mayDecideNow: Party[];
}

export interface AgreementRecord {
  agreement: AgreementState;
  needs: AgreementNeedsView;
  status: Case['status'];
  history: Agreement[];
  caseVersion: number;
}

/** What the agreement prompt shows: each party's latest decision and who recorded it, by reference only. */
export interface AgreementPromptView {
  caseId: string;
  reference: string;
  status: CaseStatus;
  parties: Record<Party, Pick<Agreement, 'decision' | 'date' | 'method' | 'recordedByName' | 'recordedAt'> | null>;
  needs: AgreementNeedsView;
  /** The practitioner may still record agreement (the case is not closed and their role allows it). */
  canRecord: boolean;
  /** How many decisions are recorded: a form drawn now sends it back, so a stale form records nothing. */
  decisionsRecorded: number;
}

/** A member of the case team, with whether they accept the information-sharing terms before seeing the case. */
export interface TeamMemberView extends TeamMember {
  needsTerms: boolean;
  /** They have still to accept the terms in force (perhaps having accepted earlier ones). */
  awaitingTerms: boolean;
}

/** A member of the case team whom the bot cannot reach, so that someone can tell them another way. */
export interface UnreachableMember {
  staffId: string;
  name: string;
  caseRole: TeamMember['caseRole'];
  reason: UnreachableReason;
  since: string;
  /** Notifications about this case that gave up on them. */
  undelivered: number;
}

export interface EntryChanges {
  edit: boolean;
  retract: boolean;
  /** Restricting the entry's text to the ECM team, the psychologist and its agency, and lifting that. */
  restrict: boolean;
}

/**
 * A page of the timeline, with what the reader may change: on their own entries and on others'.
 * The policy answers, so the tab offers Edit and Retract without knowing the rule, also for entries
 * that arrive live after the page.
 */
export interface TimelinePage extends Page<TimelineEntry> {
  mayChange: { ownEntries: EntryChanges; othersEntries: EntryChanges };
}

/**
 * The jigsaw's questions on a case, with what the reader may do: ask (the ECM team and the case
 * holder), and answer each (only a member of the agency it was put to). `agency` is the agency the
 * reader speaks for on the case: the side panel shows the open questions put to it.
 */
export interface TimelineQuestions {
  items: (TimelineQuestion & { mayAnswer: boolean })[];
  mayAsk: boolean;
  agency: Agency;
}

/**
 * The timeline entries that hold every word searched for, in life order, each with the stretches
 * of its description that matched (to draw with <mark>). `more`: there were more than the limit.
 */
export interface TimelineSearchResult {
  items: { entry: TimelineEntry; highlights: TextRange[] }[];
  more: boolean;
}

export interface FormulationRecord {
  current: Formulation;
  /** Every version of the formulation (v1, v2…), for the version list and the diff. */
  versions: Pick<Formulation, 'number' | 'status' | 'approvedAt' | 'approvedByName' | 'updatedAt'>[];
}

export type TrmHistoryItem = TrmPlacement & { label: string; movement: TrmMovement };

/**
 * A meeting invitation as its invitee sees it: what a calendar invitation would carry (kind, time,
 * join link, the case reference) plus their own answer and the information-sharing terms. A
 * partner sees it before accepting the terms; that is how they come to accept them.
 */
export interface InvitationView {
  caseId: string;
  reference: string;
  meeting: Pick<Meeting, 'id' | 'kind' | 'startsAt' | 'endsAt' | 'location' | 'joinUrl' | 'status'>;
  organiserName: string;
  response: AttendeeResponse;
  caseRole: TeamMember['caseRole'];
  invitationExpiresAt: string;
  /** The terms, while this person must still accept them; null once accepted or when not needed. */
  terms: { version: string; text: string[] } | null;
  termsAcceptedAt: string | null;
  /** True when the invitation to the case lapsed before the terms were accepted. */
  invitationExpired: boolean;
}

/**
 * What has not reached its outside system yet: documents for SharePoint, meetings for calendars,
 * messages for Teams. A job that keeps failing stays here (as "dead") for people to see, never dropped.
 */
export interface UndeliveredJob {
  id: string;
  kind: string;
  /** pending: tried again soon on its own; blocked: waits for an administrator (see `blocked`); dead: gave up. */
  status: 'pending' | 'blocked' | 'dead';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  caseId: string | null;
  createdAt: string;
  blocked: BlockedDelivery | null;
}

/** A delivery the tenant's set-up refuses: why, in plain words, who must act, and when it is tried again. */
export interface BlockedDelivery {
  cause: string;
  why: string;
  whoActs: string;
  since: string;
  nextTryAt: string;
}

/** Teams messages that did not reach one person: one row per person, however many messages wait. */
export interface UndeliveredMessages {
  recipient: string;
  name: string;
  messages: number;
  /** dead when every one gave up (the person cannot be reached); pending while some are still tried. */
  status: 'pending' | 'dead';
  lastError: string | null;
  lastTriedAt: string;
  /** The cases the messages were about. */
  caseIds: string[];
}

/** What has not reached its destination: documents and calendar changes, and apart from them, Teams messages by person. */
export interface UndeliveredList {
  items: UndeliveredJob[];
  messages: UndeliveredMessages[];
}

/** Where a case document is, for the people who wait on it. */
export type DocumentState = 'queued' | 'delivering' | 'blocked' | 'failed' | 'delivered' | 'superseded';

/** A case document as people see it: its delivery's state, and why when it is blocked or failed. */
export interface CaseDocumentView extends Omit<CaseDocument, 'status'> {
  status: DocumentState;
  blocked: BlockedDelivery | null;
  /** Why the delivery gave up, when it did. */
  failure: string | null;
}

/** Someone on an open case's team whom the bot cannot reach, with the cases they are on. */
export interface UnreachableRecipient {
  staffId: string;
  name: string;
  reason: UnreachableReason;
  since: string;
  /** References of the service's open cases they are on (the first 20 by reference; `caseCount` says how many). */
  cases: string[];
  caseCount: number;
  /** Notifications in this service that gave up on them. */
  undelivered: number;
}

export interface LibraryDocument {
  folder: string;
  name: string;
  documentType: DocumentMetadata['documentType'] | null;
  version: string | null;
  versionLabel: string;
  lastModified: string;
  retainUntil: string | null;
  webUrl: string | null;
}

/** The library lives outside (SharePoint in Microsoft 365 mode): when it cannot answer, the rest still shows. */
export type DashboardLibrary = { status: 'available'; items: LibraryDocument[] } | { status: 'unavailable'; message: string };

/** Where one of the dashboard's case lists stands: its whole length, and where its next page starts (null on the last). */
export interface DashboardListPage {
  total: number;
  limit: number;
  nextOffset: number | null;
}

/**
 * GET /services/:serviceId/dashboard (`?limit=`, 1–200, default 50). The case lists (`activeCases`,
 * `agreementsOutstanding`, `reviews`, `trmMovement.cases`) hold their first page; `pages` gives each
 * list's whole length and the offset of its next page (GET /services/:serviceId/dashboard/:list).
 * Counts (`counts`, `trmMovement.counts`, `reviewCounts`, the totals in `pages`) are over the whole caseload.
 */
export interface ServiceDashboard extends CaseloadOverview {
  service: { id: string; name: string };
  pages: { activeCases: DashboardListPage; agreementsOutstanding: DashboardListPage; reviews: DashboardListPage; trmMovement: DashboardListPage };
  /** Active cases by where their review stands (the `reviews` list holds the overdue, due and due-soon ones). */
  reviewCounts: { overdue: number; due: number; due_soon: number };
  today: string;
  unreachable: UnreachableRecipient[];
  undelivered: (UndeliveredJob & { reference: string | null })[];
  /** Teams messages that did not arrive, one row per person, apart from the documents above. */
  undeliveredMessages: (UndeliveredMessages & { references: string[] })[];
  library: DashboardLibrary;
  /**
   * Actions past their "by when" and not done or stopped, per agency holding them (open cases only):
   * `cases` the first 20 by reference, `caseCount` how many cases in all.
   */
  actionsOverdueByAgency: (AgencyOverdue & { caseCount: number })[];
  /** Local mode: the bot reaches a person only once they open it in the Agents Playground; their messages wait until then. */
  messagesWaitForPlayground: boolean;
}

/** The dashboard's case lists, each a page at a time (GET /services/:serviceId/dashboard/:list?offset=&limit=). */
export interface DashboardPageItems {
  'active-cases': ActiveCaseRow;
  'agreements-outstanding': OutstandingAgreementRow;
  reviews: ReviewRow;
  'trm-movement': MovementRow;
}

export interface DashboardPage<L extends keyof DashboardPageItems = keyof DashboardPageItems> {
  list: L;
  items: DashboardPageItems[L][];
  total: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
}

/** A demo account offered by local mode's dev sign-in (GET /dev/accounts). */
export interface DevAccount {
  id: string;
  name: string;
  role: Role;
  roleLabel: string;
  agency: string;
  serviceIds: string[];
}

/** An action of the plan as one reader sees it: overdue or not, and whether they may change it. */
export type PlanActionView = PlanAction & { overdue: boolean; mayUpdate: boolean };

/** GET /cases/:id/actions: the plan in its sequence; `mayAssign`: whether the reader names owners and dates. */
export interface PlanActionList {
  items: PlanActionView[];
  mayAssign: boolean;
}

/**
 * GET/PUT /cases/:id/transition-plan: the plan for moving on to adult services (null until written;
 * then `version` counts from 1, and the first plan is written with If-Match "0"). `due`: the young
 * person is 17; `turnsEighteenOn`: the 18th birthday when within six months.
 */
export interface TransitionPlanView {
  caseId: string;
  reference: string;
  due: boolean;
  turnsEighteenOn: string | null;
  plan: TransitionPlan | null;
  mayWrite: boolean;
  version: number;
}

/** GET /me/actions: one of the reader's own actions, with its case's reference. */
export type MyAction = PlanActionView & { reference: string };

/** GET/PUT /cases/:id/meetings/:meetingId/attendance: who was there, and who may be marked. */
export type { MeetingNote } from '../domain/meetingNote.js';

export interface AttendanceRegister {
  meetingId: string;
  marks: AttendanceMark[];
  /** The agencies with someone present. */
  agencies: Agency[];
  /** Those who may be marked: everyone invited, then the rest of the case team. */
  people: { staffId: string; name: string; agency: Agency; invited: boolean }[];
}

/** Where a person may move a case, and who may hold it there (GET /cases/:caseId/transfer). */
export interface TransferOptions {
  reference: string;
  /** The references the case had before, oldest first: they still lead to it. */
  formerReferences: string[];
  /** True while the documents of the last move are still on their way: no new move until they arrive. */
  documentsMoving: boolean;
  destinations: { serviceId: string; name: string; caseHolders: { staffId: string; name: string; role: Role }[] }[];
}

/** The child's copy of their record, as GET …/record-exports/:exportId answers (docs/record-export.md). */
export interface RecordExportView {
  id: string;
  caseId: string;
  reference: string;
  requestedFor: RecordRequester;
  requestedBy: { id: string; name: string | null };
  requestedAt: string;
  expiresAt: string;
  state: RecordExportState;
  progress: { done: number; total: number; percent: number; step: string | null };
  readyAt: string | null;
  size: number | null;
  sha256: string | null;
  /** Entries that may name other people: review them (and redact by hand) before release. */
  review: EntryForReview[];
  /** Restricted entries whose text the starter may not read: in the zip as "restricted, withheld". */
  withheld: string[];
  error: string | null;
  startedByYou: boolean;
  /** Only for the person who started it, once ready and until it expires. */
  download: { href: string; fileName: string } | null;
}
