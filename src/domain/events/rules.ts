/*
 * Pure rules about events: plain data and `now` in, decisions out. No I/O.
 */
import { formatDateNl, formatTimeRangeNl, local, localDayDiff, sameLocalDay } from '../../kernel/dates';

export interface RegistrationSettingsView {
  mode: 'form' | 'none';
  opensAt: Date | null;
  closesAt: Date | null;
  capacity: number | null;
  waitlist: boolean;
}

export type RegistrationState =
  | { kind: 'none' }
  | { kind: 'cancelled' }
  | { kind: 'past' }
  | { kind: 'not_yet_open'; opensAt: Date }
  | { kind: 'deadline_passed'; closedAt: Date }
  | { kind: 'full'; waitlistOpen: boolean }
  | { kind: 'open'; placesLeft: number | null; closesAt: Date | null };

type WindowInput = {
  status: 'draft' | 'published' | 'cancelled';
  settings: Pick<RegistrationSettingsView, 'mode' | 'opensAt' | 'closesAt'>;
  eventEndsAt: Date;
  now: Date;
};

/**
 * Whether registration is possible at all right now, apart from places: null when the
 * window is open, else why not. The order matters: a cancelled event is cancelled even
 * before its deadline; after the deadline it is closed.
 */
export function registrationClosed({ status, settings, eventEndsAt, now }: WindowInput): Exclude<RegistrationState, { kind: 'open' } | { kind: 'full' }> | null {
  if (status === 'cancelled') return { kind: 'cancelled' };
  if (now >= eventEndsAt) return { kind: 'past' };
  if (settings.mode === 'none') return { kind: 'none' };
  if (settings.opensAt && now < settings.opensAt) return { kind: 'not_yet_open', opensAt: settings.opensAt };
  if (settings.closesAt && now >= settings.closesAt) return { kind: 'deadline_passed', closedAt: settings.closesAt };
  return null;
}

/** Where registration stands for an event right now: the window, then the places. */
export function registrationState(input: WindowInput & { settings: RegistrationSettingsView; confirmed: number }): RegistrationState {
  const closed = registrationClosed(input);
  if (closed) return closed;
  const { settings, confirmed } = input;
  if (settings.capacity !== null && confirmed >= settings.capacity) return { kind: 'full', waitlistOpen: settings.waitlist };
  return {
    kind: 'open',
    placesLeft: settings.capacity === null ? null : settings.capacity - confirmed,
    closesAt: settings.closesAt,
  };
}

export interface SeatCount {
  capacity: number | null;
  taken: number;
}

/** A workshop in a round is full ("VOL") when its confirmed choices reach its capacity. */
export function isFull(s: SeatCount): boolean {
  return s.capacity !== null && s.taken >= s.capacity;
}

export function placesLeft(s: SeatCount): number | null {
  return s.capacity === null ? null : Math.max(0, s.capacity - s.taken);
}

export interface VenueAddress {
  name: string;
  street?: string | null | undefined;
  postcode?: string | null | undefined;
  city: string;
  latitude?: number | string | null | undefined;
  longitude?: number | string | null | undefined;
}

/**
 * A plain OpenStreetMap link (no embedded third-party frame): to the exact point when the
 * organiser gave one, else a search for the address.
 */
