import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { createEvent } from '../../src/domain/events/service';
import { mailOutbox } from '../../src/domain/mail/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { eventDocument } from '../factories';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/* The back office in Chromium: log in, the dashboard, invite a colleague who accepts in another browser, log out everywhere. Axe on every page. */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('the back office in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'proefdag', title: 'Proefdag wijkaanpak' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createAccount(database.db, { organiserId: org, email: 'beheer@example.org', name: 'Fictieve Beheerder', password: PW, role: 'beheerder' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  it('logs in, invites a colleague who accepts in another browser, and logs out everywhere', async () => {
    const admin = await browser.newContext({ locale: 'nl-NL' });
    admin.setDefaultTimeout(8_000);
    const page = await admin.newPage();

    // Without a session the back office sends one to the login page.
    await page.goto(`${server.url}/beheer`);
    expect(new URL(page.url()).pathname).toBe('/beheer/inloggen');
    await expectAccessible(page, { withoutScripts: true });

    // A wrong password: one message, next to the field and in the summary.
    await page.getByLabel('E-mailadres').fill('beheer@example.org');
    await page.getByLabel('Wachtwoord').fill('verkeerd wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.locator('#fouten').textContent()).toContain('E-mailadres of wachtwoord klopt niet.');
    await expect.poll(() => page.locator('#veld-email-fout').textContent()).toContain('E-mailadres of wachtwoord klopt niet.');
    await expectAccessible(page, { withoutScripts: true });

    // With the keyboard only: type, Tab to the password, Enter.
    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('beheer@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PW);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer`);
    await expectHeading(page, 'Evenementen');
    await expect.poll(() => page.getByRole('link', { name: 'Proefdag wijkaanpak' }).count()).toBe(1);
    await expectAccessible(page, { withoutScripts: true });

    await page.getByRole('link', { name: 'Proefdag wijkaanpak' }).click();
    await expect.poll(() => page.locator('h2').first().textContent()).toBe('Aanmeldingen: 0');
    await expectAccessible(page, { withoutScripts: true });

    // Invite a colleague as redacteur.
    await page.getByRole('link', { name: 'Team' }).click();
    await expectHeading(page, 'Team');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('E-mailadres').fill('geen adres');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => page.locator('#veld-email-fout').textContent()).toContain('Vul een geldig e-mailadres in');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('E-mailadres').fill('collega@example.org');
    await page.getByLabel('Rol', { exact: true }).selectOption('redacteur');
    await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('De uitnodiging is verstuurd.');
    await expect.poll(() => page.locator('main').textContent()).toContain('collega@example.org, als redacteur');
    await expectAccessible(page, { withoutScripts: true });

    // An API token, shown once.
    await page.getByRole('link', { name: 'API-tokens' }).click();
    await expectAccessible(page, { withoutScripts: true });
    await page.getByLabel('Waarvoor is het?').fill('Koppeling met de website');
    await page.getByRole('button', { name: 'Token maken' }).click();
    await expect.poll(() => page.locator('#nieuw-token-waarde').textContent()).toMatch(/^bij_/);
    await expectAccessible(page, { withoutScripts: true });

    // The colleague opens the link from the mail in a browser of their own.
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'collega@example.org'));
    const link = /http:\/\/bijeen\.test(\/beheer\/uitnodiging\/[A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
    const colleague = await browser.newContext({ locale: 'nl-NL' });
    colleague.setDefaultTimeout(8_000);
    const theirs = await colleague.newPage();
    await theirs.goto(`${server.url}${link}`);
    await expectHeading(theirs, 'Uw account aanmaken');
    await expectAccessible(theirs, { withoutScripts: true });
    await theirs.getByLabel('Uw naam').fill('Fictieve Collega');
    await theirs.getByLabel('Wachtwoord', { exact: true }).fill('kort');
    await theirs.getByLabel('Herhaal het wachtwoord').fill('kort');
    await theirs.getByRole('button', { name: 'Account aanmaken' }).click();
    await expect.poll(() => theirs.locator('#veld-password-fout').textContent()).toContain('minstens 12 tekens');
    await expectAccessible(theirs, { withoutScripts: true });
    await theirs.getByLabel('Wachtwoord', { exact: true }).fill('een ander lang wachtwoord');
    await theirs.getByLabel('Herhaal het wachtwoord').fill('een ander lang wachtwoord');
    await theirs.getByRole('button', { name: 'Account aanmaken' }).click();
    await theirs.waitForURL(/\/beheer\?melding=welkom$/);
    await expect.poll(() => theirs.getByRole('status').textContent()).toContain('Welkom!');
    await expect.poll(() => theirs.locator('nav[aria-label="Beheer"]').textContent()).toContain('Fictieve Collega · Kennisinstituut · Redacteur');
    // A redacteur has no team page.
    await expect.poll(() => theirs.getByRole('link', { name: 'Team' }).count()).toBe(0);
    await expectAccessible(theirs, { withoutScripts: true });

    // The beheerder sees the new colleague, then logs out everywhere (a second browser of theirs too).
    const second = await (await browser.newContext()).newPage();
    await second.goto(`${server.url}/beheer/inloggen`);
    await second.getByLabel('E-mailadres').fill('beheer@example.org');
    await second.getByLabel('Wachtwoord').fill(PW);
    await second.getByRole('button', { name: 'Inloggen' }).click();
    await second.waitForURL(`${server.url}/beheer`);

    await page.getByRole('link', { name: 'Team' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Fictieve Collega');
    await page.getByRole('link', { name: 'Mijn account' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('op 2 plekken ingelogd');
    await expectAccessible(page, { withoutScripts: true });
    await page.getByRole('button', { name: 'Overal uitloggen' }).click();
    await page.waitForURL(/\/beheer\/inloggen\?melding=overal-uitgelogd$/);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('U bent overal uitgelogd');
    await expectAccessible(page, { withoutScripts: true });

    await page.goto(`${server.url}/beheer`);
    expect(new URL(page.url()).pathname).toBe('/beheer/inloggen');
    await second.goto(`${server.url}/beheer`);
    expect(new URL(second.url()).pathname).toBe('/beheer/inloggen');
    // The colleague's own session is theirs: still in.
    await theirs.goto(`${server.url}/beheer`);
    await expectHeading(theirs, 'Evenementen');
  }, 90_000);
});
