import type { Agreement } from '../domain/agreement.js';
import type { AuditEvent, AuditEventInput } from '../domain/audit.js';
import type { Case, CaseStatus, Pathway } from '../domain/case.js';
import type { Consultation, ConsultationMeeting } from '../domain/consultation.js';
import type { CaseEvent, CaseEventInput } from '../domain/caseEvents.js';
import type { Formulation, FormulationContent, FormulationStatus } from '../domain/formulation.js';
import type { AttendanceMark } from '../domain/attendance.js';
import type { MeetingNote } from '../domain/meetingNote.js';
import type { AttendeeResponse, Meeting } from '../domain/meeting.js';
import type { PlanAction } from '../domain/planAction.js';
import type { Summary, SummaryKind } from '../domain/summary.js';
import type { Service, ServiceSettings } from '../domain/service.js';
import type { Agency, Staff } from '../domain/staff.js';
import type { TeamMember } from '../domain/team.js';
import type { Confidence, TimelineEntry, TimelineEntryRevision } from '../domain/timeline.js';
import type { CoverageCount } from '../domain/timelineCoverage.js';
import type { LifeStage } from '../domain/lifeStage.js';
import type { TimelineQuestion } from '../domain/timelineQuestion.js';
import type { TrmPlacement } from '../domain/trm.js';
import type { RestrictedTextReach } from '../domain/restriction.js';
import type { TextRange } from '../domain/search.js';
import type { TransitionPlan } from '../domain/transitionPlan.js';
import type { RecordAtApproval } from '../domain/recordAtApproval.js';
import type { UnreachableReason } from './notifier.js';
import type { CaseDocumentRepository } from './caseDocuments.js';
import type { CaseTransferRepository } from './caseTransfers.js';
import type { OutboxRepository } from './outbox.js';
import type { RecordExportRepository } from './recordExports.js';
import type { WriteTally } from './writeTally.js';
import type { DashboardQueries } from './dashboard.js';

/**
 * The case store. Everything a use case reads or writes happens inside one transaction, so a change
 * and its audit event commit together or not at all. Adapters: SQLite (embedded default) and
 * PostgreSQL; both pass tests/ports/store.contract.ts unchanged.
 */
export interface Store {
  /**
   * Runs `work` in one transaction. If the database undoes it to break a deadlock (PostgreSQL),
   * `work` runs again from the start, so it must do nothing outside the transaction it cannot repeat.
   * The embedded database may run several callers' work in one shared transaction, each in a
   * savepoint of its own (group commit): a failure takes back only that caller's changes, and the
   * promise of work that changed anything resolves only once the shared COMMIT is on disk.
   */
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs `work` with no transaction around it: each statement commits by itself. Only for work
   * that is one statement (a count going up), where BEGIN and COMMIT would be two round trips more
   * on PostgreSQL. The embedded database runs it as a unit of work like any other.
   */
  autocommit<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  /** True when the database answers; for /readyz, which bounds how long it waits. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreTx {
  services: ServiceRepository;
  staff: StaffRepository;
  cases: CaseRepository;
  agreements: AgreementRepository;
  team: TeamRepository;
  timeline: TimelineRepository;
  /** The jigsaw's questions to agencies (src/app/timeline/*Question*). */
  questions: TimelineQuestionRepository;
  formulations: FormulationRepository;
  trm: TrmRepository;
  meetings: MeetingRepository;
  actions: PlanActionRepository;
  transitionPlans: TransitionPlanRepository;
  summaries: SummaryRepository;
  audit: AuditRepository;
  caseEvents: CaseEventRepository;
  outbox: OutboxRepository;
  sessions: SessionRepository;
  conversations: ConversationRepository;
  documents: CaseDocumentRepository;
  /** A case's moves between services (src/app/transfer). */
  transfers: CaseTransferRepository;
  /** The write limit's counts, when instances share the database (src/adapters/sql/writeTally.ts). */
  writeTallies: WriteTally;
  requests: IdempotentRequestRepository;
  consultations: ConsultationRepository;
  evaluationKeys: EvaluationKeyRepository;
  /** The service dashboard's counts and pages, worked out by the database (src/ports/dashboard.ts). */
  dashboard: DashboardQueries;
  /** The child's copies of their record (src/app/recordExport). */
  recordExports: RecordExportRepository;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back as `after` for the next page. Null on the last page. */
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  after?: string | undefined;
}

export interface ServiceRepository {
  list(): Promise<Service[]>;
  get(id: string): Promise<Service | null>;
  upsert(service: Service): Promise<void>;
  updateSettings(id: string, settings: ServiceSettings): Promise<void>;
}

