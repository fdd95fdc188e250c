import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, lte, ne, sql } from 'drizzle-orm';
import { insertMany } from '../../db/bulk';
import type { Db } from '../../db/client';
import { DomainError } from '../../kernel/errors';
import { notifyEventChanged } from '../events/changes';
import { mainOrganiserOf, PARTICIPANT_ACTOR, recordAudit, recordEventAudit, SYSTEM_ACTOR, type Actor } from '../audit/service';
import { queueRegistrationMail, queueRegistrationMails } from '../mail/service';
import { isSlug } from '../events/data';
import { registrationClosed, type RegistrationState } from '../events/rules';
import { events, programmeItems, workshopRounds, workshops } from '../events/table';
import { RegistrationInputSchema, type RegistrationInput } from './input';
import { waitlistPosition, waitlistPositions, workshopWaitlistPosition, workshopWaitlistPositions } from './data';
import {
  acceptedStatus,
  ACTIVE,
  checkChoices,
  countDecision,
  decideChoiceChange,
  decideRegistration,
  currentWaitReason,
  firstEligible,
  handPromotionProblem,
  movedUpSummary,
  HOLDING,
  offerExpiry,
  organisationKey,
  promotionStatus,
  type Decision,
  type EventCounters,
  type WaitReason,
} from './rules';
import { registrationChoices, registrations, type ChoiceStatus } from './table';

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
  status: ChoiceStatus;
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
  /** While a place is offered: until when it can be accepted. */
  offerExpiresAt: Date | null;
  /** When refused: the organiser's reason, if they gave one. */
  refusalReason: string | null;
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
/** The mail that tells an active registrant where they stand (an offer needs its deadline: see its callers). */
function mailKindFor(status: string): 'confirmation' | 'waitlisted' | 'pending' {
  return status === 'pending' ? 'pending' : status === 'waitlisted' ? 'waitlisted' : 'confirmation';
}

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
  /**
   * The staff member who enters this registration by hand (the back office's "Aanmelding
   * toevoegen"): it gets a log entry in the same transaction. A public self-registration
   * has none — its row, with created_at, is its own record (decision 018) — so the rush
   * path writes no log entries.
   */
  enteredBy?: Actor | undefined;
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
  if (!isSlug(slug)) throw new DomainError('not_found', 'Dit evenement bestaat niet.');
  return deskOf(db).submit(slug, { input: parsed.data, opts: { ...opts, idempotencyKey: opts.idempotencyKey?.slice(0, 200) } });
}

/*
 * The registration desk: group commit. Registrations for one event queue here while the
 * event's previous batch is being decided; the next batch is then decided in ONE
 * transaction under ONE take of the event's lock, in arrival order, each decision seeing
 * the places the ones before it took. A rush then costs a lock, a commit and a handful
 * of queries per batch rather than per person, so the lock is held far less per
 * registration — the difference between seconds and milliseconds of waiting at a popular
 * opening (docs/decisions/012). Correctness does not depend on the desk: several app
 * instances each have one, and the event's lock still orders their batches. An error in a
 * batch (a database fault) retries its registrations one by one, so one person's fault
 * stays theirs.
 */
interface Ask {
  input: RegistrationInput;
  opts: RegisterOptions;
}
interface Waiting extends Ask {
  resolve: (r: RegisterResult) => void;
  reject: (e: unknown) => void;
}

/** At most this many registrations in one batch (the insert stays far below PostgreSQL's parameter limit). */
const MAX_BATCH = 250;

class RegistrationDesk {
  private readonly queues = new Map<string, Waiting[]>();
  constructor(private readonly db: Db) {}

  submit(slug: string, ask: Ask): Promise<RegisterResult> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(slug);
      if (queue) {
        queue.push({ ...ask, resolve, reject });
        return;
      }
      this.queues.set(slug, [{ ...ask, resolve, reject }]);
      void this.drain(slug);
    });
  }

  private async drain(slug: string): Promise<void> {
    const queue = this.queues.get(slug)!;
    // Bounded: every turn takes at least one waiting registration off the queue.
    while (queue.length > 0) {
      await gather(queue);
      await this.serve(slug, queue.splice(0, MAX_BATCH));
    }
    this.queues.delete(slug);
  }

  private async serve(slug: string, batch: Waiting[]): Promise<void> {
    try {
      const results = await decideBatch(this.db, slug, batch);
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (err) {
      // About the event (unknown, draft): the same answer for everyone in the batch.
      if (batch.length === 1 || err instanceof DomainError) {
        batch.forEach((w) => w.reject(err));
        return;
      }
      for (const w of batch) await this.serve(slug, [w]);
    }
  }
}

/**
 * Let the requests that arrived meanwhile reach the queue before a batch starts: a few
 * turns of the event loop, as long as the queue still grows. With PostgreSQL they arrive
 * while a batch waits for the network anyway; the embedded database works inside this
 * thread, and a request needs several turns (its headers, its body, its validation) to
 * get here — without this, its batches stayed at three or four registrations.
 */
