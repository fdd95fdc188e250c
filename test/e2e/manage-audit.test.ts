import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { SYSTEM_ACTOR } from '../../src/domain/audit/service';
import { createEvent } from '../../src/domain/events/service';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { register } from '../../src/domain/registration/service';
import { eventDocument, registrant } from '../factories';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { openTestPglite } from '../db';

/*
 * The audit log in Chromium: a redacteur changes the event's title in the editor, approves
 * a registration, adds a note and deletes it, then reads the event's log — filtered by
 * area with the keyboard — and the registration's own history. Axe on every page.
 */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('the audit log in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'logdag', title: 'Logdag', registration: { capacity: 10, approvalRequired: true } }), {
      actingOrganiserId: org,
      actor: SYSTEM_ACTOR,
    });
    await register(database.db, 'logdag', { ...registrant(1), name: 'Fictieve Deelnemer' }, { now: new Date(), baseUrl: 'http://bijeen.test' });
    await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
    // Generous: the machine is shared.
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const status = (page: Page) => page.getByRole('status').first().textContent();

  it('changes the event, approves, adds and deletes a note, and reads it all back in the log', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/beheer/inloggen`);
    await page.getByLabel('E-mailadres').fill('redacteur@example.org');
    await page.getByLabel('Wachtwoord').fill(PW);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/beheer`);

    // A change in the editor: the title.
    await page.goto(`${server.url}/beheer/evenementen/logdag/bewerken/algemeen`);
    await page.locator('[id="veld-title"]').fill('Logdag wijkaanpak');
    await page.getByRole('button', { name: 'Opslaan' }).last().click();
    await expect.poll(() => status(page)).toContain('Opgeslagen.');

    // Approve the registration, then a note: first empty (the message next to the field), then right.
    await page.goto(`${server.url}/beheer/evenementen/logdag/aanmeldingen`);
    await page.getByRole('link', { name: 'Fictieve Deelnemer' }).click();
    await expectHeading(page, 'Fictieve Deelnemer');
    await expect.poll(() => page.locator('main').textContent()).toContain('Er zijn nog geen notities.');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect.poll(() => status(page)).toContain('De aanmelding is goedgekeurd');

    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect.poll(() => page.locator('[id="veld-notitie-fout"]').textContent()).toContain('Schrijf een notitie.');
    await expectAccessible(page, { withoutScripts: true });
    // With the keyboard: the field, type, then Tab to the button and Enter.
    await page.getByLabel('Nieuwe notitie').focus();
    await page.keyboard.type('Belde: neemt een collega mee.');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Notitie toevoegen');
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toContain('De notitie is toegevoegd.');
    await expect.poll(() => page.locator('.bijeen-notes').textContent()).toContain('Belde: neemt een collega mee.');
    await expect.poll(() => page.locator('.bijeen-notes').textContent()).toContain('Fictieve Redacteur');
    await expectAccessible(page, { withoutScripts: true });

    // The registration's own history names what happened to it, oldest first.
    const history = page.locator('table', { has: page.locator('caption', { hasText: 'Wijzigingen in het logboek' }) });
    await expect.poll(() => history.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('Aanmelding van Fictieve Deelnemer goedgekeurd'),
      expect.stringContaining('Notitie toegevoegd bij de aanmelding van Fictieve Deelnemer'),
    ]);

    // Delete the own note.
    await page.locator('.bijeen-notes button', { hasText: 'Verwijderen' }).click();
    await expect.poll(() => status(page)).toContain('De notitie is verwijderd.');
    await expect.poll(() => page.locator('main').textContent()).toContain('Er zijn nog geen notities.');

    // The event's log, from the overview, newest first.
    await page.goto(`${server.url}/beheer/evenementen/logdag`);
    await page.getByRole('link', { name: 'Logboek' }).click();
    await expectHeading(page, 'Logboek: Logdag wijkaanpak');
    await expectAccessible(page, { withoutScripts: true });
    const rows = async () => (await page.locator('table tbody tr th[scope="row"]').allTextContents()).map((t) => t.trim());
    await expect.poll(() => rows()).toEqual([
      'Notitie verwijderd bij de aanmelding van Fictieve Deelnemer',
      'Notitie toegevoegd bij de aanmelding van Fictieve Deelnemer',
      'Aanmelding van Fictieve Deelnemer goedgekeurd',
      'Algemeen gewijzigd',
      'Evenement aangemaakt',
    ]);
    const main = await page.locator('main').textContent();
    expect(main).toContain('Fictieve Redacteur');
    expect(main).toContain('systeem');
    expect(main).toContain('Velden: title');
    expect(main).not.toContain('Belde');

    // Filter by area with the keyboard: the select, an option, Tab to "Toon", Enter (a GET form).
    await page.getByLabel('Onderdeel').focus();
    await page.getByLabel('Onderdeel').selectOption('evenement');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Toon');
    await page.keyboard.press('Enter');
    await page.waitForURL(/onderdeel=evenement/);
    await expect.poll(() => rows()).toEqual(['Algemeen gewijzigd', 'Evenement aangemaakt']);
    await expectAccessible(page, { withoutScripts: true });

    // A registration's entry links to its page.
    await page.getByLabel('Onderdeel').selectOption('aanmeldingen');
    await page.getByRole('button', { name: 'Toon' }).click();
    await page.waitForURL(/onderdeel=aanmeldingen/);
    await page.getByRole('link', { name: 'Aanmelding van Fictieve Deelnemer goedgekeurd' }).click();
    await expectHeading(page, 'Fictieve Deelnemer');
    await context.close();
  }, 180_000);
});
