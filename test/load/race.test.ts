import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '../../src/domain/events/service';
import { programmeItems, workshops } from '../../src/domain/events/table';
import { ensureOrganiser } from '../../src/domain/organisers/service';
import { mailOutbox } from '../../src/domain/mail/table';
import { acceptOffer, expireOffers } from '../../src/domain/registration/service';
import { registrationChoices, registrations } from '../../src/domain/registration/table';
import { NO_RATE_LIMITS, serveTestApp, TEST_NOW } from '../app';
import { databaseKinds, type TestDatabase } from '../db';
import { eventDocument } from '../factories';
import { TEST_ACTOR } from '../actors';

/*
 * Races need real PostgreSQL: PGlite serialises everything and cannot show one. These
 * tests send thousands of registrations over HTTP, hundreds at a time, and then check
 * the database: capacities exactly filled and never exceeded, waiting-list positions
 * unique and in arrival order, organisation limits held, every freed place given once.
 */
const postgres = databaseKinds.find((k) => k.name === 'postgres');

/** A small seeded PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Run `tasks` with at most `inFlight` at once; returns the results in task order. */
async function pool<T>(tasks: (() => Promise<T>)[], inFlight: number): Promise<{ results: T[]; maxInFlight: number }> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  let running = 0;
  let maxInFlight = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < tasks.length) {
        const i = next++;
        running++;
        maxInFlight = Math.max(maxInFlight, running);
        results[i] = await tasks[i]!();
        running--;
      }
    }),
  );
  return { results, maxInFlight };
}

const ROUNDS = {
  'ronde-1': { w1: 20, w2: 20, w3: 30 },
  'ronde-2': { w1: 20, w4: 25, w5: 25 },
} as const;

function raceEvent(slug: string, capacity: number, perOrganisation?: number) {
  const workshopKeys = ['w1', 'w2', 'w3', 'w4', 'w5'] as const;
  const capacityOf = (k: string) => (k === 'w3' ? 30 : k === 'w1' || k === 'w2' ? 20 : 25);
  return eventDocument({
    slug,
    workshops: workshopKeys.map((k) => ({
      key: k,
      title: `Deelsessie ${k}`,
      capacity: capacityOf(k),
      rounds: (Object.keys(ROUNDS) as (keyof typeof ROUNDS)[]).filter((r) => k in ROUNDS[r]),
    })),
    registration: { capacity, ...(perOrganisation ? { organisationLimits: { perOrganisation } } : {}) },
  });
}