export function mapUrl(v: VenueAddress): string {
  if (v.latitude != null && v.longitude != null && v.latitude !== '' && v.longitude !== '') {
    const lat = Number(v.latitude);
    const lon = Number(v.longitude);
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
  }
  const q = [v.street, [v.postcode, v.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(q || v.name)}`;
}

export interface MeetingTimes {
  startsAt: Date;
  endsAt: Date;
  title?: string | null | undefined;
}

export type Schedule =
  /** One meeting on one day: "donderdag 28 januari 2021", "13:00–17:00 uur". */
  | { kind: 'single'; date: string; time: string }
  /** Consecutive days with the same hours (or one meeting over several days). */
  | { kind: 'days'; date: string; time: string | null; days: number }
  /** A series of meetings, each with its own date (a course). */
  | { kind: 'series'; date: string; count: number };

/** "maandag 21 t/m woensdag 23 november 2022", shortening what both ends share. */
export function formatDateRangeNl(start: Date, end: Date): string {
  const a = local(start);
  const b = local(end);
  if (a.hasSame(b, 'day')) return formatDateNl(start);
  if (a.hasSame(b, 'month')) return `${a.toFormat('cccc d')} t/m ${b.toFormat('cccc d LLLL yyyy')}`;
  if (a.hasSame(b, 'year')) return `${a.toFormat('cccc d LLLL')} t/m ${b.toFormat('cccc d LLLL yyyy')}`;
  return `${formatDateNl(start)} t/m ${formatDateNl(end)}`;
}

/** How an event's dates read as a whole, from its meetings (sorted or not). */
export function scheduleOf(meetingsIn: MeetingTimes[]): Schedule {
  const ms = [...meetingsIn].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
  const first = ms[0];
  const last = ms[ms.length - 1];
  if (!first || !last) throw new Error('An event has at least one meeting.');
  if (ms.length === 1) {
    if (sameLocalDay(first.startsAt, first.endsAt))
      return { kind: 'single', date: formatDateNl(first.startsAt), time: formatTimeRangeNl(first.startsAt, first.endsAt) };
    return {
      kind: 'days',
      date: formatDateRangeNl(first.startsAt, first.endsAt),
      time: null,
      days: localDayDiff(first.startsAt, first.endsAt) + 1,
    };
  }
  const untitled = ms.every((m) => !m.title);
  const consecutive = ms.every((m, i) => i === 0 || localDayDiff(ms[i - 1]!.startsAt, m.startsAt) === 1);
  const oneDayEach = ms.every((m) => sameLocalDay(m.startsAt, m.endsAt));
  if (untitled && consecutive && oneDayEach) {
    const time = formatTimeRangeNl(first.startsAt, first.endsAt);
    const sameHours = ms.every((m) => formatTimeRangeNl(m.startsAt, m.endsAt) === time);
    return { kind: 'days', date: formatDateRangeNl(first.startsAt, last.endsAt), time: sameHours ? time : null, days: ms.length };
  }
  return { kind: 'series', date: formatDateRangeNl(first.startsAt, last.startsAt), count: ms.length };
}

/**
 * The updated_at of an edit. Strictly later than before even under a fixed clock (page
 * caches and mail dedupe keys are per version), and in a later whole second: an
 * invitation's SEQUENCE counts seconds (mail/calendar.ts), and a calendar only takes an
 * update whose SEQUENCE is higher than that of the invitation it already has.
 */
export function nextVersion(previous: Date, now: Date): Date {
  const nextSecond = (Math.floor(previous.getTime() / 1000) + 1) * 1000;
  return new Date(Math.max(now.getTime(), nextSecond));
}

/** A report is public from its publication moment on; without one it is a draft. */
export function isPublished(publishedAt: Date | null | undefined, now: Date): boolean {
  return publishedAt != null && publishedAt <= now;
}

export interface OrganiserLink {
  organiserId: string;
  role: 'organiser' | 'co_organiser';
  /** Has API tokens (later: accounts): it speaks for itself and must consent to links. */
  claimed: boolean;
}

/**
 * Which organiser links an acting organiser may write. Anyone may link itself and
 * organisers nobody has claimed yet (named in a document, without tokens). A claimed
 * organiser is linked only by itself; once linked, only the main organiser may remove it
 * or change its role. Returns the problems, empty when the change is allowed.
 */
export function organiserLinkProblems(input: {
  actorId: string;
  existing: OrganiserLink[];
  proposed: OrganiserLink[];
}): { organiserId: string; message: string }[] {
  const { actorId, existing, proposed } = input;
  const actorIsMain = existing.some((l) => l.organiserId === actorId && l.role === 'organiser');
  const problems: { organiserId: string; message: string }[] = [];
  const problem = (organiserId: string, message: string) => problems.push({ organiserId, message });
  for (const p of proposed) {
    if (p.organiserId === actorId || !p.claimed) continue;
    const before = existing.find((e) => e.organiserId === p.organiserId);
    if (!before) problem(p.organiserId, 'een organisator met een eigen account koppelt zichzelf aan een evenement.');
    else if (before.role !== p.role && !actorIsMain) problem(p.organiserId, 'alleen de hoofdorganisator wijzigt de rol van een andere organisator.');
  }
  if (!actorIsMain)
    for (const e of existing)
      if (e.claimed && e.organiserId !== actorId && !proposed.some((p) => p.organiserId === e.organiserId))
        problem(e.organiserId, 'alleen de hoofdorganisator kan een andere organisator loskoppelen.');
  return problems;
}
