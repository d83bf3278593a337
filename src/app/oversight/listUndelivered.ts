import type { BlockedDelivery, UndeliveredJob, UndeliveredList, UndeliveredMessages } from '../../contract/views.js';
import { z } from 'zod';
import { explainBlock } from '../../domain/deliveryBlock.js';
import type { Principal } from '../../domain/staff.js';
import type { OutboxJob } from '../../ports/outbox.js';
import type { StoreTx } from '../../ports/store.js';
import { assertServiceAllowed, caseFor } from '../access.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../input.js';
import { NOTIFY_KIND } from '../notifications/notifyJob.js';
import { inTransaction } from '../unitOfWork.js';

export const undeliveredQuerySchema = z.object({ status: z.enum(['pending', 'blocked', 'dead']).optional() }).strict();
type Status = z.infer<typeof undeliveredQuerySchema>['status'] & string;

/** Service names by id, for the plain words of a blocked delivery ("grant the app write on the Bristol … site"). */
async function serviceNames(tx: StoreTx): Promise<Map<string, string>> {
  return new Map((await tx.services.list()).map((s) => [s.id, s.name]));
}

/** What blocks a job and who must act, when it is blocked. */
export function blockedOf(j: OutboxJob, names: Map<string, string>): BlockedDelivery | null {
  if (j.status !== 'blocked' || !j.blockedCause) return null;
  const { cause, why, whoActs } = explainBlock(j.blockedCause, (j.serviceId && names.get(j.serviceId)) ?? j.serviceId ?? 'the service’s');
  return { cause, why, whoActs, since: j.blockedSince ?? j.updatedAt, nextTryAt: j.nextAttemptAt };
}

const shown = (j: OutboxJob, names: Map<string, string>): UndeliveredJob => ({
  id: j.id,
  kind: j.kind,
  status: j.status === 'dead' ? 'dead' : j.status === 'blocked' ? 'blocked' : 'pending',
  attempts: j.attempts,
  lastError: j.lastError,
  nextAttemptAt: j.status === 'dead' ? null : j.nextAttemptAt,
  caseId: j.caseId,
  createdAt: j.createdAt,
  blocked: blockedOf(j, names),
});

/** A person's messages that did not arrive, as one row however many there are. */
function byPerson(jobs: OutboxJob[], staffNames: Map<string, string>): UndeliveredMessages[] {
  const rows = new Map<string, UndeliveredMessages>();
  for (const j of jobs) {
    const who = j.recipient ?? 'unknown';
    const row = rows.get(who) ?? {
      recipient: who,
      name: staffNames.get(who) ?? who,
      messages: 0,
      status: 'dead',
      lastError: null,
      lastTriedAt: '',
      caseIds: [],
    };
    row.messages += 1;
    if (j.status !== 'dead') row.status = 'pending';
    if (j.updatedAt >= row.lastTriedAt) {
      row.lastTriedAt = j.updatedAt;
      row.lastError = j.lastError;
    }
    if (j.caseId && !row.caseIds.includes(j.caseId)) row.caseIds.push(j.caseId);
    rows.set(who, row);
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const LIMIT = 200;

/**
 * Jobs not yet delivered for a case or a service, dead first, then blocked (also for the
 * dashboard), with Teams messages apart: one row per person they did not reach, so a colleague who
 * never installed the app does not bury a document that an administrator must unblock.
 */
export async function undelivered(tx: StoreTx, filter: { caseId?: string; serviceId?: string }, status?: Status): Promise<UndeliveredList> {
  const statuses: Status[] = status ? [status] : ['dead', 'blocked', 'pending'];
  const jobs: OutboxJob[] = [];
  for (const s of statuses) jobs.push(...(await tx.outbox.list({ ...filter, status: s }, LIMIT)));
  const messages = jobs.filter((j) => j.kind === NOTIFY_KIND);
  const names = await serviceNames(tx);
  const staffNames = new Map<string, string>();
  for (const id of new Set(messages.flatMap((j) => (j.recipient ? [j.recipient] : [])))) {
    const person = await tx.staff.get(id);
    if (person) staffNames.set(id, person.name);
  }
  return {
    items: jobs.filter((j) => j.kind !== NOTIFY_KIND).map((j) => shown(j, names)),
    messages: byPerson(messages, staffNames),
  };
}

export async function listUndeliveredForCase(deps: AppDeps, person: Principal, caseId: string, query: unknown): Promise<UndeliveredList> {
  const { status } = parseInput(undeliveredQuerySchema, query, 'The query');
  return inTransaction(deps, person, async (w) => {
    const { case: c } = await caseFor(w.tx, person, caseId, 'documents.read');
    await w.audit({ action: 'deliveries.read', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
    return undelivered(w.tx, { caseId: c.id }, status);
  });
}

export async function listUndeliveredForService(deps: AppDeps, person: Principal, serviceId: string, query: unknown): Promise<UndeliveredList> {
  const { status } = parseInput(undeliveredQuerySchema, query, 'The query');
  return inTransaction(deps, person, async (w) => {
    assertServiceAllowed(person, 'dashboard.read', serviceId);
    await w.audit({ action: 'deliveries.read', caseId: null, serviceId, detail: {} });
    return undelivered(w.tx, { serviceId }, status);
  });
}
