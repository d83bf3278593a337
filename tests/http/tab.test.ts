import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/http/security.js';
import { tabRoutes } from '../../src/http/tab.js';

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
});
