import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, createSession } from '../../domain/accounts/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { listEventAudit } from '../../domain/audit/service';
import { createEvent, getEventDocument } from '../../domain/events/service';
import { createApiToken, ensureOrganiser } from '../../domain/organisers/service';
import { listNotes } from '../../domain/registration/notes';
import { register } from '../../domain/registration/service';
import { TEST_ACTOR } from '../../../test/actors';
import { detailLines } from './audit';
import { testApp, TEST_NOW } from '../../../test/app';
import { eventDocument, registrant } from '../../../test/factories';
import { openTestPglite } from '../../../test/db';

/* The audit log page and notes on a registration, per role, through app.request(). */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;
const roles = ['beheerder', 'redacteur', 'balie'] as const;

describe('the audit log and notes in the back office', () => {
  let database: Database;
  let app: App;
  let eventId: string;
  let token: string;
  const cookies = {} as Record<AccountRole | 'ander', string>;
  const ids: Record<string, string> = {};

  const get = (path: string, cookie = '') => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string> = {}, cookie = '', csrf = CSRF) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
    });

  beforeAll(async () => {
    database = await openTestPglite();
    // A clock that moves a minute per reading: every change has its own moment.
    let t = TEST_NOW.getTime();
    app = await testApp(database, () => new Date((t += 60_000)));
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    eventId = (await createEvent(database.db, eventDocument({ slug: 'eigen-dag', title: 'Eigen dag', registration: { capacity: 30, approvalRequired: true } }), { actingOrganiserId: org, actor: TEST_ACTOR, now: TEST_NOW })).id!;
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', title: 'Andere dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actingOrganiserId: other,
      actor: TEST_ACTOR,
    });
    const reg = async (slug: string, key: string, name: string) => {
      const r = await register(database.db, slug, { ...registrant(0), name, email: `${key}@example.org` }, { now: TEST_NOW, baseUrl: ORIGIN });
      if (r.kind !== 'registered') throw new Error(JSON.stringify(r));
      ids[key] = r.registration.id;
      ids[`${key}-token`] = r.registration.token;
    };
    await reg('eigen-dag', 'eigen', 'Fictieve Deelnemer');
    await reg('andere-dag', 'geheim', 'Geheime Deelnemer');
    for (const role of roles) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: PW, role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const anderId = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve ander', password: PW, role: 'beheerder' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, anderId, TEST_NOW)).token}`;
    token = await createApiToken(database.db, org, 'Website');
  });
  afterAll(() => database?.close());

  const LOG = '/beheer/evenementen/eigen-dag/logboek';
  const REG = () => `/beheer/evenementen/eigen-dag/aanmeldingen/${ids.eigen}`;

  describe('the log page', () => {
    it.each([
      ['beheerder', 200],
      ['redacteur', 200],
      ['balie', 403],
    ] as const)('%s → %i', async (role, status) => {
      const res = await get(LOG, cookies[role]);
      expect(res.status).toBe(status);
      const html = await res.text();
      if (status === 403) expect(html).toContain('Geen toegang');
      else expect(html).toContain('Logboek: Eigen dag');
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it.each([
      ['beheerder', 'andere-dag'],
      ['redacteur', 'andere-dag'],
      ['balie', 'andere-dag'],
      ['ander', 'eigen-dag'],
    ] as const)("another organiser's event is not found for %s", async (role, slug) => {
      const res = await get(`/beheer/evenementen/${slug}/logboek`, cookies[role]);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/Geheime|Fictieve Deelnemer/);
    });

    it('needs a session', async () => {
      const res = await get(LOG);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/beheer\/inloggen/);
    });

    it('is linked from the event overview for who may read it, not for balie', async () => {
      expect(await (await get('/beheer/evenementen/eigen-dag', cookies.redacteur)).text()).toContain(`href="${LOG}"`);
      expect(await (await get('/beheer/evenementen/eigen-dag', cookies.balie)).text()).not.toContain(`href="${LOG}"`);
    });
  });

  describe('notes', () => {
    it('adds a note (redacteur), shows it on the registration page with its author, and logs it', async () => {
      const res = await post(`${REG()}/notities`, { notitie: 'Belde: komt een half uur later.' }, cookies.redacteur);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`${REG()}?melding=notitie-toegevoegd`);
      const html = await (await get(`${REG()}?melding=notitie-toegevoegd`, cookies.redacteur)).text();
      expect(html).toContain('De notitie is toegevoegd.');
      expect(html).toContain('Belde: komt een half uur later.');
      expect(html).toContain('Fictieve redacteur');
      // Its own log entries are in the registration's history, and in the event's log.
      expect(html).toContain('Notitie toegevoegd bij de aanmelding van Fictieve Deelnemer');
      expect(await (await get(LOG, cookies.beheerder)).text()).toContain('Notitie toegevoegd bij de aanmelding van Fictieve Deelnemer');
    });

    it('refuses an empty note with a message next to the field (400), and a too long one, keeping the text', async () => {
      const empty = await post(`${REG()}/notities`, { notitie: '   ' }, cookies.beheerder);
      expect(empty.status).toBe(400);
      const html = await empty.text();
      expect(html).toContain('Schrijf een notitie.');
      expect(html).toContain('id="veld-notitie-fout"');
      expect(html).toContain('aria-invalid="true"');
      const long = await post(`${REG()}/notities`, { notitie: 'lang '.repeat(500) }, cookies.beheerder);
      expect(long.status).toBe(400);
      const text = await long.text();
      expect(text).toContain('hoogstens 2.000 tekens');
      expect(text).toContain('lang lang lang');
    });

    it('refuses a form without the CSRF token (403), balie (403), and another organiser (404)', async () => {
      expect((await post(`${REG()}/notities`, { notitie: 'Zonder token' }, cookies.beheerder, 'd'.repeat(32))).status).toBe(403);
      const balie = await post(`${REG()}/notities`, { notitie: 'Van de balie' }, cookies.balie);
      expect(balie.status).toBe(403);
      expect(await balie.text()).toContain('Geen toegang');
      expect((await post(`${REG()}/notities`, { notitie: 'Van een ander' }, cookies.ander)).status).toBe(404);
      // Another organiser's registration through an own event: not found.
      expect((await post(`/beheer/evenementen/eigen-dag/aanmeldingen/${ids.geheim}/notities`, { notitie: 'Gluren' }, cookies.beheerder)).status).toBe(404);
      expect((await post(`/beheer/evenementen/andere-dag/aanmeldingen/${ids.geheim}/notities`, { notitie: 'Gluren' }, cookies.beheerder)).status).toBe(404);
      const bodies = (await listNotes(database.db, eventId, ids.eigen!)).map((n) => n.body);
      expect(bodies).not.toContain('Zonder token');
      expect(bodies).not.toContain('Van de balie');
      expect(bodies).not.toContain('Van een ander');
    });

    it('never shows notes to the registrant or in an export', async () => {
      const personal = await (await get(`/aanmelding/${ids['eigen-token']}`)).text();
      expect(personal).toContain('Fictieve Deelnemer');
      expect(personal).not.toContain('Belde: komt een half uur later.');
      const csv = await (await get('/beheer/evenementen/eigen-dag/export/aanmeldingen.csv', cookies.beheerder)).text();
      expect(csv).toContain('Fictieve Deelnemer');
      expect(csv).not.toContain('Belde');
    });

    it('lets only the author delete a note', async () => {
      const [note] = await listNotes(database.db, eventId, ids.eigen!);
      const path = `${REG()}/notities/${note!.id}/verwijderen`;
      const html = await (await get(REG(), cookies.beheerder)).text();
      // No delete button for someone else's note.
      expect(html).not.toContain(path);
      const refused = await post(path, {}, cookies.beheerder);
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('alleen uw eigen notities');
      expect((await post(path, {}, cookies.redacteur, 'd'.repeat(32))).status).toBe(403);
      expect(await (await get(REG(), cookies.redacteur)).text()).toContain(path);
      const deleted = await post(path, {}, cookies.redacteur);
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get('location')).toBe(`${REG()}?melding=notitie-verwijderd`);
      expect(await listNotes(database.db, eventId, ids.eigen!)).toEqual([]);
      expect((await post(path, {}, cookies.redacteur)).status).toBe(404);
      expect((await post(`${REG()}/notities/geen-id/verwijderen`, {}, cookies.redacteur)).status).toBe(404);
    });
  });

  describe('who the log names', () => {
    it('names the staff member for a change in the back office and the token for the API, newest first, with the area filter', async () => {
      expect((await post(`${REG()}/goedkeuren`, {}, cookies.beheerder)).status).toBe(303);
      const doc = (await getEventDocument(database.db, 'eigen-dag', { includePrivate: true }))!;
      const put = await app.request(`${ORIGIN}/api/v1/events/eigen-dag`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...doc, title: 'Eigen dag (nieuw)' }),
      });
      expect(put.status).toBe(200);
      const { entries } = await listEventAudit(database.db, eventId);
      expect(entries.slice(0, 2).map((e) => [e.actor, e.summary])).toEqual([
        ['API-token ‘Website’', 'Algemeen gewijzigd'],
        ['Fictieve beheerder', 'Aanmelding van Fictieve Deelnemer goedgekeurd'],
      ]);
      const html = await (await get(LOG, cookies.redacteur)).text();
      expect(html).toContain('API-token ‘Website’');
      expect(html.indexOf('Algemeen gewijzigd')).toBeLessThan(html.indexOf('goedgekeurd'));
      expect(html).toContain('Status: wacht op goedkeuring → bevestigd');
      expect(html).toContain('Velden: title');
      // Times in Dutch, Amsterdam time: the event was made at TEST_NOW, sunday 22 november 2026, 12:00.
      expect(html).toContain('<time datetime="2026-11-22T11:00:00.000Z">zondag 22 november 2026 12:00</time>');
      const filtered = await (await get(`${LOG}?onderdeel=evenement`, cookies.redacteur)).text();
      expect(filtered).toContain('Algemeen gewijzigd');
      expect(filtered).not.toContain('goedgekeurd');
      const post_ = await (await get(`${LOG}?onderdeel=post`, cookies.redacteur)).text();
      expect(post_).toContain('Nog niets in het logboek bij post.');
      // Nonsense in the address is ignored, never a 500.
      expect((await get(`${LOG}?onderdeel=%00&pagina=-4`, cookies.redacteur)).status).toBe(200);
      expect((await get(`${LOG}?pagina=99999999999`, cookies.redacteur)).status).toBe(200);
    });
  });

  describe('the details of an entry', () => {
    it("names a message's group, also in entries written before the rename (`audience`)", () => {
      expect(detailLines({ messageId: 'x', recipientGroup: { kind: 'waitlisted' }, recipients: 2 })).toEqual(['Groep: De wachtlijst', 'recipients: 2']);
      expect(detailLines({ messageId: 'x', audience: { kind: 'confirmed' }, recipients: 3 })).toEqual(['Groep: Alle bevestigde deelnemers', 'recipients: 3']);
      expect(detailLines({ audience: { kind: 'workshop', round: 'ronde-1', workshop: 'geld' } })).toEqual(['Groep: De bevestigde deelnemers van geld (ronde-1)']);
      // Not a group: shown as it is.
      expect(detailLines({ audience: 'iets' })).toEqual(['audience: iets']);
    });
  });
});
