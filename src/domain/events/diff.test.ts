import { describe, expect, it } from 'vitest';
import { eventDocument } from '../../../test/factories';
import type { EventChange } from '../mail/templates';
import { eventChanges } from './diff';
import { EventDocumentSchema, type EventDocument } from './document';

/** The factory's event, as the schema gives it (defaults filled in), published. */
const base = (): EventDocument =>
  EventDocumentSchema.parse(
    eventDocument({
      format: 'hybrid',
      venues: [
        { key: 'stadhuis', name: 'Stadhuis', street: 'Spui 70', postcode: '2511 BT', city: 'Den Haag', directions: 'Tram 1.' },
        { key: 'bieb', name: 'Centrale Bibliotheek', street: 'Spui 68', postcode: '2511 BT', city: 'Den Haag' },
      ],
      meetings: [
        { key: 'middag', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis', online: true, joinUrl: 'https://meet.example.org/a' },
        { key: 'terugkom', startsAt: '2030-04-03T13:00:00+02:00', endsAt: '2030-04-03T16:00:00+02:00', venue: 'stadhuis', title: 'Terugkomdag' },
      ],
    }),
  );

type Edit = (d: EventDocument) => void;
const m = (d: EventDocument, key: string) => d.meetings.find((x) => x.key === key)!;
const item = (d: EventDocument, key: string) => d.programme.find((x) => x.key === key)!;
const workshop = (d: EventDocument, key: string) => d.workshops.find((x) => x.key === key)!;
const venue = (d: EventDocument, key: string) => d.venues.find((x) => x.key === key)!;

function changesAfter(edit: Edit): EventChange[] {
  const before = base();
  const after = structuredClone(before);
  edit(after);
  return eventChanges(before, after);
}

describe('eventChanges', () => {
  it.each<[string, Edit, EventChange[]]>([
    // dates
    ['a meeting that starts later', (d) => void (m(d, 'middag').startsAt = '2030-03-06T13:00:00+01:00'), ['dates']],
    ['a meeting that ends earlier', (d) => void (m(d, 'terugkom').endsAt = '2030-04-03T15:30:00+02:00'), ['dates']],
    ['a meeting moved to another day', (d) => Object.assign(m(d, 'middag'), { startsAt: '2030-03-13T12:30:00+01:00', endsAt: '2030-03-13T17:30:00+01:00' }), ['dates']],
    ['a meeting added', (d) => void d.meetings.push({ key: 'extra', startsAt: '2030-05-01T13:00:00+02:00', endsAt: '2030-05-01T16:00:00+02:00', venue: 'stadhuis', online: false, topics: [] }), ['dates']],
    ['a meeting removed', (d) => void d.meetings.pop(), ['dates']],
    ['a meeting whose key changed (a new calendar entry)', (d) => void (m(d, 'terugkom').key = 'terugkomdag'), ['dates']],
    // venue
    ['a meeting moved to another venue', (d) => void (m(d, 'terugkom').venue = 'bieb'), ['venue']],
    ["the venue's street changed", (d) => void (venue(d, 'stadhuis').street = 'Spui 1'), ['venue']],
    ["the venue's name changed", (d) => void (venue(d, 'stadhuis').name = 'Atrium'), ['venue']],
    ["the venue's postcode changed", (d) => void (venue(d, 'stadhuis').postcode = '2511 BS'), ['venue']],
    ["the venue's city changed", (d) => void (venue(d, 'stadhuis').city = 'Rijswijk'), ['venue']],
    ['a meeting that becomes online only', (d) => Object.assign(m(d, 'terugkom'), { venue: undefined, online: true }), ['venue', 'online']],
    // online
    ['a new join link', (d) => void (m(d, 'middag').joinUrl = 'https://meet.example.org/b'), ['online']],
    ['a join link given for the first time', (d) => Object.assign(m(d, 'terugkom'), { online: true, joinUrl: 'https://meet.example.org/c' }), ['online']],
    ['a meeting no longer online', (d) => Object.assign(m(d, 'middag'), { online: false, joinUrl: undefined }), ['online']],
    // programme
    ['a programme item moved', (d) => void (item(d, 'keynote').startsAt = '2030-03-06T13:15:00+01:00'), ['programme']],
    ['a round that ends later', (d) => void (item(d, 'ronde-1').endsAt = '2030-03-06T14:50:00+01:00'), ['programme']],
    ['a programme item retitled', (d) => void (item(d, 'keynote').title = 'Opening'), ['programme']],
    ['a programme item removed', (d) => void (d.programme = d.programme.filter((p) => p.key !== 'inloop')), ['programme']],
    ['a programme item added', (d) => void d.programme.push({ key: 'borrel', kind: 'item', startsAt: '2030-03-06T16:00:00+01:00', title: 'Borrel', speakers: [] }), ['programme']],
    ['a workshop retitled', (d) => void (workshop(d, 'geld').title = 'Geld en zeggenschap'), ['programme']],
    ['a workshop removed', (d) => void (d.workshops = d.workshops.filter((w) => w.key !== 'corporaties')), ['programme']],
    ['a workshop taken out of a round', (d) => void (workshop(d, 'abcd').rounds = ['ronde-1']), ['programme']],
    // several at once, in the mail's order
    ['a new day and a new venue', (d) => Object.assign(m(d, 'terugkom'), { startsAt: '2030-04-10T13:00:00+02:00', endsAt: '2030-04-10T16:00:00+02:00', venue: 'bieb' }), ['dates', 'venue']],
    ['everything but a cancellation', (d) => {
      m(d, 'middag').startsAt = '2030-03-06T13:00:00+01:00';
      venue(d, 'stadhuis').street = 'Spui 1';
      m(d, 'middag').joinUrl = 'https://meet.example.org/b';
      item(d, 'inloop').title = 'Ontvangst';
    }, ['dates', 'venue', 'online', 'programme']],
    // cancelled: told alone
    ['a cancellation', (d) => void (d.status = 'cancelled'), ['cancelled']],
    ['a cancellation that also moves the date', (d) => { d.status = 'cancelled'; m(d, 'middag').startsAt = '2030-03-06T13:00:00+01:00'; }, ['cancelled']],
  ])('tells a registrant about %s', (_name, edit, expected) => {
    expect(changesAfter(edit)).toEqual(expected);
  });

  it.each<[string, Edit]>([
    ['the same document', () => {}],
    ['the same instants written in UTC', (d) => Object.assign(m(d, 'middag'), { startsAt: '2030-03-06T11:30:00Z', endsAt: '2030-03-06T16:30:00.000Z' })],
    ['a new title and summary', (d) => Object.assign(d, { title: 'Proefdag', summary: 'Anders gezegd.' })],
    ['edited sections and audience', (d) => Object.assign(d, { sections: [{ body: 'Nieuw.' }], audience: { groups: ['Iedereen'] } })],
    ["a speaker's bio", (d) => void (d.speakers[0]!.bio = 'Een langere *bio*.')],
    ['a speaker added to an item', (d) => {
      d.speakers.push({ key: 'tweede', name: 'Tweede Spreker' });
      item(d, 'keynote').speakers.push('tweede');
    }],
    ["a programme item's subtitle and description", (d) => Object.assign(item(d, 'keynote'), { subtitle: 'Over straten', description: 'Meer tekst.' })],
    ["a workshop's description, contributors and capacity", (d) => Object.assign(workshop(d, 'geld'), { description: 'Uitleg.', contributors: [{ name: 'B. Voorbeeld' }], capacity: 40 })],
    ['a new workshop', (d) => void d.workshops.push({ key: 'nieuw', title: 'Nieuw', rounds: ['ronde-2'], contributors: [] })],
    ['a workshop offered in an extra round', (d) => void (workshop(d, 'geld').rounds = ['ronde-1', 'ronde-2'])],
    ["a meeting's title and topics", (d) => Object.assign(m(d, 'terugkom'), { title: 'Tweede dag', topics: ['Terugblik'] })],
    ["the venue's directions and map point", (d) => Object.assign(venue(d, 'stadhuis'), { directions: 'Bus 22.', latitude: 52.08, longitude: 4.31 })],
    ["a venue's key renamed, same address", (d) => {
      venue(d, 'bieb').key = 'bibliotheek';
      venue(d, 'stadhuis').key = 'raadhuis';
      for (const x of d.meetings) x.venue = 'raadhuis';
    }],
    ['a venue nobody meets at', (d) => void (venue(d, 'bieb').street = 'Spui 2')],
    ['the capacity, the deadline and the questions', (d) => Object.assign(d.registration, { capacity: 200, closesAt: '2030-03-04T23:59:00+01:00', questions: [] })],
    ['the contacts', (d) => void (d.contacts = [{ purpose: 'practical', name: 'Ander Contact', email: 'ander@example.org' }])],
    ['the report', (d) => void (d.report = { title: 'Verslag', body: 'Het was goed.' })],
  ])('does not mail about %s', (_name, edit) => {
    expect(changesAfter(edit)).toEqual([]);
  });

  it('does not call a cancelled event cancelled again; its reinstatement is told alone', () => {
    const cancelled = { ...base(), status: 'cancelled' as const };
    expect(base().status).toBe('published');
    expect(eventChanges(cancelled, { ...cancelled, title: 'Anders' })).toEqual([]);
    expect(eventChanges(cancelled, base())).toEqual(['reinstated']);
    // Moved while it goes ahead again: the reinstatement mail carries the new details anyway.
    const moved = base();
    moved.meetings[0]!.startsAt = '2030-03-06T12:00:00+01:00';
    expect(eventChanges(cancelled, moved)).toEqual(['reinstated']);
  });
});
