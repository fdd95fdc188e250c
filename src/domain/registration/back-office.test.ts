import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/app';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { createEvent } from '../events/service';
import { events } from '../events/table';
import { mailOutbox } from '../mail/table';
import { ensureOrganiser } from '../organisers/service';
import { loadRegistrationTable, parseListQuery, registrationCounts, registrationHistory, selectRegistrations, type ListRow } from './back-office';
import { handPromotionProblem, type EventCounters } from './rules';
import { cancelByOrganiser, cancelRegistration, moveWorkshops, promoteByHand, register, type RegisterResult } from './service';
import { registrations } from './table';
import { TEST_ACTOR } from '../../../test/actors';

/* The back office's registrations: moving up by hand, cancelling and moving for the organiser, the table's filters and counts. */

const BASE = 'http://bijeen.test';

describe('handPromotionProblem', () => {
  const counters = (over: Partial<EventCounters> = {}) => ({ capacity: 2, holding: 1, limits: {}, organisations: {}, ...over });
  const waiting = { status: 'waitlisted', organisationKey: 'utrecht', domain: 'wonen' };
  it.each([
    ['a waiting registration with a free place', counters(), waiting, 'published', null],
    ['no capacity at all', counters({ capacity: null, holding: 500 }), waiting, 'published', null],
    ['not on the waiting list', counters(), { ...waiting, status: 'confirmed' }, 'published', 'niet op de wachtlijst'],
    ['a cancelled event', counters(), waiting, 'cancelled', 'geannuleerd'],
    ['no free place', counters({ holding: 2 }), waiting, 'published', '2 van de 2 plaatsen'],
    ['the organisation at its limit', counters({ limits: { perOrganisation: 1 }, organisations: { utrecht: { holding: 1, perDomain: {} } } }), waiting, 'published', 'maximum van 1'],
    ['too many organisations', counters({ capacity: 9, limits: { maxOrganisations: 1 }, organisations: { delft: { holding: 1, perDomain: {} } } }), waiting, 'published', 'al 1 organisaties'],
    ['the domain at its limit', counters({ limits: { domains: { options: ['wonen'], maxPerDomainPerOrganisation: 1 } }, organisations: { utrecht: { holding: 1, perDomain: { wonen: 1 } } } }), waiting, 'published', 'beleidsdomein'],
  ] as const)('%s', (_, c, entry, status, says) => {
    const problem = handPromotionProblem(c as never, entry, status);
    if (says === null) expect(problem).toBeNull();
    else expect(problem).toContain(says);
  });
});

