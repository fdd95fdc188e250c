import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { Db } from './db/client';
import { apiV1Routes, ApiError } from './api/v1/routes';
import { DomainError, httpStatusOf } from './kernel/errors';
import type { Clock } from './kernel/clock';
import { assetRoutes } from './web/assets';
import { publicRoutes } from './web/public/routes';
import { fileRoutes } from './web/public/file-routes';
import { registerRoutes } from './web/public/register-routes';
import { manageRoutes } from './web/manage/routes';
import type { SessionAccount } from './domain/accounts/service';
import type { PageCache } from './web/public/page-cache';
import { RateLimiter } from './web/security/rate-limit';
import { ErrorPage, NotFoundPage } from './web/public/not-found-page';

export interface Deps {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Answers when the database answers. */
  ping: () => Promise<void>;
  /** Rendered public pages; kept in step by `subscribePageCache`. */
  pageCache: PageCache;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    requestId: string;
    limiter: RateLimiter;
    /** Headers a route needs stricter than the site-wide ones (applied after secureHeaders). */
    headerOverrides?: Record<string, string>;
    /** Who is logged in to the back office (/beheer), set by its session middleware. */
    account?: SessionAccount;
  };
};

const isApi = (path: string) => path.startsWith('/api/');

/** The whole HTTP application: middleware, the mounted areas, and one error mapping. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(deps.config.rateLimits);

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('limiter', limiter);
    const started = performance.now();
    await next();
    for (const [k, v] of Object.entries(c.var.headerOverrides ?? {})) c.res.headers.set(k, v);
    deps.logger.info(
      { reqId: c.var.requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  app.use(
    secureHeaders({
      // Everything is self-hosted: no page may load or send anything elsewhere.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get('/healthz', async (c) => {
    try {
      await deps.ping();
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'database unavailable' }, 503);
    }
  });

  app.route('/', assetRoutes);
  app.route('/api/v1', apiV1Routes());
  app.route('/', manageRoutes());
  app.route('/', registerRoutes());
  app.route('/', fileRoutes());
  app.route('/', publicRoutes());

  app.notFound((c) => {
    if (isApi(c.req.path)) return c.json({ error: { code: 'not_found', message: 'Dit adres bestaat niet in de API.' } }, 404);
    return c.html(<NotFoundPage />, 404);
  });

  app.onError((err, c) => {
    if (err instanceof DomainError) {
      const status = httpStatusOf[err.code];
      if (isApi(c.req.path) || c.req.header('accept')?.includes('application/json'))
        return c.json({ error: { code: err.code, message: err.message, problems: err.problems } }, status);
      if (status === 404) return c.html(<NotFoundPage what={err.message} />, 404);
      return c.text(err.message, status);
    }
    if (err instanceof ApiError) return c.json({ error: { code: err.code, message: err.message } }, err.status);
    deps.logger.error({ reqId: c.var.requestId, err }, 'unhandled error');
    if (isApi(c.req.path))
      return c.json({ error: { code: 'internal', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } }, 500);
    return c.html(<ErrorPage />, 500);
  });

  return app;
}
