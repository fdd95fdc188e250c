import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { NO_RATE_LIMITS, testApp, TEST_NOW } from '../../../test/app';
import { createEvent } from '../../domain/events/service';
import { mailOutbox } from '../../domain/mail/table';
import { createApiToken, ensureOrganiser } from '../../domain/organisers/service';
import { TEST_ACTOR } from '../../../test/actors';

/* The organiser's side of registrations through the API: list, approve, refuse (with a reason that is mailed). */

describe.each(databaseKinds)('an organiser handling registrations through the API on $name', ({ open }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;
  const person = (i: number) => ({
    name: `Deelnemer ${i}`,
    email: `goedkeuren${i}@example.org`,
    organisation: `Gemeente ${i}`,
    choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' },
    consents: { privacy: true },
  });
  const register = async (i: number) =>
    (await (
      await app.request('/api/v1/events/met-goedkeuring/registrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(person(i)),
      })
    ).json()) as { id: string; status: string; token: string };
  const call = (path: string, init: RequestInit = {}, as = token) =>
    app.request(`/api/v1/events/met-goedkeuring/registrations${path}`, {
      ...init,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
    });

  beforeAll(async () => {
    database = await open();
    const org = await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut');
    const other = await ensureOrganiser(database.db, 'ander', 'Andere organisator');
    token = await createApiToken(database.db, org.id, 'test');
    otherToken = await createApiToken(database.db, other.id, 'test');
    await createEvent(database.db, eventDocument({ slug: 'met-goedkeuring', registration: { capacity: 2, approvalRequired: true } }), { actor: TEST_ACTOR, actingOrganiserId: org.id });
    app = await testApp(database, () => TEST_NOW, NO_RATE_LIMITS);
  });
  afterAll(() => database?.close());

  it('approves a pending registration, which then gets its confirmation with the invitation', async () => {
    const r = await register(1);
    expect(r.status).toBe('pending');
    const res = await call(`/${r.id}/approve`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('confirmed');
    const [mail] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.registrationId, r.id), eq(mailOutbox.kind, 'confirmation')));
    expect(mail!.ics).toContain('METHOD:REQUEST');
    // Twice is fine; a confirmed registration cannot be refused (it is cancelled instead).
    expect((await call(`/${r.id}/approve`, { method: 'POST' })).status).toBe(200);
    expect((await call(`/${r.id}/refuse`, { method: 'POST', body: '{}' })).status).toBe(409);
  });

  it('refuses with a reason that is mailed, and the freed place goes to the waiting list', async () => {
    const held = await register(2);
    expect(held.status).toBe('pending');
    const waiting = await register(3);
    expect(waiting.status).toBe('waitlisted');
    const res = await call(`/${held.id}/refuse`, { method: 'POST', body: JSON.stringify({ reason: 'Deze bijeenkomst is alleen voor gemeenten uit de regio.' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { status: string }).status).toBe('refused');
    const [mail] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.registrationId, held.id), eq(mailOutbox.kind, 'refused')));
    expect(mail!.textBody).toContain('alleen voor gemeenten uit de regio');
    // The registrant sees the reason through their personal link, on the page and in the API.
    const own = (await (await app.request(`/api/v1/registrations/${held.token}`)).json()) as { status: string; refusalReason: string };
    expect(own).toMatchObject({ status: 'refused', refusalReason: 'Deze bijeenkomst is alleen voor gemeenten uit de regio.' });
    const page = await (await app.request(`/aanmelding/${held.token}`)).text();
    expect(page).toContain('Deze bijeenkomst is alleen voor gemeenten uit de regio.');
    // The place it held went to the first on the waiting list, awaiting approval like everyone.
    const list = (await (await call('')).json()) as { registrations: { id: string; status: string; position: number | null }[] };
    expect(list.registrations.find((r) => r.id === waiting.id)!.status).toBe('pending');
    expect(list.registrations.map((r) => r.status)).toEqual(['confirmed', 'refused', 'pending']);
  });

  it('keeps another organiser, a missing token, bad input and unknown ids out', async () => {
    const r = await register(4);
    expect((await call('', {}, otherToken)).status).toBe(404);
    expect((await call(`/${r.id}/approve`, { method: 'POST' }, otherToken)).status).toBe(404);
    expect((await app.request('/api/v1/events/met-goedkeuring/registrations')).status).toBe(401);
    expect((await call(`/${r.id}/refuse`, { method: 'POST', body: JSON.stringify({ reden: 'x' }) })).status).toBe(400);
    expect((await call(`/${r.id}/refuse`, { method: 'POST', body: JSON.stringify({ reason: 'x'.repeat(2001) }) })).status).toBe(400);
    expect((await call('/00000000-0000-0000-0000-000000000000/approve', { method: 'POST' })).status).toBe(404);
    expect((await call('/geen-id/approve', { method: 'POST' })).status).toBe(404);
    // Nothing was changed by any of that.
    const list = (await (await call('')).json()) as { registrations: { id: string; status: string }[] };
    expect(list.registrations.find((x) => x.id === r.id)!.status).toBe('waitlisted');
  });
});
