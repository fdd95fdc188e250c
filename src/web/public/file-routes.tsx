import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app';
import { mayRead, readFile } from '../../domain/files/service';
import { contentDisposition } from '../../domain/files/rules';
import { NotFoundPage } from './not-found-page';

/*
 * Stored files (bestanden): GET /bestanden/{id}/{filename}. A file is public only while a
 * published event shows it (a speaker's photo, an attachment of a published report);
 * everything else is not found, whether it exists or not. Files never change (a new
 * upload is a new id), so a public one is cached for a year; the ETag is its SHA-256.
 * Staff see their own drafts' files through /beheer/bestanden/… (the session cookie is
 * for /beheer only), served by the same `sendFile`.
 */

type StoredFile = NonNullable<Awaited<ReturnType<typeof readFile>>>;

/** The bytes, as what they were found to be on upload, never sniffed again by a browser. */
export function sendFile(c: Context<AppEnv>, file: StoredFile, cacheControl: string): Response {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.filename),
    'x-content-type-options': 'nosniff',
    etag,
    'cache-control': cacheControl,
  };
  // A PDF opened in the browser runs in a sandbox: no script of ours, no forms, no same-origin access.
  const overrides: Record<string, string> = { ...(c.var.headerOverrides ?? {}), 'cache-control': cacheControl };
  if (file.contentType === 'application/pdf') overrides['content-security-policy'] = 'sandbox';
  c.set('headerOverrides', overrides);
  const match = (c.req.header('if-none-match') ?? '').split(',').map((s) => s.trim().replace(/^W\//, ''));
  if (match.includes(etag) || match.includes('*')) return c.body(null, 304, headers);
  return c.body(file.data as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-length': String(file.data.length) });
}

export const fileNotFound = (c: Context<AppEnv>) => c.html(<NotFoundPage what="Dit bestand bestaat niet, of is niet openbaar." />, 404);

export function fileRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/bestanden/:id/:filename', async (c) => {
    const { db, clock } = c.var.deps;
    const file = await readFile(db, c.req.param('id'));
    if (!file || (await mayRead(db, file, null, clock())) !== 'public') return fileNotFound(c);
    return sendFile(c, file, 'public, max-age=31536000, immutable');
  });
  return app;
}