export interface StaffRepository {
  get(id: string): Promise<Staff | null>;
  getByAadObjectId(aadObjectId: string): Promise<Staff | null>;
  list(): Promise<Staff[]>;
  upsert(staff: Staff): Promise<void>;
}

export interface CaseQuery {
  /** Only cases of these services. */
  serviceIds?: string[];
  /** Only cases where this person is on the team. */
  memberStaffId?: string;
  status?: CaseStatus[];
  /** Only consultations, or only statutory ECM cases. */
  pathway?: Pathway;
  /** Only cases whose child's name or reference holds every one of these words (any case). */
  nameOrReference?: string[];
}

/** A case as a request about it first needs it: with the asker's place on its team and its service. */
export interface CaseWithPlace {
  case: Case;
  membership: TeamMember | null;
  service: Service;
  /** Whether a question stands open on the case's jigsaw: only then may a new entry answer one. */
  openQuestions: boolean;
}

export interface CaseRepository {
  /** The next number in the service's sequence for that year; never the same twice. */
  nextReferenceNumber(serviceId: string, year: number): Promise<number>;
  insert(caseRecord: Case): Promise<void>;
  get(id: string): Promise<Case | null>;
  /** The case, the person's place on its team (if any) and its service, in one read: what every case request asks first. */
  getInReach(id: string, staffId: string): Promise<CaseWithPlace | null>;
  getByReference(reference: string): Promise<Case | null>;
  /** Writes `c` (with its version already incremented) if the stored version is `expectedVersion`. */
  update(caseRecord: Case, expectedVersion: number): Promise<boolean>;
  list(query: CaseQuery, page: PageRequest): Promise<Page<Case>>;
  /** The service's cases not closed whose child has this date of birth: the candidates for a duplicate referral. */
  listOpenByDateOfBirth(serviceId: string, dateOfBirth: string): Promise<Case[]>;
  /** Removes the case and everything recorded on it; the audit trail keeps only that it happened. */
  purge(id: string): Promise<void>;
}

export interface AgreementRepository {
  insert(agreement: Agreement): Promise<void>;
  listForCase(caseId: string): Promise<Agreement[]>;
}

export interface TeamRepository {
  upsert(member: TeamMember): Promise<void>;
  get(caseId: string, staffId: string): Promise<TeamMember | null>;
  list(caseId: string): Promise<TeamMember[]>;
  /** Takes a person off the team: a transfer to a service they do not work in (the audit keeps who). */
  remove(caseId: string, staffId: string): Promise<void>;
}

export interface TimelineQuery {
  categories?: string[];
  agencies?: string[];
  confidence?: Confidence[];
  contributorIds?: string[];
  lifeStages?: LifeStage[];
  includeRetracted?: boolean;
}

/**
 * A search of one case's timeline by words (see src/domain/search.ts), narrowed as the list is.
 * Retracted entries are never searched. `restrictedText` says whose restricted entries' words the
 * reader may read: the others never match, so a search cannot even reveal that they hold a word.
 */
export interface TimelineSearch {
  /** Lower-case words of letters and digits; every one must start a word of the entry's text. */
  words: string[];
  categories?: string[];
  agencies?: string[];
  lifeStages?: LifeStage[];
  restrictedText: RestrictedTextReach;
  limit: number;
}

/** An entry that matched, with the stretches of its description the database matched. */
export interface TimelineMatch {
  entry: TimelineEntry;
  highlights: TextRange[];
}

export interface TimelineRepository {
  insert(entry: TimelineEntry): Promise<void>;
  get(caseId: string, entryId: string): Promise<TimelineEntry | null>;
  update(entry: TimelineEntry, expectedVersion: number): Promise<boolean>;
  /** In life order (see compareLifeOrder). */
  list(caseId: string, query: TimelineQuery, page: PageRequest): Promise<Page<TimelineEntry>>;
  liveIds(caseId: string): Promise<Set<string>>;
  /** Live entries holding every word, in life order; `more` when there were over `limit`. */
  search(caseId: string, search: TimelineSearch): Promise<{ items: TimelineMatch[]; more: boolean }>;
  /** Live entries counted by life stage and source agency, counted by the database. */
  coverage(caseId: string): Promise<CoverageCount[]>;
  addRevision(revision: TimelineEntryRevision): Promise<void>;
  revisions(entryId: string): Promise<TimelineEntryRevision[]>;
}

