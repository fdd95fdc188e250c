import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { NO_RATE_LIMITS, testApp, TEST_NOW } from '../../../test/app';
import { pdfText } from '../../../test/pdf';
import { createEvent } from '../../domain/events/service';
import { createApiToken, ensureOrganiser } from '../../domain/organisers/service';
import { TEST_ACTOR } from '../../../test/actors';

/* Exports through the API: personal data for the event's own organisers only, as downloads that are never cached. */

const PATHS = ['registrations.csv', 'registrations.xlsx', 'attendance.pdf', 'badges.pdf'] as const;
const TYPES: Record<(typeof PATHS)[number], string> = {
  'registrations.csv': 'text/csv; charset=utf-8',
  'registrations.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'attendance.pdf': 'application/pdf',
  'badges.pdf': 'application/pdf',
};
const FILENAMES: Record<(typeof PATHS)[number], string> = {
  'registrations.csv': 'aanmeldingen-export-proef-2026-11-22.csv',
  'registrations.xlsx': 'aanmeldingen-export-proef-2026-11-22.xlsx',
  'attendance.pdf': 'presentielijst-export-proef-2026-11-22.pdf',
  'badges.pdf': 'naambadges-export-proef-2026-11-22.pdf',
};

describe.each(databaseKinds)('exports through the API on $name', ({ open }) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof testApp>>;
  let token: string;
  let otherToken: string;
  const billing = { organisationName: 'Gemeente Zwolle', street: 'Grote Kerkplein 15', postcode: '8011pk', city: 'Zwolle', invoiceEmail: 'facturen@example.org' };
  const people = [
    registrant(1, { name: 'Ömer Çelik', billing, answers: { dieet: 'Halal', themas: ['Wonen', 'Zorg'] }, consents: { privacy: true, photos: true } }, 'export'),
    registrant(2, { name: 'Ingrid Ødegaard', organisation: '=1+1', billing, choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } }, 'export'),
    registrant(3, { name: 'Zoë de Vries', billing, choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } }, 'export'),
    registrant(4, { name: 'Wachtende Wim', billing }, 'export'),
  ];
  const get = (path: string, as: string | null = token) => app.request(`/api/v1/events/${path}`, as ? { headers: { authorization: `Bearer ${as}` } } : {});
  const bytes = async (res: Response) => new Uint8Array(await res.arrayBuffer());

  beforeAll(async () => {
    database = await open();
    const org = await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut');
    const other = await ensureOrganiser(database.db, 'ander', 'Andere organisator');
    token = await createApiToken(database.db, org.id, 'test');
    otherToken = await createApiToken(database.db, other.id, 'test');
    await createEvent(
      database.db,
      eventDocument({
        slug: 'export-proef',
        price: { amountCents: 45000, vatCategory: 'standard' },
        registration: {
          capacity: 3,
          closesAt: '2030-03-05T23:59:00+01:00',
          questions: [
            { key: 'dieet', label: 'Dieetwensen', type: 'short_text' },
            { key: 'themas', label: 'Thema’s', type: 'multiple_choice', options: ['Wonen', 'Zorg', 'Veiligheid'] },
          ],
        },
      }),
      { actor: TEST_ACTOR, actingOrganiserId: org.id },
    );
    app = await testApp(database, () => TEST_NOW, NO_RATE_LIMITS);
    for (const p of people) {
      const res = await app.request('/api/v1/events/export-proef/registrations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(p),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });
  afterAll(() => database?.close());

  it.each(PATHS)('keeps %s from callers without a token (401) and from other organisers and unknown events (404)', async (path) => {
    expect((await get(`export-proef/export/${path}`, null)).status).toBe(401);
    expect((await get(`export-proef/export/${path}`, 'bij_ongeldig')).status).toBe(401);
    const other = await get(`export-proef/export/${path}`, otherToken);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('Çelik');
    expect((await get(`bestaat-niet/export/${path}`)).status).toBe(404);
  });

  it.each(PATHS)('serves %s as a download that is never cached', async (path) => {
    const res = await get(`export-proef/export/${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(TYPES[path]);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${FILENAMES[path]}"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('exports everyone active as CSV, in arrival order, with answers, billing and the formula guard', async () => {
    const csv = await (await get('export-proef/export/registrations.csv')).text();
    const [headers, ...rows] = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    const col = (h: string) => headers!.indexOf(h);
    expect(rows.map((r) => [r[col('Naam')], r[col('Status')], r[col('Positie wachtlijst')]])).toEqual([
      ['Ömer Çelik', 'bevestigd', ''],
      ['Ingrid Ødegaard', 'bevestigd', ''],
      ['Zoë de Vries', 'bevestigd', ''],
      ['Wachtende Wim', 'wachtlijst', '1'],
    ]);
    expect(rows[0]![col('Dieetwensen')]).toBe('Halal');
    expect(rows[0]![col('Thema’s')]).toBe('Wonen; Zorg');
    expect(rows[0]![col("Foto's")]).toBe('ja');
    expect(rows[0]![col('Factuur: postcode')]).toBe('8011 PK');
    expect(rows[1]![col('Organisatie')]).toBe("'=1+1");
    expect(rows[0]![col('Ronde 2')]).toBe('ABCD in de wijk');
    // The third to choose ABCD (capacity 2) waits for it: the workshop's own waiting list.
    expect(rows[2]![col('Ronde 2: status')]).toBe('wachtlijst (1)');
    expect(rows[0]![col('Aangemeld op')]).toMatch(/^\d\d-\d\d-\d{4} \d\d:\d\d$/);
  });

  it('filters by status and by workshop, and refuses unknown ones with 400', async () => {
    const names = async (query: string) => {
      const [, ...rows] = parse(await (await get(`export-proef/export/registrations.csv?${query}`)).text(), { bom: true, delimiter: ';' }) as string[][];
      return rows.map((r) => r[2]);
    };
    expect(await names('status=waitlisted')).toEqual(['Wachtende Wim']);
    expect(await names('status=confirmed,waitlisted&workshop=abcd&round=ronde-2')).toEqual(['Ömer Çelik', 'Ingrid Ødegaard', 'Zoë de Vries', 'Wachtende Wim']);
    expect(await names('status=cancelled')).toEqual([]);
    for (const query of ['status=gezellig', 'workshop=bestaat-niet', 'round=ronde-9', 'round=ronde-1&workshop=corporaties']) {
      const res = await get(`export-proef/export/registrations.csv?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
  });

  it('exports a workbook that reads back with the same rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(await get('export-proef/export/registrations.xlsx'))).buffer as ArrayBuffer);
    const sheet = wb.getWorksheet('Aanmeldingen')!;
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(2).getCell(3).value).toBe('Ömer Çelik');
    expect(sheet.getRow(3).getCell(5).value).toBe('=1+1');
    expect(sheet.getRow(5).getCell(1).value).toBe('wachtlijst');
  });

  it('prints attendance lists of confirmed seats only, per workshop per round or for one', async () => {
    const all = await pdfText(await bytes(await get('export-proef/export/attendance.pdf')));
    expect(all).toHaveLength(4); // abcd and geld in round 1, abcd and corporaties in round 2
    const abcd2 = all.find((p) => p.includes('ABCD in de wijk') && p.includes('Ronde 2'))!;
    expect(abcd2).toContain('Ömer Çelik');
    expect(abcd2).toContain('Ingrid Ødegaard');
    expect(abcd2).not.toContain('Zoë de Vries'); // waiting for the workshop
    expect(all.join(' ')).not.toContain('Wachtende Wim');
    const one = await pdfText(await bytes(await get('export-proef/export/attendance.pdf?round=ronde-1&workshop=geld')));
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('Presentielijst: Zeggenschap door geld');
    for (const n of ['Ömer Çelik', 'Ingrid Ødegaard', 'Zoë de Vries']) expect(one[0]).toContain(n);
  });

  it('prints badges of the confirmed, by name', async () => {
    const [page] = await pdfText(await bytes(await get('export-proef/export/badges.pdf')));
    expect(page).toContain('Ingrid Ødegaard');
    expect(page).toContain('Zoë de Vries');
    expect(page).toContain('Ömer Çelik');
    expect(page).toContain('Proefdag wijkaanpak');
    expect(page).not.toContain('Wachtende Wim');
    const [waiting] = await pdfText(await bytes(await get('export-proef/export/badges.pdf?status=waitlisted')));
    expect(waiting).toContain('Wachtende Wim');
  });
});
