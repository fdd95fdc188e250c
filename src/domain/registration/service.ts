import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { DomainError } from '../../kernel/errors';
import { notifyEventChanged } from '../events/changes';
import { queueRegistrationMail } from '../mail/service';
import { isSlug } from '../events/data';
import { registrationClosed, type RegistrationState } from '../events/rules';
import { events, programmeItems, workshopRounds, workshops } from '../events/table';
import { RegistrationInputSchema, type RegistrationInput } from './input';
import { waitlistPosition, workshopWaitlistPosition } from './data';
import { ACTIVE, checkChoices, decideRegistration, firstEligible, HOLDING, organisationKey, type EventCounters, type WaitReason } from './rules';
import { registrationChoices, registrations } from './table';

/*
 * Registration use cases. Everything that takes or frees a place runs in one transaction
 * that first takes the event's lock (a transaction-scoped advisory lock on the event id),
 * then re-reads the counters, asks the rules, and writes. One lock per event covers every
 * counter of that event (its capacity, its workshops' seats, its organisation limits), so
 * there is exactly one lock to take and no order to get wrong. See docs/decisions/008.
 */

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

export interface ChoiceView {
  roundKey: string;
  workshopKey: string;
  status: 'confirmed' | 'pending' | 'waitlisted' | 'cancelled' | 'refused';
  /** Place on the workshop's waiting list in this round (1 = next). */
  position: number | null;
}

export interface RegistrationView {
  id: string;
  eventId: string;
  eventSlug: string;
  status: RegistrationRow['status'];
  name: string;
  email: string;
  organisation: string | null;
  /** Place on the event's waiting list (1 = next), when waitlisted. */
  position: number | null;
  waitReason: WaitReason | null;
  choices: ChoiceView[];
  token: string;
  createdAt: Date;
}

export type RegisterResult =
  | { kind: 'registered'; registration: RegistrationView; replayed: boolean }
  | { kind: 'invalid'; problems: { path: string; message: string }[] }
  | { kind: 'closed'; state: RegistrationState }
  | { kind: 'full' }
  | { kind: 'duplicate'; email: string };

const mailKindOf = { confirmed: 'confirmation', waitlisted: 'waitlisted', pending: 'pending' } as const;

/** The event's lock: every use case that takes or frees its places holds it. */
export async function lockEvent(tx: Db, eventId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bijeen:event:${eventId}`}, 0))`);
}

interface Counters extends EventCounters {
  /** Database ids of each workshop round, by "round/workshop" key. */
  ids: Map<string, { roundId: string; workshopId: string }>;
}

/**
 * The event's counters, read under its lock in two queries: places held per organisation
 * and domain (their sum is the event's count), and every round with its workshops' seats.
 */
async function loadCounters(tx: Db, event: EventRow): Promise<Counters> {
  const orgRows = await tx
    .select({ key: registrations.organisationKey, domain: registrations.domain, n: sql<number>`count(*)`.mapWith(Number) })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), inArray(registrations.status, [...HOLDING])))
    .groupBy(registrations.organisationKey, registrations.domain);
  const roundRows = (
    (await tx.execute(sql`
      SELECT r.key AS round_key, r.id AS round_id, w.key AS workshop_key, w.id AS workshop_id, w.capacity,
             coalesce(t.taken, 0)::int AS taken
      FROM ${programmeItems} r
      LEFT JOIN ${workshopRounds} wr ON wr.round_id = r.id
      LEFT JOIN ${workshops} w ON w.id = wr.workshop_id
      LEFT JOIN (
        SELECT rc.round_id, rc.workshop_id, count(*) AS taken
        FROM ${registrationChoices} rc JOIN ${registrations} g ON g.id = rc.registration_id
        WHERE g.event_id = ${event.id} AND rc.status IN ('confirmed', 'pending')
        GROUP BY rc.round_id, rc.workshop_id
      ) t ON t.round_id = r.id AND t.workshop_id = w.id
      WHERE r.event_id = ${event.id} AND r.kind = 'round'
      ORDER BY r.position, w.position`)) as unknown as { rows: unknown[] }
  ).rows as { round_key: string; round_id: string; workshop_key: string | null; workshop_id: string | null; capacity: number | null; taken: number }[];
  const organisations: EventCounters['organisations'] = {};
  let holding = 0;
  for (const r of orgRows) {
    holding += r.n;
    if (!r.key) continue;
    const o = (organisations[r.key] ??= { holding: 0, perDomain: {} });
    o.holding += r.n;
    if (r.domain) o.perDomain[r.domain] = (o.perDomain[r.domain] ?? 0) + r.n;
  }
  const pairs = roundRows.filter((o) => o.workshop_key !== null);
  return {
    capacity: event.capacity,
    holding,
    waitlistEnabled: event.waitlistEnabled,
    approvalRequired: event.approvalRequired,
    limits: event.organisationLimits,
    roundKeys: [...new Set(roundRows.map((o) => o.round_key))],
    workshopRounds: pairs.map((o) => ({ roundKey: o.round_key, workshopKey: o.workshop_key!, capacity: o.capacity, taken: Number(o.taken) })),
    organisations,
    ids: new Map(pairs.map((o) => [`${o.round_key}/${o.workshop_key}`, { roundId: o.round_id, workshopId: o.workshop_id! }])),
  };
}

