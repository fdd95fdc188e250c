import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../app';
import { authenticateSession } from '../../domain/accounts/service';

/*
 * The login session's cookie and the middleware that guards /beheer. The cookie holds a
 * random token (the database keeps only its hash): HttpOnly, SameSite=Lax, for /beheer
 * only, Secure when the site is served over HTTPS (PUBLIC_URL).
 */
export const SESSION_COOKIE = 'bijeen_sessie';
const PATH = '/beheer';

const secure = (c: Context<AppEnv>) => c.var.deps.config.publicUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:';

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date, now: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: PATH,
    secure: secure(c),
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: PATH, secure: secure(c) });
}

export const sessionToken = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

/** Where a login may send one back to: a back-office page of this site, nothing else. */
export function safeBack(path: string | undefined): string | undefined {
  return path && /^\/beheer(\/[A-Za-z0-9/_-]*)?$/.test(path) && !path.startsWith('/beheer/inloggen') ? path : undefined;
}

/** Pages of /beheer that need no session: logging in, accepting an invitation, a forgotten password. */
const open = (path: string) =>
  path === '/beheer/inloggen' || path.startsWith('/beheer/uitnodiging/') || path === '/beheer/wachtwoord-vergeten' || path.startsWith('/beheer/wachtwoord-herstellen/');

/**
 * Every /beheer page needs a session, except the open ones. Without one: to the login page
 * (and back here afterwards). Back-office pages are private: never cached, never indexed,
 * and their addresses (an invitation's secret) are not passed to other sites.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('headerOverrides', { 'cache-control': 'no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
  const path = c.req.path.replace(/\/$/, '') || '/';
  if (open(path)) return next();
  const account = await authenticateSession(c.var.deps.db, sessionToken(c), c.var.deps.clock());
  if (!account) {
    if (sessionToken(c)) clearSessionCookie(c);
    const back = c.req.method === 'GET' ? safeBack(path) : undefined;
    return c.redirect(back && back !== '/beheer' ? `/beheer/inloggen?terug=${encodeURIComponent(back)}` : '/beheer/inloggen', 303);
  }
  c.set('account', account);
  return next();
};
