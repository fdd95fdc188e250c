import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/app';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { createAccount } from '../accounts/service';
import { checkIn, openDesk, undoCheckIn } from '../checkin/service';
import type { EventDocumentInput } from '../events/document';
import { createEvent, getEventDocument, replaceEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { addNote, deleteNote, listNotes } from '../registration/notes';
import {
  acceptOffer,
  approveRegistration,
  cancelByOrganiser,
  cancelRegistration,
  changeChoices,
  expireOffers,
  moveWorkshops,
  promoteByHand,
  refuseRegistration,
  register,
  type RegisterResult,
} from '../registration/service';
import { accountActor, listEventAudit, listRegistrationAudit, PARTICIPANT_ACTOR } from './service';
import { registrations } from '../registration/table';
import { auditEntries } from './table';

/* The audit log: every audited use case writes exactly one entry with its actor, in its own transaction; a refused change writes none. */

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';
const hours = (h: number) => new Date(TEST_NOW.getTime() + h * 3_600_000);

describe.each(databaseKinds)('the audit log on $name', ({ open }) => {
  let database: TestDatabase;
  let org: string;
  let staff: { id: string; name: string };
  let colleague: { id: string; name: string };
  let n = 0;

  const entries = (eventId: string) => database.db.select().from(auditEntries).where(eq(auditEntries.eventId, eventId)).orderBy(asc(auditEntries.createdAt));
  /** Run `change` and return the entries it added to the event's log. */
  async function added(eventId: string, change: () => Promise<unknown>) {
    const before = new Set((await entries(eventId)).map((e) => e.id));
    await change();
    return (await entries(eventId)).filter((e) => !before.has(e.id));
  }
  async function event(over: Partial<EventDocumentInput> = {}) {
    const slug = `logdag-${++n}`;
    const doc = await createEvent(database.db, eventDocument({ slug, ...over }), { actingOrganiserId: org, actor: accountActor(staff), now: TEST_NOW });
    return { slug, id: doc.id!, doc };
  }
  const registered = (r: RegisterResult) => {
    if (r.kind !== 'registered') throw new Error(JSON.stringify(r));
    return r.registration;
  };
  const reg = async (slug: string, i: number, over: Record<string, unknown> = {}) =>
    registered(await register(database.db, slug, registrant(i, { name: `Fictieve Deelnemer ${i}`, ...over }), { now: TEST_NOW, baseUrl: BASE }));
  const replace = (slug: string, doc: unknown, now = hours(1)) => replaceEvent(database.db, slug, doc, { actingOrganiserId: org, actor: accountActor(staff), now, baseUrl: BASE });

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    staff = { id: await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, TEST_NOW), name: 'Fictieve Redacteur' };
    colleague = { id: await createAccount(database.db, { organiserId: org, email: 'collega@example.org', name: 'Fictieve Collega', password: PW, role: 'beheerder' }, TEST_NOW), name: 'Fictieve Collega' };
  });
  afterAll(() => database?.close());

  describe('the event', () => {
    it('logs creating an event, by whom, under its main organiser', async () => {
      const e = await event();
      const [entry, ...rest] = await entries(e.id);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ action: 'event.created', summary: 'Evenement aangemaakt', actor: 'Fictieve Redacteur', accountId: staff.id, organiserId: org, createdAt: TEST_NOW });
    });

    it('logs a copy on the new event, naming the original', async () => {
      const e = await event({ title: 'Origineel' });
      const copy = await createEvent(database.db, { ...e.doc, slug: `${e.slug}-kopie`, status: 'draft' }, { actingOrganiserId: org, actor: accountActor(staff), copiedFrom: { slug: e.slug, title: 'Origineel' } });
      const log = await entries(copy.id!);
      expect(log.map((x) => [x.action, x.summary])).toEqual([['event.copied', 'Evenement gemaakt als kopie van ‘Origineel’']]);
      expect(log[0]!.details).toMatchObject({ copiedFrom: e.slug });
    });

    it('logs an edit once, naming the parts that changed and what registrants were told', async () => {
      const e = await event();
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      const edited = {
        ...doc,
        meetings: doc.meetings.map((m) => ({ ...m, startsAt: '2030-03-06T13:00:00+01:00' })),
        programme: doc.programme.map((p) => (p.key === 'inloop' ? { ...p, startsAt: '2030-03-06T13:00:00+01:00', title: 'Inloop met koffie' } : p)),
      };
      const log = await added(e.id, () => replace(e.slug, edited));
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({ action: 'event.changed', summary: 'Bijeenkomsten en Programma gewijzigd', actor: 'Fictieve Redacteur', createdAt: hours(1) });
      expect(log[0]!.details).toMatchObject({ parts: ['meetings', 'programme'], fields: ['meetings', 'programme'], mailed: ['dates', 'programme'] });
    });

    it('writes nothing for a save that changes nothing', async () => {
      const e = await event();
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      expect(await added(e.id, () => replace(e.slug, doc))).toEqual([]);
    });

    it('logs publishing, going back to draft, and cancelling, each as one entry', async () => {
      const e = await event({ status: 'draft' });
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      const published = await added(e.id, () => replace(e.slug, { ...doc, status: 'published' }));
      expect(published.map((x) => [x.action, x.summary])).toEqual([['event.published', 'Evenement gepubliceerd']]);
      expect(published[0]!.details).toMatchObject({ status: { from: 'draft', to: 'published' }, parts: [] });
      const draft = await added(e.id, () => replace(e.slug, { ...doc, status: 'draft' }, hours(2)));
      expect(draft.map((x) => x.summary)).toEqual(['Evenement teruggezet naar concept']);
      const cancelled = await added(e.id, () => replace(e.slug, { ...doc, status: 'cancelled', title: 'Gaat niet door' }, hours(3)));
      expect(cancelled.map((x) => [x.action, x.summary])).toEqual([['event.cancelled', 'Evenement geannuleerd; ook Algemeen gewijzigd']]);
    });

    it('logs writing the report, then publishing it', async () => {
      const e = await event();
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      const report = { title: 'Verslag', body: 'Het was een goede middag.' };
      const written = await added(e.id, () => replace(e.slug, { ...doc, report }));
      expect(written.map((x) => [x.action, x.summary])).toEqual([['event.report_written', 'Verslag geschreven']]);
      const published = await added(e.id, () => replace(e.slug, { ...doc, report: { ...report, publishedAt: '2026-11-22T12:00:00+01:00' } }, hours(2)));
      expect(published.map((x) => [x.action, x.summary])).toEqual([['event.report_published', 'Verslag gepubliceerd']]);
    });

    it('writes no entry when the edit is refused (409) or the document is invalid: the change and its entry roll back together', async () => {
      const e = await event();
      await reg(e.slug, 1);
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      const before = (await entries(e.id)).length;
      // Drops the workshop the registrant chose: refused after the lock, inside the transaction.
      await expect(replace(e.slug, { ...doc, title: 'Anders', workshops: doc.workshops.filter((w) => w.key !== 'geld') })).rejects.toMatchObject({ code: 'conflict' });
      await expect(replace(e.slug, { ...doc, title: '' })).rejects.toMatchObject({ code: 'invalid' });
      // Another organiser may not edit it at all.
      const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
      await expect(replaceEvent(database.db, e.slug, { ...doc, title: 'Gekaapt' }, { actingOrganiserId: other, actor: accountActor(colleague), baseUrl: BASE })).rejects.toMatchObject({ code: 'forbidden' });
      expect(await entries(e.id)).toHaveLength(before);
    });
  });

  describe('registrations', () => {
    it('writes no entry for a public self-registration: its row is its record', async () => {
      const e = await event();
      expect(await added(e.id, () => reg(e.slug, 1))).toEqual([]);
    });

    it('logs a registration entered by hand, by its staff member', async () => {
      const e = await event();
      const log = await added(e.id, () =>
        register(database.db, e.slug, registrant(1, { name: 'Telefoon Deelnemer' }), { now: TEST_NOW, baseUrl: BASE, enteredBy: accountActor(staff) }),
      );
      expect(log.map((x) => [x.action, x.summary, x.actor])).toEqual([['registration.added', 'Aanmelding van Telefoon Deelnemer toegevoegd', 'Fictieve Redacteur']]);
      expect(log[0]!.details).toEqual({ status: 'confirmed' });
    });

    it('logs approving and refusing with the reason, each once, on the registration', async () => {
      const e = await event({ registration: { capacity: 10, approvalRequired: true } });
      const a = await reg(e.slug, 1);
      const b = await reg(e.slug, 2);
      const approved = await added(e.id, () => approveRegistration(database.db, e.id, a.id, hours(1), BASE, accountActor(staff)));
      expect(approved.map((x) => [x.action, x.summary, x.registrationId])).toEqual([['registration.approved', 'Aanmelding van Fictieve Deelnemer 1 goedgekeurd', a.id]]);
      // Approving twice changes nothing, so logs nothing.
      expect(await added(e.id, () => approveRegistration(database.db, e.id, a.id, hours(1), BASE, accountActor(staff)))).toEqual([]);
      const refused = await added(e.id, () => refuseRegistration(database.db, e.id, b.id, 'Alleen voor de regio.', hours(2), BASE, { accountId: null, name: 'API-token ‘Website’' }));
      expect(refused).toHaveLength(1);
      expect(refused[0]).toMatchObject({ action: 'registration.refused', summary: 'Aanmelding van Fictieve Deelnemer 2 afgewezen', actor: 'API-token ‘Website’', accountId: null });
      expect(refused[0]!.details).toMatchObject({ from: 'pending', to: 'refused', reason: 'Alleen voor de regio.' });
      // A refusal the rules do not allow (a confirmed registration): nothing written.
      expect(await added(e.id, () => refuseRegistration(database.db, e.id, a.id, null, hours(3), BASE, accountActor(staff)).catch(() => undefined))).toEqual([]);
    });

    it('logs cancelling by the organiser, moving up by hand and moving workshops', async () => {
      const e = await event({ registration: { capacity: 1 } });
      const a = await reg(e.slug, 1);
      const b = await reg(e.slug, 2);
      const c = await reg(e.slug, 3);
      expect([b.status, c.status]).toEqual(['waitlisted', 'waitlisted']);
      // No free place: refused, and nothing logged.
      expect(await added(e.id, () => promoteByHand(database.db, e.id, c.id, hours(1), BASE, accountActor(staff)))).toEqual([]);
      const cancelled = await added(e.id, () => cancelByOrganiser(database.db, e.id, a.id, hours(1), BASE, accountActor(staff)));
      // The cancellation, and b moving up into the freed place with an entry of their own.
      expect(cancelled.map((x) => x.action).sort()).toEqual(['registration.cancelled', 'registration.moved_up']);
      const cancel = cancelled.find((x) => x.action === 'registration.cancelled')!;
      expect(cancel.summary).toBe('Aanmelding van Fictieve Deelnemer 1 geannuleerd door de organisatie');
      expect(cancel.details).toMatchObject({ from: 'confirmed', to: 'cancelled', promoted: 1 });
      const up = cancelled.find((x) => x.action === 'registration.moved_up')!;
      expect([up.summary, up.actor, up.accountId, up.registrationId]).toEqual(['Fictieve Deelnemer 2 van de wachtlijst: plaats bevestigd', 'systeem', null, b.id]);
      expect(up.details).toEqual({ from: 'waitlisted', to: 'confirmed' });
      // Cancelling again changes nothing, so logs nothing.
      expect(await added(e.id, () => cancelByOrganiser(database.db, e.id, a.id, hours(1), BASE, accountActor(staff)))).toEqual([]);
      // A place frees without the list moving (as the back-office tests do), then c is moved up out of turn.
      await database.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, b.id));
      const promoted = await added(e.id, () => promoteByHand(database.db, e.id, c.id, hours(2), BASE, accountActor(staff)));
      expect(promoted.map((x) => [x.action, x.summary, x.registrationId])).toEqual([['registration.promoted', 'Fictieve Deelnemer 3 van de wachtlijst gehaald', c.id]]);

      const g = await event({ registration: { capacity: 4 } });
      const p = await reg(g.slug, 8);
      const moved = await added(g.id, () => moveWorkshops(database.db, g.id, p.id, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, hours(1), BASE, accountActor(staff)));
      expect(moved.map((m) => [m.action, m.summary, m.actor])).toEqual([['registration.workshops_changed', 'Deelsessies van Fictieve Deelnemer 8 gewijzigd', 'Fictieve Redacteur']]);
      expect(moved[0]!.details).toEqual({ changes: [{ round: 'ronde-2', from: 'abcd', fromTitle: 'ABCD in de wijk', to: 'corporaties', toTitle: 'Corporaties', status: 'confirmed' }] });
      // A full workshop: refused, nothing logged.
      const q = await reg(g.slug, 9, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } });
      await reg(g.slug, 10, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      await reg(g.slug, 11, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      expect(await added(g.id, () => moveWorkshops(database.db, g.id, q.id, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }, hours(1), BASE, accountActor(staff)))).toEqual([]);
    });

    it('logs the registrant’s own changes through the personal link as "deelnemer"', async () => {
      const e = await event({ registration: { capacity: 1 } });
      const a = await reg(e.slug, 1);
      const b = await reg(e.slug, 2);
      const c = await reg(e.slug, 3);
      const left = await added(e.id, () => cancelRegistration(database.db, c.token, hours(1), BASE));
      expect(left.map((x) => [x.action, x.summary, x.actor, x.accountId])).toEqual([['registration.left_waitlist', 'Fictieve Deelnemer 3 heeft de wachtlijst verlaten', 'deelnemer', null]]);
      const changed = await added(e.id, () => changeChoices(database.db, a.token, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, hours(1), BASE));
      expect(changed.map((x) => [x.action, x.summary, x.actor])).toEqual([['registration.workshops_changed', 'Fictieve Deelnemer 1 heeft de deelsessies gewijzigd', PARTICIPANT_ACTOR.name]]);
      // The same choices again: unchanged, nothing logged.
      expect(await added(e.id, () => changeChoices(database.db, a.token, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, hours(1), BASE))).toEqual([]);
      const cancelled = await added(e.id, () => cancelRegistration(database.db, a.token, hours(2), BASE));
      expect(cancelled.map((x) => [x.action, x.summary, x.registrationId]).sort()).toEqual([
        ['registration.cancelled', 'Fictieve Deelnemer 1 heeft de aanmelding geannuleerd', a.id],
        ['registration.moved_up', 'Fictieve Deelnemer 2 van de wachtlijst: plaats bevestigd', b.id],
      ]);
      expect(cancelled.find((x) => x.action === 'registration.cancelled')!.details).toMatchObject({ promoted: 1 });
    });

    it('logs accepting an offer as "deelnemer" and a lapsed offer as "systeem"', async () => {
      const e = await event({ registration: { capacity: 1, offerHours: 24 } });
      const a = await reg(e.slug, 1);
      const b = await reg(e.slug, 2);
      const c = await reg(e.slug, 3);
      const offered = await added(e.id, () => cancelRegistration(database.db, a.token, hours(1), BASE));
      const up = offered.find((x) => x.action === 'registration.moved_up')!;
      expect([up.actor, up.registrationId]).toEqual(['systeem', b.id]);
      expect(up.summary).toMatch(/^Fictieve Deelnemer 2 van de wachtlijst: plaats aangeboden tot .+ \d{1,2}:\d{2} uur$/);
      expect(up.details).toEqual({ from: 'waitlisted', to: 'offered' });
      const accepted = await added(e.id, () => acceptOffer(database.db, b.token, hours(2), BASE));
      expect(accepted.map((x) => [x.action, x.summary, x.actor])).toEqual([['registration.offer_accepted', 'Fictieve Deelnemer 2 heeft de aangeboden plaats geaccepteerd', 'deelnemer']]);
      await cancelRegistration(database.db, b.token, hours(3), BASE);
      // c is offered until hours(27); the sweeper lapses it later.
      const lapsed = await added(e.id, () => expireOffers(database.db, hours(28), BASE));
      expect(lapsed.map((x) => [x.action, x.summary, x.actor, x.accountId, x.registrationId])).toEqual([['registration.offer_expired', 'Aanbod aan Fictieve Deelnemer 3 verlopen', 'systeem', null, c.id]]);
    });
  });

  describe('check-in', () => {
    it('logs checking in once (a second time changes nothing) and undoing it, naming the meeting of a course', async () => {
      const e = await event({
        programme: [],
        workshops: [],
        meetings: [
          { key: 'een', startsAt: '2030-03-06T13:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00', venue: 'stadhuis' },
          { key: 'twee', startsAt: '2030-04-03T13:00:00+02:00', endsAt: '2030-04-03T17:00:00+02:00', venue: 'stadhuis' },
        ],
      });
      const r = await reg(e.slug, 1, { choices: {} });
      const desk = (await openDesk(database.db, org, e.slug, 'twee', TEST_NOW))!;
      const input = { eventId: e.id, meetingId: desk.meeting!.id, registrationId: r.id, actor: accountActor(staff), now: hours(1) };
      const first = await added(e.id, () => checkIn(database.db, input));
      expect(first.map((x) => [x.action, x.summary, x.actor, x.registrationId])).toEqual([['checkin.checked_in', 'Fictieve Deelnemer 1 ingecheckt bij Bijeenkomst 2', 'Fictieve Redacteur', r.id]]);
      expect(await added(e.id, () => checkIn(database.db, input))).toEqual([]);
      const undone = await added(e.id, () => undoCheckIn(database.db, input));
      expect(undone.map((x) => [x.action, x.summary])).toEqual([['checkin.undone', 'Inchecken van Fictieve Deelnemer 1 bij Bijeenkomst 2 ongedaan gemaakt']]);
      expect(await added(e.id, () => undoCheckIn(database.db, input))).toEqual([]);
    });
  });

  describe('notes', () => {
    it('adds a note with its log entry, refuses an empty or too long one, and lets only its author delete it', async () => {
      const e = await event();
      const r = await reg(e.slug, 1);
      const base = { eventId: e.id, registrationId: r.id, now: hours(1) };
      expect(await added(e.id, async () => expect(await addNote(database.db, { ...base, author: staff, body: '   ' })).toEqual({ kind: 'invalid', problem: 'Schrijf een notitie.' }))).toEqual([]);
      expect((await addNote(database.db, { ...base, author: staff, body: 'x'.repeat(2001) })).kind).toBe('invalid');
      const log = await added(e.id, () => addNote(database.db, { ...base, author: staff, body: '  Belde: komt later binnen.\nGraag een stoel bij de deur. ' }));
      expect(log.map((x) => [x.action, x.summary, x.actor, x.registrationId])).toEqual([['registration.note_added', 'Notitie toegevoegd bij de aanmelding van Fictieve Deelnemer 1', 'Fictieve Redacteur', r.id]]);
      // The log names the note, never its text.
      expect(JSON.stringify(log[0]!.details)).not.toContain('Belde');
      const [note] = await listNotes(database.db, e.id, r.id);
      expect(note).toMatchObject({ authorName: 'Fictieve Redacteur', accountId: staff.id, body: 'Belde: komt later binnen.\nGraag een stoel bij de deur.', createdAt: hours(1) });
      // Another event's id does not reach it.
      const other = await event();
      expect(await listNotes(database.db, other.id, r.id)).toEqual([]);
      expect(await addNote(database.db, { ...base, eventId: other.id, author: staff, body: 'Verkeerd' })).toEqual({ kind: 'not_found' });
      expect(await deleteNote(database.db, { ...base, eventId: other.id, noteId: note!.id, author: staff })).toEqual({ kind: 'not_found' });
      // A colleague may not delete it; the author may, once.
      expect(await added(e.id, async () => expect(await deleteNote(database.db, { ...base, noteId: note!.id, author: colleague })).toEqual({ kind: 'not_own' }))).toEqual([]);
      const deleted = await added(e.id, () => deleteNote(database.db, { ...base, noteId: note!.id, author: staff }));
      expect(deleted.map((x) => [x.action, x.summary])).toEqual([['registration.note_deleted', 'Notitie verwijderd bij de aanmelding van Fictieve Deelnemer 1']]);
      expect(await deleteNote(database.db, { ...base, noteId: note!.id, author: staff })).toEqual({ kind: 'not_found' });
      expect(await listNotes(database.db, e.id, r.id)).toEqual([]);
    });
  });

  describe('reading the log', () => {
    it('lists an event’s entries newest first, by area, in pages; and one registration’s entries oldest first', async () => {
      const e = await event({ registration: { capacity: 10, approvalRequired: true } });
      const a = await reg(e.slug, 1);
      await approveRegistration(database.db, e.id, a.id, hours(1), BASE, accountActor(staff));
      await addNote(database.db, { eventId: e.id, registrationId: a.id, author: staff, body: 'Vegetarisch.', now: hours(2) });
      const doc = (await getEventDocument(database.db, e.slug, { includePrivate: true }))!;
      await replace(e.slug, { ...doc, title: 'Nieuwe titel' }, hours(3));
      const desk = (await openDesk(database.db, org, e.slug, undefined, TEST_NOW))!;
      await checkIn(database.db, { eventId: e.id, meetingId: desk.meeting!.id, registrationId: a.id, actor: accountActor(staff), now: hours(4) });

      const all = await listEventAudit(database.db, e.id);
      expect(all.entries.map((x) => x.action)).toEqual(['checkin.checked_in', 'event.changed', 'registration.note_added', 'registration.approved', 'event.created']);
      expect(all).toMatchObject({ total: 5, page: 1, pages: 1 });
      expect(all.entries[0]!.area).toBe('inchecken');
      expect((await listEventAudit(database.db, e.id, { area: 'aanmeldingen' })).entries.map((x) => x.action)).toEqual(['registration.note_added', 'registration.approved']);
      expect((await listEventAudit(database.db, e.id, { area: 'evenement' })).entries.map((x) => x.summary)).toEqual(['Algemeen gewijzigd', 'Evenement aangemaakt']);
      expect((await listEventAudit(database.db, e.id, { area: 'post' })).entries).toEqual([]);
      const second = await listEventAudit(database.db, e.id, { page: 2, pageSize: 2 });
      expect(second).toMatchObject({ total: 5, page: 2, pages: 3 });
      expect(second.entries.map((x) => x.action)).toEqual(['registration.note_added', 'registration.approved']);
      // A page past the end shows the last one.
      expect((await listEventAudit(database.db, e.id, { page: 99, pageSize: 2 })).page).toBe(3);
      expect((await listRegistrationAudit(database.db, e.id, a.id)).map((x) => x.action)).toEqual(['registration.approved', 'registration.note_added', 'checkin.checked_in']);
    });
  });
});
