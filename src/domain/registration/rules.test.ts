import { describe, expect, it } from 'vitest';
import {
  acceptedStatus,
  countDecision,
  decideChoiceChange,
  decideRegistration,
  currentWaitReason,
  firstEligible,
  offerExpiry,
  organisationKey,
  promotionStatus,
  movedUpSummary,
  type EventCounters,
  type RegistrationRequest,
} from './rules';

const counters = (over: Partial<EventCounters> = {}): EventCounters => ({
  capacity: 100,
  holding: 0,
  waitlistEnabled: true,
  approvalRequired: false,
  limits: {},
  roundKeys: ['r1', 'r2'],
  workshopRounds: [
    { roundKey: 'r1', workshopKey: 'abcd', capacity: 2, taken: 0 },
    { roundKey: 'r2', workshopKey: 'abcd', capacity: 2, taken: 0 },
    { roundKey: 'r1', workshopKey: 'geld', capacity: null, taken: 0 },
    { roundKey: 'r2', workshopKey: 'corp', capacity: 5, taken: 0 },
  ],
  organisations: {},
  ...over,
});
const req = (over: Partial<RegistrationRequest> = {}): RegistrationRequest => ({
  choices: [
    { roundKey: 'r1', workshopKey: 'geld' },
    { roundKey: 'r2', workshopKey: 'abcd' },
  ],
  organisationKey: 'utrecht',
  organisationKind: 'gemeente',
  domain: null,
  ...over,
});

describe('organisationKey', () => {
  it.each([
    ['Gemeente Den Haag', 'den haag'],
    ['gemeente  den-haag', 'den haag'],
    ['Den Haag', 'den haag'],
    ["'s-Hertogenbosch", 's hertogenbosch'],
    ['Coöperatie Wijkbedrijf', 'cooperatie wijkbedrijf'],
    ['   ', null],
    [null, null],
  ])('%j → %j', (name, key) => {
    expect(organisationKey(name)).toBe(key);
  });
});

