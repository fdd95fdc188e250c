import type { Browser, BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { loadDemoIfEmpty } from '../../src/demo/load';
import { serveTestApp, TEST_NOW } from '../app';
import { axeViolations, hasChromium, launchBrowser } from './browser';
import { openTestPglite } from '../db';

describe.runIf(hasChromium)('public pages in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  const foreignRequests: string[] = [];

  beforeAll(async () => {
    database = await openTestPglite();
    await loadDemoIfEmpty(database.db, TEST_NOW);
    server = await serveTestApp(database);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nl-NL' });
    context.on('request', (r: Request) => {
      if (!r.url().startsWith(server.url)) foreignRequests.push(r.url());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const pages = [
    ['the agenda', '/', 'Agenda'],
    ['the symposium (seed 000)', '/evenementen/haagse-wijkaanpak', 'Samen werken aan de toekomst van de Haagse wijkaanpak'],
    ['its report (seed 001)', '/evenementen/haagse-wijkaanpak/verslag', 'Bouwstenen voor de toekomst van de Haagse wijkaanpak'],
    ['Dag van de Buurt (seed 002)', '/evenementen/dag-van-de-buurt', 'Dag van de Buurt'],
    ['the Werkplaats (seed 003)', '/evenementen/werkplaats-wijkontwikkeling', 'Werkplaats'],
    ['the Leergang (seed 004)', '/evenementen/leergang-wijkaanpak', 'Leergang'],
    ['the 404 page', '/evenementen/bestaat-niet', 'Pagina niet gevonden'],
  ] as const;

  it.each(pages)('shows %s with zero axe violations (WCAG 2.2 AA)', async (_name, path, heading) => {
    const page = await context.newPage();
    const response = await page.goto(server.url + path);
    expect(response?.status()).toBe(path.includes('bestaat-niet') ? 404 : 200);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain(heading);
    // Open every "Lees meer" so axe also checks what is behind it.
    for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('asks no other host for anything', () => {
    expect(foreignRequests).toEqual([]);
  });

  it('works with the keyboard: the skip link leads to the content and "Lees meer" opens with Enter', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/evenementen/dag-van-de-buurt`);
    await page.keyboard.press('Tab');
    const skip = page.locator(':focus');
    await expect.poll(() => skip.textContent()).toContain('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    const summary = page.locator('summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)).toBe(true);
    await page.close();
  });

  it('marks the full workshop VOL and offers the waiting list on the symposium page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/evenementen/haagse-wijkaanpak`);
    const full = page.locator('.bijeen-workshop', { has: page.locator('.bijeen-full') });
    await expect.poll(() => full.count()).toBe(1);
    await expect.poll(() => full.locator('h4').textContent()).toContain('Opgavegericht werken');
    await expect.poll(() => page.locator('.bijeen-state').textContent()).toMatch(/wachtlijst/);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375); // no sideways scrolling on a phone
    if (process.env.UPDATE_SCREENSHOTS === '1') await page.screenshot({ path: 'docs/screenshots/evenement-symposium-mobiel.png' });
    await page.close();
  });
});
