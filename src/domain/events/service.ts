import { and, eq, getTableColumns, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { isoLocal } from '../../kernel/dates';
import { DomainError } from '../../kernel/errors';
import { apiTokens, organisers } from '../organisers/table';
import { editEntry, eventEdit } from '../audit/rules';
import { recordEventAudit, type Actor } from '../audit/service';
import { queueEventChangedMails } from '../mail/service';
import { notifyEventChanged } from './changes';
import { lockEvent, promoteWaiting } from '../registration/service';
import { ACTIVE } from '../registration/rules';
import { registrations } from '../registration/table';
import { activeChoiceRefs, findEventRowBySlug, listEventRows, loadEventRows, loadTakenSeats, type EventRows } from './data';
import { eventChanges } from './diff';
import { attachmentsOf, photoOf, resolveFileLinks, writeFileLinks, type FileLinks } from '../files/service';
import { EventDocumentSchema, problemsOf, type EventDocument } from './document';
import { isFull, isPublished, nextVersion, organiserLinkProblems, placesLeft, registrationState, type RegistrationState } from './rules';
import {
  contacts,
  eventOrganisers,
  events,
  meetings,
  programmeItems,
  reports,
  speakers,
  venues,
  workshopRounds,
  workshops,
} from './table';

/** Validate an untrusted document (API body, demo content) with every problem listed. */
export function parseEventDocument(input: unknown): EventDocument {
  const parsed = EventDocumentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid', 'Het evenement is niet geldig.', problemsOf(parsed.error));
  return parsed.data;
}

const at = (s: string) => new Date(s);
const opt = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);

/** `SET col = excluded.col` for every column but the keys, for upserts by (event_id, key). */
function excludedSet(table: PgTable, skip: string[]): Record<string, SQL> {
  const set: Record<string, SQL> = {};
  for (const [prop, col] of Object.entries(getTableColumns(table)) as [string, PgColumn][]) {
    if (skip.includes(prop)) continue;
    set[prop] = sql.raw(`excluded."${col.name}"`);
  }
  return set;
}

/**
 * Upsert the keyed children of an event and delete those no longer in the document.
 * Keeping ids stable by key is what lets registrations (which point at rounds and
 * workshops) survive an edit of the event.
 */
async function syncKeyed<T extends PgTable>(
  tx: Db,
  table: T,
  eventId: string,
  rows: Record<string, unknown>[],
): Promise<Map<string, string>> {
  const t = table as unknown as { id: PgColumn; eventId: PgColumn; key: PgColumn };
  const ids = new Map<string, string>();
  if (rows.length > 0) {
    const out = (await tx
      .insert(table)
      .values(rows as never)
      .onConflictDoUpdate({ target: [t.eventId, t.key], set: excludedSet(table, ['id', 'eventId', 'key']) })
      .returning({ id: t.id, key: t.key })) as { id: string; key: string }[];
    for (const r of out) ids.set(r.key, r.id);
  }
  const keys = rows.map((r) => r.key as string);
  await tx
    .delete(table)
    .where(keys.length ? and(eq(t.eventId, eventId), notInArray(t.key, keys)) : eq(t.eventId, eventId));
  return ids;
}

export interface SaveOptions {
  /** The organiser whose token or account writes: it must organise the event. */
  actingOrganiserId: string;
  /** Who writes, for the audit log (an account, an API token, the system). */
  actor: Actor;
  now?: Date;
}

export interface CreateOptions extends SaveOptions {
  /** The event this one is a copy of (the editor's "Kopiëren"), for the log. */
  copiedFrom?: { slug: string; title: string };
}

export interface ReplaceOptions extends SaveOptions {
  /**
   * Runs first in the save's transaction: the editor stores the files uploaded with a
   * form here, so that the files and the document referring to them commit together.
   */
  before?: (tx: Db) => Promise<void>;
  /** The site's public base URL, for the links in mails to registrants. */
  baseUrl: string;
  /**
   * Mail everyone registered what changed (new dates, venue, online details, programme,
   * or the cancellation) when the event is published. Default true; false for an
   * organiser who will tell them otherwise, or is only fixing a typo.
   */
  notifyRegistrants?: boolean;
  /**
   * The version (`updated_at`, ISO) the caller's form was filled in on. When someone else
   * saved since, nothing is written and a StaleVersionError says so. Checked under the
   * event's lock, so two saves of one old version never both land.
   */
  expectedVersion?: string | undefined;
}

