import { describe, expect, it } from 'vitest';
import { EventDocumentSchema } from '../../domain/events/document';
import { eventDocument } from '../../../test/factories';
import {
  addRow,
  applyValues,
  assignKeys,
  centsToEuro,
  copySlug,
  duplicateOf,
  EDITOR_PARTS,
  euroCents,
  fieldOf,
  formMessage,
  fromLocal,
  int,
  newEventInput,
  removeRow,
  rowIndices,
  toLocal,
  toValues,
} from './editor-form';

/* The editor's forms ↔ the event document, pure: every part round-trips, rows are added and removed, keys are kept or made. */

const full = EventDocumentSchema.parse(
  eventDocument({
    subtitle: 'Een ondertitel',
    series: 'Wijkreeks',
    audience: { intro: 'Voor **iedereen**.', groups: ['Beleidsmakers', 'Wijkwerkers'] },
    venues: [{ key: 'stadhuis', name: 'Stadhuis', street: 'Spui 70', postcode: '2511 BT', city: 'Den Haag', directions: 'Tram 2.' }],
    meetings: [
      { key: 'middag', startsAt: '2030-03-06T12:30:00+01:00', endsAt: '2030-03-06T17:30:00+01:00', venue: 'stadhuis', topics: ['Wonen', 'Zorg'] },
      { key: 'online', title: 'Terugkomdag', startsAt: '2030-07-06T10:00:00+02:00', endsAt: '2030-07-06T12:00:00+02:00', online: true, joinUrl: 'https://meet.example.org/x' },
    ],
    contacts: [
      { purpose: 'content', name: 'Inhoud Persoon', role: 'Adviseur', email: 'inhoud@example.org' },
      { purpose: 'practical', name: 'Praktisch Persoon', phone: '06-00000001' },
    ],
    registration: {
      capacity: 70,
      opensAt: '2030-01-01T09:00:00+01:00',
      closesAt: '2030-03-05T23:59:00+01:00',
      offerHours: 48,
      approvalRequired: true,
      organisationLimits: { perOrganisation: 3, maxOrganisations: 20, organisationKinds: ['gemeente'], domains: { options: ['onderwijs', 'veiligheid'], maxPerDomainPerOrganisation: 1 } },
      questions: [
        { key: 'dieet', label: 'Dieetwensen?', type: 'short_text' },
        { key: 'lunch', label: 'Lunch?', type: 'single_choice', required: true, options: ['Ja', 'Nee'], help: 'Voor de catering.' },
      ],
    },
    price: { amountCents: 125050, vatCategory: 'reduced', includes: 'inclusief lunch' },
    report: { title: 'Verslag', summary: 'Kort.', body: 'Het was **goed**.', attendance: 72, attendanceLabel: 'ruim 70', publishedAt: '2030-03-10T10:00:00+01:00' },
  }),
);

