import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { cancelRegistration, getRegistration, register } from '../../domain/registration/service';
import { eventDocument } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* The personal page: accepting or declining an offered place, and changing workshops, without JavaScript. */

const ORIGIN = 'http://localhost';
const BASE = 'http://bijeen.test';
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);

describe('the personal page', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof testApp>>;
  let now = TEST_NOW;
  let n = 0;
  let organiserId: string;

  async function event(registration: Record<string, unknown>) {
    const slug = `persoonlijk-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2, ...registration } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  }
  async function person(slug: string, choices: Record<string, string> = { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }) {
    const i = ++n;
    const r = await register(
      database.db,
      slug,
      { name: `Deelnemer ${i}`, email: `pagina${i}@example.org`, choices, consents: { privacy: true } },
      { now: TEST_NOW, baseUrl: BASE },
    );
    if (r.kind !== 'registered') throw new Error(r.kind);
    return r.registration;
  }
  /** An event of two places, both taken, and someone whose freed place is offered for 24 hours. */
  async function offered() {
    const slug = await event({ offerHours: 24 });
    const holder = await person(slug);
    await person(slug);
    const waiting = await person(slug);
    const next = await person(slug);
    await cancelRegistration(database.db, holder.token, TEST_NOW, BASE);
    return { slug, waiting, next };
  }

  /** The page like a browser gets it: its HTML, its cookie, its form token. */
  async function open(token: string, query = '') {
    const res = await app.request(`${ORIGIN}/aanmelding/${token}${query}`);
    const html = await res.text();
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    // A page without forms (a cancelled registration) still sets the cookie: a stale form may post.
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? cookie.replace(/^bijeen_csrf=/, '');
    return { res, html, cookie, csrf };
  }
  async function post(token: string, action: string, fields: Record<string, string> = {}, opts: { csrf?: string } = {}) {
    const page = await open(token);
    return app.request(`${ORIGIN}/aanmelding/${token}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie, origin: ORIGIN },
      body: new URLSearchParams({ _csrf: opts.csrf ?? page.csrf, ...fields }),
    });
  }
  /** Follow the redirect of a form post, as the browser does. */
  async function follow(res: Response) {
    expect(res.status).toBe(303);
    return (await app.request(`${ORIGIN}${res.headers.get('location')}`)).text();
  }
  const radio = (html: string, id: string) => new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';

  beforeAll(async () => {
    database = await openTestPglite();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    app = await testApp(database, () => now);
  });
  afterAll(() => database?.close());

  describe('an offered place', () => {
    it('says a place came free, until when, with a button to accept and one to decline', async () => {
      now = at(1);
      const { waiting } = await offered();
      const { res, html } = await open(waiting.token);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(html).toContain('Er is een plaats voor u vrijgekomen');
      expect(html).toContain('maandag 23 november 2026 om 12:00 uur');
      expect(html).toContain('<time datetime="2026-11-23T12:00:00+01:00">');
      expect(html).toMatch(/action="\/aanmelding\/[^"]+\/accepteren"[\s\S]*?Plaats accepteren/);
      expect(html).toMatch(/action="\/aanmelding\/[^"]+\/annuleren"[\s\S]*?Plaats afwijzen/);
      // Declining is in the offer; no second cancel button further down.
      expect(html.match(/\/annuleren"/g)).toHaveLength(1);
    });

    it('confirms the place when accepted in time', async () => {
      now = at(1);
      const { waiting } = await offered();
      const res = await post(waiting.token, 'accepteren');
      expect(res.headers.get('location')).toBe(`/aanmelding/${waiting.token}?melding=geaccepteerd`);
      const html = await follow(res);
      expect(html).toContain('Gelukt: de plaats is van u');
      expect(html).not.toContain('Plaats accepteren');
      expect((await getRegistration(database.db, waiting.token))!.status).toBe('confirmed');
      // Reloading the page posts nothing; posting again (a double click) is harmless.
      expect(await follow(await post(waiting.token, 'accepteren'))).toContain('Gelukt: de plaats is van u');
    });

    it('says clearly that the offer expired when accepted too late, and offers the place to the next', async () => {
      now = at(1);
      const { waiting, next } = await offered();
      const page = await open(waiting.token);
      now = at(25);
      const res = await app.request(`${ORIGIN}/aanmelding/${waiting.token}/accepteren`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: page.cookie, origin: ORIGIN },
        body: new URLSearchParams({ _csrf: page.csrf }),
      });
      const html = await follow(res);
      expect(html).toContain('Het aanbod van een plaats is verlopen');
      expect(html).toContain('de termijn was al verstreken');
      expect(html).toContain('mailto:contact@example.org');
      expect(html).not.toContain('Plaats accepteren');
      expect((await getRegistration(database.db, next.token))!.status).toBe('offered');
      // Later visits say the same without the "you tried" part.
      const later = (await open(waiting.token)).html;
      expect(later).toContain('niet op tijd geaccepteerd');
    });

    it('passes the place on when declined', async () => {
      now = at(1);
      const { waiting, next } = await offered();
      const html = await follow(await post(waiting.token, 'annuleren'));
      expect(html).toContain('Uw aanmelding is geannuleerd');
      expect((await getRegistration(database.db, next.token))!.status).toBe('offered');
    });

    it('explains, with a 409 page, that there is nothing to accept', async () => {
      now = at(1);
      const { next } = await offered();
      const res = await post(next.token, 'accepteren');
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain('Er staat geen plaats voor u open');
      expect(html).toContain('U staat op de wachtlijst');
    });

    it('refuses a post without the form token and changes nothing', async () => {
      now = at(1);
      const { waiting } = await offered();
      expect((await post(waiting.token, 'accepteren', {}, { csrf: 'x'.repeat(32) })).status).toBe(403);
      expect((await getRegistration(database.db, waiting.token))!.status).toBe('offered');
    });
  });

  describe('changing workshops', () => {
    /** abcd is full in round 2 (two seats, both taken). */
    async function withFullWorkshop() {
      const slug = await event({ capacity: 10 });
      const inAbcd = await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
      await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
      const waitsForAbcd = await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
      const other = await person(slug);
      return { slug, inAbcd, waitsForAbcd, other };
    }

    it('shows one group per round with the current choice checked and full workshops marked VOL and disabled', async () => {
      now = at(1);
      const { other, inAbcd } = await withFullWorkshop();
      const { html } = await open(other.token);
      expect(html).toContain('Deelsessies wijzigen');
      expect(html).toMatch(/<legend[^>]*>Ronde 1, 14:00 uur<\/legend>/);
      expect(html).toMatch(/<legend[^>]*>Ronde 2, 15:00 uur<\/legend>/);
      expect(radio(html, 'veld-keuze-ronde-1-geld')).toContain('checked');
      expect(radio(html, 'veld-keuze-ronde-2-corporaties')).toContain('checked');
      expect(radio(html, 'veld-keuze-ronde-2-abcd')).toContain('disabled');
      expect(radio(html, 'veld-keuze-ronde-1-abcd')).not.toContain('disabled');
      expect(html).toContain('VOL');
      // For someone in the full workshop it is their own choice: checked, not disabled.
      const theirs = (await open(inAbcd.token)).html;
      expect(radio(theirs, 'veld-keuze-ronde-2-abcd')).toContain('checked');
      expect(radio(theirs, 'veld-keuze-ronde-2-abcd')).not.toContain('disabled');
    });

    it('saves a change, says so, and gives the seat left behind to the first waiting for it', async () => {
      now = at(1);
      const { inAbcd, waitsForAbcd } = await withFullWorkshop();
      const res = await post(inAbcd.token, 'keuzes', { 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties' });
      expect(res.headers.get('location')).toBe(`/aanmelding/${inAbcd.token}?melding=gewijzigd`);
      const html = await follow(res);
      expect(html).toContain('Uw keuzes zijn gewijzigd');
      expect(radio(html, 'veld-keuze-ronde-2-corporaties')).toContain('checked');
      expect((await getRegistration(database.db, waitsForAbcd.token))!.choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'confirmed' });
      expect(await follow(await post(inAbcd.token, 'keuzes', { 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties' }))).toContain('Er is niets gewijzigd');
    });

    it('shows the problems next to the fields and in a summary, and keeps what was chosen', async () => {
      now = at(1);
      const { other } = await withFullWorkshop();
      // A round left empty.
      const empty = await post(other.token, 'keuzes', { 'keuze.ronde-2': 'corporaties' });
      expect(empty.status).toBe(400);
      const emptyHtml = await empty.text();
      expect(emptyHtml).toContain('Er is 1 punt om te verbeteren');
      expect(emptyHtml).toMatch(/href="#veld-keuze-ronde-1"/);
      expect(emptyHtml).toMatch(/id="veld-keuze-ronde-1-fout">Kies een deelsessie in deze ronde/);
      expect(radio(emptyHtml, 'veld-keuze-ronde-1-geld')).not.toContain('checked');
      expect(radio(emptyHtml, 'veld-keuze-ronde-2-corporaties')).toContain('checked');

      // A full workshop (sent by hand: the form disables it).
      const full = await post(other.token, 'keuzes', { 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'abcd' });
      expect(full.status).toBe(400);
      const html = await full.text();
      expect(html).toMatch(/href="#veld-keuze-ronde-2"/);
      expect(html).toMatch(/id="veld-keuze-ronde-2-fout">Deze deelsessie is vol/);
      expect(html).toMatch(/<fieldset[^>]*id="veld-keuze-ronde-2"[^>]*aria-describedby="veld-keuze-ronde-2-fout"/);
      expect(radio(html, 'veld-keuze-ronde-1-geld')).toContain('checked');
      // A disabled radio is not sent, so it is not shown as chosen either.
      expect(radio(html, 'veld-keuze-ronde-2-abcd')).not.toContain('checked');
      expect((await getRegistration(database.db, other.token))!.choices.map((c) => c.workshopKey)).toEqual(['geld', 'corporaties']);
    });

    it('lets someone on the waiting list choose a full workshop', async () => {
      now = at(1);
      const slug = await event({ capacity: 1 });
      await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' });
      await person(slug, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }).catch(() => undefined);
      const waiting = await person(slug);
      expect(waiting.status).toBe('waitlisted');
      const { html } = await open(waiting.token);
      expect(radio(html, 'veld-keuze-ronde-1-abcd')).not.toContain('disabled');
      expect(await follow(await post(waiting.token, 'keuzes', { 'keuze.ronde-1': 'abcd', 'keuze.ronde-2': 'corporaties' }))).toContain('Uw keuzes zijn gewijzigd');
    });

    it('offers no changes once the event has started, and explains a late post', async () => {
      const { other } = await withFullWorkshop();
      now = new Date('2030-03-06T12:30:00+01:00');
      expect((await open(other.token)).html).not.toContain('Deelsessies wijzigen');
      const res = await post(other.token, 'keuzes', { 'keuze.ronde-1': 'abcd', 'keuze.ronde-2': 'corporaties' });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('De bijeenkomst is begonnen');
    });

    it('offers no changes to a cancelled registration', async () => {
      now = at(1);
      const { other } = await withFullWorkshop();
      await cancelRegistration(database.db, other.token, at(1), BASE);
      expect((await open(other.token)).html).not.toContain('Deelsessies wijzigen');
      const res = await post(other.token, 'keuzes', { 'keuze.ronde-1': 'abcd', 'keuze.ronde-2': 'corporaties' });
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('niet meer actief');
    });
  });

  it('explains on the page, not in plain text, that cancelling is no longer possible', async () => {
    now = at(1);
    const slug = await event({ cancellableUntil: '2026-11-01T00:00:00+01:00' });
    const r = await person(slug);
    const res = await post(r.token, 'annuleren');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Annuleren kan niet meer');
    expect(html).toContain('U bent aangemeld');
  });
});