async function gather(queue: unknown[]): Promise<void> {
  for (let turn = 0; turn < 8 && queue.length < MAX_BATCH; turn++) {
    const before = queue.length;
    await new Promise((resolve) => setImmediate(resolve));
    if (turn >= 2 && queue.length === before) return;
  }
}

const desks = new WeakMap<Db, RegistrationDesk>();
function deskOf(db: Db): RegistrationDesk {
  let desk = desks.get(db);
  if (!desk) desks.set(db, (desk = new RegistrationDesk(db)));
  return desk;
}

type Planned =
  | { kind: 'done'; result: RegisterResult }
  | { kind: 'replay'; row: RegistrationRow }
  | { kind: 'new'; token: string; decision: Extract<Decision, { choices: unknown }> }
  | { kind: 'same_as'; token: string };

/** Decide a batch of registrations for one event, in order, in one transaction. */
async function decideBatch(db: Db, slug: string, batch: Ask[]): Promise<RegisterResult[]> {
  const done = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.slug, slug)).limit(1);
    if (!event || event.status === 'draft') throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
    await lockEvent(tx, event.id);

    // Under the lock, a double submit sees the first one's committed row.
    const keys = [...new Set(batch.map((a) => a.opts.idempotencyKey).filter((k): k is string => !!k))];
    const earlier = keys.length
      ? await tx
          .select()
          .from(registrations)
          .where(and(eq(registrations.eventId, event.id), inArray(registrations.idempotencyKey, keys)))
      : [];
    const earlierByKey = new Map(earlier.map((r) => [r.idempotencyKey!, r]));
    // One active registration per address (the partial unique index is the backstop).
    const addresses = [...new Set(batch.map((a) => a.input.email.toLowerCase()))];
    const taken = new Set(
      (
        await tx
          .select({ email: sql<string>`lower(${registrations.email})` })
          .from(registrations)
          .where(
            and(
              eq(registrations.eventId, event.id),
              inArray(registrations.status, [...ACTIVE]),
              inArray(sql`lower(${registrations.email})`, addresses),
            ),
          )
      ).map((r) => r.email),
    );

    let counters = await loadCounters(tx, event);
    const values: (typeof registrations.$inferInsert)[] = [];
    const byKeyInBatch = new Map<string, string>();
    const plans: Planned[] = batch.map(({ input, opts }) => {
      const idem = opts.idempotencyKey;
      if (idem && earlierByKey.has(idem)) return { kind: 'replay', row: earlierByKey.get(idem)! };
      if (idem && byKeyInBatch.has(idem)) return { kind: 'same_as', token: byKeyInBatch.get(idem)! };
      // The window decides here; places are decided below, with the waiting list.
      const closed = registrationClosed({
        status: event.status,
        settings: { mode: event.registrationMode, opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt },
        eventEndsAt: event.endsAt,
        now: opts.now,
      });
      if (closed) return { kind: 'done', result: { kind: 'closed', state: closed } };
      const answerProblems = checkAnswers(event, input);
      const request = {
        choices: Object.entries(input.choices).map(([roundKey, workshopKey]) => ({ roundKey, workshopKey })),
        organisationKey: organisationKey(input.organisation),
        organisationKind: input.organisationKind ?? null,
        domain: input.domain ?? null,
      };
      const decision = decideRegistration(counters, request);
      if (decision.kind === 'invalid' || answerProblems.length)
        return {
          kind: 'done',
          result: { kind: 'invalid', problems: [...(decision.kind === 'invalid' ? decision.problems : []), ...answerProblems] },
        };
      if (decision.kind === 'full') return { kind: 'done', result: { kind: 'full' } };
      const address = input.email.toLowerCase();
      if (taken.has(address)) return { kind: 'done', result: { kind: 'duplicate', email: input.email } };
      taken.add(address);
      counters = countDecision(counters, request, decision);
      const token = randomBytes(32).toString('base64url');
      if (idem) byKeyInBatch.set(idem, token);
      values.push({
        eventId: event.id,
        status: decision.kind,
        name: input.name,
        email: input.email,
        organisationName: input.organisation ?? null,
        organisationKey: request.organisationKey,
        organisationKind: input.organisationKind ?? null,
        role: input.role ?? null,
        domain: input.domain ?? null,
        answers: input.answers,
        consents: input.consents,
        billing: input.billing ?? null,
        language: input.language,
        idempotencyKey: idem ?? null,
        waitReason: decision.kind === 'waitlisted' ? decision.reason : null,
        token,
        createdAt: opts.now,
        updatedAt: opts.now,
      });
      return { kind: 'new', token, decision };
    });

    // One insert for the batch. VALUES rows take their arrival numbers in order, so
    // arrival order is decision order. The conflict target is the active-address index,
    // already checked above under the lock: a row missing here is a duplicate all the same.
    const inserted = await insertMany(tx, registrations, values, { onConflictDoNothing: {} });
    const rowByToken = new Map(inserted.map((r) => [r.token, r]));
    const choiceRows = plans.flatMap((p) => {
      const row = p.kind === 'new' ? rowByToken.get(p.token) : undefined;
      if (!row || p.kind !== 'new') return [];
      return p.decision.choices.map((c) => ({ registrationId: row.id, ...counters.ids.get(`${c.roundKey}/${c.workshopKey}`)!, status: c.status }));
    });
    await insertMany(tx, registrationChoices, choiceRows, { returnRows: false });
    // The mails are rows in this transaction: sent after commit, and never lost.
    // Positions are counted under the lock, so each is exact at commit.
    const ids = inserted.map((r) => r.id);
    const positions = await waitlistPositions(tx, event.id, ids);
    const workshopPositions = await workshopWaitlistPositions(tx, event.id, ids);
    const askOf = new Map(plans.flatMap((p, i) => (p.kind === 'new' ? [[p.token, batch[i]!] as const] : [])));
    await queueRegistrationMails(
      tx,
      inserted.map((r) => {
        const { opts } = askOf.get(r.token)!;
        return { kind: mailKindOf[r.status as keyof typeof mailKindOf], registrationId: r.id, now: opts.now, baseUrl: opts.baseUrl };
      }),
      { registrations: inserted, positions, workshopPositions },
    );
    // Only registrations entered by hand are logged; a public batch has none of these.
    for (const r of inserted) {
      const by = askOf.get(r.token)!.opts.enteredBy;
      if (by)
        await recordEventAudit(
          tx,
          { eventId: event.id, actor: by, action: 'registration.added', summary: `Aanmelding van ${r.name} toegevoegd`, details: { status: r.status }, registrationId: r.id },
          askOf.get(r.token)!.opts.now,
        );
    }
    if (inserted.length) await notifyEventChanged(tx, event.id);
    return { event, plans, rowByToken, positions, workshopPositions, ids: counters.ids, roundKeys: counters.roundKeys };
  });

  const { event, plans, rowByToken, positions, workshopPositions, ids, roundKeys } = done;
  // In programme order, as the registrant's view always is.
  const roundOrder = (c: { roundKey: string }) => roundKeys.indexOf(c.roundKey);
  const roundIdOf = (roundKey: string, workshopKey: string) => ids.get(`${roundKey}/${workshopKey}`)!.roundId;
  const results: RegisterResult[] = [];
  for (const [i, p] of plans.entries()) {
    if (p.kind === 'done') results.push(p.result);
    else if (p.kind === 'replay') results.push({ kind: 'registered', registration: await viewOf(db, event, p.row), replayed: true });
    else {
      const row = rowByToken.get(p.token);
      if (!row) {
        results.push({ kind: 'duplicate', email: batch[i]!.input.email });
        continue;
      }
      const decision = plans.find((q): q is Extract<Planned, { kind: 'new' }> => q.kind === 'new' && q.token === p.token)!.decision;
      const view: RegistrationView = {
        ...summaryOf(event, row),
        position: positions.get(row.id) ?? null,
        choices: [...decision.choices].sort((a, b) => roundOrder(a) - roundOrder(b)).map((c) => ({
          roundKey: c.roundKey,
          workshopKey: c.workshopKey,
          status: c.status,
          position:
            c.status === 'waitlisted' && row.status !== 'waitlisted'
              ? (workshopPositions.get(`${row.id}/${roundIdOf(c.roundKey, c.workshopKey)}`) ?? null)
              : null,
        })),
      };
      results.push({ kind: 'registered', registration: view, replayed: p.kind === 'same_as' });
    }
  }
  return results;
}

