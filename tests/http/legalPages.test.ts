import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGAL_PAGES } from '../../src/http/routes/legalPages.js';
import { startTestServer, type TestServer } from '../support/testSystem.js';

/** The pages the Teams manifest links to: public, readable, and within the server's CSP. */
describe('the privacy notice, terms of use and help pages', () => {
  let t: TestServer;
  const pages = new Map<string, { status: number; headers: Headers; html: string }>();
  beforeAll(async () => {
    t = await startTestServer();
    for (const path of Object.keys(LEGAL_PAGES)) {
      const res = await fetch(`${t.url}${path}`); // no sign-in: Teams shows these links before anyone signs in
      pages.set(path, { status: res.status, headers: res.headers, html: await res.text() });
    }
  });
  afterAll(() => t.close());

  it.each(Object.keys(LEGAL_PAGES))('%s is served to anyone as HTML under the CSP', (path) => {
    const page = pages.get(path)!;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors');
    // Nothing the CSP would block, nothing that runs: no scripts, handlers or inline styles.
    expect(page.html).not.toMatch(/<script|\son[a-z]+=|\sstyle=|<style/i);
  });

  it.each(Object.keys(LEGAL_PAGES))('%s is structured for screen readers and keyboards', (path) => {
    const { html } = pages.get(path)!;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en-GB">/);
    expect(html).toMatch(/<title>[^<]+ – ECM for Teams<\/title>/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0), `heading ${i + 1}`).toBeLessThanOrEqual(1));
    expect(html).toContain('<a class="skip" href="#main">');
    expect(html).toContain('<main id="main">');
    expect(html).toContain(`<a href="${path}" aria-current="page">`);
    for (const [, text] of html.matchAll(/<a [^>]*>([^<]*)<\/a>/g)) expect(text!.trim()).not.toBe('');
    for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) expect(table).toMatch(/<caption>[\s\S]*<th scope="col">/);
  });

  it('links only to each other, to the stylesheet on this server and to the regulator', async () => {
    const targets = new Set([...pages.values()].flatMap(({ html }) => [...html.matchAll(/(?:href)="([^"#]+)"/g)].map((m) => m[1]!)));
    for (const target of targets) {
      if (target.startsWith('https://')) expect(target).toBe('https://ico.org.uk/make-a-complaint/');
      else {
        const res = await fetch(`${t.url}${target}`);
        expect(res.status, target).toBe(200);
        if (target.endsWith('.css')) expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
      }
    }
  });

  it('the privacy notice says what the app holds, who sees it, and what never leaves it', () => {
    const { html } = pages.get('/privacy')!;
    for (const fact of [
      'controller',
      'date of birth',
      'case reference',
      'public task',
      'not the lawful basis',
      'audit trail',
      'SharePoint',
      'Data Protection Officer',
      'Information Commissioner',
    ]) {
      expect(html).toContain(fact);
    }
  });
});
