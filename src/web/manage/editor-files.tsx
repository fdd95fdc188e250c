import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../app';
import type { SessionAccount } from '../../domain/accounts/service';
import { accountActor } from '../../domain/audit/service';
import type { EventDocument } from '../../domain/events/document';
import { checkUpload, humanSize, MB, PURPOSE_RULES, typeLabel } from '../../domain/files/rules';
import { insertStoredFile, mayRead, readFile, type UploadInput } from '../../domain/files/service';
import type { Db } from '../../db/client';
import { DomainError } from '../../kernel/errors';
import { describedByOf, FieldHelp } from '../components/form-field';
import { fileNotFound, sendFile } from '../public/file-routes';
import { rowIndices, YES, type EditorPart, type Values } from './editor-form';
import type { FieldErrors } from './pages';

/*
 * Files in the event editor: a photo per speaker (Sprekers) and the report's attachments
 * (Verslag). Those two forms are multipart; an upload is checked by its content here, and
 * stored in the same transaction as the document that names it (replaceEvent's `before`),
 * so a refused save leaves no file behind and a refused file saves nothing. Staff see the
 * files of their drafts through /beheer/bestanden/… (the session cookie is for /beheer).
 */

/** The parts whose form carries files. */
export const FILE_PARTS: EditorPart[] = ['sprekers', 'verslag'];

/** A whole form with files: ten photos of 2 MB, or one PDF of 20 MB and a little text. */
export const MAX_FORM_BYTES = 25 * MB;

const idOf = (name: string) => `veld-${name}`;

/** The form field of a file-upload problem the document service reports at a reference. */
export function fileFieldOf(path: string): string {
  const photo = /^speakers\.(\d+)\.photo(\..*)?$/.exec(path);
  if (photo) return `speakers.${photo[1]}.photoFile`;
  const attachment = /^report\.attachments\.(\d+)\.fileId$/.exec(path);
  if (attachment) return `report.attachments.${attachment[1]}.file`;
  return path;
}

/** A file's address for staff (drafts too). */
export const staffUrl = (url: string) => `/beheer${url}`;

/** The document with its files at the staff addresses: the preview of a draft shows them. */
export function withStaffUrls(doc: EventDocument): EventDocument {
  return {
    ...doc,
    speakers: doc.speakers.map((s) => (s.photo?.url ? { ...s, photo: { ...s.photo, url: staffUrl(s.photo.url) } } : s)),
    report: doc.report
      ? { ...doc.report, attachments: doc.report.attachments?.map((a) => (a.url ? { ...a, url: staffUrl(a.url) } : a)) }
      : null,
  };
}

export interface PreparedUploads {
  /** The form values with the ids of the new files (what is saved). */
  values: Values;
  /** Stores the new files; runs in the save's transaction. */
  before: ((tx: Db) => Promise<void>) | undefined;
  /** Problems next to the file fields; the status says the worst (413, 415, 400). */
  errors: FieldErrors;
  status: 400 | 413 | 415 | null;
}

const present = (f: File | undefined): f is File => f !== undefined && (f.size > 0 || f.name !== '');

/** Check the files of a Sprekers or Verslag form and prepare storing them with the save. */
export async function prepareUploads(
  part: EditorPart,
  values: Values,
  files: Record<string, File>,
  who: { account: SessionAccount; eventId: string; now: Date },
): Promise<PreparedUploads> {
  const out: Values = { ...values };
  const uploads: UploadInput[] = [];
  const errors: FieldErrors = {};
  let status: 400 | 413 | 415 | null = null;
  const worse = (s: 400 | 413 | 415) => {
    const rank = { 413: 3, 415: 2, 400: 1 } as const;
    if (status === null || rank[s] > rank[status]) status = s;
  };
  const take = async (field: string, purpose: UploadInput['purpose'], file: File): Promise<string | null> => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkUpload(purpose, bytes, file.name);
    if (!checked.ok) {
      errors[field] = checked.message;
      worse(checked.status);
      return null;
    }
    const id = randomUUID();
    uploads.push({ id, organiserId: who.account.organiserId, eventId: who.eventId, purpose, name: file.name, bytes, actor: accountActor(who.account) });
    return id;
  };

  if (part === 'sprekers') {
    for (const i of rowIndices(values, 'speakers')) {
      const field = `speakers.${i}.photoFile`;
      out[field] = '';
      if (values[`speakers.${i}.removePhoto`] === YES) out[`speakers.${i}.photo`] = '';
      const file = files[field];
      if (!present(file)) continue;
      const id = await take(field, 'speaker_photo', file);
      if (id) out[`speakers.${i}.photo`] = id;
    }
  }
  if (part === 'verslag') {
    for (const i of rowIndices(values, 'report.attachments')) {
      const field = `report.attachments.${i}.file`;
      out[field] = '';
      const file = files[field];
      if (present(file)) {
        const id = await take(field, 'report_attachment', file);
        if (id) out[`report.attachments.${i}.fileId`] = id;
      } else if (!(values[`report.attachments.${i}.fileId`] ?? '').trim()) {
        errors[field] = 'Kies een PDF-bestand, of verwijder deze bijlage.';
        worse(400);
      }
    }
  }
  const before = uploads.length
    ? async (tx: Db) => {
        for (const u of uploads) {
          const r = await insertStoredFile(tx, u, who.now);
          if (!r.ok) throw new DomainError('invalid', r.message);
        }
      }
    : undefined;
  return { values: out, before, errors, status };
}

