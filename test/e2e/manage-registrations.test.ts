import { readFile } from 'node:fs/promises';
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
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/* An event's registrations in the back office, in Chromium: filter the table, open one, approve, refuse with a reason, add one by hand, export CSV. Axe on every page. */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)("the back office's registrations in Chromium", () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'met-goedkeuring', title: 'Dag met goedkeuring', registration: { capacity: 10, approvalRequired: true } }), {
      actor: TEST_ACTOR, actingOrganiserId: org,
    });
    const people: [string, string][] = [
      ['Anna Utrecht', 'Gemeente Utrecht'],
      ['Bram Delft', 'Gemeente Delft'],
      ['Cato Delft', 'Gemeente Delft'],
    ];
    for (const [i, [name, organisation]] of people.entries())
      await register(database.db, 'met-goedkeuring', { ...registrant(i), name, organisation }, { now: new Date(), baseUrl: 'http://bijeen.test' });
    await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const status = (page: Page) => page.getByRole('status').first().textContent();

  it('filters, approves, refuses with a reason, adds one by hand and exports CSV', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', acceptDownloads: true });
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/beheer/evenementen/met-goedkeuring/aanmeldingen`);
    await page.getByLabel('E-mailadres').fill('redacteur@example.org');
    await page.getByLabel('Wachtwoord').fill(PW);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/aanmeldingen$/);
    await expectHeading(page, 'Aanmeldingen: Dag met goedkeuring');
    await expect.poll(() => page.locator('main').textContent()).toContain('Wacht op goedkeuring: 3');
    await expectAccessible(page, { withoutScripts: true });

    // Filter: an organisation and a search, then Enter (a GET form).
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Gemeente Delft' });
    await page.getByLabel('Zoek op naam, e-mailadres of organisatie').fill('bram');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=bram/);
    await expect.poll(() => page.locator('caption').last().textContent()).toContain('1 van de 3 aanmeldingen');
    await expectAccessible(page, { withoutScripts: true });

    // Open it and approve.
    await page.getByRole('link', { name: 'Bram Delft' }).click();
    await expectHeading(page, 'Bram Delft');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect.poll(() => status(page)).toContain('De aanmelding is goedgekeurd');
    await expect.poll(() => page.locator('main').textContent()).toContain('Bevestigd');
    await expectAccessible(page, { withoutScripts: true });

    // Another, refused with a reason: mailed.
    await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Dag met goedkeuring' }).click();
    await page.getByRole('link', { name: 'Anna Utrecht' }).click();
    await page.getByLabel('Reden (niet verplicht)').fill('Deze dag is alleen voor de regio Zuid-Holland.');
    await page.getByRole('button', { name: 'Afwijzen' }).click();
    await expect.poll(() => status(page)).toContain('De aanmelding is afgewezen');
    await expect.poll(() => page.locator('main').textContent()).toContain('Deze dag is alleen voor de regio Zuid-Holland.');
    await expectAccessible(page, { withoutScripts: true });
    const refusal = (await database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'refused')))[0];
    expect(refusal?.textBody).toContain('Deze dag is alleen voor de regio Zuid-Holland.');

    // Add one by hand (after a phone call): first with a problem, then right.
    await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Dag met goedkeuring' }).click();
    await page.getByRole('link', { name: 'Aanmelding toevoegen' }).click();
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('Naam', { exact: true }).fill('Telefoon Deelnemer');
    await page.getByLabel('E-mailadres', { exact: true }).fill('telefoon@example.org');
    await page.getByLabel('Organisatie', { exact: true }).fill('Gemeente Gouda');
    await page.getByLabel('Deelsessie in Ronde 1').selectOption('geld');
    await page.getByLabel('Deelsessie in Ronde 2').selectOption('corporaties');
    await page.getByRole('button', { name: 'Aanmelding toevoegen' }).click();
    await expect.poll(() => page.locator('#fouten').textContent()).toContain('privacyverklaring');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('De deelnemer gaat akkoord met de privacyverklaring (gevraagd).').check();
    await page.getByRole('button', { name: 'Aanmelding toevoegen' }).click();
    await expect.poll(() => status(page)).toContain('De aanmelding is toegevoegd');
    await expectHeading(page, 'Telefoon Deelnemer');
    await expect.poll(() => page.locator('main').textContent()).toContain('Wacht op goedkeuring');
    await expectAccessible(page, { withoutScripts: true });

    // Export CSV with the session, and read it back.
    await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Dag met goedkeuring' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Aanmeldingen als CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^aanmeldingen-met-goedkeuring-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r?\n/);
    // The header and the active registrations (the export leaves the refused one out by default).
    expect(lines).toHaveLength(4);
    expect(csv).not.toContain('Anna Utrecht');
    expect(lines[0]).toContain(';');
    expect(csv).toContain('Telefoon Deelnemer');
    expect(lines.find((l) => l.includes('Bram Delft'))).toMatch(/bevestigd/i);
    await context.close();
    // Eight axe runs and a download: ample time when it shares two cores with the rest of the suite.
  }, 120_000);
});
