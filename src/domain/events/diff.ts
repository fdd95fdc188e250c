/*
 * What an organiser's edit means to the people registered for the event: pure, no I/O.
 * `replaceEvent` asks it which changes the "event changed" mail must tell (mail/templates).
 *
 * Parts are matched by key, as the document is (decision 002), and compared as a
 * registrant sees them: times as instants (the API may say "…Z" where the database gives
 * "…+01:00"), a meeting's place as the address it resolves to (renaming a venue's key is
 * no news). Text that is only read on the event page (summary, sections, audience, speakers
 * and their bios, descriptions, contributors, directions, a map point) mails nobody, and
 * neither do settings a registrant does not act on (capacity, window, questions, contacts).
 */
import type { EventChange } from '../mail/templates';
import type { EventDocument } from './document';

type Meeting = EventDocument['meetings'][number];
type ProgrammeItem = EventDocument['programme'][number];

/** The order in which the mail lists them. */
const ORDER: EventChange[] = ['dates', 'venue', 'online', 'programme'];

/**
 * What a registrant must hear about after `before` became `after`; empty when nothing.
 * A cancellation is told alone: for an event that will not take place, the rest is moot.
 * So is its undoing: whoever was told it is off hears it is on, with all current details.
 */
export function eventChanges(before: EventDocument, after: EventDocument): EventChange[] {
  if (before.status !== 'cancelled' && after.status === 'cancelled') return ['cancelled'];
  if (before.status === 'cancelled' && after.status === 'published') return ['reinstated'];
  const found = new Set<EventChange>();
  if (meetingsMoved(before, after)) found.add('dates');
  for (const [a, b] of pairedByKey(before.meetings, after.meetings)) {
    if (!samePlace(placeOf(before, a), placeOf(after, b))) found.add('venue');
    if (a.online !== b.online || (a.joinUrl ?? null) !== (b.joinUrl ?? null)) found.add('online');
  }
  if (programmeChanged(before, after)) found.add('programme');
  return ORDER.filter((c) => found.has(c));
}

/** A meeting added, removed, or moved. Each meeting is its own calendar entry (UID by key). */
function meetingsMoved(before: EventDocument, after: EventDocument): boolean {
  if (!sameKeys(before.meetings, after.meetings)) return true;
  return pairedByKey(before.meetings, after.meetings).some(([a, b]) => !sameInstant(a.startsAt, b.startsAt) || !sameInstant(a.endsAt, b.endsAt));
}

/**
 * The timetable everyone follows (items and rounds): one added, removed, moved, retitled
 * or turned into a round. Workshops: one removed, retitled, or taken out of a round. A new
 * workshop, or one offered in an extra round, changes nobody's choice: the page shows it.
 */
function programmeChanged(before: EventDocument, after: EventDocument): boolean {
  if (!sameKeys(before.programme, after.programme)) return true;
  const itemMoved = ([a, b]: [ProgrammeItem, ProgrammeItem]) =>
    a.kind !== b.kind || a.title !== b.title || !sameInstant(a.startsAt, b.startsAt) || !sameInstant(a.endsAt, b.endsAt);
  if (pairedByKey(before.programme, after.programme).some(itemMoved)) return true;
  const kept = new Map(after.workshops.map((w) => [w.key, w]));
  return before.workshops.some((w) => {
    const now = kept.get(w.key);
    return !now || now.title !== w.title || w.rounds.some((r) => !now.rounds.includes(r));
  });
}

interface Place {
  name: string;
  street: string | null;
  postcode: string | null;
  city: string;
}

/** The address a meeting is held at, as the mail and the invitation show it; null online only. */
function placeOf(doc: EventDocument, m: Meeting): Place | null {
  const v = m.venue === undefined ? undefined : doc.venues.find((x) => x.key === m.venue);
  return v ? { name: v.name, street: v.street ?? null, postcode: v.postcode ?? null, city: v.city } : null;
}

function samePlace(a: Place | null, b: Place | null): boolean {
  if (a === null || b === null) return a === b;
  return a.name === b.name && a.street === b.street && a.postcode === b.postcode && a.city === b.city;
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Date.parse(a) === Date.parse(b);
}

function sameKeys(a: { key: string }[], b: { key: string }[]): boolean {
  const keys = new Set(b.map((x) => x.key));
  return a.length === b.length && a.every((x) => keys.has(x.key));
}

/** Parts present before and after, paired by key. */
function pairedByKey<T extends { key: string }>(before: T[], after: T[]): [T, T][] {
  const byKey = new Map(after.map((x) => [x.key, x]));
  return before.flatMap((x) => {
    const y = byKey.get(x.key);
    return y ? [[x, y] as [T, T]] : [];
  });
}