function summaryOf(event: EventRow, r: RegistrationRow): Omit<RegistrationView, 'position' | 'choices'> {
  return {
    id: r.id,
    eventId: event.id,
    eventSlug: event.slug,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation: r.organisationName,
    waitReason: (r.waitReason as WaitReason | null) ?? null,
    offerExpiresAt: r.status === 'offered' ? r.offerExpiresAt : null,
    refusalReason: r.status === 'refused' ? r.refusalReason : null,
    token: r.token,
    createdAt: r.createdAt,
  };
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
  return { ...summaryOf(event, r), position, choices: withPositions };
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
    if (!current || !(ACTIVE as readonly string[]).includes(current.status))
      return { registration: await viewOf(tx, event, current ?? found.registration), promoted: [] };
    await release(tx, [current.id], 'cancelled', now);
    await queueRegistrationMail(tx, { kind: 'cancelled', registrationId: current.id, now, baseUrl });
    const promoted = await promoteWaiting(tx, event, now, baseUrl);
    const left = current.status === 'waitlisted';
    await recordEventAudit(
      tx,
      {
        eventId: event.id,
        actor: PARTICIPANT_ACTOR,
        action: left ? 'registration.left_waitlist' : 'registration.cancelled',
        summary: left ? `${current.name} heeft de wachtlijst verlaten` : `${current.name} heeft de aanmelding geannuleerd`,
        details: { from: current.status, to: 'cancelled', promoted: promoted.length },
        registrationId: current.id,
      },
      now,
    );
    await notifyEventChanged(tx, event.id);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return { registration: await viewOf(tx, event, after!), promoted };
  });
}

