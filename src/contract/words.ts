import type { Disposal } from '../domain/consultation.js';
import { LIFE_STAGE_LABELS, type LifeStage } from '../domain/lifeStage.js';
import type { AgreementMethod, AgreementState, FamilyWord, Party } from '../domain/agreement.js';
import type { AgeBand } from '../domain/agreementRules.js';
import type { LegalStatus } from '../domain/legalStatus.js';
import type { CaseStatus, Pathway } from '../domain/case.js';
import type { HypothesisDomain } from '../domain/formulation.js';
import type { CategoryTone } from '../domain/service.js';
import type { AttendeeResponse, MeetingKind } from '../domain/meeting.js';
import type { ReviewState } from '../domain/reviewCadence.js';
import type { ActionOwner, ActionStatus } from '../domain/planAction.js';
import type { ReviewDecision } from '../domain/reviewOfPlan.js';
import type { Agency, Role } from '../domain/staff.js';
import type { CaseRole } from '../domain/team.js';
import type { DocumentType } from '../ports/documentLibrary.js';
import type { Confidence } from '../domain/timeline.js';
import type { TrmMovement } from '../domain/trm.js';
import type { AdultService } from '../domain/transitionPlan.js';

/**
 * The practice's words for the codes the system stores, said the same way in the tab, the bot's
 * cards and the documents. This module holds words only (its imports are types), so the tab can
 * use it without bringing the server's validation into its bundle.
 */
export const ROLE_LABELS: Record<Role, string> = {
  ecm_practitioner: 'ECM practitioner',
  psychologist: 'Clinical psychologist',
  yjs_practitioner: 'YJS practitioner',
  manager: 'YJS manager',
  partner: 'Partner agency professional',
  administrator: 'Administrator',
};

export const AGENCY_LABELS: Record<Agency, string> = {
  youth_justice: 'Youth justice',
  ecm_team: 'ECM team',
  social_care: 'Social care',
  education: 'Education',
  police: 'Police',
  health: 'Health',
  mentoring: 'Mentoring',
  youth_club: 'Youth club',
  probation: 'Probation',
  personal_adviser: 'Personal Adviser',
  adult_mental_health: 'Adult mental health',
  adult_social_care: 'Adult social care',
  young_person_or_family: 'Young person or family',
  other: 'Other',
};

/** The adult services a young person moves on to at 18 (the transition plan). */
export const ADULT_SERVICE_LABELS: Record<AdultService, string> = {
  probation: 'Probation practitioner',
  personal_adviser: 'Personal Adviser (leaving care)',
  adult_mental_health: 'Adult mental health',
  adult_social_care: 'Adult social care',
  mentoring: 'Mentor',
  other: 'Other adult service',
};

export const CASE_ROLE_LABELS: Record<CaseRole, string> = {
  case_holder: 'Case holder',
  ecm_practitioner: 'ECM practitioner',
  psychologist: 'Psychologist',
  manager: 'Manager',
  partner: 'Partner agency',
};

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  referred: 'Referred',
  awaiting_agreement: 'Awaiting agreement',
  active: 'Active',
  closed: 'Closed',
};

export const PATHWAY_LABELS: Record<Pathway, string> = { statutory_ecm: 'Statutory ECM', consultation: 'Case consultation' };

export const DISPOSAL_LABELS: Record<Disposal, string> = {
  community_resolution: 'Community resolution',
  youth_caution: 'Youth caution',
  youth_conditional_caution: 'Youth conditional caution',
  outcome_22: 'Outcome 22 (deferred prosecution)',
  pre_court_diversion: 'Pre-court / diversion',
};

/** How someone's agreement was given. */
export const METHOD_LABELS: Record<AgreementMethod, string> = { in_person: 'In person', phone: 'Phone', video: 'Video call', letter: 'Letter', other: 'Other' };

export const PARTY_LABELS: Record<Party, string> = {
  young_person: 'Young person',
  parent_carer: 'Parent or carer',
  local_authority: 'Local authority (allocated social worker)',
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  living_with_parents: 'Living with parent(s)',
  care_order: 'Looked after under a care order',
  accommodated_by_agreement: 'Looked after, accommodated by agreement',
  remanded: 'Remanded to local authority accommodation',
  care_leaver: 'Care leaver',
  other: 'Other',
};

