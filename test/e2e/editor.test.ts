import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { createAccount } from '../../src/domain/accounts/service';
import { createEvent, getEventDocument } from '../../src/domain/events/service';
import { mailOutbox } from '../../src/domain/mail/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { register } from '../../src/domain/registration/service';
import { EDITOR_PARTS } from '../../src/web/manage/editor-form';
import { eventDocument } from '../factories';
import { serveTestApp } from '../app';
import { hasChromium, launchBrowser, expectAccessible } from './browser';
import { TEST_ACTOR } from '../actors';
import { openTestPglite } from '../db';

/*
 * The event editor in Chromium (the pages have no scripts): a Dag van de Buurt with two
 * rounds of workshops made from nothing, published and seen on the public page; a problem
 * shown next to its field; a published event's new time mailed to its registrants. Axe on
 * every editor page.
 */

const PW = 'paars paard op de dijk';

describe.runIf(hasChromium)('the event editor in Chromium', () => {
  let database: Database;
  let server: { url: string; close: () => Promise<void> };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    database = await openTestPglite();
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'proefdag', title: 'Proefdag wijkaanpak' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await register(
      database.db,
      'proefdag',
      { name: 'Fictieve Deelnemer', email: 'deelnemer@example.org', choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } },
      { now: new Date(), baseUrl: 'http://bijeen.test' },
    );
    await createAccount(database.db, { organiserId: org, email: 'redactie@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, new Date());
    server = await serveTestApp(database, () => new Date());
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'nl-NL' });
    context.setDefaultTimeout(8_000);
    page = await context.newPage();
    await page.goto(`${server.url}/beheer/inloggen`);
    await page.getByLabel('E-mailadres').fill('redactie@example.org');
    await page.getByLabel('Wachtwoord').fill(PW);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(`${server.url}/beheer`);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await database?.close();
  });

  const accessible = () => expectAccessible(page);
  const field = (name: string) => page.locator(`[id="veld-${name}"]`);
  const save = () => page.getByRole('button', { name: 'Opslaan' }).last().click();
  const saved = async () => expect.poll(() => page.getByRole('status').textContent()).toContain('Opgeslagen.');

  it('makes a Dag van de Buurt with two rounds of workshops from nothing, publishes it, and it is on the public page', async () => {
    await page.getByRole('link', { name: 'Nieuw evenement' }).click();
    await accessible();
    await field('title').fill('Dag van de Buurt');
    await field('summary').fill('Een dag over werken in de wijk, met twee rondes deelsessies.');
    await field('meetings.0.startsAt').fill('2030-05-01T09:30');
    await field('meetings.0.endsAt').fill('2030-05-01T16:00');
    await field('venues.0.name').fill('Jaarbeurs');
    await field('venues.0.city').fill('Utrecht');
    await page.getByRole('button', { name: 'Evenement aanmaken' }).click();
    await page.waitForURL(/\/beheer\/evenementen\/dag-van-de-buurt\/bewerken\?/);
    await accessible();

    // Every part's page, as it first opens.
    for (const part of EDITOR_PARTS) {
      await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken/${part}`);
      await accessible();
    }

    // Texts, with a preview of the Markdown first.
    await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken/algemeen`);
    await page.getByRole('button', { name: 'Tekst toevoegen' }).click();
    await field('sections.0.heading').fill('Wat kunt u verwachten?');
    await field('sections.0.body').fill('Een dag vol **gesprekken** over de wijk.');
    await page.getByRole('button', { name: 'Voorbeeld' }).click();
    await expect.poll(() => page.locator('.bijeen-preview strong').textContent()).toBe('gesprekken');
    await accessible();
    await save();
    await saved();

    // The programme: an opening and two rounds.
    await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken/programma`);
    const items: [string, 'item' | 'round', string, string][] = [
      ['Opening', 'item', '2030-05-01T09:30', ''],
      ['Ronde 1', 'round', '2030-05-01T10:30', '2030-05-01T11:30'],
      ['Ronde 2', 'round', '2030-05-01T13:00', '2030-05-01T14:00'],
    ];
    for (const [i, [title, kind, start, end]] of items.entries()) {
      await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
      await field(`programme.${i}.title`).fill(title);
      await field(`programme.${i}.kind`).selectOption(kind);
      await field(`programme.${i}.startsAt`).fill(start);
      await field(`programme.${i}.endsAt`).fill(end);
    }
    await accessible();
    await save();
    await saved();

    // Workshops: one in both rounds, one in the second.
    await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken/deelsessies`);
    await page.getByRole('button', { name: 'Deelsessie toevoegen' }).click();
    await field('workshops.0.title').fill('ABCD in de wijkaanpak');
    await field('workshops.0.capacity').fill('25');
    await page.locator('[id="veld-workshops.0.rounds-0"]').check();
    await page.locator('[id="veld-workshops.0.rounds-1"]').check();
    await page.getByRole('button', { name: 'Deelsessie toevoegen' }).click();
    await field('workshops.1.title').fill('Een veilige wijk');
    await page.locator('[id="veld-workshops.1.rounds-1"]').check();
    await save();
    await saved();
    await accessible();

    // A problem: shown next to its field and in the summary, nothing saved.
    await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken/bijeenkomsten`);
    await field('meetings.0.endsAt').fill('2030-05-01T08:00');
    await save();
    await expect.poll(() => page.locator('#fouten').textContent()).toContain('Het einde moet na het begin liggen.');
    await expect.poll(() => page.locator('[id="veld-meetings.0.endsAt-fout"]').textContent()).toContain('Het einde moet na het begin liggen.');
    await accessible();

    // Publish, and the public sees it.
    await page.goto(`${server.url}/beheer/evenementen/dag-van-de-buurt/bewerken`);
    await page.getByRole('link', { name: 'Bekijk zoals bezoekers het zien' }).click();
    await expect.poll(() => page.getByText('Concept: nog niet gepubliceerd').count()).toBe(1);
    await page.goBack();
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('gepubliceerd');
    await accessible();

    const visitor = await browser.newContext({ locale: 'nl-NL' });
    const pub = await visitor.newPage();
    const res = await pub.goto(`${server.url}/evenementen/dag-van-de-buurt`);
    expect(res?.status()).toBe(200);
    const text = await pub.locator('main').textContent();
    expect(text).toContain('Dag van de Buurt');
    expect(text).toContain('ABCD in de wijkaanpak');
    expect(text).toContain('Een veilige wijk');
    expect(text).toContain('Ronde 2');
    expect(text).not.toContain('Concept');
    await visitor.close();

    const doc = (await getEventDocument(database.db, 'dag-van-de-buurt'))!;
    expect(doc.workshops.map((w) => [w.key, w.rounds])).toEqual([
      ['abcd-in-de-wijkaanpak', ['ronde-1', 'ronde-2']],
      ['een-veilige-wijk', ['ronde-2']],
    ]);
  }, 120_000);

  it("changes a published event's time and its registrants get an event_changed mail", async () => {
    await page.goto(`${server.url}/beheer/evenementen/proefdag`);
    await page.getByRole('link', { name: 'Bewerken' }).click();
    await page.getByRole('link', { name: 'Bijeenkomsten en locaties' }).click();
    await expect.poll(() => page.getByLabel('Stuur de aanmelders een bericht over deze wijziging').isChecked()).toBe(true);
    await field('meetings.0.startsAt').fill('2030-03-06T12:00');
    await accessible();
    await save();
    await saved();
    const id = (await getEventDocument(database.db, 'proefdag'))!.id!;
    const mails = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.eventId, id), eq(mailOutbox.kind, 'event_changed')));
    expect(mails.map((m) => m.toAddress)).toEqual(['deelnemer@example.org']);
  }, 60_000);

  it('cancels after the confirmation and then lets it go ahead after all, with the keyboard, with zero axe violations', async () => {
    await page.goto(`${server.url}/beheer/evenementen/proefdag/bewerken`);
    await page.getByRole('button', { name: 'Evenement annuleren…' }).focus();
    await page.keyboard.press('Enter');
    // A GET form with no fields: the browser adds an empty query.
    await page.waitForURL(`${server.url}/beheer/evenementen/proefdag/annuleren?`);
    await accessible();
    await page.getByRole('button', { name: 'Ja, annuleer het evenement' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer/evenementen/proefdag/bewerken?melding=geannuleerd`);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Status: geannuleerd');
    await accessible();
    await page.getByRole('button', { name: 'Toch laten doorgaan' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/beheer/evenementen/proefdag/bewerken?melding=heropend`);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Het evenement gaat toch door');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Status: gepubliceerd');
    await accessible();
    const id = (await getEventDocument(database.db, 'proefdag'))!.id!;
    const mails = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.eventId, id), eq(mailOutbox.kind, 'event_changed')));
    expect(mails.map((m) => m.subject)).toEqual(expect.arrayContaining(['Gaat niet door: Proefdag wijkaanpak', 'Gaat toch door: Proefdag wijkaanpak']));
  }, 60_000);
});
