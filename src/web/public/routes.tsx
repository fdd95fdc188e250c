import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppEnv } from '../../app';
import { eventsCalendar } from '../../domain/events/calendar';
import { getEventDocument, getEventView, listAgenda } from '../../domain/events/service';
import { sendEncoded } from '../encoded';
import { AgendaPage } from './agenda-page';
import { EventPage } from './event-page';
import { NotFoundPage } from './not-found-page';
import { ReportPage } from './report-page';

type Render = { html: string; eventId: string | null; boundaries?: (Date | null | undefined)[] } | null;

/**
 * Serve a public page from the page cache, or render it and keep it. `render` returns
 * null when there is nothing to show (a 404 is never cached).
 */
async function cached(c: Context<AppEnv>, key: string, render: (now: Date) => Promise<Render>, notFound: string) {
  const { pageCache, clock } = c.var.deps;
  const now = clock();
  let body = pageCache.get(key, now);
  if (body === null) {
    const begun = pageCache.begin();
    const page = await render(now);
    if (!page) return c.html(<NotFoundPage what={notFound} />, 404);
    body = pageCache.set(key, page.html, page.eventId, now, page.boundaries, begun);
  }
  return sendEncoded(
    c,
    body,
    // Browsers revalidate (ETag → 304) rather than show a stale "VOL" or deadline.
    { 'content-type': 'text/html; charset=UTF-8', 'cache-control': 'no-cache' },
  );
}

const html = async (el: JSX.Element) => String(await el.toString());
const at = (iso: string | undefined) => (iso ? new Date(iso) : null);

/** Pages for registrants and the public: the agenda, each event, its report, calendars. */
export function publicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', (c) =>
    cached(
      c,
      'agenda',
      async (now) => {
        const { upcoming, past } = await listAgenda(c.var.deps.db, now);
        return { html: await html(<AgendaPage upcoming={upcoming} past={past} now={now} />), eventId: null, boundaries: upcoming.map((e) => e.endsAt) };
      },
      '',
    ),
  );

  app.get('/evenementen/:slug', (c) => {
    const slug = c.req.param('slug');
    return cached(
      c,
      `event:${slug}`,
      async (now) => {
        const view = await getEventView(c.var.deps.db, slug, now);
        if (!view) return null;
        const r = view.doc.registration;
        return {
          html: await html(<EventPage view={view} />),
          eventId: view.doc.id!,
          // The registration state changes by the clock alone at these moments.
          boundaries: [at(r.opensAt), at(r.closesAt), ...view.doc.meetings.map((m) => at(m.endsAt))],
        };
      },
      'Dit evenement bestaat niet of is niet gepubliceerd.',
    );
  });

  app.get('/evenementen/:slug/verslag', (c) => {
    const slug = c.req.param('slug');
    return cached(
      c,
      `report:${slug}`,
      async (now) => {
        const doc = await getEventDocument(c.var.deps.db, slug, { now });
        if (!doc?.report) return null;
        return { html: await html(<ReportPage doc={doc} report={doc.report} />), eventId: doc.id! };
      },
      'Er is (nog) geen verslag van dit evenement gepubliceerd.',
    );
  });

  app.get('/agenda.ics', async (c) => {
    const { db, clock, config } = c.var.deps;
    const now = clock();
    const { upcoming, past } = await listAgenda(db, now);
    const docs = await Promise.all([...upcoming, ...past].map((i) => getEventDocument(db, i.slug, { now })));
    return calendarResponse(eventsCalendar(docs.filter((x) => x !== null), { baseUrl: config.publicUrl, name: 'bijeen agenda' }), 'agenda.ics');
  });

  app.get('/evenementen/:slug/kalender.ics', async (c) => {
    const doc = await getEventDocument(c.var.deps.db, c.req.param('slug'), { now: c.var.deps.clock() });
    if (!doc) return c.html(<NotFoundPage what="Dit evenement bestaat niet of is niet gepubliceerd." />, 404);
    return calendarResponse(eventsCalendar([doc], { baseUrl: c.var.deps.config.publicUrl, name: doc.title }), `${doc.slug}.ics`);
  });

  return app;
}

function calendarResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${filename}"`,
    },
  });
}
