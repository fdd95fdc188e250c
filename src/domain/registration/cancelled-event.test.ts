import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { DomainError } from '../../kernel/errors';
import { createEvent, getEventDocument, replaceEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { acceptOffer, cancelRegistration, changeChoices, expireOffers, getRegistration, register, type RegisterResult } from './service';
import { TEST_ACTOR } from '../../../test/actors';

/* Nobody moves up into a cancelled event: freed places, lapsed offers and open offers give nothing. */

const BASE = 'http://bijeen.test';
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);
const person = (i: number) => registrant(i, { organisation: `Gemeente ${i}` });
function registered(r: RegisterResult) {
  if (r.kind !== 'registered') throw new Error(`expected registered, got ${JSON.stringify(r)}`);
  return r.registration;
}
async function codeOf(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe.each(databaseKinds)('a cancelled event on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  /** Two places, offers for 24 hours; four people: two confirmed, two waiting. */
  async function fullEvent() {
    const slug = `geannuleerd-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2, offerHours: 24 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const people = [];
    for (let i = 1; i <= 4; i++) people.push(registered(await register(database.db, slug, person(i), { now: TEST_NOW, baseUrl: BASE })));
    return { slug, people };
  }
  async function cancelEvent(slug: string) {
    const doc = (await getEventDocument(database.db, slug, { includePrivate: true }))!;
    await replaceEvent(database.db, slug, { ...doc, status: 'cancelled' }, { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: at(1), baseUrl: BASE });
  }

  it('moves nobody up when a place frees after the cancellation', async () => {
    const { slug, people } = await fullEvent();
    await cancelEvent(slug);
    const result = await cancelRegistration(database.db, people[0]!.token, at(2), BASE);
    expect(result.promoted).toEqual([]);
    expect((await getRegistration(database.db, people[2]!.token))!.status).toBe('waitlisted');
  });

  it('does not let an open offer be accepted, nor pass a lapsed one on', async () => {
    const { slug, people } = await fullEvent();
    await cancelRegistration(database.db, people[0]!.token, at(1), BASE);
    expect((await getRegistration(database.db, people[2]!.token))!.status).toBe('offered');
    await cancelEvent(slug);
    expect(await codeOf(acceptOffer(database.db, people[2]!.token, at(2), BASE))).toBe('conflict');
    expect(await codeOf(changeChoices(database.db, people[1]!.token, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, at(2), BASE))).toBe('conflict');
    expect(await expireOffers(database.db, at(30), BASE)).toBe(1);
    expect((await getRegistration(database.db, people[2]!.token))!.status).toBe('expired');
    expect((await getRegistration(database.db, people[3]!.token))!.status).toBe('waitlisted');
  });
});

describe.each(databaseKinds)('an event that has started on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('offers a freed place only until the start, and no longer once it has begun', async () => {
    const slug = 'begonnen';
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 1, offerHours: 48 } }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const doc = (await getEventDocument(database.db, slug))!;
    const startsAt = new Date(doc.meetings[0]!.startsAt);
    const people = [];
    for (let i = 1; i <= 3; i++) people.push(registered(await register(database.db, slug, person(i), { now: TEST_NOW, baseUrl: BASE })));
    // A day before the start, 48 offer hours are cut to the start.
    const dayBefore = new Date(startsAt.getTime() - 24 * 3_600_000);
    await cancelRegistration(database.db, people[0]!.token, dayBefore, BASE);
    const offered = (await getRegistration(database.db, people[1]!.token))!;
    expect(offered.status).toBe('offered');
    expect(offered.offerExpiresAt!.toISOString()).toBe(startsAt.toISOString());
    // At the start it lapses, and the place is offered to nobody.
    expect(await expireOffers(database.db, startsAt, BASE)).toBe(1);
    expect((await getRegistration(database.db, people[2]!.token))!.status).toBe('waitlisted');
  });
});
