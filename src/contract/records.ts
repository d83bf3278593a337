/**
 * The practice's records as the API sends and receives them: one definition each, the domain's,
 * named here so that the tab and the bot find every shape of the API in src/contract. Types only:
 * nothing here is bundled into the tab.
 */
export type { Agreement, AgreementState, Party } from '../domain/agreement.js';
export type { AttendanceMark, AttendanceMarkValue } from '../domain/attendance.js';
export type { Case, CaseStatus, Pathway } from '../domain/case.js';
export type { CaseEventType } from '../domain/caseEvents.js';
export type { CaseloadMovement, CaseloadOverview } from '../domain/caseloadOverview.js';
export type { Formulation, FormulationContent, Hypothesis, Recommendation } from '../domain/formulation.js';
export type { LifeStage, DateSpan } from '../domain/lifeStage.js';
export type { AttendeeResponse, Meeting, MeetingKind, MeetingOutcome } from '../domain/meeting.js';
export type { ActionOwner, ActionStatus, PlanAction } from '../domain/planAction.js';
export type { CaseAction, ServiceAction } from '../domain/policy.js';
export type { ReviewStatus } from '../domain/reviewCadence.js';
export type { Service, TimelineCategory, TrmLevelLabel } from '../domain/service.js';
export type { Agency, Role } from '../domain/staff.js';
export type { CaseRole, TeamMember } from '../domain/team.js';
export type { Confidence, EntryWhen, TimelineEntry, TimelineEntryInput, TimelineEntryRevision } from '../domain/timeline.js';
export type { CellQuestion, CoverageCell, CoverageCount, TimelineCoverage } from '../domain/timelineCoverage.js';
export type { QuestionStatus, TimelineQuestion } from '../domain/timelineQuestion.js';
export type { TrmMovement, TrmPlacement } from '../domain/trm.js';
export type { AdultService, JoiningService, KeptRelationship, TransitionPlan } from '../domain/transitionPlan.js';
export type { CaseDocument } from '../ports/caseDocuments.js';
export type { UnreachableReason } from '../ports/notifier.js';
export type { FormulationRevision, Page } from '../ports/store.js';
