import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { eventDocument } from '../../../test/factories';
import { EventDocumentSchema, type EventDocumentInput } from '../events/document';
import type { RegistrationStatus } from '../registration/table';
import { answerCell, attendanceLists, filterRegistrations, registrationTable, STATUS_WORDS, type ExportRegistration } from './columns';
import { csvCell, neutralise, toCsv } from './csv';
import { toXlsx, wallClock } from './xlsx';

/* The spreadsheet exports, pure: rows and an event document in, cells out; read back as a spreadsheet program would. */

const doc = (overrides: Partial<EventDocumentInput> = {}) => EventDocumentSchema.parse(eventDocument(overrides));

const at = new Date('2026-11-22T11:05:00Z'); // 12:05 in Amsterdam

function row(i: number, overrides: Partial<ExportRegistration> = {}): ExportRegistration {
  return {
    id: `id-${i}`,
    status: 'confirmed',
    position: null,
    name: `Deelnemer ${i}`,
    email: `deelnemer${i}@example.org`,
    organisationName: 'Gemeente Utrecht',
    organisationKind: 'gemeente',
    role: 'Beleidsadviseur',
    domain: null,
    answers: {},
    consents: { privacy: true, photos: true, mailingList: false },
    billing: null,
    language: 'nl',
    createdAt: at,
    choices: [
      { roundKey: 'ronde-1', workshopKey: 'geld', status: 'confirmed', position: null },
      { roundKey: 'ronde-2', workshopKey: 'abcd', status: 'confirmed', position: null },
    ],
    ...overrides,
  };
}

const course = () =>
  doc({
    slug: 'leergang',
    programme: [],
    workshops: [],
    meetings: [
      { key: 'm1', title: 'Start', startsAt: '2030-03-06T13:00:00+01:00', endsAt: '2030-03-06T17:00:00+01:00', venue: 'stadhuis' },
      { key: 'm2', title: 'Verdieping', startsAt: '2030-04-06T13:00:00+02:00', endsAt: '2030-04-06T17:00:00+02:00', venue: 'stadhuis' },
    ],
    registration: {
      questions: [
        { key: 'dieet', label: 'Dieetwensen', type: 'short_text' },
        { key: 'thema', label: 'Welke thema’s?', type: 'multiple_choice', options: ['Wonen', 'Zorg', 'Veiligheid'] },
        { key: 'eerder', label: 'Eerder deelgenomen?', type: 'yes_no' },
      ],
    },
  });

const paid = () => doc({ slug: 'werkplaats', price: { amountCents: 45000, vatCategory: 'standard' } });

const cellOf = (table: ReturnType<typeof registrationTable>, r: number, header: string) => table.rows[r]![table.headers.indexOf(header)];

describe('cell escaping against formula injection', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+31 6 12345678', "'+31 6 12345678"],
    ['-2+3', "'-2+3"],
    ['@beheer', "'@beheer"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Gemeente Utrecht', 'Gemeente Utrecht'],
    ['Jan-Willem', 'Jan-Willem'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (input, expected) => {
    expect(neutralise(input)).toBe(expected);
  });

  it.each([
    [null, ''],
    [3, '3'],
    [-1, '-1'],
    [at, '22-11-2026 12:05'],
    [new Date('2026-07-01T10:00:00Z'), '01-07-2026 12:00'],
  ])('writes the cell %j as %j', (cell, expected) => {
    expect(csvCell(cell)).toBe(expected);
  });
});

describe('status words', () => {
  it.each<[RegistrationStatus, string]>([
    ['confirmed', 'bevestigd'],
    ['waitlisted', 'wachtlijst'],
    ['pending', 'wacht op goedkeuring'],
    ['offered', 'plaats aangeboden'],
    ['refused', 'afgewezen'],
    ['cancelled', 'geannuleerd'],
    ['expired', 'aanbod verlopen'],
  ])('calls %s "%s"', (status, word) => {
    expect(STATUS_WORDS[status]).toBe(word);
    expect(cellOf(registrationTable(doc(), [row(1, { status })]), 0, 'Status')).toBe(word);
  });
});

describe('answers', () => {
  it.each([
    ['Vegetarisch', 'Vegetarisch'],
    [['Wonen', 'Zorg'], 'Wonen; Zorg'],
    [true, 'ja'],
    [false, 'nee'],
    [undefined, ''],
  ])('writes %j as %j', (answer, expected) => {
    expect(answerCell(answer)).toBe(expected);
  });
});

