import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { pdfBytes, pngBytes, svgBytes } from '../../../test/files';
import { auditEntries } from '../audit/table';
import type { Actor } from '../audit/service';
import { createEvent, getEventDocument, replaceEvent } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { DomainError } from '../../kernel/errors';
import { listEventFiles, mayRead, readFile, storeFile, type StoredFileMeta } from './service';
import { storedFiles } from './table';
import { TEST_ACTOR } from '../../../test/actors';

const ACTOR: Actor = { accountId: null, name: 'API-token ‘Test’' };
const NOW = new Date('2026-11-22T12:00:00+01:00');

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

describe.each(databaseKinds)('stored files on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let otherId: string;
  let pdf: Uint8Array;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    otherId = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    pdf = await pdfBytes('Presentatie Jan Jansen');
  });
  afterAll(() => database?.close());

  const store = async (purpose: 'speaker_photo' | 'report_attachment', bytes: Uint8Array, name: string, owner = organiserId, eventId: string | null = null): Promise<StoredFileMeta> => {
    const r = await storeFile(database.db, { organiserId: owner, eventId, purpose, name, bytes, actor: ACTOR }, NOW);
    if (!r.ok) throw new Error(r.message);
    return r;
  };

  it('stores a file and reads back the same bytes, with its type from the content and an audit entry', async () => {
    const photo = pngBytes(40, 30);
    const stored = await store('speaker_photo', photo, 'Jan Jansen.png');
    expect(stored).toMatchObject({ contentType: 'image/png', filename: 'Jan-Jansen.png', sizeBytes: photo.length, width: 40, height: 30 });
    expect(stored.url).toBe(`/bestanden/${stored.id}/Jan-Jansen.png`);
    const read = await readFile(database.db, stored.id);
    expect(Buffer.from(read!.data).equals(Buffer.from(photo))).toBe(true);
    expect(read!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const stored2 = await store('report_attachment', pdf, 'slides.pdf');
    expect(Buffer.from((await readFile(database.db, stored2.id))!.data).equals(Buffer.from(pdf))).toBe(true);

    const [entry] = await database.db.select().from(auditEntries).where(eq(auditEntries.action, 'file.uploaded')).limit(1);
    expect(entry).toMatchObject({ organiserId, actor: 'API-token ‘Test’', summary: `Foto "Jan-Jansen.png" geüpload (PNG, ${photo.length} bytes).` });
    expect(entry!.details).toMatchObject({ fileId: stored.id, purpose: 'speaker_photo' });
  });

  it('refuses an SVG and writes nothing, not even an audit entry', async () => {
    const before = (await database.db.select().from(storedFiles)).length;
    const audits = (await database.db.select().from(auditEntries)).length;
    const r = await storeFile(database.db, { organiserId, eventId: null, purpose: 'speaker_photo', name: 'logo.svg', bytes: svgBytes(), actor: ACTOR });
    expect(r).toMatchObject({ ok: false, status: 415 });
    expect((await database.db.select().from(storedFiles)).length).toBe(before);
    expect((await database.db.select().from(auditEntries)).length).toBe(audits);
  });

  it('gives the document the photo and attachments with address, type, size and pixel size', async () => {
    const photo = await store('speaker_photo', pngBytes(200, 250), 'spreker.png');
    const slides = await store('report_attachment', pdf, 'Presentatie.pdf');
    await createEvent(
      database.db,
      eventDocument({
        slug: 'met-bestanden',
        speakers: [{ key: 'spreker', name: 'Fictieve Spreker', photo: { fileId: photo.id } }],
        report: { title: 'Verslag', body: 'Het was goed.', publishedAt: '2026-11-01T10:00:00+01:00', attachments: [{ title: 'Presentatie Jan Jansen', fileId: slides.id }] },
      }),
      { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: NOW },
    );
    const doc = (await getEventDocument(database.db, 'met-bestanden', { now: NOW }))!;
    expect(doc.speakers[0]!.photo).toEqual({ fileId: photo.id, url: photo.url, filename: 'spreker.png', contentType: 'image/png', sizeBytes: photo.sizeBytes, width: 200, height: 250 });
    expect(doc.report!.attachments).toEqual([{ title: 'Presentatie Jan Jansen', fileId: slides.id, url: slides.url, filename: 'Presentatie.pdf', contentType: 'application/pdf', sizeBytes: pdf.length }]);
    // The audience of the document is as it was written: the links are not part of it.
    expect(doc.audience).toEqual({ groups: ['Beleidsmakers', 'Wijkwerkers'] });
    // What GET gives, PUT takes (read-only fields are ignored), and the links stay.
    await replaceEvent(database.db, 'met-bestanden', doc, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test', now: NOW });
    expect((await getEventDocument(database.db, 'met-bestanden', { now: NOW }))!.speakers[0]!.photo?.fileId).toBe(photo.id);
    expect(await mayRead(database.db, photo, null, NOW)).toBe('public');
    expect(await mayRead(database.db, slides, null, NOW)).toBe('public');

    // Taken off the page, the files are no longer public (still there for the organiser's staff).
    const bare = { ...doc, speakers: doc.speakers.map(({ photo: _p, ...s }) => s), report: { ...doc.report!, attachments: [] } };
    await replaceEvent(database.db, 'met-bestanden', bare, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test', now: NOW });
    const after = (await getEventDocument(database.db, 'met-bestanden', { now: NOW }))!;
    expect(after.speakers[0]!.photo).toBeUndefined();
    expect(after.report!.attachments).toEqual([]);
    expect(await mayRead(database.db, photo, null, NOW)).toBe(false);
    expect(await mayRead(database.db, slides, null, NOW)).toBe(false);
    expect(await mayRead(database.db, photo, { organiserId }, NOW)).toBe('staff');
  });

  it("refuses a document that names another organiser's file, with the field path, and writes nothing", async () => {
    const theirs = await store('speaker_photo', pngBytes(), 'hun-foto.png', otherId);
    const err = await rejection(
      createEvent(database.db, eventDocument({ slug: 'vreemde-foto', speakers: [{ key: 'spreker', name: 'Fictieve Spreker', photo: { fileId: theirs.id } }] }), { actor: TEST_ACTOR, actingOrganiserId: organiserId }),
    );
    expect(err.code).toBe('invalid');
    expect(err.problems).toEqual([{ path: 'speakers.0.photo.fileId', message: `Er is geen bestand "${theirs.id}" van de organisatoren van dit evenement.` }]);
    expect(await getEventDocument(database.db, 'vreemde-foto', { includePrivate: true })).toBeNull();
  });

  it('refuses a file of the wrong purpose and an id that does not exist, each at its field', async () => {
    const photo = await store('speaker_photo', pngBytes(), 'foto.png');
    const err = await rejection(
      createEvent(
        database.db,
        eventDocument({
          slug: 'verkeerd-doel',
          report: {
            title: 'Verslag',
            body: 'Tekst.',
            attachments: [
              { title: 'Foto', fileId: photo.id },
              { title: 'Weg', fileId: '00000000-0000-4000-8000-000000000000' },
            ],
          },
        }),
        { actor: TEST_ACTOR, actingOrganiserId: organiserId },
      ),
    );
    expect(err.problems.map((p) => p.path)).toEqual(['report.attachments.0.fileId', 'report.attachments.1.fileId']);
    expect(err.problems[0]!.message).toBe('Dit bestand is geüpload als foto van een spreker, niet als bijlage van het verslag.');
  });

  it('shows a draft’s files only to its organiser’s staff, an unpublished report’s attachment to nobody else, and a removed photo to nobody', async () => {
    const photo = await store('speaker_photo', pngBytes(), 'concept.png');
    const slides = await store('report_attachment', pdf, 'later.pdf');
    const saved = await createEvent(
      database.db,
      eventDocument({
        slug: 'concept-met-foto',
        status: 'draft',
        speakers: [{ key: 'spreker', name: 'Fictieve Spreker', photo: { fileId: photo.id } }],
        report: { title: 'Verslag', body: 'Nog niet af.', attachments: [{ title: 'Later', fileId: slides.id }] },
      }),
      { actor: TEST_ACTOR, actingOrganiserId: organiserId, now: NOW },
    );
    expect(await mayRead(database.db, photo, null, NOW)).toBe(false);
    expect(await mayRead(database.db, photo, { organiserId }, NOW)).toBe('staff');
    expect(await mayRead(database.db, photo, { organiserId: otherId }, NOW)).toBe(false);

    const published = await replaceEvent(database.db, saved.slug, { ...saved, status: 'published' }, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test', now: NOW });
    expect(await mayRead(database.db, photo, null, NOW)).toBe('public');
    // The report is not published: its attachment is not public yet.
    expect(await mayRead(database.db, slides, null, NOW)).toBe(false);

    await replaceEvent(database.db, saved.slug, { ...published, speakers: [{ key: 'spreker', name: 'Fictieve Spreker' }] }, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: 'http://bijeen.test', now: NOW });
    expect(await mayRead(database.db, photo, null, NOW)).toBe(false);
  });

  it('lists the files uploaded for an event', async () => {
    const saved = await createEvent(database.db, eventDocument({ slug: 'lijst-van-bestanden' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    await store('speaker_photo', pngBytes(), 'een.png', organiserId, saved.id!);
    await store('report_attachment', pdf, 'twee.pdf', organiserId, saved.id!);
    expect((await listEventFiles(database.db, saved.id!)).map((f) => [f.filename, f.purpose])).toEqual([
      ['een.png', 'speaker_photo'],
      ['twee.pdf', 'report_attachment'],
    ]);
  });
});
