import { API, authHeaders } from '../api/client.js';
import type { LiveEvent } from '../api/types.js';

/**
 * The case's server-sent events over fetch streaming: the API authenticates by the Authorization
 * header, which EventSource cannot send. On a drop it reconnects with Last-Event-ID and the server
 * replays what was missed.
 */
export interface SseMessage {
  id?: string;
  event: string;
  data: string;
  retry?: number;
}

/** Splits a buffer into complete messages and what is left over (a message still arriving). */
export function parseSse(buffer: string): { messages: SseMessage[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const messages: SseMessage[] = [];
  for (const block of blocks) {
    const m: SseMessage = { event: 'message', data: '' };
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      any = true;
      if (field === 'event') m.event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') m.id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) m.retry = Number(value);
    }
    if (!any) continue;
    m.data = data.join('\n');
    messages.push(m);
  }
  return { messages, rest };
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface WatchOptions {
  onEvent: (e: LiveEvent) => void;
  onState?: (s: LiveState, detail?: string) => void;
  /** The server missed more than it replays: load the view afresh. */
  onResync?: () => void;
  /** Resume after this event (the last one the view already applied). */
  lastEventId?: string | null;
  fetchImpl?: typeof fetch;
}

const MAX_BACKOFF_MS = 30_000;

function readyAsksResync(data: string): boolean {
  try {
    return (JSON.parse(data) as { resync?: unknown }).resync === true;
  } catch {
    return false;
  }
}

/** Watches a case until `stop()`; returns the stopper. */
export function watchCaseEvents(caseId: string, o: WatchOptions): () => void {
  const controller = new AbortController();
  let lastId = o.lastEventId ?? null;
  let retryMs = 3000;
  let failures = 0;
  const doFetch = o.fetchImpl ?? fetch;

  const run = async () => {
    while (!controller.signal.aborted) {
      o.onState?.(failures === 0 ? 'connecting' : 'reconnecting');
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...(await authHeaders()) };
        if (lastId) headers['last-event-id'] = lastId;
        const res = await doFetch(`${API}/cases/${encodeURIComponent(caseId)}/events`, { headers, signal: controller.signal, cache: 'no-store' });
        if ([401, 403, 404].includes(res.status)) {
          o.onState?.('stopped', `The live feed was refused (${res.status}).`);
          return;
        }
        if (!res.ok || !res.body) throw new Error(`status ${res.status}`);
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const { messages, rest } = parseSse(buffer);
          buffer = rest;
          for (const m of messages) {
            // Stopped (the page moved to another case) while this chunk was read: nothing more is delivered.
            if (controller.signal.aborted) return;
            if (m.retry) retryMs = m.retry;
            if (m.event === 'ready') {
              failures = 0;
              o.onState?.('live');
              if (readyAsksResync(m.data)) o.onResync?.();
              continue;
            }
            if (m.id) lastId = m.id;
            try {
              o.onEvent(JSON.parse(m.data) as LiveEvent);
            } catch {
              // a malformed event is skipped; the next reload shows the truth
            }
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      failures += 1;
      const wait = Math.min(MAX_BACKOFF_MS, retryMs * 2 ** Math.min(failures - 1, 4)) * (0.8 + Math.random() * 0.4);
      o.onState?.('reconnecting');
      await new Promise((ok) => setTimeout(ok, wait));
    }
  };
  void run();
  return () => {
    controller.abort();
    o.onState?.('stopped');
  };
}
