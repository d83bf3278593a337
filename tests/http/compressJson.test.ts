import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressLargeJson, COMPRESS_FROM_BYTES } from '../../src/http/compressJson.js';

/** The raw answer, as the bytes came over the wire (fetch would unzip them unseen). */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((done, fail) => {
    httpRequest(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (p: Buffer) => parts.push(p));
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(parts) }));
    })
      .on('error', fail)
      .end();
  });
}

describe("the API's large JSON answers", () => {
  const large = { items: Array.from({ length: 1000 }, (_, i) => ({ id: i, description: 'Moved school after an exclusion, in a sentence of plain facts.' })) };
  let url: string;
  let close: () => void;
  beforeAll(async () => {
    const app = express();
    app.use(compressLargeJson());
    app.get('/large', (_req, res) => res.status(200).json(large));
    app.get('/small', (_req, res) => res.json({ staffId: 'ecm-sam' }));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it('go gzip’d to a client that accepts gzip, and unzip to the same JSON', async () => {
    expect(JSON.stringify(large).length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    const res = await get(`${url}/large`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(res.bytes.length).toBeLessThan(JSON.stringify(large).length / 5);
    expect(JSON.parse(gunzipSync(res.bytes).toString('utf8'))).toEqual(large);
  });

  it('go as they are to a client that does not ask for gzip', async () => {
    const res = await get(`${url}/large`, {});
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString('utf8'))).toEqual(large);
    const refused = await get(`${url}/large`, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('but small answers always go as they are: zipping them would cost more than it saves', async () => {
    const res = await get(`${url}/small`, { 'accept-encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString('utf8'))).toEqual({ staffId: 'ecm-sam' });
  });
});
