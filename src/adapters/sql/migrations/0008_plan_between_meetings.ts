import type { Kysely, Migration } from 'kysely';

/**
 * The plan between meetings: one action per recommendation of an approved formulation, with its
 * owner (a person, or an agency while nobody is named), "by when" and status, indexed by owner for
 * each person's actions across all their cases; and each meeting's attendance register, kept apart
 * from the replies to its invitation.
 */
export const planBetweenMeetings = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('plan_actions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('recommendation_id', 'text', (c) => c.notNull())
      .addColumn('formulation_number', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('trm_level', 'real', (c) => c.notNull())
      .addColumn('relationship_based', 'integer', (c) => c.notNull())
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('owner_staff_id', 'text')
      .addColumn('owner_name', 'text')
      .addColumn('owner_agency', 'text', (c) => c.notNull())
      .addColumn('due_by', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('stopped_because', 'text')
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_by_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addUniqueConstraint('plan_actions_one_per_recommendation', ['case_id', 'recommendation_id'])
      .execute();
    await db.schema.createIndex('plan_actions_by_owner').on('plan_actions').column('owner_staff_id').execute();
    await db.schema
      .createTable('meeting_attendance')
      .addColumn('meeting_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('agency', 'text', (c) => c.notNull())
      .addColumn('mark', 'text', (c) => c.notNull())
      .addColumn('marked_by', 'text', (c) => c.notNull())
      .addColumn('marked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'staff_id'])
      .execute();
  },
});
