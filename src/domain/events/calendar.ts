import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { DateTime } from 'luxon';
import { ZONE } from '../../kernel/dates';
import type { EventDocument } from './document';

/*
 * iCalendar for events: one VEVENT per meeting (a course's meetings each land in the
 * calendar on their own day), times in Europe/Amsterdam with its VTIMEZONE so Outlook
 * shows them right. UIDs are stable (event id + meeting key), so a re-import updates.
 */

export interface CalendarOptions {
  /** Absolute base URL of the site, for the URL field of each entry. */
  baseUrl: string;
  /** PUBLISH for feeds and downloads; REQUEST for invitations attached to mails. */
  method?: 'PUBLISH' | 'REQUEST';
  /** Include join links (only for a registrant's own calendar). */
  includeJoinUrl?: boolean;
  name?: string;
}

function locationOf(doc: EventDocument, meeting: EventDocument['meetings'][number], includeJoinUrl: boolean): string {
  const venue = doc.venues.find((v) => v.key === meeting.venue);
  const parts: string[] = [];
  if (venue) parts.push([venue.name, venue.street, [venue.postcode, venue.city].filter(Boolean).join(' ')].filter(Boolean).join(', '));
  if (meeting.online) parts.push(includeJoinUrl && meeting.joinUrl ? `Online: ${meeting.joinUrl}` : 'Online');
  return parts.join(' / ');
}

export function eventsCalendar(docs: EventDocument[], opts: CalendarOptions): string {
  const cal = ical({
    name: opts.name ?? 'bijeen',
    prodId: { company: 'bijeen', product: 'bijeen', language: 'NL' },
    timezone: { name: ZONE, generator: getVtimezoneComponent },
    method: opts.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
  });
  for (const doc of docs) {
    const url = `${opts.baseUrl}/evenementen/${doc.slug}`;
    doc.meetings.forEach((m, i) => {
      const summary =
        doc.meetings.length > 1 ? `${doc.title} (${m.title ?? `dag ${i + 1}`}, ${i + 1}/${doc.meetings.length})` : doc.title;
      cal.createEvent({
        id: `${doc.id ?? doc.slug}-${m.key}@bijeen`,
        // Zone-aware values: with a plain Date, ical-generator writes UTC wall time next
        // to TZID=Europe/Amsterdam, and Outlook would show the meeting an hour off.
        start: DateTime.fromISO(m.startsAt, { zone: ZONE }),
        end: DateTime.fromISO(m.endsAt, { zone: ZONE }),
        timezone: ZONE,
        summary,
        description: `${doc.summary}\n\n${url}`,
        location: locationOf(doc, m, opts.includeJoinUrl ?? false),
        url,
        status: doc.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    });
  }
  return cal.toString();
}
