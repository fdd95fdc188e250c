import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { insertMany } from '../../db/bulk';
import type { Db } from '../../db/client';
import { checkinCode } from '../checkin/rules';
import { waitlistPositions, workshopWaitlistPositions } from '../registration/data';
import { ACTIVE } from '../registration/rules';
import type { EventDocument } from '../events/document';
import { contacts, eventOrganisers, events, meetings, programmeItems, venues, workshops } from '../events/table';
import { organisers } from '../organisers/table';
import { registrationChoices, registrations } from '../registration/table';
import { registrantCalendar, sequenceOf } from './calendar';
import { mailOutbox, type MailKind, type MailLanguage, type MailRow } from './table';
import { render, type ChoiceInfo, type ContactInfo, type EventChange, type EventInfo, type MailDataByKind } from './templates';

/*
 * Queueing mail: always inside the caller's transaction, so a mail exists exactly when
 * what it reports was committed (DESIGN.md rule 3). Rendering happens here, pure and fast;
 * the worker (src/worker/outbox.ts) only delivers. A dedupe key says what a mail is about
 * (`confirmation:<registration id>`): queueing it again does nothing.
 */

/** NOTIFY channel: a mail was queued (delivered on commit), so a worker can wake up. */
export const MAIL_QUEUED = 'bijeen_mail_queued';

export interface MailToQueue<K extends MailKind = MailKind> {
  dedupeKey: string;
  to: string;
  language: MailLanguage;
  kind: K;
  data: MailDataByKind[K];
  eventId?: string | null;
  registrationId?: string | null;
  /** The organiser's message this mail is one of (kind `message`). */
  messageId?: string | null;
  /** An iCalendar file to attach (an invitation or its cancellation). */
  ics?: string | null;
  replyTo?: string | null;
  /** The use case's moment: the mail is due from then on. */
  now: Date;
}

/** Queue mails in the caller's transaction. Returns how many were new (not queued before). */
export async function queueMails(tx: Db, mails: MailToQueue[]): Promise<number> {
  if (mails.length === 0) return 0;
  const values = mails.map((m) => {
    const { subject, text, html } = render(m.kind, m.language, m.data as never);
    return {
      dedupeKey: m.dedupeKey,
      eventId: m.eventId ?? null,
      registrationId: m.registrationId ?? null,
      messageId: m.messageId ?? null,
      toAddress: m.to,
      replyTo: m.replyTo ?? null,
      language: m.language,
      kind: m.kind,
      subject,
      textBody: text,
      htmlBody: html,
      ics: m.ics ?? null,
      status: 'queued' as const,
      attempts: 0,
      nextAttemptAt: m.now,
      createdAt: m.now,
    };
  });
  // In slices, so one statement's JSON stays a few megabytes at most.
  let inserted = 0;
  for (let i = 0; i < values.length; i += 200)
    inserted += (await insertMany(tx, mailOutbox, values.slice(i, i + 200), { onConflictDoNothing: { target: 'dedupe_key' }, returnRows: false })).length;
  if (inserted > 0) await tx.execute(sql`SELECT pg_notify(${MAIL_QUEUED}, '')`);
  return inserted;
}

/** Queue one mail in the caller's transaction. False when its dedupe key was queued before. */
export async function queueMail<K extends MailKind>(tx: Db, mail: MailToQueue<K>): Promise<boolean> {
  return (await queueMails(tx, [mail as MailToQueue])) === 1;
}

// ---------------------------------------------------------------------------------------
// Mails about a registration, built from what is stored.

export type RegistrationMail =
  | { kind: 'confirmation' | 'waitlisted' | 'pending' | 'offer_expired' | 'cancelled' }
  | { kind: 'offer'; expiresAt: Date }
  | { kind: 'refused'; reason?: string | null | undefined };

export type RegistrationMailOptions = RegistrationMail & {
  registrationId: string;
  now: Date;
  /** The site's public base URL (config.publicUrl), for the personal link and the event page. */
  baseUrl: string;
  /** Defaults to `<kind>:<registration id>`; an offer's default adds its expiry. */
  dedupeKey?: string;
};

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

export interface EventContext {
  event: EventRow;
  info: EventInfo;
  doc: EventDocument;
}

