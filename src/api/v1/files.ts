import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app';
import { findEventRowBySlug } from '../../domain/events/data';
import { organises } from '../../domain/events/service';
import { MB } from '../../domain/files/rules';
import { FILE_PURPOSES, storeFile, type FilePurpose } from '../../domain/files/service';
import { authenticateApiToken } from '../../domain/organisers/service';
import { DomainError } from '../../kernel/errors';

/*
 * POST /api/v1/events/{slug}/files: an organiser's token uploads a speaker photo or a
 * report attachment (multipart: `purpose` and `file`), then names its id in the event
 * document (`speakers[].photo.fileId`, `report.attachments[].fileId`) with PUT. The type
 * is decided from the content; the file is public once a published event shows it.
 */

/** One file and a little form: the largest file (20 MB) with room to spare. */
export const MAX_UPLOAD_REQUEST = 21 * MB;

class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const bearer = (h: string | undefined) => (h ? /^Bearer\s+(\S+)$/i.exec(h)?.[1] : undefined);

export function fileApiRoutes() {
  const app = new Hono<AppEnv>();
  const limit = bodyLimit({
    maxSize: MAX_UPLOAD_REQUEST,
    onError: (c) => c.json({ error: { code: 'too_large', message: `Het bestand is te groot: hoogstens ${MAX_UPLOAD_REQUEST / MB - 1} MB.` } }, 413),
  });

  app.post('/events/:slug/files', limit, async (c) => {
    const { db, clock } = c.var.deps;
    const organiser = await authenticateApiToken(db, bearer(c.req.header('authorization')));
    const slug = c.req.param('slug');
    const row = await findEventRowBySlug(db, slug);
    if (!row || !(await organises(db, row.id, organiser.id))) throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
    try {
      if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? ''))
        throw new UploadError(415, 'unsupported_media_type', 'Stuur het bestand als multipart/form-data, met de velden `purpose` en `file`.');
      const form = await c.req.parseBody().catch(() => {
        throw new UploadError(400, 'invalid', 'De multipart-body kan niet worden gelezen.');
      });
      const purpose = form.purpose;
      if (typeof purpose !== 'string' || !(FILE_PURPOSES as readonly string[]).includes(purpose))
        throw new UploadError(400, 'invalid', 'Geef `purpose`: speaker_photo of report_attachment.');
      const file = form.file;
      if (!(file instanceof File)) throw new UploadError(400, 'invalid', 'Stuur het bestand in het veld `file`.');
      const stored = await storeFile(
        db,
        {
          organiserId: organiser.id,
          eventId: row.id,
          purpose: purpose as FilePurpose,
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
          actor: { accountId: null, name: `API-token van ${organiser.name}` },
        },
        clock(),
      );
      if (!stored.ok) throw new UploadError(stored.status, stored.status === 413 ? 'too_large' : stored.status === 415 ? 'unsupported_media_type' : 'invalid', stored.message);
      const { ok: _ok, organiserId: _o, eventId: _e, ...out } = stored;
      // The address as the event document gives it: a path on this site.
      return c.json(out, 201);
    } catch (e) {
      if (e instanceof UploadError) return c.json({ error: { code: e.code, message: e.message } }, e.status);
      throw e;
    }
  });
  return app;
}
