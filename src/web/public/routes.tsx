import { Hono } from 'hono';
import type { AppEnv } from '../../app';
import { eventsCalendar } from '../../domain/events/calendar';
import { getEventDocument, getEventView, listAgenda } from '../../domain/events/service';
import { AgendaPage } from './agenda-page';
import { EventPage } from './event-page';
import { NotFoundPage } from './not-found-page';
import { ReportPage } from './report-page';

/** Pages for registrants and the public: the agenda, each event, its report, calendars. */
export function publicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const now = c.var.deps.clock();
    const { upcoming, past } = await listAgenda(c.var.deps.db, now);
    return c.html(<AgendaPage upcoming={upcoming} past={past} now={now} />);
  });

  app.get('/agenda.ics', async (c) => {
    const { db, clock, config } = c.var.deps;
    const { upcoming, past } = await listAgenda(db, clock());
    const docs = await Promise.all([...upcoming, ...past].map((i) => getEventDocument(db, i.slug)));
    return calendarResponse(eventsCalendar(docs.filter((x) => x !== null), { baseUrl: config.publicUrl, name: 'bijeen agenda' }), 'agenda.ics');
  });

  app.get('/evenementen/:slug', async (c) => {
    const view = await getEventView(c.var.deps.db, c.req.param('slug'), c.var.deps.clock());
    if (!view) return c.html(<NotFoundPage what="Dit evenement bestaat niet of is niet gepubliceerd." />, 404);
    return c.html(<EventPage view={view} />);
  });

  app.get('/evenementen/:slug/verslag', async (c) => {
    const doc = await getEventDocument(c.var.deps.db, c.req.param('slug'), { now: c.var.deps.clock() });
    if (!doc?.report)
      return c.html(<NotFoundPage what="Er is (nog) geen verslag van dit evenement gepubliceerd." />, 404);
    return c.html(<ReportPage doc={doc} report={doc.report} />);
  });

  app.get('/evenementen/:slug/kalender.ics', async (c) => {
    const doc = await getEventDocument(c.var.deps.db, c.req.param('slug'));
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
