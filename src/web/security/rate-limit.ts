import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/*
 * Rate limits on public writes: fixed one-minute windows per client address and per
 * event, in memory. With several app instances each counts its own share — a bound on
 * abuse, not an exact quota. Over the limit: 429 with Retry-After.
 */
export interface RateLimits {
  perAddressPerMinute: number;
  perEventPerMinute: number;
  /** Take the client address from X-Forwarded-For (behind a trusted reverse proxy). */
  trustProxy: boolean;
}

const MAX_KEYS = 50_000;

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(readonly limits: RateLimits) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, limit: number, now: number): number {
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size >= MAX_KEYS) this.windows.clear(); // memory bound under a flood of addresses
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    w.count++;
    return w.count > limit ? Math.ceil((w.start + 60_000 - now) / 1000) : 0;
  }

  address(c: Context): string {
    if (this.limits.trustProxy) {
      const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
      if (fwd) return fwd;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown'; // app.request() in tests has no socket
    }
  }

  /**
   * Middleware for a public write: per client address always, and per event for a route
   * with an event `:slug` (a personal link's routes have none: its token is the key).
   */
  middleware(respond: (c: Context, retryAfter: number) => Response): MiddlewareHandler {
    return async (c, next) => {
      const now = Date.now();
      const slug = c.req.param('slug');
      const wait = Math.max(
        this.hit(`a:${this.address(c)}`, this.limits.perAddressPerMinute, now),
        slug ? this.hit(`e:${slug}`, this.limits.perEventPerMinute, now) : 0,
      );
      if (wait > 0) {
        c.header('retry-after', String(wait));
        return respond(c, wait);
      }
      await next();
    };
  }
}
