import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/app';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { createAccount } from '../accounts/service';
import { auditEntries } from '../audit/table';
import { createEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { register } from '../registration/service';
import { getMessage, listMessages, previewMessage, sendMessage } from './messages';
import { getOutboxMail, listOutbox, retryMail } from './outbox-view';
import { mailMessages, mailOutbox } from './table';
import { TEST_ACTOR } from '../../../test/actors';

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';

describe.each(databaseKinds)('messages to participants on $name', ({ open }) => {
  let database: TestDatabase;
  let org: string;
  let account: { id: string; name: string; organiserId: string };
  let eventId: string;
  const slug = 'berichtendag';
  const ids: Record<string, string> = {};

  const later = (minutes: number) => new Date(TEST_NOW.getTime() + minutes * 60_000);
  const send = (input: Parameters<typeof sendMessage>[1]['input'], key: string, now = later(1)) =>
    sendMessage(database.db, { slug, account, input, idempotencyKey: key, now, baseUrl: BASE });

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    // abcd has 2 seats in round 1: the third who picks it waits for it.
    eventId = (await createEvent(database.db, eventDocument({ slug, registration: { capacity: 4 } }), { actor: TEST_ACTOR, actingOrganiserId: org })).id!;
    const people: [string, Record<string, unknown>][] = [
      ['abcd-1', { choices: { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' } }],
      ['abcd-2', { choices: { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' }, language: 'en' }],
      ['geld-1', { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } }],
      ['abcd-wacht', { choices: { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' } }],
      ['vol', { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' } }],
    ];
    for (const [i, [key, over]] of people.entries()) {
      const r = await register(database.db, slug, registrant(i, { name: `Deelnemer ${key}`, email: `${key}@example.org`, ...over }), { now: TEST_NOW, baseUrl: BASE });
      if (r.kind !== 'registered') throw new Error(r.kind);
      ids[key] = r.registration.id;
    }
    const id = await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: PW, role: 'redacteur' }, TEST_NOW);
    account = { id, name: 'Fictieve Redacteur', organiserId: org };
  });
  afterAll(() => database?.close());

  it('reaches exactly the confirmed of one workshop in one round, not its waiting list', async () => {
    const preview = await previewMessage(database.db, slug, { recipientGroup: { kind: 'workshop', round: 'ronde-1', workshop: 'abcd' }, subject: 'Zaal ABCD', body: 'De zaal is **B2.14**.' }, { baseUrl: BASE, now: TEST_NOW });
    expect(preview).toMatchObject({ kind: 'preview', recipients: 2, names: ['Deelnemer abcd-1', 'Deelnemer abcd-2'], recipientGroupLabel: 'De bevestigde deelnemers van ABCD in de wijk (Ronde 1)' });
    if (preview.kind !== 'preview') throw new Error();
    expect(preview.mail.text).toContain('Beste Deelnemer abcd-1,');
    expect(preview.mail.text).toContain('De zaal is B2.14.');
    // A preview writes nothing.
    expect(await database.db.select().from(mailMessages)).toHaveLength(0);

    const result = await send({ recipientGroup: { kind: 'workshop', round: 'ronde-1', workshop: 'abcd' }, subject: 'Zaal ABCD', body: 'De zaal is **B2.14**.' }, 'sleutel-1');
    expect(result).toMatchObject({ kind: 'sent', recipients: 2, repeated: false });
    if (result.kind !== 'sent') throw new Error();
    const mails = await database.db.select().from(mailOutbox).where(eq(mailOutbox.messageId, result.messageId));
    expect(mails.map((m) => m.registrationId).sort()).toEqual([ids['abcd-1'], ids['abcd-2']].sort());
    for (const m of mails) {
      expect(m.kind).toBe('message');
      expect(m.dedupeKey).toBe(`message:${result.messageId}:${m.registrationId}`);
      expect(m.replyTo).toBe('contact@example.org');
      expect(m.subject).toBe('Zaal ABCD');
      expect(m.htmlBody).toContain('<strong>B2.14</strong>');
      expect(m.textBody).toMatch(/http:\/\/bijeen\.test\/aanmelding\/[A-Za-z0-9_-]{43}/);
    }
    const english = mails.find((m) => m.registrationId === ids['abcd-2'])!;
    expect(english.language).toBe('en');
    expect(english.textBody).toContain('Dear Deelnemer abcd-2,');
    const [audit] = await database.db.select().from(auditEntries).where(eq(auditEntries.action, 'message.sent'));
    expect(audit).toMatchObject({ eventId, accountId: account.id, actor: 'Fictieve Redacteur', organiserId: org });
    expect(audit!.summary).toContain('2 deelnemers');
    expect(audit!.details).toEqual({ messageId: result.messageId, recipientGroup: { kind: 'workshop', round: 'ronde-1', workshop: 'abcd' }, recipients: 2 });
    const [stored] = await database.db.select().from(mailMessages).where(eq(mailMessages.id, result.messageId));
    expect(stored!.recipientGroup).toEqual({ kind: 'workshop', round: 'ronde-1', workshop: 'abcd' });
  });

  it('sends once under a double submit: the second finds the first message', async () => {
    const input = { recipientGroup: { kind: 'confirmed' as const }, subject: 'Tot donderdag', body: 'Welkom!' };
    const [a, b] = await Promise.all([send(input, 'dubbel', later(2)), send(input, 'dubbel', later(2))]);
    const c = await send(input, 'dubbel', later(3));
    expect(a.kind === 'sent' && b.kind === 'sent' && c.kind === 'sent').toBe(true);
    if (a.kind !== 'sent' || b.kind !== 'sent' || c.kind !== 'sent') throw new Error();
    expect(new Set([a.messageId, b.messageId, c.messageId]).size).toBe(1);
    expect([a.repeated, b.repeated].sort()).toEqual([false, true]);
    expect(c.repeated).toBe(true);
    const messages = await database.db.select().from(mailMessages).where(eq(mailMessages.subject, 'Tot donderdag'));
    expect(messages).toHaveLength(1);
    // Four confirmed (capacity 4): four mails, not eight.
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.messageId, a.messageId))).toHaveLength(4);
    // One audit entry per message sent: the first test's and this one.
    expect(await database.db.select().from(auditEntries).where(eq(auditEntries.action, 'message.sent'))).toHaveLength(2);
  });

  it('refuses an empty group with a clear message, and writes nothing', async () => {
    const before = (await database.db.select().from(mailOutbox)).length;
    const result = await send({ recipientGroup: { kind: 'pending' }, subject: 'Nog even geduld', body: 'We kijken ernaar.' }, 'leeg');
    expect(result).toEqual({ kind: 'invalid', problems: [{ path: 'group', message: expect.stringContaining('niemand') }] });
    expect((await database.db.select().from(mailOutbox)).length).toBe(before);
    expect(await database.db.select().from(mailMessages).where(eq(mailMessages.subject, 'Nog even geduld'))).toHaveLength(0);
  });

  it('refuses a message without subject or text, field by field', async () => {
    const result = await send({ recipientGroup: { kind: 'workshop', round: 'ronde-2', workshop: 'geld' }, subject: '', body: ' ' }, 'fout');
    expect(result.kind === 'invalid' && result.problems.map((p) => p.path)).toEqual(['workshop', 'subject', 'body']);
  });

  it('lists the messages with their delivery counts, and one with its recipients', async () => {
    const list = await listMessages(database.db, eventId);
    expect(list.map((m) => m.subject)).toEqual(['Tot donderdag', 'Zaal ABCD']);
    expect(list[1]!.delivery).toEqual({ verzonden: 0, wacht: 2, mislukt: 0 });
    const detail = (await getMessage(database.db, eventId, list[1]!.id))!;
    expect(detail.recipients.map((r) => r.name)).toEqual(['Deelnemer abcd-1', 'Deelnemer abcd-2']);
    expect(await getMessage(database.db, '00000000-0000-4000-8000-000000000000', list[1]!.id)).toBeNull();
  });

  it('shows the outbox newest first by state, and tries a failed mail again with its attempts kept', async () => {
    const all = await listOutbox(database.db, { eventId }, { filter: '', page: 1 });
    // 5 registration mails, 2 + 4 message mails.
    expect(all.total).toBe(11);
    expect(all.rows[0]!.kind).toBe('message');
    const [one] = all.rows;
    await database.db.update(mailOutbox).set({ status: 'failed', attempts: 30, lastError: '550: Mailbox unknown' }).where(eq(mailOutbox.id, one!.id));
    const failed = await listOutbox(database.db, { eventId }, { filter: 'mislukt', page: 1 });
    expect(failed.rows.map((r) => [r.id, r.lastError])).toEqual([[one!.id, '550: Mailbox unknown']]);
    expect(failed.counts).toEqual({ verzonden: 0, wacht: 10, mislukt: 1 });
    // Not through another organiser's scope.
    const other = (await ensureOrganiser(database.db, 'ander', 'Ander')).id;
    expect(await getOutboxMail(database.db, { organiserId: other }, one!.id)).toBeNull();
    expect(await retryMail(database.db, { scope: { eventId: '00000000-0000-4000-8000-000000000000' }, organiserId: org, mailId: one!.id, actor: { accountId: null, name: 'x' }, now: TEST_NOW })).toBe(false);
    expect(await retryMail(database.db, { scope: { eventId }, organiserId: org, mailId: one!.id, actor: { accountId: account.id, name: account.name }, now: TEST_NOW })).toBe(true);
    const after = (await getOutboxMail(database.db, { eventId }, one!.id))!;
    expect(after).toMatchObject({ status: 'queued', attempts: 30, nextAttemptAt: TEST_NOW });
    expect(await retryMail(database.db, { scope: { eventId }, organiserId: org, mailId: one!.id, actor: { accountId: account.id, name: account.name }, now: TEST_NOW })).toBe(false);
    expect(await database.db.select().from(auditEntries).where(eq(auditEntries.action, 'mail.retried'))).toHaveLength(1);
  });
});