/**
 * Fill free places from the waiting lists, under the event's lock: first the event's
 * list (first come, first served among those the organisation limits allow), then each
 * workshop's list in each round. With offer hours, a freed place is offered (and held)
 * until the offer lapses; else it is given at once. Returns the ids that moved up.
 */
export async function promoteWaiting(tx: Db, event: EventRow, now: Date, baseUrl: string): Promise<string[]> {
  const promoted: string[] = [];
  // Nobody moves up into a cancelled event: a place there is worth nothing.
  if (event.status === 'cancelled') return promoted;
  const status = promotionStatus(event);
  const offerExpiresAt = status === 'offered' ? offerExpiry(now, event.offerHours!, event.startsAt) : null;
  const waitingList = async () => {
    const counters = await loadCounters(tx, event);
    const waiting = await tx
      .select({ id: registrations.id, organisationKey: registrations.organisationKey, domain: registrations.domain, waitReason: registrations.waitReason })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.arrival));
    return { counters, waiting };
  };
  // Once the event has started, a freed place is no longer offered to anyone.
  if (status === 'offered' && !offerExpiresAt) {
    const { counters, waiting } = await waitingList();
    await refreshWaitReasons(tx, counters, waiting, now);
    return promoted;
  }
  for (let guard = 0; guard < 10_000; guard++) {
    const { counters, waiting } = await waitingList();
    const next = firstEligible(counters, waiting);
    if (!next) {
      // Those left waiting may wait for another reason now (their organisation has room, the event not).
      await refreshWaitReasons(tx, counters, waiting, now);
      break;
    }
    await tx.update(registrations).set({ status, waitReason: null, offerExpiresAt, updatedAt: now }).where(eq(registrations.id, next.id));
    // Its workshop choices stay on their workshops' waiting lists; the step below gives
    // free seats in arrival order, so someone who registered earlier is served first.
    promoted.push(next.id);
  }
  await promoteWorkshopWaiting(tx, event);
  // Each one moved up gets a log entry of their own (the change that freed the place only
  // counts them), so their page's history says when and how they got it.
  if (promoted.length) {
    const organiserId = await mainOrganiserOf(tx, event.id);
    const names = new Map((await tx.select({ id: registrations.id, name: registrations.name }).from(registrations).where(inArray(registrations.id, promoted))).map((r) => [r.id, r.name]));
    for (const id of promoted)
      await recordAudit(
        tx,
        { organiserId, eventId: event.id, actor: SYSTEM_ACTOR, action: 'registration.moved_up', summary: movedUpSummary(names.get(id) ?? '', status, offerExpiresAt), details: { from: 'waitlisted', to: status }, registrationId: id },
        now,
      );
  }
  // The mails after the seats, so they show the workshops each person got.
  for (const id of promoted)
    await queueRegistrationMail(
      tx,
      offerExpiresAt
        ? { kind: 'offer', expiresAt: offerExpiresAt, registrationId: id, now, baseUrl }
        : { kind: status === 'pending' ? 'pending' : 'confirmation', registrationId: id, now, baseUrl },
    );
  return promoted;
}

/** Store why each waiting registration waits now, where that changed (shown to them and the organiser). */
async function refreshWaitReasons(
  tx: Db,
  counters: Counters,
  waiting: { id: string; organisationKey: string | null; domain: string | null; waitReason: string | null }[],
  now: Date,
): Promise<void> {
  for (const w of waiting) {
    const reason = currentWaitReason(counters, w);
    if (reason !== w.waitReason) await tx.update(registrations).set({ waitReason: reason, updatedAt: now }).where(eq(registrations.id, w.id));
  }
}

/** Give free workshop seats to the first waiting choices of people who hold an event place. */
async function promoteWorkshopWaiting(tx: Db, event: EventRow): Promise<void> {
  const seat = event.approvalRequired ? ('pending' as const) : ('confirmed' as const);
  const counters = await loadCounters(tx, event);
  for (const o of counters.workshopRounds) {
    // A workshop without a capacity of its own seats everyone who holds an event place.
    const free = o.capacity === null ? Number.MAX_SAFE_INTEGER : o.capacity - o.taken;
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
      .limit(Math.min(free, 100_000));
    for (const n of next)
      await tx
        .update(registrationChoices)
        .set({ status: seat, promoted: true })
        .where(and(eq(registrationChoices.registrationId, n.registrationId), eq(registrationChoices.roundId, roundId)));
  }
}

