import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, TEST_NOW } from '../../test/app';
import { databaseKinds, type TestDatabase } from '../../test/db';
import { eventDocument, registrant } from '../../test/factories';
import { createAccount, createSession } from '../domain/accounts/service';
import { createEvent } from '../domain/events/service';
import { getMessage, sendMessage } from '../domain/mail/messages';
import { ensureOrganiser } from '../domain/organisers/service';
import { register } from '../domain/registration/service';
import { startOutboxWorker } from './outbox';
import { createTransport } from './transport';
import { TEST_ACTOR } from '../../test/actors';

/* A message to participants, delivered by the outbox worker to a real SMTP receiver; a refused address ends "mislukt" with its reason on the message's page. */

const BASE = 'http://bijeen.test';
const FROM = 'bijeen <noreply@bijeen.test>';

/** A real SMTP receiver on 127.0.0.1; `onbekend@…` does not exist (550). */
async function receiver() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    closeTimeout: 1_000,
    onRcptTo: (address, _s, cb) => {
      if (address.address.startsWith('onbekend@')) return cb(Object.assign(new Error('Mailbox unknown'), { responseCode: 550 }));
      cb();
    },
    onData: (stream, _s, cb) => {
      simpleParser(stream).then(
        (m) => {
          received.push(m);
          cb();
        },
        (err: Error) => cb(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { received, url: `smtp://127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}

describe.each(databaseKinds)('a message delivered through the outbox on $name', ({ open }) => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    database = await open();
    smtp = await receiver();
  });
  afterAll(async () => {
    await smtp?.stop();
    await database?.close();
  });

  it('reaches the receiver with its text and personal link; the page counts it delivered, and a refused address failed with the reason', async () => {
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const eventId = (await createEvent(database.db, eventDocument({ slug: 'bezorgdag' }), { actor: TEST_ACTOR, actingOrganiserId: org })).id!;
    const tokens: Record<string, string> = {};
    for (const [i, email] of ['anna@example.org', 'onbekend@example.org'].entries()) {
      const r = await register(database.db, 'bezorgdag', registrant(i, { email, name: i === 0 ? 'Anna Voorbeeld' : 'Onbekende Voorbeeld' }), { now: TEST_NOW, baseUrl: BASE });
      if (r.kind !== 'registered') throw new Error(r.kind);
      tokens[email] = r.registration.token;
    }
    const accountId = await createAccount(database.db, { organiserId: org, email: 'redacteur@example.org', name: 'Fictieve Redacteur', password: 'paars paard op de dijk', role: 'redacteur' }, TEST_NOW);
    const sent = await sendMessage(database.db, {
      slug: 'bezorgdag',
      account: { id: accountId, name: 'Fictieve Redacteur', organiserId: org },
      input: { recipientGroup: { kind: 'workshop', round: 'ronde-1', workshop: 'geld' }, subject: 'Zaal voor Geld', body: 'De zaal is **B2.14**.\n\n- Koffie vanaf 13:30' },
      idempotencyKey: 'bezorg',
      now: TEST_NOW,
      baseUrl: BASE,
    });
    if (sent.kind !== 'sent') throw new Error(sent.kind);
    expect(sent.recipients).toBe(2);

    const transport = createTransport(smtp.url);
    const worker = startOutboxWorker({ db: database.db, transport, logger: pino({ level: 'silent' }), from: FROM, clock: () => TEST_NOW, start: false });
    try {
      for (let i = 0; i < 10 && (await worker.runOnce()).claimed > 0; i++);
    } finally {
      await worker.stop();
      transport.close();
    }

    const mail = smtp.received.find((m) => m.subject === 'Zaal voor Geld')!;
    expect(mail).toBeDefined();
    expect(mail.replyTo?.text).toBe('contact@example.org');
    expect(mail.text).toContain('Beste Anna Voorbeeld,');
    expect(mail.text).toContain('De zaal is B2.14.');
    expect(mail.text).toContain('- Koffie vanaf 13:30');
    expect(mail.text).toContain(`${BASE}/aanmelding/${tokens['anna@example.org']}`);
    expect(mail.html).toContain('<strong>B2.14</strong>');
    expect(smtp.received.filter((m) => m.subject === 'Zaal voor Geld')).toHaveLength(1);

    const detail = (await getMessage(database.db, eventId, sent.messageId))!;
    expect(detail.delivery).toEqual({ verzonden: 1, wacht: 0, mislukt: 1 });
    const failed = detail.recipients.find((r) => r.to === 'onbekend@example.org')!;
    expect(failed.delivery).toBe('mislukt');
    expect(failed.lastError).toContain('Mailbox unknown');

    // The message's page, as the organiser sees it.
    const app = await testApp(database);
    const cookie = `bijeen_sessie=${(await createSession(database.db, accountId, TEST_NOW)).token}`;
    const page = await (await app.request(`http://localhost/beheer/evenementen/bezorgdag/berichten/${sent.messageId}`, { headers: { cookie } })).text();
    expect(page).toContain('Verzonden: 1');
    expect(page).toContain('Mislukt: 1');
    expect(page).toContain('Mailbox unknown');
    const outbox = await (await app.request('http://localhost/beheer/evenementen/bezorgdag/post?status=mislukt', { headers: { cookie } })).text();
    expect(outbox).toContain('onbekend@example.org');
    expect(outbox).not.toContain('anna@example.org');
  });
});
