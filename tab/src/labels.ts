/**
 * Words the tab shows for the API's codes. Life stages come from the domain itself (pure code);
 * the rest are short enough to keep here without pulling the server's validation into the bundle.
 */
export { LIFE_STAGES, LIFE_STAGE_LABELS, lifeStageSpan } from '../../src/domain/lifeStage.js';

export const AGENCY_LABELS: Record<string, string> = {
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
  young_person_or_family: 'Young person or family',
  other: 'Other',
};
export const AGENCIES = Object.keys(AGENCY_LABELS);

export const CONFIDENCE_LABELS: Record<string, string> = { confirmed: 'Confirmed', reported: 'Reported', unverified: 'Unverified' };

export const STATUS_LABELS: Record<string, string> = {
  referred: 'Referred',
  awaiting_agreement: 'Awaiting agreement',
  active: 'Active',
  closed: 'Closed',
};

export const AGREEMENT_LABELS: Record<string, string> = {
  given: 'Agreed',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  not_yet_known: 'Not yet asked',
};

export const REVIEW_LABELS: Record<string, string> = { not_due: 'Not due', due_soon: 'Due soon', due: 'Due', overdue: 'Overdue' };

export const MEETING_KIND_LABELS: Record<string, string> = {
  formulation: 'Formulation meeting',
  review: 'Review meeting',
  consultation: 'Case consultation',
};

export const RESPONSE_LABELS: Record<string, string> = { none: 'No reply yet', accepted: 'Accepted', tentative: 'Tentative', declined: 'Declined' };

export const CASE_ROLE_LABELS: Record<string, string> = {
  case_holder: 'Case holder',
  ecm_practitioner: 'ECM practitioner',
  psychologist: 'Psychologist',
  manager: 'Manager',
  partner: 'Partner',
};

export const HYPOTHESIS_DOMAIN_LABELS: Record<string, string> = {
  behaviours: 'Behaviours',
  coping: 'Coping mechanisms',
  triggers: 'Triggers',
  relationships: 'Relationships',
  other: 'Other',
};

export const PROGRESS_LABELS: Record<string, string> = { not_started: 'Not started', in_progress: 'In progress', achieved: 'Achieved', stopped: 'Stopped' };

export const label = (labels: Record<string, string>, key: string | null | undefined) => (key ? (labels[key] ?? key.replaceAll('_', ' ')) : '—');

/** "12 Mar 2026" from an ISO date or instant, without the machine's time zone shifting the day. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: iso.length === 10 ? 'UTC' : undefined });
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  formulation_report: 'Formulation report',
  youth_friendly_formulation: 'Youth-friendly formulation',
  review_record: 'Review record',
  timeline_picture: 'Timeline picture',
};

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  queued: 'Waiting to be filed',
  delivered: 'In the library',
  superseded: 'Replaced by a newer version',
};

/** What an outbox job was for, in the words of the people waiting on it. */
export const JOB_KIND_LABELS: Record<string, string> = {
  notify: 'Teams message',
  'document.publish': 'Document for the library',
  'documents.prepare': 'Making the case documents',
  'documents.restamp': 'Retention date on the documents',
  'calendar.sync': 'Calendar',
};

export const JOB_STATUS_LABELS: Record<string, string> = { pending: 'Waiting to retry', dead: 'Gave up' };

export const UNREACHABLE_LABELS: Record<string, string> = {
  app_not_installed: 'Has not installed ECM for Teams',
  app_removed: 'Removed ECM for Teams',
  bot_blocked: 'Blocked the ECM bot',
  conversation_not_found: 'Their chat with the bot is gone',
};

export const MOVEMENT_LABELS: Record<string, string> = {
  up: 'Moved up',
  same: 'Stayed at the same level',
  setback: 'Set back (moved down)',
  first: 'One placement so far',
  none: 'Not placed yet',
};
