import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { EventDocument } from '../events/document';
import { loadExportData } from '../exports/service';
import { mailOutbox } from '../mail/table';
import { HOLDING, organisationKey } from './rules';
import { REGISTRATION_STATUSES, registrations, type RegistrationStatus } from './table';

export { REGISTRATION_STATUSES, type RegistrationStatus };

/*
 * The back office's view of an event's registrations: the table with its search, filters,
 * sorting and counts (pure, over rows loaded once), and one registration with its
 * history (its timestamps and the mails sent to it). The changes go through service.ts.
 */

export interface ListRow {
  id: string;
  status: RegistrationStatus;
  /** Place on the event's waiting list, when waiting. */
  position: number | null;
  name: string;
  email: string;
  organisationName: string | null;
  organisationKind: string | null;
  domain: string | null;
  createdAt: Date;
  choices: { roundKey: string; workshopKey: string; status: string; position: number | null }[];
}

export const SORTS = ['aangemeld', 'naam', 'organisatie', 'status'] as const;
export type Sort = (typeof SORTS)[number];

export interface ListQuery {
  /** Words that must all occur in the name, e-mail address or organisation. */
  q: string;
  status: RegistrationStatus | '';
  /** A workshop key: registrations with a seat or a waiting place in it, in any round. */
  workshop: string;
  /** An organisation key (see rules.ts `organisationKey`). */
  organisation: string;
  kind: string;
  domain: string;
  sort: Sort;
  dir: 'op' | 'af';
  page: number;
}

/** At most this many rows on one page of the table. */
export const PAGE_SIZE = 50;

const pick = <T extends string>(v: string | undefined, allowed: readonly T[]): T | '' => ((allowed as readonly string[]).includes(v ?? '') ? (v as T) : '');

