import type { AppDeps } from '../app/deps.js';
import { prepareDocumentsJob } from '../app/documents/prepareDocumentsJob.js';
import { publishDocumentJob } from '../app/documents/publishDocumentJob.js';
import { syncCalendarJob } from '../app/meetings/syncCalendarJob.js';
import { NOTIFY_KIND, notifyJob } from '../app/notifications/notifyJob.js';
import { buildRecordExportJob, expireRecordExportJob } from '../app/recordExport/buildRecordExportJob.js';
import { restampDocumentsJob } from '../app/retention/restampDocumentsJob.js';
import { moveCaseDocumentsJob } from '../app/transfer/moveCaseDocumentsJob.js';
import type { Deliverer, JobKind } from '../ports/outbox.js';

export interface JobOptions {
  /** At most this many notifications reach one person in any minute; the rest wait their turn. */
  notificationsPerMinute: number;
}

/**
 * Every kind of background job, each one module (its kind, payload schema, how it is queued and how
 * it is delivered). The outbox worker knows only what this table hands it.
 */
export function jobKinds(options: JobOptions): JobKind<unknown, AppDeps>[] {
  return [
    prepareDocumentsJob,
    publishDocumentJob,
    restampDocumentsJob,
    moveCaseDocumentsJob,
    syncCalendarJob,
    notifyJob(options.notificationsPerMinute),
    buildRecordExportJob,
    expireRecordExportJob,
  ];
}

/** A kind's deliverer: its payload is checked first, and one that does not parse is given up with the kind's own reason. */
export function delivererOf<P>(kind: JobKind<P, AppDeps>, deps: AppDeps): Deliverer {
  return async (job) => {
    const parsed = kind.payload.safeParse(job.payload);
    if (!parsed.success) return { ok: false, permanent: true, error: kind.malformed };
    return kind.deliver(deps, parsed.data, job);
  };
}

/**
 * The deliverers the worker runs, by kind. Notifications are delivered only while the bot is on:
 * without it they wait in the outbox, untried, until it is.
 */
export function deliverers(deps: AppDeps, options: JobOptions): Record<string, Deliverer> {
  const table: Record<string, Deliverer> = {};
  for (const kind of jobKinds(options)) {
    if (kind.kind === NOTIFY_KIND && !deps.notifier) continue;
    table[kind.kind] = delivererOf(kind, deps);
  }
  return table;
}
