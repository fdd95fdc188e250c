import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { createEvent } from '../../src/domain/events/service';
import { mailOutbox } from '../../src/domain/mail/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { register } from '../../src/domain/registration/service';
import { eventDocument, registrant } from '../factories';
import { serveTestApp } from '../app';
import AxeBuilder from '@axe-core/playwright';
import { expectAccessible, hasChromium, launchBrowser, WCAG_TAGS, expectHeading } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/* Mail to participants in Chromium: compose to one workshop, preview, send with the keyboard only, then the outbox and one mail (its text and its HTML in a sandboxed frame). Axe on every page. */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('mail to participants in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'berichtendag', title: 'Berichtendag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    const people: [string, string][] = [
      ['Anna Geld', 'geld'],
      ['Bram Geld', 'geld'],
      ['Cato Abcd', 'abcd'],
    ];
    for (const [i, [name, workshop]] of people.entries())
      await register(database.db, 'berichtendag', { ...registrant(i), name, choices: { 'ronde-1': workshop, 'ronde-2': 'corporaties' } }, { now: new Date(), baseUrl: 'http://bijeen.test' });
    await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
    // Room for a machine shared with other browser suites.
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  }, 60_000);

  const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent?.trim() ?? ''}`);

  it('composes to one workshop, previews, sends with the keyboard, and reads the mail in the outbox', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/beheer/evenementen/berichtendag`);
    await page.getByLabel('E-mailadres').fill('redacteur@example.org');
    await page.getByLabel('Wachtwoord').fill(PW);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/berichtendag$/);
    await page.getByRole('link', { name: 'Berichten aan deelnemers' }).click();
    await expectHeading(page, 'Berichten: Berichtendag');
    await expect.poll(() => page.locator('main').textContent()).toContain('nog geen berichten');
    await expectAccessible(page, { withoutScripts: true });

    // From here on the keyboard only.
    await page.getByRole('link', { name: 'Nieuw bericht' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/berichten\/nieuw$/);
    await expectHeading(page, 'Nieuw bericht: Berichtendag');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('Alle bevestigde deelnemers (3)').focus();
    // Arrow keys move through a radio group and select: to the last choice, one deelsessie.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('De bevestigde deelnemers van één deelsessie in één ronde').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('veld-workshop');
    await page.keyboard.type('Zeggenschap');
    await expect.poll(() => page.getByLabel('Deelsessie en ronde').inputValue()).toBe('ronde-1/geld');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Zaal voor Zeggenschap door geld');
    await page.keyboard.press('Tab');
    await page.keyboard.type('De zaal is **B2.14**, op de tweede verdieping.');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('BUTTON Voorbeeld bekijken');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    await expect.poll(() => page.getByRole('heading', { name: 'Voorbeeld' }).textContent()).toBe('Voorbeeld');
    const preview = (await page.locator('main').textContent())!;
    expect(preview).toContain('Dit bericht gaat naar 2 deelnemers');
    expect(preview).toContain('Anna Geld, Bram Geld');
    expect(preview).toContain('Beste Anna Geld,');
    expect(await page.locator('.bijeen-preview strong').textContent()).toBe('B2.14');
    await expectAccessible(page, { withoutScripts: true });
    // What was typed is still there; Tab from the text reaches Voorbeeld bekijken, then Versturen.
    await expect.poll(() => page.getByLabel('Onderwerp').inputValue()).toBe('Zaal voor Zeggenschap door geld');
    await page.getByLabel('Tekst', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('BUTTON Versturen');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/berichten\/[0-9a-f-]{36}\?melding=verstuurd$/);
    await expectHeading(page, 'Bericht: Zaal voor Zeggenschap door geld');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Het bericht is verstuurd');
    const sent = (await page.locator('main').textContent())!;
    expect(sent).toContain('Wacht: 2');
    expect(sent).toContain('Anna Geld');
    expect(sent).not.toContain('Cato Abcd');
    await expectAccessible(page, { withoutScripts: true });
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'message'));
    expect(mails).toHaveLength(2);

    // The outbox: every mail of the event, then one mail.
    await page.getByRole('link', { name: 'Uitgaande post' }).click();
    await expectHeading(page, 'Uitgaande post: Berichtendag');
    const outbox = (await page.locator('main').textContent())!;
    expect(outbox).toContain('Er is geen mailserver ingesteld');
    expect(outbox).toContain('Bevestiging');
    expect(outbox).toContain('Bericht van de organisatie');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByRole('link', { name: 'Wacht (5)' }).click();
    await page.waitForURL(/status=wacht/);
    await expectAccessible(page, { withoutScripts: true });
    await page.getByRole('link', { name: 'Zaal voor Zeggenschap door geld' }).first().click();
    await expectHeading(page, 'E-mail: Zaal voor Zeggenschap door geld');
    await expect.poll(() => page.locator('pre.bijeen-mail-text').textContent()).toContain('De zaal is B2.14, op de tweede verdieping.');
    const frame = page.frameLocator('iframe.bijeen-mail-frame');
    await expect.poll(() => frame.locator('strong').first().textContent()).toBe('B2.14');
    // Axe cannot run inside the sandboxed frame (no scripts there, on purpose): the page
    // without it, and the mail's HTML on its own (a document of its own, with lang and title).
    const outside = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe.bijeen-mail-frame').analyze();
    expect(outside.violations.map((v) => v.id)).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([data-axe])').length)).toBe(0);
    const src = await page.locator('iframe.bijeen-mail-frame').getAttribute('src');
    await page.goto(`${server.url}${src}`);
    await expectHeading(page, 'Zaal voor Zeggenschap door geld');
    await expectAccessible(page);
    await context.close();
  }, 360_000);
});