/** The table's query from the address (?q=…&status=…): anything unknown is left out. */
export function parseListQuery(raw: Record<string, string | undefined>): ListQuery {
  const page = Number.parseInt(raw.pagina ?? '1', 10);
  return {
    q: (raw.q ?? '').trim().slice(0, 200),
    status: pick(raw.status, REGISTRATION_STATUSES),
    workshop: (raw.deelsessie ?? '').slice(0, 80),
    organisation: (raw.organisatie ?? '').slice(0, 200),
    kind: (raw.soort ?? '').slice(0, 100),
    domain: (raw.domein ?? '').slice(0, 100),
    sort: pick(raw.sorteer, SORTS) || 'aangemeld',
    dir: raw.richting === 'af' ? 'af' : 'op',
    page: Number.isFinite(page) && page > 0 ? Math.min(page, 100_000) : 1,
  };
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const statusOrder = new Map(REGISTRATION_STATUSES.map((s, i) => [s, i]));

/** The rows that match the query, sorted (ties in arrival order). */
export function selectRegistrations<R extends ListRow>(rows: R[], query: ListQuery): R[] {
  const words = fold(query.q).split(/\s+/).filter(Boolean);
  const matched = rows.filter((r) => {
    if (query.status && r.status !== query.status) return false;
    if (query.workshop && !r.choices.some((c) => c.workshopKey === query.workshop && c.status !== 'cancelled' && c.status !== 'refused')) return false;
    if (query.organisation && organisationKey(r.organisationName) !== query.organisation) return false;
    if (query.kind && r.organisationKind !== query.kind) return false;
    if (query.domain && r.domain !== query.domain) return false;
    if (words.length) {
      const text = fold(`${r.name} ${r.email} ${r.organisationName ?? ''}`);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
  const arrival = new Map(rows.map((r, i) => [r.id, i]));
  const key = (r: R): string | number =>
    query.sort === 'naam' ? fold(r.name) : query.sort === 'organisatie' ? fold(r.organisationName ?? '\uffff') : query.sort === 'status' ? statusOrder.get(r.status)! : arrival.get(r.id)!;
  const sign = query.dir === 'af' ? -1 : 1;
  return [...matched].sort((a, b) => {
    const ka = key(a),
      kb = key(b);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb), 'nl');
    return c !== 0 ? sign * c : arrival.get(a.id)! - arrival.get(b.id)!;
  });
}

export interface RegistrationCounts {
  perStatus: Record<RegistrationStatus, number>;
  /** Per workshop per round: seats taken (confirmed or held while pending), waiting, of its capacity. */
  perWorkshop: { roundKey: string; workshopKey: string; title: string; seated: number; waiting: number; capacity: number | null }[];
  /** Per organisation (by its key): places held, of the limit per organisation (if any). */
  perOrganisation: { key: string; name: string; holding: number; waiting: number; limit: number | null }[];
  /** Organisations with at least one place held, of the most allowed ("1 van 20 gemeenten"). */
  organisations: { holding: number; limit: number | null };
  /** Per policy domain (when the event asks for one): places held and waiting, for the spread. */
  perDomain: { domain: string; holding: number; waiting: number }[];
}

/** The counts above the table, over all of an event's registrations. */
export function registrationCounts(doc: Pick<EventDocument, 'programme' | 'workshops' | 'registration'>, rows: ListRow[]): RegistrationCounts {
  const perStatus = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>;
  for (const r of rows) perStatus[r.status]++;
  const holds = (r: ListRow) => (HOLDING as readonly string[]).includes(r.status);
  const rounds = doc.programme.filter((p) => p.kind === 'round');
  const perWorkshop = rounds.flatMap((round) =>
    doc.workshops
      .filter((w) => w.rounds.includes(round.key))
      .map((w) => {
        const mine = rows.filter((r) => holds(r) || r.status === 'waitlisted').flatMap((r) => r.choices.filter((c) => c.roundKey === round.key && c.workshopKey === w.key).map((c) => ({ r, c })));
        return {
          roundKey: round.key,
          workshopKey: w.key,
          title: w.title,
          seated: mine.filter(({ c }) => c.status === 'confirmed' || c.status === 'pending').length,
          waiting: mine.filter(({ c }) => c.status === 'waitlisted').length,
          capacity: w.capacity ?? null,
        };
      }),
  );
  const orgs = new Map<string, RegistrationCounts['perOrganisation'][number]>();
  for (const r of rows) {
    const key = organisationKey(r.organisationName);
    if (!key || !(holds(r) || r.status === 'waitlisted')) continue;
    const o = orgs.get(key) ?? { key, name: r.organisationName!, holding: 0, waiting: 0, limit: doc.registration.organisationLimits.perOrganisation ?? null };
    if (holds(r)) o.holding++;
    else o.waiting++;
    orgs.set(key, o);
  }
  const perOrganisation = [...orgs.values()].sort((a, b) => b.holding - a.holding || a.name.localeCompare(b.name, 'nl'));
  const limits = doc.registration.organisationLimits;
  const organisations = { holding: perOrganisation.filter((o) => o.holding > 0).length, limit: limits.maxOrganisations ?? null };
  // The domains in the order the event offers them, then any others a registration still carries.
  const domains = [...new Set([...(limits.domains?.options ?? []), ...(limits.domains ? rows.flatMap((r) => (r.domain ? [r.domain] : [])) : [])])];
  const perDomain = domains.map((domain) => {
    const mine = rows.filter((r) => r.domain === domain);
    return { domain, holding: mine.filter(holds).length, waiting: mine.filter((r) => r.status === 'waitlisted').length };
  });
  return { perStatus, perWorkshop, perOrganisation, organisations, perDomain };
}

/** The event document and its registrations for the table, loaded once (as the exports do). */
export async function loadRegistrationTable(db: Db, slug: string, opts: { inTransaction?: boolean } = {}): Promise<{ doc: EventDocument; rows: ListRow[] }> {
  const { doc, rows } = await loadExportData(db, slug, opts);
  return { doc, rows: rows.map((r) => ({ ...r, status: r.status as RegistrationStatus, organisationName: r.organisationName, domain: r.domain })) };
}

export interface RegistrationHistory {
  registration: typeof registrations.$inferSelect;
  /** The mails queued for this registration, oldest first. */
  mails: { id: string; kind: string; status: string; subject: string; createdAt: Date; sentAt: Date | null }[];
}

/** One registration of an event with its answers and history; null when the event has no such registration. */
export async function registrationHistory(db: Db, eventId: string, registrationId: string): Promise<RegistrationHistory | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(registrationId)) return null;
  const [registration] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
    .limit(1);
  if (!registration) return null;
  const mails = await db
    .select({ id: mailOutbox.id, kind: mailOutbox.kind, status: mailOutbox.status, subject: mailOutbox.subject, createdAt: mailOutbox.createdAt, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(eq(mailOutbox.registrationId, registration.id))
    .orderBy(asc(mailOutbox.createdAt));
  return { registration, mails };
}
