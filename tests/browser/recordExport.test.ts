import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCase, entry } from '../support/factories.js';
import { drainOutbox } from '../support/outbox.js';
import { readZip } from '../support/zipReader.js';
import { settled, THEMES, violations } from './axe.js';
import { ARTIFACTS, startHarness, tabUrl, type Harness } from './harness.js';

/**
 * The child's copy of their record, from the case page: the manager starts an export with the
 * keyboard, sees it being built, downloads the zip, and sees the entries to review before release.
 */
describe('exporting the record from the case page', () => {
  let h: Harness;
  let made = 0;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const newCase = async () => {
    const amy = await h.server.signIn('yjs-amy');
    const caseId = await activeCase(amy, { childName: `Robin Export ${String.fromCharCode(65 + made++)}` });
    await amy.post(`/api/v1/cases/${caseId}/timeline`, entry({ description: 'Lived with his mother in Kingswood.' }));
    return caseId;
  };

  it('a manager starts it with the keyboard, watches it build, downloads the zip and sees what to review', async () => {
    const caseId = await newCase();
    const s = await h.signedIn('mgr-bri');
    await s.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/export`));
    await s.page.getByRole('heading', { name: 'Export the record', level: 2 }).waitFor();
    await s.page.getByRole('combobox', { name: 'Who asked for the record' }).selectOption('solicitor');
    await s.page.getByRole('button', { name: 'Export the record' }).focus();
    await s.page.keyboard.press('Enter');
    await s.page.getByText('Waiting to start', { exact: true }).waitFor();
    await drainOutbox(h.server.system);
    const button = s.page.getByRole('button', { name: /^Download BRI-\d{4}-\d{4}_record\.zip/ });
    await button.waitFor();
    const [file] = await Promise.all([s.page.waitForEvent('download'), button.press('Enter')]);
    expect(file.suggestedFilename()).toMatch(/^BRI-\d{4}-\d{4}_record\.zip$/);
    const names = readZip(new Uint8Array(await (await import('node:fs/promises')).readFile((await file.path())!))).map((f) => f.name);
    expect(names.some((n) => n.endsWith('/timeline.json'))).toBe(true);
    await s.page.getByText(/To review before release: 1 entry/).click();
    await s.page.getByText(/a relation: "mother"/).waitFor();
    await s.context.close();
  });

  it('the ECM practitioner has no such tab: releasing the record is the service’s', async () => {
    const caseId = await newCase();
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, 'theme=default', `#/cases/${caseId}/overview`));
    await s.page.getByRole('tab', { name: 'Life timeline' }).waitFor();
    expect(await s.page.getByRole('tab', { name: 'Export the record' }).count()).toBe(0);
    await s.context.close();
  });

  for (const theme of THEMES) {
    it(`the section has no serious or critical violation in the ${theme} theme, at 320 px, built and ready`, async () => {
      const caseId = await newCase();
      const s = await h.signedIn('mgr-bri', { width: 320 });
      await s.page.goto(tabUrl(h, `theme=${theme}`, `#/cases/${caseId}/export`));
      await s.page.getByRole('button', { name: 'Export the record' }).click();
      // Started (and so queued) before the outbox runs.
      await s.page.getByText('Waiting to start', { exact: true }).waitFor();
      await drainOutbox(h.server.system);
      await s.page.getByRole('button', { name: /^Download / }).waitFor();
      await s.page.getByText(/To review before release/).click();
      await settled(s.page);
      expect(await violations(s.page)).toEqual([]);
      const section = await s.page.getByRole('region', { name: 'Export the record' }).boundingBox();
      expect(section!.x + section!.width).toBeLessThanOrEqual(320);
      await s.page.screenshot({ path: join(ARTIFACTS, `record-export-${theme}.png`), fullPage: true });
      await s.context.close();
    });
  }
});
