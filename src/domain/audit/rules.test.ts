import { describe, expect, it } from 'vitest';
import { eventDocument } from '../../../test/factories';
import { parseEventDocument } from '../events/service';
import type { EventDocument } from '../events/document';
import { areaOf, editEntry, eventEdit, listNl, parseArea } from './rules';

/* The audit log's pure part: areas, what an edit changed, its one Dutch sentence. */

const doc = (over: Parameters<typeof eventDocument>[0] = {}): EventDocument => parseEventDocument(eventDocument(over));

describe('areas', () => {
  it.each([
    ['event.published', 'evenement'],
    ['file.uploaded', 'evenement'],
    ['registration.refused', 'aanmeldingen'],
    ['checkin.undone', 'inchecken'],
    ['message.sent', 'post'],
    ['something.else', null],
  ] as const)('%s belongs to %s', (action, area) => expect(areaOf(action)).toBe(area));

  it('reads only a known area from the address', () => {
    expect(parseArea('post')).toBe('post');
    expect(parseArea('bestaat-niet')).toBeNull();
    expect(parseArea(undefined)).toBeNull();
  });
});

describe('listNl', () => {
  it.each([
    [[], ''],
    [['Programma'], 'Programma'],
    [['Bijeenkomsten', 'Programma'], 'Bijeenkomsten en Programma'],
    [['Algemeen', 'Bijeenkomsten', 'Programma'], 'Algemeen, Bijeenkomsten en Programma'],
  ])('%j → %s', (items, out) => expect(listNl(items)).toBe(out));
});

describe('what an edit changed', () => {
  const base = doc();
  it.each<[string, EventDocument, string | null, string | null]>([
    ['nothing', doc(), null, null],
    ['only database ids differ', { ...base, workshops: base.workshops.map((w, i) => ({ ...w, id: `00000000-0000-4000-8000-00000000000${i}` })) }, null, null],
    ['the title', doc({ title: 'Andere titel' }), 'event.changed', 'Algemeen gewijzigd'],
    ['the capacity', doc({ registration: { capacity: 80, closesAt: '2030-03-05T23:59:00+01:00' } }), 'event.changed', 'Aanmelden gewijzigd'],
    ['meetings and programme', { ...base, venues: [], meetings: base.meetings.map((m) => ({ ...m, venue: undefined, online: true })), programme: base.programme.slice(1) }, 'event.changed', 'Bijeenkomsten en Programma gewijzigd'],
    ['publishing', doc({ status: 'published' }), null, null],
    ['going back to draft', doc({ status: 'draft' }), 'event.unpublished', 'Evenement teruggezet naar concept'],
    ['cancelling with a new summary', doc({ status: 'cancelled', summary: 'Gaat niet door.' }), 'event.cancelled', 'Evenement geannuleerd; ook Algemeen gewijzigd'],
    ['writing a report', doc({ report: { title: 'Verslag', body: 'Tekst' } }), 'event.report_written', 'Verslag geschreven'],
    ['the price', doc({ price: { amountCents: 180000, vatCategory: 'standard' } }), 'event.changed', 'Prijs gewijzigd'],
  ])('%s', (_, after, action, summary) => {
    const entry = editEntry(eventEdit(base, after));
    if (action === null) expect(entry).toBeNull();
    else expect(entry).toEqual({ action, summary });
  });

  it('publishes from a draft, and names the settings that changed one level deep', () => {
    const edit = eventEdit(doc({ status: 'draft' }), doc({ registration: { capacity: 90, closesAt: '2030-03-05T23:59:00+01:00' } }));
    expect(edit).toMatchObject({ parts: ['registration'], fields: ['registration.capacity'], status: { from: 'draft', to: 'published' }, report: null });
    expect(editEntry(edit)).toEqual({ action: 'event.published', summary: 'Evenement gepubliceerd; ook Aanmelden gewijzigd' });
  });

  it('calls publishing a cancelled event again a reinstatement, not a first publication', () => {
    expect(editEntry(eventEdit(doc({ status: 'cancelled' }), doc({})))).toEqual({ action: 'event.reinstated', summary: 'Annulering teruggedraaid: het evenement gaat toch door' });
  });

  it('tells publishing a report apart from writing it, and withdrawing it', () => {
    const written = doc({ report: { title: 'Verslag', body: 'Tekst' } });
    const published = doc({ report: { title: 'Verslag', body: 'Tekst', publishedAt: '2030-03-10T10:00:00+01:00' } });
    expect(editEntry(eventEdit(written, published))).toEqual({ action: 'event.report_published', summary: 'Verslag gepubliceerd' });
    expect(editEntry(eventEdit(published, written))).toEqual({ action: 'event.report_withdrawn', summary: 'Publicatie van het verslag teruggedraaid' });
    expect(editEntry(eventEdit(written, doc({ report: { title: 'Verslag', body: 'Andere tekst' } })))).toEqual({ action: 'event.changed', summary: 'Verslag gewijzigd' });
  });
});
