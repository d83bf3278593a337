import type { Case } from '../../domain/case.js';
import { ruleViolation } from '../../domain/errors.js';
import type { Work } from '../unitOfWork.js';

/**
 * The case team, by staff id, after checking that everyone named for a meeting is on it: a meeting
 * is never a way to show case data to someone who has not joined the team.
 */
export async function teamAtMeeting(w: Work, c: Case, attendeeIds: readonly string[], refusal: string) {
  const team = new Map((await w.tx.team.list(c.id)).map((m) => [m.staffId, m]));
  const strangers = attendeeIds.filter((id) => !team.has(id));
  if (strangers.length) throw ruleViolation(refusal, { notOnTeam: strangers });
  return team;
}
