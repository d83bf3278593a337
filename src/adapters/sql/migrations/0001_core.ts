import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../schema.js';

/** The core tables: services, people, cases and everything recorded on them, audit, events, outbox. */
export const core = (dialect: SqlDialect): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('services')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('service_ids', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('aad_object_id', 'text', (c) => c.unique())
      .execute();

    await db.schema
      .createTable('case_reference_counters')
      .addColumn('service_id', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('last', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_reference_counters_pk', ['service_id', 'year'])
      .execute();

    await db.schema
      .createTable('cases')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('service_id', 'text', (c) => c.notNull().references('services.id'))
      .addColumn('child_name', 'text', (c) => c.notNull())
      .addColumn('child_dob', 'text', (c) => c.notNull())
      .addColumn('pathway', 'text', (c) => c.notNull())
      .addColumn('order_start', 'text')
      .addColumn('order_end', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('referral_reason', 'text', (c) => c.notNull())
      .addColumn('lawful_basis', 'text', (c) => c.notNull())
      .addColumn('referred_by', 'text', (c) => c.notNull())
      .addColumn('referred_at', 'text', (c) => c.notNull())
      .addColumn('case_holder_id', 'text', (c) => c.notNull())
      .addColumn('closure_reason', 'text')
      .addColumn('closure_note', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cases_by_service').on('cases').columns(['service_id', 'referred_at']).execute();

    await db.schema
      .createTable('agreements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('party', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('competence_note', 'text')
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .addColumn('recorded_by_name', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('agreements_in_order').on('agreements').columns(['case_id', 'seq']).unique().execute();

    await db.schema
      .createTable('team_members')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('case_role', 'text', (c) => c.notNull())
      .addColumn('invited_by', 'text', (c) => c.notNull())
      .addColumn('invited_at', 'text', (c) => c.notNull())
      .addColumn('invitation_expires_at', 'text', (c) => c.notNull())
      .addColumn('terms_accepted_at', 'text')
      .addColumn('terms_version', 'text')
      .addPrimaryKeyConstraint('team_members_pk', ['case_id', 'staff_id'])
      .execute();
    await db.schema.createIndex('team_members_by_staff').on('team_members').column('staff_id').execute();

    await db.schema
      .createTable('timeline_entries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('when_json', 'text', (c) => c.notNull())
      .addColumn('span_start', 'text', (c) => c.notNull())
      .addColumn('span_end', 'text', (c) => c.notNull())
      .addColumn('life_stage', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('source_agency', 'text', (c) => c.notNull())
      .addColumn('confidence', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('contributor_id', 'text', (c) => c.notNull())
      .addColumn('contributor_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('retraction_json', 'text')
      .execute();
    await db.schema.createIndex('timeline_in_life_order').on('timeline_entries').columns(['case_id', 'span_start', 'span_end', 'created_at', 'id']).execute();

    await db.schema
      .createTable('timeline_revisions')
      .addColumn('entry_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('retraction_json', 'text')
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_by_name', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('timeline_revisions_pk', ['entry_id', 'version'])
      .execute();
    await db.schema.createIndex('timeline_revisions_by_case').on('timeline_revisions').column('case_id').execute();

    await db.schema
      .createTable('formulations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('approved_by', 'text')
      .addColumn('approved_by_name', 'text')
      .addColumn('approved_at', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('formulations_case_number', ['case_id', 'number'])
      .execute();

    await db.schema
      .createTable('formulation_revisions')
      .addColumn('formulation_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('content_json', 'text', (c) => c.notNull())
      .addColumn('saved_by', 'text', (c) => c.notNull())
      .addColumn('saved_by_name', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('formulation_revisions_pk', ['formulation_id', 'version'])
      .execute();
    await db.schema.createIndex('formulation_revisions_by_case').on('formulation_revisions').column('case_id').execute();

    await db.schema
      .createTable('trm_placements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('level', 'real', (c) => c.notNull())
      .addColumn('rationale', 'text', (c) => c.notNull())
      .addColumn('effective_date', 'text', (c) => c.notNull())
      .addColumn('meeting_id', 'text')
      .addColumn('placed_by', 'text', (c) => c.notNull())
      .addColumn('placed_by_name', 'text', (c) => c.notNull())
      .addColumn('placed_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('trm_by_case').on('trm_placements').column('case_id').execute();

    await db.schema
      .createTable('meetings')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('location', 'text')
      .addColumn('organiser_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('join_url', 'text')
      .addColumn('external_id', 'text')
      .addColumn('outcome_json', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('meetings_by_case').on('meetings').columns(['case_id', 'starts_at']).execute();

    await db.schema
      .createTable('meeting_attendees')
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('response', 'text', (c) => c.notNull())
      .addColumn('responded_at', 'text')
      .addPrimaryKeyConstraint('meeting_attendees_pk', ['meeting_id', 'staff_id'])
      .execute();

    await db.schema
      .createTable('audit_events')
      .addColumn('chain', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('service_id', 'text')
      .addColumn('detail_json', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_events_pk', ['chain', 'seq'])
      .execute();
    await db.schema.createIndex('audit_by_case').on('audit_events').column('case_id').execute();

    await db.schema
      .createTable('audit_heads')
      .addColumn('chain', 'text', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('case_events')
      .addColumn('seq', dialect === 'postgres' ? 'serial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('data_json', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_events_by_case').on('case_events').columns(['case_id', 'seq']).execute();

    await db.schema
      .createTable('outbox_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('payload_json', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('recipient', 'text')
      .addColumn('case_id', 'text')
      .addColumn('service_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('last_error', 'text')
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('outbox_due').on('outbox_jobs').columns(['status', 'next_attempt_at']).execute();
    await db.schema.createIndex('outbox_by_recipient').on('outbox_jobs').columns(['recipient', 'created_at']).execute();

    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
  },
});
