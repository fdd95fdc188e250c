import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import QRCode from 'qrcode';
import { CHECKIN_IMAGE, checkinImageCid } from '../domain/mail/templates';
import type { Logger } from 'pino';

/*
 * How mail leaves: over SMTP when SMTP_URL is set, otherwise kept locally as .eml files
 * (one per mail, in DATA_DIR/outbox/) that any mail program opens. Both compose the same
 * MIME message with nodemailer: text and HTML alternatives, and an iCalendar invitation
 * both as a text/calendar alternative (so Outlook and Gmail show it as an invitation) and
 * as an .ics attachment.
 */

export interface OutgoingMail {
  /** `<…@domain>`, derived from the dedupe key: a receiver can drop a rare second copy. */
  messageId: string;
  /** The dedupe key; names the local file, so a second copy overwrites the first. */
  key: string;
  createdAt: Date;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  language: 'nl' | 'en';
  ics: string | null;
}

export interface MailTransport {
  kind: 'smtp' | 'local';
  /** Where mail goes, for the start-up log: the SMTP host or the local directory. */
  target: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

type LogSink = Pick<Logger, 'info'>;

/** SMTP (with a URL such as `smtp://user:pass@host:587` or `smtps://…:465`) or local files. */
export function createTransport(smtpUrl?: string, localDir?: string, logger?: LogSink): MailTransport {
  if (smtpUrl) return smtpTransport(smtpUrl);
  return localTransport(localDir ?? './data/outbox', logger);
}

/**
 * The check-in QR image a mail's HTML refers to by Content-ID, drawn now as a PNG: the
 * outbox keeps only the code (in the HTML), never an image. Mail programs show a cid:
 * image (Gmail and Outlook block data: URIs and inline SVG).
 */
async function inlineImages(mail: OutgoingMail) {
  const code = CHECKIN_IMAGE.exec(mail.html)?.[1];
  if (!code) return [];
  const content = await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', width: 320, margin: 4 });
  return [
    {
      filename: mail.language === 'nl' ? 'inchecken.png' : 'check-in.png',
      content,
      contentType: 'image/png',
      cid: checkinImageCid(code),
      contentDisposition: 'inline' as const,
    },
  ];
}

async function messageOf(mail: OutgoingMail) {
  const attachments = await inlineImages(mail);
  const method = mail.ics ? (/^METHOD:([A-Z]+)\r?$/m.exec(mail.ics)?.[1] ?? 'REQUEST') : null;
  const filename = mail.language === 'nl' ? (method === 'CANCEL' ? 'annulering.ics' : 'uitnodiging.ics') : method === 'CANCEL' ? 'cancellation.ics' : 'invitation.ics';
  return {
    from: mail.from,
    to: mail.to,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: new Date(),
    headers: {
      'Content-Language': mail.language,
      // An automatic message: no out-of-office replies to it (RFC 3834; Exchange's own header).
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
    },
    ...(mail.ics && method ? { icalEvent: { method, filename, content: mail.ics } } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    // Bounded: a send finishes or fails well within the worker's lease on the row.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  let target = 'smtp';
  try {
    const u = new URL(url);
    target = `${u.protocol}//${u.host}`; // never the password
  } catch {
    // nodemailer reports a bad URL when sending
  }
  return {
    kind: 'smtp',
    target,
    send: async (mail) => {
      await transporter.sendMail(await messageOf(mail));
    },
    close: () => transporter.close(),
  };
}

function localTransport(dir: string, logger?: LogSink): MailTransport {
  const directory = resolve(dir);
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    kind: 'local',
    target: directory,
    send: async (mail) => {
      const info = await transporter.sendMail(await messageOf(mail));
      await mkdir(directory, { recursive: true });
      const stamp = mail.createdAt.toISOString().replace(/[:.]/g, '-');
      const file = join(directory, `${stamp}_${mail.key.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 150)}.eml`);
      // Whole files only: write aside, then rename.
      const partial = `${file}.partial`;
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
      logger?.info({ file }, 'mail kept locally (no SMTP_URL)');
    },
    close: () => transporter.close(),
  };
}
