import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createSession } from '../../domain/accounts/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { createEvent, getEventDocument } from '../../domain/events/service';
import { mailOutbox, type MailKind } from '../../domain/mail/table';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { EDITOR_PARTS, toValues } from './editor-form';
import { TEST_ACTOR } from '../../../test/actors';

/* The event editor through the app: who may edit, each part saved through the document service, problems next to their fields, publishing, cancelling, copying. */

const ORIGIN = 'http://localhost';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;

describe.each(databaseKinds)('the event editor ($name)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let org: string;
  const cookies: Record<AccountRole | 'ander', string> = { beheerder: '', redacteur: '', balie: '', ander: '' };

  const get = (path: string, cookie: string) => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string> | [string, string][], cookie: string) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].join('; ') },
      body: new URLSearchParams(Array.isArray(fields) ? [['_csrf', CSRF], ...fields] : { _csrf: CSRF, ...fields }),
    });
  const doc = async (slug: string) => (await getEventDocument(database.db, slug, { includePrivate: true }))!;
  const mails = async (slug: string, mailKind: MailKind) => {
    const id = (await doc(slug)).id!;
    return database.db.select().from(mailOutbox).where(and(eq(mailOutbox.eventId, id), eq(mailOutbox.kind, mailKind)));
  };
  const registerOne = (slug: string, email: string) =>
    register(database.db, slug, { name: 'Fictieve Deelnemer', email, choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } }, { now: TEST_NOW, baseUrl: ORIGIN });

  beforeAll(async () => {
    database = await kind.open();
    app = await testApp(database);
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    for (const slug of ['eigen-dag', 'met-aanmelders', 'te-annuleren'])
      await createEvent(database.db, eventDocument({ slug, title: `Titel ${slug}` }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'concept-dag', title: 'Concept dag', status: 'draft' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', title: 'Geheime andere dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actor: TEST_ACTOR, actingOrganiserId: other,
    });
    await registerOne('met-aanmelders', 'een@example.org');
    await registerOne('te-annuleren', 'twee@example.org');
    for (const role of ['beheerder', 'redacteur', 'balie'] as const) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: 'paars paard op de dijk', role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const id = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve ander', password: 'paars paard op de dijk', role: 'beheerder' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
  });
  afterAll(() => database?.close());

  const roles = ['beheerder', 'redacteur', 'balie'] as const;
  const pages = ['/beheer/evenementen/eigen-dag/bewerken', ...EDITOR_PARTS.map((p) => `/beheer/evenementen/eigen-dag/bewerken/${p}`), '/beheer/evenementen/eigen-dag/voorbeeld', '/beheer/evenementen/eigen-dag/annuleren', '/beheer/nieuw-evenement'];

  it.each(roles.flatMap((role) => pages.map((path) => ({ role, path, status: role === 'balie' ? 403 : 200 }))))('$role: GET $path → $status', async ({ role, path, status }) => {
    const res = await get(path, cookies[role]);
    expect(res.status).toBe(status);
    if (status === 403) expect(await res.text()).toContain('Geen toegang');
  });

  it.each(roles.flatMap((role) => ['/bewerken', '/bewerken/algemeen', '/voorbeeld'].map((path) => ({ role, path }))))(
    "$role: another organiser's event ($path) → 404, its title untold",
    async ({ role, path }) => {
      const res = await get(`/beheer/evenementen/andere-dag${path}`, cookies[role]);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('Geheime');
    },
  );

  it.each(roles.map((role) => ({ role, status: role === 'balie' ? 403 : 303 })))('$role: saving Algemeen → $status', async ({ role, status }) => {
    const before = await doc('eigen-dag');
    const values = { ...toValues('algemeen', before), subtitle: `Door ${role}` };
    const res = await post('/beheer/evenementen/eigen-dag/bewerken/algemeen', values, cookies[role]);
    expect(res.status).toBe(status);
    expect((await doc('eigen-dag')).subtitle).toBe(status === 303 ? `Door ${role}` : before.subtitle);
  });

  it.each(['bewerken/algemeen', 'publiceren', 'annuleren', 'heropenen', 'kopieren'])("POST %s on another organiser's event → 404, nothing changed", async (path) => {
    const res = await post(`/beheer/evenementen/andere-dag/${path}`, {}, cookies.beheerder);
    expect(res.status).toBe(404);
    expect((await doc('andere-dag')).status).toBe('published');
  });

  it.each(['publiceren', 'annuleren', 'heropenen', 'kopieren'])('balie: POST %s → 403', async (path) => {
    expect((await post(`/beheer/evenementen/eigen-dag/${path}`, {}, cookies.balie)).status).toBe(403);
  });

  it('shows problems next to their fields and in the summary, and saves nothing', async () => {
    const before = await doc('eigen-dag');
    const values = { ...toValues('bijeenkomsten', before), 'meetings.0.endsAt': '2030-03-06T10:00', 'venues.0.city': '' };
    const res = await post('/beheer/evenementen/eigen-dag/bewerken/bijeenkomsten', values, cookies.redacteur);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('id="veld-meetings.0.endsAt-fout"');
    expect(html).toMatch(/id="veld-meetings\.0\.endsAt-fout">Het einde moet na het begin liggen\./);
    expect(html).toMatch(/id="veld-venues\.0\.city-fout">Dit veld mag niet leeg zijn\./);
    expect(html).toContain('href="#veld-meetings.0.endsAt"');
    expect(html).toContain('Er is niets opgeslagen');
    // The programme now falls outside the meeting: named in the summary, with its part.
    expect(html).toContain('Programma en rondes, nummer');
    expect(html).toContain('value="2030-03-06T10:00"');
    expect(await doc('eigen-dag')).toEqual(before);
  });

  it('asks before saving over a save made after the form was opened', async () => {
    const html = await (await get('/beheer/evenementen/eigen-dag/bewerken/algemeen', cookies.beheerder)).text();
    const version = /name="versie" value="([^"]+)"/.exec(html)![1]!;
    const values = toValues('algemeen', await doc('eigen-dag'));
    // A colleague saves first.
    expect((await post('/beheer/evenementen/eigen-dag/bewerken/algemeen', { ...values, series: 'Van de collega', versie: version }, cookies.redacteur)).status).toBe(303);
    const late = await post('/beheer/evenementen/eigen-dag/bewerken/algemeen', { ...values, series: 'Van mij', versie: version }, cookies.beheerder);
    expect(late.status).toBe(409);
    const page = await late.text();
    expect(page).toContain('Iemand anders heeft dit evenement opgeslagen');
    expect(page).toContain('value="Van mij"');
    expect((await doc('eigen-dag')).series).toBe('Van de collega');
    // Saving again, on the version the page now carries, goes through.
    const now = /name="versie" value="([^"]+)"/.exec(page)![1]!;
    expect(now).not.toBe(version);
    expect((await post('/beheer/evenementen/eigen-dag/bewerken/algemeen', { ...values, series: 'Van mij', versie: now }, cookies.beheerder)).status).toBe(303);
    expect((await doc('eigen-dag')).series).toBe('Van mij');
  });

  it('adds and removes rows without saving, and previews Markdown', async () => {
    const before = await doc('eigen-dag');
    const values = toValues('bijeenkomsten', before);
    const added = await post('/beheer/evenementen/eigen-dag/bewerken/bijeenkomsten', { ...values, actie: 'toevoegen:meetings' }, cookies.beheerder);
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('name="meetings.1.startsAt"');
    const removed = await post('/beheer/evenementen/eigen-dag/bewerken/bijeenkomsten', { ...values, actie: 'verwijderen:venues.0' }, cookies.beheerder);
    expect(await removed.text()).not.toContain('name="venues.0.name"');
    const preview = await post('/beheer/evenementen/eigen-dag/bewerken/algemeen', { ...toValues('algemeen', before), 'sections.0.body': 'Heel **vet**.', actie: 'voorbeeld' }, cookies.beheerder);
    expect(await preview.text()).toContain('<strong>vet</strong>');
    expect(await doc('eigen-dag')).toEqual(before);
  });

  it('adds a workshop in both rounds with a key made from its title', async () => {
    const before = await doc('eigen-dag');
    const values = { ...toValues('deelsessies', before), 'workshops.3.key': '', 'workshops.3.title': 'Samen sterk', 'workshops.3.capacity': '15' };
    const res = await post('/beheer/evenementen/eigen-dag/bewerken/deelsessies', [...Object.entries(values), ['workshops.3.rounds', 'ronde-1'], ['workshops.3.rounds', 'ronde-2']], cookies.beheerder);
    expect(res.status).toBe(303);
    expect((await doc('eigen-dag')).workshops[3]).toMatchObject({ key: 'samen-sterk', capacity: 15, rounds: ['ronde-1', 'ronde-2'] });
  });

  it('refuses to drop a workshop people chose (409), naming it', async () => {
    const before = await doc('met-aanmelders');
    const values = toValues('deelsessies', before);
    const res = await post('/beheer/evenementen/met-aanmelders/bewerken/deelsessies', { ...values, 'workshops.1.rounds': '' }, cookies.beheerder);
    expect(res.status).toBe(400);
    const gone = Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('workshops.1.')));
    const res2 = await post('/beheer/evenementen/met-aanmelders/bewerken/deelsessies', gone, cookies.beheerder);
    expect(res2.status).toBe(409);
    expect(await res2.text()).toContain('Zeggenschap door geld');
    expect(await doc('met-aanmelders')).toEqual(before);
  });

  it("a published event's new time mails the registrants, unless the box is unticked", async () => {
    const before = await doc('met-aanmelders');
    const values = toValues('bijeenkomsten', before);
    const quiet = await post('/beheer/evenementen/met-aanmelders/bewerken/bijeenkomsten', { ...values, 'meetings.0.endsAt': '2030-03-06T17:45', melden: '' }, cookies.beheerder);
    expect(quiet.status).toBe(303);
    expect(await mails('met-aanmelders', 'event_changed')).toHaveLength(0);
    const told = await post('/beheer/evenementen/met-aanmelders/bewerken/bijeenkomsten', [...Object.entries({ ...values, 'meetings.0.endsAt': '2030-03-06T18:00', melden: '' }), ['melden', 'ja']], cookies.beheerder);
    expect(told.status).toBe(303);
    expect((await doc('met-aanmelders')).meetings[0]!.endsAt).toBe('2030-03-06T18:00:00+01:00');
    expect(await mails('met-aanmelders', 'event_changed')).toHaveLength(1);
  });

  it('publishes a draft; back to draft only while nobody registered', async () => {
    expect((await post('/beheer/evenementen/concept-dag/publiceren', {}, cookies.redacteur)).status).toBe(303);
    expect((await doc('concept-dag')).status).toBe('published');
    expect((await post('/beheer/evenementen/concept-dag/depubliceren', {}, cookies.redacteur)).status).toBe(303);
    expect((await doc('concept-dag')).status).toBe('draft');
    const refused = await post('/beheer/evenementen/met-aanmelders/depubliceren', {}, cookies.redacteur);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain('er hebben zich al mensen aangemeld');
    expect((await doc('met-aanmelders')).status).toBe('published');
  });

  it('a draft can be previewed as the public will see it', async () => {
    const res = await get('/beheer/evenementen/concept-dag/voorbeeld', cookies.beheerder);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Concept: nog niet gepubliceerd');
    expect(html).toContain('Concept dag');
  });

  it('cancels after confirmation, and the registrants are told', async () => {
    const confirm = await get('/beheer/evenementen/te-annuleren/annuleren', cookies.beheerder);
    expect(await confirm.text()).toContain('Alle 1 aanmelders krijgen een bericht');
    expect((await doc('te-annuleren')).status).toBe('published');
    expect((await post('/beheer/evenementen/te-annuleren/annuleren', {}, cookies.beheerder)).status).toBe(303);
    expect((await doc('te-annuleren')).status).toBe('cancelled');
    expect(await mails('te-annuleren', 'event_changed')).toHaveLength(1);

    // Cancelled by mistake: it goes ahead after all, and the registrant hears so.
    const start = await (await get('/beheer/evenementen/te-annuleren/bewerken', cookies.beheerder)).text();
    expect(start).toContain('Toch laten doorgaan');
    const reopened = await post('/beheer/evenementen/te-annuleren/heropenen', {}, cookies.redacteur);
    expect(reopened.status).toBe(303);
    expect(reopened.headers.get('location')).toBe('/beheer/evenementen/te-annuleren/bewerken?melding=heropend');
    expect((await doc('te-annuleren')).status).toBe('published');
    const told = await mails('te-annuleren', 'event_changed');
    expect(told).toHaveLength(2);
    expect(told.map((m) => m.subject)).toContain('Gaat toch door: Titel te-annuleren');
    // Only a cancelled event can be reopened.
    expect((await post('/beheer/evenementen/te-annuleren/heropenen', {}, cookies.redacteur)).status).toBe(409);
    expect(await mails('te-annuleren', 'event_changed')).toHaveLength(2);
  });

  it('copies an event as a new draft', async () => {
    const res = await post('/beheer/evenementen/met-aanmelders/kopieren', {}, cookies.redacteur);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/beheer/evenementen/met-aanmelders-kopie/bewerken?melding=gekopieerd');
    const copy = await doc('met-aanmelders-kopie');
    expect(copy).toMatchObject({ title: 'Titel met-aanmelders (kopie)', status: 'draft', report: null });
    expect(copy.workshops.map((w) => w.key)).toEqual((await doc('met-aanmelders')).workshops.map((w) => w.key));
    const again = await post('/beheer/evenementen/met-aanmelders/kopieren', {}, cookies.redacteur);
    expect(again.headers.get('location')).toContain('met-aanmelders-kopie-2');
  });

  it('writes and publishes the report, which then appears with the event', async () => {
    const values = { ...toValues('verslag', await doc('eigen-dag')), 'report.title': 'Terugblik op de eigen dag', 'report.body': 'Het was een **goede** middag.', 'report.attendance': '72', 'report.attendanceLabel': 'ruim 70' };
    const draft = await post('/beheer/evenementen/eigen-dag/bewerken/verslag', { ...values, 'report.published': '' }, cookies.redacteur);
    expect(draft.status).toBe(303);
    expect((await app.request(`${ORIGIN}/evenementen/eigen-dag/verslag`)).status).toBe(404);
    const published = await post('/beheer/evenementen/eigen-dag/bewerken/verslag', [...Object.entries({ ...values, 'report.published': '' }), ['report.published', 'ja']], cookies.redacteur);
    expect(published.status).toBe(303);
    expect((await doc('eigen-dag')).report).toMatchObject({ title: 'Terugblik op de eigen dag', attendance: 72, attendanceLabel: 'ruim 70', publishedAt: expect.any(String) });
    const page = await app.request(`${ORIGIN}/evenementen/eigen-dag/verslag`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Terugblik op de eigen dag');
    expect(html).toContain('<strong>goede</strong>');
  });

  it('makes a new event as a draft, with problems next to the fields', async () => {
    const bad = await post('/beheer/nieuw-evenement', { title: '', summary: '', format: 'on_site', 'meetings.0.startsAt': '', 'meetings.0.endsAt': '', 'venues.0.name': '', 'venues.0.city': '' }, cookies.redacteur);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain('id="veld-title-fout"');
    expect(html).toContain('id="veld-meetings.0.startsAt-fout"');
    const res = await post(
      '/beheer/nieuw-evenement',
      { title: 'Dag van de Buurt', summary: 'Een dag over buurten.', format: 'on_site', 'meetings.0.startsAt': '2030-05-01T09:30', 'meetings.0.endsAt': '2030-05-01T16:00', 'venues.0.name': 'Jaarbeurs', 'venues.0.city': 'Utrecht' },
      cookies.redacteur,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/beheer/evenementen/dag-van-de-buurt/bewerken?melding=aangemaakt');
    expect(await doc('dag-van-de-buurt')).toMatchObject({ status: 'draft', organisers: [{ slug: 'kennisinstituut' }] });
    const taken = await post('/beheer/nieuw-evenement', { title: 'Dag van de Buurt', summary: 'Nog een.', format: 'on_site', 'meetings.0.startsAt': '2030-05-01T09:30', 'meetings.0.endsAt': '2030-05-01T16:00', 'meetings.0.online': 'ja' }, cookies.redacteur);
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('id="veld-slug-fout"');
  });
});
