import { z } from 'zod';
import { ruleViolation } from '../../domain/errors.js';
import { staffIdSchema, type Principal } from '../../domain/staff.js';
import { caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { inTransaction } from '../unitOfWork.js';

const instant = z.iso.datetime({ offset: true });

export const suggestTimesSchema = z
  .object({
    attendeeIds: z.array(staffIdSchema).min(1).max(20),
    from: instant,
    to: instant,
    durationMinutes: z.number().int().min(15).max(480).default(90),
  })
  .strict()
  .refine((s) => Date.parse(s.to) > Date.parse(s.from), { message: 'the window must end after it starts', path: ['to'] })
  .refine((s) => Date.parse(s.to) - Date.parse(s.from) <= 62 * 86_400_000, { message: 'the window is at most 62 days', path: ['to'] });

/**
 * Times when the organiser and the invited team members are all free, from their calendars'
 * free/busy. In Microsoft 365 mode this acts for the signed-in organiser (`assertion`, On-Behalf-Of);
 * only free/busy is read, never what the other meetings are.
 */
export async function suggestMeetingTimes(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  input: unknown,
  assertion: string | null,
): Promise<{ start: string; end: string }[]> {
  const data = parseInput(suggestTimesSchema, input, 'The request');
  const people = await inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'meeting.schedule');
    const team = new Set((await w.tx.team.list(c.id)).map((m) => m.staffId));
    const strangers = data.attendeeIds.filter((id) => !team.has(id) && id !== person.staffId);
    if (strangers.length) throw ruleViolation('Everyone invited to a meeting must first be on the case team.', { notOnTeam: strangers });
    await w.audit({
      action: 'meeting.times.suggested',
      caseId: c.id,
      serviceId: c.serviceId,
      detail: { reference: c.reference, people: data.attendeeIds.length },
    });
    const staff = await Promise.all([person.staffId, ...data.attendeeIds.filter((id) => id !== person.staffId)].map((id) => w.tx.staff.get(id)));
    return staff.filter((s) => s !== null).map((s) => ({ email: s.email, name: s.name, aadObjectId: s.aadObjectId }));
  });
  return deps.calendar.suggestTimes(people, data.from, data.to, data.durationMinutes, assertion);
}