/** Free a registration's place and seats: its status becomes `status`, its choices cancelled. */
async function release(tx: Db, ids: string[], status: 'cancelled' | 'expired' | 'refused', now: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(registrations)
    .set({ status, updatedAt: now, ...(status === 'cancelled' ? { cancelledAt: now } : {}) })
    .where(inArray(registrations.id, ids));
  await tx.update(registrationChoices).set({ status: 'cancelled' }).where(inArray(registrationChoices.registrationId, ids));
}

/** A registration of an event, for its organiser (the caller checked they organise it). */
async function findInEvent(tx: Db, eventId: string, registrationId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(registrationId)) return null;
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
    .limit(1);
  return row ?? null;
}

/**
 * The organiser approves a registration awaiting approval: it is confirmed, with the seats
 * it held, and gets its confirmation (with the invitation). Approving twice is not an error.
 */
export async function approveRegistration(db: Db, eventId: string, registrationId: string, now: Date, baseUrl: string, actor: Actor): Promise<RegistrationView> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    const current = event ? await findInEvent(tx, eventId, registrationId) : null;
    if (!event || !current) throw new DomainError('not_found', 'Deze aanmelding bestaat niet bij dit evenement.');
    if (current.status === 'confirmed') return viewOf(tx, event, current);
    if (current.status !== 'pending') throw new DomainError('conflict', 'Alleen een aanmelding die op goedkeuring wacht, kan worden goedgekeurd.');
    await tx.update(registrations).set({ status: 'confirmed', updatedAt: now }).where(eq(registrations.id, current.id));
    await tx
      .update(registrationChoices)
      .set({ status: 'confirmed' })
      .where(and(eq(registrationChoices.registrationId, current.id), eq(registrationChoices.status, 'pending')));
    await queueRegistrationMail(tx, { kind: 'confirmation', registrationId: current.id, now, baseUrl });
    await recordEventAudit(
      tx,
      { eventId, actor, action: 'registration.approved', summary: `Aanmelding van ${current.name} goedgekeurd`, details: { from: 'pending', to: 'confirmed' }, registrationId: current.id },
      now,
    );
    await notifyEventChanged(tx, eventId);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return viewOf(tx, event, after!);
  });
}

/**
 * The organiser refuses a registration (awaiting approval, waiting, or offered a place),
 * with a reason that is mailed to the registrant. The place it held goes to the waiting list.
 */
export async function refuseRegistration(
  db: Db,
  eventId: string,
  registrationId: string,
  reason: string | null,
  now: Date,
  baseUrl: string,
  actor: Actor,
): Promise<RegistrationView> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    const current = event ? await findInEvent(tx, eventId, registrationId) : null;
    if (!event || !current) throw new DomainError('not_found', 'Deze aanmelding bestaat niet bij dit evenement.');
    if (current.status === 'refused') return viewOf(tx, event, current);
    if (current.status !== 'pending' && current.status !== 'waitlisted' && current.status !== 'offered')
      throw new DomainError('conflict', 'Alleen een aanmelding die op goedkeuring wacht, op de wachtlijst staat of een plaats aangeboden kreeg, kan worden afgewezen. Annuleer een bevestigde aanmelding.');
    await release(tx, [current.id], 'refused', now);
    await tx.update(registrations).set({ refusalReason: reason }).where(eq(registrations.id, current.id));
    await queueRegistrationMail(tx, { kind: 'refused', reason, registrationId: current.id, now, baseUrl });
    const promoted = await promoteWaiting(tx, event, now, baseUrl);
    await recordEventAudit(
      tx,
      {
        eventId,
        actor,
        action: 'registration.refused',
        summary: `Aanmelding van ${current.name} afgewezen`,
        details: { from: current.status, to: 'refused', reason, promoted: promoted.length },
        registrationId: current.id,
      },
      now,
    );
    await notifyEventChanged(tx, eventId);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return viewOf(tx, event, after!);
  });
}

export interface RegistrationListItem {
  id: string;
  status: RegistrationRow['status'];
  name: string;
  email: string;
  organisation: string | null;
  organisationKind: string | null;
  domain: string | null;
  /** Place on the event's waiting list, when waiting. */
  position: number | null;
  offerExpiresAt: Date | null;
  createdAt: Date;
}

/** Every registration of an event in arrival order, for its organiser. */
export async function listRegistrations(db: Db, eventId: string): Promise<RegistrationListItem[]> {
  const rows = await db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.arrival));
  let waiting = 0;
  return rows.map((r) => ({
    id: r.id,
    status: r.status,
    name: r.name,
    email: r.email,
    organisation: r.organisationName,
    organisationKind: r.organisationKind,
    domain: r.domain,
    position: r.status === 'waitlisted' ? ++waiting : null,
    offerExpiresAt: r.status === 'offered' ? r.offerExpiresAt : null,
    createdAt: r.createdAt,
  }));
}

