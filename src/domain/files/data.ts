import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { eventOrganisers, events, reports } from '../events/table';
import { storedFiles } from './table';

/** A stored file without its bytes. */
export const fileMetaColumns = {
  id: storedFiles.id,
  organiserId: storedFiles.organiserId,
  eventId: storedFiles.eventId,
  purpose: storedFiles.purpose,
  filename: storedFiles.filename,
  contentType: storedFiles.contentType,
  sizeBytes: storedFiles.sizeBytes,
  sha256: storedFiles.sha256,
  createdAt: storedFiles.createdAt,
};

export async function findFilesMeta(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(fileMetaColumns).from(storedFiles).where(inArray(storedFiles.id, ids));
}

/** The first bytes of a file: enough for the pixel size of a photo. */
export async function fileHead(db: Db, id: string, bytes = 256 * 1024): Promise<Uint8Array | null> {
  const [row] = await db
    .select({ head: sql<Uint8Array>`substring(${storedFiles.data} from 1 for ${bytes})` })
    .from(storedFiles)
    .where(eq(storedFiles.id, id));
  return row ? toBytes(row.head) : null;
}

export async function findFileWithData(db: Db, id: string) {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id)).limit(1);
  return row ? { ...row, data: toBytes(row.data) } : null;
}

/** node-postgres gives a Buffer, PGlite a Uint8Array: one shape for both. */
function toBytes(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string' && v.startsWith('\\x')) return Uint8Array.from(Buffer.from(v.slice(2), 'hex'));
  throw new Error('unexpected bytea value');
}

export async function listFilesOfEvent(db: Db, eventId: string) {
  return db.select(fileMetaColumns).from(storedFiles).where(eq(storedFiles.eventId, eventId)).orderBy(storedFiles.createdAt);
}

export async function organiserIdsOfEvent(db: Db, eventId: string): Promise<string[]> {
  const rows = await db.select({ id: eventOrganisers.organiserId }).from(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  return rows.map((r) => r.id);
}

/**
 * Whether a published (or cancelled, still shown) event shows this file: as a speaker's
 * photo, or as an attachment of a report published by `now`. The references live in the
 * event row (`events.file_links`), so this is one containment query.
 */
export async function isShownPublicly(db: Db, fileId: string, now: Date): Promise<boolean> {
  const photo = JSON.stringify({ speakerPhotos: [{ fileId }] });
  const attachment = JSON.stringify({ reportAttachments: [{ fileId }] });
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .leftJoin(reports, eq(reports.eventId, events.id))
    .where(
      and(
        inArray(events.status, ['published', 'cancelled']),
        sql`(${events.fileLinks} @> ${photo}::jsonb or (${events.fileLinks} @> ${attachment}::jsonb and ${reports.publishedAt} <= ${now.toISOString()}::timestamptz))`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Whether an event referring to this file is organised by this organiser (its staff may see drafts). */
export async function isReferencedByOrganiser(db: Db, fileId: string, organiserId: string): Promise<boolean> {
  const photo = JSON.stringify({ speakerPhotos: [{ fileId }] });
  const attachment = JSON.stringify({ reportAttachments: [{ fileId }] });
  const [row] = await db
    .select({ id: events.id })
    .from(events)
    .innerJoin(eventOrganisers, eq(eventOrganisers.eventId, events.id))
    .where(and(eq(eventOrganisers.organiserId, organiserId), sql`(${events.fileLinks} @> ${photo}::jsonb or ${events.fileLinks} @> ${attachment}::jsonb)`))
    .limit(1);
  return row !== undefined;
}
