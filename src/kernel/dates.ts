import { DateTime } from 'luxon';

/** All times are stored as UTC instants and shown in the Netherlands' own zone. */
export const ZONE = 'Europe/Amsterdam';

export function local(d: Date): DateTime {
  return DateTime.fromJSDate(d, { zone: ZONE }).setLocale('nl');
}

/** "donderdag 28 januari 2021" */
export function formatDateNl(d: Date): string {
  return local(d).toFormat('cccc d LLLL yyyy');
}

/** "14:00", "9:30" */
export function formatTimeNl(d: Date): string {
  return local(d).toFormat('H:mm');
}

/** "14:00–17:00 uur" (en dash, as Dutch typography wants). */
export function formatTimeRangeNl(start: Date, end: Date): string {
  return `${formatTimeNl(start)}–${formatTimeNl(end)} uur`;
}

export function sameLocalDay(a: Date, b: Date): boolean {
  return local(a).hasSame(local(b), 'day');
}

/** ISO 8601 with the Amsterdam offset, e.g. 2021-01-28T14:00:00+01:00 — what the API returns. */
export function isoLocal(d: Date): string {
  return local(d).toISO({ suppressMilliseconds: true }) ?? d.toISOString();
}

/** Local calendar date "2021-01-28", for grouping and `<time datetime>`. */
export function isoDateLocal(d: Date): string {
  return local(d).toISODate() ?? d.toISOString().slice(0, 10);
}

/** Whole calendar days from a to b in Amsterdam (b later → positive). */
export function localDayDiff(a: Date, b: Date): number {
  return Math.round(local(b).startOf('day').diff(local(a).startOf('day'), 'days').days);
}
