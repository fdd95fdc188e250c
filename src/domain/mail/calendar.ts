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

export function registrantCalendar(doc: EventDocument, opts: RegistrantCalendarOptions): string {
  const base = eventsCalendar([doc], { baseUrl: opts.baseUrl, method: 'REQUEST', includeJoinUrl: opts.includeJoinUrl, name: doc.title });
  const lines = unfold(base);
  const out: string[] = [];
  for (const line of lines) {
    if (line === 'METHOD:REQUEST') out.push(`METHOD:${opts.method}`);
    else if (/^SEQUENCE:\d+$/.test(line)) out.push(`SEQUENCE:${opts.sequence}`);
    // ical-generator writes DTSTAMP as UTC wall time without the Z when a zone is set.
    else if (/^DTSTAMP:\d{8}T\d{6}$/.test(line)) out.push(`${line}Z`);
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
  return out.map(fold).join('\r\n') + '\r\n';
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

/** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  if (Buffer.byteLength(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let limit = 75;
  for (const ch of line) {
    if (Buffer.byteLength(current + ch) > limit) {
      parts.push(current);
      current = '';
      limit = 74; // continuation lines start with a space
    }
    current += ch;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