describe('the table: query, selection, counts', () => {
  const row = (i: number, over: Partial<ListRow> = {}): ListRow => ({
    id: `id-${i}`,
    status: 'confirmed',
    position: null,
    name: `Deelnemer ${i}`,
    email: `d${i}@example.org`,
    organisationName: 'Gemeente Utrecht',
    organisationKind: 'gemeente',
    domain: null,
    createdAt: new Date(TEST_NOW.getTime() + i),
    choices: [{ roundKey: 'ronde-1', workshopKey: 'geld', status: 'confirmed', position: null }],
    ...over,
  });
  const rows = [
    row(1, { name: 'Zora Ézel' }),
    row(2, { name: 'Anna Bakker', status: 'waitlisted', position: 1, organisationName: 'Delft', choices: [{ roundKey: 'ronde-1', workshopKey: 'abcd', status: 'waitlisted', position: null }] }),
    row(3, { name: 'Bert de Vries', status: 'pending', organisationKind: 'provincie', domain: 'wonen' }),
    row(4, { name: 'Cas Cancel', status: 'cancelled', choices: [{ roundKey: 'ronde-1', workshopKey: 'abcd', status: 'cancelled', position: null }] }),
  ];
  const names = (q: Record<string, string>) => selectRegistrations(rows, parseListQuery(q)).map((r) => r.name);

  it.each([
    ['everything, in arrival order', {}, ['Zora Ézel', 'Anna Bakker', 'Bert de Vries', 'Cas Cancel']],
    ['a search, accents and case ignored', { q: 'ezel' }, ['Zora Ézel']],
    ['a search on two words', { q: 'de vries' }, ['Bert de Vries']],
    ['a status', { status: 'waitlisted' }, ['Anna Bakker']],
    ['an unknown status is no filter', { status: 'weg' }, ['Zora Ézel', 'Anna Bakker', 'Bert de Vries', 'Cas Cancel']],
    ['a workshop: not its cancelled choices', { deelsessie: 'abcd' }, ['Anna Bakker']],
    ['an organisation, by its key', { organisatie: 'utrecht' }, ['Zora Ézel', 'Bert de Vries', 'Cas Cancel']],
    ['a kind of organisation', { soort: 'provincie' }, ['Bert de Vries']],
    ['a domain', { domein: 'wonen' }, ['Bert de Vries']],
    ['by name', { sorteer: 'naam' }, ['Anna Bakker', 'Bert de Vries', 'Cas Cancel', 'Zora Ézel']],
    ['by name, descending', { sorteer: 'naam', richting: 'af' }, ['Zora Ézel', 'Cas Cancel', 'Bert de Vries', 'Anna Bakker']],
    ['by status (ties in arrival order)', { sorteer: 'status' }, ['Zora Ézel', 'Anna Bakker', 'Bert de Vries', 'Cas Cancel']],
  ])('%s', (_, q, expected) => {
    expect(names(q)).toEqual(expected);
  });

  it('reads a page number, and never a silly one', () => {
    expect(parseListQuery({ pagina: '3' }).page).toBe(3);
    expect(parseListQuery({ pagina: '-1' }).page).toBe(1);
    expect(parseListQuery({ pagina: 'x' }).page).toBe(1);
  });

  it('counts per status, per workshop and per organisation against its limit', () => {
    const doc = eventDocument();
    const counts = registrationCounts(
      {
        programme: doc.programme!.map((p) => ({ ...p, kind: p.kind ?? 'session' })) as never,
        workshops: doc.workshops as never,
        registration: { organisationLimits: { perOrganisation: 3 } } as never,
      },
      rows,
    );
    expect(counts.perStatus).toMatchObject({ confirmed: 1, waitlisted: 1, pending: 1, cancelled: 1, refused: 0 });
    expect(counts.perWorkshop.find((w) => w.roundKey === 'ronde-1' && w.workshopKey === 'geld')).toMatchObject({ seated: 2, waiting: 0, capacity: 20 });
    expect(counts.perWorkshop.find((w) => w.roundKey === 'ronde-1' && w.workshopKey === 'abcd')).toMatchObject({ seated: 0, waiting: 1, capacity: 2 });
    expect(counts.perOrganisation).toEqual([
      { key: 'utrecht', name: 'Gemeente Utrecht', holding: 2, waiting: 0, limit: 3 },
      { key: 'delft', name: 'Delft', holding: 0, waiting: 1, limit: 3 },
    ]);
  });

  it('counts the organisations with a place against the most allowed, and places per policy domain', () => {
    const doc = eventDocument();
    const counts = registrationCounts(
      {
        programme: doc.programme!.map((p) => ({ ...p, kind: p.kind ?? 'session' })) as never,
        workshops: doc.workshops as never,
        registration: { organisationLimits: { maxOrganisations: 20, domains: { options: ['onderwijs', 'wonen'] } } } as never,
      },
      rows,
    );
    expect(counts.organisations).toEqual({ holding: 1, limit: 20 }); // Utrecht holds two; Delft only waits
    expect(counts.perDomain).toEqual([
      { domain: 'onderwijs', holding: 0, waiting: 0 },
      { domain: 'wonen', holding: 1, waiting: 0 },
    ]);
    // Without domains asked for, no spread is counted.
    expect(registrationCounts({ programme: [], workshops: [], registration: { organisationLimits: {} } } as never, rows).perDomain).toEqual([]);
  });
});

function registered(r: RegisterResult) {
  if (r.kind !== 'registered') throw new Error(`expected registered, got ${JSON.stringify(r)}`);
  return r.registration;
}

