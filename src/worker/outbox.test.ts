import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { checkinCode, formatCode } from '../domain/checkin/rules';
import ical, { type VEvent } from 'node-ical';
import { DateTime } from 'luxon';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../test/app';
import { databaseKinds, type TestDatabase } from '../../test/db';
import { eventDocument } from '../../test/factories';
import { createEvent } from '../domain/events/service';
import { queueMail, queueRegistrationMail } from '../domain/mail/service';
import { mailOutbox } from '../domain/mail/table';
import type { BaseMailData } from '../domain/mail/templates';
import { ensureOrganiser } from '../domain/organisers/service';
import { register } from '../domain/registration/service';
import { messageIdOf, startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './outbox';
import { createTransport, type MailTransport } from './transport';
import { TEST_ACTOR } from '../../test/actors';

const BASE_URL = 'https://bijeen.test';
const FROM = 'bijeen <noreply@bijeen.test>';
const silent = pino({ level: 'silent' });

/** A real SMTP receiver on 127.0.0.1 that parses what it gets; `onbekend@…` does not exist. */
class Receiver {
  received: ParsedMail[] = [];
  private server: SMTPServer | undefined;
  constructor(public port = 0) {}

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 1_000,
      onRcptTo: (address, _session, cb) => {
        if (address.address.startsWith('onbekend@')) {
          const err = new Error('Mailbox unknown') as Error & { responseCode: number };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      onData: (stream, _session, cb) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            cb();
          },
          (err: Error) => cb(err),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

const plain: BaseMailData = {
  name: 'Deelnemer',
  event: { title: 'Proefdag wijkaanpak', url: `${BASE_URL}/evenementen/proefdag`, organiser: 'Kennisinstituut', contact: null, meetings: [] },
  personalUrl: `${BASE_URL}/aanmelding/x`,
  choices: [],
  calendarAttached: false,
};

describe.each(databaseKinds)('mail outbox worker on $name', ({ open }) => {
  let database: TestDatabase;
  let receiver: Receiver;
  let transport: MailTransport;
  let now: Date;
  let slug: string;
  let n = 0;
  const workers: OutboxWorker[] = [];
  const transports: MailTransport[] = [];

  const worker = (over: Partial<OutboxWorkerOptions> = {}) => {
    const w = startOutboxWorker({ db: database.db, transport, logger: silent, from: FROM, clock: () => now, start: false, ...over });
    workers.push(w);
    return w;
  };
  const rows = () => database.db.select().from(mailOutbox).orderBy(mailOutbox.createdAt, mailOutbox.dedupeKey);
  const queuePlain = (key: string, to = 'deelnemer@example.org') =>
    database.db.transaction((tx) => queueMail(tx, { dedupeKey: key, to, language: 'nl', kind: 'pending', data: plain, now }));

  /** Register: the registration queues its own mail in its transaction. */
  async function registerWithMail(i: number, language: 'nl' | 'en' = 'nl') {
    const r = await register(
      database.db,
      slug,
      { name: `Deelnemer ${i}`, email: `deelnemer${i}@example.org`, choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true }, language },
      { now, baseUrl: BASE_URL },
    );
    if (r.kind !== 'registered') throw new Error(JSON.stringify(r));
    return r.registration;
  }

  beforeAll(async () => {
    database = await open();
    const organiser = await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut');
    slug = 'mail-proefdag';
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 100 } }), { actor: TEST_ACTOR, actingOrganiserId: organiser.id });
    receiver = await new Receiver().start();
  });
  beforeEach(async () => {
    now = TEST_NOW;
    receiver.received = [];
    await database.db.delete(mailOutbox);
    transport = createTransport(receiver.url);
    transports.push(transport);
  });
  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    for (const t of transports.splice(0)) t.close();
  });
  afterAll(async () => {
    await receiver?.stop();
    await database?.close();
  });

  it('delivers each queued mail exactly once: subject, text, HTML and the invitation parsed back', async () => {
    const anna = await registerWithMail(++n, 'nl');
    const bob = await registerWithMail(++n, 'en');
    await queuePlain('plain:1');
    const w = worker();
    expect(await w.runOnce()).toEqual({ claimed: 3, sent: 3, retrying: 0, failed: 0 });
    expect(await w.runOnce()).toEqual({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(3);
    expect((await rows()).map((r) => [r.status, r.attempts, r.sentAt])).toEqual([
      ['sent', 1, now],
      ['sent', 1, now],
      ['sent', 1, now],
    ]);

    const nl = receiver.received.find((m) => m.to && 'text' in m.to && m.to.text === anna.email)!;
    expect(nl.subject).toBe('Aanmelding bevestigd: Proefdag wijkaanpak');
    expect(nl.messageId).toBe(messageIdOf(`confirmation:${anna.id}`, FROM));
    expect(nl.from?.value[0]).toMatchObject({ name: 'bijeen', address: 'noreply@bijeen.test' });
    expect(nl.replyTo?.text).toBe('contact@example.org');
    expect(nl.headers.get('content-language')).toBe('nl');
    expect(nl.text).toContain('woensdag 6 maart 2030, 12:30–17:30 uur');
    expect(nl.text).toContain('Ronde 1 (14:00–14:45 uur): Zeggenschap door geld');
    expect(nl.text).toContain(`${BASE_URL}/aanmelding/${anna.token}`);
    expect(nl.html).toContain('<html lang="nl">');
    expect(nl.html).toContain('<strong>Zeggenschap door geld</strong>');

    const attachment = nl.attachments.find((a) => a.filename === 'uitnodiging.ics')!;
    expect(attachment).toBeDefined();
    const ics = attachment.content.toString('utf8');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('TZID:Europe/Amsterdam');
    const calendar = ical.sync.parseICS(ics);
    const vevent = Object.values(calendar).find((c): c is VEvent => (c as VEvent | undefined)?.type === 'VEVENT')!;
    expect(vevent.summary).toBe('Proefdag wijkaanpak');
    expect(vevent.start.tz).toBe('Europe/Amsterdam');
    expect(vevent.start.toISOString()).toBe('2030-03-06T11:30:00.000Z');
    expect(DateTime.fromJSDate(vevent.start, { zone: 'Europe/Amsterdam' }).toFormat('HH:mm')).toBe('12:30');

    // The check-in code: as text, and as a QR image drawn by the sender, shown inline by Content-ID.
    const code = checkinCode(anna.token);
    expect(nl.text).toContain(`check-in-code: ${formatCode(code)}`);
    // mailparser resolves a cid: image it finds among the parts into a data: URI: so the reference matched the part.
    expect(nl.html).toMatch(new RegExp(`<img src="data:image/png;base64,[^"]+" width="160" height="160" alt="QR-code voor inchecken, code ${formatCode(code)}"`));
    const qr = nl.attachments.find((a) => a.contentType === 'image/png')!;
    expect(qr).toMatchObject({ filename: 'inchecken.png', contentId: `<checkin-${code}@bijeen>`, contentDisposition: 'inline', related: true });
    expect(qr.content.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(nl.html).not.toContain(anna.token.slice(0, 20) + '@');

    const en = receiver.received.find((m) => m.to && 'text' in m.to && m.to.text === bob.email)!;
    expect(en.subject).toBe('Registration confirmed: Proefdag wijkaanpak');
    expect(en.text).toContain('Wednesday 6 March 2030, 12:30–17:30');
    expect(en.html).toContain('<html lang="en">');
    expect(en.attachments.map((a) => a.filename)).toContain('invitation.ics');

    const third = receiver.received.find((m) => m.messageId === messageIdOf('plain:1', FROM))!;
    expect(third.subject).toBe('Aanmelding ontvangen: Proefdag wijkaanpak');
    expect(third.attachments).toEqual([]);
    expect(third.html).not.toContain('cid:checkin-');
  });

  it('keeps registrations and their mails while the mail server is down, and delivers each once when it is back', async () => {
    const down = await new Receiver().start();
    const port = down.port;
    await down.stop();
    transport = createTransport(`smtp://127.0.0.1:${port}`);
    transports.push(transport);
    const w = worker({ random: () => 0.5 });

    const people = [await registerWithMail(++n), await registerWithMail(++n, 'en')];
    expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 0, retrying: 2 });
    for (const r of await rows()) {
      expect(r).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
      expect(r.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
      expect(r.lastError).toMatch(/ECONNREFUSED|connect/i);
    }
    // Not due yet: nothing is tried again before the back-off.
    expect((await w.runOnce()).claimed).toBe(0);

    const back = await new Receiver(port).start();
    try {
      now = new Date(TEST_NOW.getTime() + 60_000);
      expect(await w.runOnce()).toMatchObject({ claimed: 2, sent: 2 });
      now = new Date(TEST_NOW.getTime() + 24 * 3600_000);
      expect((await w.runOnce()).claimed).toBe(0);
      expect(back.received.map((m) => m.to && 'text' in m.to && m.to.text).sort()).toEqual(people.map((p) => p.email).sort());
      expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
    } finally {
      transport.close();
      await back.stop();
    }
  });

  it('backs off exponentially and marks a mail failed after the last attempt', async () => {
    const failing: MailTransport = { kind: 'smtp', target: 'nowhere', send: () => Promise.reject(new Error('451 try later')), close: () => {} };
    const w = worker({ transport: failing, maxAttempts: 3, random: () => 0.5 });
    await queuePlain('plain:doomed');
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await w.runOnce()).claimed).toBe(1);
      const [r] = await rows();
      delays.push(r!.nextAttemptAt.getTime() - now.getTime());
      now = r!.nextAttemptAt;
    }
    const [r] = await rows();
    expect(r).toMatchObject({ status: 'failed', attempts: 3, lastError: '451 try later' });
    expect(delays.slice(0, 2)).toEqual([30_000, 60_000]);
    now = new Date(now.getTime() + 7 * 24 * 3600_000);
    expect((await w.runOnce()).claimed).toBe(0);
  });

  it('gives up at once on an address the mail server does not know', async () => {
    await queuePlain('plain:unknown', 'onbekend@example.org');
    expect(await worker().runOnce()).toMatchObject({ claimed: 1, failed: 1 });
    const [r] = await rows();
    expect(r).toMatchObject({ status: 'failed', attempts: 1 });
    expect(r!.lastError).toMatch(/550/);
  });

  it('sends one mail for a dedupe key queued twice', async () => {
    await queuePlain('plain:twice');
    await queuePlain('plain:twice');
    const w = worker();
    await w.runOnce();
    await w.runOnce();
    expect(await rows()).toHaveLength(1);
    expect(receiver.received.map((m) => m.messageId)).toEqual([messageIdOf('plain:twice', FROM)]);
  });

  it('lets several workers share the outbox without sending any mail twice', async () => {
    for (let i = 0; i < 12; i++) await queuePlain(`plain:shared-${i}`, `deelnemer${i}@example.org`);
    const drain = async (w: OutboxWorker) => {
      for (let i = 0; i < 20 && (await w.runOnce()).claimed > 0; i++);
    };
    await Promise.all([drain(worker({ batchSize: 2 })), drain(worker({ batchSize: 3 })), drain(worker({ batchSize: 2 }))]);
    expect(receiver.received).toHaveLength(12);
    expect(new Set(receiver.received.map((m) => m.messageId)).size).toBe(12);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('takes over a mail whose sender crashed, once its lease has run out', async () => {
    await queuePlain('plain:crashed');
    // A worker claimed it and died before sending.
    await database.db
      .update(mailOutbox)
      .set({ status: 'sending', attempts: 1, nextAttemptAt: new Date(now.getTime() + 5 * 60_000) })
      .where(eq(mailOutbox.dedupeKey, 'plain:crashed'));
    const w = worker();
    expect((await w.runOnce()).claimed).toBe(0);
    now = new Date(now.getTime() + 5 * 60_000 + 1);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    expect(receiver.received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('wakes up when a transaction that queued mail commits, and stops cleanly', async () => {
    const w = worker({ start: true, pollMs: 60_000, listen: database.listen });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the first (empty) round and LISTEN
    await queuePlain('plain:woken');
    for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiver.received.map((m) => m.messageId)).toEqual([messageIdOf('plain:woken', FROM)]);
    await w.stop();
    await queuePlain('plain:after-stop');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(1);
    expect((await rows()).find((r) => r.dedupeKey === 'plain:after-stop')).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('gives the rest of a batch back when stopped halfway', async () => {
    for (let i = 0; i < 3; i++) await queuePlain(`plain:halfway-${i}`);
    let w: OutboxWorker | undefined;
    let stopping: Promise<void> | undefined;
    const slow: MailTransport = {
      ...transport,
      send: async (mail) => {
        await transport.send(mail);
        stopping ??= w!.stop();
      },
    };
    w = worker({ transport: slow });
    expect(await w.runOnce()).toMatchObject({ claimed: 3, sent: 1 });
    await stopping;
    const states = (await rows()).map((r) => `${r.status} ${r.attempts}`).sort();
    expect(states).toEqual(['queued 0', 'queued 0', 'sent 1']);
    expect((await rows()).filter((r) => r.status === 'queued').every((r) => r.nextAttemptAt.getTime() <= now.getTime())).toBe(true);
  });

  it('never holds a transaction open while sending', async () => {
    // While the transport is busy, another connection can lock every row of the outbox.
    await queuePlain('plain:no-tx');
    let locked = false;
    const probing: MailTransport = {
      ...transport,
      send: async (mail) => {
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`SELECT id FROM mail_outbox FOR UPDATE NOWAIT`);
          locked = true;
        });
        await transport.send(mail);
      },
    };
    expect(await worker({ transport: probing }).runOnce()).toMatchObject({ sent: 1 });
    expect(locked).toBe(true);
  });
});
