import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadDemoIfEmpty } from '../../demo/load';
import { testApp, TEST_NOW } from '../../../test/app';
import { openTestPglite } from '../../../test/db';

describe('public pages', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof testApp>>;
  const html = async (path: string, status = 200) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    return res.text();
  };

  beforeAll(async () => {
    database = await openTestPglite();
    await loadDemoIfEmpty(database.db, TEST_NOW);
    app = await testApp(database);
  });
  afterAll(() => database?.close());

  it('lists the events on the agenda, soonest first, with the report of the symposium', async () => {
    const page = await html('/');
    const order = ['Samen werken aan de toekomst', 'Dag van de Buurt', 'Leergang', 'Werkplaats'].map((t) => page.indexOf(t));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).toContain('Verslag: Bouwstenen voor de toekomst van de Haagse wijkaanpak');
  });

  it('shows the symposium with its timed programme, its round of 5 workshops, one VOL, and the waiting list', async () => {
    const page = await html('/evenementen/haagse-wijkaanpak');
    expect(page).toContain('woensdag 16 december 2026');
    expect(page).toContain('12:30–13:00 uur');
    expect(page).toContain('5 deelsessies; u kiest er één.');
    expect(page.match(/>VOL</g)).toHaveLength(1);
    expect(page).toContain('Vol: aanmelden voor de wachtlijst');
    expect(page).toContain('https://www.openstreetmap.org/search?query=Hoefkade%209%2C%202526%20BN%20Den%20Haag');
    expect(page).toContain('Met bijdragen van Igno Pröpper – Partners+Pröpper');
  });

  it('shows Dag van de Buurt with 26 workshop sessions and speaker bios behind "Lees meer"', async () => {
    const page = await html('/evenementen/dag-van-de-buurt');
    expect(page.match(/class="bijeen-workshop"/g)).toHaveLength(26);
    expect(page).toMatch(/<details class="bijeen-details"><summary>Lees meer<span class="bijeen-visually-hidden"> over Lucas de Man/);
    expect(page).not.toContain('stream.example.org');
    expect(page).toContain('De link krijgt u na uw aanmelding');
  });

  it('shows the Werkplaats over three days with its price excl. and incl. btw, deadline and contacts by purpose', async () => {
    const page = await html('/evenementen/werkplaats-wijkontwikkeling');
    expect(page).toMatch(/maandag \d+ t\/m woensdag \d+ \w+ 202\d|maandag \d+ \w+ t\/m woensdag \d+ \w+ 202\d/);
    expect(page).toContain('9:30–17:00 uur');
    expect(page).toContain('€\u00a01.800,00 per persoon excl. btw (€\u00a02.178,00 incl. 21% btw)');
    expect(page).toContain('Aanmelden vóór');
    expect(page).toContain('Inhoudelijke vragen');
    expect(page).toContain('Praktische vragen');
    expect(page).toContain('Platform31 en Van Vieren');
  });

  it('shows the Leergang as a course of four meetings, each with its place and topics', async () => {
    const page = await html('/evenementen/leergang-wijkaanpak');
    expect(page).toContain('4 bijeenkomsten');
    expect(page).toContain('Eén aanmelding geldt voor alle 4 bijeenkomsten.');
    expect(page).toContain('Online bijeenkomst');
    expect(page).toContain('Molen de Ster');
  });

  it('shows the published report with its attendance', async () => {
    const page = await html('/evenementen/haagse-wijkaanpak/verslag');
    expect(page).toContain('Bouwstenen voor de toekomst van de Haagse wijkaanpak');
    expect(page).toContain('ruim 70');
    expect(page).toMatch(/<blockquote class="utrecht-blockquote">/);
  });

  it('answers unknown pages with a Dutch 404', async () => {
    expect(await html('/evenementen/bestaat-niet', 404)).toContain('Pagina niet gevonden');
    expect(await html('/nergens', 404)).toContain('Naar de agenda');
    expect(await html('/evenementen/dag-van-de-buurt/verslag', 404)).toContain('geen verslag');
  });

  it('gives an event as iCalendar with the Amsterdam time zone, one entry per meeting', async () => {
    const res = await app.request('/evenementen/werkplaats-wijkontwikkeling/kalender.ics');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:Europe/Amsterdam');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Amsterdam:\d{8}T093000/);
  });

  it('gives the agenda as one iCalendar feed without join links', async () => {
    const ics = await (await app.request('/agenda.ics')).text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1 + 1 + 4 + 3);
    expect(ics).not.toContain('stream.example.org');
  });

  it('sends secure headers and loads nothing from another host', async () => {
    const res = await app.request('/evenementen/dag-van-de-buurt');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page = await res.text();
    const loads = [...page.matchAll(/<(?:link|script|img)[^>]+(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(loads.length).toBeGreaterThan(0);
    expect(loads.filter((u) => !u.startsWith('/'))).toEqual([]);
  });

  it('serves its own stylesheets and fonts, cacheable for a year', async () => {
    const page = await html('/');
    const css = [...page.matchAll(/href="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(css).toHaveLength(4);
    for (const href of css) {
      const res = await app.request(href);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toContain('immutable');
    }
    const fonts = await (await app.request(css[0]!)).text();
    const font = /url\((\/assets\/fonts\/[^)]+)\)/.exec(fonts)![1]!;
    expect((await app.request(font)).headers.get('content-type')).toBe('font/woff2');
  });

  it('sends pages compressed to browsers that accept it, and 304 to a browser that has the page', async () => {
    const plain = await (await app.request('/evenementen/dag-van-de-buurt')).text();
    const res = await app.request('/evenementen/dag-van-de-buurt', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('accept-encoding');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(plain);
    const again = await app.request('/evenementen/dag-van-de-buurt', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('answers /healthz when the database answers', async () => {
    const res = await app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});