export type AcceptOfferResult = { kind: 'accepted' | 'expired'; registration: RegistrationView };

/**
 * Accept an offered place through the personal link. An offer accepted after it lapsed
 * is not honoured: it expires there and then, and passes to the next on the list.
 */
export async function acceptOffer(db: Db, token: string, now: Date, baseUrl: string): Promise<AcceptOfferResult> {
  const found = await findByToken(db, token);
  if (!found) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
  return db.transaction(async (tx) => {
    await lockEvent(tx, found.event.id);
    const [event] = await tx.select().from(events).where(eq(events.id, found.event.id));
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, found.registration.id));
    if (!event || !current) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
    // Accepting twice (a double click) is not an error: the place is already theirs.
    if (current.status === 'confirmed' || current.status === 'pending')
      return { kind: 'accepted' as const, registration: await viewOf(tx, event, current) };
    if (current.status !== 'offered') throw new DomainError('conflict', 'Er staat voor deze aanmelding geen plaats open om te accepteren.');
    if (event.status === 'cancelled') throw new DomainError('conflict', 'Dit evenement is geannuleerd; de plaats kan niet meer worden geaccepteerd.');
    if (!current.offerExpiresAt || now >= current.offerExpiresAt) {
      await expire(tx, event, [current], now, baseUrl, PARTICIPANT_ACTOR);
      const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
      return { kind: 'expired' as const, registration: await viewOf(tx, event, after!) };
    }
    const status = acceptedStatus(event.approvalRequired);
    await tx.update(registrations).set({ status, updatedAt: now }).where(eq(registrations.id, current.id));
    await queueRegistrationMail(tx, { kind: status === 'pending' ? 'pending' : 'confirmation', registrationId: current.id, now, baseUrl });
    await recordEventAudit(
      tx,
      {
        eventId: event.id,
        actor: PARTICIPANT_ACTOR,
        action: 'registration.offer_accepted',
        summary: `${current.name} heeft de aangeboden plaats geaccepteerd`,
        details: { from: 'offered', to: status },
        registrationId: current.id,
      },
      now,
    );
    await notifyEventChanged(tx, event.id);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return { kind: 'accepted' as const, registration: await viewOf(tx, event, after!) };
  });
}

/** Lapse offers (under the event's lock), tell their holders, and pass the places on; one log entry per offer. */
async function expire(tx: Db, event: EventRow, lapsed: { id: string; name: string }[], now: Date, baseUrl: string, actor: Actor): Promise<void> {
  const ids = lapsed.map((r) => r.id);
  await release(tx, ids, 'expired', now);
  for (const id of ids) await queueRegistrationMail(tx, { kind: 'offer_expired', registrationId: id, now, baseUrl });
  await promoteWaiting(tx, event, now, baseUrl);
  for (const r of lapsed)
    await recordEventAudit(
      tx,
      { eventId: event.id, actor, action: 'registration.offer_expired', summary: `Aanbod aan ${r.name} verlopen`, details: { from: 'offered', to: 'expired' }, registrationId: r.id },
      now,
    );
  await notifyEventChanged(tx, event.id);
}

/**
 * Lapse every offer whose time is up, event by event, each under its event's lock. Run
 * by every app instance on a timer (src/worker/offers.ts); the status check under the
 * lock makes a second instance's run a no-op. Returns how many offers lapsed.
 */
export async function expireOffers(db: Db, now: Date, baseUrl: string): Promise<number> {
  const due = await db
    .selectDistinct({ eventId: registrations.eventId })
    .from(registrations)
    .where(and(eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)));
  let lapsed = 0;
  for (const { eventId } of due)
    lapsed += await db.transaction(async (tx) => {
      await lockEvent(tx, eventId);
      const [event] = await tx.select().from(events).where(eq(events.id, eventId));
      if (!event) return 0;
      const rows = await tx
        .select({ id: registrations.id, name: registrations.name })
        .from(registrations)
        .where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'offered'), lte(registrations.offerExpiresAt, now)));
      // The sweeper acts for nobody: the system.
      await expire(tx, event, rows, now, baseUrl, SYSTEM_ACTOR);
      return rows.length;
    });
  return lapsed;
}

export type ChangeChoicesResult =
  | { kind: 'changed' | 'unchanged'; registration: RegistrationView }
  | { kind: 'invalid'; problems: { path: string; message: string }[] };

const ChoicesSchema = RegistrationInputSchema.shape.choices;

/**
 * Change workshop choices through the personal link, while there is room, until the
 * event starts. A seat left behind goes to the first on that workshop's waiting list.
 */
