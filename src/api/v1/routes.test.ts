import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { testApp } from '../../../test/app';
import { loadDemoIfEmpty } from '../../demo/load';
import { listEventMails } from '../../domain/mail/service';
import { createApiToken, ensureOrganiser } from '../../domain/organisers/service';
import { TEST_NOW } from '../../../test/app';

function withoutIdsAndSlug(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v) => (k === 'id' || k === 'slug' ? undefined : v)));
}

describe.each(databaseKinds)('JSON API v1 on $name', ({ open }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;

  const send = (method: string, path: string, body?: unknown, auth: string | null = token, type = 'application/json') =>
    app.request(path, {
      method,
      headers: { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    database = await open();
    await loadDemoIfEmpty(database.db, TEST_NOW);
    app = await testApp(database);
    const platform31 = await ensureOrganiser(database.db, 'platform31', 'Platform31');
    token = await createApiToken(database.db, platform31.id, 'test');
    const other = await ensureOrganiser(database.db, 'ander-instituut', 'Ander instituut');
    otherToken = await createApiToken(database.db, other.id, 'test');
  });
  afterAll(() => database?.close());

  it('lists published events, upcoming first, with links', async () => {
    const res = await app.request('/api/v1/events');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { upcoming: { slug: string; url: string; reportUrl: string | null }[] };
    expect(body.upcoming.map((e) => e.slug)).toEqual([
      'haagse-wijkaanpak',
      'dag-van-de-buurt',
      'leergang-wijkaanpak',
      'werkplaats-wijkontwikkeling',
    ]);
    expect(body.upcoming[0]!.reportUrl).toBe('http://bijeen.test/evenementen/haagse-wijkaanpak/verslag');
  });

  it('round-trips: GET → POST as a copy → GET gives the same event apart from slug and ids', async () => {
    const original = await (await app.request('/api/v1/events/dag-van-de-buurt')).json();
    const copy = { ...(original as object), slug: 'dag-van-de-buurt-kopie' };
    const created = await send('POST', '/api/v1/events', copy);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('http://bijeen.test/api/v1/events/dag-van-de-buurt-kopie');
    const again = await (await app.request('/api/v1/events/dag-van-de-buurt-kopie')).json();
    expect(withoutIdsAndSlug(again)).toEqual(withoutIdsAndSlug(original));
    expect((again as { id: string }).id).not.toBe((original as { id: string }).id);
  });

  it('replaces an event with PUT and keeps it readable', async () => {
    const doc = eventDocument({ slug: 'api-put' });
    expect((await send('POST', '/api/v1/events', doc)).status).toBe(201);
    const res = await send('PUT', '/api/v1/events/api-put', { ...doc, title: 'Nieuwe titel' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe('Nieuwe titel');
  });

  it('gives its organisers an ETag, and saves a PUT with If-Match only over that version (412 otherwise, nothing saved)', async () => {
    const doc = eventDocument({ slug: 'api-etag' });
    expect((await send('POST', '/api/v1/events', doc)).status).toBe(201);
    const read = await send('GET', '/api/v1/events/api-etag');
    const tag = read.headers.get('etag')!;
    expect(tag).toMatch(/^"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"$/);
    // The public and another organiser get no version to write with.
    expect((await app.request('/api/v1/events/api-etag')).headers.get('etag')).toBeNull();
    expect((await send('GET', '/api/v1/events/api-etag', undefined, otherToken)).headers.get('etag')).toBeNull();

    const put = (body: unknown, ifMatch: string) =>
      app.request('/api/v1/events/api-etag', { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'if-match': ifMatch }, body: JSON.stringify(body) });
    const first = await put({ ...doc, title: 'Eerste wijziging' }, tag);
    expect(first.status).toBe(200);
    const newTag = first.headers.get('etag')!;
    expect(newTag).not.toBe(tag);
    expect(newTag).toBe((await send('GET', '/api/v1/events/api-etag')).headers.get('etag'));

    // A second writer that read the old version: refused, told the current one, nothing saved.
    const late = await put({ ...doc, title: 'Tweede wijziging' }, tag);
    expect(late.status).toBe(412);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe('version_changed');
    expect(late.headers.get('etag')).toBe(newTag);
    expect(((await (await send('GET', '/api/v1/events/api-etag')).json()) as { title: string }).title).toBe('Eerste wijziging');

    // Not an ETag of ours: 400. `*` and no header at all save as before.
    const bad = await put({ ...doc, title: 'Derde' }, 'W/"abc"');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('If-Match');
    expect((await put({ ...doc, title: 'Vierde' }, '*')).status).toBe(200);
    expect((await send('PUT', '/api/v1/events/api-etag', { ...doc, title: 'Vijfde' })).status).toBe(200);
  });

  describe('mails about a PUT', () => {
    const person = (i: number) => ({ name: `Deelnemer ${i}`, email: `put${i}@example.org`, choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } });
    /** A published event with two registrants, one of whom cancelled again. */
    async function withRegistrants(slug: string) {
      const doc = eventDocument({ slug });
      const created = (await (await send('POST', '/api/v1/events', doc)).json()) as { id: string };
      const staying = (await (await send('POST', `/api/v1/events/${slug}/registrations`, person(1), null)).json()) as { id: string };
      const leaving = (await (await send('POST', `/api/v1/events/${slug}/registrations`, person(2), null)).json()) as { token: string };
      expect((await app.request(`/api/v1/registrations/${leaving.token}`, { method: 'DELETE' })).status).toBe(200);
      return { doc, eventId: created.id, stayingId: staying.id };
    }
    const moved = (doc: ReturnType<typeof eventDocument>) => ({
      ...doc,
      meetings: doc.meetings!.map((m) => ({ ...m, startsAt: '2030-03-06T12:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00' })),
    });
    const changed = async (eventId: string) => (await listEventMails(database.db, eventId)).filter((m) => m.kind === 'event_changed');

    it('tells the registrant who stayed of a new time, with an updated invitation', async () => {
      const { doc, eventId, stayingId } = await withRegistrants('api-verzet');
      expect((await send('PUT', '/api/v1/events/api-verzet', moved(doc))).status).toBe(200);
      const mails = await changed(eventId);
      expect(mails.map((m) => [m.registrationId, m.toAddress])).toEqual([[stayingId, 'put1@example.org']]);
      expect(mails[0]!.textBody).toContain('woensdag 6 maart 2030, 12:00–17:00 uur');
      expect(mails[0]!.ics).toContain('METHOD:REQUEST');
      expect(mails[0]!.ics).toContain('DTSTART;TZID=Europe/Amsterdam:20300306T120000');
    });

    it('tells nobody with notify=false', async () => {
      const { doc, eventId } = await withRegistrants('api-stil-verzet');
      expect((await send('PUT', '/api/v1/events/api-stil-verzet?notify=false', moved(doc))).status).toBe(200);
      expect(await changed(eventId)).toEqual([]);
    });

    it('answers 400 to a notify that is neither true nor false, and changes nothing', async () => {
      const { doc, eventId } = await withRegistrants('api-verkeerd-verzet');
      const res = await send('PUT', '/api/v1/events/api-verkeerd-verzet?notify=nee', moved(doc));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Geef notify=true of notify=false.');
      expect(await changed(eventId)).toEqual([]);
      const read = (await (await app.request('/api/v1/events/api-verkeerd-verzet')).json()) as { meetings: { startsAt: string }[] };
      expect(read.meetings[0]!.startsAt).toBe('2030-03-06T12:30:00+01:00');
    });
  });

  it('shows an edit on the public page at once, and on another app instance after the commit notification', async () => {
    const doc = eventDocument({ slug: 'zichtbaar' });
    expect((await send('POST', '/api/v1/events', doc)).status).toBe(201);
    const other = await testApp(database); // a second instance: its own page cache, same database
    expect(await (await other.request('/evenementen/zichtbaar')).text()).toContain('Proefdag wijkaanpak');
    expect(await (await app.request('/evenementen/zichtbaar')).text()).toContain('Proefdag wijkaanpak');

    expect((await send('PUT', '/api/v1/events/zichtbaar', { ...doc, title: 'Gewijzigde proefdag' })).status).toBe(200);
    expect(await (await app.request('/evenementen/zichtbaar')).text()).toContain('Gewijzigde proefdag');
    let seen = '';
    for (let i = 0; i < 40 && !seen.includes('Gewijzigde proefdag'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await (await other.request('/evenementen/zichtbaar')).text();
    }
    expect(seen).toContain('Gewijzigde proefdag');
  });

  it.each([
    ['a missing title', { title: undefined }, 'title'],
    ['an end before the start', { meetings: [{ key: 'm', startsAt: '2030-03-06T17:30:00+01:00', endsAt: '2030-03-06T12:30:00+01:00', venue: 'stadhuis' }] }, 'meetings.0.endsAt'],
    ['a negative capacity', { registration: { capacity: -1 } }, 'registration.capacity'],
    ['an unknown btw category', { price: { amountCents: 100, vatCategory: 'hoog' } }, 'price.vatCategory'],
    ['a workshop in a round that does not exist', { workshops: [{ key: 'x', title: 'X', rounds: ['ronde-7'] }] }, 'workshops.0.rounds.0'],
    ['a malformed postcode', { venues: [{ key: 'stadhuis', name: 'Stadhuis', postcode: 'ABCD 12', city: 'Den Haag' }] }, 'venues.0.postcode'],
  ])('answers 400 for %s, naming the field', async (_name, change, path) => {
    const res = await send('POST', '/api/v1/events', { ...eventDocument({ slug: 'fout' }), ...change });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; problems: { path: string; message: string }[] } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.problems.map((p) => p.path)).toContain(path);
    expect(body.error.problems.every((p) => p.message.length > 5)).toBe(true);
  });

  it('answers 401 without a token or with a wrong one, and writes nothing', async () => {
    expect((await send('POST', '/api/v1/events', eventDocument({ slug: 'zonder-token' }), null)).status).toBe(401);
    expect((await send('POST', '/api/v1/events', eventDocument({ slug: 'zonder-token' }), 'bij_verzonnen')).status).toBe(401);
    expect((await app.request('/api/v1/events/zonder-token')).status).toBe(404);
  });

  it("answers 403 when another organiser's token replaces an event", async () => {
    const res = await send('PUT', '/api/v1/events/haagse-wijkaanpak', eventDocument({ slug: 'haagse-wijkaanpak' }), otherToken);
    expect(res.status).toBe(403);
  });

  it('answers 404 in JSON for an unknown slug, on reads and writes', async () => {
    const res = await app.request('/api/v1/events/bestaat-niet');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await send('PUT', '/api/v1/events/bestaat-niet', eventDocument({ slug: 'bestaat-niet' }))).status).toBe(404);
  });

  it('answers 409 for a slug in use', async () => {
    const res = await send('POST', '/api/v1/events', eventDocument({ slug: 'haagse-wijkaanpak' }));
    expect(res.status).toBe(409);
  });

  it.each([
    ['broken JSON', '{"slug": "x",', 'application/json', 400],
    ['a wrong content type', 'slug=x', 'application/x-www-form-urlencoded', 415],
    ['a body over 1 MB', JSON.stringify({ ...eventDocument({ slug: 'groot' }), summary: 'x'.repeat(1_100_000) }), 'application/json', 413],
  ])('answers %s with a 4xx and a Dutch message', async (_name, body, type, status) => {
    const res = await send('POST', '/api/v1/events', body, token, type);
    expect(res.status).toBe(status);
    const json = (await res.json()) as { error: { message: string } };
    expect(json.error.message).toMatch(/[a-z]/);
  });

  it('shows drafts and join links only with an organiser token', async () => {
    const doc = eventDocument({
      slug: 'api-concept',
      status: 'draft',
      format: 'hybrid',
      meetings: [{ key: 'm', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis', online: true, joinUrl: 'https://meet.example.org/x' }],
    });
    expect((await send('POST', '/api/v1/events', doc)).status).toBe(201);
    expect((await app.request('/api/v1/events/api-concept')).status).toBe(404);
    const own = await send('GET', '/api/v1/events/api-concept');
    expect(((await own.json()) as { meetings: { joinUrl?: string }[] }).meetings[0]!.joinUrl).toBe('https://meet.example.org/x');
  });

  it('gives live availability per workshop per round', async () => {
    const res = await app.request('/api/v1/events/haagse-wijkaanpak/availability');
    const body = (await res.json()) as { registration: { kind: string }; confirmed: number; workshops: { workshop: string; full: boolean }[] };
    expect(body.registration.kind).toBe('full');
    expect(body.confirmed).toBe(75);
    expect(body.workshops.filter((w) => w.full).map((w) => w.workshop)).toEqual(['opgavegericht-werken']);
  });

  it('publishes an OpenAPI 3.1 document generated from the same schema', async () => {
    const res = await app.request('/api/v1/openapi.json');
    const spec = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: { EventDocument: { properties: Record<string, unknown>; required: string[] } } } };
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual([
      '/events',
      '/events/{slug}',
      '/events/{slug}/registrations',
      '/registrations/{token}',
      '/events/{slug}/registrations/{id}/approve',
      '/events/{slug}/registrations/{id}/refuse',
      '/registrations/{token}/accept',
      '/registrations/{token}/choices',
      '/events/{slug}/availability',
      '/events/{slug}/export/registrations.csv',
      '/events/{slug}/export/registrations.xlsx',
      '/events/{slug}/export/attendance.pdf',
      '/events/{slug}/export/badges.pdf',
      '/events/{slug}/files',
    ]);
    const schema = spec.components.schemas.EventDocument;
    expect(schema.required).toEqual(expect.arrayContaining(['slug', 'title', 'summary', 'format', 'meetings']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['programme', 'workshops', 'registration', 'price', 'report']));
    const put = (spec.paths['/events/{slug}'] as { put: { parameters: { name: string; in: string; schema: unknown }[] } }).put;
    expect(put.parameters).toContainEqual(expect.objectContaining({ name: 'notify', in: 'query', schema: { type: 'boolean', default: true } }));
  });

  it.each(['/evenementen/%00', '/api/v1/events/%00', '/evenementen/%00/kalender.ics', '/api/v1/events/%00/availability', '/evenementen/%F0%9F%98%80'])(
    'answers a malformed slug in %s with 404, not 500',
    async (path) => {
      expect((await app.request(path)).status).toBe(404);
    },
  );

  it.each([
    ['a NUL character in the title', { title: 'x\u0000y' }],
    ['a NUL character in Markdown', { sections: [{ body: 'a\u0000b' }] }],
    ['half a surrogate pair', { title: 'x\ud800' }],
  ])('answers %s with 400, not 500', async (_name, change) => {
    const body = JSON.stringify({ ...eventDocument({ slug: 'rare-tekens' }), ...change });
    const res = await send('POST', '/api/v1/events', body);
    expect(res.status).toBe(400);
  });

  it.each([
    ['year 0', '0000-01-01T10:00:00Z'],
    ['year 9999 west of UTC', '9999-12-31T20:00:00-12:00'],
  ])('answers a meeting in %s with 400', async (_name, startsAt) => {
    const res = await send('POST', '/api/v1/events', { ...eventDocument({ slug: 'vreemde-datum' }), meetings: [{ key: 'm', startsAt, endsAt: '2030-01-01T10:00:00Z', venue: 'stadhuis' }], programme: [] });
    expect(res.status).toBe(400);
  });

  it('answers six simultaneous creations of one slug with one 201 and five 409s', async () => {
    const doc = eventDocument({ slug: 'tegelijk' });
    const statuses = await Promise.all(Array.from({ length: 6 }, () => Promise.resolve(send("POST", "/api/v1/events", doc)).then((r) => r.status)));
    expect(statuses.sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('keeps the public page up for Markdown too deeply nested to render', async () => {
    const doc = eventDocument({ slug: 'diep-citaat', sections: [{ body: '>'.repeat(5000) + ' x' }] });
    expect((await send('POST', '/api/v1/events', doc)).status).toBe(201);
    expect((await app.request('/evenementen/diep-citaat')).status).toBe(200);
  });

  it("reads another organiser's events as the public does: a draft is not there, a published event is", async () => {
    const draft = eventDocument({ slug: 'geheim-concept', status: 'draft' });
    expect((await send('POST', '/api/v1/events', draft)).status).toBe(201);
    expect((await send('GET', '/api/v1/events/geheim-concept', undefined, otherToken)).status).toBe(404);
    expect((await send('PUT', '/api/v1/events/geheim-concept', draft, otherToken)).status).toBe(404);
    expect((await send('GET', '/api/v1/events/haagse-wijkaanpak', undefined, otherToken)).status).toBe(200);
  });

  it('keeps the order of the venues', async () => {
    const doc = eventDocument({
      slug: 'volgorde',
      venues: [
        { key: 'zaal-z', name: 'Zaal Z', city: 'Utrecht' },
        { key: 'aula', name: 'Aula', city: 'Utrecht' },
      ],
      meetings: [{ key: 'm', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'aula' }],
    });
    const res = await send('POST', '/api/v1/events', doc);
    expect(((await res.json()) as { venues: { key: string }[] }).venues.map((v) => v.key)).toEqual(['zaal-z', 'aula']);
  });

  it('lets an organiser with its own token be linked only by itself, and removed only by the main organiser', async () => {
    // "ander-instituut" has a token, so platform31 cannot attach it:
    const res = await send('POST', '/api/v1/events', eventDocument({ slug: 'zonder-toestemming', organisers: [{ slug: 'ander-instituut', name: 'Ander instituut', role: 'organiser' }] }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { problems: { message: string }[] } }).error.problems[0]!.message).toContain('Ander instituut');
    // It may make its own event, as main organiser.
    const own = eventDocument({ slug: 'samen-maar-apart', organisers: [{ slug: 'ander-instituut', name: 'Ander instituut', role: 'organiser' }] });
    expect((await send('POST', '/api/v1/events', own, otherToken)).status).toBe(201);
    // Organisers nobody claimed yet can be named freely (the demo's co-organisers are such).
    const named = eventDocument({ slug: 'met-partner', organisers: [{ slug: 'nog-geen-account', name: 'Nog geen account', role: 'co_organiser' }] });
    expect((await send('POST', '/api/v1/events', named)).status).toBe(201);
  });

  it('never answers a 500 to unknown API paths', async () => {
    const res = await app.request('/api/v1/nergens');
    expect(res.status).toBe(404);
  });
});
