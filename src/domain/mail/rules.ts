import type { FieldProblem } from '../../kernel/errors';
import { ACTIVE } from '../registration/rules';
import type { MailKind } from './table';

/*
 * Messages to participants and the outbox, pure: who is in a recipient group, what a
 * message must be, what the outbox's filters and words are. No I/O.
 */

/**
 * The group a message goes to. `workshop`: the confirmed registrants with a seat in one
 * workshop in one round (keys of the event document).
 */
export type RecipientGroup =
  | { kind: 'confirmed' }
  | { kind: 'active' }
  | { kind: 'waitlisted' }
  | { kind: 'pending' }
  | { kind: 'workshop'; round: string; workshop: string };
export type RecipientGroupKind = RecipientGroup['kind'];
export const RECIPIENT_GROUP_KINDS = ['confirmed', 'active', 'waitlisted', 'pending', 'workshop'] as const satisfies readonly RecipientGroupKind[];

/** What the groups are called in the back office. */
export const RECIPIENT_GROUP_LABELS: Record<RecipientGroupKind, string> = {
  confirmed: 'Alle bevestigde deelnemers',
  active: 'Iedereen met een plaats of op de wachtlijst',
  waitlisted: 'De wachtlijst',
  pending: 'Wie wacht op goedkeuring',
  workshop: 'De bevestigde deelnemers van één deelsessie in één ronde',
};

/** A registration as the groups see it: its status and its workshop choices (as the registrations table reads them). */
export interface RecipientGroupRow {
  id: string;
  status: string;
  choices: { roundKey: string; workshopKey: string; status: string }[];
}

export function inRecipientGroup(group: RecipientGroup, row: RecipientGroupRow): boolean {
  switch (group.kind) {
    case 'confirmed':
      return row.status === 'confirmed';
    case 'active':
      return (ACTIVE as readonly string[]).includes(row.status);
    case 'waitlisted':
      return row.status === 'waitlisted';
    case 'pending':
      return row.status === 'pending';
    case 'workshop':
      return row.status === 'confirmed' && row.choices.some((c) => c.roundKey === group.round && c.workshopKey === group.workshop && c.status === 'confirmed');
  }
}

/** The recipients of a message, in the rows' order (arrival). */
export function selectRecipients<R extends RecipientGroupRow>(group: RecipientGroup, rows: R[]): R[] {
  return rows.filter((r) => inRecipientGroup(group, r));
}

/** The programme and workshops as far as the groups need them (part of the event document). */
export interface RecipientGroupDocument {
  programme: { key: string; kind: string; title: string }[];
  workshops: { key: string; title: string; rounds: string[] }[];
}

/** Every workshop in every round it runs in, in programme order: the choices of the `workshop` group. */
export function workshopRounds(doc: RecipientGroupDocument): { round: string; workshop: string; value: string; label: string }[] {
  return doc.programme
    .filter((p) => p.kind === 'round')
    .flatMap((round) =>
      doc.workshops
        .filter((w) => w.rounds.includes(round.key))
        .map((w) => ({ round: round.key, workshop: w.key, value: `${round.key}/${w.key}`, label: `${w.title} (${round.title})` })),
    );
}

/** The group from the form's fields (`group`, and `workshop` as "round/workshop"); null when none was chosen. */
export function parseRecipientGroup(kind: string | undefined, workshop: string | undefined): RecipientGroup | null {
  switch (kind) {
    case 'confirmed':
    case 'active':
    case 'waitlisted':
    case 'pending':
      return { kind };
    case 'workshop': {
      const [round, key, ...rest] = (workshop ?? '').split('/');
      return round && key && rest.length === 0 ? { kind: 'workshop', round, workshop: key } : { kind: 'workshop', round: '', workshop: '' };
    }
    default:
      return null;
  }
}

/** The group as stored (mail_messages.recipient_group) back to a RecipientGroup; null when unreadable. */
export function recipientGroupOf(stored: Record<string, unknown>): RecipientGroup | null {
  const a = parseRecipientGroup(typeof stored.kind === 'string' ? stored.kind : undefined, `${stored.round ?? ''}/${stored.workshop ?? ''}`);
  return a && (a.kind !== 'workshop' || (a.round && a.workshop)) ? a : null;
}

