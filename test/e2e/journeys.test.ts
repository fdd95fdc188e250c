import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { and, asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { ensureDemoAccount, loadDemoIfEmpty, DEMO_ACCOUNT } from '../../src/demo/load';
import { createAccount } from '../../src/domain/accounts/service';
import { checkinCode, formatCode } from '../../src/domain/checkin/rules';
import { createEvent, getEventDocument } from '../../src/domain/events/service';
import { events } from '../../src/domain/events/table';
import { mailOutbox } from '../../src/domain/mail/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { register } from '../../src/domain/registration/service';
import { registrations } from '../../src/domain/registration/table';
import { eventDocument, registrant } from '../factories';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible, expectHeading } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/*
 * Whole journeys through bijeen in Chromium, as the people who use it make them: the
 * organiser in the back office in one browser, the public in another (no session), the
 * check-in desk on a phone. Each journey has a database and an app of its own; the
 * browser is started once. Axe (WCAG 2.2 AA) on every page visited.
 *
 * With BIJEEN_SCREENSHOTS=1 (`npm run screenshots`) the journeys also photograph the key
 * pages into docs/screenshots/beheer-*.png for the README's tour; otherwise they write
 * nothing into the repository.
 */

const PW = 'paars paard op de dijk';
const SHOTS = process.env.BIJEEN_SCREENSHOTS === '1';
const SHOT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 375, height: 740 };