describe('decideRegistration', () => {
  it.each([
    ['confirms with a seat in each chosen workshop', counters(), req(), { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] }],
    ['confirms the 100th registrant', counters({ holding: 99 }), req(), { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] }],
    ['puts the 101st registrant on the waiting list', counters({ holding: 100 }), req(), { kind: 'waitlisted', reason: 'event_full', statuses: ['waitlisted', 'waitlisted'] }],
    ['refuses when full and there is no waiting list', counters({ holding: 100, waitlistEnabled: false }), req(), { kind: 'full' }],
    ['confirms without a capacity', counters({ capacity: null, holding: 10_000 }), req(), { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] }],
    [
      'confirms the event seat but waitlists a full workshop',
      counters({ workshopRounds: counters().workshopRounds.map((o) => (o.workshopKey === 'abcd' && o.roundKey === 'r2' ? { ...o, taken: 2 } : o)) }),
      req(),
      { kind: 'confirmed', statuses: ['confirmed', 'waitlisted'] },
    ],
    ['holds the seat as pending when approval is required', counters({ approvalRequired: true }), req(), { kind: 'pending', statuses: ['pending', 'pending'] }],
    [
      'waitlists a fourth person of one municipality (max 3)',
      counters({ limits: { perOrganisation: 3 }, organisations: { utrecht: { holding: 3, perDomain: {} } } }),
      req(),
      { kind: 'waitlisted', reason: 'organisation_full', statuses: ['waitlisted', 'waitlisted'] },
    ],
    [
      'admits a third person of one municipality (max 3)',
      counters({ limits: { perOrganisation: 3 }, organisations: { utrecht: { holding: 2, perDomain: {} } } }),
      req(),
      { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] },
    ],
    [
      'waitlists a 21st municipality (max 20)',
      counters({ limits: { maxOrganisations: 20 }, organisations: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`g${i}`, { holding: 1, perDomain: {} }])) }),
      req(),
      { kind: 'waitlisted', reason: 'organisations_full', statuses: ['waitlisted', 'waitlisted'] },
    ],
    [
      'admits another person of one of the 20 municipalities',
      counters({ limits: { maxOrganisations: 20 }, organisations: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i === 0 ? 'utrecht' : `g${i}`, { holding: 1, perDomain: {} }])) }),
      req(),
      { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] },
    ],
    [
      'does not count organisations whose people all left',
      counters({ limits: { maxOrganisations: 1 }, organisations: { amsterdam: { holding: 0, perDomain: {} } } }),
      req(),
      { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] },
    ],
    [
      'waitlists a second person in the same policy domain of one municipality (max 1 per domain)',
      counters({ limits: { domains: { options: ['Onderwijs', 'Veiligheid'], maxPerDomainPerOrganisation: 1 } }, organisations: { utrecht: { holding: 1, perDomain: { Onderwijs: 1 } } } }),
      req({ domain: 'Onderwijs' }),
      { kind: 'waitlisted', reason: 'domain_full', statuses: ['waitlisted', 'waitlisted'] },
    ],
    [
      'admits a second person of that municipality from another domain',
      counters({ limits: { domains: { options: ['Onderwijs', 'Veiligheid'], maxPerDomainPerOrganisation: 1 } }, organisations: { utrecht: { holding: 1, perDomain: { Onderwijs: 1 } } } }),
      req({ domain: 'Veiligheid' }),
      { kind: 'confirmed', statuses: ['confirmed', 'confirmed'] },
    ],
  ])('%s', (_name, c, r, expected) => {
    const d = decideRegistration(c, r);
    expect(d.kind).toBe(expected.kind);
    if ('reason' in expected) expect(d).toMatchObject({ reason: expected.reason });
    if ('statuses' in expected && 'choices' in d) expect(d.choices.map((x) => x.status)).toEqual(expected.statuses);
  });

  it.each([
    ['no choice in a round', req({ choices: [{ roundKey: 'r1', workshopKey: 'geld' }] }), 'choices.r2', /Kies een deelsessie/],
    ['two choices in one round', req({ choices: [{ roundKey: 'r1', workshopKey: 'geld' }, { roundKey: 'r1', workshopKey: 'abcd' }, { roundKey: 'r2', workshopKey: 'corp' }] }), 'choices.r1', /één deelsessie per ronde/],
    ['the same workshop in both rounds', req({ choices: [{ roundKey: 'r1', workshopKey: 'abcd' }, { roundKey: 'r2', workshopKey: 'abcd' }] }), 'choices.r2', /niet twee keer/],
    ['a workshop not given in that round', req({ choices: [{ roundKey: 'r1', workshopKey: 'corp' }, { roundKey: 'r2', workshopKey: 'abcd' }] }), 'choices.r1', /niet gegeven/],
    ['a round that does not exist', req({ choices: [{ roundKey: 'r1', workshopKey: 'geld' }, { roundKey: 'r2', workshopKey: 'abcd' }, { roundKey: 'r9', workshopKey: 'geld' }] }), 'choices.r9', /bestaat niet/],
  ])('rejects %s', (_name, r, path, message) => {
    const d = decideRegistration(counters(), r);
    expect(d.kind).toBe('invalid');
    if (d.kind !== 'invalid') return;
    expect(d.problems.find((p) => p.path === path)?.message).toMatch(message);
  });

  it.each([
    ['an institute where only municipalities may register', counters({ limits: { organisationKinds: ['gemeente'] } }), req({ organisationKind: 'kennisinstituut' }), 'organisationKind'],
    ['no organisation where organisations are limited', counters({ limits: { perOrganisation: 3 } }), req({ organisationKey: null }), 'organisation'],
    ['no policy domain where a spread is asked', counters({ limits: { domains: { options: ['Onderwijs'] } } }), req({ domain: null }), 'domain'],
    ['a policy domain that is not on the list', counters({ limits: { domains: { options: ['Onderwijs'] } } }), req({ domain: 'Sport' }), 'domain'],
  ])('rejects %s', (_name, c, r, path) => {
    const d = decideRegistration(c, r);
    expect(d.kind).toBe('invalid');
    expect(d.kind === 'invalid' && d.problems.map((p) => p.path)).toContain(path);
  });
});

describe('firstEligible (who moves up from the waiting list)', () => {
  const waiting = [
    { id: 'w1', organisationKey: 'utrecht', domain: null },
    { id: 'w2', organisationKey: 'zwolle', domain: null },
    { id: 'w3', organisationKey: 'zwolle', domain: null },
  ];
  it.each([
    ['the first in arrival order', counters({ holding: 99 }), 'w1'],
    ['nobody while the event is still full', counters({ holding: 100 }), null],
    ['skips an entry whose municipality is at its limit', counters({ holding: 50, limits: { perOrganisation: 3 }, organisations: { utrecht: { holding: 3, perDomain: {} } } }), 'w2'],
    ['nobody when every waiting organisation is at its limit', counters({ holding: 50, limits: { perOrganisation: 1 }, organisations: { utrecht: { holding: 1, perDomain: {} }, zwolle: { holding: 1, perDomain: {} } } }), null],
  ])('chooses %s', (_name, c, expected) => {
    expect(firstEligible(c, waiting)?.id ?? null).toBe(expected);
  });
});