export async function changeChoices(db: Db, token: string, raw: unknown, now: Date, baseUrl: string): Promise<ChangeChoicesResult> {
  return changeChoicesAs(db, token, raw, now, baseUrl, PARTICIPANT_ACTOR);
}

/** `changeChoices` on behalf of `actor`: the registrant (personal link) or staff (moveWorkshops). */
async function changeChoicesAs(db: Db, token: string, raw: unknown, now: Date, baseUrl: string, actor: Actor): Promise<ChangeChoicesResult> {
  const parsed = ChoicesSchema.safeParse(raw);
  if (!parsed.success)
    return { kind: 'invalid', problems: parsed.error.issues.map((i) => ({ path: ['choices', ...i.path.map(String)].join('.'), message: i.message })) };
  const found = await findByToken(db, token);
  if (!found) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
  if (now >= found.event.startsAt)
    throw new DomainError('conflict', 'De bijeenkomst is begonnen; de keuzes kunnen niet meer worden gewijzigd. Neem contact op met de organisatie.');
  if (found.event.status === 'cancelled') throw new DomainError('conflict', 'Dit evenement is geannuleerd; de keuzes kunnen niet meer worden gewijzigd.');
  const wanted = Object.entries(parsed.data)
    .filter(([, w]) => w !== '')
    .map(([roundKey, workshopKey]) => ({ roundKey, workshopKey }));
  return db.transaction(async (tx) => {
    await lockEvent(tx, found.event.id);
    const [event] = await tx.select().from(events).where(eq(events.id, found.event.id));
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, found.registration.id));
    if (!event || !current) throw new DomainError('not_found', 'Deze persoonlijke link is onbekend.');
    const counters = await loadCounters(tx, event);
    const mine = await tx
      .select({ roundKey: programmeItems.key, workshopKey: workshops.key, status: registrationChoices.status })
      .from(registrationChoices)
      .innerJoin(workshops, eq(workshops.id, registrationChoices.workshopId))
      .innerJoin(programmeItems, eq(programmeItems.id, registrationChoices.roundId))
      .where(and(eq(registrationChoices.registrationId, current.id), ne(registrationChoices.status, 'cancelled')));
    const decision = decideChoiceChange(counters, { status: current.status, approvalRequired: event.approvalRequired }, mine, wanted);
    if (decision.kind === 'invalid') return decision;
    if (decision.kind === 'unchanged') return { kind: 'unchanged' as const, registration: await viewOf(tx, event, current) };
    for (const c of decision.changes) {
      const { roundId, workshopId } = counters.ids.get(`${c.roundKey}/${c.to}`)!;
      await tx
        .insert(registrationChoices)
        .values({ registrationId: current.id, roundId, workshopId, status: c.status })
        .onConflictDoUpdate({
          target: [registrationChoices.registrationId, registrationChoices.roundId],
          set: { workshopId, status: c.status, promoted: false },
        });
    }
    // Seats left behind go to the workshops' waiting lists.
    await promoteWorkshopWaiting(tx, event);
    await tx.update(registrations).set({ updatedAt: now }).where(eq(registrations.id, current.id));
    // The mail that matches the registration, with the new choices (and a fresh invitation).
    const dedupeKey = `choices:${current.id}:${now.getTime()}`;
    await queueRegistrationMail(
      tx,
      current.status === 'offered' && current.offerExpiresAt
        ? { kind: 'offer', expiresAt: current.offerExpiresAt, registrationId: current.id, now, baseUrl, dedupeKey }
        : { kind: mailKindFor(current.status), registrationId: current.id, now, baseUrl, dedupeKey },
    );
    const titles = new Map((await tx.select({ key: workshops.key, title: workshops.title }).from(workshops).where(eq(workshops.eventId, event.id))).map((w) => [w.key, w.title]));
    const byRegistrant = actor === PARTICIPANT_ACTOR;
    await recordEventAudit(
      tx,
      {
        eventId: event.id,
        actor,
        action: 'registration.workshops_changed',
        summary: byRegistrant ? `${current.name} heeft de deelsessies gewijzigd` : `Deelsessies van ${current.name} gewijzigd`,
        details: {
          changes: decision.changes.map((c) => ({
            round: c.roundKey,
            from: c.from,
            fromTitle: c.from ? (titles.get(c.from) ?? c.from) : null,
            to: c.to,
            toTitle: titles.get(c.to) ?? c.to,
            status: c.status,
          })),
        },
        registrationId: current.id,
      },
      now,
    );
    await notifyEventChanged(tx, event.id);
    return { kind: 'changed' as const, registration: await viewOf(tx, event, current) };
  });
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
      .select({ id: registrations.id, status: registrations.status, offerExpiresAt: registrations.offerExpiresAt })
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
    const window = Math.floor(now.getTime() / 600_000);
    const dedupeKey = `resend:${found.id}:${window}`;
    // The mail that says where they stand now: an open offer comes with its deadline.
    await queueRegistrationMail(
      tx,
      found.status === 'offered' && found.offerExpiresAt
        ? { kind: 'offer', expiresAt: found.offerExpiresAt, registrationId: found.id, now, baseUrl, dedupeKey }
        : { kind: mailKindFor(found.status), registrationId: found.id, now, baseUrl, dedupeKey },
    );
  });
}