/** A picture of what is on the screen now (the viewport, not the whole page), only with BIJEEN_SCREENSHOTS=1. */
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOT_DIR, `beheer-${name}.png`) });
}

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Press Tab until `target` has the focus, as a keyboard user does (at most `max` times). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reached with Tab in ${max} presses`);
}

/** Tab into a group of radio buttons and choose `value` with the arrow keys (or Space on the first). */
async function chooseRadio(page: Page, name: string, value: string): Promise<void> {
  await tabTo(page, page.locator(`input[type=radio][name="${name}"]:focus`).or(page.locator(`input[type=radio][name="${name}"]`).first()));
  for (let i = 0; i < 40; i++) {
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value);
    if (current === value) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  expect(await page.locator(`input[type=radio][name="${name}"][value="${value}"]`).isChecked()).toBe(true);
}

/** Enter, and wait for the page the form posts to (every form here is a plain one). */
const enter = (page: Page) => Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Inloggen' }).click()]);
}

const field = (page: Page, name: string) => page.locator(`[id="veld-${name}"]`);
const status = (page: Page) => page.getByRole('status').first().textContent();
const main = (page: Page) => page.locator('main').textContent();

describe.runIf(hasChromium)('whole journeys in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function newContext(opts: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: DESKTOP, ...opts });
    // Generous: the machine's two cores are shared with other browser suites.
    context.setDefaultTimeout(20_000);
    context.setDefaultNavigationTimeout(30_000);
    return context;
  }

  // -------------------------------------------------------------------------------------
  describe('Dag van de Buurt: made from nothing, published, registered for, checked in, exported', () => {
    let database: Database;
    let server: { url: string; close: () => Promise<void> };

    beforeAll(async () => {
      database = await openTestPglite();
      const org = (await ensureOrganiser(database.db, 'buurtplatform', 'Buurtplatform')).id;
      await createAccount(database.db, { organiserId: org, email: 'beheer@example.org', name: 'Fictieve Beheerder', password: PW, role: 'beheerder' }, new Date());
      await createAccount(database.db, { organiserId: org, email: 'balie@example.org', name: 'Fictieve Balie', password: PW, role: 'balie' }, new Date());
      server = await serveTestApp(database, () => new Date());
    });
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    it('an organiser builds and publishes it, the public registers by keyboard, the desk checks them in, and the exports list them', async () => {
      const slug = 'dag-van-de-buurt';
      const admin = await newContext({ acceptDownloads: true });
      const page = await admin.newPage();
      const save = async () => {
        await page.getByRole('button', { name: 'Opslaan' }).last().click();
        await expect.poll(() => status(page)).toContain('Opgeslagen.');
      };

      // Log in.
      await page.goto(`${server.url}/beheer`);
      expect(new URL(page.url()).pathname).toBe('/beheer/inloggen');
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'inloggen');
      await logIn(page, 'beheer@example.org', PW);
      expect(new URL(page.url()).pathname).toBe('/beheer');
      await expectAccessible(page, { withoutScripts: true });

      // A new online event, one afternoon.
      await page.getByRole('link', { name: 'Nieuw evenement' }).click();
      await expectAccessible(page);
      await field(page, 'title').fill('Dag van de Buurt');
      await field(page, 'summary').fill('Een online middag over wat bewoners in hun buurt doen, met twee rondes deelsessies.');
      await field(page, 'format').selectOption('online');
      await field(page, 'meetings.0.startsAt').fill('2030-01-31T13:30');
      await field(page, 'meetings.0.endsAt').fill('2030-01-31T16:30');
      await field(page, 'meetings.0.online').check();
      await page.getByRole('button', { name: 'Evenement aanmaken' }).click();
      await page.waitForURL(new RegExp(`/beheer/evenementen/${slug}/bewerken\\?`));
      await expectAccessible(page);

      // The meeting's link for registrants only.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken/bijeenkomsten`);
      await field(page, 'meetings.0.joinUrl').fill('https://meet.example.org/dag-van-de-buurt');
      await save();
      await expectAccessible(page);

      // The programme: the studio opening, two rounds of workshops, the closing.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken/programma`);
      const items: [string, 'item' | 'round', string, string][] = [
        ['Opening in de studio', 'item', '2030-01-31T13:30', '2030-01-31T14:00'],
        ['Ronde 1', 'round', '2030-01-31T14:00', '2030-01-31T14:50'],
        ['Ronde 2', 'round', '2030-01-31T15:00', '2030-01-31T15:50'],
        ['Afsluiting met tafelgasten', 'item', '2030-01-31T16:00', '2030-01-31T16:30'],
      ];
      for (const [i, [title, kind, start, end]] of items.entries()) {
        await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
        await field(page, `programme.${i}.title`).fill(title);
        await field(page, `programme.${i}.kind`).selectOption(kind);
        await field(page, `programme.${i}.startsAt`).fill(start);
        await field(page, `programme.${i}.endsAt`).fill(end);
      }
      await save();
      await expectAccessible(page);
      await page.locator('fieldset', { has: page.locator('legend', { hasText: /^Onderdeel 2$/ }) }).evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      await shot(page, 'editor-programma');

      // Workshops with small capacities; one runs in both rounds.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken/deelsessies`);
      const workshops: [string, number, number[]][] = [
        ['Buurtrecht en het recht om uit te dagen', 2, [0, 1]],
        ['Zeggenschap door geld', 3, [0]],
        ['Een veilige buurt', 3, [1]],
        ['Jongeren maken de buurt', 4, [1]],
      ];
      for (const [i, [title, capacity, rounds]] of workshops.entries()) {
        await page.getByRole('button', { name: 'Deelsessie toevoegen' }).click();
        await field(page, `workshops.${i}.title`).fill(title);
        await field(page, `workshops.${i}.capacity`).fill(String(capacity));
        for (const r of rounds) await page.locator(`[id="veld-workshops.${i}.rounds-${r}"]`).check();
      }
      await save();
      await expectAccessible(page);
      await shot(page, 'editor-deelsessies');

      // Publish.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken`);
      await page.getByRole('button', { name: 'Publiceren' }).click();
      await expect.poll(() => status(page)).toContain('gepubliceerd');
      await expectAccessible(page);
      const doc = (await getEventDocument(database.db, slug))!;
      expect(doc.status).toBe('published');
      expect(doc.workshops.map((w) => [w.title, w.capacity, w.rounds])).toEqual([
        ['Buurtrecht en het recht om uit te dagen', 2, ['ronde-1', 'ronde-2']],
        ['Zeggenschap door geld', 3, ['ronde-1']],
        ['Een veilige buurt', 3, ['ronde-2']],
        ['Jongeren maken de buurt', 4, ['ronde-2']],
      ]);
      const [round1, round2] = doc.programme.filter((p) => p.kind === 'round');
      const [buurtrecht, geld, veilig] = doc.workshops;
      // Someone registered already (through the API, say), so the table has more than one.
      const earlier = await register(
        database.db,
        slug,
        { name: 'Fictieve Wijkwerker', email: 'wijkwerker@example.org', organisation: 'Welzijn Oost (fictief)', choices: { [round1!.key]: buurtrecht!.key, [round2!.key]: veilig!.key }, consents: { privacy: true } },
        { now: new Date(), baseUrl: 'http://bijeen.test' },
      );
      expect(earlier.kind === 'registered' && earlier.registration.status).toBe('confirmed');

      // The public, in a browser of its own: the event page, then the form by keyboard alone.
      const visitor = await newContext();
      const pub = await visitor.newPage();
      await pub.goto(`${server.url}/evenementen/${slug}`);
      const eventText = await main(pub);
      expect(eventText).toContain('Dag van de Buurt');
      expect(eventText).toContain('Buurtrecht en het recht om uit te dagen');
      expect(eventText).toContain('Online');
      // The meeting link goes to registrants only.
      expect(await pub.content()).not.toContain('meet.example.org');
      await expectAccessible(pub);
      await shot(pub, 'evenementpagina');
      await pub.getByRole('link', { name: 'Aanmelden', exact: true }).click();
      await expectHeading(pub, 'Aanmelden');
      await expectAccessible(pub);
      await tabTo(pub, pub.getByLabel('Naam', { exact: true }));
      await pub.keyboard.type('Fictieve Buurtbewoner');
      await tabTo(pub, pub.getByLabel('E-mailadres'));
      await pub.keyboard.type('buurtbewoner@example.org');
      await tabTo(pub, pub.locator('#veld-organisation'));
      await pub.keyboard.type('Bewonersvereniging De Linde (fictief)');
      await chooseRadio(pub, `keuze.${round1!.key}`, geld!.key);
      await chooseRadio(pub, `keuze.${round2!.key}`, buurtrecht!.key);
      const privacy = pub.getByLabel(/Ik ga akkoord met de/);
      await tabTo(pub, privacy);
      await pub.keyboard.press('Space');
      expect(await privacy.isChecked()).toBe(true);
      await tabTo(pub, pub.getByRole('button', { name: 'Aanmelden' }));
      await enter(pub);
      // The personal page: confirmed, both workshops, the meeting link and the check-in code.
      expect(new URL(pub.url()).pathname).toMatch(/^\/aanmelding\//);
      await expect.poll(() => pub.locator('h2#status-kop').textContent()).toBe('Gelukt: u bent aangemeld');
      const personal = await main(pub);
      expect(personal).toContain('Zeggenschap door geld');
      expect(personal).toContain('Buurtrecht en het recht om uit te dagen');
      await expect.poll(() => pub.getByRole('link', { name: 'deelnemen aan Dag van de Buurt' }).getAttribute('href')).toBe('https://meet.example.org/dag-van-de-buurt');
      const shownCode = (await pub.locator('.bijeen-checkin-code').textContent())!.trim();
      const token = new URL(pub.url()).pathname.split('/')[2]!;
      expect(shownCode).toBe(formatCode(checkinCode(token)));
      await expectAccessible(pub);
      // The public event page now counts the taken seat: "nog 1 plaats" of Buurtrecht in round 2.
      await pub.goto(`${server.url}/evenementen/${slug}/aanmelden`);
      const seatId = await pub.locator(`input[name="keuze.${round2!.key}"][value="${buurtrecht!.key}"]`).getAttribute('id');
      await expect.poll(() => pub.locator(`label[for="${seatId}"]`).textContent()).toContain('nog 1 plaats');
      await visitor.close();

      // Back in the back office: the registration in the table, found by name.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/aanmeldingen`);
      await page.getByLabel('Zoek op naam, e-mailadres of organisatie').fill('buurtbewoner');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=buurtbewoner/);
      await expect.poll(() => page.locator('caption').last().textContent()).toContain('1 van de 2 aanmeldingen');
      const row = page.locator('tbody tr', { hasText: 'Fictieve Buurtbewoner' });
      await expect.poll(() => row.textContent()).toMatch(/Bevestigd[\s\S]*Zeggenschap door geld/);
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'aanmeldingen');
      await row.getByRole('link', { name: 'Fictieve Buurtbewoner' }).click();
      await expectHeading(page, 'Fictieve Buurtbewoner');
      await expect.poll(() => main(page)).toContain(`${round2!.title}: ${buurtrecht!.title} (plaats)`);
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'aanmelding');

      // The check-in desk on a phone, by keyboard: the code from the personal page.
      const phone = await newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
      const desk = await phone.newPage();
      await desk.goto(`${server.url}/beheer/evenementen/${slug}/balie`);
      await desk.getByLabel('E-mailadres').focus();
      await desk.keyboard.type('balie@example.org');
      await desk.keyboard.press('Tab');
      await desk.keyboard.type(PW);
      await enter(desk);
      expect(new URL(desk.url()).pathname).toBe(`/beheer/evenementen/${slug}/balie`);
      await expect.poll(() => desk.locator('#telling').textContent()).toBe('0 van 2 aanwezig');
      await expectAccessible(desk);
      await expect.poll(() => desk.evaluate(() => document.activeElement?.id)).toBe('zoek');
      await desk.keyboard.type(shownCode);
      await enter(desk);
      await expect.poll(() => desk.locator('[role="status"], [role="alert"]').first().textContent()).toContain('Fictieve Buurtbewoner is aanwezig.');
      await expect.poll(() => desk.locator('#telling').textContent()).toBe('1 van 2 aanwezig');
      await expectAccessible(desk);
      expect(await desk.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await shot(desk, 'balie-telefoon');
      await phone.close();

      // The exports, downloaded through the browser and read back.
      await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Dag van de Buurt' }).click();
      const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Aanmeldingen als CSV' }).click()]);
      expect(csvDownload.suggestedFilename()).toMatch(/^aanmeldingen-dag-van-de-buurt-\d{4}-\d{2}-\d{2}\.csv$/);
      const csvRows: Record<string, string>[] = parse(await readFile((await csvDownload.path())!, 'utf8'), { bom: true, delimiter: ';', columns: true });
      expect(csvRows.map((r) => r.Naam)).toEqual(['Fictieve Wijkwerker', 'Fictieve Buurtbewoner']);
      expect(csvRows[1]).toMatchObject({
        Status: 'bevestigd',
        Naam: 'Fictieve Buurtbewoner',
        'E-mail': 'buurtbewoner@example.org',
        Organisatie: 'Bewonersvereniging De Linde (fictief)',
        'Ronde 1': geld!.title,
        'Ronde 1: status': 'bevestigd',
        'Ronde 2': buurtrecht!.title,
        'Ronde 2: status': 'bevestigd',
      });
      const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Aanmeldingen als Excel-bestand (XLSX)' }).click()]);
      expect(xlsxDownload.suggestedFilename()).toMatch(/^aanmeldingen-dag-van-de-buurt-\d{4}-\d{2}-\d{2}\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile((await xlsxDownload.path())!);
      const sheet = workbook.worksheets[0]!;
      const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      const headers = cells(1);
      expect(sheet.actualRowCount).toBe(3);
      const person = Object.fromEntries(headers.map((h, i) => [h, cells(3)[i]]));
      expect(person).toMatchObject({ Status: 'bevestigd', Naam: 'Fictieve Buurtbewoner', 'Ronde 1': geld!.title, 'Ronde 2': buurtrecht!.title, 'Ronde 2: status': 'bevestigd' });
      expect(Object.values(person)).not.toContain(veilig!.title);

      // One confirmation mail, with the check-in code and the meeting link.
      const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'buurtbewoner@example.org'));
      expect(mails.map((m) => m.kind)).toEqual(['confirmation']);
      expect(mails[0]!.textBody).toContain(shownCode);
      expect(mails[0]!.textBody).toContain('https://meet.example.org/dag-van-de-buurt');
      await admin.close();
    }, 300_000);
  });

  // -------------------------------------------------------------------------------------
  describe('Leergang slagvaardige wijkaanpak: the limit per municipality, the waiting list, moving up by hand', () => {
    let database: Database;
    let server: { url: string; close: () => Promise<void> };
    /** The app's clock: the journey moves it past the first meeting. */
    let now = new Date();
    const slug = 'leergang-wijkaanpak';

    beforeAll(async () => {
      database = await openTestPglite();
      // The demo, as `npm start` loads it, with its account (README: how to log in).
      await loadDemoIfEmpty(database.db, now);
      await ensureDemoAccount(database.db, now, { demoJustLoaded: true });
      server = await serveTestApp(database, () => now);
    });
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    const zwolle = [
      ['Anouk Zwolle', 'anouk@example.org', 'Onderwijs'],
      ['Bram Zwolle', 'bram@example.org', 'Veiligheid'],
      ['Chantal Zwolle', 'chantal@example.org', 'Wonen'],
      ['Daan Zwolle', 'daan@example.org', 'Zorg en welzijn'],
      ['Eline Zwolle', 'eline@example.org', 'Werk en inkomen'],
    ] as const;

    /** Someone of Gemeente Zwolle registers through the public form; returns the personal page. */
    async function registerPublicly(visitor: BrowserContext, [name, email, domain]: (typeof zwolle)[number], checkForm = false): Promise<Page> {
      const pub = await visitor.newPage();
      await pub.goto(`${server.url}/evenementen/${slug}/aanmelden`);
      if (checkForm) {
        await expect.poll(() => pub.locator('#veld-organisation-uitleg').textContent()).toContain('ten hoogste 3 mensen deelnemen, van ten hoogste 20 organisaties');
        await expectAccessible(pub);
      }
      await pub.getByLabel('Naam', { exact: true }).fill(name);
      await pub.getByLabel('E-mailadres').fill(email);
      await pub.getByLabel('Organisatie', { exact: true }).fill('Gemeente Zwolle');
      await pub.getByLabel('Soort organisatie').selectOption('gemeente');
      await pub.getByLabel('Beleidsdomein').selectOption(domain);
      await pub.getByLabel(/Welke vragen wilt u/).fill('Hoe houden we de wijkaanpak lang genoeg vol?');
      await pub.getByLabel('Beleidsmedewerker of beleidsadviseur').check();
      await pub.getByLabel(/Ik ga akkoord met de/).check();
      await Promise.all([pub.waitForNavigation(), pub.getByRole('button', { name: 'Aanmelden' }).click()]);
      expect(new URL(pub.url()).pathname).toMatch(/^\/aanmelding\//);
      return pub;
    }

    const statusOf = async (email: string) =>
      (await database.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.email, email)))[0]?.status;
    const mailsTo = async (email: string) =>
      (await database.db.select({ kind: mailOutbox.kind }).from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(asc(mailOutbox.createdAt))).map((m) => m.kind);

    it('puts the fourth of one municipality on the waiting list, moves the list when a place frees, and lets the organiser move one up by hand after the start', async () => {
      const admin = await newContext();
      const page = await admin.newPage();
      await page.goto(`${server.url}/beheer`);
      await logIn(page, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      await expectHeading(page, 'Evenementen');
      await expect.poll(() => page.getByRole('link', { name: 'Leergang slagvaardige wijkaanpak' }).count()).toBe(1);
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'dashboard');

      // The organiser gives a freed place as an offer of two days, not at once.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken/aanmelden`);
      await expect.poll(() => field(page, 'registration.organisationLimits.perOrganisation').inputValue()).toBe('3');
      await expect.poll(() => field(page, 'registration.organisationLimits.maxOrganisations').inputValue()).toBe('20');
      await field(page, 'registration.offerHours').fill('48');
      await page.getByRole('button', { name: 'Opslaan' }).last().click();
      await expect.poll(() => status(page)).toContain('Opgeslagen.');
      await expectAccessible(page);
      expect((await getEventDocument(database.db, slug))!.registration.offerHours).toBe(48);

      // Four colleagues of Gemeente Zwolle register, each from another policy domain.
      const visitor = await newContext();
      for (const [i, person] of zwolle.slice(0, 3).entries()) {
        const pub = await registerPublicly(visitor, person, i === 0);
        await expect.poll(() => pub.locator('h2#status-kop').textContent()).toBe('Gelukt: u bent aangemeld');
        if (i === 0) await expectAccessible(pub);
        await pub.close();
      }
      const fourth = await registerPublicly(visitor, zwolle[3]);
      await expect.poll(() => fourth.locator('h2#status-kop').textContent()).toBe('U staat op de wachtlijst');
      await expect.poll(() => fourth.locator('#status').textContent()).toContain('Uw organisatie heeft het maximum aantal deelnemers bereikt');
      await expect.poll(() => fourth.locator('#status').textContent()).toContain('nummer 1');
      await expectAccessible(fourth);
      const daanPersonal = fourth.url();
      await fourth.close();
      expect(await mailsTo('daan@example.org')).toEqual(['waitlisted']);

      // The organiser's table: Gemeente Zwolle at its limit, Daan waiting.
      await page.goto(`${server.url}/beheer/evenementen/${slug}/aanmeldingen`);
      const zwolleRow = page.locator('table', { hasText: 'Per organisatie' }).locator('tr', { hasText: 'Gemeente Zwolle' });
      await expect.poll(() => zwolleRow.textContent()).toMatch(/Gemeente Zwolle\s*3 van 3 \(vol\)\s*1/);
      await expect.poll(() => main(page)).toContain('Wachtlijst: 1');
      await expect.poll(() => main(page)).toContain('Organisaties met een plaats: 1 van ten hoogste 20.');
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'aanmeldingen-leergang');

      // Moving Daan up by hand would pass the limit: refused, with the reason.
      await page.getByRole('link', { name: 'Daan Zwolle' }).click();
      await expect.poll(() => main(page)).toContain('Wachtlijst, nummer 1 op de wachtlijst (de organisatie heeft het maximum aantal plaatsen)');
      await page.getByRole('button', { name: 'Van de wachtlijst halen' }).click();
      await expect.poll(() => page.locator('[role="status"], [role="alert"]').first().textContent()).toContain('Deze organisatie heeft al het maximum van 3 plaatsen.');
      expect(await statusOf('daan@example.org')).toBe('waitlisted');
      await expectAccessible(page, { withoutScripts: true });
      await shot(page, 'aanmelding-wachtlijst');

      // Anouk phones to say she cannot come: the organiser cancels her, the place is offered to Daan.
      await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Leergang slagvaardige wijkaanpak' }).click();
      await page.getByRole('link', { name: 'Anouk Zwolle' }).click();
      await page.getByLabel('Ja, annuleer deze aanmelding').check();
      await page.getByRole('button', { name: 'Aanmelding annuleren' }).click();
      await expect.poll(() => status(page)).toContain('De aanmelding is geannuleerd');
      await expectAccessible(page, { withoutScripts: true });
      expect(await statusOf('anouk@example.org')).toBe('cancelled');
      expect(await statusOf('daan@example.org')).toBe('offered');
      expect(await mailsTo('anouk@example.org')).toEqual(['confirmation', 'cancelled']);
      expect(await mailsTo('daan@example.org')).toEqual(['waitlisted', 'offer']);

      // Daan opens the link in the offer mail and accepts the place.
      const [offerMail] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, 'daan@example.org'), eq(mailOutbox.kind, 'offer')));
      const link = /http:\/\/bijeen\.test(\/aanmelding\/[A-Za-z0-9_-]+)/.exec(offerMail!.textBody)![1]!;
      expect(new URL(daanPersonal).pathname).toBe(link);
      const offer = await visitor.newPage();
      await offer.goto(`${server.url}${link}`);
      await expect.poll(() => main(offer)).toContain('Er is een plaats vrijgekomen en die bieden wij u aan');
      await expectAccessible(offer);
      await offer.getByRole('button', { name: 'Plaats accepteren' }).click();
      await expect.poll(() => offer.locator('h2#status-kop').textContent()).toBe('Gelukt: de plaats is van u');
      await expectAccessible(offer);
      expect(await statusOf('daan@example.org')).toBe('confirmed');
      expect(await mailsTo('daan@example.org')).toEqual(['waitlisted', 'offer', 'confirmation']);

      // Eline, a fifth colleague, waits for Zwolle's limit.
      const fifth = await registerPublicly(visitor, zwolle[4]);
      await expect.poll(() => fifth.locator('#status').textContent()).toContain('Uw organisatie heeft het maximum aantal deelnemers bereikt');
      await visitor.close();

      // After the first meeting Bram drops out. Now the course has begun, a freed place is
      // offered to nobody; the organiser phones Eline, who still wants to join, and moves her up by hand.
      const [leergang] = await database.db.select().from(events).where(eq(events.slug, slug));
      const doc = (await getEventDocument(database.db, slug))!;
      now = new Date(new Date(doc.meetings[0]!.endsAt).getTime() + 24 * 3_600_000);
      expect(now > leergang!.startsAt && now < new Date(doc.meetings[1]!.startsAt)).toBe(true);
      await page.goto(`${server.url}/beheer/evenementen/${slug}/aanmeldingen`);
      // Weeks later: the session has ended (7 days at most); log in again.
      expect(new URL(page.url()).pathname).toBe('/beheer/inloggen');
      await logIn(page, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password);
      expect(new URL(page.url()).pathname).toBe(`/beheer/evenementen/${slug}/aanmeldingen`);
      await page.getByRole('link', { name: 'Bram Zwolle' }).click();
      await page.getByLabel('Ja, annuleer deze aanmelding').check();
      await page.getByRole('button', { name: 'Aanmelding annuleren' }).click();
      await expect.poll(() => status(page)).toContain('De aanmelding is geannuleerd');
      expect(await statusOf('bram@example.org')).toBe('cancelled');
      expect(await statusOf('eline@example.org')).toBe('waitlisted');
      expect(await mailsTo('eline@example.org')).toEqual(['waitlisted']);

      await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Leergang slagvaardige wijkaanpak' }).click();
      await expect.poll(() => zwolleRow.textContent()).toMatch(/Gemeente Zwolle\s*2 van 3\s*1/);
      await page.getByRole('link', { name: 'Eline Zwolle' }).click();
      await page.getByRole('button', { name: 'Van de wachtlijst halen' }).click();
      await expect.poll(() => status(page)).toContain('De aanmelding is van de wachtlijst gehaald en bevestigd');
      await expect.poll(() => main(page)).toContain('Bevestigd');
      await expectAccessible(page, { withoutScripts: true });
      expect(await statusOf('eline@example.org')).toBe('confirmed');
      expect(await mailsTo('eline@example.org')).toEqual(['waitlisted', 'confirmation']);
      expect(await mailsTo('bram@example.org')).toEqual(['confirmation', 'cancelled']);

      // Zwolle at its limit again, nobody left waiting.
      await page.getByRole('link', { name: 'Terug naar de aanmeldingen van Leergang slagvaardige wijkaanpak' }).click();
      await expect.poll(() => zwolleRow.textContent()).toMatch(/Gemeente Zwolle\s*3 van 3 \(vol\)\s*0/);
      await expect.poll(() => main(page)).toContain('Wachtlijst: 0');
      await expectAccessible(page, { withoutScripts: true });
      await admin.close();
    }, 300_000);
  });

  // -------------------------------------------------------------------------------------
  describe('Verslag: the report written, previewed, published, on the event page and in the agenda', () => {
    let database: Database;
    let server: { url: string; close: () => Promise<void> };
    const slug = 'wijkaanpak-in-gesprek';
    const day = '2026-10-08';

    beforeAll(async () => {
      database = await openTestPglite();
      const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
      const at = (hhmm: string) => `${day}T${hhmm}:00+02:00`;
      const base = eventDocument();
      await createEvent(
        database.db,
        eventDocument({
          slug,
          title: 'De wijkaanpak in gesprek',
          meetings: [{ key: 'middag', startsAt: at('12:30'), endsAt: at('17:30'), venue: 'stadhuis' }],
          programme: base.programme!.map((p, i) => ({ ...p, startsAt: at(['12:30', '13:00', '14:00', '15:00'][i]!), endsAt: p.endsAt ? at(['', '', '14:45', '15:45'][i]!) : undefined })),
          registration: { capacity: 70 },
        }),
        { actor: TEST_ACTOR, actingOrganiserId: org, now: new Date('2026-09-01T12:00:00+02:00') },
      );
      for (let i = 0; i < 3; i++)
        await register(database.db, slug, registrant(i), { now: new Date('2026-09-15T12:00:00+02:00'), baseUrl: 'http://bijeen.test' });
      await createAccount(database.db, { organiserId: org, email: 'redactie@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
      // The day has passed: the app's clock is a week after it.
      server = await serveTestApp(database, () => new Date('2026-10-15T10:00:00+02:00'));
    });
    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    it('the organiser writes the report with a preview, sets the attendance, publishes it, and the public finds it', async () => {
      const admin = await newContext();
      const page = await admin.newPage();
      await page.goto(`${server.url}/beheer/evenementen/${slug}/bewerken/verslag`);
      await logIn(page, 'redactie@example.org', PW);
      expect(new URL(page.url()).pathname).toBe(`/beheer/evenementen/${slug}/bewerken/verslag`);
      await expectAccessible(page);

      await field(page, 'report.title').fill('Verslag: de wijkaanpak in gesprek');
      await field(page, 'report.summary').fill('Ruim zeventig mensen spraken over **samenwerken** in de wijk.');
      await field(page, 'report.body').fill(
        '## Samen werken\n\nDe middag begon met de keynote.\n\n> „De wijk is van de bewoners.”\n\nIn de deelsessies ging het over geld en zeggenschap.',
      );
      await field(page, 'report.attendance').fill('72');
      await field(page, 'report.attendanceLabel').fill('ruim 70');
      await page.getByRole('button', { name: 'Voorbeeld' }).click();
      await expect.poll(() => page.locator('.bijeen-preview blockquote').first().textContent()).toContain('De wijk is van de bewoners.');
      await expect.poll(() => page.locator('.bijeen-preview :is(h2, h3, h4)', { hasText: 'Samen werken' }).first().textContent()).toBe('Samen werken');
      // The preview keeps what was typed, and publishes nothing.
      await expect.poll(() => field(page, 'report.attendanceLabel').inputValue()).toBe('ruim 70');
      expect((await getEventDocument(database.db, slug))!.report).toBeNull();
      await expectAccessible(page);
      await page.locator('.bijeen-preview', { has: page.locator('blockquote') }).evaluate((el) => el.scrollIntoView({ block: 'end', behavior: 'instant' }));
      await shot(page, 'verslag');

      // Saved as a draft first: not public yet.
      await page.getByRole('button', { name: 'Opslaan' }).last().click();
      await expect.poll(() => status(page)).toContain('Opgeslagen.');
      const visitor = await newContext();
      const pub = await visitor.newPage();
      const draft = await pub.goto(`${server.url}/evenementen/${slug}/verslag`);
      expect(draft?.status()).toBe(404);

      // Published.
      await field(page, 'report.published').check();
      await page.getByRole('button', { name: 'Opslaan' }).last().click();
      await expect.poll(() => status(page)).toContain('Opgeslagen.');
      await expectAccessible(page);
      const report = (await getEventDocument(database.db, slug))!.report!;
      expect(report).toMatchObject({ title: 'Verslag: de wijkaanpak in gesprek', attendance: 72, attendanceLabel: 'ruim 70' });
      expect(report.publishedAt).toBeTruthy();

      // The event page links to it; the report page shows it; the agenda lists it with the past events.
      await pub.goto(`${server.url}/evenementen/${slug}`);
      await expectAccessible(pub);
      await pub.getByRole('link', { name: 'Lees het verslag' }).click();
      expect(new URL(pub.url()).pathname).toBe(`/evenementen/${slug}/verslag`);
      const text = await main(pub);
      expect(text).toContain('Verslag: de wijkaanpak in gesprek');
      expect(text).toContain('De wijk is van de bewoners.');
      expect(text).toContain('ruim 70');
      await expectAccessible(pub);
      await shot(pub, 'verslag-openbaar');
      await pub.goto(`${server.url}/`);
      const past = pub.locator('section', { has: pub.getByRole('heading', { name: 'Afgelopen evenementen' }) });
      await expect.poll(() => past.textContent()).toContain('De wijkaanpak in gesprek');
      await expect.poll(() => past.getByRole('link', { name: 'Verslag: Verslag: de wijkaanpak in gesprek' }).count()).toBe(1);
      await expectAccessible(pub);
      await visitor.close();
      await admin.close();
    }, 240_000);
  });
});