describe('currentWaitReason (why someone waits now)', () => {
  const entry = { id: 'w1', organisationKey: 'utrecht', domain: 'onderwijs' };
  it.each([
    ['the event, when the organisation has room', counters({ holding: 100, limits: { perOrganisation: 3 }, organisations: { utrecht: { holding: 2, perDomain: {} } } }), 'event_full'],
    ['the organisation, while it has its maximum', counters({ holding: 100, limits: { perOrganisation: 3 }, organisations: { utrecht: { holding: 3, perDomain: {} } } }), 'organisation_full'],
    ['the number of organisations, for one not yet in', counters({ holding: 10, limits: { maxOrganisations: 1 }, organisations: { zwolle: { holding: 1, perDomain: {} } } }), 'organisations_full'],
    ['the domain, when the organisation has its share of it', counters({ holding: 10, limits: { domains: { options: ['onderwijs'], maxPerDomainPerOrganisation: 1 } }, organisations: { utrecht: { holding: 1, perDomain: { onderwijs: 1 } } } }), 'domain_full'],
  ])('is %s', (_name, c, expected) => {
    expect(currentWaitReason(c, entry)).toBe(expected);
  });
});

describe('countDecision (a batch sees the places taken before it)', () => {
  const seatsOf = (c: EventCounters) => Object.fromEntries(c.workshopRounds.map((o) => [`${o.roundKey}/${o.workshopKey}`, o.taken]));
  const seated = (statuses: ('confirmed' | 'pending' | 'waitlisted')[]) =>
    req().choices.map((c, i) => ({ ...c, status: statuses[i]! }));
  it.each([
    [
      'counts a confirmed registration: the event, its organisation and both seats',
      counters(),
      req(),
      { kind: 'confirmed', choices: seated(['confirmed', 'confirmed']) } as const,
      { holding: 1, organisation: { holding: 1, perDomain: {} }, seats: { 'r1/geld': 1, 'r2/abcd': 1 } },
    ],
    [
      'counts a pending registration like a confirmed one (it holds its seat)',
      counters({ holding: 5 }),
      req({ domain: 'Onderwijs' }),
      { kind: 'pending', choices: seated(['pending', 'pending']) } as const,
      { holding: 6, organisation: { holding: 1, perDomain: { Onderwijs: 1 } }, seats: { 'r1/geld': 1, 'r2/abcd': 1 } },
    ],
    [
      'counts the event place but no seat in a workshop it waits for',
      counters({ organisations: { utrecht: { holding: 2, perDomain: { Onderwijs: 2 } } } }),
      req({ domain: 'Onderwijs' }),
      { kind: 'confirmed', choices: seated(['confirmed', 'waitlisted']) } as const,
      { holding: 1, organisation: { holding: 3, perDomain: { Onderwijs: 3 } }, seats: { 'r1/geld': 1, 'r2/abcd': 0 } },
    ],
    [
      'counts nothing for a registration on the waiting list',
      counters({ holding: 100 }),
      req(),
      { kind: 'waitlisted', reason: 'event_full', choices: seated(['waitlisted', 'waitlisted']) } as const,
      { holding: 100, organisation: undefined, seats: { 'r1/geld': 0, 'r2/abcd': 0 } },
    ],
    ['counts nothing for a refusal (full, no waiting list)', counters({ holding: 100, waitlistEnabled: false }), req(), { kind: 'full' } as const, { holding: 100, organisation: undefined, seats: { 'r1/geld': 0, 'r2/abcd': 0 } }],
    [
      'counts the event place of someone without an organisation, but no organisation',
      counters(),
      req({ organisationKey: null }),
      { kind: 'confirmed', choices: seated(['confirmed', 'confirmed']) } as const,
      { holding: 1, organisation: undefined, seats: { 'r1/geld': 1, 'r2/abcd': 1 } },
    ],
  ])('%s', (_name, before, r, decision, expected) => {
    const frozen = structuredClone(before);
    const after = countDecision(before, r, decision);
    expect(after.holding).toBe(expected.holding);
    expect(after.organisations.utrecht).toEqual(expected.organisation);
    expect(seatsOf(after)).toMatchObject(expected.seats);
    // The counters it was given stay as they were: a failed batch can start over from them.
    expect(before).toEqual(frozen);
  });

  it('keeps extra fields of the counters (the service keeps database ids in them)', () => {
    const withIds = { ...counters(), ids: new Map([['r1/geld', { roundId: 'a', workshopId: 'b' }]]) };
    expect(countDecision(withIds, req(), { kind: 'confirmed', choices: seated(['confirmed', 'confirmed']) }).ids).toBe(withIds.ids);
  });
});