/** The event was saved by someone else after the caller read it: nothing was written. */
export class StaleVersionError extends DomainError {
  constructor(readonly currentVersion: string) {
    super('conflict', 'Iemand anders heeft dit evenement opgeslagen nadat u het opende. Er is niets opgeslagen.');
    this.name = 'StaleVersionError';
  }
}

/** Create an event from a document. The acting organiser becomes its (main) organiser. */
export async function createEvent(db: Db, input: unknown, opts: CreateOptions): Promise<EventDocument> {
  const doc = parseEventDocument(input);
  await db.transaction(async (tx) => {
    // Two creations of one slug at once: the second waits here and then sees the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bijeen:slug:${doc.slug}`}, 0))`);
    if (await findEventRowBySlug(tx, doc.slug))
      throw new DomainError('conflict', `Er is al een evenement met de slug "${doc.slug}".`, [
        { path: 'slug', message: 'Deze slug is al in gebruik.' },
      ]);
    const [row] = await tx
      .insert(events)
      .values({ ...eventColumns(doc), createdAt: opts.now ?? new Date(), updatedAt: opts.now ?? new Date() })
      .returning({ id: events.id });
    await writeChildren(tx, row!.id, doc, opts.actingOrganiserId);
    await linkFiles(tx, row!.id, doc);
    await recordEventAudit(
      tx,
      {
        eventId: row!.id,
        actor: opts.actor,
        action: opts.copiedFrom ? 'event.copied' : 'event.created',
        summary: opts.copiedFrom ? `Evenement gemaakt als kopie van ‘${opts.copiedFrom.title}’` : 'Evenement aangemaakt',
        details: { slug: doc.slug, title: doc.title, status: doc.status, ...(opts.copiedFrom ? { copiedFrom: opts.copiedFrom.slug } : {}) },
      },
      opts.now,
    );
    await notifyEventChanged(tx, row!.id);
  });
  return (await getEventDocument(db, doc.slug, { includePrivate: true }))!;
}

/** Replace an event (PUT): same slug, its parts matched by key so their ids survive. */
export async function replaceEvent(db: Db, slug: string, input: unknown, opts: ReplaceOptions): Promise<EventDocument> {
  const doc = parseEventDocument(input);
  if (doc.slug !== slug)
    throw new DomainError('invalid', 'De slug in het document hoort gelijk te zijn aan die in het adres.', [
      { path: 'slug', message: `Verwacht "${slug}".` },
    ]);
  const now = opts.now ?? new Date();
  return db.transaction(async (tx) => {
    await opts.before?.(tx);
    const found = await findEventRowBySlug(tx, slug);
    if (!found) throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
    // The same lock as registrations: a capacity change and a registration never interleave.
    await lockEvent(tx, found.id);
    // Read again under the lock: a save that committed while this one waited is seen here,
    // both by the version check and by the next version counted from it.
    const [existing = found] = await tx.select().from(events).where(eq(events.id, found.id));
    if (opts.expectedVersion !== undefined && existing.updatedAt.toISOString() !== opts.expectedVersion)
      throw new StaleVersionError(existing.updatedAt.toISOString());
    if (!(await organises(tx, existing.id, opts.actingOrganiserId))) {
      // A draft of someone else is not there for you; a published event is, but not yours.
      if (existing.status === 'draft') throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
      throw new DomainError('forbidden', 'U organiseert dit evenement niet en mag het niet wijzigen.');
    }
    await assertNoActiveChoicesLost(tx, existing.id, doc);
    await assertRegistrantsKeepTheirEvent(tx, existing, doc);
    // Registrants hear about an event they could see: a published one, still published or
    // now cancelled, or a cancelled one that goes ahead after all. A draft had nobody
    // registered to tell.
    const tell =
      opts.notifyRegistrants !== false &&
      ((existing.status === 'published' && doc.status !== 'draft') || (existing.status === 'cancelled' && doc.status === 'published'));
    // As stored before the write: the log compares it with the event as stored after.
    const stored = documentOf(await loadEventRows(tx, existing, { inTransaction: true }), { includePrivate: true });
    const before = tell ? stored : null;
    await tx
      .update(events)
      .set({ ...eventColumns(doc), updatedAt: nextVersion(existing.updatedAt, now) })
      .where(eq(events.id, existing.id));
    await writeChildren(tx, existing.id, doc, opts.actingOrganiserId);
    await linkFiles(tx, existing.id, doc, existing.fileLinks);
    // After the write and its new updated_at: the mails read the event as it is now, and
    // their dedupe key and invitation SEQUENCE come from that new version. Before anyone
    // moves up below: those at the time of the edit hear of it, and whoever then moves up
    // gets a mail of their own (a confirmation or an offer) with the new details.
    const changes = before ? eventChanges(before, doc) : [];
    if (changes.length > 0) await queueEventChangedMails(tx, { eventId: existing.id, changes, now, baseUrl: opts.baseUrl });
    // More room (a higher capacity, a workshop's extra seats) goes to the waiting list,
    // but nobody moves up into an event that will not take place.
    const [updated] = await tx.select().from(events).where(eq(events.id, existing.id));
    const promoted = doc.status !== 'cancelled' ? await promoteWaiting(tx, updated!, now, opts.baseUrl) : [];
    // The event as it is now stored: compared with before for the log, and what the save returns.
    const after = documentOf(await loadEventRows(tx, updated!, { inTransaction: true }), { includePrivate: true });
    // One entry for the edit, naming the parts that changed; none when nothing did.
    const edit = eventEdit(stored, after);
    const entry = editEntry(edit);
    if (entry)
      await recordEventAudit(
        tx,
        {
          eventId: existing.id,
          actor: opts.actor,
          ...entry,
          details: {
            parts: edit.parts,
            fields: edit.fields,
            ...(edit.status ? { status: edit.status } : {}),
            ...(edit.report ? { report: edit.report } : {}),
            // Which changes the registrants were mailed about (dates, venue, …), if any.
            mailed: changes,
            ...(promoted.length ? { promoted: promoted.length } : {}),
          },
        },
        now,
      );
    await notifyEventChanged(tx, existing.id);
    return after;
  });
}

