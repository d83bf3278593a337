/**
 * Words the tab shows for the API's codes. The practice's own words come from the contract
 * (src/contract/words.ts and lifeStages.ts hold words and pure code only, so no validation library
 * comes with them); the words here are the tab's alone.
 */
export { LIFE_STAGES, LIFE_STAGE_LABELS, lifeStageSpan } from '../../src/contract/lifeStages.js';

import * as words from '../../src/contract/words.js';
import type { UndeliveredJob } from './api/types.js';
// The plain-words check and the name finder: pure code the server runs too, so the tab warns by the same rule.
export { namesOfChildIn, plainWordsWarnings, type PlainWordsWarning } from '../../src/contract/plainWords.js';

// The API hands the tab codes as plain strings, so the tab looks words up by any string.
type Words = Record<string, string>;
export const AGENCY_LABELS: Words = words.AGENCY_LABELS;
export const restrictedEntryLabel = words.restrictedEntryLabel;
export const ADULT_SERVICE_LABELS: Words = words.ADULT_SERVICE_LABELS;
export const ACTION_STATUS_LABELS: Words = words.ACTION_STATUS_LABELS;
export const AGREEMENT_LABELS: Words = words.AGREEMENT_LABELS;
export const PARTY_LABELS: Words = words.PARTY_LABELS;
export const LEGAL_STATUS_LABELS: Words = words.LEGAL_STATUS_LABELS;
export const AGE_BAND_LABELS: Words = words.AGE_BAND_LABELS;
export const FAMILY_WORD_LABELS: Words = words.FAMILY_WORD_LABELS;
export const CASE_ROLE_LABELS: Words = words.CASE_ROLE_LABELS;
export const STATUS_LABELS: Words = words.CASE_STATUS_LABELS;
export const PATHWAY_LABELS: Words = words.PATHWAY_LABELS;
export const DISPOSAL_LABELS: Words = words.DISPOSAL_LABELS;
export const METHOD_LABELS: Words = words.METHOD_LABELS;
export const CONFIDENCE_LABELS: Words = words.CONFIDENCE_LABELS;
export const DOCUMENT_TYPE_LABELS: Words = words.DOCUMENT_TYPE_LABELS;
export const HYPOTHESIS_DOMAIN_LABELS: Words = words.HYPOTHESIS_DOMAIN_LABELS;
export const MEETING_KIND_LABELS: Words = words.MEETING_KIND_LABELS;
export const PROGRESS_LABELS: Words = words.PROGRESS_LABELS;
export const RESPONSE_LABELS: Words = words.RESPONSE_LABELS;
export const REVIEW_LABELS: Words = words.REVIEW_STATE_LABELS;
export const AGENCIES = Object.keys(AGENCY_LABELS);

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

export const DOCUMENT_STATUS_LABELS: Record<string, string> = {
  queued: 'Waiting to be filed',
  delivering: 'Being filed',
  blocked: 'Blocked',
  failed: 'Not filed: gave up',
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

export const JOB_STATUS_LABELS: Record<string, string> = { pending: 'Waiting to retry', blocked: 'Blocked', dead: 'Gave up' };

/** Why a delivery has not arrived: a blocked one's cause and who must act, otherwise its last error. */
export const whyOfJob = (j: Pick<UndeliveredJob, 'blocked' | 'lastError'>) => (j.blocked ? `${j.blocked.why} ${j.blocked.whoActs}` : (j.lastError ?? '—'));

export const UNREACHABLE_LABELS: Record<string, string> = {
  app_not_installed: 'Has not installed ECM for Teams',
  app_removed: 'Removed ECM for Teams',
  bot_blocked: 'Blocked the ECM bot',
  conversation_not_found: 'Their chat with the bot is gone',
};

export const MOVEMENT_LABELS: Words = { ...words.MOVEMENT_LABELS, none: 'Not placed yet' };
