import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifyEventChanged } from '../domain/events/changes';
import { SYSTEM_ACTOR } from '../domain/audit/service';
import { createEvent } from '../domain/events/service';
import { events, programmeItems, workshopRounds, workshops } from '../domain/events/table';
import { accountExists, countAccounts, createAccount, removeAccountByEmail } from '../domain/accounts/service';
import { ensureOrganiser, findOrganiser } from '../domain/organisers/service';
import { registrationChoices, registrations } from '../domain/registration/table';
import { demoEvents } from './events';

/*
 * Demo content: the five source documents as four events (the report of the symposium is
 * part of it), loaded into an empty database at start-up unless BIJEEN_DEMO=0. People in
 * the demo are fictional; addresses are example.org.
 */

/** Loads the demo when there are no events yet; returns how many events it loaded. */
export async function loadDemoIfEmpty(db: Db, now: Date): Promise<number> {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(events);
  if (n > 0) return 0;
  const platform31 = await ensureOrganiser(db, 'platform31', 'Platform31');
  const docs = demoEvents(now);
  for (const doc of docs) await createEvent(db, doc, { actingOrganiserId: platform31.id, actor: SYSTEM_ACTOR, now });
  // The symposium is full, with people on its waiting list, as the source page shows.
  const first = docs[0]!;
  await fillDemoEvent(db, first.slug, 4);
  return docs.length;
}

const firstNames = ['Anouk', 'Bram', 'Chantal', 'Daan', 'Eline', 'Farid', 'Gerda', 'Hamza', 'Ilse', 'Joost', 'Karin', 'Lars', 'Mila', 'Noor', 'Otto', 'Priya', 'Quinten', 'Rosa', 'Sem', 'Tessa', 'Umut', 'Vera', 'Wouter', 'Yara', 'Zeynep'];
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Kaya', 'El Amrani'];
const organisations: [string, string][] = [
  ['Gemeente Den Haag', 'gemeente'],
  ['Gemeente Rotterdam', 'gemeente'],
  ['Gemeente Leiden', 'gemeente'],
  ['Welzijnsorganisatie Voorwaarts (fictief)', 'welzijnsorganisatie'],
  ['Woningcorporatie Thuis aan de Hofvijver (fictief)', 'woningcorporatie'],
  ['Bewonersorganisatie Schilderswijk (fictief)', 'bewonersorganisatie'],
  ['Kennisinstituut Wijkwerk (fictief)', 'kennisinstituut'],
];

/**
 * Fill an event to its capacity with confirmed fictional registrants, one workshop per
 * round each, so that the first workshop of each round is full ("VOL") and the others
 * have room; then put `waitlisted` more on the waiting list.
 */
async function fillDemoEvent(db: Db, slug: string, waitlisted: number): Promise<void> {
  const [event] = await db.select().from(events).where(eq(events.slug, slug));
  if (!event?.capacity) return;
  const rounds = await db
    .select({ id: programmeItems.id })
    .from(programmeItems)
    .where(and(eq(programmeItems.eventId, event.id), eq(programmeItems.kind, 'round')))
    .orderBy(programmeItems.position);
  const pairs = await db
    .select({ roundId: workshopRounds.roundId, workshopId: workshops.id, capacity: workshops.capacity, title: workshops.title, position: workshops.position })
    .from(workshopRounds)
    .innerJoin(workshops, eq(workshops.id, workshopRounds.workshopId))
    .where(eq(workshopRounds.eventId, event.id));
  // The workshop that the source page marks "(VOL)" fills first.
  pairs.sort((a, b) => Number(/opgave/i.test(b.title)) - Number(/opgave/i.test(a.title)) || a.position - b.position);
  const taken = new Map<string, number>();
  const person = (i: number) => {
    const first = firstNames[i % firstNames.length]!;
    const last = lastNames[Math.floor(i / firstNames.length) % lastNames.length]!;
    const [org, kind] = organisations[i % organisations.length]!;
    return {
      eventId: event.id,
      name: `${first} ${last}`,
      email: `${first}.${last}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@example.org',
      organisationName: org,
      organisationKind: kind,
    };
  };
  const total = event.capacity + waitlisted;
  for (let i = 0; i < total; i++) {
    const status = i < event.capacity ? ('confirmed' as const) : ('waitlisted' as const);
    const [reg] = await db.insert(registrations).values({ ...person(i), status }).returning({ id: registrations.id });
    if (status !== 'confirmed') continue;
    const choices = [];
    for (const round of rounds) {
      const inRound = pairs.filter((p) => p.roundId === round.id);
      const hasRoom = (p: (typeof pairs)[number]) => p.capacity === null || (taken.get(`${p.workshopId}/${p.roundId}`) ?? 0) < p.capacity;
      // The first workshop fills up first; the others share the rest in turn.
      const rest = inRound.slice(1).filter(hasRoom);
      const pick = inRound[0] && hasRoom(inRound[0]) ? inRound[0] : rest[i % Math.max(1, rest.length)];
      if (!pick) continue;
      const k = `${pick.workshopId}/${pick.roundId}`;
      taken.set(k, (taken.get(k) ?? 0) + 1);
      choices.push({ registrationId: reg!.id, roundId: round.id, workshopId: pick.workshopId, status });
    }
    if (choices.length) await db.insert(registrationChoices).values(choices);
  }
  await notifyEventChanged(db, event.id);
}

/**
 * The demo's back-office account: a beheerder of Platform31 with a published password,
 * only ever in demo mode (BIJEEN_DEMO=1). Outside demo mode main.ts removes it.
 */
export const DEMO_ACCOUNT = { email: 'beheer@example.org', password: 'demo-wachtwoord', name: 'Demo Beheerder' } as const;

/**
 * Make the demo account when the demo organiser exists and either the demo was just
 * loaded or there is no account yet (so a real installation's team never gets it added).
 * Returns whether it was made.
 */
export async function ensureDemoAccount(db: Db, now: Date, opts: { demoJustLoaded: boolean }): Promise<boolean> {
  if (await accountExists(db, DEMO_ACCOUNT.email)) return false;
  const platform31 = await findOrganiser(db, 'platform31');
  if (!platform31) return false;
  if (!opts.demoJustLoaded && (await countAccounts(db)) > 0) return false;
  await createAccount(db, { organiserId: platform31.id, email: DEMO_ACCOUNT.email, name: DEMO_ACCOUNT.name, password: DEMO_ACCOUNT.password, role: 'beheerder' }, now);
  return true;
}

/** Outside demo mode the demo account does not exist: removed at start-up. */
export function removeDemoAccount(db: Db): Promise<boolean> {
  return removeAccountByEmail(db, DEMO_ACCOUNT.email);
}