/** Check the answers to the event's own questions. */
function checkAnswers(event: EventRow, input: RegistrationInput) {
  const problems: { path: string; message: string }[] = [];
  for (const q of event.questions) {
    const a = input.answers[q.key];
    const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
    if (empty) {
      if (q.required && q.type !== 'yes_no') problems.push({ path: `answers.${q.key}`, message: 'Beantwoord deze vraag.' });
      continue;
    }
    const ok =
      (q.type === 'short_text' && typeof a === 'string' && a.length <= 500) ||
      (q.type === 'long_text' && typeof a === 'string') ||
      (q.type === 'yes_no' && typeof a === 'boolean') ||
      (q.type === 'single_choice' && typeof a === 'string' && q.options.includes(a)) ||
      (q.type === 'multiple_choice' && Array.isArray(a) && a.every((x) => q.options.includes(x)));
    if (!ok) problems.push({ path: `answers.${q.key}`, message: 'Dit antwoord past niet bij de vraag.' });
  }
  const known = new Set(event.questions.map((q) => q.key));
  for (const k of Object.keys(input.answers)) if (!known.has(k)) problems.push({ path: `answers.${k}`, message: 'Deze vraag bestaat niet.' });
  if (event.priceCents && event.priceCents > 0 && !input.billing)
    problems.push({ path: 'billing', message: 'Vul de factuurgegevens in: aan deze bijeenkomst zijn kosten verbonden.' });
  return problems;
}

export interface RegisterOptions {
  now: Date;
  /** The site's public base URL, for the personal link in the mail. */
  baseUrl: string;
  /** Same key, same event: the first registration is returned, nothing new is written. */
  idempotencyKey?: string | undefined;
}