/** The files the document names: checked (after the organisers are linked) and kept with the event. */
async function linkFiles(tx: Db, eventId: string, doc: EventDocument, known?: FileLinks): Promise<void> {
  await writeFileLinks(tx, eventId, await resolveFileLinks(tx, eventId, doc, known));
}

export async function organises(db: Db, eventId: string, organiserId: string): Promise<boolean> {
  const [link] = await db
    .select({ id: eventOrganisers.organiserId })
    .from(eventOrganisers)
    .where(and(eq(eventOrganisers.eventId, eventId), eq(eventOrganisers.organiserId, organiserId)))
    .limit(1);
  return link !== undefined;
}

/**
 * Back to draft hides an event from everyone registered for it (their personal page, the
 * agenda): only while nobody is. The editor offers it only then; this holds for the API too.
 */
async function assertRegistrantsKeepTheirEvent(tx: Db, existing: { id: string; status: EventDocument['status'] }, doc: EventDocument): Promise<void> {
  if (existing.status === 'draft' || doc.status !== 'draft') return;
  const [row] = await tx
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, existing.id), inArray(registrations.status, [...ACTIVE])));
  if ((row?.n ?? 0) === 0) return;
  const message = 'Terug naar concept kan niet: er hebben zich al mensen aangemeld, en zij zouden hun evenement niet meer kunnen vinden. Annuleer het evenement als het niet doorgaat.';
  throw new DomainError('conflict', message, [{ path: 'status', message }]);
}

async function assertNoActiveChoicesLost(tx: Db, eventId: string, doc: EventDocument): Promise<void> {
  const refs = await activeChoiceRefs(tx, eventId);
  if (refs.length === 0) return;
  // One query at a time: a transaction is one connection.
  const ws = await tx.select({ id: workshops.id, key: workshops.key, title: workshops.title }).from(workshops).where(eq(workshops.eventId, eventId));
  const rs = await tx.select({ id: programmeItems.id, key: programmeItems.key }).from(programmeItems).where(eq(programmeItems.eventId, eventId));
  const wKey = new Map(ws.map((w) => [w.id, w]));
  const rKey = new Map(rs.map((r) => [r.id, r.key]));
  const problems = [];
  for (const ref of refs) {
    const w = wKey.get(ref.workshopId);
    const round = rKey.get(ref.roundId);
    const kept = doc.workshops.find((x) => x.key === w?.key);
    if (!kept || !round || !kept.rounds.includes(round))
      problems.push({
        path: 'workshops',
        message: `De deelsessie "${w?.title ?? ref.workshopId}" in ronde "${round ?? ref.roundId}" heeft aanmeldingen en kan niet worden verwijderd. Annuleer of verplaats die eerst.`,
      });
  }
  if (problems.length) throw new DomainError('conflict', 'Deze wijziging zou aanmeldingen verliezen.', problems);
}