describe('form ↔ document', () => {
  it.each(EDITOR_PARTS)('%s: the form of a document saves back to the same document', (part) => {
    const back = EventDocumentSchema.parse(applyValues(part, full, toValues(part, full)));
    expect(back).toEqual(full);
  });

  it.each([
    ['algemeen', { title: 'Nieuwe titel', summary: 'Nieuw.' }, (d: typeof full) => [d.title, d.summary], ['Nieuwe titel', 'Nieuw.']],
    ['bijeenkomsten', { 'meetings.0.startsAt': '2030-03-06T12:00' }, (d: typeof full) => [d.meetings[0]!.startsAt], ['2030-03-06T12:00:00+01:00']],
    ['programma', { 'programme.1.kind': 'round', 'programme.1.speakers': '' }, (d: typeof full) => [d.programme[1]!.kind, d.programme[1]!.key, d.programme[1]!.speakers], ['round', 'keynote', []]],
    ['deelsessies', { 'workshops.1.rounds': 'ronde-1\nronde-2', 'workshops.1.capacity': '' }, (d: typeof full) => [d.workshops[1]!.rounds, d.workshops[1]!.capacity], [['ronde-1', 'ronde-2'], undefined]],
    ['aanmelden', { 'registration.waitlist': '', 'registration.capacity': '100' }, (d: typeof full) => [d.registration.waitlist, d.registration.capacity], [false, 100]],
    ['prijs', { 'price.amountCents': '' }, (d: typeof full) => [d.price], [null]],
    ['verslag', { 'report.published': '' }, (d: typeof full) => [d.report?.publishedAt], [undefined]],
  ] as const)('%s: a changed field changes only that', (part, change, pick, expected) => {
    const values = { ...toValues(part, full), ...change };
    const back = EventDocumentSchema.parse(applyValues(part, full, values));
    expect(pick(back)).toEqual(expected);
    // Other parts stay as they were.
    expect(back.speakers).toEqual(full.speakers);
  });

  it('a report published now gets the moment of saving', () => {
    const noReport = { ...full, report: null };
    const values = { ...toValues('verslag', noReport), 'report.title': 'Terugblik', 'report.body': 'Tekst', 'report.published': 'ja' };
    const out = applyValues('verslag', noReport, values, new Date('2030-03-10T09:00:00Z')) as { report: { publishedAt: string } };
    expect(out.report.publishedAt).toBe('2030-03-10T10:00:00+01:00');
  });
});

describe('rows', () => {
  const values = { 'meetings.0.key': 'a', 'meetings.0.title': 'A', 'meetings.1.key': 'b', 'meetings.1.title': 'B', 'meetings.2.key': 'c', title: 'x' };

  it('adds an empty row at the end', () => {
    const added = addRow(values, 'meetings');
    expect(rowIndices(added, 'meetings')).toEqual([0, 1, 2, 3]);
    expect(added['meetings.3.key']).toBe('');
  });

  it.each([
    [0, ['b', 'c']],
    [1, ['a', 'c']],
    [2, ['a', 'b']],
  ])('removes row %i and renumbers the rest', (i, keys) => {
    const removed = removeRow(values, 'meetings', i);
    expect(rowIndices(removed, 'meetings')).toEqual([0, 1]);
    expect([removed['meetings.0.key'], removed['meetings.1.key']]).toEqual(keys);
    expect(removed.title).toBe('x');
  });

  it('lists with dots in their path work the same', () => {
    const v = addRow({}, 'registration.questions');
    expect(v).toEqual({ 'registration.questions.0.key': '' });
  });

  it.each([
    [[{ key: 'ronde-1', title: 'Ronde 1 nieuw' }], ['ronde-1']],
    [[{ key: '', title: 'Ronde één' }], ['ronde-een']],
    [[{ key: 'ronde-1', title: 'x' }, { key: '', title: 'Ronde 1' }], ['ronde-1', 'ronde-1-2']],
    [[{ key: '', title: '' }, { key: '', title: '!!!' }], ['onderdeel-1', 'onderdeel-2']],
  ])('keys: existing kept, new ones from the title (%j)', (rows, keys) => {
    expect(assignKeys(rows, 'onderdeel')).toEqual(keys);
  });

  it('a meeting can use a venue added in the same form', () => {
    const values = { ...toValues('bijeenkomsten', full), 'venues.1.key': '', 'venues.1.name': 'De Bieb', 'venues.1.city': 'Utrecht', 'meetings.0.venue': 'rij:1' };
    const doc = EventDocumentSchema.parse(applyValues('bijeenkomsten', full, values));
    expect(doc.meetings[0]!.venue).toBe('de-bieb');
  });
});

