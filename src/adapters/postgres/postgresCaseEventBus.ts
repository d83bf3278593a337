import pg from 'pg';
import type { CaseEvent } from '../../domain/caseEvents.js';
import type { CaseEventBus } from '../../ports/caseEventBus.js';
import type { Store } from '../../ports/store.js';
import { memoryCaseEventBus } from '../local/memoryCaseEventBus.js';
import { CASE_EVENTS_CHANNEL } from '../sql/migrations/0002_postgres.js';
import { connectionSettings, type PostgresTimeouts } from './openPostgresStore.js';

export interface PostgresCaseEventBusOptions {
  url: string;
  schema?: string | undefined;
  timeouts?: Partial<PostgresTimeouts>;
  /** Where the announced events are read from: the same database. */
  store: Store;
  onError(error: unknown): void;
  /** How long to wait before listening again when the connection is lost. */
  reconnectMs?: number;
}

interface Announcement {
  schema: string;
  caseId: string;
  seq: number;
}

/** An event announced with its content (migration 0025): `data` is the row's JSON text. */
interface AnnouncedInFull extends Announcement {
  type: CaseEvent['type'];
  actorId: string;
  actorName: string;
  at: string;
  data: string;
}

const inFull = (a: Announcement): a is AnnouncedInFull => typeof (a as Partial<AnnouncedInFull>).data === 'string';

const READ_AT_MOST = 500;

/**
 * Case events across every instance on one PostgreSQL database. The database announces each event
 * as it commits (NOTIFY, from a trigger: see migration 0002_postgres), in commit order, to every
 * instance; each instance reads the events of the cases its own watchers follow and hands them on.
 * The announcement carries the event itself when it fits in a NOTIFY payload (under 8000 bytes),
 * and is handed on as it arrives; a longer one carries only the case and number, and is read.
 *
 * For one case, numbers are in commit order, so reading "after the last one handed on" never skips
 * one. After a lost connection the bus listens again and catches up each watched case the same way.
 */
