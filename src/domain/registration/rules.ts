/*
 * The registration rules: plain data in, a decision out. No I/O. The service loads the
 * counters under the event's lock, asks these rules, and writes what they decide.
 */
import type { OrganisationLimits } from '../events/document';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';

/**
 * Statuses that hold a place: a pending registration (awaiting approval) holds its seat,
 * and so does an open offer until it is accepted or lapses.
 */
export const HOLDING = ['confirmed', 'pending', 'offered'] as const;
/** Statuses of a registration that is still on: one of these per e-mail address per event. */
export const ACTIVE = ['confirmed', 'pending', 'offered', 'waitlisted'] as const;

/** A workshop offered in one round (GLOSSARY: WorkshopRound), with its seats. */
export interface WorkshopRound {
  roundKey: string;
  workshopKey: string;
  /** Seats in this round; null = only the event's capacity limits it. */
  capacity: number | null;
  /** Confirmed or pending choices. */
  taken: number;
}

export interface OrganisationCount {
  /** Registrations holding a place (confirmed or pending). */
  holding: number;
  /** Holding registrations per policy domain. */
  perDomain: Record<string, number>;
}

/** Everything the rules need to know about an event, read under its lock. */
export interface EventCounters {
  capacity: number | null;
  holding: number;
  waitlistEnabled: boolean;
  approvalRequired: boolean;
  limits: OrganisationLimits;
  roundKeys: string[];
  workshopRounds: WorkshopRound[];
  organisations: Record<string, OrganisationCount>;
}

export interface RegistrationRequest {
  /** The workshop chosen in each round. */
  choices: { roundKey: string; workshopKey: string }[];
  /** Normalised organisation name (see `organisationKey`), or null for none given. */
  organisationKey: string | null;
  organisationKind: string | null;
  domain: string | null;
}

export type ChoiceOutcome = { roundKey: string; workshopKey: string; status: 'confirmed' | 'pending' | 'waitlisted' };

export type WaitReason = 'event_full' | 'organisation_full' | 'organisations_full' | 'domain_full';

export type Decision =
  | { kind: 'invalid'; problems: { path: string; message: string }[] }
  | { kind: 'confirmed'; choices: ChoiceOutcome[] }
  | { kind: 'pending'; choices: ChoiceOutcome[] }
  | { kind: 'waitlisted'; reason: WaitReason; choices: ChoiceOutcome[] }
  | { kind: 'full' };

/**
 * How an organisation is recognised: by its name, normalised — case, accents, spacing
 * and punctuation ignored, and the common prefix "gemeente" dropped — so "Gemeente
 * Den Haag", "gemeente den haag" and "Den  Haag" count as one. See docs/decisions/008.
 */
export function organisationKey(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^gemeente\s+/, '');
  return key === '' ? null : key;
}

/** Check the choices: exactly one workshop per round, offered in that round, never twice. */
export function checkChoices(counters: Pick<EventCounters, 'roundKeys' | 'workshopRounds'>, choices: RegistrationRequest['choices']) {
  const problems: { path: string; message: string }[] = [];
  const seenWorkshops = new Set<string>();
  counters.roundKeys.forEach((roundKey) => {
    const picked = choices.filter((c) => c.roundKey === roundKey);
    if (picked.length === 0) problems.push({ path: `choices.${roundKey}`, message: 'Kies een deelsessie in deze ronde.' });
    if (picked.length > 1) problems.push({ path: `choices.${roundKey}`, message: 'Kies één deelsessie per ronde.' });
  });
  choices.forEach((c) => {
    if (!counters.roundKeys.includes(c.roundKey)) {
      problems.push({ path: `choices.${c.roundKey}`, message: 'Deze ronde bestaat niet.' });
      return;
    }
    if (!counters.workshopRounds.some((o) => o.roundKey === c.roundKey && o.workshopKey === c.workshopKey))
      problems.push({ path: `choices.${c.roundKey}`, message: 'Deze deelsessie wordt in deze ronde niet gegeven.' });
    if (seenWorkshops.has(c.workshopKey))
      problems.push({ path: `choices.${c.roundKey}`, message: 'U kunt dezelfde deelsessie niet twee keer volgen; kies in deze ronde een andere.' });
    seenWorkshops.add(c.workshopKey);
  });
  return problems;
}