function eventColumns(doc: EventDocument) {
  const starts = doc.meetings.map((m) => Date.parse(m.startsAt));
  const ends = doc.meetings.map((m) => Date.parse(m.endsAt));
  const r = doc.registration;
  return {
    slug: doc.slug,
    title: doc.title,
    subtitle: opt(doc.subtitle),
    summary: doc.summary,
    status: doc.status,
    format: doc.format,
    series: opt(doc.series),
    sections: doc.sections,
    audience: doc.audience,
    registrationMode: r.mode,
    registrationOpensAt: r.opensAt ? at(r.opensAt) : null,
    registrationClosesAt: r.closesAt ? at(r.closesAt) : null,
    capacity: opt(r.capacity),
    waitlistEnabled: r.waitlist,
    approvalRequired: r.approvalRequired,
    cancellableUntil: r.cancellableUntil ? at(r.cancellableUntil) : null,
    offerHours: r.offerHours ?? null,
    organisationLimits: r.organisationLimits,
    questions: r.questions,
    priceCents: doc.price?.amountCents ?? null,
    vatCategory: doc.price?.vatCategory ?? null,
    priceIncludes: opt(doc.price?.includes),
    startsAt: new Date(Math.min(...starts)),
    endsAt: new Date(Math.max(...ends)),
  };
}

async function writeChildren(tx: Db, eventId: string, doc: EventDocument, actingOrganiserId: string): Promise<void> {
  await linkOrganisers(tx, eventId, doc, actingOrganiserId);

  const venueIds = await syncKeyed(
    tx,
    venues,
    eventId,
    doc.venues.map((v, position) => ({
      eventId,
      key: v.key,
      position,
      name: v.name,
      street: opt(v.street),
      postcode: opt(v.postcode),
      city: v.city,
      latitude: v.latitude === undefined ? null : String(v.latitude),
      longitude: v.longitude === undefined ? null : String(v.longitude),
      directions: opt(v.directions),
    })),
  );
  await syncKeyed(
    tx,
    meetings,
    eventId,
    doc.meetings.map((m, position) => ({
      eventId,
      key: m.key,
      position,
      title: opt(m.title),
      startsAt: at(m.startsAt),
      endsAt: at(m.endsAt),
      venueId: m.venue ? venueIds.get(m.venue)! : null,
      online: m.online,
      joinUrl: opt(m.joinUrl),
      topics: m.topics,
    })),
  );
  await syncKeyed(
    tx,
    speakers,
    eventId,
    doc.speakers.map((s, position) => ({
      eventId,
      key: s.key,
      position,
      name: s.name,
      role: opt(s.role),
      organisation: opt(s.organisation),
      bio: opt(s.bio),
    })),
  );
  const itemIds = await syncKeyed(
    tx,
    programmeItems,
    eventId,
    doc.programme.map((p, position) => ({
      eventId,
      key: p.key,
      position,
      kind: p.kind,
      startsAt: at(p.startsAt),
      endsAt: p.endsAt ? at(p.endsAt) : null,
      title: p.title,
      subtitle: opt(p.subtitle),
      description: opt(p.description),
      speakerKeys: p.speakers,
    })),
  );
  const workshopIds = await syncKeyed(
    tx,
    workshops,
    eventId,
    doc.workshops.map((w, position) => ({
      eventId,
      key: w.key,
      position,
      title: w.title,
      description: opt(w.description),
      contributors: w.contributors,
      capacity: opt(w.capacity),
      contactName: opt(w.contact?.name),
      contactEmail: opt(w.contact?.email),
      contactPhone: opt(w.contact?.phone),
    })),
  );

  // Which rounds each workshop runs in: a set of pairs, rewritten whole (no ids hang on it).
  await tx.delete(workshopRounds).where(eq(workshopRounds.eventId, eventId));
  const pairs = doc.workshops.flatMap((w) =>
    w.rounds.map((r) => ({ eventId, workshopId: workshopIds.get(w.key)!, roundId: itemIds.get(r)! })),
  );
  if (pairs.length) await tx.insert(workshopRounds).values(pairs);

  await tx.delete(contacts).where(eq(contacts.eventId, eventId));
  if (doc.contacts.length)
    await tx.insert(contacts).values(
      doc.contacts.map((c, position) => ({
        eventId,
        position,
        purpose: c.purpose,
        name: c.name,
        role: opt(c.role),
        email: opt(c.email),
        phone: opt(c.phone),
      })),
    );

  await tx.delete(reports).where(eq(reports.eventId, eventId));
  if (doc.report)
    await tx.insert(reports).values({
      eventId,
      title: doc.report.title,
      summary: opt(doc.report.summary),
      body: doc.report.body,
      attendance: opt(doc.report.attendance),
      attendanceLabel: opt(doc.report.attendanceLabel),
      publishedAt: doc.report.publishedAt ? at(doc.report.publishedAt) : null,
    });
}

