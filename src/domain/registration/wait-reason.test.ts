import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { TEST_ACTOR } from '../../../test/actors';
import { createEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { cancelRegistration, register, type RegisterResult } from './service';
import { registrations } from './table';

/* Why someone waits is recomputed when the waiting list moves, not only kept from when they joined it. */

const BASE = 'http://bijeen.test';

function registered(r: RegisterResult) {
  if (r.kind !== 'registered') throw new Error(`expected registered, got ${JSON.stringify(r)}`);
  return r.registration;
}

describe.each(databaseKinds)('the reason of waiting on $name', ({ open }) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await open();
    const organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    // Three places, one per organisation.
    await createEvent(database.db, eventDocument({ slug: 'een-per-gemeente', registration: { capacity: 3, organisationLimits: { perOrganisation: 1 } } }), {
      actor: TEST_ACTOR,
      actingOrganiserId: organiserId,
    });
  });
  afterAll(() => database?.close());

  it('says "the event is full" once the organisation has room again but someone earlier took the place', async () => {
    const sign = async (i: number, organisation: string) =>
      registered(await register(database.db, 'een-per-gemeente', registrant(i, { organisation, choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } }, 'reden'), { now: TEST_NOW, baseUrl: BASE }));
    const amersfoort = await sign(1, 'Gemeente Amersfoort');
    await sign(2, 'Gemeente Breda');
    await sign(3, 'Gemeente Culemborg');
    const delft = await sign(4, 'Gemeente Delft'); // waits: the event is full
    const amersfoort2 = await sign(5, 'Gemeente Amersfoort'); // waits: Amersfoort has its one place
    expect([delft.status, delft.waitReason]).toEqual(['waitlisted', 'event_full']);
    expect([amersfoort2.status, amersfoort2.waitReason]).toEqual(['waitlisted', 'organisation_full']);

    // Amersfoort's place frees: Delft was first in line and gets it; the second from Amersfoort still waits, now for a place.
    await cancelRegistration(database.db, amersfoort.token, TEST_NOW, BASE);
    const rows = new Map((await database.db.select().from(registrations).where(eq(registrations.eventId, amersfoort.eventId))).map((r) => [r.id, r]));
    expect(rows.get(delft.id)!.status).toBe('confirmed');
    expect(rows.get(delft.id)!.waitReason).toBeNull();
    expect([rows.get(amersfoort2.id)!.status, rows.get(amersfoort2.id)!.waitReason]).toEqual(['waitlisted', 'event_full']);
  });
});
