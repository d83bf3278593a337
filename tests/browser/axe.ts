import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core, injected into a page to check it against WCAG 2.2 A/AA. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const THEMES = ['default', 'dark', 'contrast'] as const;

/** The serious and critical violations of WCAG 2.2 A/AA axe-core finds on the page as it stands. */
export async function violations(page: Page) {
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

/**
 * Waits until the page is drawn as it will stay: fonts loaded and no transition still running (a
 * spinner's endless animation aside), rather than a fixed pause.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready');
  // A function, not a string: the tab's CSP forbids eval, which a string predicate would need.
  await page.waitForFunction(() => {
    const doc = globalThis as unknown as {
      document: { getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[] };
    };
    return doc.document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  });
}
