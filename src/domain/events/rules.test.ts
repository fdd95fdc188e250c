import { describe, expect, it } from 'vitest';
import { formatDateRangeNl, isFull, mapUrl, nextVersion, organiserLinkProblems, placesLeft, registrationState, scheduleOf, type RegistrationSettingsView } from './rules';

const t = (s: string) => new Date(s);
const base: RegistrationSettingsView = { mode: 'form', opensAt: null, closesAt: null, capacity: 75, waitlist: true };
const now = t('2026-11-22T12:00:00+01:00');
const future = t('2026-12-16T17:30:00+01:00');

describe('registrationState', () => {
  it.each([
    ['open with places left', {}, 'published', 10, future, { kind: 'open', placesLeft: 65, closesAt: null }],
    ['open without a capacity', { capacity: null }, 'published', 500, future, { kind: 'open', placesLeft: null, closesAt: null }],
    ['full with the waiting list open when the 75th seat is taken', {}, 'published', 75, future, { kind: 'full', waitlistOpen: true }],
    ['full without a waiting list', { waitlist: false }, 'published', 75, future, { kind: 'full', waitlistOpen: false }],
    ['full when confirmed exceed a lowered capacity', { capacity: 50 }, 'published', 75, future, { kind: 'full', waitlistOpen: true }],
    ['not yet open before the opening', { opensAt: t('2026-11-23T09:00:00+01:00') }, 'published', 0, future, { kind: 'not_yet_open', opensAt: t('2026-11-23T09:00:00+01:00') }],
    ['closed at the deadline itself', { closesAt: now }, 'published', 0, future, { kind: 'deadline_passed', closedAt: now }],
    ['closed after the deadline even with places left', { closesAt: t('2026-09-16T23:59:00+02:00') }, 'published', 3, future, { kind: 'deadline_passed', closedAt: t('2026-09-16T23:59:00+02:00') }],
    ['past once the event has ended', {}, 'published', 10, t('2026-11-22T11:00:00+01:00'), { kind: 'past' }],
    ['cancelled, also when full', {}, 'cancelled', 75, future, { kind: 'cancelled' }],
    ['no registration for walk-in events', { mode: 'none' as const }, 'published', 0, future, { kind: 'none' }],
  ] as const)('%s', (_name, settings, status, confirmed, eventEndsAt, expected) => {
    expect(registrationState({ status, settings: { ...base, ...settings }, eventEndsAt, confirmed, now })).toEqual(expected);
  });
});

describe('workshop seats', () => {
  it.each([
    [{ capacity: 15, taken: 15 }, true, 0],
    [{ capacity: 15, taken: 14 }, false, 1],
    [{ capacity: 0, taken: 0 }, true, 0],
    [{ capacity: null, taken: 400 }, false, null],
  ])('%o is full: %s, places left: %s', (seats, full, left) => {
    expect(isFull(seats)).toBe(full);
    expect(placesLeft(seats)).toBe(left);
  });
});

describe('mapUrl', () => {
  it('searches OpenStreetMap for the address when no position is given', () => {
    expect(mapUrl({ name: 'Bazaar of Ideas', street: 'Hoefkade 9', postcode: '2526 BN', city: 'Den Haag' })).toBe(
      'https://www.openstreetmap.org/search?query=Hoefkade%209%2C%202526%20BN%20Den%20Haag',
    );
  });
  it('points at the exact position when the organiser gave one', () => {
    expect(mapUrl({ name: 'x', city: 'Doorn', latitude: 52.03, longitude: 5.34 })).toBe(
      'https://www.openstreetmap.org/?mlat=52.03&mlon=5.34#map=17/52.03/5.34',
    );
  });
});

