import { type CaseEvent, teamPlaceChangedBy, type TeamPlace } from '../../domain/caseEvents.js';
import type { IsoDate } from '../../domain/dates.js';
import { caseEventAsSeenBy } from '../../domain/restriction.js';
import type { Principal } from '../../domain/staff.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import { caseFor, mayBeToldOf } from '../access.js';
import type { AppDeps } from '../deps.js';
import { inTransaction } from '../unitOfWork.js';

export interface CaseWatch {
  reference: string;
  /**
   * More was missed than is replayed: nothing is replayed, and the watcher must load the case
   * afresh (a partial history would leave a silent gap between what it replays and what is live).
   */
  resync: boolean;
  /** Sends missed events, then live ones, to the listener. Call once the transport is ready. */
  start(): void;
  stop(): void;
}

/** How many missed events a reconnecting watcher is sent; beyond that it reloads instead. */
const MAX_REPLAY = 500;

/**
 * Watches a case for the meeting side panel and stage. The listener subscribes before missed
 * events are read, so nothing committed in between is lost; repeats are dropped by sequence.
 *
 * Each event goes to the watcher only if the policy lets them read what it carries, judged by their
 * place on the team when the event committed: a `team.changed` event about them moves that place
 * on, so accepting the terms or joining the team takes effect mid-stream without asking the store.
 */
export async function watchCase(
  deps: AppDeps,
  person: Principal,
  caseId: string,
  /** The last event the watcher has, when it resumes; null for a new watcher, who is sent only what happens next. */
  afterSeq: number | null,
  listener: (e: CaseEvent) => void,
): Promise<CaseWatch> {
  let live = false;
  let lastSeq = afterSeq ?? 0;
  let place: TeamPlace | null = null;
  let serviceId = '';
  let dateOfBirth: IsoDate | null = null;
  /** Entries as they stand now, for the replayed events that carry them: a restriction since decides. */
  let entriesNow = new Map<string, TimelineEntry | null>();
  const buffered: CaseEvent[] = [];
  const deliver = (e: CaseEvent) => {
    if (e.seq <= lastSeq) return;
    lastSeq = e.seq;
    const changed = teamPlaceChangedBy(e);
    if (changed?.staffId === person.staffId) place = changed.place;
    if (!mayBeToldOf(person, { serviceId }, place, e.type)) return;
    // A timeline event reaches someone who may not read a restricted entry with the entry withheld.
    const now = entriesNow.get((e.data as { id?: string } | null)?.id ?? '');
    listener(caseEventAsSeenBy(person, e, dateOfBirth, now));
  };
  const unsubscribe = deps.bus.subscribe(caseId, (e) => (live ? deliver(e) : buffered.push(e)));
  try {
    const { reference, missed, resync, latest } = await inTransaction(deps, person, async (w) => {
      // A new watcher is told only what commits after their place on the team is read: an event
      // committed before it (a notification that reaches the bus late) is already in that place.
      // Read first, so whatever commits between the two reads is delivered, never lost.
      const latest = afterSeq === null ? await w.tx.caseEvents.latestSeq(caseId) : 0;
      const { case: c, membership } = await caseFor(w.tx, person, caseId, 'timeline.read');
      await w.audit({ action: 'case.watched', caseId: c.id, serviceId: c.serviceId, detail: { reference: c.reference } });
      // Read from the resume point itself: it must be an event of this case, or the watcher's view
      // came from somewhere else (0, an id beyond the sequence, another case's) and cannot be patched.
      const read = afterSeq === null ? [] : await w.tx.caseEvents.since(c.id, afterSeq - 1, MAX_REPLAY + 2);
      const known = afterSeq === null || read[0]?.seq === afterSeq;
      const after = read.filter((e) => afterSeq !== null && e.seq > afterSeq);
      const resync = !known || after.length > MAX_REPLAY;
      const missed = resync ? [] : after;
      serviceId = c.serviceId;
      dateOfBirth = c.childDateOfBirth;
      const replayedEntries = new Set(missed.filter((e) => e.type.startsWith('timeline.')).map((e) => (e.data as { id: string }).id));
      entriesNow = new Map(await Promise.all([...replayedEntries].map(async (id) => [id, await w.tx.timeline.get(c.id, id)] as const)));
      // A place on the team only moves forward (invited, then terms accepted), so before the first
      // replayed event about this person they could read nothing the policy ties to the team: what
      // happened before they joined is not replayed to them.
      const joinedSince = missed.some((e) => teamPlaceChangedBy(e)?.staffId === person.staffId);
      place =
        joinedSince || !membership
          ? null
          : { caseRole: membership.caseRole, termsAcceptedAt: membership.termsAcceptedAt, termsVersion: membership.termsVersion };
      return { reference: c.reference, missed, resync, latest };
    });
    if (afterSeq === null) lastSeq = latest;
    // Starting afresh: whatever happens from now on is news, even under an id beyond the one given.
    if (resync) lastSeq = 0;
    return {
      reference,
      resync,
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
