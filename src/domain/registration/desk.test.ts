import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { DomainError } from '../../kernel/errors';
import { createEvent } from '../events/service';
import { events } from '../events/table';
import { mailOutbox } from '../mail/table';
import { ensureOrganiser } from '../organisers/service';
import { register, type RegisterResult } from './service';
import { registrations } from './table';
import { TEST_ACTOR } from '../../../test/actors';

/*
 * The registration desk (service.ts): registrations for one event that arrive while its
 * previous batch is being decided are decided together, in one transaction, in arrival
 * order. These tests send many at once, so most land in one batch, and check that a
 * batch decides exactly as one-by-one would: each decision sees the places taken before
 * it, and one person's problem stays theirs.
 */

const BASE = 'http://bijeen.test';

/** Each from an organisation of their own, unless a test says otherwise. */
const person = (i: number, over: Record<string, unknown> = {}) => registrant(i, { organisation: `Gemeente ${i}`, ...over });

describe.each(databaseKinds)('the registration desk on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;
  async function event(registration: Record<string, unknown> = {}) {
    const slug = `loket-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 5, ...registration } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  }
  const reg = (slug: string, body: unknown, key?: string) => register(database.db, slug, body, { now: TEST_NOW, idempotencyKey: key, baseUrl: BASE });
  async function rowsOf(slug: string) {
    const [e] = await database.db.select().from(events).where(eq(events.slug, slug));
    return database.db.select().from(registrations).where(eq(registrations.eventId, e!.id)).orderBy(asc(registrations.arrival));
  }

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('decides a crowd in arrival order: the capacity exactly, then the waiting list with unique positions', async () => {
    const slug = await event({ capacity: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => reg(slug, person(i + 1))));
    const outcomes = results.map((r) => (r.kind === 'registered' ? r.registration.status : r.kind));
    expect(outcomes.filter((o) => o === 'confirmed')).toHaveLength(5);
    expect(outcomes.filter((o) => o === 'waitlisted')).toHaveLength(15);
    const positions = results.flatMap((r) => (r.kind === 'registered' && r.registration.status === 'waitlisted' ? [r.registration.position] : []));
    expect([...positions].sort((a, b) => a! - b!)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    // Arrival order is decision order: every confirmed registration arrived before every waiting one,
    // and the positions follow arrival.
    const rows = await rowsOf(slug);
    expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('confirmed'), ...Array(15).fill('waitlisted')]);
    const positionById = new Map(results.flatMap((r) => (r.kind === 'registered' ? [[r.registration.id, r.registration.position] as const] : [])));
    expect(rows.slice(5).map((r) => positionById.get(r.id))).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));

    // One mail each, of the right kind.
    const mails = await database.db
      .select({ kind: mailOutbox.kind })
      .from(mailOutbox)
      .where(inArray(mailOutbox.registrationId, rows.map((r) => r.id)));
    expect(mails.filter((m) => m.kind === 'confirmation')).toHaveLength(5);
    expect(mails.filter((m) => m.kind === 'waitlisted')).toHaveLength(15);
  });

  it('keeps each decision its own within one batch: a double submit, a second address, a bad answer', async () => {
    const slug = await event({ capacity: 10 });
    const asks: Promise<RegisterResult>[] = [
      reg(slug, person(1)),
      reg(slug, person(2), 'key-2'),
      reg(slug, person(2), 'key-2'), // the same form posted twice
      reg(slug, person(3)),
      reg(slug, person(3, { name: 'Iemand anders' })), // the same address again
      reg(slug, person(4, { name: 'Nul\u0000teken' })), // cannot be stored
      reg(slug, person(5)),
    ];
    const [one, two, twoAgain, three, threeAgain, four, five] = await Promise.all(asks);
    expect(one!.kind).toBe('registered');
    expect(two!.kind).toBe('registered');
    expect(twoAgain!.kind).toBe('registered');
    if (two!.kind !== 'registered' || twoAgain!.kind !== 'registered') throw new Error('unreachable');
    expect(twoAgain!.registration.id).toBe(two!.registration.id);
    expect([two!.replayed, twoAgain!.replayed].sort()).toEqual([false, true]);
    expect(three!.kind).toBe('registered');
    expect(threeAgain).toEqual({ kind: 'duplicate', email: 'deelnemer3@example.org' });
    expect(four!.kind).toBe('invalid');
    if (four!.kind === 'invalid') expect(four!.problems.map((p) => p.path)).toContain('name');
    expect(five!.kind).toBe('registered');

    const rows = await rowsOf(slug);
    expect(rows.map((r) => r.email).sort()).toEqual(['deelnemer1@example.org', 'deelnemer2@example.org', 'deelnemer3@example.org', 'deelnemer5@example.org']);
    const mails = await database.db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(inArray(mailOutbox.registrationId, rows.map((r) => r.id)));
    expect(mails).toHaveLength(4);
  });

  it('counts an organisation’s places within a batch: its limit holds for people arriving together', async () => {
    const slug = await event({ capacity: 50, organisationLimits: { perOrganisation: 2 } });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => reg(slug, person(i + 1, { organisation: 'Gemeente Zwolle' }))));
    const statuses = results.map((r) => (r.kind === 'registered' ? [r.registration.status, r.registration.waitReason] : [r.kind]));
    expect(statuses.filter(([s]) => s === 'confirmed')).toHaveLength(2);
    expect(statuses.filter(([s, why]) => s === 'waitlisted' && why === 'organisation_full')).toHaveLength(4);
  });

  it('counts workshop seats within a batch', async () => {
    // Workshop "abcd" has 2 seats per round in the test event.
    const slug = await event({ capacity: 50 });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => reg(slug, person(i + 1))));
    const abcd = results.map((r) => (r.kind === 'registered' ? r.registration.choices.find((c) => c.workshopKey === 'abcd')!.status : r.kind));
    expect(abcd.filter((s) => s === 'confirmed')).toHaveLength(2);
    expect(abcd.filter((s) => s === 'waitlisted')).toHaveLength(4);
    const positions = results.flatMap((r) => (r.kind === 'registered' ? r.registration.choices.filter((c) => c.status === 'waitlisted').map((c) => c.position) : []));
    expect([...positions].sort()).toEqual([1, 2, 3, 4]);
  });

  it('lists the choices in programme order, however the form sent them', async () => {
    const slug = await event({ capacity: 10 });
    const result = await reg(slug, person(1, { choices: { 'ronde-2': 'abcd', 'ronde-1': 'geld' } }));
    if (result.kind !== 'registered') throw new Error(result.kind);
    expect(result.registration.choices.map((c) => c.roundKey)).toEqual(['ronde-1', 'ronde-2']);
  });

  it('answers everyone in a batch for an unknown event with not-found, and writes nothing', async () => {
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => reg('bestaat-niet', person(i + 1))));
    for (const r of results) {
      expect(r.status).toBe('rejected');
      if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('not_found');
    }
    const rows = await database.db.select().from(registrations).where(and(eq(registrations.email, 'deelnemer1@example.org'), eq(registrations.name, 'x')));
    expect(rows).toHaveLength(0);
  });
});
