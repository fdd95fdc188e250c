import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { loadDemoIfEmpty } from '../../src/demo/load';
import { getEventDocument } from '../../src/domain/events/service';
import { register } from '../../src/domain/registration/service';
import { NO_RATE_LIMITS, serveTestApp, TEST_NOW } from '../app';
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { openTestPglite } from '../db';

describe.runIf(hasChromium)('registering in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    database = await openTestPglite();
    await loadDemoIfEmpty(database.db, TEST_NOW);
    server = await serveTestApp(database, undefined, NO_RATE_LIMITS);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nl-NL' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });


  it('registers for Dag van de Buurt with one workshop per round, from the event page', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/evenementen/dag-van-de-buurt`);
    await page.getByRole('link', { name: 'Aanmelden', exact: true }).click();
    await expectHeading(page, 'Aanmelden');
    await expectAccessible(page);
    await page.getByLabel('Naam').fill('Fictieve Bewoner');
    await page.getByLabel('E-mailadres').fill('bewoner@example.org');
    const round1 = page.locator('fieldset', { hasText: 'Ronde 1' });
    const round2 = page.locator('fieldset', { hasText: 'Ronde 2' });
    await round1.locator('input[type=radio]').nth(2).check();
    const picked1 = await round1.locator('input[type=radio]').nth(2).getAttribute('value');
    // Round 2 offers the same workshop too; choose another one.
    const options2 = await round2.locator('input[type=radio]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    await round2.locator(`input[value="${options2.find((v) => v !== picked1)}"]`).check();
    await page.getByLabel(/Ik ga akkoord met de/).check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.locator('h2#status-kop').textContent()).toBe('Gelukt: u bent aangemeld');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
    await expectAccessible(page);
  });

  it('shows an invalid form with its errors, linked from a summary, and keeps the input', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url}/evenementen/dag-van-de-buurt/aanmelden`);
    await page.getByLabel('Naam').fill('Fictieve Bewoner');
    await page.getByLabel('E-mailadres').fill('niet-een-adres');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.locator('#fouten-kop').textContent()).toMatch(/punten om te verbeteren/);
    await expect.poll(() => page.getByLabel('Naam').inputValue()).toBe('Fictieve Bewoner');
    await expect.poll(() => page.locator('#veld-email-fout').textContent()).toContain('Geef een geldig e-mailadres');
    // The summary's link takes the keyboard user to the field.
    await page.locator('#fouten a', { hasText: 'Geef een geldig e-mailadres' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('veld-email');
    await expectAccessible(page);
  });

  it('puts a fourth person of one municipality on the Leergang waiting list (max 3 per municipality)', async () => {
    // Three colleagues from Gemeente Zwolle registered already, each from another policy domain.
    const role = (await getEventDocument(database.db, 'leergang-wijkaanpak'))!.registration.questions.find((q) => q.key === 'rol')!.options[0]!;
    for (const [i, domain] of ['Onderwijs', 'Veiligheid', 'Wonen'].entries()) {
      const r = await register(
        database.db,
        'leergang-wijkaanpak',
        {
          name: `Collega ${i}`,
          email: `collega${i}@example.org`,
          organisation: 'Gemeente Zwolle',
          organisationKind: 'gemeente',
          domain,
          answers: { vragen: 'Hoe begin je?', rol: role },
          consents: { privacy: true },
        },
        { now: TEST_NOW, baseUrl: 'http://bijeen.test' },
      );
      expect(r.kind === 'registered' && r.registration.status).toBe('confirmed');
    }
    const page = await context.newPage();
    await page.goto(`${server.url}/evenementen/leergang-wijkaanpak/aanmelden`);
    await expect.poll(() => page.locator('#veld-organisation-uitleg').textContent()).toContain('ten hoogste 3');
    await page.getByLabel('Naam').fill('Vierde Collega');
    await page.getByLabel('E-mailadres').fill('vierde@example.org');
    await page.getByLabel('Organisatie', { exact: true }).fill('gemeente zwolle');
    await page.getByLabel('Soort organisatie').selectOption('gemeente');
    await page.getByLabel('Beleidsdomein').selectOption('Zorg en welzijn');
    await page.locator('textarea').first().fill('Hoe betrekken we bewoners?');
    await page.locator('fieldset', { hasText: /rol/i }).locator('input[type=radio]').first().check();
    await page.getByLabel(/Ik ga akkoord met de/).check();
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.locator('h2#status-kop').textContent()).toBe('U staat op de wachtlijst');
    await expect.poll(() => page.locator('#status').textContent()).toContain('Uw organisatie heeft het maximum aantal deelnemers bereikt');
    await expect.poll(() => page.locator('#status').textContent()).toContain('nummer 1');
    await expectAccessible(page);
  });
});