/** Why an organisation may not take one more place now, or null when it may. */
export function organisationBlock(
  limits: OrganisationLimits,
  organisations: Record<string, OrganisationCount>,
  organisationKey: string | null,
  domain: string | null,
): Exclude<WaitReason, 'event_full'> | null {
  if (!organisationKey) return null;
  const current = organisations[organisationKey];
  if (limits.perOrganisation !== undefined && (current?.holding ?? 0) >= limits.perOrganisation) return 'organisation_full';
  if (limits.maxOrganisations !== undefined && !current?.holding) {
    const distinct = Object.values(organisations).filter((o) => o.holding > 0).length;
    if (distinct >= limits.maxOrganisations) return 'organisations_full';
  }
  const maxPerDomain = limits.domains?.maxPerDomainPerOrganisation;
  if (maxPerDomain !== undefined && domain && (current?.perDomain[domain] ?? 0) >= maxPerDomain) return 'domain_full';
  return null;
}

/**
 * Decide a new registration. Order: the choices must be valid; then the organisation's
 * limits and the event's capacity decide between a place and the waiting list; with a
 * place, each chosen workshop gives a seat or a place on its own waiting list.
 */
export function decideRegistration(counters: EventCounters, req: RegistrationRequest): Decision {
  const problems = checkChoices(counters, req.choices);
  const limits = counters.limits;
  if (limits.organisationKinds?.length && (!req.organisationKind || !limits.organisationKinds.includes(req.organisationKind)))
    problems.push({
      path: 'organisationKind',
      message: `Aanmelden kan alleen voor: ${limits.organisationKinds.join(', ')}.`,
    });
  if ((limits.perOrganisation !== undefined || limits.maxOrganisations !== undefined) && !req.organisationKey)
    problems.push({ path: 'organisation', message: 'Vul uw organisatie in: het aantal plaatsen per organisatie is beperkt.' });
  if (limits.domains && (!req.domain || !limits.domains.options.includes(req.domain)))
    problems.push({ path: 'domain', message: `Kies uw beleidsdomein: ${limits.domains.options.join(', ')}.` });
  if (problems.length) return { kind: 'invalid', problems };

  const waitChoices = req.choices.map((c) => ({ ...c, status: 'waitlisted' as const }));
  const blocked = organisationBlock(limits, counters.organisations, req.organisationKey, req.domain);
  const eventFull = counters.capacity !== null && counters.holding >= counters.capacity;
  if (blocked || eventFull) {
    if (!counters.waitlistEnabled) return { kind: 'full' };
    return { kind: 'waitlisted', reason: blocked ?? 'event_full', choices: waitChoices };
  }

  const held = counters.approvalRequired ? ('pending' as const) : ('confirmed' as const);
  const choices = req.choices.map((c) => {
    const o = counters.workshopRounds.find((x) => x.roundKey === c.roundKey && x.workshopKey === c.workshopKey)!;
    const seat = o.capacity === null || o.taken < o.capacity;
    return { ...c, status: seat ? held : ('waitlisted' as const) };
  });
  return { kind: held, choices };
}

/** A waiting-list entry as the promotion rule sees it, in arrival order. */
export interface WaitingEntry {
  id: string;
  organisationKey: string | null;
  domain: string | null;
}

/**
 * When a place at the event frees up: the first entry, in arrival order, that the rules
 * allow now (its organisation may still be at its limit). Null when none may move up.
 */
