/**
 * What the API returns, named as the server names it. Types only: nothing here is bundled.
 */
export type { CaseView } from '../../../src/app/case/caseViews.js';
export type { Me } from '../../../src/app/people/showMe.js';
export type { FormulationRecord } from '../../../src/app/formulation/showFormulation.js';
export type { TrmHistoryItem } from '../../../src/app/trm/listTrmPlacements.js';
export type { AgreementRecord } from '../../../src/app/agreement/recordAgreement.js';
export type { PersonCard } from '../../../src/app/people/findPeople.js';
export type { TimelinePage } from '../../../src/app/timeline/listTimeline.js';
export type { TeamMemberView } from '../../../src/app/team/listTeam.js';
export type { FormulationRevision, Page } from '../../../src/ports/store.js';
export type { TimelineEntry, TimelineEntryInput, TimelineEntryRevision, EntryWhen, Confidence } from '../../../src/domain/timeline.js';
export type { Formulation, FormulationContent, Hypothesis, Recommendation } from '../../../src/domain/formulation.js';
export type { Meeting, MeetingOutcome, MeetingKind } from '../../../src/domain/meeting.js';
export type { TeamMember, CaseRole } from '../../../src/domain/team.js';
export type { Agreement } from '../../../src/domain/agreement.js';
export type { Service, TimelineCategory, TrmLevelLabel } from '../../../src/domain/service.js';
export type { CaseAction } from '../../../src/domain/policy.js';
export type { Role, Agency } from '../../../src/domain/staff.js';
export type { LifeStage, DateSpan } from '../../../src/domain/lifeStage.js';
import type { CaseEventType } from '../../../src/domain/caseEvents.js';
export type { CaseEventType };

export interface DevAccount {
  id: string;
  name: string;
  role: string;
  roleLabel: string;
  agency: string;
  serviceIds: string[];
}

/** One server-sent event on a case, as /cases/:id/events sends it. */
export interface LiveEvent {
  seq: number;
  type: CaseEventType;
  at: string;
  actor: { id: string; name: string };
  data: unknown;
}
export type { ServiceDashboard, LibraryDocument, UnreachableRecipient } from '../../../src/app/oversight/showServiceDashboard.js';
export type { CaseloadMovement } from '../../../src/domain/caseloadOverview.js';
export type { CaseDocument } from '../../../src/ports/caseDocuments.js';
export type { UndeliveredJob } from '../../../src/app/oversight/listUndelivered.js';
export type { UnreachableMember } from '../../../src/app/team/listUnreachableMembers.js';
