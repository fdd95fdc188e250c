/*
 * Rendered public pages, kept in memory. A page is dropped when its event changes (a
 * NOTIFY on commit, see domain/events/changes.ts), when its registration state could
 * change by the clock alone (opening, deadline, end), and in any case after a minute —
 * a bound on staleness should a change ever bypass the services (a hand-made SQL edit).
 * The agenda shows every event, so any change drops it.
 */
import { encodeBody, type EncodedBody } from '../encoded';

export interface CachedPage {
  body: EncodedBody;
  /** Which event the page shows; null for pages about all events (the agenda). */
  eventId: string | null;
  validUntil: number;
}

export const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 2_000;

export class PageCache {
  private pages = new Map<string, CachedPage>();
  /**
   * Counts invalidations. A render reads the database first and stores afterwards; if an
   * invalidation arrived in between, what it read may be old, so it must not be kept.
   */
  private generation = 0;

  /** Call before reading what a page shows; pass the result to `set`. */
  begin(): number {
    return this.generation;
  }

  get(key: string, now: Date): EncodedBody | null {
    const hit = this.pages.get(key);
    if (!hit) return null;
    if (now.getTime() >= hit.validUntil) {
      this.pages.delete(key);
      return null;
    }
    return hit.body;
  }

  /** Keep a rendered page; returns it encoded (identity, gzip, brotli) for serving now. */
  set(
    key: string,
    html: string,
    eventId: string | null,
    now: Date,
    boundaries: (Date | null | undefined)[] = [],
    begun: number = this.generation,
  ): EncodedBody {
    const body = encodeBody(html);
    if (begun !== this.generation) return body; // something changed while it was read
    const t = now.getTime();
    const next = boundaries.map((b) => b?.getTime()).filter((b): b is number => b !== undefined && b > t);
    if (this.pages.size >= MAX_ENTRIES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { body, eventId, validUntil: Math.min(t + MAX_AGE_MS, ...next) });
    return body;
  }

  /** An event changed: drop its pages and every page about all events. */
  invalidate(eventId: string): void {
    this.generation++;
    for (const [key, page] of this.pages) if (page.eventId === eventId || page.eventId === null) this.pages.delete(key);
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}

/** Keep a cache in step with the database: drop pages of events that changed. */
export async function subscribePageCache(
  listen: (channel: string, onMessage: (payload: string) => void, onGap?: () => void) => Promise<() => Promise<void>>,
  channel: string,
  cache: PageCache,
): Promise<() => Promise<void>> {
  return listen(
    channel,
    (eventId) => cache.invalidate(eventId),
    () => cache.clear(),
  );
}