describe('promotionStatus (what someone moved up from the waiting list gets)', () => {
  it.each([
    [{ offerHours: 48, approvalRequired: false }, 'offered'],
    [{ offerHours: 1, approvalRequired: true }, 'offered'],
    [{ offerHours: null, approvalRequired: false }, 'confirmed'],
    [{ offerHours: null, approvalRequired: true }, 'pending'],
    [{ offerHours: 0, approvalRequired: false }, 'confirmed'],
  ] as const)('%j → %s', (settings, status) => {
    expect(promotionStatus(settings)).toBe(status);
  });
});

describe('offerExpiry', () => {
  it.each([
    ['2026-11-22T11:00:00Z', 1, '2026-11-22T12:00:00Z'],
    ['2026-11-22T11:00:00Z', 48, '2026-11-24T11:00:00Z'],
    ['2026-11-22T11:00:00Z', 336, '2026-12-06T11:00:00Z'],
    // Hours are hours: across the end of summer time the wall clock shows one hour less.
    ['2026-10-24T10:00:00Z', 24, '2026-10-25T10:00:00Z'],
  ])('an offer made at %s for %i hours lapses at %s', (now, hours, expected) => {
    expect(offerExpiry(new Date(now), hours)!.toISOString()).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['well before the start: the full offer hours', '2026-11-22T11:00:00Z', 24, '2026-11-30T09:00:00Z', '2026-11-23T11:00:00Z'],
    ['close to the start: until the start', '2026-11-30T01:00:00Z', 24, '2026-11-30T09:00:00Z', '2026-11-30T09:00:00Z'],
    ['at the start: no offer', '2026-11-30T09:00:00Z', 24, '2026-11-30T09:00:00Z', null],
    ['after the start: no offer', '2026-11-30T12:00:00Z', 24, '2026-11-30T09:00:00Z', null],
  ])('%s', (_name, now, hours, startsAt, expected) => {
    expect(offerExpiry(new Date(now), hours, new Date(startsAt))?.toISOString() ?? null).toBe(expected === null ? null : new Date(expected).toISOString());
  });
});

describe('acceptedStatus', () => {
  it.each([
    [false, 'confirmed'],
    [true, 'pending'],
  ] as const)('approval required: %s → %s', (approval, status) => {
    expect(acceptedStatus(approval)).toBe(status);
  });
});