/**
 * Organisers are shared across events and matched by slug. A document may name a new
 * organiser (it is created) but never renames an existing one. The acting organiser is
 * always linked; it is the main organiser unless the document names another.
 */
async function linkOrganisers(tx: Db, eventId: string, doc: EventDocument, actingOrganiserId: string) {
  const slugs = doc.organisers.map((o) => o.slug);
  if (slugs.length)
    await tx
      .insert(organisers)
      .values(doc.organisers.map((o) => ({ slug: o.slug, name: o.name, website: opt(o.website) })))
      .onConflictDoNothing({ target: organisers.slug });
  const found = slugs.length ? await tx.select().from(organisers).where(inArray(organisers.slug, slugs)) : [];
  const bySlug = new Map(found.map((o) => [o.slug, o]));
  const links = doc.organisers.map((o) => ({ organiserId: bySlug.get(o.slug)!.id, role: o.role }));
  if (!links.some((l) => l.organiserId === actingOrganiserId))
    links.unshift({ organiserId: actingOrganiserId, role: links.some((l) => l.role === 'organiser') ? 'co_organiser' : 'organiser' });
  if (!links.some((l) => l.role === 'organiser')) links[0]!.role = 'organiser';

  const existing = await tx
    .select({ organiserId: eventOrganisers.organiserId, role: eventOrganisers.role })
    .from(eventOrganisers)
    .where(eq(eventOrganisers.eventId, eventId));
  const ids = [...new Set([...links, ...existing].map((l) => l.organiserId))];
  const claimed = new Set(
    (await tx.selectDistinct({ id: apiTokens.organiserId }).from(apiTokens).where(inArray(apiTokens.organiserId, ids))).map((r) => r.id),
  );
  const withClaims = (ls: { organiserId: string; role: 'organiser' | 'co_organiser' }[]) => ls.map((l) => ({ ...l, claimed: claimed.has(l.organiserId) }));
  const problems = organiserLinkProblems({ actorId: actingOrganiserId, existing: withClaims(existing), proposed: withClaims(links) });
  if (problems.length) {
    const named = await tx.select({ id: organisers.id, name: organisers.name }).from(organisers).where(inArray(organisers.id, problems.map((p) => p.organiserId)));
    const nameOf = new Map(named.map((o) => [o.id, o.name]));
    throw new DomainError(
      'forbidden',
      'Deze wijziging van de organisatoren is niet toegestaan.',
      problems.map((p) => ({ path: 'organisers', message: `${nameOf.get(p.organiserId)}: ${p.message}` })),
    );
  }
  await tx.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  await tx.insert(eventOrganisers).values(links.map((l, position) => ({ eventId, ...l, position })));
}

export interface ReadOptions {
  /** Include what only organisers see: drafts, join links, an unpublished report. */
  includePrivate?: boolean;
  /** The moment of reading: a report scheduled for later is not public yet. */
  now?: Date;
  /** Read inside a transaction (one connection): the queries go one at a time. */
  inTransaction?: boolean;
}

