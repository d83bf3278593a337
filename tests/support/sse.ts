import { PATIENCE_MS } from './patience.js';

/** Reads server-sent events from a fetch response, for tests. */
export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

export function readEvents(res: Response) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let done = false;
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (event && data) events.push({ id: /^id: (.+)$/m.exec(block)?.[1] ?? null, event, data: JSON.parse(data) });
      }
      waiters.splice(0).forEach((w) => w());
    }
    done = true;
    waiters.splice(0).forEach((w) => w());
  })();
  return {
    events,
    /** Resolves when `predicate` holds for the events received, or rejects after `ms` (generous: see patience.ts). */
    async until(predicate: (events: SseEvent[]) => boolean, ms = PATIENCE_MS): Promise<SseEvent[]> {
      const deadline = Date.now() + ms;
      while (!predicate(events)) {
        if (done || Date.now() > deadline) throw new Error(`events did not arrive: ${events.map((e) => e.event).join(', ')}`);
        await new Promise<void>((ok) => {
          waiters.push(ok);
          setTimeout(ok, 50);
        });
      }
      return events;
    },
    close: () => reader.cancel(),
  };
}
