import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app';
import { findEventRowBySlug } from '../../domain/events/data';
import { createEvent, organises, getEventDocument, getEventView, listAgenda, replaceEvent, StaleVersionError } from '../../domain/events/service';
import { authenticateApiCaller, authenticateApiToken } from '../../domain/organisers/service';
import { apiTokenActor } from '../../domain/audit/service';
import { exportAttendance, exportBadges, exportRegistrations, parseStatuses } from '../../domain/exports/service';
import { ChoiceChangeInputSchema, RefusalSchema } from '../../domain/registration/input';
import {
  acceptOffer,
  approveRegistration,
  cancelRegistration,
  changeChoices,
  getRegistration,
  listRegistrations,
  refuseRegistration,
  register,
  type RegistrationView,
} from '../../domain/registration/service';
import { isoDateLocal, isoLocal } from '../../kernel/dates';
import { hasUnstorableText } from '../../kernel/text';
import { DomainError } from '../../kernel/errors';
import { openApiDocument } from './openapi';
import { fileApiRoutes } from './files';

/** A whole event document is rarely over 200 kB; 1 MB leaves room and stops abuse. */
const MAX_BODY = 1024 * 1024;

function bearer(c: Context): string | undefined {
  const h = c.req.header('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m?.[1];
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new ApiError(415, 'unsupported_media_type', 'Stuur het document als application/json.');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
  } catch {
    throw new ApiError(400, 'invalid', 'De body is geen geldige UTF-8-tekst.');
  }
  let bad = false;
  let parsed: unknown;
  try {
    // PostgreSQL stores neither NUL characters nor half surrogate pairs: refuse them here,
    // in keys and values alike, with a 400 instead of a database error.
    parsed = JSON.parse(text, (key, value) => {
      if (hasUnstorableText(key) || (typeof value === 'string' && hasUnstorableText(value))) bad = true;
      return value;
    });
  } catch {
    throw new ApiError(400, 'invalid', 'De body is geen geldige JSON.');
  }
  if (bad) throw new ApiError(400, 'invalid', 'De tekst bevat ongeldige tekens (een NUL-teken of een half UTF-16-paar).');
  return parsed;
}

/** Errors of the HTTP layer itself (not of the domain). */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 412 | 413 | 415 | 429,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * An event's version as an entity tag: its `updated_at`, which every save moves forward
 * (nextVersion). A PUT with `If-Match` saves only over that version (optimistic locking).
 */
const versionTag = (updatedAt: Date) => `"${updatedAt.toISOString()}"`;

/** The version an If-Match names; undefined without the header (the PUT then saves as before). */
function ifMatchVersion(header: string | undefined): string | undefined {
  // `*`: any version will do, as without the header.
  if (header === undefined || header.trim() === '*') return undefined;
  const m = /^\s*"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)"\s*$/.exec(header);
  if (!m || Number.isNaN(Date.parse(m[1]!))) throw new ApiError(400, 'invalid', 'If-Match hoort één ETag van dit evenement te zijn, zoals GET die geeft.');
  return new Date(m[1]!).toISOString();
}

/** A registration is a few kB; 64 kB leaves room for long answers and stops abuse. */
const MAX_REGISTRATION_BODY = 64 * 1024;
const registrationTooLarge = bodyLimit({
  maxSize: MAX_REGISTRATION_BODY,
  onError: () => {
    throw new ApiError(413, 'too_large', 'De aanmelding is te groot.');
  },
});

function registrationJson(r: RegistrationView, publicUrl: string) {
  return {
    id: r.id,
    event: r.eventSlug,
    status: r.status,
    position: r.position,
    waitReason: r.waitReason,
    name: r.name,
    email: r.email,
    organisation: r.organisation,
    choices: r.choices,
    offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null,
    refusalReason: r.refusalReason,
    personalUrl: `${publicUrl}/aanmelding/${r.token}`,
    token: r.token,
    createdAt: r.createdAt.toISOString(),
  };
}

const closedMessage: Record<string, string> = {
  not_yet_open: 'Aanmelden voor dit evenement is nog niet open.',
  deadline_passed: 'De deadline voor aanmelden is verstreken.',
  cancelled: 'Dit evenement is geannuleerd.',
  past: 'Dit evenement heeft al plaatsgevonden.',
  none: 'Voor dit evenement hoeft u zich niet aan te melden.',
};

