import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TODAY } from '../support/testSystem.js';
import { richCaseForFile } from './fixtures.js';
import { ARTIFACTS, tabUrl } from './harness.js';

/**
 * The small things a team notices in its first meeting (issue 12 §7): fields that overlap or are
 * cut off, bars that do not line up, boxes too narrow to write in, a label on the chart's line,
 * focus lost after a dialog, a header that does not follow a colleague's change, and acts that
 * cannot be taken back done without asking.
 */
interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const rectOf = async (l: Locator): Promise<Rect> => {
  const box = await l.boundingBox();
  if (!box) throw new Error('not on the page');
  return box;
};
const right = (r: Rect) => r.x + r.width;
const bottom = (r: Rect) => r.y + r.height;
const overlap = (a: Rect, b: Rect) => a.x < right(b) && b.x < right(a) && a.y < bottom(b) && b.y < bottom(a);
const inside = (a: Rect, b: Rect) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && right(a) <= right(b) + 0.5 && bottom(a) <= bottom(b) + 0.5;

/** The name of what has focus, as a screen reader would say it. */
const focused = (page: Page) =>
  page.evaluate(`document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent?.trim() || document.activeElement?.tagName`);

describe('the small layout faults and dialogs', () => {
  const file = richCaseForFile();

  /** Every field of the add-entry form inside the form, none over another. */
  async function formFits(page: Page, form: Locator, where: string) {
    const within = await rectOf(form);
    const category = await rectOf(form.getByRole('combobox', { name: 'Category' }));
    const agency = await rectOf(form.getByRole('combobox', { name: 'Which agency says so' }));
    expect(overlap(category, agency), `${where}: Category over Agency`).toBe(false);
    for (const field of await form.locator('select, input, textarea, [role="radio"]').all()) {
      if (!(await field.isVisible())) continue;
      const box = await rectOf(field);
      expect(inside(box, within), `${where}: ${await field.getAttribute('id')} ${JSON.stringify(box)} outside ${JSON.stringify(within)}`).toBe(true);
    }
  }

  it('the add-entry dialog keeps Category beside Agency, and everything inside it, at 1280 and 320 px, and in the 320 px side panel', async () => {
    for (const width of [1280, 320]) {
      const s = await file.h.signedIn('ecm-sam', { width, height: 900 });
      await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/timeline`));
      await s.page.getByRole('button', { name: 'Add an entry' }).click();
      const dialog = s.page.getByRole('dialog');
      await dialog.getByRole('combobox', { name: 'Category' }).waitFor();
      await s.page.screenshot({ path: join(ARTIFACTS, `details-add-entry-${width}.png`) });
      await formFits(s.page, dialog, `dialog at ${width} px`);
      await s.context.close();
    }
    const s = await file.h.signedIn('police-jo', { width: 320, height: 900 });
    await s.page.goto(tabUrl(file.h, `frame=sidePanel&caseId=${file.caseId}`));
    const form = s.page.getByRole('form', { name: 'Add a timeline entry' });
    await form.getByRole('combobox', { name: 'Category' }).waitFor();
    await formFits(s.page, form, 'side panel');
    expect(right(await rectOf(form.getByRole('combobox', { name: 'Category' })))).toBeLessThanOrEqual(320);
    await s.context.close();
  });

  it('puts a year at the same place on every row, whether or not the row has Edit and Retract', async () => {
    const jo = await file.h.server.signIn('police-jo');
    const amy = await file.h.server.signIn('yjs-amy');
    const year = { when: { precision: 'year', year: 2019 }, category: 'police_justice', confidence: 'confirmed' };
    const mine = await jo.post(`/api/v1/cases/${file.caseId}/timeline`, {
      ...year,
      sourceAgency: 'police',
      description: 'Stopped and searched; nothing found.',
    });
    const theirs = await amy.post(`/api/v1/cases/${file.caseId}/timeline`, {
      ...year,
      sourceAgency: 'youth_justice',
      description: 'First contact with the YJS.',
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    const s = await file.h.signedIn('police-jo', { width: 1280, height: 1400 });
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/timeline`));
    const bar = (id: string) => s.page.locator(`[data-entry-id="${id}"] [data-mark="span"]`);
    await bar(mine.body.id).waitFor();
    await bar(theirs.body.id).waitFor();
    // Jo may edit her own entry only: one row with the buttons, one without.
    expect(await s.page.locator(`[data-entry-id="${mine.body.id}"]`).getByRole('button', { name: /^Edit/ }).count()).toBe(1);
    expect(await s.page.locator(`[data-entry-id="${theirs.body.id}"]`).getByRole('button').count()).toBe(0);
    const a = await rectOf(bar(mine.body.id));
    const b = await rectOf(bar(theirs.body.id));
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(Math.abs(a.width - b.width)).toBeLessThan(1);
    // And every track is the same width on every row.
    const tracks = (await s.page.locator('[data-mark="span"]').evaluateAll((bars) =>
      bars.map((el) => {
        const r = el.parentElement!.getBoundingClientRect();
        return `${Math.round(r.x)}:${Math.round(r.width)}`;
      }),
    )) as string[];
    expect(new Set(tracks).size).toBe(1);
    await s.page.screenshot({ path: join(ARTIFACTS, 'details-same-year.png') });
    await s.context.close();
  });

  it('gives each of the five Ps a box wide enough to write in', async () => {
    const s = await file.h.signedIn('psy-helen', { width: 1280, height: 900 });
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/formulation`));
    const fivePs = s.page.getByRole('region', { name: 'The five Ps' });
    await fivePs.scrollIntoViewIfNeeded();
    const boxes = fivePs.locator('textarea');
    await boxes.first().waitFor();
    expect(await boxes.count()).toBe(5);
    for (const box of await boxes.all()) expect((await rectOf(box)).width).toBeGreaterThanOrEqual(240);
    await fivePs.screenshot({ path: join(ARTIFACTS, 'details-five-ps.png') });
    await s.context.close();
  });

  it('draws the word "setback" clear of the chart line', async () => {
    const s = await file.h.signedIn('ecm-sam', { width: 1280, height: 900 });
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/trm`));
    const label = s.page.locator('[data-label="setback"]');
    await label.waitFor();
    await s.page.locator('svg[role="img"]').screenshot({ path: join(ARTIFACTS, 'details-trm-chart.png') });
    // Every point of the drawn line, walked a pixel at a time, lies outside the word's box.
    const touching = (await s.page.evaluate(`(() => {
      const text = document.querySelector('[data-label="setback"]');
      const path = text.closest('svg').querySelector('path');
      const b = text.getBBox();
      const hits = [];
      for (let at = 0; at <= path.getTotalLength(); at += 1) {
        const p = path.getPointAtLength(at);
        if (p.x >= b.x - 1 && p.x <= b.x + b.width + 1 && p.y >= b.y - 1 && p.y <= b.y + b.height + 1) hits.push([Math.round(p.x), Math.round(p.y)]);
      }
      return hits;
    })()`)) as number[][];
    expect(touching).toEqual([]);
    await s.context.close();
  });

  it('gives focus back to the button that opened a dialog when Escape closes it', async () => {
    const s = await file.h.signedIn('psy-helen', { width: 1280, height: 900 });
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/timeline`));
    const openers: { name: string | RegExp; dialog: string }[] = [
      { name: 'Add an entry', dialog: 'Add an entry' },
      { name: /^Edit the entry/, dialog: 'Edit the entry' },
      { name: /^Retract the entry/, dialog: 'Retract this entry?' },
    ];
    for (const { name, dialog } of openers) {
      const opener = s.page.getByRole('button', { name }).first();
      await opener.focus();
      const label = await focused(s.page);
      await s.page.keyboard.press('Enter');
      await s.page.getByRole('dialog', { name: dialog }).waitFor();
      await s.page.keyboard.press('Escape');
      await s.page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect.poll(() => focused(s.page)).toBe(label);
    }
    await s.context.close();
  });

  it('asks before cancelling a meeting: keeping it changes nothing and gives focus back; confirming cancels it', async () => {
    const s = await file.h.signedIn('ecm-sam', { width: 1280, height: 900 });
    const cancellations: string[] = [];
    s.page.on('request', (r) => r.url().endsWith('/cancellation') && cancellations.push(r.method()));
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/meetings`));
    await s.page.getByRole('button', { name: /^Show/ }).first().click();
    const cancel = s.page.getByRole('button', { name: 'Cancel the meeting' });
    await cancel.click();
    const ask = s.page.getByRole('alertdialog', { name: 'Cancel this meeting?' });
    await ask.waitFor();
    await ask.getByText(/everyone invited will be told/).waitFor();
    await s.page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => focused(s.page)).toBe('Cancel the meeting');
    await cancel.click();
    await ask.getByRole('button', { name: 'Keep the meeting' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(cancellations).toEqual([]);

    await cancel.click();
    const done = s.page.waitForResponse((r) => r.url().endsWith('/cancellation'));
    await ask.getByRole('button', { name: 'Cancel the meeting' }).click();
    expect((await done).status()).toBe(200);
    await s.page.getByRole('table', { name: 'Meetings' }).getByText('Cancelled').waitFor();
    expect(cancellations).toEqual(['POST']);
    await s.context.close();
  });

  it('asks before approving a formulation; "Not yet" leaves it a draft', async () => {
    const s = await file.h.signedIn('psy-helen', { width: 1280, height: 900 });
    const approvals: string[] = [];
    s.page.on('request', (r) => r.url().endsWith('/formulation/approval') && approvals.push(r.method()));
    await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/formulation`));
    const approve = s.page.getByRole('button', { name: 'Approve version 2' });
    await approve.click();
    const ask = s.page.getByRole('alertdialog', { name: 'Approve version 2?' });
    await ask.getByText(/cannot be changed/).waitFor();
    await ask.getByRole('button', { name: 'Not yet' }).click();
    await ask.waitFor({ state: 'detached' });
    await expect.poll(() => focused(s.page)).toBe('Approve version 2');
    expect(approvals).toEqual([]);
    await s.page.getByText('Draft', { exact: true }).waitFor();

    await approve.click();
    const done = s.page.waitForResponse((r) => r.url().endsWith('/formulation/approval'));
    await ask.getByRole('button', { name: 'Approve version 2' }).click();
    expect((await done).status()).toBe(200);
    await s.page.getByText(/^Approved by Dr Helen Marsh/).waitFor();
    expect(approvals).toEqual(['POST']);
    await s.context.close();
  });

  it('shows a new "Next review" date in the case header as soon as a colleague records it', async () => {
    const sam = await file.h.server.signIn('ecm-sam');
    const scheduled = await sam.post(`/api/v1/cases/${file.caseId}/meetings`, {
      kind: 'review',
      startsAt: '2026-11-28T10:00:00Z',
      endsAt: '2026-11-28T11:00:00Z',
      attendeeIds: ['yjs-amy'],
    });
    expect(scheduled.status).toBe(201);
    // The day after the meeting, on the server's clock (the tab follows it).
    file.h.server.clock.set('2026-11-28T12:00:00Z');
    try {
      const s = await file.h.signedIn('yjs-amy', { width: 1280, height: 900 });
      await s.page.goto(tabUrl(file.h, '', `#/cases/${file.caseId}/overview`));
      const header = s.page.locator('#case-title').locator('..');
      await header.getByText(/^Next review/).waitFor();
      expect(await header.getByText(/^Next review/).textContent()).not.toContain('6 Feb 2027');

      const helen = await file.h.server.signIn('psy-helen');
      const outcome = await helen.post(
        `/api/v1/cases/${file.caseId}/meetings/${scheduled.body.id}/outcome`,
        {
          summary: 'Settling.',
          replan: 'Keep going.',
          nextReviewDue: '2027-02-06',
        },
        { 'if-match': scheduled.headers.get('etag')! },
      );
      expect(outcome.status).toBe(200);
      await header.getByText('Next review 6 Feb 2027', { exact: false }).waitFor();
      await s.context.close();
    } finally {
      file.h.server.clock.set(TODAY);
    }
  });
});
