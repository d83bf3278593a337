import type { CaseEvent } from '../domain/caseEvents.js';

/**
 * Fan-out of committed case events to the people watching the case. In one process it is memory;
 * several instances on PostgreSQL pass events through the database (LISTEN/NOTIFY).
 */
export interface CaseEventBus {
  /** Called after the transaction that recorded the event has committed. */
  publish(event: CaseEvent): void;
  subscribe(caseId: string, listener: (event: CaseEvent) => void): () => void;
  close(): Promise<void>;
}