/** The event as a document, as `GET /api/v1/events/{slug}` returns it; null when not visible. */
export async function getEventDocument(db: Db, slug: string, opts: ReadOptions = {}): Promise<EventDocument | null> {
  const row = await findEventRowBySlug(db, slug);
  if (!row) return null;
  if (row.status === 'draft' && !opts.includePrivate) return null;
  return documentOf(await loadEventRows(db, row, { inTransaction: opts.inTransaction }), opts);
}

export function documentOf(r: EventRows, opts: ReadOptions = {}): EventDocument {
  const e = r.event;
  const venueKey = new Map(r.venues.map((v) => [v.id, v.key]));
  const roundKey = new Map(r.programme.map((p) => [p.id, p.key]));
  const und = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
  const links = e.fileLinks;
  return {
    id: e.id,
    slug: e.slug,
    title: e.title,
    subtitle: und(e.subtitle),
    summary: e.summary,
    status: e.status,
    format: e.format,
    series: und(e.series),
    organisers: r.organisers.map((o) => ({ slug: o.slug, name: o.name, website: und(o.website), role: o.role })),
    sections: e.sections,
    audience: e.audience,
    venues: r.venues.map((v) => ({
      id: v.id,
      key: v.key,
      name: v.name,
      street: und(v.street),
      postcode: und(v.postcode),
      city: v.city,
      latitude: v.latitude === null ? undefined : Number(v.latitude),
      longitude: v.longitude === null ? undefined : Number(v.longitude),
      directions: und(v.directions),
    })),
    meetings: r.meetings.map((m) => ({
      id: m.id,
      key: m.key,
      title: und(m.title),
      startsAt: isoLocal(m.startsAt),
      endsAt: isoLocal(m.endsAt),
      venue: m.venueId ? venueKey.get(m.venueId) : undefined,
      online: m.online,
      joinUrl: opts.includePrivate ? und(m.joinUrl) : undefined,
      topics: m.topics,
    })),
    speakers: r.speakers.map((s) => ({
      id: s.id,
      key: s.key,
      name: s.name,
      role: und(s.role),
      organisation: und(s.organisation),
      bio: und(s.bio),
      photo: photoOf(links, s.key),
    })),
    programme: r.programme.map((p) => ({
      id: p.id,
      key: p.key,
      kind: p.kind,
      startsAt: isoLocal(p.startsAt),
      endsAt: p.endsAt ? isoLocal(p.endsAt) : undefined,
      title: p.title,
      subtitle: und(p.subtitle),
      description: und(p.description),
      speakers: p.speakerKeys,
    })),
    workshops: r.workshops.map((w) => ({
      id: w.id,
      key: w.key,
      title: w.title,
      description: und(w.description),
      contributors: w.contributors,
      capacity: und(w.capacity),
      rounds: r.workshopRounds
        .filter((wr) => wr.workshopId === w.id)
        .map((wr) => roundKey.get(wr.roundId)!)
        .sort((a, b) => r.programme.findIndex((p) => p.key === a) - r.programme.findIndex((p) => p.key === b)),
      contact: w.contactName
        ? { name: w.contactName, email: und(w.contactEmail), phone: und(w.contactPhone) }
        : undefined,
    })),
    contacts: r.contacts.map((c) => ({
      purpose: c.purpose,
      name: c.name,
      role: und(c.role),
      email: und(c.email),
      phone: und(c.phone),
    })),
    registration: {
      mode: e.registrationMode,
      opensAt: e.registrationOpensAt ? isoLocal(e.registrationOpensAt) : undefined,
      closesAt: e.registrationClosesAt ? isoLocal(e.registrationClosesAt) : undefined,
      capacity: und(e.capacity),
      waitlist: e.waitlistEnabled,
      approvalRequired: e.approvalRequired,
      cancellableUntil: e.cancellableUntil ? isoLocal(e.cancellableUntil) : undefined,
      offerHours: e.offerHours ?? undefined,
      organisationLimits: e.organisationLimits,
      questions: e.questions,
    },
    price:
      e.priceCents === null || e.vatCategory === null
        ? null
        : { amountCents: e.priceCents, vatCategory: e.vatCategory, includes: und(e.priceIncludes) },
    report:
      r.report && (opts.includePrivate || isPublished(r.report.publishedAt, opts.now ?? new Date()))
        ? {
            title: r.report.title,
            summary: und(r.report.summary),
            body: r.report.body,
            attendance: und(r.report.attendance),
            attendanceLabel: und(r.report.attendanceLabel),
            publishedAt: r.report.publishedAt ? isoLocal(r.report.publishedAt) : undefined,
            attachments: attachmentsOf(links),
          }
        : null,
  };
}

