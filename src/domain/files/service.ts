import { createHash, randomUUID } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { FieldProblem } from '../../kernel/errors';
import { DomainError } from '../../kernel/errors';
import { recordAudit, type Actor } from '../audit/service';
import type { EventDocument, ReportAttachment, SpeakerPhoto } from '../events/document';
import { events } from '../events/table';
import { fileHead, findFileWithData, findFilesMeta, isReferencedByOrganiser, isShownPublicly, listFilesOfEvent, organiserIdsOfEvent } from './data';
import { checkUpload, fileUrl, humanSize, pixelSize, PURPOSE_RULES, typeLabel, type FileLinks, type RefusedFile } from './rules';

export type { FileLinks };
import { storedFiles, type FilePurpose } from './table';

export { FILE_PURPOSES, type FilePurpose } from './table';

/*
 * Stored files (bestanden): speaker photos and report attachments, kept in the database
 * (bytea) so that every app instance serves the same files (decision 019).
 *
 * Storing checks the bytes (type from the content, size, pixel size) and writes the file
 * with its audit entry in one transaction. The event document refers to files by id; on
 * every create/replace `resolveFileLinks` checks each reference (it exists, belongs to one
 * of the event's organisers, has the right purpose) and keeps what a page needs to show
 * it (name, type, size, pixel size) with the event, so reading an event costs no query
 * more. Files never change: a new upload is a new id.
 */

export interface StoredFileMeta {
  id: string;
  organiserId: string;
  eventId: string | null;
  purpose: FilePurpose;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  url: string;
  width?: number;
  height?: number;
}

export interface UploadInput {
  /** Give one to name the file in a document before it is stored (in the same transaction). */
  id?: string;
  organiserId: string;
  eventId: string | null;
  purpose: FilePurpose;
  /** The name as uploaded; cleaned, and its extension set from the content. */
  name: string;
  bytes: Uint8Array;
  actor: Actor;
}

export type StoreResult = ({ ok: true } & StoredFileMeta) | RefusedFile;

/** Check an upload and store it in this transaction, with its audit entry. */
export async function insertStoredFile(tx: Db, input: UploadInput, now: Date = new Date()): Promise<StoreResult> {
  const checked = checkUpload(input.purpose, input.bytes, input.name);
  if (!checked.ok) return checked;
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const id = input.id ?? randomUUID();
  await tx.insert(storedFiles).values({
    id,
    organiserId: input.organiserId,
    eventId: input.eventId,
    purpose: input.purpose,
    filename: checked.filename,
    contentType: checked.contentType,
    sizeBytes: checked.sizeBytes,
    sha256,
    data: input.bytes,
    uploadedBy: input.actor.accountId,
    createdAt: now,
  });
  await recordAudit(
    tx,
    {
      organiserId: input.organiserId,
      eventId: input.eventId,
      actor: input.actor,
      action: 'file.uploaded',
      summary: `${input.purpose === 'speaker_photo' ? 'Foto' : 'Bijlage'} "${checked.filename}" geüpload (${typeLabel(checked.contentType)}, ${humanSize(checked.sizeBytes)}).`,
      details: { fileId: id, purpose: input.purpose, filename: checked.filename, contentType: checked.contentType, sizeBytes: checked.sizeBytes },
    },
    now,
  );
  return {
    ok: true,
    id,
    organiserId: input.organiserId,
    eventId: input.eventId,
    purpose: input.purpose,
    filename: checked.filename,
    contentType: checked.contentType,
    sizeBytes: checked.sizeBytes,
    sha256,
    url: fileUrl(id, checked.filename),
    ...(checked.width ? { width: checked.width, height: checked.height } : {}),
  };
}

/** Store one upload in a transaction of its own. A refusal (too large, wrong type) is a value. */
export async function storeFile(db: Db, input: UploadInput, now: Date = new Date()): Promise<StoreResult> {
  return db.transaction((tx) => insertStoredFile(tx, input, now));
}

