import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { richCaseForFile } from './fixtures.js';
import { ARTIFACTS, tabUrl } from './harness.js';

/**
 * Every mark on the timeline — the tone's shape, the category's icon, the bar of the time it
 * covers — is seen, not just present: in the light, dark and high-contrast themes, and under the
 * operating system's forced colours, in the tab, the 320 px side panel and the meeting stage. Seen
 * means measured on a screenshot: enough of its pixels stand out from what surrounds it by at least
 * 3:1 (WCAG 1.4.11, non-text contrast). And the app's background reaches the page's edges.
 */
type Theme = 'default' | 'dark' | 'contrast';
interface Variant {
  theme: Theme;
  /** Windows' high contrast (or another forced-colour mode) on top of the theme. */
  forced?: boolean;
}
const VARIANTS: Variant[] = [
  { theme: 'default' },
  { theme: 'dark' },
  { theme: 'contrast' },
  { theme: 'default', forced: true },
  { theme: 'dark', forced: true },
];
const nameOf = (v: Variant) => `${v.theme}${v.forced ? ' under forced colours' : ''}`;

interface View {
  name: string;
  width: number;
  height: number;
  url: (caseId: string, theme: Theme) => string;
  /** The kinds of mark this view draws (the side panel has no bars; the wall its own shapes). */
  kinds: ('tone' | 'category' | 'span' | 'wall')[];
  /** What to do once the view is live, before measuring (choose the stage's list, say). */
  before?: (page: Page) => Promise<void>;
}

/** How each mark looked: how many of its pixels stand out from the colour around it. */
interface Measured {
  kind: string;
  pixels: number;
  ink: number;
  around: string;
}

/**
 * Runs in the page: decodes the screenshot, and for each mark counts the pixels inside its box that
 * reach 3:1 against the commonest colour in a 2 px ring around the box.
 */
const MEASURE = `async ({ png, boxes }) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  const at = (x, y) => { const i = (y * width + x) * 4; return [data[i], data[i + 1], data[i + 2]]; };
  const lum = ([r, g, b]) => { const c = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }; return 0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b); };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return boxes.map(({ kind, x, y, w, h }) => {
    const x0 = Math.round(x), y0 = Math.round(y), x1 = Math.round(x + w), y1 = Math.round(y + h);
    const counts = new Map();
    for (let yy = y0 - 2; yy < y1 + 2; yy++) for (let xx = x0 - 2; xx < x1 + 2; xx++) {
      if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
      if (xx >= x0 && xx < x1 && yy >= y0 && yy < y1) continue;
      const key = at(xx, yy).join(',');
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const around = [...counts.entries()].sort((p, q) => q[1] - p[1])[0][0];
    const bg = around.split(',').map(Number);
    let ink = 0, pixels = 0;
    for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) { pixels++; if (ratio(at(xx, yy), bg) >= 3) ink++; }
    return { kind, pixels, ink, around };
  });
}`;

async function measureMarks(page: Page): Promise<Measured[]> {
  const boxes = (await page.evaluate(`[...document.querySelectorAll('[data-mark]')]
    .map((el) => { const r = el.getBoundingClientRect(); return { kind: el.getAttribute('data-mark'), x: r.x, y: r.y, w: r.width, h: r.height }; })
    .filter((b, i, all) => document.querySelectorAll('[data-mark]')[i].checkVisibility())
    .filter((b) => b.w > 0 && b.h > 0 && b.x >= 2 && b.y >= 2 && b.x + b.w <= innerWidth - 2 && b.y + b.h <= innerHeight - 2)`)) as unknown[];
  const png = (await page.screenshot()).toString('base64');
  return (await page.evaluate(`(${MEASURE})(${JSON.stringify({ png, boxes })})`)) as Measured[];
}

/** The colour of a pixel of the page's screenshot, and of the app's own background. */
async function edgeAndApp(page: Page): Promise<{ corner: string; app: string }> {
  const png = (await page.screenshot()).toString('base64');
  return (await page.evaluate(`(async () => {
    const image = new Image();
    image.src = 'data:image/png;base64,${png}';
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width; canvas.height = image.height;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const px = (x, y) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)].join(',');
    const bg = getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor.match(/\\d+/g).slice(0, 3).join(',');
    return { corner: px(1, image.height - 2), app: bg };
  })()`)) as { corner: string; app: string };
}

describe('every timeline mark can be seen, in every theme and view', () => {
  const file = richCaseForFile();

  const views: View[] = [
    { name: 'tab', width: 1280, height: 1200, url: (c, t) => tabUrl(file.h, `theme=${t}`, `#/cases/${c}/timeline`), kinds: ['tone', 'category', 'span'] },
    { name: 'side panel', width: 320, height: 900, url: (c, t) => tabUrl(file.h, `frame=sidePanel&caseId=${c}&theme=${t}`), kinds: ['tone', 'category'] },
    {
      name: 'stage',
      width: 1280,
      height: 900,
      url: (c, t) => tabUrl(file.h, `frame=meetingStage&caseId=${c}&theme=${t}`),
      kinds: ['tone', 'category', 'span'],
      before: (p) => p.getByRole('radio', { name: 'List' }).check(),
    },
    {
      name: 'stage wall',
      width: 1280,
      height: 900,
      url: (c, t) => tabUrl(file.h, `frame=meetingStage&caseId=${c}&theme=${t}`),
      kinds: ['wall'],
    },
  ];

  for (const view of views) {
    for (const variant of VARIANTS) {
      it(`in the ${view.name}, ${nameOf(variant)}`, async () => {
        const s = await file.h.signedIn('police-jo', { width: view.width, height: view.height });
        if (variant.forced) await s.page.emulateMedia({ forcedColors: 'active' });
        await s.page.goto(view.url(file.caseId, variant.theme));
        await s.page.locator('[data-live-state="live"]').waitFor();
        await view.before?.(s.page);
        await s.page
          .locator(view.kinds.includes('wall') ? '[data-wall-ready] [data-mark="wall"]' : '[data-entry-id] [data-mark="tone"]')
          .first()
          .waitFor();
        // The side panel's add form is folded away to bring the entries up; elsewhere the legend is opened, its marks measured too.
        if (view.name === 'side panel') await s.page.locator('summary', { hasText: 'Add to the timeline' }).click();
        else await s.page.locator('summary', { hasText: 'Legend' }).click();
        await s.page.screenshot({ path: join(ARTIFACTS, `marks-${view.name.replaceAll(' ', '-')}-${variant.theme}${variant.forced ? '-forced' : ''}.png`) });

        const marks = await measureMarks(s.page);
        for (const kind of view.kinds) {
          const ofKind = marks.filter((m) => m.kind === kind);
          expect(ofKind.length, `${kind} marks in view`).toBeGreaterThanOrEqual(3);
          for (const m of ofKind) {
            // A shape or an outline icon covers a fraction of its box; a bar fills its own.
            const needed = kind === 'span' ? m.pixels * 0.5 : 12;
            expect(m.ink, `${kind} mark against ${m.around}: ${m.ink} of ${m.pixels} pixels stand out`).toBeGreaterThanOrEqual(needed);
          }
        }

        // No frame of another colour around the app: the page's edge is the app's background.
        const { corner, app } = await edgeAndApp(s.page);
        if (!variant.forced) expect(corner).toBe(app);
        await s.context.close();
      });
    }
  }
});