describe('field values', () => {
  it.each([
    ['2030-03-06T12:30', '2030-03-06T12:30:00+01:00'],
    ['2030-07-06T10:00', '2030-07-06T10:00:00+02:00'],
    ['', undefined],
    ['morgen', 'morgen'],
  ])('datetime-local %j → %j', (local, iso) => expect(fromLocal(local)).toBe(iso));

  it.each([
    ['2030-03-06T11:30:00Z', '2030-03-06T12:30'],
    ['2030-07-06T10:00:00+02:00', '2030-07-06T10:00'],
  ])('%s → datetime-local %s', (iso, local) => expect(toLocal(iso)).toBe(local));

  it.each([
    ['95', 9500],
    ['1.250,50', 125050],
    ['€ 12,5', 1250],
    ['', undefined],
    ['twaalf', 'twaalf'],
  ])('euros %j → cents %j', (typed, cents) => expect(euroCents(typed)).toBe(cents));

  it.each([
    [9500, '95'],
    [125050, '1250,50'],
    [5, '0,05'],
  ])('cents %i → euros %s', (cents, euros) => expect(centsToEuro(cents)).toBe(euros));

  it.each([
    ['12', 12],
    ['', undefined],
    ['12a', '12a'],
  ])('whole number %j → %j', (typed, n) => expect(int(typed)).toBe(n));

  it.each([
    ['meetings.0.startsAt', 'meetings.0.startsAt'],
    ['meetings.0.topics.2', 'meetings.0.topics'],
    ['workshops.1.rounds.0', 'workshops.1.rounds'],
    ['programme.3.startsAt', null],
    ['(document)', null],
  ])('a problem at %s is shown at field %s', (path, field) => {
    expect(fieldOf(path, new Set(['meetings.0.startsAt', 'meetings.0.topics', 'workshops.1.rounds']))).toBe(field);
  });
});

describe('messages next to form fields', () => {
  it.each([
    ['meetings.0.startsAt', '', 'Geef een datum en tijd als 2021-01-28T14:00:00+01:00.', 'Vul een datum en tijd in.'],
    ['meetings.0.startsAt', 'morgen', 'Geef een datum en tijd als 2021-01-28T14:00:00+01:00.', 'Geef een datum en tijd, bijvoorbeeld 28-01-2030 14:00.'],
    ['registration.capacity', '12a', 'Ongeldige invoer: verwacht getal, ontving string', 'Geef een heel getal, bijvoorbeeld 25.'],
    ['price.amountCents', 'twaalf', 'Ongeldige invoer: verwacht getal, ontving string', 'Geef een bedrag in euro, bijvoorbeeld 95 of 1.250,50.'],
    ['title', '', 'Dit veld mag niet leeg zijn.', 'Dit veld mag niet leeg zijn.'],
  ])('%s = %j: %s → %s', (field, value, message, shown) => expect(formMessage(field, message, { [field]: value })).toBe(shown));
});

describe('new events and copies', () => {
  it('a new event: a draft with one meeting at a venue, valid', () => {
    const input = newEventInput(
      { title: 'Dag van de Buurt', summary: 'Een dag.', format: 'on_site', 'meetings.0.startsAt': '2030-05-01T09:30', 'meetings.0.endsAt': '2030-05-01T16:00', 'venues.0.name': 'Jaarbeurs', 'venues.0.city': 'Utrecht' },
      { slug: 'platform31', name: 'Platform31' },
    );
    const doc = EventDocumentSchema.parse(input);
    expect(doc).toMatchObject({ slug: 'dag-van-de-buurt', status: 'draft', venues: [{ key: 'jaarbeurs' }], meetings: [{ venue: 'jaarbeurs', startsAt: '2030-05-01T09:30:00+02:00' }] });
  });

  it('a copy is a draft without report or ids, with a new slug and title', () => {
    const copy = EventDocumentSchema.parse(duplicateOf({ ...full, id: '00000000-0000-4000-8000-000000000000' }, 'proefdag-wijkaanpak-kopie'));
    expect(copy).toMatchObject({ slug: 'proefdag-wijkaanpak-kopie', title: 'Proefdag wijkaanpak (kopie)', status: 'draft', report: null });
    expect(copy.id).toBeUndefined();
    expect(copy.workshops).toEqual(full.workshops);
  });

  it.each([
    [[], 'dag-kopie'],
    [['dag-kopie'], 'dag-kopie-2'],
    [['dag-kopie', 'dag-kopie-2'], 'dag-kopie-3'],
  ])('copy slug with %j taken → %s', (taken, slug) => expect(copySlug('dag', (s) => taken.includes(s))).toBe(slug));
});
