import type { EventDocumentInput } from '../src/domain/events/document';

/** A small but complete event: two rounds, a workshop in both, a venue, a speaker. */
export function eventDocument(overrides: Partial<EventDocumentInput> = {}): EventDocumentInput {
  return {
    slug: 'proefdag-wijkaanpak',
    title: 'Proefdag wijkaanpak',
    summary: 'Een middag over de wijkaanpak.',
    status: 'published',
    format: 'on_site',
    organisers: [{ slug: 'kennisinstituut', name: 'Kennisinstituut', role: 'organiser' }],
    sections: [{ heading: 'Wat kunt u verwachten?', body: 'Een **middag** vol gesprekken.' }],
    audience: { groups: ['Beleidsmakers', 'Wijkwerkers'] },
    venues: [{ key: 'stadhuis', name: 'Stadhuis', street: 'Spui 70', postcode: '2511 BT', city: 'Den Haag' }],
    meetings: [{ key: 'middag', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis' }],
    speakers: [{ key: 'spreker', name: 'Fictieve Spreker', role: 'Onderzoeker', organisation: 'Kennisinstituut', bio: 'Een *bio*.' }],
    programme: [
      { key: 'inloop', startsAt: '2030-03-06T12:30:00+01:00', title: 'Inloop' },
      { key: 'keynote', startsAt: '2030-03-06T13:00:00+01:00', title: 'Keynote', subtitle: 'Over wijken', speakers: ['spreker'] },
      { key: 'ronde-1', kind: 'round', startsAt: '2030-03-06T14:00:00+01:00', endsAt: '2030-03-06T14:45:00+01:00', title: 'Ronde 1' },
      { key: 'ronde-2', kind: 'round', startsAt: '2030-03-06T15:00:00+01:00', endsAt: '2030-03-06T15:45:00+01:00', title: 'Ronde 2' },
    ],
    workshops: [
      { key: 'abcd', title: 'ABCD in de wijk', capacity: 2, rounds: ['ronde-1', 'ronde-2'], contributors: [{ name: 'A. Voorbeeld', organisation: 'LSA' }] },
      { key: 'geld', title: 'Zeggenschap door geld', capacity: 20, rounds: ['ronde-1'] },
      { key: 'corporaties', title: 'Corporaties', rounds: ['ronde-2'] },
    ],
    contacts: [{ purpose: 'general', name: 'Fictief Contact', email: 'contact@example.org' }],
    registration: { capacity: 70, closesAt: '2030-03-05T23:59:00+01:00' },
    price: null,
    report: null,
    ...overrides,
  };
}

/**
 * What registrant `i` submits for the event above: fictional, an example.org address
 * (`<prefix><i>@example.org`), a workshop in each round, privacy consent. Tests override
 * what they are about.
 */
export function registrant(i: number, overrides: Record<string, unknown> = {}, prefix = 'deelnemer') {
  return {
    name: `Deelnemer ${i}`,
    email: `${prefix}${i}@example.org`,
    organisation: 'Gemeente Utrecht',
    organisationKind: 'gemeente',
    choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' },
    consents: { privacy: true },
    ...overrides,
  };
}