export async function listenForCaseEvents(o: PostgresCaseEventBusOptions): Promise<CaseEventBus> {
  const retryMs = o.reconnectMs ?? 1000;
  const local = memoryCaseEventBus(o.onError);
  const watchers = new Map<string, number>();
  /** Per watched case, the last event handed on. */
  const handedOn = new Map<string, number>();
  /** Per watched case, the highest number announced when watching began: where a catch-up starts if nothing was handed on. */
  const watchingSince = new Map<string, number>();
  let highestAnnounced = 0;
  let pending: Announcement[] = [];
  let reading: Promise<void> | null = null;
  let client: pg.Client | null = null;
  let closed = false;
  const timers = new Set<NodeJS.Timeout>();
  let schema = o.schema ?? '';

  /** Reads the announced cases' new events in one transaction and hands them on in number order. */
  async function readAndHandOn(): Promise<void> {
    while (pending.length > 0 && !closed) {
      const batch = pending;
      pending = [];
      const after = new Map<string, number>();
      for (const a of batch) {
        // For one case, announcements come in number order: the first of the batch is the earliest.
        const from = handedOn.get(a.caseId) ?? a.seq - 1;
        if (watchers.has(a.caseId) && a.seq > from && !after.has(a.caseId)) after.set(a.caseId, from);
      }
      if (after.size === 0) continue;
      let read: CaseEvent[][];
      try {
        read = await o.store.transaction(async (tx) => Promise.all([...after].map(([caseId, seq]) => tx.caseEvents.since(caseId, seq, READ_AT_MOST))));
      } catch (error) {
        pending = [...batch, ...pending];
        throw error;
      }
      for (const events of read) {
        for (const event of events) {
          if (!watchers.has(event.caseId)) break;
          handedOn.set(event.caseId, event.seq);
          local.publish(event);
        }
        const last = events[events.length - 1];
        // A burst longer than one read: carry on from where this read stopped.
        if (last && events.length === READ_AT_MOST) pending.push({ schema, caseId: last.caseId, seq: last.seq + 1 });
      }
    }
  }

  function drain(): void {
    if (reading || closed) return;
    reading = readAndHandOn().then(
      () => {
        reading = null;
        if (pending.length > 0) drain();
      },
      (error: unknown) => {
        reading = null;
        o.onError(error);
        // The database did not answer: try again shortly rather than drop what watchers wait for.
        later(drain);
      },
    );
  }

  function announce(a: Announcement): void {
    pending.push(a);
    drain();
  }

  function onNotification(message: pg.Notification): void {
    if (message.channel !== CASE_EVENTS_CHANNEL || !message.payload) return;
    let a: Announcement;
    try {
      a = JSON.parse(message.payload) as Announcement;
    } catch (error) {
      o.onError(error);
      return;
    }
    // Other schemas of the same database (other environments, test runs) announce on the same channel.
    if (a.schema !== schema) return;
    highestAnnounced = Math.max(highestAnnounced, Number(a.seq));
    if (!watchers.has(a.caseId)) return;
    // With nothing being read or waiting to be, this is the case's next event: hand it on now. A
    // read under way may be about to hand on this case's earlier ones, so the event waits its turn.
    if (inFull(a) && !reading && pending.length === 0) return handOnAnnounced(a);
    announce({ schema: a.schema, caseId: a.caseId, seq: Number(a.seq) });
  }

  function handOnAnnounced(a: AnnouncedInFull): void {
    const seq = Number(a.seq);
    if (seq <= (handedOn.get(a.caseId) ?? 0)) return;
    let data: unknown;
    try {
      data = JSON.parse(a.data) as unknown;
    } catch (error) {
      o.onError(error);
      return announce({ schema: a.schema, caseId: a.caseId, seq });
    }
    handedOn.set(a.caseId, seq);
    local.publish({ seq, caseId: a.caseId, type: a.type, actorId: a.actorId, actorName: a.actorName, data, at: a.at });
  }

  async function listen(): Promise<void> {
    const c = new pg.Client(connectionSettings(o, 'case events'));
    c.on('notification', onNotification);
    c.on('error', (error) => {
      o.onError(error);
      lost(c);
    });
    c.on('end', () => lost(c));
    await c.connect();
    try {
      await c.query(`listen ${CASE_EVENTS_CHANNEL}`);
      const { rows } = await c.query<{ schema: string; highest: string | null }>('select current_schema() as schema, max(seq) as highest from case_events');
      schema = rows[0]?.schema ?? schema;
      highestAnnounced = Math.max(highestAnnounced, Number(rows[0]?.highest ?? 0));
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    client = c;
  }

  function lost(c: pg.Client): void {
    if (client !== c || closed) return;
    client = null;
    later(relisten);
  }

  function relisten(): void {
    listen().then(catchUp, (error: unknown) => {
      o.onError(error);
      later(relisten);
    });
  }

  /** What committed while nobody listened: each watched case, read on from where it was. */
  function catchUp(): void {
    for (const caseId of watchers.keys()) {
      const from = handedOn.get(caseId) ?? watchingSince.get(caseId) ?? highestAnnounced;
      announce({ schema, caseId, seq: from + 1 });
    }
  }

  function later(then: () => void): void {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      then();
    }, retryMs);
    timer.unref?.();
    timers.add(timer);
  }

  await listen();

  return {
    // Nothing to do: the database announced the event as it committed, to this instance too.
    publish() {},
    subscribe(caseId, listener) {
      if (!watchers.has(caseId)) watchingSince.set(caseId, highestAnnounced);
      watchers.set(caseId, (watchers.get(caseId) ?? 0) + 1);
      const unsubscribe = local.subscribe(caseId, listener);
      return () => {
        unsubscribe();
        const left = (watchers.get(caseId) ?? 1) - 1;
        if (left > 0) return void watchers.set(caseId, left);
        watchers.delete(caseId);
        handedOn.delete(caseId);
        watchingSince.delete(caseId);
      };
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
      await reading;
      await local.close();
    },
  };
}
