import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/app';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import type { EventDocumentInput } from '../events/document';
import { createEvent } from '../events/service';
import { events } from '../events/table';
import { ensureOrganiser } from '../organisers/service';
import { cancelRegistration, register } from '../registration/service';
import { queueEventChangedMails, queueMail, queueRegistrationMail } from './service';
import { mailOutbox } from './table';
import type { BaseMailData } from './templates';
import { TEST_ACTOR } from '../../../test/actors';

const BASE_URL = 'https://bijeen.test';

const data: BaseMailData = {
  name: 'Anna',
  event: { title: 'Proefdag', url: `${BASE_URL}/evenementen/proefdag`, organiser: null, contact: null, meetings: [] },
  personalUrl: `${BASE_URL}/aanmelding/x`,
  choices: [],
  calendarAttached: false,
};

describe.each(databaseKinds)('queueing mail on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;

  async function event(over: Partial<EventDocumentInput> = {}, registration: Record<string, unknown> = {}) {
    const slug = `post-${++n}`;
    const doc = await createEvent(database.db, eventDocument({ slug, registration: { capacity: 1, ...registration }, ...over }), {
      actor: TEST_ACTOR, actingOrganiserId: organiserId,
    });
    return { slug, id: doc.id! };
  }
  async function registerOne(slug: string, i: number, over: Record<string, unknown> = {}) {
    const r = await register(
      database.db,
      slug,
      {
        name: `Deelnemer ${i}`,
        email: `deelnemer${i}@example.org`,
        choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' },
        consents: { privacy: true },
        ...over,
      },
      { now: TEST_NOW, baseUrl: BASE_URL },
    );
    if (r.kind !== 'registered') throw new Error(JSON.stringify(r));
    return r.registration;
  }
  const mails = (where: { registrationId?: string; eventId?: string }) =>
    database.db
      .select()
      .from(mailOutbox)
      .where(where.registrationId ? eq(mailOutbox.registrationId, where.registrationId) : eq(mailOutbox.eventId, where.eventId!))
      .orderBy(mailOutbox.createdAt, mailOutbox.dedupeKey);

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('queues a dedupe key once: the second time writes nothing', async () => {
    const mail = { dedupeKey: 'test:twice', to: 'a@example.org', language: 'nl' as const, kind: 'confirmation' as const, data, now: TEST_NOW };
    expect(await database.db.transaction((tx) => queueMail(tx, mail))).toBe(true);
    expect(await database.db.transaction((tx) => queueMail(tx, { ...mail, to: 'b@example.org' }))).toBe(false);
    const rows = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'test:twice'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ toAddress: 'a@example.org', status: 'queued', attempts: 0, nextAttemptAt: TEST_NOW });
  });

  it('rolls a mail back with the transaction that queued it', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueMail(tx, { dedupeKey: 'test:rolled-back', to: 'a@example.org', language: 'nl', kind: 'pending', data, now: TEST_NOW });
        throw new Error('the use case failed');
      }),
    ).rejects.toThrow('the use case failed');
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, 'test:rolled-back'))).toEqual([]);
  });

  it('renders a confirmation with the chosen workshops and attaches an invitation in Europe/Amsterdam', async () => {
    const { slug, id } = await event({ format: 'hybrid', meetings: [{ key: 'middag', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis', online: true, joinUrl: 'https://meet.example.org/proefdag' }] });
    const r = await registerOne(slug, 1);
    expect(r.status).toBe('confirmed');
    await database.db.transaction((tx) => queueRegistrationMail(tx, { kind: 'confirmation', registrationId: r.id, now: TEST_NOW, baseUrl: BASE_URL }));
    const [mail] = await mails({ registrationId: r.id });
    expect(mail).toMatchObject({
      dedupeKey: `confirmation:${r.id}`,
      eventId: id,
      toAddress: 'deelnemer1@example.org',
      replyTo: 'contact@example.org',
      language: 'nl',
      kind: 'confirmation',
      subject: 'Aanmelding bevestigd: Proefdag wijkaanpak',
    });
    expect(mail!.textBody).toContain('woensdag 6 maart 2030, 12:30–17:30 uur');
    expect(mail!.textBody).toContain('Ronde 1 (14:00–14:45 uur): Zeggenschap door geld');
    expect(mail!.textBody).toContain('Ronde 2 (15:00–15:45 uur): ABCD in de wijk');
    expect(mail!.textBody).toContain(`${BASE_URL}/aanmelding/${r.token}`);
    expect(mail!.textBody).toContain('https://meet.example.org/proefdag');
    expect(mail!.textBody).toContain('Kennisinstituut');
    const ics = mail!.ics!;
    const unfolded = ics.replace(/\r\n /g, '');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam');
    expect(ics).toContain('DTSTART;TZID=Europe/Amsterdam:20300306T123000');
    expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
    expect(ics).toMatch(/^SEQUENCE:[1-9]\d*$/m);
    expect(unfolded).toContain('ORGANIZER;CN="Fictief Contact":mailto:contact@example.org');
    expect(unfolded).toContain('ATTENDEE;CN="Deelnemer 1";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:deelnemer1@example.org');
    expect(unfolded).toContain('Online: https://meet.example.org/proefdag');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('tells a waiting registrant their place in English, without a join link or invitation', async () => {
    const { slug } = await event();
    await registerOne(slug, 1);
    const waiting = await registerOne(slug, 2, { language: 'en' });
    expect(waiting.status).toBe('waitlisted');
    await database.db.transaction((tx) => queueRegistrationMail(tx, { kind: 'waitlisted', registrationId: waiting.id, now: TEST_NOW, baseUrl: BASE_URL }));
    const [mail] = await mails({ registrationId: waiting.id });
    expect(mail).toMatchObject({ language: 'en', kind: 'waitlisted', subject: 'On the waiting list: Proefdag wijkaanpak', ics: null });
    expect(mail!.textBody).toContain('You are on the waiting list, at position 1.');
    expect(mail!.htmlBody).toContain('<html lang="en">');
  });

  it('withdraws the invitation of a cancelled registration only from someone who got one', async () => {
    const { slug } = await event();
    const confirmed = await registerOne(slug, 1);
    const waiting = await registerOne(slug, 2);
    await database.db.transaction((tx) => queueRegistrationMail(tx, { kind: 'confirmation', registrationId: confirmed.id, now: TEST_NOW, baseUrl: BASE_URL }));
    await cancelRegistration(database.db, waiting.token, TEST_NOW, BASE_URL);
    await cancelRegistration(database.db, confirmed.token, TEST_NOW, BASE_URL);
    for (const r of [confirmed, waiting])
      await database.db.transaction((tx) => queueRegistrationMail(tx, { kind: 'cancelled', registrationId: r.id, now: TEST_NOW, baseUrl: BASE_URL }));
    const cancelMail = (await mails({ registrationId: confirmed.id })).find((m) => m.kind === 'cancelled')!;
    expect(cancelMail.ics).toContain('METHOD:CANCEL');
    expect(cancelMail.ics).toContain('STATUS:CANCELLED');
    expect(cancelMail.textBody).toContain('Met de bijlage haalt u de bijeenkomst uit uw agenda.');
    const [waitingCancel] = await mails({ registrationId: waiting.id });
    expect(waitingCancel).toMatchObject({ kind: 'cancelled', ics: null });
  });

  it('keys an offer by its expiry and a refusal carries the reason', async () => {
    const { slug } = await event({}, { approvalRequired: true });
    const r = await registerOne(slug, 1);
    const expiresAt = new Date('2026-11-24T12:00:00+01:00');
    await database.db.transaction(async (tx) => {
      await queueRegistrationMail(tx, { kind: 'offer', expiresAt, registrationId: r.id, now: TEST_NOW, baseUrl: BASE_URL });
      await queueRegistrationMail(tx, { kind: 'refused', reason: 'Alleen voor gemeenten.', registrationId: r.id, now: TEST_NOW, baseUrl: BASE_URL });
    });
    // Registering queued its own "pending" mail; these two come on top of it.
    const rows = (await mails({ registrationId: r.id })).filter((m) => m.kind === 'offer' || m.kind === 'refused');
    expect(rows.map((m) => m.dedupeKey).sort()).toEqual([`offer:${r.id}:${expiresAt.getTime()}`, `refused:${r.id}`]);
    expect(rows.find((m) => m.kind === 'offer')!.textBody).toContain('dinsdag 24 november 2026 om 12:00 uur');
    expect(rows.find((m) => m.kind === 'refused')!.textBody).toContain('Toelichting van de organisatie: Alleen voor gemeenten.');
  });

  it('tells every active registrant about a change once per version, with an updated invitation for those with a place', async () => {
    const { slug, id } = await event();
    const confirmed = await registerOne(slug, 1);
    const waiting = await registerOne(slug, 2);
    const gone = await registerOne(slug, 3);
    await cancelRegistration(database.db, gone.token, TEST_NOW, BASE_URL);
    const queue = () => database.db.transaction((tx) => queueEventChangedMails(tx, { eventId: id, changes: ['venue'], now: TEST_NOW, baseUrl: BASE_URL }));
    expect(await queue()).toBe(2);
    expect(await queue()).toBe(0);
    const rows = (await mails({ eventId: id })).filter((m) => m.kind === 'event_changed');
    expect(rows.map((m) => [m.registrationId, m.kind, m.ics === null])).toEqual(
      expect.arrayContaining([
        [confirmed.id, 'event_changed', false],
        [waiting.id, 'event_changed', true],
      ]),
    );
    expect(rows.find((m) => m.registrationId === confirmed.id)!.ics).toContain('METHOD:REQUEST');
    expect(rows[0]!.subject).toBe('Gewijzigd: Proefdag wijkaanpak');
    // A later edit is a new version: new mails.
    await database.db.update(events).set({ updatedAt: sql`${events.updatedAt} + interval '1 minute'` }).where(eq(events.id, id));
    expect(await queue()).toBe(2);
  });

  it('renders an edit as committed, not as an edit of the same version that was rolled back', async () => {
    const { slug, id } = await event();
    await registerOne(slug, 1);
    const [row] = await database.db.select().from(events).where(eq(events.id, id));
    const version = new Date(row!.updatedAt.getTime() + 1000);
    const edit = (title: string) => async (tx: Parameters<Parameters<typeof database.db.transaction>[0]>[0]) => {
      await tx.update(events).set({ title, updatedAt: version }).where(eq(events.id, id));
      return queueEventChangedMails(tx, { eventId: id, changes: ['dates'], now: TEST_NOW, baseUrl: BASE_URL });
    };
    await expect(
      database.db.transaction(async (tx) => {
        await edit('Teruggedraaid')(tx);
        throw new Error('the edit failed after its mails were rendered');
      }),
    ).rejects.toThrow('the edit failed');
    // The retried edit gets the same updated_at (the same clock second): its mail must still say what it committed.
    expect(await database.db.transaction(edit('Vastgelegd'))).toBe(1);
    const [mail] = (await mails({ eventId: id })).filter((m) => m.kind === 'event_changed');
    expect(mail!.subject).toBe('Gewijzigd: Vastgelegd');
  });
});
