import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richCase } from './fixtures.js';
import { ARTIFACTS, newContext, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * Every view, in the light, dark and high-contrast themes: axe-core finds no serious or critical
 * violation of WCAG 2.2 A/AA, and a screenshot of each is kept in tests/browser/artifacts.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const THEMES = ['default', 'dark', 'contrast'] as const;

interface View {
  name: string;
  who: string;
  width?: number;
  url: (caseId: string, theme: string) => string;
  ready: (page: Page) => Promise<unknown>;
  signedOut?: boolean;
}

async function violations(page: Page) {
  await page.evaluate(axeSource);
  // A string, so the root type check (Node only, no DOM) need not know the page's globals.
  const result = (await page.evaluate(`axe.run(
    // Tabster (Fluent's focus manager) places aria-hidden focus sentinels that hand focus straight on; they are not content.
    { exclude: [['[data-tabster-dummy]']] },
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } },
  )`)) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

describe('accessibility of every view in every theme', () => {
  let h: Harness;
  let caseId: string;
  beforeAll(async () => {
    h = await startHarness();
    ({ caseId } = await richCase(h));
    // A meeting held now, recorded with its outcome, so the side panel has a register to take.
    const now = h.server.clock.now().getTime();
    const sam = await h.server.signIn('ecm-sam');
    const held = await sam.post(`/api/v1/cases/${caseId}/meetings`, {
      kind: 'consultation',
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      attendeeIds: ['yjs-amy', 'police-jo'],
      status: 'held',
      outcome: { summary: 'A consultation held before it was scheduled here.', nextReviewDue: null },
    });
    expect(held.status, JSON.stringify(held.body)).toBe(201);
  });
  afterAll(() => h?.close());

  const views: View[] = [
    {
      name: 'sign-in',
      who: '',
      signedOut: true,
      url: (_c, t) => tabUrl(h, `theme=${t}`),
      ready: (p) => p.getByRole('heading', { name: /local sign-in/ }).waitFor(),
    },
    { name: 'caseload', who: 'ecm-sam', url: (_c, t) => tabUrl(h, `theme=${t}`, '#/'), ready: (p) => p.getByRole('table', { name: 'My cases' }).waitFor() },
    {
      name: 'refer',
      who: 'yjs-amy',
      url: (_c, t) => tabUrl(h, `theme=${t}`, '#/refer'),
      ready: (p) => p.getByRole('heading', { name: 'Refer a young person' }).waitFor(),
    },
    {
      name: 'case-overview',
      who: 'yjs-amy',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/overview`),
      ready: async (p) => {
        await p.getByRole('table', { name: 'Case team' }).waitFor();
        await p.getByRole('table', { name: 'Published documents' }).waitFor();
        await p.getByText(/The bot cannot reach/).waitFor();
      },
    },
    {
      name: 'timeline',
      who: 'ecm-sam',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/timeline`),
      ready: (p) => p.locator('[data-live-state="live"]').waitFor(),
    },
    {
      // The jigsaw opened in a 320 px side panel: its grid scrolls inside its own region, gaps drawn as such.
      name: 'timeline-jigsaw-320',
      who: 'ecm-sam',
      width: 320,
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/timeline`),
      ready: async (p) => {
        await p.getByText('Who knows what: the jigsaw of the child’s life').click();
        const grid = p.getByRole('table', { name: /life stage \(rows\) and agency/ });
        await grid.waitFor();
        await grid.getByText('missing piece').first().waitFor({ state: 'attached' });
      },
    },
    {
      name: 'formulation',
      who: 'psy-helen',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/formulation`),
      ready: async (p) => {
        await p
          .getByRole('button', { name: /Show its evidence/ })
          .first()
          .click();
        await p.getByText('Evidence', { exact: true }).first().waitFor();
        await p.getByRole('heading', { name: 'Compare versions' }).waitFor();
      },
    },
    {
      name: 'trm',
      who: 'ecm-sam',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/trm`),
      ready: (p) => p.getByRole('table', { name: 'TRM placements' }).waitFor(),
    },
    {
      name: 'meetings',
      who: 'ecm-sam',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/meetings`),
      ready: async (p) => {
        await p.getByRole('table', { name: 'Meetings' }).waitFor();
        await p.getByRole('button', { name: /^Show/ }).first().click();
      },
    },
    {
      name: 'actions',
      who: 'ecm-sam',
      url: (c, t) => tabUrl(h, `theme=${t}`, `#/cases/${c}/actions`),
      ready: async (p) => {
        await p.getByRole('list', { name: 'Actions in order' }).getByRole('listitem').first().waitFor();
        await p.getByRole('button', { name: 'Update' }).first().click();
        await p.getByRole('form', { name: 'Update the action' }).waitFor();
      },
    },
    {
      name: 'my-actions-320',
      who: 'police-jo',
      width: 320,
      url: (_c, t) => tabUrl(h, `theme=${t}`, '#/my-actions'),
      ready: async (p) => {
        await p.getByRole('list', { name: 'My actions' }).getByRole('listitem').first().waitFor();
        await p.getByRole('button', { name: 'Update' }).first().click();
        await p.getByRole('form', { name: 'Update the action' }).waitFor();
        // A side panel's width: everything fits, with no sideways scrolling.
        const wide = (await p.evaluate('document.documentElement.scrollWidth')) as number;
        if (wide > 320) throw new Error(`My actions scrolls sideways at 320 px (${wide} px wide)`);
      },
    },
    {
      name: 'dashboard',
      who: 'mgr-bri',
      url: (_c, t) => tabUrl(h, `theme=${t}`, '#/dashboard'),
      ready: async (p) => {
        await p.getByRole('table', { name: 'Documents in the library' }).waitFor();
        await p.getByText('Each case', { exact: true }).click();
        await p.getByRole('table', { name: 'TRM movement by case' }).waitFor();
      },
    },
    {
      name: 'dashboard-320',
      who: 'mgr-bri',
      width: 320,
      url: (_c, t) => tabUrl(h, `theme=${t}`, '#/dashboard'),
      ready: (p) => p.getByRole('table', { name: 'TRM movement in numbers' }).waitFor(),
    },
    {
      name: 'side-panel',
      who: 'police-jo',
      width: 320,
      url: (c, t) => tabUrl(h, `frame=sidePanel&caseId=${c}&theme=${t}`),
      ready: (p) => p.locator('[data-live-state="live"]').waitFor(),
    },
    {
      name: 'side-panel-register',
      who: 'ecm-sam',
      width: 320,
      url: (c, t) => tabUrl(h, `frame=sidePanel&caseId=${c}&theme=${t}`),
      ready: async (p) => {
        await p.getByText('Attendance register', { exact: true }).click();
        await p.getByRole('button', { name: 'Save the register' }).waitFor();
        const wide = (await p.evaluate('document.documentElement.scrollWidth')) as number;
        if (wide > 320) throw new Error(`The register scrolls sideways at 320 px (${wide} px wide)`);
      },
    },
    {
      name: 'side-panel-notes',
      who: 'ecm-sam',
      width: 320,
      url: (c, t) => tabUrl(h, `frame=sidePanel&caseId=${c}&theme=${t}`),
      ready: async (p) => {
        await p.getByText('Meeting notes', { exact: true }).click();
        // Refused input shown as it is: the problem beside the field and in the alert.
        await p.getByRole('textbox', { name: 'Note' }).fill('See <b>this</b>');
        await p.getByRole('button', { name: 'Add the note' }).click();
        await p.getByRole('alert').filter({ hasText: 'Note:' }).waitFor();
        const wide = (await p.evaluate('document.documentElement.scrollWidth')) as number;
        if (wide > 320) throw new Error(`The meeting notes scroll sideways at 320 px (${wide} px wide)`);
      },
    },
    {
      name: 'stage',
      who: 'police-jo',
      url: (c, t) => tabUrl(h, `frame=meetingStage&caseId=${c}&theme=${t}`),
      ready: (p) => p.locator('[data-live-state="live"]').waitFor(),
    },
    {
      name: 'settings',
      who: 'ecm-sam',
      url: (_c, t) => tabUrl(h, `frame=settings&theme=${t}`),
      ready: (p) => p.getByRole('heading', { name: 'Add ECM to this conversation' }).waitFor(),
    },
  ];

  for (const theme of THEMES) {
    for (const view of views) {
      it(`${view.name} has no serious or critical violation in the ${theme} theme`, async () => {
        const s = view.signedOut
          ? await (async () => {
              const context = await newContext(h.browser);
              return { context, page: await context.newPage() };
            })()
          : await h.signedIn(view.who, { width: view.width ?? 1280 });
        const errors: string[] = [];
        s.page.on('pageerror', (e) => errors.push(e.message));
        await s.page.goto(view.url(caseId, theme));
        await view.ready(s.page);
        // Drawn as it will stay: fonts loaded and no transition still running (a spinner's endless
        // animation aside), rather than a fixed pause.
        await s.page.evaluate('document.fonts.ready');
        // A function, not a string: the tab's CSP forbids eval, which a string predicate would need.
        await s.page.waitForFunction(() => {
          const page = globalThis as unknown as {
            document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
          };
          return page.document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
        });
        await s.page.screenshot({ path: join(ARTIFACTS, `${view.name}-${theme}.png`), fullPage: true });
        expect(await violations(s.page)).toEqual([]);
        expect(errors).toEqual([]);
        await s.context.close();
      });
    }
  }
});