const tooLarge = bodyLimit({
  maxSize: MAX_BODY,
  onError: () => {
    throw new ApiError(413, 'too_large', `Het document is groter dan ${MAX_BODY / 1024 / 1024} MB.`);
  },
});

export function apiV1Routes() {
  const app = new Hono<AppEnv>();

  app.get('/openapi.json', (c) => c.json(openApiDocument));
  app.route('/', fileApiRoutes());

  app.get('/events', async (c) => {
    const { db, clock, config } = c.var.deps;
    const { upcoming, past } = await listAgenda(db, clock());
    const summary = (i: (typeof upcoming)[number]) => ({
      slug: i.slug,
      title: i.title,
      summary: i.summary,
      status: i.status,
      format: i.format,
      startsAt: isoLocal(i.startsAt),
      endsAt: isoLocal(i.endsAt),
      url: `${config.publicUrl}/evenementen/${i.slug}`,
      cities: i.cities,
      organisers: i.organisers,
      reportUrl: i.report ? `${config.publicUrl}/evenementen/${i.slug}/verslag` : null,
    });
    return c.json({ upcoming: upcoming.map(summary), past: past.map(summary) });
  });

  app.get('/events/:slug', async (c) => {
    const { db } = c.var.deps;
    const slug = c.req.param('slug');
    // With a token of one of its organisers, an event shows drafts and join links too.
    let includePrivate = false;
    const token = bearer(c);
    if (token) {
      const organiser = await authenticateApiToken(db, token);
      const row = await findEventRowBySlug(db, slug);
      // Another organiser's token reads what the public reads: no 403 that would betray a draft.
      if (row) includePrivate = await organises(db, row.id, organiser.id);
      // Its organisers get the version to send back in If-Match with their PUT.
      if (row && includePrivate) c.header('etag', versionTag(row.updatedAt));
    }
    const doc = await getEventDocument(db, slug, { includePrivate, now: c.var.deps.clock() });
    if (!doc) throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
    return c.json(doc);
  });

  app.get('/events/:slug/availability', async (c) => {
    const view = await getEventView(c.var.deps.db, c.req.param('slug'), c.var.deps.clock());
    if (!view) throw new DomainError('not_found', `Er is geen evenement "${c.req.param('slug')}".`);
    return c.json({
      registration: view.registration,
      capacity: view.doc.registration.capacity ?? null,
      confirmed: view.confirmed,
      waitlisted: view.waitlisted,
      workshops: view.seats.map((s) => ({
        workshop: s.workshopKey,
        round: s.roundKey,
        capacity: s.capacity,
        taken: s.taken,
        placesLeft: s.placesLeft,
        full: s.full,
      })),
    });
  });

  app.post('/events', tooLarge, async (c) => {
    const { db, clock, config } = c.var.deps;
    const { organiser, tokenName } = await authenticateApiCaller(db, bearer(c));
    const doc = await createEvent(db, await jsonBody(c), { actingOrganiserId: organiser.id, actor: apiTokenActor(tokenName), now: clock() });
    // Read-your-writes here at once; other instances hear the NOTIFY sent on commit.
    c.var.deps.pageCache.invalidate(doc.id!);
    c.header('location', `${config.publicUrl}/api/v1/events/${doc.slug}`);
    return c.json(doc, 201);
  });

  app.put('/events/:slug', tooLarge, async (c) => {
    const { db, clock, config } = c.var.deps;
    const { organiser, tokenName } = await authenticateApiCaller(db, bearer(c));
    const notify = c.req.query('notify');
    // Only the two words: a typo ("flase") must not mail every registrant unasked.
    if (notify !== undefined && notify !== 'true' && notify !== 'false')
      throw new ApiError(400, 'invalid', 'Geef notify=true of notify=false.');
    const expectedVersion = ifMatchVersion(c.req.header('if-match'));
    let doc;
    try {
      doc = await replaceEvent(db, c.req.param('slug'), await jsonBody(c), {
        actingOrganiserId: organiser.id,
        actor: apiTokenActor(tokenName),
        now: clock(),
        baseUrl: config.publicUrl,
        notifyRegistrants: notify !== 'false',
        expectedVersion,
      });
    } catch (e) {
      if (!(e instanceof StaleVersionError)) throw e;
      c.header('etag', versionTag(new Date(e.currentVersion)));
      throw new ApiError(412, 'version_changed', 'Het evenement is gewijzigd sinds u het las (If-Match). Er is niets opgeslagen: lees het opnieuw en stuur uw wijziging nog eens.');
    }
    c.var.deps.pageCache.invalidate(doc.id!);
    const row = await findEventRowBySlug(db, doc.slug);
    if (row) c.header('etag', versionTag(row.updatedAt));
    return c.json(doc);
  });

  app.post(
    '/events/:slug/registrations',
    (c, next) =>
      c.var.limiter.middleware((cc, wait) =>
        cc.json({ error: { code: 'rate_limited', message: `Te veel aanmeldingen achter elkaar. Probeer het over ${wait} seconden opnieuw.` } }, 429),
      )(c, next),
    registrationTooLarge,
    async (c) => {
    const { db, clock, config } = c.var.deps;
    const result = await register(db, c.req.param('slug'), await jsonBody(c), {
      now: clock(),
      baseUrl: config.publicUrl,
      idempotencyKey: c.req.header('idempotency-key'),
    });
    switch (result.kind) {
      case 'registered':
        if (!result.replayed) c.var.deps.pageCache.invalidate(result.registration.eventId);
        return c.json(
          { outcome: result.registration.status, ...registrationJson(result.registration, config.publicUrl) },
          result.replayed ? 200 : 201,
        );
      case 'invalid':
        return c.json({ error: { code: 'invalid', message: 'De aanmelding is niet volledig of niet juist.', problems: result.problems } }, 400);
      case 'closed':
        return c.json({ error: { code: 'closed', message: closedMessage[result.state.kind] ?? 'Aanmelden is gesloten.' } }, 409);
      case 'full':
        return c.json({ error: { code: 'full', message: 'Het maximum aantal deelnemers is bereikt; er is geen wachtlijst.' } }, 409);
      case 'duplicate':
        return c.json(
          {
            error: {
              code: 'duplicate',
              message: 'Met dit e-mailadres is al aangemeld voor dit evenement. Gebruik de persoonlijke link uit de bevestiging; die kunnen wij opnieuw sturen.',
            },
          },
          409,
        );
    }
    },
  );

  // The organiser's side: list, approve, refuse. Another organiser's token, or an event
  // that is not theirs, gets the same 404 as an event that does not exist.
  const organisedEvent = async (c: Context<AppEnv>) => {
    const { db } = c.var.deps;
    const { organiser, tokenName } = await authenticateApiCaller(db, bearer(c));
    const row = await findEventRowBySlug(db, c.req.param('slug')!);
    if (!row || !(await organises(db, row.id, organiser.id))) throw new DomainError('not_found', `Er is geen evenement "${c.req.param('slug')}".`);
    return { ...row, actor: apiTokenActor(tokenName) };
  };

  app.get('/events/:slug/registrations', async (c) => {
    const row = await organisedEvent(c);
    const list = await listRegistrations(c.var.deps.db, row.id);
    return c.json({
      registrations: list.map((r) => ({ ...r, offerExpiresAt: r.offerExpiresAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() })),
    });
  });

  app.post('/events/:slug/registrations/:id/approve', async (c) => {
    const row = await organisedEvent(c);
    const { db, clock, config } = c.var.deps;
    const r = await approveRegistration(db, row.id, c.req.param('id'), clock(), config.publicUrl, row.actor);
    c.var.deps.pageCache.invalidate(row.id);
    return c.json(registrationJson(r, config.publicUrl));
  });

  app.post('/events/:slug/registrations/:id/refuse', registrationTooLarge, async (c) => {
    const row = await organisedEvent(c);
    const { db, clock, config } = c.var.deps;
    const body = RefusalSchema.safeParse(await jsonBody(c));
    if (!body.success)
      return c.json(
        {
          error: {
            code: 'invalid',
            message: 'De afwijzing is niet juist.',
            problems: body.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(afwijzing)', message: i.message })),
          },
        },
        400,
      );
    const r = await refuseRegistration(db, row.id, c.req.param('id'), body.data.reason ?? null, clock(), config.publicUrl, row.actor);
    c.var.deps.pageCache.invalidate(row.id);
    return c.json(registrationJson(r, config.publicUrl));
  });

  // Exports for the event's organisers: personal data, so the same 404 for anyone else,
  // never cached, and always a download.
  const download = (c: Context<AppEnv>, body: string | Uint8Array, type: string, filename: string) => {
    c.header('content-type', type);
    c.header('content-disposition', `attachment; filename="${filename}"`);
    c.header('cache-control', 'no-store');
    return c.body(typeof body === 'string' ? body : new Uint8Array(body));
  };
  const exportFilter = (c: Context<AppEnv>) => ({
    statuses: parseStatuses(c.req.query('status')),
    roundKey: c.req.query('round') || undefined,
    workshopKey: c.req.query('workshop') || undefined,
  });
  /** "aanmeldingen-dag-van-de-buurt-2026-11-22.csv": what, which event, which day it was made. */
  const filename = (c: Context<AppEnv>, what: string, slug: string, ext: string) => `${what}-${slug}-${isoDateLocal(c.var.deps.clock())}.${ext}`;

  app.get('/events/:slug/export/registrations.csv', async (c) => {
    const row = await organisedEvent(c);
    const csv = await exportRegistrations(c.var.deps.db, row.slug, 'csv', exportFilter(c));
    return download(c, csv, 'text/csv; charset=utf-8', filename(c, 'aanmeldingen', row.slug, 'csv'));
  });

  app.get('/events/:slug/export/registrations.xlsx', async (c) => {
    const row = await organisedEvent(c);
    const xlsx = await exportRegistrations(c.var.deps.db, row.slug, 'xlsx', exportFilter(c));
    return download(c, xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename(c, 'aanmeldingen', row.slug, 'xlsx'));
  });

  app.get('/events/:slug/export/attendance.pdf', async (c) => {
    const row = await organisedEvent(c);
    const { roundKey, workshopKey } = exportFilter(c);
    const pdf = await exportAttendance(c.var.deps.db, row.slug, { roundKey, workshopKey });
    return download(c, pdf, 'application/pdf', filename(c, 'presentielijst', row.slug, 'pdf'));
  });

  app.get('/events/:slug/export/badges.pdf', async (c) => {
    const row = await organisedEvent(c);
    const pdf = await exportBadges(c.var.deps.db, row.slug, exportFilter(c));
    return download(c, pdf, 'application/pdf', filename(c, 'naambadges', row.slug, 'pdf'));
  });

  app.get('/registrations/:token', async (c) => {
    const r = await getRegistration(c.var.deps.db, c.req.param('token'));
    if (!r) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
    return c.json(registrationJson(r, c.var.deps.config.publicUrl));
  });

  // Writes through a personal token: the per-address limit of every public write.
  const personalLimit: MiddlewareHandler<AppEnv> = (c, next) =>
    c.var.limiter.middleware((cc, wait) =>
      cc.json({ error: { code: 'rate_limited', message: `Te veel verzoeken achter elkaar. Probeer het over ${wait} seconden opnieuw.` } }, 429),
    )(c, next);

  app.delete('/registrations/:token', personalLimit, async (c) => {
    const { db, clock, config } = c.var.deps;
    const result = await cancelRegistration(db, c.req.param('token'), clock(), config.publicUrl);
    c.var.deps.pageCache.invalidate(result.registration.eventId);
    return c.json(registrationJson(result.registration, config.publicUrl));
  });

  app.post('/registrations/:token/accept', personalLimit, async (c) => {
    const { db, clock, config } = c.var.deps;
    const result = await acceptOffer(db, c.req.param('token'), clock(), config.publicUrl);
    c.var.deps.pageCache.invalidate(result.registration.eventId);
    // Too late is a refusal for the caller, although the offer did lapse (and passed on) just now.
    if (result.kind === 'expired')
      return c.json(
        { error: { code: 'offer_expired', message: 'Het aanbod is verlopen: de plaats is niet op tijd geaccepteerd en gaat naar de volgende op de wachtlijst.' } },
        409,
      );
    return c.json(registrationJson(result.registration, config.publicUrl));
  });

  app.put('/registrations/:token/choices', personalLimit, registrationTooLarge, async (c) => {
    const { db, clock, config } = c.var.deps;
    const body = ChoiceChangeInputSchema.safeParse(await jsonBody(c));
    if (!body.success)
      return c.json(
        {
          error: {
            code: 'invalid',
            message: 'De keuzes zijn niet volledig of niet juist.',
            problems: body.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(keuzes)', message: i.message })),
          },
        },
        400,
      );
    const result = await changeChoices(db, c.req.param('token'), body.data.choices, clock(), config.publicUrl);
    if (result.kind === 'invalid')
      return c.json({ error: { code: 'invalid', message: 'De keuzes zijn niet volledig of niet juist.', problems: result.problems } }, 400);
    if (result.kind === 'changed') c.var.deps.pageCache.invalidate(result.registration.eventId);
    return c.json(registrationJson(result.registration, config.publicUrl));
  });

  return app;
}
