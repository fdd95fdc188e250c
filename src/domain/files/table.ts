import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/table';
import { events } from '../events/table';
import { organisers } from '../organisers/table';

/*
 * Uploaded files (bestanden): speaker photos and a report's attachments (slides as PDF).
 * Stored in the database, not on a disk, so that every app instance on one PostgreSQL
 * serves the same files and a backup of the database is a backup of everything
 * (docs/decisions/019). Files are small (a few MB at most, checked on upload) and never
 * change: a new upload is a new row, so a file's address can be cached for ever.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const FILE_PURPOSES = ['speaker_photo', 'report_attachment'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisers.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: FILE_PURPOSES }).notNull(),
    /** The name as uploaded, cleaned (used in Content-Disposition). */
    filename: text('filename').notNull(),
    /** Decided from the content (magic bytes), never from the name or the browser's claim. */
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the content, hex: the ETag. */
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_event_idx').on(t.eventId), check('stored_files_purpose_check', oneOf('purpose', FILE_PURPOSES))],
);

export type StoredFileRow = typeof storedFiles.$inferSelect;