// ---------------------------------------------------------------------------------------
// The organiser's own changes (the back office), under the same lock and the same rules.

export type PromoteByHandResult = { kind: 'promoted'; registration: RegistrationView } | { kind: 'refused'; reason: string };

/**
 * The organiser moves one chosen registration up from the event's waiting list, out of
 * turn (after a phone call, say). Only when a place is free and its organisation's limits
 * allow it: the same limits as every other place; otherwise the reason, in Dutch. The
 * organiser's choice is their approval: the place is given at once (confirmed, no offer),
 * with the confirmation mail; its workshop choices get seats where there are free ones.
 */
export async function promoteByHand(db: Db, eventId: string, registrationId: string, now: Date, baseUrl: string, actor: Actor): Promise<PromoteByHandResult> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    const current = event ? await findInEvent(tx, eventId, registrationId) : null;
    if (!event || !current) throw new DomainError('not_found', 'Deze aanmelding bestaat niet bij dit evenement.');
    const counters = await loadCounters(tx, event);
    const problem = handPromotionProblem(counters, current, event.status);
    if (problem) return { kind: 'refused' as const, reason: problem };
    await tx.update(registrations).set({ status: 'confirmed', waitReason: null, offerExpiresAt: null, updatedAt: now }).where(eq(registrations.id, current.id));
    await promoteWorkshopWaiting(tx, event);
    // Seats taken for a registration that is itself confirmed are confirmed too.
    await tx
      .update(registrationChoices)
      .set({ status: 'confirmed' })
      .where(and(eq(registrationChoices.registrationId, current.id), eq(registrationChoices.status, 'pending')));
    await queueRegistrationMail(tx, { kind: 'confirmation', registrationId: current.id, now, baseUrl, dedupeKey: `by-hand:${current.id}:${now.getTime()}` });
    await recordEventAudit(
      tx,
      { eventId, actor, action: 'registration.promoted', summary: `${current.name} van de wachtlijst gehaald`, details: { from: 'waitlisted', to: 'confirmed' }, registrationId: current.id },
      now,
    );
    await notifyEventChanged(tx, eventId);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return { kind: 'promoted' as const, registration: await viewOf(tx, event, after!) };
  });
}

/**
 * The organiser cancels a registration: as through the personal link (the cancellation
 * mail, the place to the waiting list), but without the event's cancel-until deadline.
 * A registration that is no longer active is left as it is (`cancelled` false).
 */
export async function cancelByOrganiser(db: Db, eventId: string, registrationId: string, now: Date, baseUrl: string, actor: Actor): Promise<CancelResult & { cancelled: boolean }> {
  return db.transaction(async (tx) => {
    await lockEvent(tx, eventId);
    const [event] = await tx.select().from(events).where(eq(events.id, eventId));
    const current = event ? await findInEvent(tx, eventId, registrationId) : null;
    if (!event || !current) throw new DomainError('not_found', 'Deze aanmelding bestaat niet bij dit evenement.');
    if (!(ACTIVE as readonly string[]).includes(current.status)) return { registration: await viewOf(tx, event, current), promoted: [], cancelled: false };
    await release(tx, [current.id], 'cancelled', now);
    await queueRegistrationMail(tx, { kind: 'cancelled', registrationId: current.id, now, baseUrl });
    const promoted = await promoteWaiting(tx, event, now, baseUrl);
    await recordEventAudit(
      tx,
      {
        eventId,
        actor,
        action: 'registration.cancelled',
        summary: `Aanmelding van ${current.name} geannuleerd door de organisatie`,
        details: { from: current.status, to: 'cancelled', promoted: promoted.length },
        registrationId: current.id,
      },
      now,
    );
    await notifyEventChanged(tx, event.id);
    const [after] = await tx.select().from(registrations).where(eq(registrations.id, current.id));
    return { registration: await viewOf(tx, event, after!), promoted, cancelled: true };
  });
}

/**
 * The organiser moves someone to other workshops: exactly `changeChoices` (only to a
 * workshop with a free seat, not after the start), for a registration of this event.
 */
export async function moveWorkshops(db: Db, eventId: string, registrationId: string, choices: unknown, now: Date, baseUrl: string, actor: Actor): Promise<ChangeChoicesResult> {
  const current = await findInEvent(db, eventId, registrationId);
  if (!current) throw new DomainError('not_found', 'Deze aanmelding bestaat niet bij dit evenement.');
  return changeChoicesAs(db, current.token, choices, now, baseUrl, actor);
}