describe('the registrations table', () => {
  it('has Dutch headers, two columns per round, and the workshop with its status', () => {
    const t = registrationTable(doc(), [
      row(1),
      row(2, {
        status: 'waitlisted',
        position: 1,
        choices: [
          { roundKey: 'ronde-1', workshopKey: 'geld', status: 'waitlisted', position: null },
          { roundKey: 'ronde-2', workshopKey: 'abcd', status: 'waitlisted', position: 4 },
        ],
      }),
    ]);
    expect(t.headers).toEqual([
      'Status',
      'Positie wachtlijst',
      'Naam',
      'E-mail',
      'Organisatie',
      'Soort organisatie',
      'Functie',
      'Beleidsdomein',
      'Ronde 1',
      'Ronde 1: status',
      'Ronde 2',
      'Ronde 2: status',
      "Foto's",
      'Mailinglijst',
      'Taal',
      'Aangemeld op',
    ]);
    expect(t.rows[0]).toEqual(['bevestigd', null, 'Deelnemer 1', 'deelnemer1@example.org', 'Gemeente Utrecht', 'Gemeente', 'Beleidsadviseur', null, 'Zeggenschap door geld', 'bevestigd', 'ABCD in de wijk', 'bevestigd', 'ja', 'nee', 'Nederlands', at]);
    expect(cellOf(t, 1, 'Positie wachtlijst')).toBe(1);
    expect(cellOf(t, 1, 'Ronde 2')).toBe('ABCD in de wijk');
    expect(cellOf(t, 1, 'Ronde 2: status')).toBe('wachtlijst (4)');
  });

  it('gives a course one column per question and no round columns', () => {
    const t = registrationTable(course(), [row(1, { choices: [], answers: { dieet: 'Halal', thema: ['Wonen', 'Veiligheid'], eerder: false } })]);
    expect(t.headers.slice(8)).toEqual(['Dieetwensen', 'Welke thema’s?', 'Eerder deelgenomen?', "Foto's", 'Mailinglijst', 'Taal', 'Aangemeld op']);
    expect(t.rows[0]!.slice(8, 11)).toEqual(['Halal', 'Wonen; Veiligheid', 'nee']);
  });

  it('adds the billing details for a paid event, and only then', () => {
    const billing = { organisationName: 'Gemeente Zwolle', street: 'Grote Kerkplein 15', postcode: '8011 PK', city: 'Zwolle', invoiceEmail: 'facturen@example.org', kvkOrOin: '00000001234567890000' };
    const t = registrationTable(paid(), [row(1, { billing }), row(2)]);
    expect(t.headers).toEqual(expect.arrayContaining(['Factuur: organisatie', 'Factuur: adres', 'Factuur: postcode', 'Factuur: plaats', 'Factuur: e-mail', 'Inkoopordernummer', 'KvK-nummer of OIN']));
    expect(cellOf(t, 0, 'Factuur: postcode')).toBe('8011 PK');
    expect(cellOf(t, 0, 'KvK-nummer of OIN')).toBe('00000001234567890000');
    expect(cellOf(t, 0, 'Inkoopordernummer')).toBeNull();
    expect(cellOf(t, 1, 'Factuur: organisatie')).toBeNull();
    expect(registrationTable(doc(), [row(1, { billing })]).headers.some((h) => h.startsWith('Factuur'))).toBe(false);
  });

  it('tells two rounds of the same title apart by their start time', () => {
    const d = doc({
      programme: [
        { key: 'ronde-1', kind: 'round', startsAt: '2030-03-06T14:00:00+01:00', title: 'Deelsessies' },
        { key: 'ronde-2', kind: 'round', startsAt: '2030-03-06T15:00:00+01:00', title: 'Deelsessies' },
      ],
    });
    expect(registrationTable(d, []).headers.slice(8, 12)).toEqual(['Deelsessies (14:00)', 'Deelsessies (14:00): status', 'Deelsessies (15:00)', 'Deelsessies (15:00): status']);
  });
});

describe('filters', () => {
  const rows = (['confirmed', 'pending', 'offered', 'waitlisted', 'refused', 'cancelled', 'expired'] as const).map((status, i) => row(i, { status }));

  it('keeps everyone active by default', () => {
    expect(filterRegistrations(rows).map((r) => r.status)).toEqual(['confirmed', 'pending', 'offered', 'waitlisted']);
  });

  it.each<[RegistrationStatus[], string[]]>([
    [['confirmed'], ['confirmed']],
    [['cancelled', 'refused'], ['refused', 'cancelled']],
  ])('keeps the statuses %j', (statuses, expected) => {
    expect(filterRegistrations(rows, { statuses }).map((r) => r.status)).toEqual(expected);
  });

  it('keeps those who chose a workshop, in a round or in any', () => {
    const other = row(9, { choices: [{ roundKey: 'ronde-1', workshopKey: 'abcd', status: 'confirmed', position: null }] });
    const cancelledChoice = row(10, { choices: [{ roundKey: 'ronde-2', workshopKey: 'abcd', status: 'cancelled', position: null }] });
    const all = [row(1), other, cancelledChoice];
    expect(filterRegistrations(all, { workshopKey: 'abcd' }).map((r) => r.id)).toEqual(['id-1', 'id-9']);
    expect(filterRegistrations(all, { workshopKey: 'abcd', roundKey: 'ronde-1' }).map((r) => r.id)).toEqual(['id-9']);
    expect(filterRegistrations(all, { workshopKey: 'geld' }).map((r) => r.id)).toEqual(['id-1']);
  });
});