/** Register someone for an event. Always a value back; a DomainError only for an unknown event. */
export async function register(db: Db, slug: string, raw: unknown, opts: RegisterOptions): Promise<RegisterResult> {
  const parsed = RegistrationInputSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(aanmelding)', message: i.message }));
    // Report the workshop choices too, so a person sees every problem at once.
    const event = isSlug(slug) ? (await db.select().from(events).where(eq(events.slug, slug)).limit(1))[0] : undefined;
    const rawChoices = (raw as { choices?: unknown } | null)?.choices;
    if (event && rawChoices && typeof rawChoices === 'object' && !problems.some((p) => p.path.startsWith('choices'))) {
      const choices = Object.entries(rawChoices as Record<string, unknown>)
        .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
        .map(([roundKey, workshopKey]) => ({ roundKey, workshopKey }));
      problems.push(...checkChoices(await loadCounters(db, event), choices));
    }
    return { kind: 'invalid', problems };
  }
  const input = parsed.data;
  const idem = opts.idempotencyKey?.slice(0, 200);
  if (!isSlug(slug)) throw new DomainError('not_found', 'Dit evenement bestaat niet.');

  const result = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.slug, slug)).limit(1);
    if (!event || event.status === 'draft') throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
    await lockEvent(tx, event.id);

    // Under the lock, a double submit sees the first one's committed row.
    if (idem) {
      const [earlier] = await tx
        .select()
        .from(registrations)
        .where(and(eq(registrations.eventId, event.id), eq(registrations.idempotencyKey, idem)))
        .limit(1);
      if (earlier) return { kind: 'registered' as const, row: earlier, event, replayed: true };
    }

    // The window decides here; places are decided below, with the waiting list.
    const closed = registrationClosed({
      status: event.status,
      settings: { mode: event.registrationMode, opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt },
      eventEndsAt: event.endsAt,
      now: opts.now,
    });
    if (closed) return { kind: 'closed' as const, state: closed };

    const answerProblems = checkAnswers(event, input);
    const counters = await loadCounters(tx, event);
    const decision = decideRegistration(counters, {
      choices: Object.entries(input.choices).map(([roundKey, workshopKey]) => ({ roundKey, workshopKey })),
      organisationKey: organisationKey(input.organisation),
      organisationKind: input.organisationKind ?? null,
      domain: input.domain ?? null,
    });
    if (decision.kind === 'invalid' || answerProblems.length)
      // Nothing is written: the transaction only read.
      return { kind: 'invalid' as const, problems: [...(decision.kind === 'invalid' ? decision.problems : []), ...answerProblems] };
    if (decision.kind === 'full') return { kind: 'full' as const };

    // One active registration per address: the partial unique index decides, in the insert itself.
    const [row] = await tx
      .insert(registrations)
      .values({
        eventId: event.id,
        status: decision.kind,
        name: input.name,
        email: input.email,
        organisationName: input.organisation ?? null,
        organisationKey: organisationKey(input.organisation),
        organisationKind: input.organisationKind ?? null,
        role: input.role ?? null,
        domain: input.domain ?? null,
        answers: input.answers,
        consents: input.consents,
        billing: input.billing ?? null,
        language: input.language,
        idempotencyKey: idem ?? null,
        waitReason: decision.kind === 'waitlisted' ? decision.reason : null,
        createdAt: opts.now,
        updatedAt: opts.now,
      })
      // The only conflict that can happen here is the active-e-mail index (the idempotency
      // key was looked up under the lock; tokens are 256 random bits).
      .onConflictDoNothing()
      .returning();
    if (!row) return { kind: 'duplicate' as const, email: input.email };
    if (decision.choices.length)
      await tx.insert(registrationChoices).values(
        decision.choices.map((c) => ({ registrationId: row.id, ...counters.ids.get(`${c.roundKey}/${c.workshopKey}`)!, status: c.status })),
      );
    // The mail is a row in this transaction: it is sent after commit, and never lost.
    await queueRegistrationMail(tx, { kind: mailKindOf[decision.kind], registrationId: row.id, now: opts.now, baseUrl: opts.baseUrl });
    await notifyEventChanged(tx, event.id);
    return { kind: 'registered' as const, row, event, replayed: false };
  });
  // The registrant's view (positions) is read after commit: the lock is held no longer than needed.
  if (result.kind !== 'registered') return result;
  return { kind: 'registered', registration: await viewOf(db, result.event, result.row), replayed: result.replayed };
}

/** A registration as its owner sees it, with waiting-list positions counted now. */
async function viewOf(tx: Db, event: EventRow, r: RegistrationRow): Promise<RegistrationView> {
  const choices = await tx
    .select({
      roundKey: programmeItems.key,
      workshopKey: workshops.key,
      status: registrationChoices.status,
      roundId: registrationChoices.roundId,
      workshopId: registrationChoices.workshopId,
    })
    .from(registrationChoices)
    .innerJoin(workshops, eq(workshops.id, registrationChoices.workshopId))
    .innerJoin(programmeItems, eq(programmeItems.id, registrationChoices.roundId))
    .where(eq(registrationChoices.registrationId, r.id))
    .orderBy(asc(programmeItems.position));
  const position = await waitlistPosition(tx, r);
  // One query at a time: `tx` may be a transaction, which is one connection.
  const withPositions: ChoiceView[] = [];
  for (const c of choices) {
    const waiting = c.status === 'waitlisted' && r.status !== 'waitlisted';
    withPositions.push({
      roundKey: c.roundKey,
      workshopKey: c.workshopKey,
      status: c.status,
      position: waiting ? await workshopWaitlistPosition(tx, r, c.roundId, c.workshopId) : null,
    });
  }
  return {
    id: r.id,
    eventId: event.id,
    eventSlug: event.slug,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation: r.organisationName,
    position,
    waitReason: (r.waitReason as WaitReason | null) ?? null,
    choices: withPositions,
    token: r.token,
    createdAt: r.createdAt,
  };
}

async function findByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [row] = await db
    .select({ registration: registrations, event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.token, token))
    .limit(1);
  return row ?? null;
}

/** The registration behind a personal link, or null. */
export async function getRegistration(db: Db, token: string): Promise<RegistrationView | null> {
  const found = await findByToken(db, token);
  return found ? viewOf(db, found.event, found.registration) : null;
}

export interface CancelResult {
  registration: RegistrationView;
  /** Registrations that moved up from the event's waiting list. */
  promoted: string[];
}

