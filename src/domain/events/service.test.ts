import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { loadDemoIfEmpty } from '../../demo/load';
import { DomainError } from '../../kernel/errors';
import { listEventMails, queueRegistrationMail } from '../mail/service';
import { ensureOrganiser } from '../organisers/service';
import { registrationChoices, registrations } from '../registration/table';
import type { EventDocument, EventDocumentInput } from './document';
import { createEvent, getEventDocument, getEventView, listAgenda, replaceEvent, StaleVersionError } from './service';
import { programmeItems, workshops } from './table';
import { TEST_ACTOR } from '../../../test/actors';

/** Strip what the database assigns, to compare documents by content. */
function withoutIds(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v) => (k === 'id' ? undefined : v)));
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe.each(databaseKinds)('event service on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let otherOrganiserId: string;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    otherOrganiserId = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
  });
  afterAll(() => database?.close());

  it('stores an event and gives back the same document', async () => {
    const input = eventDocument({ slug: 'terug-gelezen' });
    const saved = await createEvent(database.db, input, { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    const read = await getEventDocument(database.db, 'terug-gelezen', { includePrivate: true });
    expect(withoutIds(read)).toEqual(withoutIds(saved));
    expect(read!.workshops.map((w) => [w.key, w.rounds])).toEqual([
      ['abcd', ['ronde-1', 'ronde-2']],
      ['geld', ['ronde-1']],
      ['corporaties', ['ronde-2']],
    ]);
    expect(read!.meetings[0]!.startsAt).toBe('2030-03-06T12:30:00+01:00');
    expect(read!.venues[0]!.postcode).toBe('2511 BT');
  });

  it('refuses a second event with the same slug', async () => {
    await createEvent(database.db, eventDocument({ slug: 'dubbel' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const err = await rejection(createEvent(database.db, eventDocument({ slug: 'dubbel' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId }));
    expect(err.code).toBe('conflict');
  });

  it('writes nothing when a document is invalid', async () => {
    const err = await rejection(
      createEvent(database.db, eventDocument({ slug: 'half', workshops: [{ key: 'x', title: 'X', rounds: ['nergens'] }] }), {
        actor: TEST_ACTOR, actingOrganiserId: organiserId,
      }),
    );
    expect(err.code).toBe('invalid');
    expect(await getEventDocument(database.db, 'half', { includePrivate: true })).toBeNull();
  });

  it('keeps the ids of rounds and workshops when an event is replaced, so registrations survive', async () => {
    const created = await createEvent(database.db, eventDocument({ slug: 'bewerkt' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const abcd = created.workshops.find((w) => w.key === 'abcd')!;
    const round1 = created.programme.find((p) => p.key === 'ronde-1')!;
    const edited = { ...created, title: 'Bewerkte titel', workshops: created.workshops.map((w) => (w.key === 'abcd' ? { ...w, capacity: 30 } : w)) };
    const replaced = await replaceEvent(database.db, 'bewerkt', edited, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test' });
    expect(replaced.title).toBe('Bewerkte titel');
    expect(replaced.workshops.find((w) => w.key === 'abcd')).toMatchObject({ id: abcd.id, capacity: 30 });
    expect(replaced.programme.find((p) => p.key === 'ronde-1')!.id).toBe(round1.id);
  });

  it('refuses to drop a workshop that people chose, and changes nothing', async () => {
    const created = await createEvent(database.db, eventDocument({ slug: 'met-aanmelding' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const eventId = created.id!;
    const [reg] = await database.db
      .insert(registrations)
      .values({ eventId, status: 'confirmed', name: 'Fictieve Deelnemer', email: 'deelnemer@example.org' })
      .returning();
    const [w] = await database.db.select().from(workshops).where(and(eq(workshops.eventId, eventId), eq(workshops.key, 'geld')));
    const [r] = await database.db.select().from(programmeItems).where(eq(programmeItems.id, created.programme.find((p) => p.key === 'ronde-1')!.id!));
    await database.db.insert(registrationChoices).values({ registrationId: reg!.id, roundId: r!.id, workshopId: w!.id, status: 'confirmed' });

    const without = { ...created, title: 'Zonder geld', workshops: created.workshops.filter((x) => x.key !== 'geld') };
    const err = await rejection(replaceEvent(database.db, 'met-aanmelding', without, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test' }));
    expect(err.code).toBe('conflict');
    expect(err.problems[0]!.message).toContain('Zeggenschap door geld');
    const after = await getEventDocument(database.db, 'met-aanmelding', { includePrivate: true });
    expect(after!.title).toBe('Proefdag wijkaanpak');
    expect(after!.workshops.map((x) => x.key)).toContain('geld');
  });

  it('lets only an organiser of the event replace it', async () => {
    await createEvent(database.db, eventDocument({ slug: 'van-een-ander' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const err = await rejection(
      replaceEvent(database.db, 'van-een-ander', eventDocument({ slug: 'van-een-ander', title: 'Gekaapt' }), { actor: TEST_ACTOR, actingOrganiserId: otherOrganiserId, baseUrl: 'http://bijeen.test' }),
    );
    expect(err.code).toBe('forbidden');
  });

  it('saves over the version the caller read only: of two saves of one version at once, one lands and the other writes nothing', async () => {
    const slug = 'twee-tegelijk';
    await createEvent(database.db, eventDocument({ slug }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const read = (await getEventView(database.db, slug, TEST_NOW, { includePrivate: true }))!.updatedAt.toISOString();
    const opts = { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test', expectedVersion: read };
    const results = await Promise.allSettled([
      replaceEvent(database.db, slug, eventDocument({ slug, title: 'Eerste versie' }), opts),
      replaceEvent(database.db, slug, eventDocument({ slug, title: 'Tweede versie' }), opts),
    ]);
    const landed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(StaleVersionError);
    expect((refused[0] as StaleVersionError).code).toBe('conflict');
    const now = (await getEventView(database.db, slug, TEST_NOW, { includePrivate: true }))!;
    expect(now.doc.title).toBe(landed[0]!.title);
    expect(now.updatedAt.toISOString()).not.toBe(read);
    expect((refused[0] as StaleVersionError).currentVersion).toBe(now.updatedAt.toISOString());
    // With the version it was told about, the refused save goes through.
    const again = await replaceEvent(database.db, slug, eventDocument({ slug, title: 'Derde versie' }), { ...opts, expectedVersion: now.updatedAt.toISOString() });
    expect(again.title).toBe('Derde versie');
  });

  it('goes back to draft only while nobody is registered: otherwise 409, and nothing changes', async () => {
    const doc = await createEvent(database.db, eventDocument({ slug: 'terug-naar-concept' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const opts = { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test' };
    const [r] = await database.db.insert(registrations).values({ eventId: doc.id!, status: 'waitlisted', name: 'Wachtend', email: 'wachtend@example.org' }).returning();
    const err = await rejection(replaceEvent(database.db, 'terug-naar-concept', { ...doc, status: 'draft' }, opts));
    expect(err.code).toBe('conflict');
    expect(err.problems).toEqual([{ path: 'status', message: expect.stringContaining('Terug naar concept kan niet') }]);
    expect((await getEventDocument(database.db, 'terug-naar-concept'))!.status).toBe('published');
    // A cancelled event with registrants is not hidden either.
    await replaceEvent(database.db, 'terug-naar-concept', { ...doc, status: 'cancelled' }, opts);
    expect((await rejection(replaceEvent(database.db, 'terug-naar-concept', { ...doc, status: 'draft' }, opts))).code).toBe('conflict');
    // Once nobody is registered any more, it may.
    await database.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, r!.id));
    expect((await replaceEvent(database.db, 'terug-naar-concept', { ...doc, status: 'draft' }, opts)).status).toBe('draft');
  });

  it('links the acting organiser and the co-organisers the document names', async () => {
    const doc = eventDocument({
      slug: 'samen',
      organisers: [
        { slug: 'nieuwe-partner', name: 'Nieuwe partner', role: 'organiser' },
      ],
    });
    const saved = await createEvent(database.db, doc, { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    expect(saved.organisers.map((o) => [o.slug, o.role])).toEqual([
      ['kennisinstituut', 'co_organiser'],
      ['nieuwe-partner', 'organiser'],
    ]);
  });

  it('splits the agenda into upcoming (soonest first) and past (latest first) events', async () => {
    const day = (d: string) => ({ meetings: [{ key: 'm', startsAt: `${d}T13:00:00+01:00`, endsAt: `${d}T17:00:00+01:00`, venue: 'stadhuis' }], programme: [], workshops: [] });
    for (const [slug, d] of [['agenda-2019', '2019-03-06'], ['agenda-2020', '2020-03-04'], ['agenda-2031', '2031-03-05']] as const)
      await createEvent(database.db, eventDocument({ slug, ...day(d), registration: {} }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    const { upcoming, past } = await listAgenda(database.db, TEST_NOW);
    expect(past.map((e) => e.slug).filter((s) => s.startsWith('agenda-'))).toEqual(['agenda-2020', 'agenda-2019']);
    expect(upcoming.map((e) => e.slug).filter((s) => s.startsWith('agenda-'))).toEqual(['agenda-2031']);
    expect(upcoming.findIndex((e) => e.slug === 'terug-gelezen')).toBeLessThan(upcoming.findIndex((e) => e.slug === 'agenda-2031'));
  });

  it('hides drafts, join links and unpublished reports from the public', async () => {
    await createEvent(
      database.db,
      eventDocument({
        slug: 'concept',
        status: 'draft',
        format: 'online',
        meetings: [{ key: 'm', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', online: true, joinUrl: 'https://meet.example.org/geheim' }],
      }),
      { actor: TEST_ACTOR, actingOrganiserId: organiserId },
    );
    expect(await getEventDocument(database.db, 'concept')).toBeNull();
    const own = await getEventDocument(database.db, 'concept', { includePrivate: true });
    expect(own!.meetings[0]!.joinUrl).toBe('https://meet.example.org/geheim');

    await createEvent(
      database.db,
      eventDocument({
        slug: 'online-open',
        format: 'online',
        meetings: [{ key: 'm', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', online: true, joinUrl: 'https://meet.example.org/geheim' }],
        report: { title: 'Verslag', body: 'Tekst', publishedAt: '2030-03-10T09:00:00+01:00' },
      }),
      { actor: TEST_ACTOR, actingOrganiserId: organiserId },
    );
    const pub = await getEventDocument(database.db, 'online-open', { now: TEST_NOW });
    expect(pub!.meetings[0]!.joinUrl).toBeUndefined();
    expect(pub!.report).toBeNull();
    const later = await getEventDocument(database.db, 'online-open', { now: new Date('2030-03-11T00:00:00Z') });
    expect(later!.report!.title).toBe('Verslag');
  });
});

describe.each(databaseKinds)('the demo on $name', ({ open }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await open();
    expect(await loadDemoIfEmpty(database.db, TEST_NOW)).toBe(4);
  });
  afterAll(() => database?.close());

  it('loads once: a second start leaves the events alone', async () => {
    expect(await loadDemoIfEmpty(database.db, TEST_NOW)).toBe(0);
  });

  it('puts every demo event on the agenda, upcoming', async () => {
    const { upcoming, past } = await listAgenda(database.db, TEST_NOW);
    expect(upcoming.map((e) => e.slug).sort()).toEqual(
      ['dag-van-de-buurt', 'haagse-wijkaanpak', 'leergang-wijkaanpak', 'werkplaats-wijkontwikkeling'].sort(),
    );
    expect(past).toEqual([]);
    expect(upcoming.find((e) => e.slug === 'haagse-wijkaanpak')!.report?.title).toBe('Bouwstenen voor de toekomst van de Haagse wijkaanpak');
  });

  it('shows the symposium full with its waiting list open and one workshop VOL', async () => {
    const view = await getEventView(database.db, 'haagse-wijkaanpak', TEST_NOW);
    expect(view!.registration).toEqual({ kind: 'full', waitlistOpen: true });
    expect(view!.confirmed).toBe(75);
    expect(view!.waitlisted).toBe(4);
    const full = view!.seats.filter((s) => s.full);
    expect(full.map((s) => s.workshopKey)).toEqual(['opgavegericht-werken']);
    expect(view!.seats.reduce((n, s) => n + s.taken, 0)).toBe(75);
  });

  it('offers Dag van de Buurt as 26 workshop sessions over two rounds, open for registration', async () => {
    const view = await getEventView(database.db, 'dag-van-de-buurt', TEST_NOW);
    expect(view!.seats).toHaveLength(26);
    expect(new Set(view!.seats.map((s) => s.roundKey))).toEqual(new Set(['ronde-1', 'ronde-2']));
    expect(view!.doc.workshops.filter((w) => w.rounds.length === 2).length).toBeGreaterThan(0);
    expect(view!.registration.kind).toBe('open');
  });

  it('prices the Werkplaats at € 1.800 excl. btw over three days, with a deadline still ahead', async () => {
    const view = await getEventView(database.db, 'werkplaats-wijkontwikkeling', TEST_NOW);
    expect(view!.doc.price).toMatchObject({ amountCents: 180000, vatCategory: 'standard' });
    expect(view!.doc.meetings).toHaveLength(3);
    expect(view!.doc.organisers.map((o) => o.slug)).toEqual(expect.arrayContaining(['platform31', 'van-vieren']));
    expect(view!.doc.contacts.map((c) => c.purpose).sort()).toEqual(['content', 'content', 'practical']);
    expect(view!.registration.kind).toBe('open');
  });

  it('models the Leergang as four meetings with max 3 per municipality and 20 municipalities', async () => {
    const doc = await getEventDocument(database.db, 'leergang-wijkaanpak');
    expect(doc!.meetings).toHaveLength(4);
    expect(doc!.meetings.every((m) => m.title)).toBe(true);
    expect(doc!.meetings.some((m) => m.online) && doc!.meetings.some((m) => m.venue)).toBe(true);
    expect(doc!.registration.organisationLimits).toMatchObject({ perOrganisation: 3, maxOrganisations: 20 });
  });

  it('has no real contact details: only example.org mail and 06-0000 numbers', async () => {
    const docs = await Promise.all(
      ['dag-van-de-buurt', 'haagse-wijkaanpak', 'leergang-wijkaanpak', 'werkplaats-wijkontwikkeling'].map((s) =>
        getEventDocument(database.db, s, { includePrivate: true }),
      ),
    );
    const text = JSON.stringify(docs);
    const mails = text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? [];
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.filter((m) => !m.endsWith('@example.org'))).toEqual([]);
    const phones = docs.flatMap((d) => [...d!.contacts.map((c) => c.phone), ...d!.workshops.map((w) => w.contact?.phone)]).filter(Boolean);
    expect(phones.filter((p) => !/^(06-0000\d{4}|\+31 6 0000 ?\d{4})$/.test(p!))).toEqual([]);
  });
});

describe.each(databaseKinds)("mails about an organiser's edit on $name", ({ open }) => {
  const BASE_URL = 'http://bijeen.test';
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  /** A published event with one registrant in each status. */
  async function eventWithRegistrants(over: Partial<EventDocumentInput> = {}) {
    const slug = `gewijzigd-${++n}`;
    const created = await createEvent(database.db, eventDocument({ slug, ...over }), { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW });
    const eventId = created.id!;
    const add = async (status: 'confirmed' | 'pending' | 'waitlisted' | 'cancelled', name: string) => {
      const [r] = await database.db
        .insert(registrations)
        .values({ eventId, status, name, email: `${name.toLowerCase()}@example.org` })
        .returning();
      return r!;
    };
    const people = {
      confirmed: await add('confirmed', 'Bevestigd'),
      pending: await add('pending', 'Beoordeeld'),
      waitlisted: await add('waitlisted', 'Wachtend'),
      cancelled: await add('cancelled', 'Afgemeld'),
    };
    return { slug, eventId, created, people };
  }
  const changedMails = async (eventId: string) => (await listEventMails(database.db, eventId)).filter((m) => m.kind === 'event_changed');
  const replace = (slug: string, doc: unknown, over: { notifyRegistrants?: boolean; now?: Date } = {}) =>
    replaceEvent(database.db, slug, doc, { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: TEST_NOW, baseUrl: BASE_URL, ...over });
  /** Half an hour earlier: the programme still lies within the meeting. */
  const earlier = (m: EventDocument['meetings'][number]) => ({ ...m, startsAt: '2030-03-06T12:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00' });
  const sequenceIn = (ics: string) => Number(/^SEQUENCE:(\d+)$/m.exec(ics)![1]);

  it('tells every active registrant that the date moved, and sends those with a place an updated invitation', async () => {
    const { slug, eventId, created, people } = await eventWithRegistrants();
    // The confirmed registrant has the invitation of the version before the edit.
    await database.db.transaction((tx) =>
      queueRegistrationMail(tx, { kind: 'confirmation', registrationId: people.confirmed.id, now: TEST_NOW, baseUrl: BASE_URL }),
    );
    const invitation = (await listEventMails(database.db, eventId)).find((m) => m.kind === 'confirmation')!.ics!;

    // The same clock as the creation: the new version must still be a later one.
    await replace(slug, { ...created, meetings: created.meetings.map(earlier) });

    const mails = await changedMails(eventId);
    expect(mails.map((m) => m.registrationId).sort()).toEqual([people.confirmed.id, people.pending.id, people.waitlisted.id].sort());
    const toConfirmed = mails.find((m) => m.registrationId === people.confirmed.id)!;
    expect(toConfirmed).toMatchObject({ subject: 'Gewijzigd: Proefdag wijkaanpak', toAddress: 'bevestigd@example.org' });
    expect(toConfirmed.textBody).toContain('Er is iets gewijzigd aan Proefdag wijkaanpak, waarvoor u bent aangemeld: de datum of tijd.');
    expect(toConfirmed.textBody).toContain('woensdag 6 maart 2030, 12:00–17:00 uur');
    expect(toConfirmed.ics).toContain('METHOD:REQUEST');
    expect(toConfirmed.ics).toContain('DTSTART;TZID=Europe/Amsterdam:20300306T120000');
    expect(toConfirmed.ics).toContain('STATUS:CONFIRMED');
    // Same UID, higher SEQUENCE: the calendar moves the entry instead of adding one.
    expect(/^UID:.*$/m.exec(toConfirmed.ics!)![0]).toBe(/^UID:.*$/m.exec(invitation)![0]);
    expect(sequenceIn(toConfirmed.ics!)).toBeGreaterThan(sequenceIn(invitation));
    // Without a place, no invitation.
    expect(mails.filter((m) => m.registrationId !== people.confirmed.id).map((m) => m.ics)).toEqual([null, null]);
  });

  it('queues the same edit once: sending the document again tells nobody anything new', async () => {
    const { slug, eventId, created } = await eventWithRegistrants();
    const moved = { ...created, meetings: created.meetings.map(earlier) };
    await replace(slug, moved);
    await replace(slug, moved);
    expect(await changedMails(eventId)).toHaveLength(3);
  });

  it('withdraws the invitation when the event is cancelled, and moves nobody up into it', async () => {
    const { slug, eventId, created, people } = await eventWithRegistrants({ registration: { capacity: 2 } });
    // Room for the waiting registrant too: in a cancelled event it still gets no place.
    await replace(slug, { ...created, status: 'cancelled', registration: { ...created.registration, capacity: 10 } });

    const mails = await changedMails(eventId);
    expect(mails).toHaveLength(3);
    const toConfirmed = mails.find((m) => m.registrationId === people.confirmed.id)!;
    expect(toConfirmed.subject).toBe('Gaat niet door: Proefdag wijkaanpak');
    expect(toConfirmed.textBody).toContain('gaat helaas niet door');
    expect(toConfirmed.ics).toContain('METHOD:CANCEL');
    expect(toConfirmed.ics).toContain('STATUS:CANCELLED');
    const [waiting] = await database.db.select().from(registrations).where(eq(registrations.id, people.waitlisted.id));
    expect(waiting!.status).toBe('waitlisted');
    expect((await listEventMails(database.db, eventId)).filter((m) => m.kind === 'confirmation')).toEqual([]);
  });

  it('tells everyone still registered that a cancelled event goes ahead after all, with a new invitation; edits while cancelled tell nobody', async () => {
    const { slug, eventId, created, people } = await eventWithRegistrants({ registration: { capacity: 2 } });
    const cancelled = await replace(slug, { ...created, status: 'cancelled' });
    const cancelInvitation = (await changedMails(eventId)).find((m) => m.registrationId === people.confirmed.id)!.ics!;
    expect(await changedMails(eventId)).toHaveLength(3);
    // Moving a cancelled event tells nobody: it will not take place.
    const moved = await replace(slug, { ...cancelled, meetings: cancelled.meetings.map(earlier) });
    expect(await changedMails(eventId)).toHaveLength(3);

    await replace(slug, { ...moved, status: 'published' });
    const mails = (await changedMails(eventId)).filter((m) => m.subject === 'Gaat toch door: Proefdag wijkaanpak');
    expect(mails.map((m) => m.registrationId).sort()).toEqual([people.confirmed.id, people.pending.id, people.waitlisted.id].sort());
    const toConfirmed = mails.find((m) => m.registrationId === people.confirmed.id)!;
    expect(toConfirmed.textBody).toContain('Proefdag wijkaanpak gaat toch door. De organisatie heeft de annulering teruggedraaid');
    // With the details as they are now, the time moved while it was cancelled included.
    expect(toConfirmed.textBody).toContain('woensdag 6 maart 2030, 12:00–17:00 uur');
    expect(toConfirmed.ics).toContain('METHOD:REQUEST');
    expect(toConfirmed.ics).toContain('STATUS:CONFIRMED');
    expect(sequenceIn(toConfirmed.ics!)).toBeGreaterThan(sequenceIn(cancelInvitation));
    expect(mails.filter((m) => m.registrationId !== people.confirmed.id).map((m) => m.ics)).toEqual([null, null]);
    expect((await getEventDocument(database.db, slug))!.status).toBe('published');
  });

  it('mails nobody about a new summary, other texts or a speaker’s bio', async () => {
    const { slug, eventId, created } = await eventWithRegistrants();
    await replace(slug, {
      ...created,
      summary: 'Een andere samenvatting.',
      sections: [{ heading: 'Anders', body: 'Nieuwe tekst.' }],
      speakers: created.speakers.map((s) => ({ ...s, bio: 'Een langere bio.' })),
    });
    expect(await changedMails(eventId)).toEqual([]);
    expect((await getEventDocument(database.db, slug))!.summary).toBe('Een andere samenvatting.');
  });

  it('mails nobody when the organiser asks not to, and still saves the edit', async () => {
    const { slug, eventId, created } = await eventWithRegistrants();
    await replace(slug, { ...created, meetings: created.meetings.map(earlier) }, { notifyRegistrants: false });
    expect(await changedMails(eventId)).toEqual([]);
    expect((await getEventDocument(database.db, slug))!.meetings[0]!.startsAt).toBe('2030-03-06T12:00:00+01:00');
  });

  it('mails nobody about changes to a draft', async () => {
    const { slug, eventId, created } = await eventWithRegistrants({ status: 'draft' });
    await replace(slug, { ...created, meetings: created.meetings.map(earlier) });
    expect(await changedMails(eventId)).toEqual([]);
  });

  it('tells the waiting registrant of the change before a capacity raise gives them a place', async () => {
    const { slug, eventId, created, people } = await eventWithRegistrants({ registration: { capacity: 2 } });
    await replace(slug, { ...created, meetings: created.meetings.map(earlier), registration: { ...created.registration, capacity: 3 } });
    const mails = await listEventMails(database.db, eventId);
    expect(mails.filter((m) => m.registrationId === people.waitlisted.id).map((m) => [m.kind, m.ics === null]).sort()).toEqual([
      ['confirmation', false],
      ['event_changed', true],
    ]);
    expect(mails.find((m) => m.kind === 'confirmation')!.textBody).toContain('woensdag 6 maart 2030, 12:00–17:00 uur');
  });
});