/** The personal link of a registration, as the API gives it. */
export function personalUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/aanmelding/${token}`;
}

/**
 * Queue the mail that tells a registrant about their registration: confirmation,
 * waiting list, awaiting approval, an offered place, its expiry, refusal, cancellation.
 * Call it in the transaction that made the change, after the change (it reads the
 * registration as that transaction sees it). Returns false when it was queued before.
 */
export async function queueRegistrationMail(tx: Db, opts: RegistrationMailOptions): Promise<boolean> {
  return (await queueRegistrationMails(tx, [opts])) === 1;
}

/**
 * Queue several registrants' mails in a few queries, whatever their number: a batch of
 * registrations is decided under the event's lock, and its mails are queued under it too
 * (see registration/service.ts). Returns how many were new.
 */
export async function queueRegistrationMails(
  tx: Db,
  list: RegistrationMailOptions[],
  /** What the caller already read in this transaction: the registrations, their waiting-list positions. */
  known?: { registrations: RegistrationRow[]; positions: Map<string, number>; workshopPositions: Map<string, number> },
): Promise<number> {
  if (list.length === 0) return 0;
  const ids = [...new Set(list.map((o) => o.registrationId))];
  const regs = known?.registrations ?? (await tx.select().from(registrations).where(inArray(registrations.id, ids)));
  const byId = new Map(regs.map((r) => [r.id, r]));
  const mails: MailToQueue[] = [];
  for (const eventId of new Set(regs.map((r) => r.eventId))) {
    const ofEvent = regs.filter((r) => r.eventId === eventId);
    const baseUrl = list[0]!.baseUrl;
    const ctx = await loadEventContext(tx, eventId, baseUrl);
    const choices = await loadChoices(tx, ofEvent, { positions: known?.workshopPositions ?? true });
    const positions = known
      ? known.positions
      : list.some((o) => o.kind === 'waitlisted')
      ? await waitlistPositions(
          tx,
          eventId,
          ofEvent.filter((r) => r.status === 'waitlisted').map((r) => r.id),
        )
      : new Map<string, number>();
    for (const opts of list) {
      const registration = byId.get(opts.registrationId);
      if (!registration) throw new Error(`No registration ${opts.registrationId}`);
      if (registration.eventId !== eventId) continue;
      mails.push(await registrationMail(tx, ctx, registration, choices.get(registration.id) ?? [], positions.get(registration.id) ?? null, opts));
    }
  }
  return queueMails(tx, mails);
}

async function registrationMail(
  tx: Db,
  ctx: EventContext,
  registration: RegistrationRow,
  choices: ChoiceInfo[],
  position: number | null,
  opts: RegistrationMailOptions,
): Promise<MailToQueue> {
  const holdsPlace = registration.status === 'confirmed';
  const base = {
    name: registration.name,
    event: withJoinUrls(ctx.info, holdsPlace && opts.kind === 'confirmation'),
    personalUrl: personalUrl(opts.baseUrl, registration.token),
    choices: opts.kind === 'cancelled' || opts.kind === 'refused' || opts.kind === 'offer_expired' ? [] : choices,
    calendarAttached: false,
    // Someone with a place is told how to check in.
    checkinCode: holdsPlace && opts.kind === 'confirmation' ? checkinCode(registration.token) : null,
  };

  let ics: string | null = null;
  const calendarFor = (method: 'REQUEST' | 'CANCEL', moment: Date) =>
    registrantCalendar(ctx.doc, {
      baseUrl: opts.baseUrl,
      method,
      sequence: sequenceOf(moment),
      includeJoinUrl: method === 'REQUEST',
      organizer: organizerOf(ctx.info.contact),
      attendee: { name: registration.name, email: registration.email },
    });
  if (opts.kind === 'confirmation' && holdsPlace) ics = calendarFor('REQUEST', ctx.event.updatedAt);
  // Withdraw the invitation only from someone who got one.
  if (opts.kind === 'cancelled' && (await wasQueued(tx, `confirmation:${registration.id}`)))
    ics = calendarFor('CANCEL', opts.now > ctx.event.updatedAt ? opts.now : ctx.event.updatedAt);
  base.calendarAttached = ics !== null;

  let data: MailDataByKind[MailKind];
  let dedupeKey = opts.dedupeKey ?? `${opts.kind}:${registration.id}`;
  switch (opts.kind) {
    case 'waitlisted':
      data = { ...base, position };
      break;
    case 'offer':
      data = { ...base, expiresAt: opts.expiresAt };
      dedupeKey = opts.dedupeKey ?? `offer:${registration.id}:${opts.expiresAt.getTime()}`;
      break;
    case 'refused':
      data = { ...base, reason: opts.reason ?? null };
      break;
    default:
      data = base;
  }
  return {
    dedupeKey,
    to: registration.email,
    language: registration.language,
    kind: opts.kind,
    data,
    eventId: registration.eventId,
    registrationId: registration.id,
    ics,
    replyTo: ctx.info.contact?.email ?? null,
    now: opts.now,
  };
}

export interface EventChangedOptions {
  eventId: string;
  changes: EventChange[];
  now: Date;
  baseUrl: string;
}

/**
 * Tell everyone with an active registration (confirmed, awaiting approval, waiting) that
 * the event changed, with an updated invitation (or its cancellation) for those with a
 * place. Call it in the transaction that changed the event, after the change. One mail
 * per registration per version of the event (its updated_at). Returns how many were queued.
 */
export async function queueEventChangedMails(tx: Db, opts: EventChangedOptions): Promise<number> {
  const ctx = await loadEventContext(tx, opts.eventId, opts.baseUrl);
  const active = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, opts.eventId), inArray(registrations.status, [...ACTIVE])))
    .orderBy(asc(registrations.arrival));
  if (active.length === 0) return 0;
  const choices = await loadChoices(tx, active);
  const cancelled = opts.changes.includes('cancelled');
  const version = ctx.event.updatedAt.getTime();
  const withJoin = withJoinUrls(ctx.info, true);
  const withoutJoin = withJoinUrls(ctx.info, false);
  const organizer = organizerOf(ctx.info.contact);
  const mails: MailToQueue<'event_changed'>[] = active.map((r) => {
    const holdsPlace = r.status === 'confirmed';
    const ics = holdsPlace
      ? registrantCalendar(ctx.doc, {
          baseUrl: opts.baseUrl,
          method: cancelled ? 'CANCEL' : 'REQUEST',
          sequence: sequenceOf(ctx.event.updatedAt),
          includeJoinUrl: !cancelled,
          organizer,
          attendee: { name: r.name, email: r.email },
        })
      : null;
    return {
      dedupeKey: `event_changed:${opts.eventId}:${version}:${r.id}`,
      to: r.email,
      language: r.language,
      kind: 'event_changed',
      data: {
        name: r.name,
        event: holdsPlace && !cancelled ? withJoin : withoutJoin,
        personalUrl: personalUrl(opts.baseUrl, r.token),
        choices: cancelled ? [] : (choices.get(r.id) ?? []),
        calendarAttached: ics !== null,
        changes: opts.changes,
      },
      eventId: opts.eventId,
      registrationId: r.id,
      ics,
      replyTo: ctx.info.contact?.email ?? null,
      now: opts.now,
    };
  });
  return queueMails(tx, mails);
}

// ---------------------------------------------------------------------------------------
// Reading the outbox (for the back office).

/** Mails of an event, newest first, for the organiser's view of what was sent. */
export async function listEventMails(db: Db, eventId: string, limit = 200): Promise<MailRow[]> {
  return db.select().from(mailOutbox).where(eq(mailOutbox.eventId, eventId)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

// ---------------------------------------------------------------------------------------
// Loading. One query at a time: `tx` is a transaction, which is one connection.

async function wasQueued(tx: Db, dedupeKey: string): Promise<boolean> {
  const [row] = await tx.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.dedupeKey, dedupeKey)).limit(1);
  return row !== undefined;
}

function withJoinUrls(info: EventInfo, include: boolean): EventInfo {
  return include ? info : { ...info, meetings: info.meetings.map((m) => ({ ...m, joinUrl: null })) };
}

function organizerOf(contact: ContactInfo | null): { name: string; email: string } | null {
  return contact?.email ? { name: contact.name, email: contact.email } : null;
}

const contactPreference = { practical: 0, general: 1, content: 2 } as const;

// What a mail says about its event changes only when the event does (its updated_at):
// keep it, so queueing a mail under the event's lock costs one query, not five.
const contextCache = new Map<string, EventContext>();
const CONTEXT_CACHE_MAX = 200;

export async function loadEventContext(tx: Db, eventId: string, baseUrl: string): Promise<EventContext> {
  // xmin, the transaction that wrote this version of the row, is in the key as well: an
  // edit whose mails were rendered (and kept here) and which then rolled back must not
  // lend its content to a retried edit that gets the same updated_at.
  const [found] = await tx
    .select({ event: events, writtenBy: sql<string>`${events}.xmin::text` })
    .from(events)
    .where(eq(events.id, eventId))
    .limit(1);
  if (!found) throw new Error(`No event ${eventId}`);
  const { event } = found;
  const cacheKey = `${eventId}|${event.updatedAt.getTime()}|${found.writtenBy}|${baseUrl}`;
  const cached = contextCache.get(cacheKey);
  if (cached) return { ...cached, event };
  const ctx = await readEventContext(tx, event, baseUrl);
  if (contextCache.size >= CONTEXT_CACHE_MAX) contextCache.delete(contextCache.keys().next().value!);
  contextCache.set(cacheKey, ctx);
  return ctx;
}

async function readEventContext(tx: Db, event: EventRow, baseUrl: string): Promise<EventContext> {
  const eventId = event.id;
  const vs = await tx.select().from(venues).where(eq(venues.eventId, eventId)).orderBy(asc(venues.position));
  const ms = await tx.select().from(meetings).where(eq(meetings.eventId, eventId)).orderBy(asc(meetings.position));
  const cs = await tx.select().from(contacts).where(eq(contacts.eventId, eventId)).orderBy(asc(contacts.position));
  const [main] = await tx
    .select({ name: organisers.name })
    .from(eventOrganisers)
    .innerJoin(organisers, eq(organisers.id, eventOrganisers.organiserId))
    .where(eq(eventOrganisers.eventId, eventId))
    .orderBy(asc(eventOrganisers.position))
    .limit(1);

  const venueById = new Map(vs.map((v) => [v.id, v]));
  const placeOf = (v: (typeof vs)[number]) => [v.name, v.street, [v.postcode, v.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  // Practical questions first: that is what a registrant asks about.
  const contact = [...cs]
    .filter((c) => c.email || c.phone)
    .sort((a, b) => contactPreference[a.purpose] - contactPreference[b.purpose] || a.position - b.position)[0];
  const url = `${baseUrl}/evenementen/${event.slug}`;
  const info: EventInfo = {
    title: event.title,
    url,
    organiser: main?.name ?? null,
    contact: contact ? { name: contact.name, email: contact.email, phone: contact.phone } : null,
    meetings: ms.map((m) => {
      const v = m.venueId ? venueById.get(m.venueId) : undefined;
      return { title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, place: v ? placeOf(v) : null, online: m.online, joinUrl: m.joinUrl };
    }),
  };
  return { event, info, doc: calendarDocument(event, vs, ms) };
}

/** The parts of an event document the calendar reads. */
function calendarDocument(
  event: EventRow,
  vs: (typeof venues.$inferSelect)[],
  ms: (typeof meetings.$inferSelect)[],
): EventDocument {
  const und = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  const venueKey = new Map(vs.map((v) => [v.id, v.key]));
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    status: event.status,
    format: event.format,
    organisers: [],
    sections: [],
    audience: { groups: [] },
    venues: vs.map((v) => ({ key: v.key, name: v.name, street: und(v.street), postcode: und(v.postcode), city: v.city })),
    meetings: ms.map((m) => ({
      key: m.key,
      title: und(m.title),
      startsAt: m.startsAt.toISOString(),
      endsAt: m.endsAt.toISOString(),
      venue: m.venueId ? venueKey.get(m.venueId) : undefined,
      online: m.online,
      joinUrl: und(m.joinUrl),
      topics: [],
    })),
    speakers: [],
    programme: [],
    workshops: [],
    contacts: [],
    registration: { mode: 'form', waitlist: true, approvalRequired: false, organisationLimits: {}, questions: [] },
    price: null,
    report: null,
  };
}

/** Each registration's chosen workshop per round, in programme order, with waiting-list positions. */
async function loadChoices(
  tx: Db,
  regs: RegistrationRow[],
  /** Workshop waiting-list positions: to be counted (true), as counted by the caller, or none. */
  opts: { positions: boolean | Map<string, number> } = { positions: false },
): Promise<Map<string, ChoiceInfo[]>> {
  const out = new Map<string, ChoiceInfo[]>();
  if (regs.length === 0) return out;
  const rows = await tx
    .select({
      registrationId: registrationChoices.registrationId,
      roundId: registrationChoices.roundId,
      workshopId: registrationChoices.workshopId,
      status: registrationChoices.status,
      round: programmeItems.title,
      startsAt: programmeItems.startsAt,
      endsAt: programmeItems.endsAt,
      workshop: workshops.title,
    })
    .from(registrationChoices)
    .innerJoin(programmeItems, eq(programmeItems.id, registrationChoices.roundId))
    .innerJoin(workshops, eq(workshops.id, registrationChoices.workshopId))
    .where(
      inArray(
        registrationChoices.registrationId,
        regs.map((r) => r.id),
      ),
    )
    .orderBy(asc(programmeItems.position));
  const byId = new Map(regs.map((r) => [r.id, r]));
  // A registrant's own mail shows their place on a workshop's waiting list; a mail to
  // everyone (event changed) does not count them.
  const positions =
    opts.positions instanceof Map
      ? opts.positions
      : opts.positions
    ? await workshopWaitlistPositions(
        tx,
        regs[0]!.eventId,
        regs.map((r) => r.id),
      )
    : new Map<string, number>();
  for (const c of rows) {
    if (c.status !== 'confirmed' && c.status !== 'pending' && c.status !== 'waitlisted') continue;
    const r = byId.get(c.registrationId)!;
    const position = c.status === 'waitlisted' && r.status !== 'waitlisted' ? (positions.get(`${r.id}/${c.roundId}`) ?? null) : null;
    const list = out.get(c.registrationId) ?? [];
    list.push({ round: c.round, startsAt: c.startsAt, endsAt: c.endsAt, workshop: c.workshop, status: c.status, position });
    out.set(c.registrationId, list);
  }
  return out;
}