/** A file to serve, with its bytes; null when there is none with this id. */
export async function readFile(db: Db, id: string) {
  if (!UUID.test(id)) return null;
  return findFileWithData(db, id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who may fetch a file: anyone when a published event shows it; staff of an organiser that owns or uses it. */
export async function mayRead(
  db: Db,
  file: { id: string; organiserId: string },
  who: { organiserId: string } | null,
  now: Date,
): Promise<'public' | 'staff' | false> {
  if (await isShownPublicly(db, file.id, now)) return 'public';
  if (who && (who.organiserId === file.organiserId || (await isReferencedByOrganiser(db, file.id, who.organiserId)))) return 'staff';
  return false;
}

/** The files uploaded for one event, newest last, without their bytes. */
export async function listEventFiles(db: Db, eventId: string): Promise<StoredFileMeta[]> {
  const rows = await listFilesOfEvent(db, eventId);
  return rows.map((r) => ({ ...r, url: fileUrl(r.id, r.filename) }));
}

// ---------------------------------------------------------------------------------------
// The links between an event and its files

/** An event without files. */
const EMPTY: FileLinks = { speakerPhotos: [], reportAttachments: [] };

/** The speaker's photo as the document shows it. */
export function photoOf(links: FileLinks, speakerKey: string): SpeakerPhoto | undefined {
  const l = links.speakerPhotos.find((p) => p.speaker === speakerKey);
  if (!l) return undefined;
  const { speaker: _s, ...rest } = l;
  return { ...rest, url: fileUrl(l.fileId, l.filename) };
}

export function attachmentsOf(links: FileLinks): ReportAttachment[] {
  return links.reportAttachments.map((a) => ({ ...a, url: fileUrl(a.fileId, a.filename) }));
}

/**
 * Check every file the document names and return what the event keeps of them. A file
 * must exist, belong to one of the event's organisers (as linked in this transaction) and
 * have the purpose of its place; each problem names its field.
 */
export async function resolveFileLinks(tx: Db, eventId: string, doc: EventDocument, known: FileLinks = EMPTY): Promise<FileLinks> {
  const photos = doc.speakers.flatMap((s, i) => (s.photo ? [{ i, speaker: s.key, fileId: s.photo.fileId }] : []));
  const attachments = (doc.report?.attachments ?? []).map((a, i) => ({ i, title: a.title, fileId: a.fileId }));
  if (photos.length === 0 && attachments.length === 0) return EMPTY;
  // Shared with every other save, exclusive for the sweep of unused files (sweepUnusedFiles),
  // and held to the commit: a file this save finds here is not deleted before its link lands.
  await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${FILE_LINKS_LOCK})`);
  const organiserIds = new Set(await organiserIdsOfEvent(tx, eventId));
  const found = new Map((await findFilesMeta(tx, [...new Set([...photos, ...attachments].map((r) => r.fileId))])).map((f) => [f.id, f]));
  const problems: FieldProblem[] = [];
  const usable = (fileId: string, purpose: FilePurpose, path: string) => {
    const f = found.get(fileId);
    if (!f || !organiserIds.has(f.organiserId)) {
      // Another organiser's file is as good as not there: its existence is not told.
      problems.push({ path, message: `Er is geen bestand "${fileId}" van de organisatoren van dit evenement.` });
      return null;
    }
    if (f.purpose !== purpose) {
      problems.push({
        path,
        message: purpose === 'speaker_photo' ? 'Dit bestand is geüpload als bijlage, niet als foto van een spreker.' : 'Dit bestand is geüpload als foto van een spreker, niet als bijlage van het verslag.',
      });
      return null;
    }
    return f;
  };
  const links: FileLinks = { speakerPhotos: [], reportAttachments: [] };
  for (const p of photos) {
    const f = usable(p.fileId, 'speaker_photo', `speakers.${p.i}.photo.fileId`);
    if (!f) continue;
    // A file never changes, so a photo the event already shows keeps its known pixel size;
    // only a new one is read (its first bytes), one query at a time: a transaction is one connection.
    const linked = known.speakerPhotos.find((l) => l.fileId === f.id && l.width !== undefined);
    const head = linked ? null : await fileHead(tx, f.id);
    const size = linked ? { width: linked.width!, height: linked.height! } : head ? pixelSize(head) : null;
    links.speakerPhotos.push({ speaker: p.speaker, fileId: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes, ...(size ?? {}) });
  }
  for (const a of attachments) {
    const f = usable(a.fileId, 'report_attachment', `report.attachments.${a.i}.fileId`);
    if (f) links.reportAttachments.push({ title: a.title, fileId: f.id, filename: f.filename, contentType: f.contentType, sizeBytes: f.sizeBytes });
  }
  if (problems.length) throw new DomainError('invalid', 'Het evenement is niet geldig.', problems);
  return links;
}

/** Keep the checked file links with the event (in the same transaction as the rest of the save); none clears them. */
export async function writeFileLinks(tx: Db, eventId: string, links: FileLinks): Promise<void> {
  await tx.update(events).set({ fileLinks: links }).where(eq(events.id, eventId));
}

/** An arbitrary fixed key for the lock between saves that link files and the sweep of unused ones. */
const FILE_LINKS_LOCK = 724_031_338;

/**
 * How long an upload may wait before an event names it: an API client uploads first and
 * sends the document that names the file later (the editor does both in one transaction).
 */
export const UNUSED_FILE_GRACE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Delete the files no event names any more (a replaced photo, a removed attachment) and
 * that were uploaded longer ago than the grace period. Takes the links lock exclusively:
 * it waits for saves that are linking files, and they wait for it, so a file named by a
 * save is either seen as named or not yet checked by it. Returns how many were deleted.
 */
export async function sweepUnusedFiles(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNUSED_FILE_GRACE_MS);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${FILE_LINKS_LOCK})`);
    // Every file any event names, in one pass over the events (then a hash anti-join),
    // rather than a search of all events for each file.
    const gone = await tx
      .delete(storedFiles)
      .where(
        and(
          lt(storedFiles.createdAt, before),
          sql`${storedFiles.id}::text not in (
            select link->>'fileId' from ${events}, jsonb_array_elements(${events.fileLinks}->'speakerPhotos') as link
            union
            select link->>'fileId' from ${events}, jsonb_array_elements(${events.fileLinks}->'reportAttachments') as link
          )`,
        ),
      )
      .returning({ id: storedFiles.id });
    return gone.length;
  });
}

/** The largest upload of any purpose: the bound of a request that carries files. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(PURPOSE_RULES).map((r) => r.maxBytes));