describe.each(databaseKinds)("the organiser's changes on $name", ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;
  async function event(registration: Record<string, unknown>) {
    const slug = `beheer-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2, ...registration } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const [row] = await database.db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    return { slug, id: row!.id };
  }
  const reg = async (slug: string, i: number, over: Record<string, unknown> = {}) =>
    registered(await register(database.db, slug, registrant(i, over, `b${n}-`), { now: TEST_NOW, baseUrl: BASE }));
  const holding = async (eventId: string) =>
    (
      await database.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, ['confirmed', 'pending', 'offered'])))
    )[0]!.n;
  const mails = async (registrationId: string) =>
    (await database.db.select({ kind: mailOutbox.kind }).from(mailOutbox).where(eq(mailOutbox.registrationId, registrationId))).map((m) => m.kind);

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('moves a chosen registration up out of turn when a place is free, and never past the capacity', async () => {
    const e = await event({});
    await reg(e.slug, 1, { organisation: 'A' });
    const second = await reg(e.slug, 2, { organisation: 'B' });
    const third = await reg(e.slug, 3, { organisation: 'C' });
    const fourth = await reg(e.slug, 4, { organisation: 'D' });
    expect([third.status, fourth.status]).toEqual(['waitlisted', 'waitlisted']);
    // Full: nobody moves up by hand.
    expect(await promoteByHand(database.db, e.id, fourth.id, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('2 van de 2') });
    // A place frees without the list moving (as when a place is given back by other means).
    await database.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, second.id));
    const promoted = await promoteByHand(database.db, e.id, fourth.id, TEST_NOW, BASE, TEST_ACTOR);
    expect(promoted).toMatchObject({ kind: 'promoted', registration: { status: 'confirmed' } });
    expect(await mails(fourth.id)).toContain('confirmation');
    // The place is taken: the third, first in line, may not follow.
    expect(await promoteByHand(database.db, e.id, third.id, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ kind: 'refused' });
    expect(await holding(e.id)).toBe(2);
    // Not waiting: nothing to move up.
    expect(await promoteByHand(database.db, e.id, fourth.id, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('niet op de wachtlijst') });
  });

  it("never moves someone up past their organisation's limit", async () => {
    const e = await event({ capacity: 10, organisationLimits: { perOrganisation: 1 } });
    await reg(e.slug, 1, { organisation: 'Gemeente Delft' });
    const second = await reg(e.slug, 2, { organisation: 'gemeente delft' });
    expect(second).toMatchObject({ status: 'waitlisted', waitReason: 'organisation_full' });
    expect(await promoteByHand(database.db, e.id, second.id, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('maximum van 1') });
    expect(await holding(e.id)).toBe(1);
  });

  it("refuses another event's registration as not found", async () => {
    const a = await event({});
    const b = await event({});
    const r = await reg(a.slug, 1);
    await expect(promoteByHand(database.db, b.id, r.id, TEST_NOW, BASE, TEST_ACTOR)).rejects.toMatchObject({ code: 'not_found' });
    await expect(cancelByOrganiser(database.db, b.id, r.id, TEST_NOW, BASE, TEST_ACTOR)).rejects.toMatchObject({ code: 'not_found' });
    await expect(moveWorkshops(database.db, b.id, r.id, {}, TEST_NOW, BASE, TEST_ACTOR)).rejects.toMatchObject({ code: 'not_found' });
    expect(await registrationHistory(database.db, b.id, r.id)).toBeNull();
  });

  it('cancels for the organiser after the cancel-until deadline, mails it, and gives the place to the next', async () => {
    const e = await event({ cancellableUntil: '2026-01-01T00:00:00+01:00' });
    const first = await reg(e.slug, 1);
    await reg(e.slug, 2);
    const third = await reg(e.slug, 3);
    await expect(cancelRegistration(database.db, first.token, TEST_NOW, BASE)).rejects.toMatchObject({ code: 'conflict' });
    const result = await cancelByOrganiser(database.db, e.id, first.id, TEST_NOW, BASE, TEST_ACTOR);
    expect(result).toMatchObject({ cancelled: true, promoted: [third.id], registration: { status: 'cancelled' } });
    expect(await mails(first.id)).toContain('cancelled');
    expect(await cancelByOrganiser(database.db, e.id, first.id, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ cancelled: false, promoted: [] });
    expect(await holding(e.id)).toBe(2);
    const history = await registrationHistory(database.db, e.id, first.id);
    expect(history!.mails.map((m) => m.kind)).toEqual(['confirmation', 'cancelled']);
    expect(history!.registration.cancelledAt).toEqual(TEST_NOW);
  });

  it('moves someone to another workshop only when it has room', async () => {
    const e = await event({ capacity: 10 });
    const first = await reg(e.slug, 1);
    await reg(e.slug, 2);
    const third = await reg(e.slug, 3, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } });
    // abcd (2 seats) in ronde-2 is full.
    const full = await moveWorkshops(database.db, e.id, third.id, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }, TEST_NOW, BASE, TEST_ACTOR);
    expect(full).toMatchObject({ kind: 'invalid', problems: [{ path: 'choices.ronde-2' }] });
    expect(await moveWorkshops(database.db, e.id, first.id, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, TEST_NOW, BASE, TEST_ACTOR)).toMatchObject({ kind: 'changed' });
    const moved = await moveWorkshops(database.db, e.id, third.id, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }, TEST_NOW, BASE, TEST_ACTOR);
    expect(moved).toMatchObject({ kind: 'changed', registration: { choices: [{ workshopKey: 'geld' }, { workshopKey: 'abcd', status: 'confirmed' }] } });
    const { doc, rows } = await loadRegistrationTable(database.db, e.slug);
    const abcd = registrationCounts(doc, rows).perWorkshop.find((w) => w.roundKey === 'ronde-2' && w.workshopKey === 'abcd')!;
    expect(abcd).toMatchObject({ seated: 2, capacity: 2 });
  });
});
