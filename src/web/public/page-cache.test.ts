import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_AGE_MS, PageCache } from './page-cache';
import { chooseEncoding } from '../encoded';

const t0 = new Date('2026-11-22T12:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('the page cache', () => {
  it('keeps a page and its compressed forms', () => {
    const cache = new PageCache();
    cache.set('event:a', '<p>hallo</p>', 'id-a', t0);
    const hit = cache.get('event:a', t0)!;
    expect(hit.identity.toString()).toBe('<p>hallo</p>');
    expect(gunzipSync(hit.gzip).toString()).toBe('<p>hallo</p>');
  });

  it('drops the pages of a changed event and the agenda, but not other events', () => {
    const cache = new PageCache();
    cache.set('event:a', 'a', 'id-a', t0);
    cache.set('report:a', 'a', 'id-a', t0);
    cache.set('event:b', 'b', 'id-b', t0);
    cache.set('agenda', 'all', null, t0);
    cache.invalidate('id-a');
    expect([cache.get('event:a', t0), cache.get('report:a', t0), cache.get('agenda', t0)]).toEqual([null, null, null]);
    expect(cache.get('event:b', t0)).not.toBeNull();
  });

  it('drops a page when the clock passes a moment that changes it (a deadline)', () => {
    const cache = new PageCache();
    cache.set('event:a', 'open', 'id-a', t0, [later(10_000), null, later(-5)]);
    expect(cache.get('event:a', later(9_999))).not.toBeNull();
    expect(cache.get('event:a', later(10_000))).toBeNull();
  });

  it('never keeps a page longer than a minute', () => {
    const cache = new PageCache();
    cache.set('agenda', 'x', null, t0);
    expect(cache.get('agenda', later(MAX_AGE_MS - 1))).not.toBeNull();
    expect(cache.get('agenda', later(MAX_AGE_MS))).toBeNull();
  });
});

describe('content negotiation', () => {
  it.each([
    [undefined, 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['identity', 'identity'],
    ['deflate', 'identity'],
  ])('Accept-Encoding %j → %s', (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});

describe('the page cache under a change while rendering', () => {
  it('does not keep a page read before an invalidation that arrived while it rendered', () => {
    const cache = new PageCache();
    const begun = cache.begin();
    cache.invalidate('id-a'); // the NOTIFY arrives while the page is being read and rendered
    const body = cache.set('event:a', 'oud', 'id-a', t0, [], begun);
    expect(body.identity.toString()).toBe('oud'); // served once …
    expect(cache.get('event:a', t0)).toBeNull(); // … but not kept
  });
});
