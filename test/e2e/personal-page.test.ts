import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createEvent } from '../../src/domain/events/service';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { cancelRegistration, register } from '../../src/domain/registration/service';
import { eventDocument } from '../factories';
import { NO_RATE_LIMITS, serveTestApp, TEST_NOW } from '../app';
import { hasChromium, launchBrowser, expectAccessible } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/* The personal page in Chromium: accepting an offered place and changing a workshop, with axe on every state. */

const BASE = 'http://bijeen.test';
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);

describe.runIf(hasChromium)('the personal page in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let now = at(1);
  let organiserId: string;
  let n = 0;

  async function person(slug: string, choices: Record<string, string> = { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }) {
    const i = ++n;
    const r = await register(
      database.db,
      slug,
      { name: `Fictieve Deelnemer ${i}`, email: `browser${i}@example.org`, choices, consents: { privacy: true } },
      { now: TEST_NOW, baseUrl: BASE },
    );
    if (r.kind !== 'registered') throw new Error(r.kind);
    return r.registration;
  }
  /** A full event of two places where a freed place is now offered to `waiting` for 24 hours. */
  async function offered(slug: string) {
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2, offerHours: 24 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const holder = await person(slug);
    await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
    const waiting = await person(slug);
    const next = await person(slug);
    await cancelRegistration(database.db, holder.token, TEST_NOW, BASE);
    return { waiting, next };
  }

  beforeAll(async () => {
    database = await openTestPglite();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    server = await serveTestApp(database, () => now, NO_RATE_LIMITS);
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(8_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const heading = (page: Page) => page.locator('h2#status-kop').textContent();

  it('accepts an offered place, then changes a workshop', async () => {
    now = at(1);
    const { waiting } = await offered('browser-aanbod');
    const page = await context.newPage();
    await page.goto(`${server.url}/aanmelding/${waiting.token}`);
    await expect.poll(() => heading(page)).toBe('Er is een plaats voor u vrijgekomen');
    await expect.poll(() => page.locator('#status').textContent()).toContain('vóór maandag 23 november 2026 om 12:00 uur');
    await expectAccessible(page, { withoutScripts: true });

    await page.getByRole('button', { name: 'Plaats accepteren' }).click();
    await expect.poll(() => heading(page)).toBe('Gelukt: de plaats is van u');
    await expect.poll(() => page.getByRole('button', { name: 'Plaats accepteren' }).count()).toBe(0);
    await expectAccessible(page, { withoutScripts: true });

    // Round 2: from Corporaties to ABCD, which has a seat left.
    const round2 = page.getByRole('group', { name: /Ronde 2/ });
    await expect.poll(() => round2.getByLabel(/Corporaties/).isChecked()).toBe(true);
    await round2.getByLabel(/ABCD in de wijk/).check();
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect.poll(() => page.locator('#melding-kop').textContent()).toBe('Uw keuzes zijn gewijzigd');
    await expect.poll(() => page.locator('table tbody tr').nth(1).textContent()).toContain('ABCD in de wijk');
    await expectAccessible(page, { withoutScripts: true });
  });

  it('shows a workshop that filled up meanwhile as a problem next to its round, linked from the summary', async () => {
    now = at(1);
    const slug = 'browser-keuzes';
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 10 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
    const me = await person(slug);
    const page = await context.newPage();
    await page.goto(`${server.url}/aanmelding/${me.token}`);
    const round2 = page.getByRole('group', { name: /Ronde 2/ });
    await round2.getByLabel(/ABCD in de wijk/).check();
    // Someone else takes the last seat before this person saves.
    await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
    await page.getByRole('button', { name: 'Keuzes opslaan' }).click();
    await expect.poll(() => page.locator('#fouten-kop').textContent()).toBe('Er is 1 punt om te verbeteren');
    await expect.poll(() => page.locator('#veld-keuze-ronde-2-fout').textContent()).toContain('Deze deelsessie is vol');
    await expect.poll(() => round2.getByLabel(/ABCD in de wijk/).isDisabled()).toBe(true);
    await expectAccessible(page, { withoutScripts: true });
    await page.locator('#fouten a').click();
    expect(await page.evaluate(() => location.hash)).toBe('#veld-keuze-ronde-2');
  });

  it('says the offer expired when it is accepted too late, and shows someone waiting their choices', async () => {
    now = at(1);
    const { waiting, next } = await offered('browser-te-laat');
    const page = await context.newPage();
    await page.goto(`${server.url}/aanmelding/${waiting.token}`);
    now = at(30);
    await page.getByRole('button', { name: 'Plaats accepteren' }).click();
    await expect.poll(() => heading(page)).toBe('Het aanbod van een plaats is verlopen');
    await expect.poll(() => page.locator('#status').textContent()).toContain('de termijn was al verstreken');
    await expect.poll(() => page.getByRole('button', { name: 'Keuzes opslaan' }).count()).toBe(0);
    await expectAccessible(page, { withoutScripts: true });

    // The next in line now has the offer; until then they were waiting, with a choice form of their own.
    const theirs = await context.newPage();
    await theirs.goto(`${server.url}/aanmelding/${next.token}`);
    await expect.poll(() => heading(theirs)).toBe('Er is een plaats voor u vrijgekomen');
    await expectAccessible(theirs, { withoutScripts: true });
    await theirs.getByRole('button', { name: 'Plaats afwijzen' }).click();
    await expect.poll(() => heading(theirs)).toBe('Uw aanmelding is geannuleerd');
    await expectAccessible(theirs, { withoutScripts: true });
  });

  it('shows someone on the waiting list every workshop to choose from, full ones marked VOL', async () => {
    now = at(1);
    const slug = 'browser-wachtlijst';
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
    await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
    const waiting = await person(slug);
    const page = await context.newPage();
    await page.goto(`${server.url}/aanmelding/${waiting.token}`);
    await expect.poll(() => heading(page)).toBe('U staat op de wachtlijst');
    const full = page.getByRole('group', { name: /Ronde 2/ }).getByLabel(/ABCD in de wijk/);
    await expect.poll(() => full.isDisabled()).toBe(false);
    await expectAccessible(page, { withoutScripts: true });
  });
});
