import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

/**
 * The path exactly as written, with nothing normalised: fetch would fold `%2e%2e` into `..` and
 * resolve it before sending, which a scanner does not.
 */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((ok, fail) => {
    request({ hostname, port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    })
      .on('error', fail)
      .end();
  });
}

/** Scanners try malformed and climbing addresses by the thousand: each is the caller's mistake, never an error of ours. */
describe('addresses nobody could mean', () => {
  let t: TestServer;
  let token: string;
  const lines: { level: string; message: string }[] = [];
  beforeAll(async () => {
    const logger = createLogger('debug', (line) => lines.push(JSON.parse(line) as { level: string; message: string }));
    t = await startTestServer({ overrides: { logger } });
    token = (await t.signIn('ecm-sam')).token;
  });
  afterAll(() => t.close());

  it('a malformed percent-escape in a case or service address is a 400 in the error envelope', async () => {
    for (const path of ['/api/v1/cases/%zz', '/api/v1/cases/%zz/timeline', '/api/v1/services/%c0/dashboard']) {
      const res = await rawGet(t.url, path, { authorization: `Bearer ${token}` });
      expect(res.status, path).toBe(400);
      expect(JSON.parse(res.body), path).toEqual({ error: { code: 'malformed_path', message: expect.stringContaining('percent-escape') } });
    }
  });

  it('anything under /tab that is not a file is 404: a folder, a climb out of the assets, a bad escape', async () => {
    for (const path of [
      '/tab/assets/',
      '/tab/assets',
      '/tab/assets/%2e%2e/index.html',
      '/tab/assets/..%2F..%2Fpackage.json',
      '/tab/assets/%zz.js',
      '/tab/nothing-here',
    ]) {
      const res = await rawGet(t.url, path);
      expect(res.status, path).toBe(404);
      expect(JSON.parse(res.body), path).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('none of them is logged as an error', async () => {
    await rawGet(t.url, '/api/v1/cases/%zz', { authorization: `Bearer ${token}` });
    await rawGet(t.url, '/tab/assets/%2e%2e/index.html');
    expect(lines.length).toBeGreaterThan(0); // the logger is listening: the demo data's loading was logged
    expect(lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
