import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { mailOutbox } from '../../src/domain/mail/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { serveTestApp } from '../app';
import { expectAccessible, hasChromium, launchBrowser, expectHeading } from './browser';
import { openTestPglite } from '../db';

/* A forgotten password in Chromium, with the keyboard alone: ask for a link, open it from the mail, choose a new password. Axe on every page. */

const NEW = 'groene kikker in de sloot';

describe.runIf(hasChromium)('a forgotten password in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createAccount(database.db, { organiserId: org, email: 'vergeten@example.org', name: 'Fictieve Vergeter', password: 'paars paard op de dijk', role: 'redacteur' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  it('mails a link from the login page and sets the new password with it', async () => {
    const context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/beheer/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer/wachtwoord-vergeten`);
    await expectAccessible(page, { withoutScripts: true });

    // An empty address: the problem next to the field.
    await page.getByRole('button', { name: 'Link versturen' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#veld-email-fout').textContent()).toContain('Vul uw e-mailadres in.');
    await expectAccessible(page, { withoutScripts: true });

    await page.getByLabel('E-mailadres').focus();
    await page.keyboard.type('vergeten@example.org');
    await page.keyboard.press('Enter');
    await expectHeading(page, 'Kijk in uw e-mail');
    await expectAccessible(page, { withoutScripts: true });

    const [mail] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, 'vergeten@example.org'), eq(mailOutbox.kind, 'password_reset')));
    const link = /http\S+\/beheer\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/.exec(mail!.textBody)![0];
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await expectHeading(page, 'Nieuw wachtwoord kiezen');
    await expectAccessible(page, { withoutScripts: true });

    await page.getByLabel('Nieuw wachtwoord', { exact: true }).focus();
    await page.keyboard.type(NEW);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer?melding=wachtwoord-hersteld`);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Uw nieuwe wachtwoord is opgeslagen');
    await expectAccessible(page, { withoutScripts: true });
    await context.close();
  }, 120_000);
});
