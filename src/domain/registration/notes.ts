import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { hasUnstorableText } from '../../kernel/text';
import { recordEventAudit } from '../audit/service';
import { registrationNotes, registrations } from './table';

/*
 * Notes (notities) on a registration: short texts by staff, for staff ("belde af, komt
 * misschien later"). They are never shown to the registrant, never exported and never
 * mailed: only the registration's page in the back office reads them. Adding and deleting
 * one is logged, in the same transaction; the log names the note, not its text, so a
 * deleted note is gone from the log too.
 */

/** A note is a remark, not a document. */
export const NOTE_MAX = 2000;

export interface NoteView {
  id: string;
  accountId: string | null;
  authorName: string;
  body: string;
  createdAt: Date;
}

/** Why this text cannot be a note (Dutch), or null. Pure. */
export function noteProblem(body: string): string | null {
  const text = body.trim();
  if (!text) return 'Schrijf een notitie.';
  if (text.length > NOTE_MAX) return `Een notitie heeft hoogstens ${NOTE_MAX.toLocaleString('nl-NL')} tekens; deze heeft er ${text.length.toLocaleString('nl-NL')}.`;
  if (hasUnstorableText(text)) return 'De tekst bevat ongeldige tekens.';
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notes on a registration of this event, oldest first; empty for a registration of another event. */
export async function listNotes(db: Db, eventId: string, registrationId: string): Promise<NoteView[]> {
  if (!UUID.test(registrationId)) return [];
  return db
    .select({
      id: registrationNotes.id,
      accountId: registrationNotes.accountId,
      authorName: registrationNotes.authorName,
      body: registrationNotes.body,
      createdAt: registrationNotes.createdAt,
    })
    .from(registrationNotes)
    .innerJoin(registrations, eq(registrations.id, registrationNotes.registrationId))
    .where(and(eq(registrationNotes.registrationId, registrationId), eq(registrations.eventId, eventId)))
    .orderBy(asc(registrationNotes.createdAt), asc(registrationNotes.id));
}

/** The staff member writing: a note always has an account behind it. */
export interface NoteAuthor {
  id: string;
  name: string;
}

export type AddNoteResult = { kind: 'added'; note: NoteView } | { kind: 'invalid'; problem: string } | { kind: 'not_found' };

/** Add a note to a registration of this event (the caller checked the organiser organises it). */
export async function addNote(db: Db, input: { eventId: string; registrationId: string; author: NoteAuthor; body: string; now: Date }): Promise<AddNoteResult> {
  const problem = noteProblem(input.body);
  if (problem) return { kind: 'invalid', problem };
  if (!UUID.test(input.registrationId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const [reg] = await tx
      .select({ id: registrations.id, name: registrations.name })
      .from(registrations)
      .where(and(eq(registrations.id, input.registrationId), eq(registrations.eventId, input.eventId)));
    if (!reg) return { kind: 'not_found' } as const;
    const [note] = await tx
      .insert(registrationNotes)
      .values({ registrationId: reg.id, accountId: input.author.id, authorName: input.author.name, body: input.body.trim(), createdAt: input.now })
      .returning();
    await recordEventAudit(
      tx,
      {
        eventId: input.eventId,
        actor: { accountId: input.author.id, name: input.author.name },
        action: 'registration.note_added',
        summary: `Notitie toegevoegd bij de aanmelding van ${reg.name}`,
        details: { noteId: note!.id },
        registrationId: reg.id,
      },
      input.now,
    );
    return { kind: 'added', note: { id: note!.id, accountId: note!.accountId, authorName: note!.authorName, body: note!.body, createdAt: note!.createdAt } } as const;
  });
}

export type DeleteNoteResult = { kind: 'deleted' } | { kind: 'not_own' } | { kind: 'not_found' };

/** Delete a note: only its author may. */
export async function deleteNote(db: Db, input: { eventId: string; registrationId: string; noteId: string; author: NoteAuthor; now: Date }): Promise<DeleteNoteResult> {
  if (!UUID.test(input.registrationId) || !UUID.test(input.noteId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: registrationNotes.id, accountId: registrationNotes.accountId, name: registrations.name })
      .from(registrationNotes)
      .innerJoin(registrations, eq(registrations.id, registrationNotes.registrationId))
      .where(and(eq(registrationNotes.id, input.noteId), eq(registrationNotes.registrationId, input.registrationId), eq(registrations.eventId, input.eventId)))
      .for('update');
    if (!found) return { kind: 'not_found' } as const;
    if (found.accountId !== input.author.id) return { kind: 'not_own' } as const;
    await tx.delete(registrationNotes).where(eq(registrationNotes.id, found.id));
    await recordEventAudit(
      tx,
      {
        eventId: input.eventId,
        actor: { accountId: input.author.id, name: input.author.name },
        action: 'registration.note_deleted',
        summary: `Notitie verwijderd bij de aanmelding van ${found.name}`,
        details: { noteId: found.id },
        registrationId: input.registrationId,
      },
      input.now,
    );
    return { kind: 'deleted' } as const;
  });
}