/** Live seats for one workshop in one round. */
export interface WorkshopSeats {
  workshopKey: string;
  roundKey: string;
  capacity: number | null;
  taken: number;
  full: boolean;
  placesLeft: number | null;
}

/** What a public page needs: the document, live availability and the registration state. */
export interface EventView {
  doc: EventDocument;
  updatedAt: Date;
  confirmed: number;
  waitlisted: number;
  seats: WorkshopSeats[];
  registration: RegistrationState;
}

export async function getEventView(db: Db, slug: string, now: Date, opts: ReadOptions = {}): Promise<EventView | null> {
  const row = await findEventRowBySlug(db, slug);
  if (!row || (row.status === 'draft' && !opts.includePrivate)) return null;
  const [rows, taken] = await Promise.all([loadEventRows(db, row), loadTakenSeats(db, row.id)]);
  return viewOf(documentOf(rows, { ...opts, now }), rows, taken, now);
}

export function viewOf(
  doc: EventDocument,
  rows: EventRows,
  taken: Awaited<ReturnType<typeof loadTakenSeats>>,
  now: Date,
): EventView {
  const e = rows.event;
  const workshopKey = new Map(rows.workshops.map((w) => [w.id, w]));
  const roundKey = new Map(rows.programme.map((p) => [p.id, p.key]));
  const seats = rows.workshopRounds.map((wr) => {
    const w = workshopKey.get(wr.workshopId)!;
    const count = {
      capacity: w.capacity,
      taken: taken.perWorkshopRound.find((t) => t.workshopId === wr.workshopId && t.roundId === wr.roundId)?.taken ?? 0,
    };
    return {
      workshopKey: w.key,
      roundKey: roundKey.get(wr.roundId)!,
      ...count,
      full: isFull(count),
      placesLeft: placesLeft(count),
    };
  });
  return {
    doc,
    updatedAt: e.updatedAt,
    confirmed: taken.confirmed,
    waitlisted: taken.waitlisted,
    seats,
    registration: registrationState({
      status: e.status,
      settings: {
        mode: e.registrationMode,
        opensAt: e.registrationOpensAt,
        closesAt: e.registrationClosesAt,
        capacity: e.capacity,
        waitlist: e.waitlistEnabled,
      },
      eventEndsAt: e.endsAt,
      // What the rules count: an offered or pending place is not free.
      confirmed: taken.holding,
      now,
    }),
  };
}

export interface AgendaItem {
  slug: string;
  title: string;
  summary: string;
  status: 'draft' | 'published' | 'cancelled';
  format: 'on_site' | 'online' | 'hybrid';
  startsAt: Date;
  endsAt: Date;
  meetings: { startsAt: Date; endsAt: Date; title: string | null }[];
  cities: string[];
  organisers: string[];
  report: { title: string; publishedAt: Date } | null;
}

/** The agenda: upcoming events first (soonest first), then past ones (latest first). */
export async function listAgenda(db: Db, now: Date): Promise<{ upcoming: AgendaItem[]; past: AgendaItem[] }> {
  const rows = await listEventRows(db, ['published', 'cancelled']);
  const items: AgendaItem[] = rows.map((r) => ({
    slug: r.event.slug,
    title: r.event.title,
    summary: r.event.summary,
    status: r.event.status,
    format: r.event.format,
    startsAt: r.event.startsAt,
    endsAt: r.event.endsAt,
    meetings: r.meetings.map((m) => ({ startsAt: m.startsAt, endsAt: m.endsAt, title: m.title })),
    cities: [...new Set(r.venues.map((v) => v.city))],
    organisers: r.organisers.map((o) => o.name),
    report:
      isPublished(r.reportPublishedAt, now) && r.reportTitle ? { title: r.reportTitle, publishedAt: r.reportPublishedAt! } : null,
  }));
  return {
    upcoming: items.filter((i) => i.endsAt > now),
    past: items.filter((i) => i.endsAt <= now).reverse(),
  };
}