/** "De bevestigde deelnemers van ABCD in de wijk (Ronde 1)" — as shown and in the log. */
export function recipientGroupLabel(group: RecipientGroup, doc: RecipientGroupDocument): string {
  if (group.kind !== 'workshop') return RECIPIENT_GROUP_LABELS[group.kind];
  const w = workshopRounds(doc).find((x) => x.round === group.round && x.workshop === group.workshop);
  return `De bevestigde deelnemers van ${w ? w.label : `${group.workshop} (${group.round})`}`;
}

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;

export interface MessageInput {
  recipientGroup: RecipientGroup | null;
  subject: string;
  body: string;
}

/** A subject is one line: line breaks and runs of spaces become one space. */
export function oneLineSubject(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** What is wrong with a message, per field (`group`, `workshop`, `subject`, `body`), in Dutch. */
export function messageProblems(input: MessageInput, doc: RecipientGroupDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const a = input.recipientGroup;
  if (!a) problems.push({ path: 'group', message: 'Kies aan wie het bericht gaat.' });
  else if (a.kind === 'workshop' && !workshopRounds(doc).some((w) => w.round === a.round && w.workshop === a.workshop))
    problems.push({ path: 'workshop', message: 'Kies een deelsessie en ronde uit de lijst.' });
  const subject = oneLineSubject(input.subject);
  if (!subject) problems.push({ path: 'subject', message: 'Vul een onderwerp in.' });
  else if ([...subject].length > SUBJECT_MAX) problems.push({ path: 'subject', message: `Gebruik voor het onderwerp hoogstens ${SUBJECT_MAX} tekens.` });
  const body = input.body.trim();
  if (!body) problems.push({ path: 'body', message: 'Schrijf de tekst van het bericht.' });
  else if ([...body].length > BODY_MAX) problems.push({ path: 'body', message: `Gebruik voor de tekst hoogstens ${BODY_MAX.toLocaleString('nl-NL')} tekens.` });
  return problems;
}

/** An empty group: said next to the group. */
export const EMPTY_RECIPIENT_GROUP: FieldProblem = { path: 'group', message: 'In deze groep zit (nu) niemand: het bericht zou niemand bereiken. Kies een andere groep.' };

// ---------------------------------------------------------------------------------------
// The outbox's words and filters.

/** The kinds of mail in Dutch (every kind: a new one needs its label). */
export const MAIL_KIND_LABELS: Record<string, string> = {
  confirmation: 'Bevestiging',
  waitlisted: 'Op de wachtlijst',
  pending: 'Wacht op goedkeuring',
  offer: 'Plaats aangeboden',
  offer_expired: 'Aanbod verlopen',
  refused: 'Afgewezen',
  cancelled: 'Geannuleerd',
  event_changed: 'Evenement gewijzigd',
  invite: 'Uitnodiging voor het beheer',
  password_reset: 'Nieuw wachtwoord',
  message: 'Bericht van de organisatie',
} satisfies Record<MailKind, string>;

/** The outbox page's filter: sent, waiting (queued or being sent), failed. */
export const OUTBOX_FILTERS = ['verzonden', 'wacht', 'mislukt'] as const;
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number];
export const OUTBOX_FILTER_STATUSES: Record<OutboxFilter, readonly string[]> = { verzonden: ['sent'], wacht: ['queued', 'sending'], mislukt: ['failed'] };

/** A mail's status as the outbox shows it. */
export function deliveryOf(status: string): OutboxFilter {
  return status === 'sent' ? 'verzonden' : status === 'failed' ? 'mislukt' : 'wacht';
}
export const DELIVERY_LABELS: Record<OutboxFilter, string> = { verzonden: 'Verzonden', wacht: 'Wacht', mislukt: 'Mislukt' };

export interface DeliveryCounts {
  verzonden: number;
  wacht: number;
  mislukt: number;
}
export function deliveryCounts(statuses: { status: string; n: number }[]): DeliveryCounts {
  const out: DeliveryCounts = { verzonden: 0, wacht: 0, mislukt: 0 };
  for (const s of statuses) out[deliveryOf(s.status)] += s.n;
  return out;
}

/** A mail may be tried again only after it failed for good. */
export const mayRetry = (status: string) => status === 'failed';

/** A message's id from the form's idempotency key: the second submit finds the first message. */
export function messageIdFromKey(eventId: string, key: string, hash: (s: string) => string): string {
  const h = hash(`message:${eventId}:${key}`).slice(0, 32).split('');
  h[12] = '5'; // a name-based UUID (version 5 layout) …
  h[16] = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16); // … of the RFC 4122 variant
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
