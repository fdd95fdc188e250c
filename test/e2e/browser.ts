import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/*
 * Debian's Chromium driven by playwright-core (never a downloaded browser). Browser tests
 * skip on a laptop without Chromium; in CI test/ci.test.ts makes its absence a failure.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** WCAG 2.2 AA and everything below it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export async function axeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}

/**
 * Zero axe violations (WCAG 2.2 AA) on the page as it is now. With `withoutScripts`, also
 * no script of ours on it: the page works without JavaScript.
 */
export async function expectAccessible(page: Page, opts: { withoutScripts?: boolean } = {}) {
  expect(await axeViolations(page)).toEqual([]);
  if (opts.withoutScripts) expect(await page.evaluate(() => document.querySelectorAll('script:not([data-axe])').length)).toBe(0);
}

/**
 * The page's first h1 reads exactly `text`, polled (vitest.config.ts sets the wait): Enter or a
 * click that submits a form starts its navigation a moment later, and reading the h1 at once
 * can still find the page before (CI failed once on exactly that).
 */
export async function expectHeading(page: Page, text: string) {
  await expect.poll(() => page.locator('h1').first().textContent()).toBe(text);
}
