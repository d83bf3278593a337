import { Router } from 'express';
import { z } from 'zod';
import type { AppDeps } from '../../app/deps.js';
import { parseInput } from '../../app/input.js';
import { watchCase } from '../../app/case/watchCase.js';
import type { LiveEvent, StreamReady } from '../../contract/caseEvents.js';
import type { CaseEvent } from '../../domain/caseEvents.js';
import { principal } from '../auth.js';

const resumeFrom = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const query = z.object({ after: resumeFrom.optional() }).strict();

/** Comments keep proxies and the Teams client from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

/**
 * An event as the stream sends it. Every watcher of a case is handed the same event object unless
 * something in it is withheld from them (watchCase.ts), so the frame is written once per event, not
 * once per watcher.
 */
const frames = new WeakMap<CaseEvent, string>();
function frameOf(e: CaseEvent): string {
  let frame = frames.get(e);
  if (frame === undefined) {
    // The payload was typed when it was emitted (unitOfWork.ts); the store hands it back as stored.
    const live = { seq: e.seq, type: e.type, at: e.at, actor: { id: e.actorId, name: e.actorName }, data: e.data } as LiveEvent;
    frame = `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(live)}\n\n`;
    frames.set(e, frame);
  }
  return frame;
}

/**
 * Server-sent events for one case: what changed, as it commits. A reconnecting client sends
 * Last-Event-ID (or ?after=) and receives what it missed; an id that is not an event of the case's
 * stream (0, one beyond the sequence) gets `resync: true`, since what it missed cannot be known.
 */
export function eventRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/cases/:caseId/events', async (req, res) => {
    const { after } = parseInput(query, req.query, 'The query');
    const lastEventId = req.get('Last-Event-ID');
    const afterSeq = lastEventId !== undefined ? parseInput(resumeFrom, lastEventId, 'Last-Event-ID') : (after ?? null);

    const send = (e: CaseEvent) => res.write(frameOf(e));
    // A client that leaves while the case is being looked up must not leave a subscription behind.
    let gone = false;
    let stop = () => {};
    res.on('close', () => {
      gone = true;
      stop();
    });
    const watch = await watchCase(deps, principal(res), req.params.caseId, afterSeq, send);
    if (gone) {
      watch.stop();
      return;
    }

    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      // Case data: no cache or proxy may keep a copy, as for the rest of the API.
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const ready: StreamReady = { reference: watch.reference, resync: watch.resync };
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify(ready)}\n\n`);
    watch.start();

    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    stop = () => {
      clearInterval(heartbeat);
      watch.stop();
    };
  });

  return r;
}
