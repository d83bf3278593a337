import http from 'node:http';

/**
 * Plain node:http for the load a benchmark makes: keep-alive connections, no parsing beyond what is
 * measured, so the load generator costs as little as it can beside the server it measures.
 */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets });
}

export function postJson(agent: http.Agent, url: string, path: string, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((ok, fail) => {
    const req = http.request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

export interface ReceivedEvent {
  type: string;
  seq: number;
  /** When the block arrived, on the machine's monotonic clock (ms). */
  atMs: number;
  data: string;
}

export interface EventStream {
  ready: Promise<void>;
  received: ReceivedEvent[];
  close(): void;
}

/** A case's event stream, as the meeting side panel holds it open; every block is stamped on arrival. */
export function openStream(url: string, caseId: string, token: string, keepData = false): EventStream {
  const received: ReceivedEvent[] = [];
  let markReady: () => void = () => {};
  let failReady: (e: Error) => void = () => {};
  const ready = new Promise<void>((ok, fail) => {
    markReady = ok;
    failReady = fail;
  });
  const req = http.get(`${url}/api/v1/cases/${caseId}/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (res) => {
    if (res.statusCode !== 200) return failReady(new Error(`the event stream did not open: ${res.statusCode}`));
    let buffer = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      const atMs = nowMs();
      buffer += chunk;
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const type = /^event: (.+)$/m.exec(block)?.[1];
        if (type === 'ready') markReady();
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        if (type && id) received.push({ type, seq: Number(id), atMs, data: keepData ? (/^data: (.+)$/m.exec(block)?.[1] ?? '') : '' });
      }
    });
  });
  req.on('error', (e) => failReady(e));
  return { ready, received, close: () => req.destroy() };
}
