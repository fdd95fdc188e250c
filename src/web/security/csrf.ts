import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/*
 * CSRF protection for HTML forms, two locks: the browser's Origin (or Referer) must be
 * this site, and the form must carry the token that is also in a cookie (double submit).
 * The cookie is functional (no consent needed), HttpOnly and SameSite=Lax.
 */
const COOKIE = 'bijeen_csrf';

/** The token for a form: the cookie's, or a new one (set on the response). */
export function csrfToken(c: Context): string {
  const existing = getCookie(c, COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: new URL(c.req.url).protocol === 'https:',
  });
  return token;
}

function sameOrigin(c: Context): boolean {
  const url = new URL(c.req.url);
  const origin = c.req.header('origin') ?? (c.req.header('referer') ? new URL(c.req.header('referer')!).origin : undefined);
  if (!origin) return false;
  const host = c.req.header('host') ?? url.host;
  return origin === `${url.protocol}//${host}` || origin === url.origin;
}

/** Rejects a form post without a matching token and origin with a Dutch 403. */
export const verifyCsrf: MiddlewareHandler = async (c, next) => {
  const cookie = getCookie(c, COOKIE) ?? '';
  const form = await c.req.parseBody();
  const sent = typeof form._csrf === 'string' ? form._csrf : '';
  const match = cookie.length === 32 && sent.length === 32 && timingSafeEqual(Buffer.from(cookie), Buffer.from(sent));
  if (!match || !sameOrigin(c))
    return c.html(
      '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Formulier verlopen · bijeen</title>' +
        '<h1>Dit formulier is verlopen</h1><p>Ga terug, laad de pagina opnieuw en verstuur het formulier nog eens. Er is niets opgeslagen.</p></html>',
      403,
    );
  await next();
};
