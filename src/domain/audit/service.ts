import { and, asc, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { eventOrganisers } from '../events/table';
import { AREA_PREFIXES, AUDIT_PAGE_SIZE, areaOf, type AuditArea } from './rules';
import { auditEntries } from './table';

/*
 * Writing the audit log (logboek). Every use case that changes an event or one of its
 * registrations on behalf of someone calls `recordAudit` with its own transaction, so the
 * entry commits with the change or not at all.
 */

/** Who made a change: a staff account, or someone without one (API token, registrant, system). */
export interface Actor {
  accountId: string | null;
  /** As shown in the log: the account's name, "API-token ‘Website’", "deelnemer", "systeem". */
  name: string;
}

/** A staff account as an actor. */
export const accountActor = (account: { id: string; name: string }): Actor => ({ accountId: account.id, name: account.name });
/** The system itself (the offer sweeper, start-up). */
export const SYSTEM_ACTOR: Actor = { accountId: null, name: 'systeem' };

export interface AuditInput {
  organiserId: string;
  eventId: string | null;
  actor: Actor;
  /**
   * A stable code, area first: `event.created`, `event.published`, `registration.approved`,
   * `message.sent`, `file.uploaded` … Codes are text (decision 011): a new one needs no
   * migration.
   */
  action: string;
  /** One Dutch sentence for the log page. */
  summary: string;
  details?: Record<string, unknown>;
  registrationId?: string | null;
}

export async function recordAudit(tx: Db, entry: AuditInput, now?: Date): Promise<void> {
  await tx.insert(auditEntries).values({
    organiserId: entry.organiserId,
    eventId: entry.eventId,
    accountId: entry.actor.accountId,
    actor: entry.actor.name,
    action: entry.action,
    summary: entry.summary,
    details: entry.details ?? {},
    registrationId: entry.registrationId ?? null,
    ...(now ? { createdAt: now } : {}),
  });
}

// ---------------------------------------------------------------------------------------
// Added for the log page (decision 018). What is above is used by other areas as it is.

/** A registrant acting through their personal link (the token is who they are). */
export const PARTICIPANT_ACTOR: Actor = { accountId: null, name: 'deelnemer' };
/** An integrator writing with an organiser's API token, named as the token is. */
export const apiTokenActor = (tokenName: string): Actor => ({ accountId: null, name: `API-token ‘${tokenName}’` });

/** The organiser whose event it is (its main organiser): the organiser of its log entries. */
export async function mainOrganiserOf(tx: Db, eventId: string): Promise<string> {
  const [row] = await tx
    .select({ id: eventOrganisers.organiserId })
    .from(eventOrganisers)
    .where(eq(eventOrganisers.eventId, eventId))
    .orderBy(sql`case when ${eventOrganisers.role} = 'organiser' then 0 else 1 end`, asc(eventOrganisers.position))
    .limit(1);
  if (!row) throw new Error(`event ${eventId} has no organiser`);
  return row.id;
}

export type EventAuditInput = Omit<AuditInput, 'organiserId' | 'eventId'> & { eventId: string };

/** An entry about an event (or one of its registrations), filed under the event's main organiser. */
export async function recordEventAudit(tx: Db, entry: EventAuditInput, now?: Date): Promise<void> {
  await recordAudit(tx, { ...entry, organiserId: await mainOrganiserOf(tx, entry.eventId) }, now);
}

export interface AuditEntryView {
  id: string;
  createdAt: Date;
  actor: string;
  accountId: string | null;
  action: string;
  area: AuditArea | null;
  summary: string;
  details: Record<string, unknown>;
  registrationId: string | null;
}

const viewColumns = {
  id: auditEntries.id,
  createdAt: auditEntries.createdAt,
  actor: auditEntries.actor,
  accountId: auditEntries.accountId,
  action: auditEntries.action,
  summary: auditEntries.summary,
  details: auditEntries.details,
  registrationId: auditEntries.registrationId,
};
const viewOf = (r: Omit<AuditEntryView, 'area'>): AuditEntryView => ({ ...r, area: areaOf(r.action) });

const areaFilter = (area: AuditArea | null): SQL | undefined =>
  area ? or(...AREA_PREFIXES[area].map((p) => like(auditEntries.action, `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))) : undefined;

/**
 * One page of an event's log, newest first (ties: the later write first), optionally of
 * one area. The caller has checked that the account's organiser (co-)organises the event.
 */
export async function listEventAudit(
  db: Db,
  eventId: string,
  opts: { area?: AuditArea | null; page?: number; pageSize?: number } = {},
): Promise<{ entries: AuditEntryView[]; total: number; page: number; pages: number }> {
  const size = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const where = and(eq(auditEntries.eventId, eventId), areaFilter(opts.area ?? null));
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)`.mapWith(Number) }).from(auditEntries).where(where);
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(opts.page ?? 1)), pages);
  const rows = await db
    .select(viewColumns)
    .from(auditEntries)
    .where(where)
    .orderBy(desc(auditEntries.createdAt), desc(sql`ctid`))
    .limit(size)
    .offset((page - 1) * size);
  return { entries: rows.map(viewOf), total, page, pages };
}

/** The entries about one registration of an event, oldest first (its history). */
export async function listRegistrationAudit(db: Db, eventId: string, registrationId: string): Promise<AuditEntryView[]> {
  const rows = await db
    .select(viewColumns)
    .from(auditEntries)
    .where(and(eq(auditEntries.eventId, eventId), eq(auditEntries.registrationId, registrationId)))
    .orderBy(asc(auditEntries.createdAt), asc(sql`ctid`))
    .limit(1000);
  return rows.map(viewOf);
}
