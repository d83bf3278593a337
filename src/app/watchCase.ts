import type { CaseEvent } from '../domain/caseEvents.js';
import type { Principal } from '../domain/staff.js';
import { caseFor } from './access.js';
import type { AppDeps } from './deps.js';
import { inTransaction } from './unitOfWork.js';

export interface CaseWatch {
  reference: string;
  /** Sends missed events, then live ones, to the listener. Call once the transport is ready. */
  start(): void;
  stop(): void;
}

/** How many missed events a reconnecting watcher is sent; beyond that it reloads instead. */
const MAX_REPLAY = 500;

/**
 * Watches a case for the meeting side panel and stage. The listener subscribes before missed
 * events are read, so nothing committed in between is lost; repeats are dropped by sequence.
 */
export async function watchCase(deps: AppDeps, p: Principal, caseId: string, afterSeq: number, listener: (e: CaseEvent) => void): Promise<CaseWatch> {
  let live = false;
  let lastSeq = afterSeq;
  const buffered: CaseEvent[] = [];
  const deliver = (e: CaseEvent) => {
    if (e.seq <= lastSeq) return;
    lastSeq = e.seq;
    listener(e);
  };
  const unsubscribe = deps.bus.subscribe(caseId, (e) => (live ? deliver(e) : buffered.push(e)));
  try {
    const { reference, missed } = await inTransaction(deps, p, async (w) => {
      const { case: c } = await caseFor(w.tx, p, caseId, 'timeline.read');
      await w.audit({ action: 'case.watched', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
      return { reference: c.reference, missed: afterSeq > 0 ? await w.tx.caseEvents.since(c.id, afterSeq, MAX_REPLAY) : [] };
    });
    return {
      reference,
      start() {
        for (const e of missed) deliver(e);
        live = true;
        for (const e of buffered.sort((a, b) => a.seq - b.seq)) deliver(e);
        buffered.length = 0;
      },
      stop: unsubscribe,
    };
  } catch (error) {
    unsubscribe();
    throw error;
  }
}