export const AGE_BAND_LABELS: Record<AgeBand, string> = { under_16: 'Under 16', aged_16_17: '16 or 17', aged_18_plus: '18 or over' };

export const FAMILY_WORD_LABELS: Record<FamilyWord, string> = {
  permits: 'Is happy for their parent or carer to take part',
  objects: 'Objects to their parent or carer taking part',
};

export const AGREEMENT_LABELS: Record<AgreementState[Party], string> = {
  given: 'Agreed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  not_yet_known: 'Not yet asked',
};

export const CONFIDENCE_LABELS: Record<Confidence, string> = { confirmed: 'Confirmed', reported: 'Reported', unverified: 'Unverified' };

export const HYPOTHESIS_DOMAIN_LABELS: Record<HypothesisDomain, string> = {
  behaviours: 'Behaviours',
  coping: 'Coping mechanisms',
  triggers: 'Triggers',
  relationships: 'Relationships',
  other: 'Other',
};

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  formulation: 'Formulation meeting',
  review: 'Review meeting',
  consultation: 'Case consultation',
};

export const RESPONSE_LABELS: Record<AttendeeResponse, string> = { none: 'No reply yet', accepted: 'Accepted', tentative: 'Tentative', declined: 'Declined' };

export const PROGRESS_LABELS: Record<'not_started' | 'in_progress' | 'achieved' | 'stopped', string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  stopped: 'Stopped',
};

/** What a review decides for each action of the plan. */
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  continue: 'Continue',
  change: 'Change',
  stop: 'Stop',
};

/** Who holds an action: a named person and their agency, or an agency while nobody is named. */
export const ownerInWords = (owner: ActionOwner): string =>
  owner.kind === 'person' ? `${owner.name} (${AGENCY_LABELS[owner.agency]})` : `${AGENCY_LABELS[owner.agency]} — nobody named yet`;

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { not_due: 'Not due', due_soon: 'Due soon', due: 'Due', overdue: 'Overdue' };

/** Moving down is a setback, said plainly, never as failure. */
export const MOVEMENT_LABELS: Record<TrmMovement, string> = {
  up: 'Moved up',
  same: 'Stayed at the same level',
  setback: 'Set back (moved down)',
  first: 'One placement so far',
};

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  formulation_report: 'Formulation report',
  youth_friendly_formulation: 'Youth-friendly formulation',
  review_record: 'Review record',
  timeline_picture: 'Timeline picture',
  court_summary: 'Summary for the court',
  adult_handover_summary: 'Handover summary for adult services',
};

/**
 * The shape that tells an event's tone without colour: one legend for the tab and the printed
 * timeline picture, so that a mark means the same on screen and on paper.
 */
export type ToneShape = 'triangle' | 'circle' | 'square';
export const TONE_MARKS: Record<CategoryTone, { shape: ToneShape; symbol: string; label: string }> = {
  adverse: { shape: 'triangle', symbol: '▲', label: 'Adverse event' },
  positive: { shape: 'circle', symbol: '●', label: 'Positive event' },
  context: { shape: 'square', symbol: '■', label: 'Context' },
};

/** How an action of the plan between meetings stands. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  planned: 'Planned',
  under_way: 'Under way',
  done: 'Done',
  stopped: 'Stopped',
};

/** What stands in a restricted entry's place for those who may not read it: in the tab and in every document. */
export const restrictedEntryLabel = (agency: Agency, lifeStage: LifeStage): string =>
  `Restricted entry — ${AGENCY_LABELS[agency]}, ${LIFE_STAGE_LABELS[lifeStage]}`;

/** A life stage as a question says it: "anything from the early years?". */
export const LIFE_STAGE_IN_A_QUESTION: Record<LifeStage, string> = {
  pregnancy: 'the pregnancy',
  infancy: 'infancy (0–2)',
  early_years: 'the early years',
  primary: 'the primary school years',
  secondary: 'the secondary school years',
  transition: 'the transition years (16+)',
};

/** The question the chair asks when they give no words of their own: "Health: anything from the early years?". */
export const defaultQuestionWording = (agency: Agency, lifeStage: LifeStage): string =>
  `${AGENCY_LABELS[agency]}: anything from ${LIFE_STAGE_IN_A_QUESTION[lifeStage]}?`;
