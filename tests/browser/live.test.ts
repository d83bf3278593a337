import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingCase, startHarness, tabUrl, type Harness } from './harness.js';

/** Two attendees on one case, in two browsers: what one adds, the other sees within two seconds. */
describe('two attendees on one case', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h?.close());

  // Live means without a reload; how fast is the latency benchmark's to measure (tests/bench/latency.ts),
  // not a short limit here that a loaded machine would break. The latency is still printed.
  it('each sees the entry the other adds, live, with who added it', async () => {
    const { caseId } = await meetingCase(h, 2);
    const amy = await h.signedIn('yjs-amy', { width: 320, height: 900 });
    const jo = await h.signedIn('police-jo');
    await amy.page.goto(tabUrl(h, `frame=sidePanel&caseId=${caseId}`));
    await jo.page.goto(tabUrl(h, '', `#/cases/${caseId}/timeline`));
    await amy.page.locator('[data-live-state="live"]').waitFor();
    await jo.page.locator('[data-live-state="live"]').waitFor();

    // Amy adds from the meeting side panel; Jo's timeline shows it.
    await amy.page.getByLabel('Category').selectOption('education');
    await amy.page.getByLabel('Age of the child (years)').fill('9');
    await amy.page.getByLabel('What happened (facts, not opinion)').fill('Excluded for a day after a fight in the playground.');
    const saved = amy.page.waitForResponse((r) => r.url().endsWith('/timeline') && r.request().method() === 'POST');
    await amy.page.getByRole('button', { name: 'Add to the timeline' }).click();
    expect((await saved).status()).toBe(201);
    const seenByJo = Date.now();
    await jo.page.getByText('Excluded for a day after a fight in the playground.').waitFor();
    const joLatency = Date.now() - seenByJo;
    await expect(jo.page.getByText('New · added by Amy Clarke').count()).resolves.toBeGreaterThan(0);

    // Jo adds from the content tab; Amy's side panel shows it.
    await jo.page.getByRole('button', { name: 'Add an entry' }).click();
    await jo.page.getByRole('dialog').getByLabel('Category').selectOption('exploitation_missing');
    await jo.page.getByLabel('Age of the child (years)').fill('10');
    await jo.page.getByLabel('What happened (facts, not opinion)').fill('Reported missing overnight; found at a friend’s house.');
    const joSaved = jo.page.waitForResponse((r) => r.url().endsWith('/timeline') && r.request().method() === 'POST');
    await jo.page.getByRole('button', { name: 'Add to the timeline' }).click();
    expect((await joSaved).status()).toBe(201);
    // A partner may change her own entries and no one else's: one Edit, on hers, as the policy says.
    const edits = jo.page.getByRole('button', { name: /^Edit the entry/ });
    await edits.first().waitFor();
    expect(await edits.count()).toBe(1);
    const seenByAmy = Date.now();
    await amy.page.getByText('Reported missing overnight; found at a friend’s house.').waitFor();
    console.log(`live latency: to Jo ${joLatency} ms, to Amy ${Date.now() - seenByAmy} ms`);
    await expect(amy.page.getByText('new (added by PC Jo Harris)').count()).resolves.toBe(1);
    await amy.context.close();
    await jo.context.close();
  });
});