/**
 * Why a registration on the event's waiting list waits now: its organisation's limits, else
 * the event's places. Reasons change as places free and fill, so they are recomputed when
 * the list moves (service.ts `promoteWaiting`), not only kept from when one joined it.
 */
export function currentWaitReason(counters: EventCounters, entry: WaitingEntry): WaitReason {
  return organisationBlock(counters.limits, counters.organisations, entry.organisationKey, entry.domain) ?? 'event_full';
}

export function firstEligible(counters: EventCounters, waiting: WaitingEntry[]): WaitingEntry | null {
  if (counters.capacity !== null && counters.holding >= counters.capacity) return null;
  return waiting.find((w) => organisationBlock(counters.limits, counters.organisations, w.organisationKey, w.domain) === null) ?? null;
}

/**
 * Count a decided registration into the counters, so the next decision in the same batch
 * (see service.ts, `RegistrationDesk`) sees the place it took. Returns new counters.
 */
export function countDecision<C extends EventCounters>(counters: C, req: RegistrationRequest, decision: Decision): C {
  if (decision.kind !== 'confirmed' && decision.kind !== 'pending') return counters;
  const organisations = { ...counters.organisations };
  if (req.organisationKey) {
    const before = organisations[req.organisationKey] ?? { holding: 0, perDomain: {} };
    const perDomain = { ...before.perDomain };
    if (req.domain) perDomain[req.domain] = (perDomain[req.domain] ?? 0) + 1;
    organisations[req.organisationKey] = { holding: before.holding + 1, perDomain };
  }
  const seated = new Set(decision.choices.filter((c) => c.status !== 'waitlisted').map((c) => `${c.roundKey}/${c.workshopKey}`));
  return {
    ...counters,
    holding: counters.holding + 1,
    organisations,
    workshopRounds: counters.workshopRounds.map((o) => (seated.has(`${o.roundKey}/${o.workshopKey}`) ? { ...o, taken: o.taken + 1 } : o)),
  };
}

/**
 * What someone moved up from the event's waiting list gets: an offer for the event's
 * offer hours when it has them, else the place at once (awaiting approval if required).
 */
export function promotionStatus(settings: { offerHours: number | null; approvalRequired: boolean }): 'offered' | 'pending' | 'confirmed' {
  if (settings.offerHours) return 'offered';
  return settings.approvalRequired ? 'pending' : 'confirmed';
}

/**
 * The log's sentence for someone moved up from the waiting list by itself, because a place
 * freed or was added (someone cancelled, an offer lapsed, the capacity went up).
 */
export function movedUpSummary(name: string, to: 'offered' | 'pending' | 'confirmed', offerExpiresAt: Date | null): string {
  if (to === 'offered' && offerExpiresAt) return `${name} van de wachtlijst: plaats aangeboden tot ${formatDateNl(offerExpiresAt)} ${formatTimeNl(offerExpiresAt)} uur`;
  if (to === 'pending') return `${name} van de wachtlijst: wacht op goedkeuring`;
  return `${name} van de wachtlijst: plaats bevestigd`;
}

/**
 * When an offer made at `now` lapses: after the event's offer hours, but never after the
 * event starts (a place offered until after the start is worth nothing). Null when the
 * event has started: then nobody is offered a place any more.
 */
export function offerExpiry(now: Date, offerHours: number, eventStartsAt?: Date): Date | null {
  const lapse = new Date(now.getTime() + offerHours * 3_600_000);
  if (!eventStartsAt) return lapse;
  if (now >= eventStartsAt) return null;
  return lapse < eventStartsAt ? lapse : eventStartsAt;
}

/** The status an accepted offer becomes. */
export function acceptedStatus(approvalRequired: boolean): 'pending' | 'confirmed' {
  return approvalRequired ? 'pending' : 'confirmed';
}

export type ChoiceChange =
  | { kind: 'invalid'; problems: { path: string; message: string }[] }
  | { kind: 'unchanged' }
  | { kind: 'changed'; changes: { roundKey: string; from: string | null; to: string; status: 'confirmed' | 'pending' | 'waitlisted' }[] };