/** Cancel through the personal link; freed places go to the waiting list, each exactly once. */
export async function cancelRegistration(db: Db, token: string, now: Date, baseUrl: string): Promise<CancelResult> {
  const found = await findByToken(db, token);
  if (!found) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
  const { event } = found;
  if (event.cancellableUntil && now > event.cancellableUntil)
    throw new DomainError('conflict', 'Annuleren via de persoonlijke link kan niet meer. Neem contact op met de organisatie.');
  return db.transaction(async (tx) => {
    await lockEvent(tx, event.id);
    // Re-read under the lock: a concurrent cancel of the same registration frees nothing twice.
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, found.registration.id));
    if (!current || current.status === 'cancelled' || current.status === 'refused')
      return { registration: await viewOf(tx, event, current ?? found.registration), promoted: [] };
    await tx
      .update(registrations)
      .set({ status: 'cancelled', cancelledAt: now, updatedAt: now })
      .where(eq(registrations.id, current.id));
    await tx.update(registrationChoices).set({ status: 'cancelled' }).where(eq(registrationChoices.registrationId, current.id));
    await queueRegistrationMail(tx, { kind: 'cancelled', registrationId: current.id, now, baseUrl });
    const promoted = await promoteWaiting(tx, event, now, baseUrl);
    await notifyEventChanged(tx, event.id);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return { registration: await viewOf(tx, event, after!), promoted };
  });
}

/**
 * Fill free places from the waiting lists, under the event's lock: first the event's
 * list (first come, first served among those the organisation limits allow), then each
 * workshop's list in each round. Returns the ids of registrations that got a place.
 */
export async function promoteWaiting(tx: Db, event: EventRow, now: Date, baseUrl: string): Promise<string[]> {
  const promoted: string[] = [];
  const held = event.approvalRequired ? ('pending' as const) : ('confirmed' as const);
  for (let guard = 0; guard < 10_000; guard++) {
    const counters = await loadCounters(tx, event);
    const waiting = await tx
      .select({ id: registrations.id, organisationKey: registrations.organisationKey, domain: registrations.domain })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.arrival));
    const next = firstEligible(counters, waiting);
    if (!next) break;
    await tx.update(registrations).set({ status: held, waitReason: null, updatedAt: now }).where(eq(registrations.id, next.id));
    // Its workshop choices stay on their workshops' waiting lists; the step below gives
    // free seats in arrival order, so someone who registered earlier is served first.
    await queueRegistrationMail(tx, { kind: held === 'pending' ? 'pending' : 'confirmation', registrationId: next.id, now, baseUrl });
    promoted.push(next.id);
  }
  await promoteWorkshopWaiting(tx, event, held);
  return promoted;
}

/** Give free workshop seats to the first waiting choices of people who hold an event place. */
async function promoteWorkshopWaiting(tx: Db, event: EventRow, held: 'confirmed' | 'pending'): Promise<void> {
  const counters = await loadCounters(tx, event);
  for (const o of counters.workshopRounds) {
    if (o.capacity === null) continue;
    const free = o.capacity - o.taken;
    if (free <= 0) continue;
    const { roundId, workshopId } = counters.ids.get(`${o.roundKey}/${o.workshopKey}`)!;
    const next = await tx
      .select({ registrationId: registrationChoices.registrationId })
      .from(registrationChoices)
      .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
      .where(
        and(
          eq(registrationChoices.roundId, roundId),
          eq(registrationChoices.workshopId, workshopId),
          eq(registrationChoices.status, 'waitlisted'),
          inArray(registrations.status, [...HOLDING]),
        ),
      )
      .orderBy(asc(registrations.arrival))
      .limit(free);
    for (const n of next)
      await tx
        .update(registrationChoices)
        .set({ status: held, promoted: true })
        .where(and(eq(registrationChoices.registrationId, n.registrationId), eq(registrationChoices.roundId, roundId)));
  }
}

/**
 * Send the personal link again to an active registration with this address. Nothing
 * tells the caller whether one exists (no probing who registered); repeats within ten
 * minutes send one mail.
 */
export async function resendPersonalLink(db: Db, slug: string, email: string, now: Date, baseUrl: string): Promise<void> {
  if (!isSlug(slug) || email.length > 254) return;
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .where(
        and(
          eq(events.slug, slug),
          sql`lower(${registrations.email}) = lower(${email})`,
          inArray(registrations.status, [...ACTIVE]),
        ),
      )
      .limit(1);
    if (!found) return;
    const kind = found.status === 'confirmed' ? 'confirmation' : found.status === 'pending' ? 'pending' : 'waitlisted';
    const window = Math.floor(now.getTime() / 600_000);
    await queueRegistrationMail(tx, { kind, registrationId: found.id, now, baseUrl, dedupeKey: `resend:${found.id}:${window}` });
  });
}
