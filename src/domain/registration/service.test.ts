import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../mail/table';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import type { EventDocumentInput } from '../events/document';
import { createEvent, getEventView, replaceEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { cancelRegistration, getRegistration, register, type RegisterResult } from './service';
import { TEST_ACTOR } from '../../../test/actors';

const BASE = 'http://bijeen.test';

const person = registrant;

function registered(r: RegisterResult) {
  if (r.kind !== 'registered') throw new Error(`expected registered, got ${JSON.stringify(r)}`);
  return r.registration;
}

describe.each(databaseKinds)('registration on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;
  /** A fresh event per test: a slug of its own. */
  async function event(over: Partial<EventDocumentInput> = {}, registration: Record<string, unknown> = {}) {
    const slug = `aanmelden-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 3, ...registration }, ...over }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  }
  const reg = (slug: string, i: number, over: Record<string, unknown> = {}, key?: string) =>
    register(database.db, slug, person(i, over), { now: TEST_NOW, idempotencyKey: key, baseUrl: BASE });

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('confirms registrants up to the capacity and puts the next on the waiting list with a position', async () => {
    const slug = await event();
    for (let i = 1; i <= 3; i++) expect(registered(await reg(slug, i)).status).toBe('confirmed');
    const fourth = registered(await reg(slug, 4));
    expect(fourth).toMatchObject({ status: 'waitlisted', position: 1, waitReason: 'event_full' });
    expect(registered(await reg(slug, 5)).position).toBe(2);
    const view = await getEventView(database.db, slug, TEST_NOW);
    expect(view!.registration).toEqual({ kind: 'full', waitlistOpen: true });
  });

  it('confirms the event place but waitlists a full workshop, with its own position', async () => {
    const slug = await event({}, { capacity: 10 });
    registered(await reg(slug, 1));
    registered(await reg(slug, 2));
    const third = registered(await reg(slug, 3));
    expect(third.status).toBe('confirmed');
    expect(third.choices).toEqual([
      { roundKey: 'ronde-1', workshopKey: 'geld', status: 'confirmed', position: null },
      { roundKey: 'ronde-2', workshopKey: 'abcd', status: 'waitlisted', position: 1 },
    ]);
  });

  it('creates one registration for a double submit with the same idempotency key', async () => {
    const slug = await event();
    const first = registered(await reg(slug, 1, {}, 'formulier-abc'));
    const again = await reg(slug, 1, {}, 'formulier-abc');
    expect(again.kind === 'registered' && again.replayed).toBe(true);
    expect(registered(again).id).toBe(first.id);
    expect((await getEventView(database.db, slug, TEST_NOW))!.confirmed).toBe(1);
  });

  it('answers a second registration with the same e-mail address as a duplicate, in any case', async () => {
    const slug = await event();
    registered(await reg(slug, 1));
    expect((await reg(slug, 2, { email: 'DEELNEMER1@example.org' })).kind).toBe('duplicate');
  });

  it('rejects invalid input and writes nothing', async () => {
    const slug = await event();
    const r = await reg(slug, 1, { email: 'geen-adres', choices: { 'ronde-1': 'abcd', 'ronde-2': 'abcd' } });
    expect(r.kind).toBe('invalid');
    const r2 = await reg(slug, 1, { choices: { 'ronde-1': 'abcd', 'ronde-2': 'abcd' } });
    expect(r2.kind === 'invalid' && r2.problems.map((p) => p.path)).toEqual(['choices.ronde-2']);
    expect((await getEventView(database.db, slug, TEST_NOW))!.confirmed).toBe(0);
  });

  it('is closed after the deadline and before the opening', async () => {
    const late = await event({}, { closesAt: '2026-11-01T00:00:00+01:00' });
    expect(await reg(late, 1)).toEqual({ kind: 'closed', state: { kind: 'deadline_passed', closedAt: new Date('2026-11-01T00:00:00+01:00') } });
    const early = await event({}, { opensAt: '2026-12-01T09:00:00+01:00' });
    expect((await reg(early, 1)).kind).toBe('closed');
  });

  it('holds places as pending when approval is required', async () => {
    const slug = await event({}, { approvalRequired: true });
    expect(registered(await reg(slug, 1)).status).toBe('pending');
  });

  it('gives a freed place to the first on the waiting list, exactly once', async () => {
    const slug = await event();
    const people = [];
    for (let i = 1; i <= 5; i++) people.push(registered(await reg(slug, i)));
    const result = await cancelRegistration(database.db, people[0]!.token, TEST_NOW, BASE);
    expect(result.registration.status).toBe('cancelled');
    expect(result.promoted).toEqual([people[3]!.id]);
    expect((await getRegistration(database.db, people[3]!.token))!.status).toBe('confirmed');
    expect((await getRegistration(database.db, people[4]!.token))!.position).toBe(1);
    // Cancelling again frees nothing more.
    expect((await cancelRegistration(database.db, people[0]!.token, TEST_NOW, BASE)).promoted).toEqual([]);
    expect((await getEventView(database.db, slug, TEST_NOW))!.confirmed).toBe(3);
  });

  it('passes over a waiting municipality at its limit and promotes the next one the rules allow', async () => {
    const slug = await event({}, { capacity: 3, organisationLimits: { perOrganisation: 2 } });
    const a1 = registered(await reg(slug, 1, { organisation: 'Gemeente Utrecht' }));
    registered(await reg(slug, 2, { organisation: 'gemeente utrecht' }));
    const a3 = registered(await reg(slug, 3, { organisation: 'Utrecht' }));
    expect(a3).toMatchObject({ status: 'waitlisted', waitReason: 'organisation_full' });
    const z1 = registered(await reg(slug, 4, { organisation: 'Gemeente Zwolle' }));
    expect(z1.status).toBe('confirmed');
    const z2 = registered(await reg(slug, 5, { organisation: 'Gemeente Zwolle' }));
    expect(z2).toMatchObject({ status: 'waitlisted', waitReason: 'event_full' });
    // Zwolle leaves: Utrecht's third person is first in line but Utrecht is still at 2 → Zwolle's second moves up.
    const r = await cancelRegistration(database.db, z1.token, TEST_NOW, BASE);
    expect(r.promoted).toEqual([z2.id]);
    // A Utrecht person leaves: now Utrecht's third may move up.
    expect((await cancelRegistration(database.db, a1.token, TEST_NOW, BASE)).promoted).toEqual([a3.id]);
  });

  it('moves the waiting list up when the organiser raises the capacity', async () => {
    const slug = await event({}, { capacity: 1 });
    registered(await reg(slug, 1));
    const waiting = registered(await reg(slug, 2));
    expect(waiting.status).toBe('waitlisted');
    await replaceEvent(database.db, slug, eventDocument({ slug, registration: { capacity: 2 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW, baseUrl: 'http://bijeen.test' });
    expect((await getRegistration(database.db, waiting.token))!.status).toBe('confirmed');
    // Their confirmation mail links to this site, not to a default host.
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, `confirmation:${waiting.id}`));
    expect(mail!.textBody).toContain(`http://bijeen.test/aanmelding/${waiting.token}`);
  });

  it('asks billing details for a paid event', async () => {
    const slug = await event({ price: { amountCents: 180000, vatCategory: 'standard' } });
    const r = await reg(slug, 1);
    expect(r.kind === 'invalid' && r.problems.map((p) => p.path)).toContain('billing');
    const ok = await reg(slug, 1, {
      billing: { organisationName: 'Gemeente Utrecht', street: 'Stadsplateau 1', postcode: '3521az', city: 'Utrecht', invoiceEmail: 'facturen@example.org', purchaseOrder: 'PO-2027-001' },
    });
    expect(registered(ok).status).toBe('confirmed');
  });
});