// ---------------------------------------------------------------------------------------
// Form fields

const FileInput: FC<{ name: string; label: string; description: string; accept: string; errors: FieldErrors }> = ({ name, label, description, accept, errors }) => {
  const id = idOf(name);
  const error = errors[name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--text${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {label}
          <span class="bijeen-optional"> (niet verplicht)</span>
        </label>
      </div>
      <FieldHelp id={id} description={description} error={error} />
      <div class="utrecht-form-field__input">
        <input class="bijeen-file-input" type="file" id={id} name={name} accept={accept} aria-invalid={error ? 'true' : undefined} aria-describedby={describedByOf(id, description, error)} />
      </div>
    </div>
  );
};

const PHOTO_TYPES = PURPOSE_RULES.speaker_photo;
const PDF_RULE = PURPOSE_RULES.report_attachment;

/** The photo of speaker `i`: the current one as a thumbnail (with "Foto verwijderen"), and an upload. */
export const SpeakerPhotoField: FC<{ index: number; values: Values; errors: FieldErrors; doc: EventDocument }> = ({ index: i, values, errors, doc }) => {
  const fileId = values[`speakers.${i}.photo`] ?? '';
  const photo = fileId ? doc.speakers.find((s) => s.photo?.fileId === fileId)?.photo : undefined;
  const name = values[`speakers.${i}.name`] || `spreker ${i + 1}`;
  // A thumbnail of at most 120 pixels, in proportion.
  const scale = photo?.width && photo.height ? Math.min(1, 120 / Math.max(photo.width, photo.height)) : 1;
  const removeId = idOf(`speakers.${i}.removePhoto`);
  return (
    <div class="bijeen-photo-field">
      <input type="hidden" name={`speakers.${i}.photo`} value={fileId} />
      {fileId ? (
        <div class="bijeen-photo-current">
          {photo?.url ? (
            <img
              src={staffUrl(photo.url)}
              alt={`Foto van ${name}`}
              width={photo.width ? Math.round(photo.width * scale) : undefined}
              height={photo.height ? Math.round(photo.height * scale) : undefined}
              class="bijeen-thumbnail"
            />
          ) : null}
          <p class="utrecht-paragraph">
            Huidige foto{photo ? ` (${typeLabel(photo.contentType ?? '')}, ${humanSize(photo.sizeBytes ?? 0)})` : ''}.
          </p>
          <div class="utrecht-form-field utrecht-form-field--checkbox">
            <input type="hidden" name={`speakers.${i}.removePhoto`} value="" />
            <div class="utrecht-form-field__input">
              <input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" id={removeId} name={`speakers.${i}.removePhoto`} value={YES} checked={values[`speakers.${i}.removePhoto`] === YES} />
            </div>
            <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
              <label class="utrecht-form-label utrecht-form-label--checkbox" for={removeId}>
                Foto verwijderen
              </label>
            </div>
          </div>
        </div>
      ) : null}
      <FileInput
        name={`speakers.${i}.photoFile`}
        label={fileId ? 'Andere foto' : 'Foto'}
        description={`JPEG, PNG of WebP, hoogstens ${humanSize(PHOTO_TYPES.maxBytes)}. Wordt opgeslagen met Opslaan.`}
        accept={PHOTO_TYPES.types.join(',')}
        errors={errors}
      />
    </div>
  );
};

/** The PDF of attachment `i`: the current file as a link, or an upload. */
export const AttachmentFileField: FC<{ index: number; values: Values; errors: FieldErrors; doc: EventDocument }> = ({ index: i, values, errors, doc }) => {
  const fileId = values[`report.attachments.${i}.fileId`] ?? '';
  const current = fileId ? doc.report?.attachments?.find((a) => a.fileId === fileId) : undefined;
  return (
    <>
      <input type="hidden" name={`report.attachments.${i}.fileId`} value={fileId} />
      {current?.url ? (
        <p class="utrecht-paragraph">
          Huidig bestand:{' '}
          <a class="utrecht-link" href={staffUrl(current.url)}>
            {current.filename}
          </a>{' '}
          ({typeLabel(current.contentType ?? '')}, {humanSize(current.sizeBytes ?? 0)})
        </p>
      ) : null}
      <FileInput
        name={`report.attachments.${i}.file`}
        label={fileId ? 'Ander bestand' : 'Bestand'}
        description={`Een PDF, hoogstens ${humanSize(PDF_RULE.maxBytes)}. Wordt opgeslagen met Opslaan.`}
        accept="application/pdf"
        errors={errors}
      />
    </>
  );
};

// ---------------------------------------------------------------------------------------
// Staff addresses of files

export function staffFileRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/beheer/bestanden/:id/:filename', async (c: Context<AppEnv>) => {
    const { db, clock } = c.var.deps;
    const file = await readFile(db, c.req.param('id') ?? '');
    if (!file || !(await mayRead(db, file, { organiserId: c.var.account!.organiserId }, clock()))) return fileNotFound(c);
    return sendFile(c, file, 'private, no-store');
  });
  return app;
}
