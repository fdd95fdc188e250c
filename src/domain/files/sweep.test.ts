import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { pdfBytes, pngBytes } from '../../../test/files';
import { TEST_ACTOR } from '../../../test/actors';
import { createEvent, getEventDocument, replaceEvent } from '../events/service';
import type { EventDocument } from '../events/document';
import { ensureOrganiser } from '../organisers/service';
import { resolveFileLinks, storeFile, sweepUnusedFiles, UNUSED_FILE_GRACE_MS, writeFileLinks, type StoredFileMeta } from './service';
import { storedFiles } from './table';

/* The sweep of uploaded files that no event names any more (housekeeping). */

const NOW = new Date('2026-11-22T12:00:00+01:00');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const BASE = 'http://bijeen.test';

describe.each(databaseKinds)('the sweep of unused files on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let eventId: string;

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    eventId = (await createEvent(database.db, eventDocument({ slug: 'opruimdag' }), { actor: TEST_ACTOR, actingOrganiserId: organiserId })).id!;
  });
  afterAll(() => database?.close());

  const store = async (purpose: 'speaker_photo' | 'report_attachment', bytes: Uint8Array, when: Date): Promise<StoredFileMeta> => {
    const r = await storeFile(database.db, { organiserId, eventId, purpose, name: purpose === 'speaker_photo' ? 'foto.png' : 'slides.pdf', bytes, actor: TEST_ACTOR }, when);
    if (!r.ok) throw new Error(r.message);
    return r;
  };
  const doc = async () => (await getEventDocument(database.db, 'opruimdag', { includePrivate: true }))!;
  const save = (d: EventDocument, now: Date) => replaceEvent(database.db, 'opruimdag', d, { actor: TEST_ACTOR, actingOrganiserId: organiserId, baseUrl: BASE, now });
  const exists = async (id: string) => (await database.db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.id, id))).length === 1;

  it('deletes a replaced photo once its week is over, and keeps what an event names and what was uploaded lately', async () => {
    const first = await store('speaker_photo', pngBytes(20, 20), NOW);
    const second = await store('speaker_photo', pngBytes(30, 30), NOW);
    const slides = await store('report_attachment', await pdfBytes('Slides'), NOW);
    const d = await doc();
    d.speakers[0]!.photo = { fileId: first.id };
    d.report = { title: 'Verslag', body: 'Tekst.', attachments: [{ title: 'Slides', fileId: slides.id }] };
    await save(d, at(DAY));
    // The photo replaced by another: the first is named by nothing now.
    const d2 = await doc();
    d2.speakers[0]!.photo = { fileId: second.id };
    await save(d2, at(2 * DAY));
    const lately = await store('speaker_photo', pngBytes(40, 40), at(7 * DAY));

    // Within the week after the upload nothing goes, named or not.
    expect(await sweepUnusedFiles(database.db, at(UNUSED_FILE_GRACE_MS - 1))).toBe(0);
    expect(await sweepUnusedFiles(database.db, at(UNUSED_FILE_GRACE_MS + DAY))).toBe(1);
    expect(await exists(first.id)).toBe(false);
    expect(await exists(second.id)).toBe(true);
    expect(await exists(slides.id)).toBe(true);
    expect(await exists(lately.id)).toBe(true);
    const after = await doc();
    expect(after.speakers[0]!.photo?.fileId).toBe(second.id);
    expect(after.report!.attachments!.map((a) => a.fileId)).toEqual([slides.id]);
    expect(await sweepUnusedFiles(database.db, at(UNUSED_FILE_GRACE_MS + DAY))).toBe(0);
  });

  it('waits for a save that has checked an old upload and is about to name it, and then keeps the file', async () => {
    const old = await store('speaker_photo', pngBytes(12, 12), NOW);
    const d = await doc();
    d.speakers[0]!.photo = { fileId: old.id };
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let checked!: () => void;
    const reached = new Promise<void>((r) => (checked = r));
    // A save, held between its check of the file and the write of its link.
    const saving = database.db.transaction(async (tx) => {
      const links = await resolveFileLinks(tx, eventId, d);
      checked();
      await gate;
      await writeFileLinks(tx, eventId, links);
    });
    await reached;
    const sweeping = sweepUnusedFiles(database.db, at(20 * DAY));
    // Time enough for a sweep that did not wait to delete the file.
    await new Promise((r) => setTimeout(r, 300));
    release();
    await saving;
    // It did take the photo this save replaced and the first test's late upload, after the save.
    expect(await sweeping).toBe(2);
    expect(await exists(old.id)).toBe(true);
    expect((await doc()).speakers[0]!.photo?.fileId).toBe(old.id);
  });
});