describe('scheduleOf', () => {
  it('reads one afternoon as a date and a time range', () => {
    expect(scheduleOf([{ startsAt: t('2021-01-28T13:00:00+01:00'), endsAt: t('2021-01-28T17:00:00+01:00') }])).toEqual({
      kind: 'single',
      date: 'donderdag 28 januari 2021',
      time: '13:00–17:00 uur',
    });
  });
  it('reads three consecutive days with the same hours as one range', () => {
    const day = (n: number) => ({ startsAt: t(`2022-11-${n}T09:30:00+01:00`), endsAt: t(`2022-11-${n}T17:00:00+01:00`) });
    expect(scheduleOf([day(23), day(21), day(22)])).toEqual({
      kind: 'days',
      date: 'maandag 21 t/m woensdag 23 november 2022',
      time: '9:30–17:00 uur',
      days: 3,
    });
  });
  it('reads one meeting spanning several days as a range without hours', () => {
    expect(scheduleOf([{ startsAt: t('2022-11-21T09:30:00+01:00'), endsAt: t('2022-11-23T17:00:00+01:00') }])).toMatchObject({
      kind: 'days',
      time: null,
      days: 3,
    });
  });
  it('reads titled meetings as a series (a course)', () => {
    const m = (d: string, title: string) => ({ startsAt: t(`${d}T14:00:00+01:00`), endsAt: t(`${d}T17:00:00+01:00`), title });
    expect(scheduleOf([m('2021-11-11', 'Waarom?'), m('2021-12-02', 'Wat?'), m('2022-01-20', 'Hoe?'), m('2022-01-27', 'Borging')])).toEqual({
      kind: 'series',
      date: 'donderdag 11 november 2021 t/m donderdag 27 januari 2022',
      count: 4,
    });
  });
  it('uses the Amsterdam calendar day, not UTC, across midnight UTC', () => {
    // 00:30 in Amsterdam is still the previous day in UTC.
    expect(scheduleOf([{ startsAt: t('2021-06-01T00:30:00+02:00'), endsAt: t('2021-06-01T02:00:00+02:00') }])).toMatchObject({
      date: 'dinsdag 1 juni 2021',
    });
  });
});

describe('formatDateRangeNl', () => {
  it.each([
    ['2022-11-21T09:30:00+01:00', '2022-11-23T17:00:00+01:00', 'maandag 21 t/m woensdag 23 november 2022'],
    ['2021-11-11T14:00:00+01:00', '2021-12-02T17:00:00+01:00', 'donderdag 11 november t/m donderdag 2 december 2021'],
    ['2021-12-30T14:00:00+01:00', '2022-01-02T17:00:00+01:00', 'donderdag 30 december 2021 t/m zondag 2 januari 2022'],
    ['2021-01-28T13:00:00+01:00', '2021-01-28T17:00:00+01:00', 'donderdag 28 januari 2021'],
  ])('%s – %s reads "%s"', (a, b, expected) => {
    expect(formatDateRangeNl(t(a), t(b))).toBe(expected);
  });
});

describe('organiserLinkProblems', () => {
  const link = (organiserId: string, role: 'organiser' | 'co_organiser', claimed = true) => ({ organiserId, role, claimed });
  it.each([
    ['an organiser links itself', 'a', [], [link('a', 'organiser')], 0],
    ['a new, unclaimed co-organiser is named', 'a', [link('a', 'organiser')], [link('a', 'organiser'), link('x', 'co_organiser', false)], 0],
    ['a claimed organiser is attached by someone else', 'a', [link('a', 'organiser')], [link('a', 'organiser'), link('b', 'co_organiser')], 1],
    ['a co-organiser removes the main organiser', 'b', [link('a', 'organiser'), link('b', 'co_organiser')], [link('b', 'organiser')], 1],
    ['a co-organiser takes over the main role', 'b', [link('a', 'organiser'), link('b', 'co_organiser')], [link('a', 'co_organiser'), link('b', 'organiser')], 1],
    ['the main organiser removes a co-organiser', 'a', [link('a', 'organiser'), link('b', 'co_organiser')], [link('a', 'organiser')], 0],
    ['a co-organiser edits and keeps everyone', 'b', [link('a', 'organiser'), link('b', 'co_organiser')], [link('a', 'organiser'), link('b', 'co_organiser')], 0],
    ['a co-organiser drops an unclaimed partner', 'b', [link('a', 'organiser'), link('b', 'co_organiser'), link('x', 'co_organiser', false)], [link('a', 'organiser'), link('b', 'co_organiser')], 0],
  ])('%s: %i problem(s)', (_name, actorId, existing, proposed, count) => {
    expect(organiserLinkProblems({ actorId, existing, proposed })).toHaveLength(count);
  });
});

describe('nextVersion', () => {
  it.each([
    ['the clock when it is a second or more later', '2026-11-22T11:00:00.250Z', '2026-11-22T11:00:05.100Z', '2026-11-22T11:00:05.100Z'],
    ['the next whole second when the clock is in the same second', '2026-11-22T11:00:00.250Z', '2026-11-22T11:00:00.900Z', '2026-11-22T11:00:01.000Z'],
    ['the next whole second under a fixed clock', '2026-11-22T11:00:00.000Z', '2026-11-22T11:00:00.000Z', '2026-11-22T11:00:01.000Z'],
    ['the next whole second when the clock is behind', '2026-11-22T11:00:07.000Z', '2026-11-22T11:00:03.000Z', '2026-11-22T11:00:08.000Z'],
  ])('takes %s', (_name, previous, now, expected) => {
    expect(nextVersion(t(previous), t(now))).toEqual(t(expected));
  });
});
