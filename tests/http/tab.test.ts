import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/http/security.js';
import { tabRoutes } from '../../src/http/tab.js';
import { precompressAssets } from '../../scripts/precompress.js';

/** The code of a tab, long enough to be worth compressing (like the real 400 KB bundle, only smaller). */
const BUNDLE = Array.from({ length: 400 }, (_, i) => `export const section${i} = () => render("timeline entry ${i}", { lane: ${i % 9} });`).join('\n');

/** A raw GET, so the test sees the bytes and headers as sent (fetch would unpack them). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((ok, fail) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

/** The tab is served by the API's own server at /tab: the page never cached, its hashed code cached for good. */
describe('serving the tab at /tab', () => {
  let built: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), 'ecm-tab-'));
    mkdirSync(join(built, 'assets'));
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>ECM</title><script type="module" src="/tab/assets/index-abc.js"></script>');
    writeFileSync(join(built, 'assets', 'index-abc.js'), 'console.log("tab")');
    writeFileSync(join(built, 'assets', 'Content-def.js'), BUNDLE);
    precompressAssets(join(built, 'assets'));
    const app = express();
    app.use(securityHeaders());
    app.use('/tab', tabRoutes(built));
    app.use('/missing', tabRoutes(join(built, 'not-built')));
    await new Promise<void>((ok) => {
      server = app.listen(0, '127.0.0.1', () => ok());
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('redirects /tab to /tab/, keeping the query a configured tab carries', async () => {
    const res = await fetch(`${url}/tab?caseId=abc`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/tab/?caseId=abc');
  });

  it('serves the page uncached, under the strict content security policy, framable by Teams', async () => {
    const res = await fetch(`${url}/tab/?caseId=abc`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://res.cdn.office.net");
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://teams.microsoft.com');
    expect(await res.text()).toContain('/tab/assets/index-abc.js');
  });

  it('caches the hashed code for a year and answers 404 for code that is not there', async () => {
    const res = await fetch(`${url}/tab/assets/index-abc.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${url}/tab/assets/nothing.js`)).status).toBe(404);
  });

  it('says how to build the tab when it has not been built', async () => {
    const res = await fetch(`${url}/missing/`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as any).error.message).toContain('npm run build:tab');
  });

  describe('compressed, as the build prepared it', () => {
    const CHROME = 'gzip, deflate, br, zstd';

    it('sends Brotli to a browser that accepts it, which unpacks to the very same code', async () => {
      const res = await rawGet(`${url}/tab/assets/Content-def.js`, { 'accept-encoding': CHROME });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers.vary).toContain('Accept-Encoding');
      expect(res.headers['cache-control']).toContain('immutable');
      expect(res.body.length).toBeLessThan(BUNDLE.length / 5);
      expect(brotliDecompressSync(res.body).toString()).toBe(BUNDLE);
    });

    it('sends gzip to a client that takes only gzip, and the plain file to one that takes neither', async () => {
      const gzip = await rawGet(`${url}/tab/assets/Content-def.js`, { 'accept-encoding': 'gzip' });
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(BUNDLE);

      const plain = await rawGet(`${url}/tab/assets/Content-def.js`, { 'accept-encoding': 'identity' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toContain('Accept-Encoding');
      expect(plain.body.toString()).toBe(BUNDLE);

      const refused = await rawGet(`${url}/tab/assets/Content-def.js`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body.toString()).toBe(BUNDLE);
    });

    it('leaves a file too small to gain as it is, and lets no path out of the assets folder', async () => {
      const small = await rawGet(`${url}/tab/assets/index-abc.js`, { 'accept-encoding': CHROME });
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.body.toString()).toBe('console.log("tab")');
      const escape = await rawGet(`${url}/tab/assets/..%2F..%2Fetc%2Fpasswd`, { 'accept-encoding': CHROME });
      expect(escape.status).toBe(404);
    });
  });
});
