import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { messageIdOf } from './outbox';
import { createTransport, type OutgoingMail } from './transport';

const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bijeen//bijeen//NL', 'METHOD:REQUEST', 'END:VCALENDAR', ''].join('\r\n');

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  messageId: messageIdOf('confirmation:1', 'noreply@bijeen.test'),
  key: 'confirmation:1',
  createdAt: new Date('2026-11-22T11:00:00Z'),
  from: 'bijeen <noreply@bijeen.test>',
  to: 'anna@example.org',
  replyTo: 'contact@example.org',
  subject: 'Aanmelding bevestigd: Dag van de Buurt',
  text: 'Beste Anna,\n\nU bent aangemeld.',
  html: '<!DOCTYPE html><html lang="nl"><body><h1>Aanmelding bevestigd</h1></body></html>',
  language: 'nl',
  ics,
  ...over,
});

describe('mail transport without SMTP_URL', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function outboxDir() {
    const d = await mkdtemp(join(tmpdir(), 'bijeen-outbox-'));
    dirs.push(d);
    return join(d, 'outbox');
  }

  it('keeps each mail as an .eml file that a mail program opens, with its invitation', async () => {
    const dir = await outboxDir();
    const logged: unknown[] = [];
    const transport = createTransport(undefined, dir, { info: (obj: unknown) => void logged.push(obj) } as never);
    expect(transport).toMatchObject({ kind: 'local', target: dir });
    await transport.send(mail());
    await transport.send(mail({ key: 'waitlisted:2', messageId: messageIdOf('waitlisted:2', 'x@bijeen.test'), ics: null, language: 'en' }));
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['2026-11-22T11-00-00-000Z_confirmation_1.eml', '2026-11-22T11-00-00-000Z_waitlisted_2.eml']);
    expect(logged).toEqual([{ file: join(dir, files[0]!) }, { file: join(dir, files[1]!) }]);

    const parsed = await simpleParser(await readFile(join(dir, files[0]!)));
    expect(parsed.subject).toBe('Aanmelding bevestigd: Dag van de Buurt');
    expect(parsed.messageId).toBe(mail().messageId);
    expect(parsed.text).toContain('U bent aangemeld.');
    expect(parsed.html).toContain('<html lang="nl">');
    expect(parsed.replyTo?.text).toBe('contact@example.org');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    const invitation = parsed.attachments.find((a) => a.filename === 'uitnodiging.ics');
    expect(invitation?.content.toString('utf8')).toContain('METHOD:REQUEST');
    transport.close();
  });

  it('draws the check-in QR code the HTML refers to, as an inline PNG part of the same message, with the invitation', async () => {
    const dir = await outboxDir();
    const transport = createTransport(undefined, dir);
    await transport.send(mail({ html: '<html lang="nl"><body><p><img src="cid:checkin-K7QM4XRT9P@bijeen" width="160" height="160" alt="QR-code"></p></body></html>' }));
    const [file] = await readdir(dir);
    const raw = await readFile(join(dir, file!), 'utf8');
    expect(raw).toMatch(/Content-Type: multipart\/related/);
    expect(raw).toContain('Content-ID: <checkin-K7QM4XRT9P@bijeen>');
    const parsed = await simpleParser(raw);
    const png = parsed.attachments.find((a) => a.contentType === 'image/png')!;
    expect(png).toMatchObject({ filename: 'inchecken.png', contentDisposition: 'inline' });
    expect(png.content.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(parsed.attachments.map((a) => a.filename)).toContain('uitnodiging.ics');
    // A mail without the reference gets no image.
    await transport.send(mail({ key: 'waitlisted:3', messageId: messageIdOf('waitlisted:3', 'x@bijeen.test') }));
    const other = (await readdir(dir)).find((f) => f.includes('waitlisted_3'))!;
    expect((await simpleParser(await readFile(join(dir, other)))).attachments.some((a) => a.contentType === 'image/png')).toBe(false);
    transport.close();
  });

  it('overwrites the file of a mail sent twice instead of keeping two', async () => {
    const dir = await outboxDir();
    const transport = createTransport(undefined, dir);
    await transport.send(mail());
    await transport.send(mail());
    expect(await readdir(dir)).toEqual(['2026-11-22T11-00-00-000Z_confirmation_1.eml']);
    transport.close();
  });

  it('names a cancellation after what it does', async () => {
    const dir = await outboxDir();
    const transport = createTransport(undefined, dir);
    await transport.send(mail({ ics: ics.replace('METHOD:REQUEST', 'METHOD:CANCEL'), language: 'en' }));
    const [file] = await readdir(dir);
    const parsed = await simpleParser(await readFile(join(dir, file!)));
    expect(parsed.attachments.map((a) => a.filename)).toContain('cancellation.ics');
    transport.close();
  });

  it('says where SMTP mail goes without giving away the password', () => {
    const transport = createTransport('smtp://user:geheim@mail.example.org:587');
    expect(transport).toMatchObject({ kind: 'smtp', target: 'smtp://mail.example.org:587' });
    transport.close();
  });
});