describe.runIf(postgres)('registration races on PostgreSQL', () => {
  let database: TestDatabase;
  let server: { url: string; close: () => Promise<void> };
  let organiserId: string;

  beforeAll(async () => {
    database = await postgres!.open({ poolSize: 30 });
    server = await serveTestApp(database, undefined, NO_RATE_LIMITS);
    organiserId = (await ensureOrganiser(database.db, 'race', 'Race')).id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  async function post(slug: string, body: unknown) {
    const res = await fetch(`${server.url}/api/v1/events/${slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { id?: string; status?: string; position?: number | null; token?: string } };
  }

  async function workshopRoundsTaken(eventId: string) {
    return database.db
      .select({
        round: programmeItems.key,
        workshop: workshops.key,
        capacity: workshops.capacity,
        confirmed: sql<number>`count(*) filter (where ${registrationChoices.status} = 'confirmed' and ${registrations.status} = 'confirmed')`.mapWith(Number),
        wanted: sql<number>`count(*) filter (where ${registrations.status} = 'confirmed')`.mapWith(Number),
      })
      .from(registrationChoices)
      .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
      .innerJoin(workshops, eq(workshops.id, registrationChoices.workshopId))
      .innerJoin(programmeItems, eq(programmeItems.id, registrationChoices.roundId))
      .where(eq(registrations.eventId, eventId))
      .groupBy(programmeItems.key, workshops.key, workshops.capacity);
  }

  it.each([1, 2, 3, 4, 5])(
    'fills exactly the capacities under 2,000 concurrent attempts, never one more (seed %i)',
    async (seed) => {
      const slug = `race-${seed}`;
      const created = await createEvent(database.db, raceEvent(slug, 100, 5), { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW });
      const rnd = random(seed);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
      const attempts = Array.from({ length: 2000 }, (_, i) => {
        const first = pick(Object.keys(ROUNDS['ronde-1']));
        const second = pick(Object.keys(ROUNDS['ronde-2']).filter((w) => w !== first));
        return {
          name: `Deelnemer ${seed}-${i}`,
          email: `race${seed}-${i}@example.org`,
          organisation: `Gemeente ${Math.floor(rnd() * 60)}`,
          organisationKind: 'gemeente',
          choices: { 'ronde-1': first, 'ronde-2': second },
          consents: { privacy: true },
        };
      });
      const { results, maxInFlight } = await pool(attempts.map((a) => () => post(slug, a)), 250);
      expect(maxInFlight).toBeGreaterThanOrEqual(200);

      // Every attempt answered 201: no 5xx, no lost registration.
      expect(results.filter((r) => r.status !== 201).map((r) => r.status)).toEqual([]);
      const confirmed = results.filter((r) => r.body.status === 'confirmed');
      const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
      expect(confirmed).toHaveLength(100);
      expect(waitlisted).toHaveLength(1900);

      // Waiting-list positions: 1..1900, each once, in arrival order.
      const positions = waitlisted.map((r) => r.body.position!).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: 1900 }, (_, i) => i + 1));
      const arrivals = await database.db
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.eventId, created.id!), eq(registrations.status, 'waitlisted')))
        .orderBy(registrations.arrival);
      const positionOf = new Map(waitlisted.map((r) => [r.body.id!, r.body.position!]));
      expect(arrivals.map((a) => positionOf.get(a.id))).toEqual(positions);

      // Workshops: never over capacity, and no seat left empty while a confirmed registrant wanted it.
      for (const o of await workshopRoundsTaken(created.id!)) {
        expect(o.confirmed, `${o.round}/${o.workshop}`).toBeLessThanOrEqual(o.capacity!);
        expect(o.confirmed, `${o.round}/${o.workshop}`).toBe(Math.min(o.capacity!, o.wanted));
      }

      // No organisation over its limit of 5.
      const perOrg = await database.db
        .select({ key: registrations.organisationKey, n: sql<number>`count(*)`.mapWith(Number) })
        .from(registrations)
        .where(and(eq(registrations.eventId, created.id!), eq(registrations.status, 'confirmed')))
        .groupBy(registrations.organisationKey);
      expect(Math.max(...perOrg.map((o) => o.n))).toBeLessThanOrEqual(5);
    },
    120_000,
  );

  it('gives every place freed by a cancellation exactly once while new registrations race in', async () => {
    const slug = 'race-annuleren';
    const created = await createEvent(database.db, raceEvent(slug, 50), { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW });
    const person = (i: number) => ({
      name: `Deelnemer ${i}`,
      email: `annuleren${i}@example.org`,
      organisation: `Organisatie ${i % 40}`,
      choices: { 'ronde-1': 'w3', 'ronde-2': 'w4' },
      consents: { privacy: true },
    });
    // 50 confirmed, then 100 on the waiting list, in a known order.
    const first = (await pool(Array.from({ length: 150 }, (_, i) => () => post(slug, person(i))), 1)).results;
    const holders = first.filter((r) => r.body.status === 'confirmed');
    const queue = first.filter((r) => r.body.status === 'waitlisted').sort((a, b) => a.body.position! - b.body.position!);
    expect(holders).toHaveLength(50);

    // 30 holders cancel — each twice at once — while 300 newcomers register.
    const cancels = holders.slice(0, 30).flatMap((h) => [h, h].map((x) => () => fetch(`${server.url}/api/v1/registrations/${x.body.token}`, { method: 'DELETE' }).then((r) => ({ status: r.status, body: {} }))));
    const newcomers = Array.from({ length: 300 }, (_, i) => () => post(slug, person(1000 + i)));
    const mixed = [...cancels, ...newcomers].sort(() => 0.5 - Math.random());
    const { results } = await pool(mixed, 200);
    expect(results.filter((r) => r.status >= 500)).toEqual([]);

    const rows = await database.db
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.eventId, created.id!));
    const status = new Map(rows.map((r) => [r.id, r.status]));
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(50);
    // The 30 freed places went to the first 30 in the queue, in order; nobody else moved up.
    expect(queue.slice(0, 30).map((q) => status.get(q.body.id!))).toEqual(Array(30).fill('confirmed'));
    expect(queue.slice(30).every((q) => status.get(q.body.id!) === 'waitlisted')).toBe(true);
    const newcomerIds = rows.filter((r) => !first.some((f) => f.body.id === r.id)).map((r) => r.id);
    expect(newcomerIds.every((id) => status.get(id) === 'waitlisted')).toBe(true);
    // Workshop seats never over capacity after all that moving.
    for (const o of await workshopRoundsTaken(created.id!)) expect(o.confirmed).toBeLessThanOrEqual(o.capacity!);
    const choices = await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(registrationChoices)
      .where(inArray(registrationChoices.registrationId, rows.filter((r) => r.status === 'cancelled').map((r) => r.id)));
    expect(choices[0]!.n).toBe(60);
  }, 120_000);

  it('never lets an accepted offer and its lapse both happen, and passes every lapsed place on once', async () => {
    const slug = 'race-aanbod';
    const doc = raceEvent(slug, 40);
    const created = await createEvent(database.db, { ...doc, registration: { ...doc.registration, offerHours: 24 } }, { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW });
    const person = (i: number) => ({
      name: `Deelnemer ${i}`,
      email: `aanbod${i}@example.org`,
      organisation: `Organisatie ${i}`,
      choices: { 'ronde-1': 'w3', 'ronde-2': 'w4' },
      consents: { privacy: true },
    });
    const first = (await pool(Array.from({ length: 120 }, (_, i) => () => post(slug, person(i))), 1)).results;
    const holders = first.filter((r) => r.body.status === 'confirmed');
    expect(holders).toHaveLength(40);
    // 20 places free up: the first 20 in the queue get an offer.
    await pool(holders.slice(0, 20).map((h) => () => fetch(`${server.url}/api/v1/registrations/${h.body.token}`, { method: 'DELETE' })), 20);
    const offered = await database.db
      .select({ id: registrations.id, token: registrations.token })
      .from(registrations)
      .where(and(eq(registrations.eventId, created.id!), eq(registrations.status, 'offered')));
    expect(offered).toHaveLength(20);

    // Half of them accept (each twice at once, the second click racing the first) while
    // three sweeps, a day and more later, lapse whatever is still open.
    const late = new Date(TEST_NOW.getTime() + 25 * 3_600_000);
    const early = new Date(TEST_NOW.getTime() + 23 * 3_600_000);
    const accepting = offered.slice(0, 10).flatMap((o) => [0, 1].map(() => () => acceptOffer(database.db, o.token, early, 'http://bijeen.test').then((r) => r.kind, (e: Error) => e.name)));
    const sweeps = [0, 1, 2].map(() => () => expireOffers(database.db, late, 'http://bijeen.test').then(String));
    const { results } = await pool([...accepting, ...sweeps].sort(() => 0.5 - Math.random()), 30);
    expect(results.filter((r) => r === 'Error')).toEqual([]);

    const rows = await database.db
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.eventId, created.id!));
    const status = new Map(rows.map((r) => [r.id, r.status]));
    // Every one of the 20 ended as exactly one thing: accepted, or lapsed.
    for (const o of offered) expect(['confirmed', 'expired']).toContain(status.get(o.id));
    // The places never exceed the capacity, and none is left empty while people wait.
    const holding = rows.filter((r) => ['confirmed', 'pending', 'offered'].includes(r.status));
    expect(holding).toHaveLength(40);
    // Each lapsed place went to exactly one next person: as many new offers as lapses.
    const lapsed = offered.filter((o) => status.get(o.id) === 'expired').length;
    const newOffers = rows.filter((r) => r.status === 'offered' && !offered.some((o) => o.id === r.id)).length;
    expect(newOffers).toBe(lapsed);
    // One offer_expired mail per lapse, and none to anyone who accepted.
    const expiredMails = await database.db
      .select({ registrationId: mailOutbox.registrationId })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.kind, 'offer_expired'), inArray(mailOutbox.registrationId, offered.map((o) => o.id))));
    expect(expiredMails).toHaveLength(lapsed);
    expect(expiredMails.every((m) => status.get(m.registrationId!) === 'expired')).toBe(true);
  }, 120_000);
});
