import type { Generated } from 'kysely';

/**
 * The tables, as both SQL adapters see them. JSON is kept as text so that SQLite and PostgreSQL
 * read and write it the same way; times are ISO strings in UTC, which sort as they compare.
 */
export interface Database {
  services: { id: string; name: string; settings: string };
  staff: { id: string; name: string; email: string; role: string; service_ids: string; agency: string; aad_object_id: string | null };
  case_reference_counters: { service_id: string; year: number; last: number };
  cases: {
    id: string;
    reference: string;
    service_id: string;
    child_name: string | null;
    child_dob: string | null;
    pathway: string;
    order_start: string | null;
    order_end: string | null;
    status: string;
    referral_reason: string;
    lawful_basis: string;
    legal_status: string;
    parental_responsibility: string | null;
    referred_by: string;
    referred_at: string;
    case_holder_id: string;
    closure_reason: string | null;
    closure_note: string | null;
    closed_at: string | null;
    version: number;
  };
  consultations: {
    case_id: string;
    disposal: string;
    child_initials: string;
    child_age: number;
    sharing_agreed_by: string | null;
    sharing_agreed_on: string | null;
    sharing_method: string | null;
    identified_at: string | null;
    became_case_at: string | null;
  };
  consultation_meetings: {
    id: string;
    case_id: string;
    held_on: string;
    ecm_team: string;
    advice: string;
    next_steps: string;
    follow_up_on: string | null;
    recorded_by: string;
    recorded_by_name: string;
    recorded_at: string;
  };
  agreements: {
    id: string;
    case_id: string;
    seq: number;
    party: string;
    decision: string;
    date: string;
    method: string;
    competence_note: string | null;
    family_involvement: string | null;
    recorded_by: string;
    recorded_by_name: string;
    recorded_at: string;
  };
  team_members: {
    case_id: string;
    staff_id: string;
    name: string;
    agency: string;
    case_role: string;
    invited_by: string;
    invited_at: string;
    invitation_expires_at: string;
    terms_accepted_at: string | null;
    terms_version: string | null;
  };
  timeline_entries: {
    id: string;
    case_id: string;
    when_json: string;
    span_start: string;
    span_end: string;
    life_stage: string;
    category: string;
    source_agency: string;
    confidence: string;
    description: string;
    contributor_id: string;
    contributor_name: string;
    created_at: string;
    updated_at: string;
    version: number;
    retraction_json: string | null;
  };
  timeline_revisions: {
    entry_id: string;
    case_id: string;
    version: number;
    content_json: string;
    retraction_json: string | null;
    changed_by: string;
    changed_by_name: string;
    changed_at: string;
  };
  formulations: {
    id: string;
    case_id: string;
    number: number;
    status: string;
    content_json: string;
    created_by: string;
    updated_by: string;
    updated_at: string;
    approved_by: string | null;
    approved_by_name: string | null;
    approved_at: string | null;
    version: number;
  };
  records_at_approval: { case_id: string; formulation_number: number; approved_at: string; record_json: string };
  formulation_revisions: {
    formulation_id: string;
    case_id: string;
    version: number;
    number: number;
    status: string;
    content_json: string;
    saved_by: string;
    saved_by_name: string;
    saved_at: string;
  };
  trm_placements: {
    id: string;
    case_id: string;
    level: number;
    rationale: string;
    effective_date: string;
    meeting_id: string | null;
    placed_by: string;
    placed_by_name: string;
    placed_at: string;
  };
  plan_actions: {
    id: string;
    case_id: string;
    recommendation_id: string;
    formulation_number: number;
    text: string;
    trm_level: number;
    relationship_based: number;
    sequence: number;
    owner_staff_id: string | null;
    owner_name: string | null;
    owner_agency: string;
    due_by: string | null;
    status: string;
    stopped_because: string | null;
    updated_by: string;
    updated_by_name: string;
    updated_at: string;
    version: number;
    added_at_meeting_id: string | null;
  };
  meetings: {
    id: string;
    case_id: string;
    kind: string;
    starts_at: string;
    ends_at: string;
    location: string | null;
    organiser_id: string;
    status: string;
    join_url: string | null;
    external_id: string | null;
    chat_id: string | null;
    started_at: string | null;
    ended_at: string | null;
    outcome_json: string | null;
    version: number;
  };
  meeting_attendees: {
    meeting_id: string;
    case_id: string;
    staff_id: string;
    name: string;
    response: string;
    responded_at: string | null;
  };
  meeting_notes: {
    id: string;
    meeting_id: string;
    case_id: string;
    kind: string;
    text: string;
    written_by: string;
    written_by_name: string;
    written_at: string;
  };
  transition_plans: {
    case_id: string;
    joining_json: string;
    relationships_json: string;
    written_by: string;
    written_by_name: string;
    written_at: string;
    version: number;
  };
  case_summaries: {
    case_id: string;
    kind: string;
    sections_json: string;
    status: string;
    formulation_number: number;
    approved_json: string | null;
    updated_by: string;
    updated_by_name: string;
    updated_at: string;
    version: number;
  };
  meeting_attendance: {
    meeting_id: string;
    case_id: string;
    staff_id: string;
    name: string;
    agency: string;
    mark: string;
    marked_by: string;
    marked_at: string;
  };
  evaluation_keys: {
    name: string;
    secret: string;
    created_at: string;
  };
  audit_events: {
    chain: string;
    seq: number;
    at: string;
    actor_id: string;
    action: string;
    case_id: string | null;
    service_id: string | null;
    detail_json: string;
    prev_hash: string;
    hash: string;
  };
  audit_heads: { chain: string; seq: number; hash: string };
  case_events: {
    seq: Generated<number>;
    case_id: string;
    type: string;
    actor_id: string;
    actor_name: string;
    data_json: string;
    at: string;
  };
  outbox_jobs: {
    id: string;
    kind: string;
    payload_json: string;
    dedupe_key: string | null;
    recipient: string | null;
    case_id: string | null;
    service_id: string | null;
    status: string;
    attempts: number;
    /** Times taken up by a worker (migration 0018). */
    claims: number;
    next_attempt_at: string;
    last_error: string | null;
    locked_by: string | null;
    locked_until: string | null;
    created_at: string;
    updated_at: string;
    blocked_cause: string | null;
    blocked_since: string | null;
  };
  sessions: { token_hash: string; staff_id: string; created_at: string; expires_at: string };
  ended_sessions: { session_id: string; staff_id: string; ended_at: string; expires_at: string };
  write_tallies: { person: string; window_start: string; writes: number };
  bot_conversations: {
    staff_id: string;
    reference_json: string | null;
    updated_at: string;
    unreachable_reason: string | null;
    unreachable_since: string | null;
  };
  idempotent_requests: {
    staff_id: string;
    request_key: string;
    fingerprint: string;
    claim_id: string;
    claimed_at: string;
    answer_json: string | null;
  };
  case_documents: {
    id: string;
    case_id: string;
    service_id: string;
    case_reference: string;
    file_name: string;
    document_type: string;
    document_version: string;
    review_date: string | null;
    retain_until: string | null;
    content: Uint8Array | null;
    size: number;
    sha256: string;
    status: string;
    library_item_id: string | null;
    library_version: string | null;
    web_url: string | null;
    published_by: string;
    created_at: string;
    delivered_at: string | null;
  };
  case_transfers: {
    id: string;
    case_id: string;
    from_service_id: string;
    from_reference: string;
    to_service_id: string;
    to_reference: string;
    reason: string | null;
    transferred_by: string;
    transferred_at: string;
    documents_moved_at: string | null;
    documents_moved: number | null;
  };
  record_exports: {
    id: string;
    case_id: string;
    service_id: string;
    reference: string;
    requested_for: string;
    note: string | null;
    requested_by: string;
    requested_at: string;
    expires_at: string;
    state: string;
    progress_done: number;
    progress_total: number;
    step: string | null;
    review_json: string;
    withheld_json: string;
    size: number | null;
    sha256: string | null;
    ready_at: string | null;
    error: string | null;
    content: Uint8Array | null;
  };
}

export type SqlDialect = 'sqlite' | 'postgres';
