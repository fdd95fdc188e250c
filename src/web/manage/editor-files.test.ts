import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createSession } from '../../domain/accounts/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { createEvent, getEventDocument } from '../../domain/events/service';
import { storedFiles } from '../../domain/files/table';
import { ensureOrganiser } from '../../domain/organisers/service';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { pdfBytes, pngBytes, pngOfSize, svgBytes, textBytes } from '../../../test/files';
import { testApp, TEST_NOW } from '../../../test/app';
import { toValues, type EditorPart } from './editor-form';
import { TEST_ACTOR } from '../../../test/actors';

/* Photos and attachments in the editor, and serving them: who may upload and see what, the headers, and refusals that save nothing. */

const ORIGIN = 'http://localhost';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;

describe.each(databaseKinds)('files in the editor and on the site ($name)', (kind) => {
  let database: TestDatabase;
  let app: App;
  let pdf: Uint8Array;
  const cookies: Record<AccountRole | 'ander', string> = { beheerder: '', redacteur: '', balie: '', ander: '' };

  const get = (path: string, cookie = '', headers: Record<string, string> = {}) => app.request(`${ORIGIN}${path}`, { headers: { cookie, ...headers } });
  const doc = async (slug: string) => (await getEventDocument(database.db, slug, { includePrivate: true }))!;
  const fileCount = async () => (await database.db.select({ id: storedFiles.id }).from(storedFiles)).length;

  /** A multipart form as the browser sends it: the part's fields, changes, and files. */
  async function postPart(slug: string, part: EditorPart, cookie: string, change: Record<string, string> = {}, files: Record<string, [Uint8Array, string, string]> = {}, opts: { csrf?: string } = {}) {
    const form = new FormData();
    form.set('_csrf', opts.csrf ?? CSRF);
    for (const [k, v] of Object.entries({ ...toValues(part, await doc(slug)), ...change })) form.append(k, v);
    for (const [k, [bytes, name, type]] of Object.entries(files)) form.append(k, new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
    return app.request(`${ORIGIN}/beheer/evenementen/${slug}/bewerken/${part}`, {
      method: 'POST',
      headers: { origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].join('; ') },
      body: form,
    });
  }
  const photoOf = async (slug: string) => (await doc(slug)).speakers[0]!.photo;

  beforeAll(async () => {
    database = await kind.open();
    app = await testApp(database);
    pdf = await pdfBytes('Presentatie Jan Jansen');
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    await createEvent(database.db, eventDocument({ slug: 'fotodag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'concept-fotodag', status: 'draft' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), { actor: TEST_ACTOR, actingOrganiserId: other });
    for (const role of ['beheerder', 'redacteur', 'balie'] as const) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: 'paars paard op de dijk', role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const id = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve ander', password: 'paars paard op de dijk', role: 'beheerder' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
  });
  afterAll(() => database?.close());

  it('uploads a speaker photo, and serves it with its type, nosniff, inline name, ETag (304) and a year of caching', async () => {
    const png = pngBytes(320, 240);
    const res = await postPart('fotodag', 'sprekers', cookies.redacteur, {}, { 'speakers.0.photoFile': [png, 'Fictieve Spreker.png', 'image/png'] });
    expect(res.status).toBe(303);
    const photo = (await photoOf('fotodag'))!;
    expect(photo).toMatchObject({ contentType: 'image/png', filename: 'Fictieve-Spreker.png', width: 320, height: 240, sizeBytes: png.length });

    const served = await get(photo.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-disposition')).toBe(`inline; filename="Fictieve-Spreker.png"; filename*=UTF-8''Fictieve-Spreker.png`);
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = served.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(png))).toBe(true);

    const again = await get(photo.url!, '', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // The event page shows it: alt is the speaker's name, with width, height and lazy loading.
    const page = await (await get('/evenementen/fotodag')).text();
    expect(page).toContain(`<img class="bijeen-speaker__photo" src="${photo.url}" alt="Fictieve Spreker" width="160" height="120" loading="lazy"`);
  });

  it('adds a PDF to the report: public once the report is published, in a sandbox, listed with type and size', async () => {
    const res = await postPart('fotodag', 'verslag', cookies.redacteur, {
      'report.title': 'Terugblik',
      'report.body': 'Het was een mooie middag.',
      'report.attachments.0.key': '',
      'report.attachments.0.title': 'Presentatie Jan Jansen',
      'report.attachments.0.fileId': '',
    }, { 'report.attachments.0.file': [pdf, 'slides jan.pdf', 'application/pdf'] });
    expect(res.status).toBe(303);
    const [attachment] = (await doc('fotodag')).report!.attachments!;
    expect(attachment).toMatchObject({ title: 'Presentatie Jan Jansen', contentType: 'application/pdf', filename: 'slides-jan.pdf' });
    // Not published yet: not public, but the organiser's staff see it.
    expect((await get(attachment!.url!)).status).toBe(404);
    const staff = await get(`/beheer${attachment!.url}`, cookies.balie);
    expect(staff.status).toBe(200);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');

    expect((await postPart('fotodag', 'verslag', cookies.redacteur, { 'report.published': 'ja' })).status).toBe(303);
    expect((await doc('fotodag')).report!.attachments!.map((a) => a.fileId)).toEqual([attachment!.fileId]);
    const served = await get(attachment!.url!);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-security-policy')).toBe('sandbox');
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
    const report = await (await get('/evenementen/fotodag/verslag')).text();
    expect(report).toMatch(new RegExp(`<a class="utrecht-link" href="${attachment!.url}">Presentatie Jan Jansen</a> \\(PDF, \\d+ kB\\)`));
    expect(await (await get('/evenementen/fotodag')).text()).toContain('Bijlagen bij het verslag');
  });

  it.each([
    ['a text file named foto.png', textBytes(), 'foto.png', 415, 'Dit bestand is geen foto als JPEG, PNG of WebP.'],
    ['an SVG', svgBytes(), 'logo.svg', 415, 'Dit bestand is geen foto'],
    ['a photo of 3 MB', pngOfSize(3 * 1024 * 1024), 'groot.png', 413, 'Het bestand is 3 MB; dat is te groot. Het mag hoogstens 2 MB zijn.'],
  ])('refuses %s next to the field and saves nothing', async (_what, bytes, name, status, message) => {
    const before = await fileCount();
    const photo = await photoOf('fotodag');
    const res = await postPart('fotodag', 'sprekers', cookies.redacteur, { 'speakers.0.name': 'Andere naam' }, { 'speakers.0.photoFile': [bytes, name, 'image/png'] });
    expect(res.status).toBe(status);
    const html = await res.text();
    expect(html).toContain('id="veld-speakers.0.photoFile-fout"');
    expect(html).toContain(message);
    expect(await fileCount()).toBe(before);
    expect((await doc('fotodag')).speakers[0]!.name).toBe('Fictieve Spreker');
    expect(await photoOf('fotodag')).toEqual(photo);
  });

  it('answers a form larger than 25 MB with 413 and a Dutch message on the page, saving nothing', async () => {
    const before = await fileCount();
    const res = await postPart('fotodag', 'verslag', cookies.redacteur, { 'report.attachments.1.key': '', 'report.attachments.1.title': 'Te groot', 'report.attachments.1.fileId': '' }, { 'report.attachments.1.file': [new Uint8Array(26 * 1024 * 1024), 'groot.pdf', 'application/pdf'] });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Wat u verstuurde is groter dan 25 MB en is niet opgeslagen.');
    expect(await fileCount()).toBe(before);
  });

  it('asks for a PDF when a new attachment has none (400), and a save refused by the schema keeps no uploaded file', async () => {
    const before = await fileCount();
    const missing = await postPart('fotodag', 'verslag', cookies.redacteur, { 'report.attachments.1.key': '', 'report.attachments.1.title': 'Zonder bestand', 'report.attachments.1.fileId': '' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Kies een PDF-bestand, of verwijder deze bijlage.');
    // A valid PDF, but the attachment has no title: the schema refuses, the upload is rolled back.
    const untitled = await postPart('fotodag', 'verslag', cookies.redacteur, { 'report.attachments.1.key': '', 'report.attachments.1.title': '', 'report.attachments.1.fileId': '' }, { 'report.attachments.1.file': [pdf, 'x.pdf', 'application/pdf'] });
    expect(untitled.status).toBe(400);
    const html = await untitled.text();
    expect(html).toContain('id="veld-report.attachments.1.title-fout"');
    expect(html).toContain('Kies de bestanden opnieuw');
    expect(await fileCount()).toBe(before);
    expect((await doc('fotodag')).report!.attachments).toHaveLength(1);
  });

  it('stores nothing when the form is only shown again (a row added) or was filled in on an older version, and says to choose the file again', async () => {
    const before = await fileCount();
    const file = { 'speakers.0.photoFile': [pngBytes(), 'x.png', 'image/png'] as [Uint8Array, string, string] };
    const added = await postPart('fotodag', 'sprekers', cookies.redacteur, { actie: 'toevoegen:speakers' }, file);
    expect(added.status).toBe(200);
    expect(await added.text()).toContain('kies ze opnieuw');
    const stale = await postPart('fotodag', 'sprekers', cookies.redacteur, { versie: '2000-01-01T00:00:00.000Z' }, file);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain('kies ze opnieuw');
    expect(await fileCount()).toBe(before);
  });

  it('refuses an upload without the CSRF token (403) and stores nothing', async () => {
    const before = await fileCount();
    const res = await postPart('fotodag', 'sprekers', cookies.redacteur, {}, { 'speakers.0.photoFile': [pngBytes(), 'x.png', 'image/png'] }, { csrf: 'x'.repeat(32) });
    expect(res.status).toBe(403);
    expect(await fileCount()).toBe(before);
  });

  it("gives balie 403 and another organiser 404 on the upload, storing nothing", async () => {
    const before = await fileCount();
    const balie = await postPart('fotodag', 'sprekers', cookies.balie, {}, { 'speakers.0.photoFile': [pngBytes(), 'x.png', 'image/png'] });
    expect(balie.status).toBe(403);
    const form = new FormData();
    form.set('_csrf', CSRF);
    form.set('speakers.0.name', 'Iemand');
    form.append('speakers.0.photoFile', new File([pngBytes() as Uint8Array<ArrayBuffer>], 'x.png'));
    const other = await app.request(`${ORIGIN}/beheer/evenementen/andere-dag/bewerken/sprekers`, { method: 'POST', headers: { origin: ORIGIN, cookie: `bijeen_csrf=${CSRF}; ${cookies.beheerder}` }, body: form });
    expect(other.status).toBe(404);
    expect(await fileCount()).toBe(before);
  });

  it("keeps a draft's photo from the public and from another organiser, shows it to staff and in the preview", async () => {
    expect((await postPart('concept-fotodag', 'sprekers', cookies.beheerder, {}, { 'speakers.0.photoFile': [pngBytes(50, 50), 'concept.png', 'image/png'] })).status).toBe(303);
    const photo = (await photoOf('concept-fotodag'))!;
    expect((await get(photo.url!)).status).toBe(404);
    expect((await get(`/beheer${photo.url}`, cookies.redacteur)).status).toBe(200);
    expect((await get(`/beheer${photo.url}`, cookies.ander)).status).toBe(404);
    expect(await (await get('/beheer/evenementen/concept-fotodag/voorbeeld', cookies.redacteur)).text()).toContain(`src="/beheer${photo.url}"`);
    // The editor shows it as a thumbnail with its name in the alt text.
    expect(await (await get('/beheer/evenementen/concept-fotodag/bewerken/sprekers', cookies.redacteur)).text()).toContain(`alt="Foto van Fictieve Spreker"`);
  });

  it('keeps the speaker photos in a copy, without the report', async () => {
    const res = await app.request(`${ORIGIN}/beheer/evenementen/fotodag/kopieren`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: `bijeen_csrf=${CSRF}; ${cookies.redacteur}` },
      body: new URLSearchParams({ _csrf: CSRF }),
    });
    expect(res.status).toBe(303);
    const copy = await doc('fotodag-kopie');
    expect(copy.speakers[0]!.photo?.fileId).toBe((await photoOf('fotodag'))!.fileId);
    expect(copy.report).toBeNull();
  });

  it('removes a photo with "Foto verwijderen"; it is then no longer public', async () => {
    const photo = (await photoOf('fotodag'))!;
    const res = await postPart('fotodag', 'sprekers', cookies.redacteur, { 'speakers.0.removePhoto': 'ja' });
    expect(res.status).toBe(303);
    expect(await photoOf('fotodag')).toBeUndefined();
    // The copy (a draft) still uses it, but the public sees no published event with it.
    expect((await get(photo.url!)).status).toBe(404);
  });

  it.each(['/bestanden/00000000-0000-4000-8000-000000000000/x.png', '/bestanden/geen-id/x.png', '/bestanden/%00/x'])('GET %s → 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});