describe('decideChoiceChange (changing workshops through the personal link)', () => {
  const full = (roundKey: string, workshopKey: string) =>
    counters({ workshopRounds: counters().workshopRounds.map((o) => (o.roundKey === roundKey && o.workshopKey === workshopKey ? { ...o, taken: o.capacity ?? 0 } : o)) });
  const current = [
    { roundKey: 'r1', workshopKey: 'geld', status: 'confirmed' },
    { roundKey: 'r2', workshopKey: 'corp', status: 'confirmed' },
  ];
  const confirmed = { status: 'confirmed', approvalRequired: false };
  const wanted = (r1: string, r2: string) => [
    { roundKey: 'r1', workshopKey: r1 },
    { roundKey: 'r2', workshopKey: r2 },
  ];

  it.each([
    ['leaves everything as it was', counters(), confirmed, wanted('geld', 'corp'), { kind: 'unchanged' }],
    [
      'moves to a workshop with room',
      counters(),
      confirmed,
      wanted('geld', 'abcd'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: 'corp', to: 'abcd', status: 'confirmed' }] },
    ],
    [
      'moves in both rounds at once',
      counters(),
      confirmed,
      wanted('abcd', 'corp'),
      { kind: 'changed', changes: [{ roundKey: 'r1', from: 'geld', to: 'abcd', status: 'confirmed' }] },
    ],
    [
      'keeps a full workshop that is already the current choice',
      full('r2', 'corp'),
      confirmed,
      wanted('abcd', 'corp'),
      { kind: 'changed', changes: [{ roundKey: 'r1', from: 'geld', to: 'abcd', status: 'confirmed' }] },
    ],
    [
      'holds the new seat as pending while approval is required',
      counters(),
      { status: 'confirmed', approvalRequired: true },
      wanted('geld', 'abcd'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: 'corp', to: 'abcd', status: 'pending' }] },
    ],
    [
      'holds the new seat as pending for a registration awaiting approval',
      counters(),
      { status: 'pending', approvalRequired: false },
      wanted('geld', 'abcd'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: 'corp', to: 'abcd', status: 'pending' }] },
    ],
    [
      'lets someone with an offered place take a workshop with room',
      counters(),
      { status: 'offered', approvalRequired: false },
      wanted('geld', 'abcd'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: 'corp', to: 'abcd', status: 'confirmed' }] },
    ],
    [
      'lets someone on the waiting list choose a full workshop: their choices wait anyway',
      full('r2', 'abcd'),
      { status: 'waitlisted', approvalRequired: false },
      wanted('geld', 'abcd'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: 'corp', to: 'abcd', status: 'waitlisted' }] },
    ],
    [
      'fills a round that had no choice yet',
      counters(),
      confirmed,
      wanted('geld', 'corp'),
      { kind: 'changed', changes: [{ roundKey: 'r2', from: null, to: 'corp', status: 'confirmed' }] },
      [{ roundKey: 'r1', workshopKey: 'geld', status: 'confirmed' }],
    ],
  ])('%s', (_name, c, registration, w, expected, mine = current) => {
    expect(decideChoiceChange(c, registration, mine, w)).toEqual(expected);
  });

  it.each([
    ['a full workshop', full('r2', 'abcd'), confirmed, wanted('geld', 'abcd'), 'choices.r2', /vol/],
    ['a round left empty', counters(), confirmed, [{ roundKey: 'r1', workshopKey: 'geld' }], 'choices.r2', /Kies een deelsessie/],
    ['the same workshop in both rounds', counters(), confirmed, wanted('abcd', 'abcd'), 'choices.r2', /niet twee keer/],
    ['a workshop not given in that round', counters(), confirmed, wanted('corp', 'abcd'), 'choices.r1', /niet gegeven/],
    ['a cancelled registration', counters(), { status: 'cancelled', approvalRequired: false }, wanted('geld', 'abcd'), 'choices', /niet meer actief/],
    ['a lapsed offer', counters(), { status: 'expired', approvalRequired: false }, wanted('geld', 'abcd'), 'choices', /niet meer actief/],
    ['a refused registration', counters(), { status: 'refused', approvalRequired: false }, wanted('geld', 'corp'), 'choices', /niet meer actief/],
  ])('refuses %s', (_name, c, registration, w, path, message) => {
    const d = decideChoiceChange(c, registration, current, w);
    expect(d.kind).toBe('invalid');
    if (d.kind !== 'invalid') return;
    expect(d.problems.find((p) => p.path === path)?.message).toMatch(message);
  });

  it('does not count the seat someone leaves as free for their own move into that workshop', () => {
    // abcd is full in round 2 only; leaving it in round 1 gives nothing in round 2.
    const c = full('r2', 'abcd');
    const d = decideChoiceChange(c, confirmed, [{ roundKey: 'r1', workshopKey: 'abcd', status: 'confirmed' }, { roundKey: 'r2', workshopKey: 'corp', status: 'confirmed' }], wanted('geld', 'abcd'));
    expect(d.kind).toBe('invalid');
  });
});

describe('movedUpSummary (the log line of someone moved up by a freed place)', () => {
  it('names the person and what they got: a place, a wait for approval, or an offer with its end', () => {
    expect(movedUpSummary('Fictieve Jansen', 'confirmed', null)).toBe('Fictieve Jansen van de wachtlijst: plaats bevestigd');
    expect(movedUpSummary('Fictieve Jansen', 'pending', null)).toBe('Fictieve Jansen van de wachtlijst: wacht op goedkeuring');
    expect(movedUpSummary('Fictieve Jansen', 'offered', new Date('2030-03-04T16:30:00+01:00'))).toBe('Fictieve Jansen van de wachtlijst: plaats aangeboden tot maandag 4 maart 2030 16:30 uur');
  });
});
