import type { Kysely, Migration } from 'kysely';

/**
 * An action a review adds to the plan, not carried from a recommendation: it names the meeting
 * that agreed it, so approving a later formulation version neither stops it nor renames it.
 */
export const actionsAddedAtReview = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('plan_actions').addColumn('added_at_meeting_id', 'text').execute();
  },
});
