import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import type { EventDocumentInput } from '../events/document';
import { createAccount } from '../accounts/service';
import { createEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { cancelRegistration, register } from '../registration/service';
import { alreadyText, checkinCode } from './rules';
import { attendanceOf, checkIn, findByCode, openDesk, searchPeople, undoCheckIn } from './service';
import { TEST_ACTOR } from '../../../test/actors';

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';
const at = (iso: string) => new Date(iso);

describe.each(databaseKinds)('check-in on $name', ({ open }) => {
  let database: TestDatabase;
  let org: string;
  let other: string;
  let balie: string;

  async function event(slug: string, over: Partial<EventDocumentInput> = {}, organiserId = org) {
    await createEvent(database.db, eventDocument({ slug, ...over }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  }
  async function signUp(slug: string, i: number, over: Record<string, unknown> = {}) {
    const r = await register(database.db, slug, registrant(i, over), { now: TEST_NOW, baseUrl: BASE });
    if (r.kind !== 'registered') throw new Error(r.kind);
    return r.registration;
  }
  const desk = async (slug: string, meeting?: string, now = TEST_NOW, organiserId = org) => (await openDesk(database.db, organiserId, slug, meeting, now))!;

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    balie = await createAccount(database.db, { organiserId: org, email: 'balie@example.org', name: 'Fictieve Balie', password: PW, role: 'balie' }, TEST_NOW);
  });
  afterAll(() => database?.close());

  it('checks a confirmed registrant in once: a second time says when the first was', async () => {
    const slug = await event('dag-een');
    const r = await signUp(slug, 1);
    const d = await desk(slug);
    const first = await checkIn(database.db, { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: at('2030-03-06T12:02:00Z') });
    expect(first).toMatchObject({ kind: 'checked_in', at: at('2030-03-06T12:02:00Z') });
    const again = await checkIn(database.db, { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: at('2030-03-06T12:30:00Z') });
    expect(again.kind).toBe('already');
    expect(again.kind === 'already' && alreadyText(again.at)).toBe('al aangemeld om 13:02');
    const after = await desk(slug);
    expect(after.meeting!.present).toBe(1);
    expect(after.expected).toBe(1);
  });

  it('finds a registrant by code, by name, organisation and e-mail; another event’s code is not found', async () => {
    const slug = await event('dag-twee');
    const otherSlug = await event('dag-ander', { organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }, other);
    const r = await signUp(slug, 1, { name: 'Fictieve Jansen', organisation: 'Gemeente Zwolle' });
    await signUp(slug, 2, { name: 'Fictieve Pietersen' });
    const stranger = await signUp(otherSlug, 3);
    const d = await desk(slug);
    const m = d.meeting!.id;
    expect((await findByCode(database.db, d.event.id, m, checkinCode(r.token)))?.name).toBe('Fictieve Jansen');
    expect(await findByCode(database.db, d.event.id, m, checkinCode(stranger.token))).toBeNull();
    expect((await searchPeople(database.db, d.event.id, m, 'jans')).people.map((p) => p.name)).toEqual(['Fictieve Jansen']);
    expect((await searchPeople(database.db, d.event.id, m, 'zwolle')).people.map((p) => p.name)).toEqual(['Fictieve Jansen']);
    expect((await searchPeople(database.db, d.event.id, m, 'deelnemer2@')).people.map((p) => p.name)).toEqual(['Fictieve Pietersen']);
    expect((await searchPeople(database.db, d.event.id, m, 'fictieve')).people).toHaveLength(2);
    expect((await searchPeople(database.db, d.event.id, m, '%')).people).toHaveLength(0);
    // Another organiser's registration cannot be checked in through this event's desk.
    expect(await checkIn(database.db, { eventId: d.event.id, meetingId: m, registrationId: stranger.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: TEST_NOW })).toEqual({ kind: 'not_found' });
    // Nor is another organiser's desk opened.
    expect(await openDesk(database.db, org, otherSlug, undefined, TEST_NOW)).toBeNull();
  });

  it('refuses who has no place, with a Dutch reason', async () => {
    const slug = await event('dag-drie', { registration: { capacity: 1 } });
    await signUp(slug, 1);
    const waiting = await signUp(slug, 2);
    expect(waiting.status).toBe('waitlisted');
    const pendingSlug = await event('dag-goedkeuring', { registration: { capacity: 10, approvalRequired: true } });
    const pending = await signUp(pendingSlug, 1);
    const cancelledSlug = await event('dag-annulering');
    const cancelled = await signUp(cancelledSlug, 1);
    await cancelRegistration(database.db, cancelled.token, TEST_NOW, BASE);

    for (const [s, r, text] of [
      [slug, waiting, /wachtlijst/],
      [pendingSlug, pending, /goedkeuring/],
      [cancelledSlug, cancelled, /geannuleerd/],
    ] as const) {
      const d = await desk(s);
      const result = await checkIn(database.db, { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: TEST_NOW });
      expect(result.kind).toBe('refused');
      expect(result.kind === 'refused' && result.reason).toMatch(text);
      expect((await desk(s)).meeting!.present).toBe(0);
    }
  });

  it('keeps attendance per meeting of a course, and the desk opens at the current meeting', async () => {
    const slug = await event('leergang', {
      programme: [],
      workshops: [],
      meetings: [
        { key: 'een', title: 'Start', startsAt: '2030-03-06T13:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00', venue: 'stadhuis' },
        { key: 'twee', title: 'Verdieping', startsAt: '2030-04-03T13:00:00+02:00', endsAt: '2030-04-03T17:00:00+02:00', venue: 'stadhuis' },
      ],
    });
    const a = await signUp(slug, 1, { choices: {} });
    const b = await signUp(slug, 2, { choices: {} });
    expect((await desk(slug, undefined, at('2030-04-03T12:00:00Z'))).meeting!.key).toBe('twee');
    expect((await desk(slug, undefined, TEST_NOW)).meeting!.key).toBe('een');
    const een = (await desk(slug, 'een')).meeting!;
    const twee = (await desk(slug, 'twee')).meeting!;
    const eventId = (await desk(slug)).event.id;
    for (const r of [a, b]) await checkIn(database.db, { eventId, meetingId: een.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: TEST_NOW });
    await checkIn(database.db, { eventId, meetingId: twee.id, registrationId: a.id, actor: { accountId: null, name: 'Fictieve Balie' }, now: TEST_NOW });
    const d = await desk(slug, 'een');
    expect(d.meetings.map((m) => [m.key, m.present])).toEqual([
      ['een', 2],
      ['twee', 1],
    ]);
    expect(d.expected).toBe(2);
    const kept = await attendanceOf(database.db, eventId);
    expect(kept.get(a.id)).toEqual([een.id, twee.id]);
    expect(kept.get(b.id)).toEqual([een.id]);
    expect((await searchPeople(database.db, eventId, twee.id, 'Deelnemer')).people.map((p) => [p.name, p.checkedInAt !== null])).toEqual([
      ['Deelnemer 1', true],
      ['Deelnemer 2', false],
    ]);
  });

  it('undoes a check-in, once', async () => {
    const slug = await event('dag-vier');
    const r = await signUp(slug, 1);
    const d = await desk(slug);
    const input = { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: TEST_NOW };
    await checkIn(database.db, input);
    expect((await undoCheckIn(database.db, input)).kind).toBe('undone');
    expect((await undoCheckIn(database.db, input)).kind).toBe('not_checked_in');
    expect((await desk(slug)).meeting!.present).toBe(0);
    expect((await checkIn(database.db, input)).kind).toBe('checked_in');
  });

  it('counts only confirmed registrants as present: one who cancels after check-in drops out of the count', async () => {
    const slug = await event('dag-vijf');
    const r = await signUp(slug, 1);
    await signUp(slug, 2);
    const d = await desk(slug);
    await checkIn(database.db, { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: r.id, actor: { accountId: balie, name: 'Fictieve Balie' }, now: TEST_NOW });
    expect((await desk(slug)).meeting!.present).toBe(1);
    await cancelRegistration(database.db, r.token, TEST_NOW, BASE);
    const after = await desk(slug);
    expect([after.meeting!.present, after.expected]).toEqual([0, 1]);
  });

  it('answers not found for nonsense ids', async () => {
    const d = await desk('dag-een');
    expect(await checkIn(database.db, { eventId: d.event.id, meetingId: 'x', registrationId: 'y', actor: { accountId: null, name: 'Fictieve Balie' }, now: TEST_NOW })).toEqual({ kind: 'not_found' });
    expect(await undoCheckIn(database.db, { eventId: d.event.id, meetingId: d.meeting!.id, registrationId: '00000000-0000-0000-0000-000000000000', actor: TEST_ACTOR, now: TEST_NOW })).toEqual({ kind: 'not_found' });
  });
});
