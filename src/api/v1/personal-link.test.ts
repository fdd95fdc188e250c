import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { NO_RATE_LIMITS, testApp, TEST_NOW } from '../../../test/app';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { TEST_ACTOR } from '../../../test/actors';

/* Accepting an offered place and changing workshop choices with the personal token. */

const HOUR = 3_600_000;
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * HOUR);

interface RegistrationJson {
  id: string;
  token: string;
  status: string;
  offerExpiresAt: string | null;
  choices: { roundKey: string; workshopKey: string; status: string; position: number | null }[];
}
interface ProblemJson {
  error: { code: string; message: string; problems?: { path: string; message: string }[] };
}

describe.each(databaseKinds)('the personal token in the API on $name', ({ open }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof testApp>>;
  let now = TEST_NOW;
  let n = 0;
  let organiserId: string;

  const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const registerPerson = async (slug: string, choices = { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }) => {
    const i = ++n;
    const res = await json('POST', `/events/${slug}/registrations`, {
      name: `Deelnemer ${i}`,
      email: `token${i}@example.org`,
      choices,
      consents: { privacy: true },
    });
    expect(res.status).toBe(201);
    return (await res.json()) as RegistrationJson;
  };
  /** A fresh event of one place whose freed place is offered for 24 hours. */
  const offerEvent = async () => {
    const slug = `api-aanbod-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 1, offerHours: 24 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  };
  const get = async (token: string) => (await (await json('GET', `/registrations/${token}`)).json()) as RegistrationJson;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'api-keuzes', registration: { capacity: 10 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    app = await testApp(database, () => now, NO_RATE_LIMITS);
  });
  afterAll(() => database?.close());

  it('shows an offer with its deadline, accepts it in time, and accepts a second time without harm', async () => {
    now = TEST_NOW;
    const slug = await offerEvent();
    const holder = await registerPerson(slug);
    const waiting = await registerPerson(slug);
    expect(waiting).toMatchObject({ status: 'waitlisted', offerExpiresAt: null });
    expect((await json('DELETE', `/registrations/${holder.token}`)).status).toBe(200);

    expect(await get(waiting.token)).toMatchObject({ status: 'offered', offerExpiresAt: at(24).toISOString() });
    now = at(2);
    const accepted = await json('POST', `/registrations/${waiting.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ id: waiting.id, status: 'confirmed', offerExpiresAt: null });
    const again = await json('POST', `/registrations/${waiting.token}/accept`);
    expect(again.status).toBe(200);
    expect(((await again.json()) as RegistrationJson).status).toBe('confirmed');
  });

  it('answers an offer accepted too late with 409 offer_expired, and offers the place to the next', async () => {
    now = TEST_NOW;
    const slug = await offerEvent();
    const holder = await registerPerson(slug);
    const late = await registerPerson(slug);
    const next = await registerPerson(slug);
    await json('DELETE', `/registrations/${holder.token}`);
    expect((await get(late.token)).status).toBe('offered');

    now = at(30);
    const res = await json('POST', `/registrations/${late.token}/accept`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemJson).error.code).toBe('offer_expired');
    expect(await get(late.token)).toMatchObject({ status: 'expired', offerExpiresAt: null });
    expect(await get(next.token)).toMatchObject({ status: 'offered', offerExpiresAt: at(54).toISOString() });
  });

  it('answers accept without an offer with 409 conflict, and an unknown token with 404', async () => {
    now = TEST_NOW;
    const slug = await offerEvent();
    await registerPerson(slug);
    const waiting = await registerPerson(slug);
    const res = await json('POST', `/registrations/${waiting.token}/accept`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as ProblemJson).error.code).toBe('conflict');
    expect((await json('POST', `/registrations/${'x'.repeat(43)}/accept`)).status).toBe(404);
    expect((await json('PUT', `/registrations/${'x'.repeat(43)}/choices`, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } })).status).toBe(404);
  });

  it('changes workshop choices, and the seat left behind goes to the first on its waiting list', async () => {
    now = TEST_NOW;
    const full = { 'ronde-1': 'geld', 'ronde-2': 'abcd' };
    const mover = await registerPerson('api-keuzes', full);
    await registerPerson('api-keuzes', full);
    const waits = await registerPerson('api-keuzes', full);
    expect(waits.choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'waitlisted', position: 1 });

    const res = await json('PUT', `/registrations/${mover.token}/choices`, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as RegistrationJson).choices).toEqual([
      { roundKey: 'ronde-1', workshopKey: 'geld', status: 'confirmed', position: null },
      { roundKey: 'ronde-2', workshopKey: 'corporaties', status: 'confirmed', position: null },
    ]);
    expect((await get(waits.token)).choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'confirmed' });

    // The same choices again: 200, nothing changes.
    const same = await json('PUT', `/registrations/${mover.token}/choices`, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } });
    expect(same.status).toBe(200);

    // Back to the workshop that is full again: 400, with the round it concerns.
    const back = await json('PUT', `/registrations/${mover.token}/choices`, { choices: full });
    expect(back.status).toBe(400);
    const problem = (await back.json()) as ProblemJson;
    expect(problem.error.code).toBe('invalid');
    expect(problem.error.problems).toEqual([{ path: 'choices.ronde-2', message: expect.stringMatching(/vol/) }]);
  });

  it.each([
    ['no choices', {}, 'choices'],
    ['an unknown field', { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, naam: 'x' }, '(keuzes)'],
    ['choices that are not an object', { choices: ['geld'] }, 'choices'],
    ['a workshop that is not a key', { choices: { 'ronde-1': 1, 'ronde-2': 'corporaties' } }, 'choices.ronde-1'],
    ['a round left out', { choices: { 'ronde-1': 'geld' } }, 'choices.ronde-2'],
    ['the same workshop in both rounds', { choices: { 'ronde-1': 'abcd', 'ronde-2': 'abcd' } }, 'choices.ronde-2'],
  ])('answers a change with %s with 400 and the field', async (_name, body, path) => {
    now = TEST_NOW;
    const r = await registerPerson('api-keuzes');
    const res = await json('PUT', `/registrations/${r.token}/choices`, body);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ProblemJson).error.problems!.map((p) => p.path)).toContain(path);
  });

  it('answers a change that is not JSON with 415 or 400, and one after the start of the event with 409', async () => {
    now = TEST_NOW;
    const r = await registerPerson('api-keuzes');
    expect((await json('PUT', `/registrations/${r.token}/choices`, 'ronde-1=geld', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await json('PUT', `/registrations/${r.token}/choices`, '{"choices":')).status).toBe(400);
    now = new Date('2030-03-06T12:30:00+01:00');
    const late = await json('PUT', `/registrations/${r.token}/choices`, { choices: { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' } });
    expect(late.status).toBe(409);
    expect(((await late.json()) as ProblemJson).error.code).toBe('conflict');
  });
});