/** Questions put to agencies about stages of the child's life, and their answers. */
export interface TimelineQuestionRepository {
  insert(question: TimelineQuestion): Promise<void>;
  get(caseId: string, id: string): Promise<TimelineQuestion | null>;
  /** Writes the question if the stored version is `expectedVersion`. */
  update(question: TimelineQuestion, expectedVersion: number): Promise<boolean>;
  /** The case's questions, oldest asked first. */
  list(caseId: string): Promise<TimelineQuestion[]>;
  /** The open question on one cell of the jigsaw, if any. */
  openFor(caseId: string, lifeStage: LifeStage, agency: Agency): Promise<TimelineQuestion | null>;
}

export interface FormulationRevision {
  formulationId: string;
  number: number;
  version: number;
  status: FormulationStatus;
  content: FormulationContent;
  savedBy: string;
  savedByName: string;
  savedAt: string;
}

export interface FormulationRepository {
  /** The newest formulation of the case, draft or approved. */
  current(caseId: string): Promise<Formulation | null>;
  get(caseId: string, number: number): Promise<Formulation | null>;
  list(caseId: string): Promise<Formulation[]>;
  insert(formulation: Formulation): Promise<void>;
  update(formulation: Formulation, expectedVersion: number): Promise<boolean>;
  addRevision(revision: FormulationRevision): Promise<void>;
  revisions(formulationId: string): Promise<FormulationRevision[]>;
  /** Keeps the record as it stood at a version's approval; once per version. */
  keepRecordAtApproval(record: RecordAtApproval): Promise<void>;
  recordAtApproval(caseId: string, number: number): Promise<RecordAtApproval | null>;
}

export interface TrmRepository {
  insert(placement: TrmPlacement): Promise<void>;
  list(caseId: string): Promise<TrmPlacement[]>;
}

export interface MeetingRepository {
  insert(meeting: Meeting): Promise<void>;
  get(caseId: string, id: string): Promise<Meeting | null>;
  /** Writes the meeting and its attendee list (responses included) if the version matches. */
  update(meeting: Meeting, expectedVersion: number): Promise<boolean>;
  /** An attendee's answer; does not change the meeting's version, so answers never conflict. */
  respond(meetingId: string, staffId: string, response: AttendeeResponse, at: string): Promise<boolean>;
  list(caseId: string): Promise<Meeting[]>;
  /** The meeting whose Teams meeting chat this is, if any. */
  findByChat(chatId: string): Promise<Meeting | null>;
  /** The meeting's attendance register, by name. */
  attendance(meetingId: string): Promise<AttendanceMark[]>;
  /** Marks one person in the register, replacing an earlier mark. */
  markAttendance(caseId: string, mark: AttendanceMark): Promise<void>;
  /** The meeting's notes, in the order they were written. */
  notes(meetingId: string): Promise<MeetingNote[]>;
  addNote(note: MeetingNote): Promise<void>;
}

export interface PlanActionRepository {
  insert(action: PlanAction): Promise<void>;
  /** Writes the action if the stored version is `expectedVersion`. */
  update(action: PlanAction, expectedVersion: number): Promise<boolean>;
  get(caseId: string, id: string): Promise<PlanAction | null>;
  /** The case's plan in its sequence. */
  list(caseId: string): Promise<PlanAction[]>;
  /** Every action a person owns, across all cases, soonest "by when" first. */
  listOwnedBy(staffId: string): Promise<PlanAction[]>;
}

/** One transition plan per case: the move to adult services around the 18th birthday. */
export interface TransitionPlanRepository {
  get(caseId: string): Promise<TransitionPlan | null>;
  /** Writes the plan if the stored version is `expectedVersion` (0: none stored yet). */
  save(plan: TransitionPlan, expectedVersion: number): Promise<boolean>;
}

/** The court and adult-handover summaries: one per case and kind. */
export interface SummaryRepository {
  get(caseId: string, kind: SummaryKind): Promise<Summary | null>;
  insert(summary: Summary): Promise<void>;
  /** Writes the summary if the stored version is `expectedVersion`. */
  update(summary: Summary, expectedVersion: number): Promise<boolean>;
}

/** Keys kept by name in the database (the evaluation export's pseudonym key when none is configured). */
export interface EvaluationKeyRepository {
  /** The key kept under `name`; the first call keeps `candidate`, later calls return what was kept. */
  keep(name: string, candidate: string, at: string): Promise<string>;
}

export interface AuditRepository {
  /** Appends to the chain, computing the hash link under the store's own lock. */
  append(event: AuditEventInput, at: string): Promise<AuditEvent>;
  /**
   * Appends to the chain and records a case event, in that order: on PostgreSQL in one statement,
   * so the two locks they take (the chain's head, the case's numbering) cost one round trip.
   */
  appendWithCaseEvent(event: AuditEventInput, at: string, caseEvent: CaseEventInput): Promise<{ audit: AuditEvent; caseEvent: CaseEvent }>;
  chains(): Promise<string[]>;
  read(chain: string, afterSeq: number, limit: number): Promise<AuditEvent[]>;
  /** The last link each chain is known to have reached (kept apart so truncation is visible). */
  head(chain: string): Promise<{ seq: number; hash: string } | null>;
  /** The case's events across every chain, oldest first: who read and changed the record when (the record export). */
  listForCase(caseId: string, limit: number): Promise<AuditEvent[]>;
}

