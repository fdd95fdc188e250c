import { describe, expect, it } from 'vitest';
import { decideRegistration, firstEligible, organisationKey, type EventCounters, type RegistrationRequest } from './rules';

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
