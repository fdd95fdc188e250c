import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, createSession } from '../../domain/accounts/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { checkinCode, formatCode } from '../../domain/checkin/rules';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { eventDocument, registrant } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* The check-in desk through the app: every role may use it, another organiser's event is not found, codes and names, CSRF. */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;

describe('the check-in desk (/beheer/evenementen/{slug}/balie)', () => {
  let database: Database;
  let app: App;
  const cookies: Record<AccountRole | 'ander', string> = { beheerder: '', redacteur: '', balie: '', ander: '' };
  const people: Record<string, { id: string; token: string }> = {};

  const get = (path: string, cookie = '') => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string>, cookie = '', csrf = CSRF) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
    });

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    await createEvent(database.db, eventDocument({ slug: 'balie-dag', title: 'Baliedag', registration: { capacity: 2 } }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(
      database.db,
      eventDocument({
        slug: 'balie-leergang',
        title: 'Balieleergang',
        programme: [],
        workshops: [],
        meetings: [
          { key: 'een', title: 'Start', startsAt: '2030-03-06T13:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00', venue: 'stadhuis' },
          { key: 'twee', title: 'Verdieping', startsAt: '2030-04-03T13:00:00+02:00', endsAt: '2030-04-03T17:00:00+02:00', venue: 'stadhuis' },
        ],
      }),
      { actor: TEST_ACTOR, actingOrganiserId: org },
    );
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), { actor: TEST_ACTOR, actingOrganiserId: other });
    const sign = async (key: string, slug: string, over: Record<string, unknown>, i: number) => {
      const r = await register(database.db, slug, registrant(i, over), { now: TEST_NOW, baseUrl: ORIGIN });
      if (r.kind !== 'registered') throw new Error(r.kind);
      people[key] = { id: r.registration.id, token: r.registration.token };
    };
    await sign('jansen', 'balie-dag', { name: 'Fictieve Jansen', organisation: 'Gemeente Zwolle' }, 1);
    await sign('pietersen', 'balie-dag', { name: 'Fictieve Pietersen' }, 2);
    await sign('wachter', 'balie-dag', { name: 'Fictieve Wachter' }, 3);
    await sign('cursist', 'balie-leergang', { name: 'Fictieve Cursist', choices: {} }, 4);
    await sign('vreemde', 'andere-dag', { name: 'Geheime Vreemde' }, 5);
    for (const role of ['beheerder', 'redacteur', 'balie'] as const) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: PW, role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const id = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve Ander', password: PW, role: 'balie' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
  });
  afterAll(() => database?.close());

  it.each(['beheerder', 'redacteur', 'balie'] as const)('opens for a %s, with the counts', async (role) => {
    const res = await get('/beheer/evenementen/balie-dag/balie', cookies[role]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Balie: Baliedag');
    expect(html).toMatch(/<strong>0 van 2<\/strong> aanwezig/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it.each(['beheerder', 'redacteur', 'balie'] as const)('links the event page of a %s to the desk', async (role) => {
    expect(await (await get('/beheer/evenementen/balie-dag', cookies[role])).text()).toContain('href="/beheer/evenementen/balie-dag/balie"');
  });

  it('sends someone without a session to the login page, and back here afterwards', async () => {
    const res = await get('/beheer/evenementen/balie-dag/balie');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/beheer/inloggen?terug=${encodeURIComponent('/beheer/evenementen/balie-dag/balie')}`);
    expect((await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', aanmelding: people.jansen!.id })).status).toBe(303);
  });

  it("does not find another organiser's event, nor lets its account check in here", async () => {
    expect((await get('/beheer/evenementen/andere-dag/balie', cookies.balie)).status).toBe(404);
    expect((await get('/beheer/evenementen/balie-dag/balie', cookies.ander)).status).toBe(404);
    const res = await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', aanmelding: people.jansen!.id }, cookies.ander);
    expect(res.status).toBe(404);
  });

  it('searches by name and organisation (redirecting to the list), and checks in with the button, once', async () => {
    const search = await post('/beheer/evenementen/balie-dag/balie', { bijeenkomst: 'middag', q: 'zwolle' }, cookies.balie);
    expect(search.status).toBe(303);
    const list = await get(search.headers.get('location')!, cookies.balie);
    const html = await list.text();
    expect(html).toContain('Fictieve Jansen');
    expect(html).not.toContain('Fictieve Pietersen');
    const first = await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', q: 'zwolle', aanmelding: people.jansen!.id }, cookies.balie);
    expect(first.status).toBe(200);
    const after = await first.text();
    expect(after).toContain('Fictieve Jansen is aanwezig.');
    expect(after).toMatch(/<strong>1 van 2<\/strong> aanwezig/);
    expect(after).toContain('Ongedaan maken');
    const again = await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', aanmelding: people.jansen!.id }, cookies.balie);
    expect(await again.text()).toContain('Fictieve Jansen is al aangemeld om 12:00.');
    const undo = await post('/beheer/evenementen/balie-dag/balie/ongedaan', { bijeenkomst: 'middag', aanmelding: people.jansen!.id }, cookies.balie);
    const undone = await undo.text();
    expect(undone).toContain('De aanwezigheid van Fictieve Jansen is ongedaan gemaakt.');
    expect(undone).toMatch(/<strong>0 van 2<\/strong> aanwezig/);
  });

  it('checks in at once with a typed or scanned code, in any case and with or without the dash', async () => {
    const code = checkinCode(people.pietersen!.token);
    const res = await post('/beheer/evenementen/balie-dag/balie', { bijeenkomst: 'middag', q: formatCode(code).toLowerCase() }, cookies.redacteur);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Fictieve Pietersen is aanwezig.');
    expect(html).toMatch(/<strong>1 van 2<\/strong> aanwezig/);
    const again = await post('/beheer/evenementen/balie-dag/balie', { bijeenkomst: 'middag', q: code }, cookies.balie);
    expect(await again.text()).toContain('al aangemeld om 12:00');
  });

  it('refuses someone on the waiting list, and a code of another event', async () => {
    const waiting = await post('/beheer/evenementen/balie-dag/balie', { bijeenkomst: 'middag', q: checkinCode(people.wachter!.token) }, cookies.balie);
    expect(waiting.status).toBe(409);
    expect(await waiting.text()).toContain('Fictieve Wachter kan niet inchecken. Deze persoon staat op de wachtlijst');
    const button = await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', aanmelding: people.wachter!.id }, cookies.balie);
    expect(button.status).toBe(409);
    const stranger = await post('/beheer/evenementen/balie-dag/balie', { bijeenkomst: 'middag', q: checkinCode(people.vreemde!.token) }, cookies.balie);
    expect(stranger.status).toBe(404);
    const html = await stranger.text();
    expect(html).toContain('Geen aanmelding voor dit evenement met de code');
    expect(html).not.toContain('Geheime Vreemde');
  });

  it('picks the meeting of a course: the next one by default, another when asked, counted apart', async () => {
    const page = await (await get('/beheer/evenementen/balie-leergang/balie', cookies.balie)).text();
    expect(page).toMatch(/<option value="een" selected="">/);
    const res = await post('/beheer/evenementen/balie-leergang/balie/aanwezig', { bijeenkomst: 'twee', aanmelding: people.cursist!.id }, cookies.balie);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<option value="twee" selected="">/);
    expect(html).toMatch(/<strong>1 van 1<\/strong> aanwezig bij Verdieping/);
    expect(html).toContain('Start, woensdag 6 maart 2030 13:00 uur (0 van 1 aanwezig)');
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await post('/beheer/evenementen/balie-dag/balie/aanwezig', { bijeenkomst: 'middag', aanmelding: people.jansen!.id }, cookies.balie, 'x'.repeat(32));
    expect(res.status).toBe(403);
  });
});