export interface CaseEventRepository {
  append(event: CaseEventInput, at: string): Promise<CaseEvent>;
  since(caseId: string, afterSeq: number, limit: number): Promise<CaseEvent[]>;
  /** The case's newest event's sequence number; 0 before its first. */
  latestSeq(caseId: string): Promise<number>;
}

export interface Session {
  tokenHash: string;
  staffId: string;
  createdAt: string;
  expiresAt: string;
}

/** A session ended before its time: a dev sign-in, or a Microsoft 365 token, by the hash of its token. */
export interface EndedSession {
  sessionId: string;
  staffId: string;
  endedAt: string;
  /** When the session would have expired anyway: it is kept until then, and no longer. */
  expiresAt: string;
}

export interface SessionRepository {
  insert(session: Session): Promise<void>;
  get(tokenHash: string): Promise<Session | null>;
  delete(tokenHash: string): Promise<void>;
  /** Ends the session (a dev session is removed too) and lets go of ended sessions that have expired since. */
  end(ended: EndedSession): Promise<void>;
  hasEnded(sessionId: string): Promise<boolean>;
}

/** The bot's chat with one person: how to reach them proactively, or why they cannot be reached. */
export interface StoredConversation {
  staffId: string;
  /** The chat platform's conversation reference, kept as it came; null when never installed. */
  reference: unknown;
  updatedAt: string;
  unreachable: { reason: UnreachableReason; since: string } | null;
}

export interface ConversationRepository {
  /** Keeps the newest reference for this person and clears any earlier "cannot reach". */
  remember(staffId: string, reference: unknown, at: string): Promise<void>;
  get(staffId: string): Promise<StoredConversation | null>;
  markUnreachable(staffId: string, reason: UnreachableReason, at: string): Promise<void>;
  /** Those of these people who cannot be reached now. */
  listUnreachable(staffIds: string[]): Promise<StoredConversation[]>;
}

/** A change asked for under an idempotency key, and (once given) the answer to give again. */
export interface IdempotentRequest {
  staffId: string;
  key: string;
  /** What was asked (method, address, body): the same key for another request is a mistake. */
  fingerprint: string;
  claimId: string;
  claimedAt: string;
  /** Null while the first request is still being worked on. */
  answer: unknown;
}

export interface IdempotentRequestRepository {
  /** Holds the key for this claim unless someone holds it already; then returns who does. */
  claim(request: Omit<IdempotentRequest, 'answer'>): Promise<IdempotentRequest>;
  /** Hands a claim that was never answered to a new claim, if `staleClaimId` still holds it. */
  takeOver(staffId: string, key: string, staleClaimId: string, claimId: string, at: string): Promise<boolean>;
  keep(staffId: string, key: string, claimId: string, answer: unknown): Promise<void>;
  release(staffId: string, key: string, claimId: string): Promise<void>;
  /** Forgets requests claimed before `before`: a key is honoured for a day, not for ever. */
  forgetBefore(before: string): Promise<void>;
}

/** What any store throws for a page cursor it did not make (or that was altered): a bad request, not a fault. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The page cursor is not valid; start again from the first page.');
  }
}

/**
 * What any store throws when the database cannot be reached or does not answer in time (refused,
 * dropped, stalled, too many clients, busy, an I/O error): nothing was done, and the same request
 * may succeed shortly. A passing outage, not a fault: the HTTP API answers 503 with Retry-After.
 */
export class StoreUnavailableError extends Error {
  /** When a client may try again: about as long as a dropped connection takes to come back. */
  static readonly retryAfterSeconds = 5;
  readonly retryAfterSeconds = StoreUnavailableError.retryAfterSeconds;
  constructor(cause: unknown) {
    super('The database is not answering.', { cause });
    this.name = 'StoreUnavailableError';
  }
}

/** What only a consultation has, beside its case: the question, the disposal, its meetings' advice. */
export interface ConsultationRepository {
  insert(consultation: Consultation): Promise<void>;
  get(caseId: string): Promise<Consultation | null>;
  update(consultation: Consultation): Promise<void>;
  addMeeting(meeting: ConsultationMeeting): Promise<void>;
  /** In the order they were held. */
  listMeetings(caseId: string): Promise<ConsultationMeeting[]>;
}
