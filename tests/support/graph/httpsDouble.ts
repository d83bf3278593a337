import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testTls } from './tls.js';

/** A request as the doubles see it: the whole body read, headers lower-cased. */
export interface DoubleRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer;
  raw: IncomingMessage;
}

export interface HttpsDouble {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts an HTTPS server on an ephemeral localhost port with the test certificate. */
export async function startHttpsDouble(handle: (req: DoubleRequest, res: ServerResponse) => Promise<void> | void): Promise<HttpsDouble> {
  const tls = await testTls();
  const server = createServer({ key: tls.key, cert: tls.cert }, (raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      const headers = Object.fromEntries(Object.entries(raw.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const url = new URL(raw.url ?? '/', `https://${raw.headers.host ?? 'localhost'}`);
      Promise.resolve(handle({ method: raw.method ?? 'GET', url, headers, body: Buffer.concat(chunks), raw }, res)).catch((error) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { code: 'generalException', message: String(error) } }));
        }
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    server,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
