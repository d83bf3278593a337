import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { activeCase, entry } from '../support/factories.js';
import { PATIENCE_MS } from '../support/patience.js';
import { startTestServer, type Api, type TestServer } from '../support/testSystem.js';

/**
 * The real server (in-memory database, demo people, fixed clock) serving the built tab, and
 * Debian's Chromium driven by playwright-core. No browser is ever downloaded.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
export const ARTIFACTS = join(import.meta.dirname, 'artifacts');

/**
 * A browser context whose every wait (waitFor, click, fill, waitForResponse) is on its condition
 * within PATIENCE_MS, not Playwright's 30 s: a loaded machine makes the tab slower, not the test red.
 */
export async function newContext(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(PATIENCE_MS);
  context.setDefaultNavigationTimeout(PATIENCE_MS);
  return context;
}

export interface Harness {
  server: TestServer;
  browser: Browser;
  /** A browser context signed in as this demo person. */
  signedIn(staffId: string, options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page; api: Api }>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '100000' } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    server,
    browser,
    async signedIn(staffId, o = {}) {
      const api = await server.signIn(staffId);
      const context = await newContext(browser, { width: o.width ?? 1280, height: o.height ?? 900 });
      await context.addInitScript(`sessionStorage.setItem('ecm-dev-token', ${JSON.stringify(api.token)})`);
      const page = await context.newPage();
      return { context, page, api };
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** How a fixture case differs from another one made beside it (so that a test can tell their data apart). */
export interface CaseMarks {
  childName?: string;
  /** A word put into every text the case holds: entries, formulation, placements, meetings. */
  tag?: string;
  /** The partner from another agency invited to the team (police-jo unless said). */
  partner?: { staffId: string; agency: string };
}

/** A case ready for the meeting: referred and agreed by Amy (Bristol YJS), with a partner (PC Jo Harris unless said) who has accepted the terms. */
export async function meetingCase(h: Harness, entries = 3, marks: CaseMarks = {}): Promise<{ caseId: string; amy: Api }> {
  const tagged = (text: string) => (marks.tag ? `${text} (${marks.tag})` : text);
  const partner = marks.partner ?? { staffId: 'police-jo', agency: 'police' };
  const amy = await h.server.signIn('yjs-amy');
  const caseId = await activeCase(amy, {
    childName: marks.childName ?? 'Riley Fixture',
    ...(marks.tag ? { referralReason: tagged('Violence towards peers.') } : {}),
  });
  const sam = await h.server.signIn('ecm-sam');
  const invited = await sam.post(`/api/v1/cases/${caseId}/team`, { staffId: partner.staffId, agency: partner.agency, caseRole: 'partner' });
  if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
  const guest = await h.server.signIn(partner.staffId);
  const accepted = await guest.post(`/api/v1/cases/${caseId}/terms-acceptance`, {
    termsVersion: (await guest.get(`/api/v1/cases/${caseId}`)).body.terms.version,
  });
  if (accepted.status !== 201) throw new Error(`terms failed: ${JSON.stringify(accepted.body)}`);
  for (let i = 0; i < entries; i++) {
    await amy.post(
      `/api/v1/cases/${caseId}/timeline`,
      entry({
        when: { precision: 'age', age: 3 + i },
        description: tagged(`Fixture entry ${i + 1}: moved school.`),
        category: i % 2 ? 'positive_relationships' : 'education',
      }),
    );
  }
  return { caseId, amy };
}

export const tabUrl = (h: Harness, query = '', hash = '') => `${h.server.url}/tab/${query ? `?${query}` : ''}${hash}`;
