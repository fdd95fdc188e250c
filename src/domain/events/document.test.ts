import { describe, expect, it } from 'vitest';
import { eventDocument } from '../../../test/factories';
import { EventDocumentSchema, problemsOf } from './document';

function problems(doc: unknown) {
  const r = EventDocumentSchema.safeParse(doc);
  return r.success ? [] : problemsOf(r.error);
}

describe('the event document', () => {
  it('accepts a complete event and fills the defaults', () => {
    const r = EventDocumentSchema.parse(eventDocument());
    expect(r.registration.waitlist).toBe(true);
    expect(r.workshops[0]!.rounds).toEqual(['ronde-1', 'ronde-2']);
    expect(r.venues[0]!.postcode).toBe('2511 BT');
  });

  it('normalises a postcode written without a space', () => {
    const doc = eventDocument({ venues: [{ key: 'stadhuis', name: 'Stadhuis', postcode: '2511bt', city: 'Den Haag' }] });
    expect(EventDocumentSchema.parse(doc).venues[0]!.postcode).toBe('2511 BT');
  });

  const base = eventDocument();
  it.each([
    ['a missing title', { ...base, title: undefined }, 'title', /./],
    ['an empty title', { ...base, title: '   ' }, 'title', /leeg/],
    ['an end before the start', { ...base, meetings: [{ key: 'm', startsAt: '2030-03-06T17:30:00+01:00', endsAt: '2030-03-06T12:30:00+01:00', venue: 'stadhuis' }] }, 'meetings.0.endsAt', /na het begin/],
    ['a negative capacity', { ...base, registration: { capacity: -5 } }, 'registration.capacity', /negatief/],
    ['a negative workshop capacity', { ...base, workshops: [{ key: 'x', title: 'X', capacity: -1, rounds: ['ronde-1'] }] }, 'workshops.0.capacity', /negatief/],
    ['an unknown btw category', { ...base, price: { amountCents: 180000, vatCategory: 'hoog' } }, 'price.vatCategory', /btw-categorie/],
    ['a workshop in a round that does not exist', { ...base, workshops: [{ key: 'x', title: 'X', rounds: ['ronde-9'] }] }, 'workshops.0.rounds.0', /geen ronde met de sleutel "ronde-9"/],
    ['a workshop in a plain programme item', { ...base, workshops: [{ key: 'x', title: 'X', rounds: ['inloop'] }] }, 'workshops.0.rounds.0', /geen ronde/],
    ['a malformed postcode', { ...base, venues: [{ key: 'stadhuis', name: 'Stadhuis', postcode: '25111 BT', city: 'Den Haag' }] }, 'venues.0.postcode', /postcode als 2526 BN/],
    ['a meeting at an unknown venue', { ...base, meetings: [{ key: 'm', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'elders' }] }, 'meetings.0.venue', /geen locatie/],
    ['an unknown speaker in the programme', { ...base, programme: [{ key: 'k', startsAt: '2030-03-06T13:00:00+01:00', title: 'K', speakers: ['niemand'] }] }, 'programme.0.speakers.0', /geen spreker/],
    ['a programme item outside the meetings', { ...base, programme: [{ key: 'k', startsAt: '2030-03-07T13:00:00+01:00', title: 'K' }] }, 'programme.0.startsAt', /buiten de bijeenkomsten/],
    ['a duplicate workshop key', { ...base, workshops: [{ key: 'x', title: 'X', rounds: ['ronde-1'] }, { key: 'x', title: 'Y', rounds: ['ronde-2'] }] }, 'workshops.1.key', /twee keer/],
    ['a time without an offset', { ...base, meetings: [{ key: 'm', startsAt: '2030-03-06T12:30', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis' }] }, 'meetings.0.startsAt', /2021-01-28T14:00:00\+01:00/],
    ['a contact without a way to reach them', { ...base, contacts: [{ purpose: 'content', name: 'Iemand' }] }, 'contacts.0.email', /e-mailadres of een telefoonnummer/],
    ['a deadline before the opening', { ...base, registration: { opensAt: '2030-02-01T09:00:00+01:00', closesAt: '2030-01-01T09:00:00+01:00' } }, 'registration.closesAt', /na de opening/],
    ['an online event without an online meeting', { ...base, format: 'online' }, 'format', /online bijeenkomst/],
    ['an unknown field', { ...base, colour: 'red' }, '(document)', /colour/],
    ['a slug with capitals', { ...base, slug: 'Proefdag' }, 'slug', /kleine letters/],
    ['a choice question with one option', { ...base, registration: { questions: [{ key: 'q', label: 'Q', type: 'single_choice', options: ['ja'] }] } }, 'registration.questions.0.options', /twee opties/],
  ])('rejects %s with a clear message at its field', (_name, doc, path, message) => {
    const found = problems(doc);
    const at = found.filter((p) => p.path === path);
    expect(at.length, `expected a problem at ${path}, got ${JSON.stringify(found)}`).toBeGreaterThan(0);
    expect(at.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('lists every problem of a document at once', () => {
    const found = problems({ ...base, title: '', registration: { capacity: -1 }, price: { amountCents: 1, vatCategory: 'x' } });
    expect(found.map((p) => p.path)).toEqual(expect.arrayContaining(['title', 'registration.capacity', 'price.vatCategory']));
  });
});
