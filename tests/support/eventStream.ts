import type { Api } from './testSystem.js';

export interface StreamedEvent {
  id: string | null;
  type: string;
  data: any;
}

/**
 * A case's event stream as the side panel reads it: opened, read block by block, and awaited until
 * an event of the wanted type arrives (or the test's own timeout ends the wait).
 */
export async function openEventStream(api: Api, caseId: string, headers: Record<string, string> = {}) {
  const res = await api.raw(`/api/v1/cases/${caseId}/events`, { headers: { accept: 'text/event-stream', ...headers } });
  if (res.status !== 200 || !res.body) throw new Error(`the event stream did not open: ${res.status} ${await res.text()}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const received: StreamedEvent[] = [];
  let buffer = '';

  async function readBlock(): Promise<void> {
    const { value, done } = await reader.read();
    if (done) throw new Error('the event stream ended');
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split('\n\n');
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const type = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (type && data) received.push({ id: /^id: (.+)$/m.exec(block)?.[1] ?? null, type, data: JSON.parse(data) });
    }
  }

  let taken = 0;
  return {
    received,
    /** The next event of this type after the last one taken. */
    async next(type: string): Promise<StreamedEvent> {
      for (;;) {
        const index = received.findIndex((e, i) => i >= taken && e.type === type);
        if (index >= 0) {
          taken = index + 1;
          return received[index]!;
        }
        await readBlock();
      }
    },
    close: () => reader.cancel(),
  };
}
