import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { checkinCode, formatCode } from '../../src/domain/checkin/rules';
import { createEvent } from '../../src/domain/events/service';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { register } from '../../src/domain/registration/service';
import { eventDocument, registrant } from '../factories';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/* The check-in desk on a phone in Chromium, by keyboard only: a typed (or scanned) code, and a name search with the Aanwezig button. Axe on every page. */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('the check-in desk in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  const tokens: string[] = [];

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'baliedag', title: 'Baliedag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    for (const [i, name] of [[1, 'Fictieve Jansen'], [2, 'Fictieve Pietersen'], [3, 'Fictieve De Boer']] as const) {
      const r = await register(database.db, 'baliedag', registrant(i, { name }), { now: new Date(), baseUrl: 'http://bijeen.test' });
      if (r.kind !== 'registered') throw new Error(r.kind);
      tokens.push(r.registration.token);
    }
    await createAccount(database.db, { organiserId: org, email: 'balie@example.org', name: 'Fictieve Balie', password: PW, role: 'balie' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  /** Enter, and wait for the page it posts to (every form here is a plain one). */
  const enter = (page: Page) => Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  const count = (page: Page) => page.locator('#telling').textContent();
  const notice = (page: Page) => page.locator('[role="status"], [role="alert"]').first().textContent();

  it('checks in by a typed code and by a name search, undoes one, all by keyboard on a phone', async () => {
    const phone = await browser.newContext({ locale: 'nl-NL', viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(8_000);
    const page = await phone.newPage();

    // The desk asks for a login first, and comes back after it.
    await page.goto(`${server.url}/beheer/evenementen/baliedag/balie`);
    expect(new URL(page.url()).pathname).toBe('/beheer/inloggen');
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type('balie@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PW);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer/evenementen/baliedag/balie`);
    await expectHeading(page, 'Balie: Baliedag');
    await expect.poll(() => count(page)).toBe('0 van 3 aanwezig');
    await expectAccessible(page);
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // A scanner types the code into the focused field and presses Enter: checked in at once.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('zoek');
    await page.keyboard.type(checkinCode(tokens[0]!));
    await enter(page);
    await expect.poll(() => notice(page)).toContain('Fictieve Jansen is aanwezig.');
    await expect.poll(() => count(page)).toBe('1 van 3 aanwezig');
    await expectAccessible(page);

    // Typed by hand, with the dash: already there.
    await page.getByLabel('Naam, organisatie, e-mailadres of code').focus();
    await page.keyboard.type(formatCode(checkinCode(tokens[0]!)).toLowerCase());
    await enter(page);
    await expect.poll(() => notice(page)).toMatch(/Fictieve Jansen is al aangemeld om \d{1,2}:\d{2}\./);

    // By name: the list, then Tab to the big button and Enter.
    await page.getByLabel('Naam, organisatie, e-mailadres of code').focus();
    await page.keyboard.type('pieters');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=pieters/);
    await expect.poll(() => page.locator('#resultaten h3').allTextContents()).toEqual(['Fictieve Pietersen']);
    await expectAccessible(page);
    const present = page.getByRole('button', { name: /^Aanwezig\s*: Fictieve Pietersen$/ });
    for (let i = 0; i < 30 && !(await present.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await enter(page);
    await expect.poll(() => notice(page)).toContain('Fictieve Pietersen is aanwezig.');
    await expect.poll(() => count(page)).toBe('2 van 3 aanwezig');
    await expectAccessible(page);

    // A mistake: undo it.
    const undo = page.getByRole('button', { name: /^Ongedaan maken\s*: Fictieve Pietersen$/ });
    await undo.focus();
    await enter(page);
    await expect.poll(() => notice(page)).toContain('De aanwezigheid van Fictieve Pietersen is ongedaan gemaakt.');
    await expect.poll(() => count(page)).toBe('1 van 3 aanwezig');
    await expectAccessible(page);
    await phone.close();
  }, 90_000); // nine page loads with axe: room for a busy machine

  it('shows the QR code on the personal page, accessibly', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 375, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/aanmelding/${tokens[2]}`);
    const code = formatCode(checkinCode(tokens[2]!));
    await expect.poll(() => page.getByRole('img', { name: `QR-code voor inchecken, code ${code}` }).count()).toBe(1);
    await expect.poll(() => page.locator('.bijeen-checkin-code').textContent()).toBe(code);
    await expectAccessible(page);
    await context.close();
  });
});