describe('attendance lists', () => {
  const describe_ = () => 'moment';
  it('lists per workshop per round the confirmed people whose seat there is confirmed, by name', () => {
    const lists = attendanceLists(
      doc(),
      [
        row(1, { name: 'Zoë de Vries' }),
        row(2, { name: 'Ömer Çelik' }),
        row(3, { name: 'Anna Bakker', status: 'waitlisted' }),
        row(4, { name: 'Bas Jansen', choices: [{ roundKey: 'ronde-1', workshopKey: 'geld', status: 'waitlisted', position: 1 }] }),
      ],
      { describe: describe_ },
    );
    expect(lists.map((l) => [l.heading, l.when.split(' · ')[0]])).toEqual([
      ['ABCD in de wijk', 'Ronde 1'],
      ['Zeggenschap door geld', 'Ronde 1'],
      ['ABCD in de wijk', 'Ronde 2'],
      ['Corporaties', 'Ronde 2'],
    ]);
    expect(lists[1]!.people.map((p) => p.name)).toEqual(['Ömer Çelik', 'Zoë de Vries']);
    expect(lists[2]!.people.map((p) => p.name)).toEqual(['Ömer Çelik', 'Zoë de Vries']);
    expect(lists[0]!.people).toEqual([]);
  });

  it('gives a course one list per meeting', () => {
    const lists = attendanceLists(course(), [row(1, { choices: [] })], { describe: describe_ });
    expect(lists.map((l) => l.heading)).toEqual(['Start', 'Verdieping']);
    expect(lists[0]!.people).toEqual([{ name: 'Deelnemer 1', organisation: 'Gemeente Utrecht' }]);
  });
});

describe('read back', () => {
  const tricky = [
    row(1, { name: 'Ömer Çelik', organisationName: 'Gemeente ’s-Hertogenbosch; afdeling "Wonen"' }),
    row(2, { name: '=HYPERLINK("http://example.org")', role: 'Regel 1\nRegel 2', language: 'en' }),
  ];

  it('writes CSV that a CSV reader reads back cell for cell: BOM, semicolons, quotes, line breaks', () => {
    const csv = toCsv(registrationTable(doc(), tricky));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    const records = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    const [headers, first, second] = records;
    expect(headers![0]).toBe('Status');
    const col = (h: string) => headers!.indexOf(h);
    expect(records).toHaveLength(3);
    expect(first![col('Naam')]).toBe('Ömer Çelik');
    expect(first![col('Organisatie')]).toBe('Gemeente ’s-Hertogenbosch; afdeling "Wonen"');
    expect(first![col('Aangemeld op')]).toBe('22-11-2026 12:05');
    expect(first![col('Positie wachtlijst')]).toBe('');
    expect(second![col('Naam')]).toBe('\'=HYPERLINK("http://example.org")');
    expect(second![col('Functie')]).toBe('Regel 1\nRegel 2');
    expect(second![col('Taal')]).toBe('Engels');
  });

  it('writes a workbook that exceljs reads back: frozen header with filters, real dates in Amsterdam time, text as text', async () => {
    const table = registrationTable(doc(), tricky);
    const buffer = await toXlsx(table, { sheetName: 'Aanmeldingen', title: 'Aanmeldingen Proefdag' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Aanmeldingen')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).value).toBe('Status');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const col = (h: string) => table.headers.indexOf(h) + 1;
    expect(sheet.getRow(2).getCell(col('Naam')).value).toBe('Ömer Çelik');
    // The formula stays text: a string cell, not a formula.
    const injected = sheet.getRow(3).getCell(col('Naam'));
    expect(injected.type).toBe(ExcelJS.ValueType.String);
    expect(injected.value).toBe('=HYPERLINK("http://example.org")');
    const date = sheet.getRow(2).getCell(col('Aangemeld op'));
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString()).toBe('2026-11-22T12:05:00.000Z'); // the wall clock, 12:05
    expect(date.numFmt).toBe('dd-mm-yyyy hh:mm');
    for (let c = 1; c <= table.headers.length; c++) {
      expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);
      expect(sheet.getColumn(c).width).toBeLessThanOrEqual(50);
    }
  });

  it('turns a summer moment into the Amsterdam wall clock (UTC+2)', () => {
    expect(wallClock(new Date('2026-07-01T10:00:00Z')).toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
