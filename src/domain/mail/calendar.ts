import { eventsCalendar } from '../events/calendar';
import type { EventDocument } from '../events/document';

/*
 * The calendar file attached to a registrant's mail: the event's own calendar
 * (events/calendar.ts: one VEVENT per meeting, stable UIDs, Europe/Amsterdam VTIMEZONE),
 * as an invitation (METHOD:REQUEST) or its withdrawal (METHOD:CANCEL), with what a mail
 * client needs to treat it as one: a SEQUENCE that grows with every change (so an update
 * replaces the entry instead of adding one), a UTC DTSTAMP, and ORGANIZER and ATTENDEE.
 */

export interface RegistrantCalendarOptions {
  baseUrl: string;
  method: 'REQUEST' | 'CANCEL';
  /** Grows with every change of the event: see `sequenceOf`. */
  sequence: number;
  /** Join links of online meetings: only for someone who holds a place. */
  includeJoinUrl: boolean;
  organizer?: { name: string; email: string } | null;
  attendee?: { name: string; email: string } | null;
}

/**
 * A SEQUENCE from a moment: whole seconds since 2020, so a later edit always has a
 * larger number (RFC 5546 §2.1.4), and it fits the 32-bit integer clients expect until 2088.
 */
export function sequenceOf(moment: Date): number {
  return Math.max(0, Math.floor((moment.getTime() - Date.UTC(2020, 0, 1)) / 1000));
}

// The event's calendar is the same for every registrant of one version of the event (the
// document object is cached per version by the mail service): build it once, and give
// each registrant only their own lines. A batch of registrations attaches hundreds.
const baseLines = new WeakMap<EventDocument, Map<string, string[]>>();
function eventLines(doc: EventDocument, baseUrl: string, includeJoinUrl: boolean): string[] {
  let byOptions = baseLines.get(doc);
  if (!byOptions) baseLines.set(doc, (byOptions = new Map()));
  const key = `${baseUrl}|${includeJoinUrl}`;
  let lines = byOptions.get(key);
  if (!lines) {
    lines = unfold(eventsCalendar([doc], { baseUrl, method: 'REQUEST', includeJoinUrl, name: doc.title }));
    byOptions.set(key, lines);
  }
  return lines;
}

/** A DTSTAMP: now, in UTC (RFC 5545 §3.8.7.2). */
function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function registrantCalendar(doc: EventDocument, opts: RegistrantCalendarOptions): string {
  const lines = eventLines(doc, opts.baseUrl, opts.includeJoinUrl);
  const out: string[] = [];
  const now = stamp(new Date());
  for (const line of lines) {
    if (line === 'METHOD:REQUEST') out.push(`METHOD:${opts.method}`);
    else if (/^SEQUENCE:\d+$/.test(line)) out.push(`SEQUENCE:${opts.sequence}`);
    else if (/^DTSTAMP:/.test(line)) out.push(`DTSTAMP:${now}`);
    else if (opts.method === 'CANCEL' && line === 'STATUS:CONFIRMED') out.push('STATUS:CANCELLED');
    else out.push(line);
    if (/^UID:/.test(line)) {
      if (opts.organizer) out.push(`ORGANIZER;CN=${param(opts.organizer.name)}:mailto:${address(opts.organizer.email)}`);
      if (opts.attendee)
        out.push(
          `ATTENDEE;CN=${param(opts.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:${address(opts.attendee.email)}`,
        );
    }
  }
  return out.map(foldOnce).join('\r\n') + '\r\n';
}

/** A quoted parameter value: no quotes or control characters inside (RFC 5545 §3.1). */
function param(s: string): string {
  return `"${s.replace(/["\p{Cc}]/gu, '').trim()}"`;
}
function address(s: string): string {
  return s.replace(/[\s\p{Cc}]/gu, '');
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter((l) => l !== '');
}

// The event's own lines repeat in every registrant's file: fold each once.
const foldedLines = new Map<string, string>();
function foldOnce(line: string): string {
  // A UTF-16 unit is at most 3 UTF-8 octets: 25 units always fit in 75 octets.
  if (line.length <= 25) return line;
  let folded = foldedLines.get(line);
  if (folded === undefined) {
    folded = fold(line);
    if (foldedLines.size >= 10_000) foldedLines.clear();
    foldedLines.set(line, folded);
  }
  return folded;
}

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > limit) {
      parts.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
