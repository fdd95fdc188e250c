import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { NO_RATE_LIMITS, testApp, TEST_NOW } from '../../../test/app';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { TEST_ACTOR } from '../../../test/actors';

describe.each(databaseKinds)('registrations through the API on $name', ({ open }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof testApp>>;
  const post = (slug: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/v1/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  const person = (i: number) => ({
    name: `Deelnemer ${i}`,
    email: `api${i}@example.org`,
    organisation: 'Gemeente Utrecht',
    choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' },
    consents: { privacy: true },
  });

  beforeAll(async () => {
    database = await open();
    const org = await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut');
    await createEvent(database.db, eventDocument({ slug: 'api-aanmelden', registration: { capacity: 1 } }), { actor: TEST_ACTOR, actingOrganiserId: org.id });
    app = await testApp(database, () => TEST_NOW, NO_RATE_LIMITS);
  });
  afterAll(() => database?.close());

  it('answers 201 confirmed with a personal link, then 201 waitlisted with a position', async () => {
    const first = await post('api-aanmelden', person(1));
    expect(first.status).toBe(201);
    const a = (await first.json()) as { outcome: string; personalUrl: string; token: string };
    expect(a.outcome).toBe('confirmed');
    expect(a.personalUrl).toBe(`http://bijeen.test/aanmelding/${a.token}`);
    const second = await post('api-aanmelden', person(2));
    expect(await second.json()).toMatchObject({ outcome: 'waitlisted', position: 1, waitReason: 'event_full' });
  });

  it('reads and cancels through the personal token; the waiting list moves up', async () => {
    const r = (await (await post('api-aanmelden', person(3))).json()) as { token: string; outcome: string };
    expect(r.outcome).toBe('waitlisted');
    const first = (await (await post('api-aanmelden', person(1))).json()) as { error: { code: string } };
    expect(first.error.code).toBe('duplicate');
    const got = await app.request(`/api/v1/registrations/${r.token}`);
    expect(((await got.json()) as { status: string }).status).toBe('waitlisted');
    const del = await app.request(`/api/v1/registrations/${r.token}`, { method: 'DELETE' });
    expect(((await del.json()) as { status: string }).status).toBe('cancelled');
    expect((await app.request('/api/v1/registrations/onbekend')).status).toBe(404);
  });

  it('makes one registration for the same Idempotency-Key sent twice', async () => {
    const a = await post('api-aanmelden', person(10), { 'idempotency-key': 'sleutel-10' });
    const b = await post('api-aanmelden', person(10), { 'idempotency-key': 'sleutel-10' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(200);
    expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id);
  });

  it.each([
    ['an unknown field', { ...person(20), hobby: 'tennis' }, 400],
    ['an absurdly long name', { ...person(21), name: 'x'.repeat(5000) }, 400],
    ['no privacy consent', { ...person(22), consents: { privacy: false } }, 400],
    ['the same workshop twice', { ...person(23), choices: { 'ronde-1': 'abcd', 'ronde-2': 'abcd' } }, 400],
  ])('answers %s with %i and the field', async (_name, body, status) => {
    const res = await post('api-aanmelden', body);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { problems: unknown[] } }).error.problems.length).toBeGreaterThan(0);
  });

  it('answers broken UTF-8 with 400', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')]);
    expect((await post('api-aanmelden', bytes)).status).toBe(400);
  });

  it('answers a body over 64 kB with 413 and a wrong content type with 415', async () => {
    expect((await post('api-aanmelden', { ...person(30), answers: { x: 'y'.repeat(70_000) } })).status).toBe(413);
    expect((await post('api-aanmelden', 'name=x', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('answers 429 with Retry-After past the per-address limit', async () => {
    const limited = await testApp(database, () => TEST_NOW, { rateLimits: { perAddressPerMinute: 1, perEventPerMinute: 100, trustProxy: false } });
    const send = () => limited.request('/api/v1/events/api-aanmelden/registrations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    await send();
    const res = await send();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('limits writes through a personal token per address too, and writes nothing past the limit', async () => {
    const r = (await (await post('api-aanmelden', person(40))).json()) as { token: string; status: string };
    const limited = await testApp(database, () => TEST_NOW, { rateLimits: { perAddressPerMinute: 2, perEventPerMinute: 100, trustProxy: false } });
    const accept = () => limited.request(`/api/v1/registrations/${r.token}/accept`, { method: 'POST' });
    expect((await accept()).status).toBe(409); // nothing offered: answered, and counted
    expect((await accept()).status).toBe(409);
    const res = await limited.request(`/api/v1/registrations/${r.token}`, { method: 'DELETE' });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    const after = (await (await app.request(`/api/v1/registrations/${r.token}`)).json()) as { status: string };
    expect(after.status).toBe(r.status);
  });
});