/**
 * Change someone's workshop choices through their personal link. Only rounds whose
 * choice changes are looked at; a new workshop must have a free seat ("while there is
 * room") — except for someone on the event's waiting list, whose choices hold no seat
 * yet and simply wait. Seats are counted per round, so a seat left in one round never
 * makes room in another.
 */
export function decideChoiceChange(
  counters: Pick<EventCounters, 'roundKeys' | 'workshopRounds'>,
  registration: { status: string; approvalRequired: boolean },
  current: { roundKey: string; workshopKey: string; status: string }[],
  wanted: RegistrationRequest['choices'],
): ChoiceChange {
  if (!(ACTIVE as readonly string[]).includes(registration.status))
    return { kind: 'invalid', problems: [{ path: 'choices', message: 'Deze aanmelding is niet meer actief; de keuzes kunnen niet meer worden gewijzigd.' }] };
  const problems = checkChoices(counters, wanted);
  if (problems.length) return { kind: 'invalid', problems };
  const waitingForEvent = registration.status === 'waitlisted';
  const held = registration.approvalRequired || registration.status === 'pending' ? ('pending' as const) : ('confirmed' as const);
  const changes: Extract<ChoiceChange, { kind: 'changed' }>['changes'] = [];
  for (const w of wanted) {
    const before = current.find((c) => c.roundKey === w.roundKey);
    if (before && before.workshopKey === w.workshopKey) continue;
    if (waitingForEvent) {
      changes.push({ roundKey: w.roundKey, from: before?.workshopKey ?? null, to: w.workshopKey, status: 'waitlisted' });
      continue;
    }
    const o = counters.workshopRounds.find((x) => x.roundKey === w.roundKey && x.workshopKey === w.workshopKey)!;
    if (o.capacity !== null && o.taken >= o.capacity) {
      problems.push({ path: `choices.${w.roundKey}`, message: 'Deze deelsessie is vol; kies een deelsessie met plaats of houd uw huidige keuze.' });
      continue;
    }
    changes.push({ roundKey: w.roundKey, from: before?.workshopKey ?? null, to: w.workshopKey, status: held });
  }
  if (problems.length) return { kind: 'invalid', problems };
  return changes.length ? { kind: 'changed', changes } : { kind: 'unchanged' };
}

/** Why a waiting registration may not be moved up by hand now, in Dutch; null when it may. */
export function handPromotionProblem(
  counters: Pick<EventCounters, 'capacity' | 'holding' | 'limits' | 'organisations'>,
  entry: { status: string; organisationKey: string | null; domain: string | null },
  eventStatus: string,
): string | null {
  if (entry.status !== 'waitlisted') return 'Deze aanmelding staat niet op de wachtlijst.';
  if (eventStatus === 'cancelled') return 'Dit evenement is geannuleerd; niemand komt er nog van de wachtlijst bij.';
  if (counters.capacity !== null && counters.holding >= counters.capacity)
    return `Er is geen plaats vrij: ${counters.holding} van de ${counters.capacity} plaatsen zijn bezet. Annuleer eerst een andere aanmelding of verhoog het aantal plaatsen.`;
  const blocked = organisationBlock(counters.limits, counters.organisations, entry.organisationKey, entry.domain);
  if (blocked === 'organisation_full') return `Deze organisatie heeft al het maximum van ${counters.limits.perOrganisation} plaatsen.`;
  if (blocked === 'organisations_full') return `Er doen al ${counters.limits.maxOrganisations} organisaties mee, het maximum; deze organisatie nog niet.`;
  if (blocked === 'domain_full')
    return `Deze organisatie heeft in dit beleidsdomein al het maximum van ${counters.limits.domains?.maxPerDomainPerOrganisation} plaatsen.`;
  return null;
}
