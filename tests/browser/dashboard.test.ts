import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richCase } from './fixtures.js';
import { startHarness, tabUrl, type Harness } from './harness.js';

/** The manager opens the dashboard and sees the service at a glance, on a desk or at 320 px. */
describe("the manager's view of a service", () => {
  let h: Harness;
  let reference: string;
  beforeAll(async () => {
    h = await startHarness();
    const { caseId } = await richCase(h);
    reference = (await (await h.server.signIn('ecm-sam')).get(`/api/v1/cases/${caseId}`)).body.reference;
  });
  afterAll(() => h?.close());

  it("shows Bristol's manager their own service only: movement as a chart and a table, the library's last versions, whom the bot cannot reach", async () => {
    const s = await h.signedIn('mgr-bri');
    await s.page.goto(tabUrl(h, '', '#/'));
    await s.page.getByRole('link', { name: 'Service dashboard' }).click();
    await s.page.getByRole('heading', { name: 'Bristol Youth Justice Service', level: 1 }).waitFor();
    expect(await s.page.getByLabel('Service', { exact: true }).count()).toBe(0); // a manager has one service: nothing to choose
    const glance = s.page.getByRole('list', { name: 'At a glance' });
    expect(await glance.getByRole('listitem').filter({ hasText: 'Active cases' }).innerText()).toMatch(/Active cases\s*1/);
    // The chart says in words what each bar is; the same numbers are in a table.
    const chart = s.page.getByRole('figure', { name: 'Children by movement since their first placement' });
    expect(await chart.locator('[data-movement="up"]').innerText()).toMatch(/Moved up\s*1/);
    const numbers = s.page.getByRole('table', { name: 'TRM movement in numbers' });
    expect(await numbers.getByRole('row', { name: /Moved up/ }).innerText()).toMatch(/1$/);
    const library = s.page.getByRole('table', { name: 'Documents in the library' });
    expect(
      await library
        .getByRole('row')
        .filter({ hasText: `${reference}_formulation-report.docx` })
        .innerText(),
    ).toMatch(/Formulation report\s+v1\s+1\.0/);
    const unreachable = s.page.getByRole('table', { name: 'People the bot cannot reach' });
    expect(await unreachable.getByRole('row', { name: /Amy Clarke/ }).innerText()).toContain('Has not installed ECM for Teams');
    await s.context.close();
  });

  it('lets ECM staff choose among the services they serve', async () => {
    const s = await h.signedIn('ecm-sam');
    await s.page.goto(tabUrl(h, '', '#/dashboard/BRI'));
    await s.page.getByRole('heading', { name: 'Bristol Youth Justice Service', level: 1 }).waitFor();
    await s.page.getByLabel('Service', { exact: true }).selectOption('NSO');
    await s.page.getByRole('heading', { name: 'North Somerset Youth Justice Service', level: 1 }).waitFor();
    await s.page.getByText('The library holds no case documents yet.').waitFor();
    expect(s.page.url()).toContain('#/dashboard/NSO');
    await s.context.close();
  });

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`never scrolls sideways at 320 px (${theme} theme): wide tables scroll inside their own box`, async () => {
      const s = await h.signedIn('mgr-bri', { width: 320, height: 800 });
      await s.page.goto(tabUrl(h, `theme=${theme}`, '#/dashboard'));
      await s.page.getByRole('table', { name: 'Documents in the library' }).waitFor();
      const widths = (await s.page.evaluate('({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })')) as {
        scroll: number;
        client: number;
      };
      expect(widths.client).toBe(320);
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await s.context.close();
    });
  }

  it('shows a case’s published documents with their versions, on the case itself', async () => {
    const s = await h.signedIn('psy-helen');
    await s.page.goto(tabUrl(h, '', '#/dashboard/BRI'));
    await s.page.getByRole('table', { name: 'Active cases' }).getByRole('link', { name: reference }).click();
    const published = s.page.getByRole('table', { name: 'Published documents' });
    await published.waitFor();
    expect(await published.getByRole('row').filter({ hasText: 'youth-friendly' }).innerText()).toMatch(/Youth-friendly formulation\s+v1\s+1\.0/);
    await s.context.close();
  });
});
