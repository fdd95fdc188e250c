import type { EventDocument } from '../events/document';
import type { BillingDetails, ChoiceStatus, Consents, RegistrationStatus } from '../registration/table';

/*
 * What an export is made of, as plain data: the registrations of one event with their
 * choices (loaded by service.ts), and the table every spreadsheet export writes
 * (columns.ts → csv.ts, xlsx.ts). Pure: rows and the event document in, cells out.
 */

export interface ExportChoice {
  roundKey: string;
  workshopKey: string;
  status: ChoiceStatus;
  /** Place on the workshop's waiting list in this round (1 = next), when waiting. */
  position: number | null;
}

export interface ExportRegistration {
  id: string;
  status: RegistrationStatus;
  /** Place on the event's waiting list (1 = next), when waitlisted. */
  position: number | null;
  name: string;
  email: string;
  organisationName: string | null;
  organisationKind: string | null;
  role: string | null;
  domain: string | null;
  answers: Record<string, unknown>;
  consents: Consents;
  billing: BillingDetails | null;
  language: 'nl' | 'en';
  createdAt: Date;
  choices: ExportChoice[];
}

/** A cell: text, a number, a moment (shown in Europe/Amsterdam), or empty. */
export type Cell = string | number | Date | null;

export interface ExportTable {
  headers: string[];
  rows: Cell[][];
}

export const STATUS_WORDS: Record<RegistrationStatus, string> = {
  confirmed: 'bevestigd',
  waitlisted: 'wachtlijst',
  pending: 'wacht op goedkeuring',
  offered: 'plaats aangeboden',
  refused: 'afgewezen',
  cancelled: 'geannuleerd',
  expired: 'aanbod verlopen',
};

export const CHOICE_STATUS_WORDS: Record<ChoiceStatus, string> = {
  confirmed: 'bevestigd',
  waitlisted: 'wachtlijst',
  pending: 'wacht op goedkeuring',
  refused: 'afgewezen',
  cancelled: 'geannuleerd',
};

/** The kinds of organisation as the registration form names them. */
export const ORGANISATION_KIND_WORDS: Record<string, string> = {
  gemeente: 'Gemeente',
  kennisinstituut: 'Kennisinstituut',
  woningcorporatie: 'Woningcorporatie',
  welzijnsorganisatie: 'Welzijns- of zorgorganisatie',
  rijksoverheid: 'Rijksoverheid',
  provincie: 'Provincie',
  bewonersorganisatie: 'Bewonersorganisatie',
  bewoner: 'Bewoner',
  bedrijf: 'Bedrijf',
  anders: 'Anders',
};

/** Default filter of the spreadsheets: everyone who has or waits for a place. */
export const ACTIVE_STATUSES: readonly RegistrationStatus[] = ['confirmed', 'pending', 'offered', 'waitlisted'];

export interface ExportFilter {
  statuses?: readonly RegistrationStatus[];
  /** Only registrations with this workshop chosen (in `roundKey`, or in any round). */
  workshopKey?: string;
  roundKey?: string;
}

/** The registrations a filter keeps, in the order given (arrival order). */
export function filterRegistrations(rows: readonly ExportRegistration[], filter: ExportFilter = {}): ExportRegistration[] {
  const statuses = filter.statuses ?? ACTIVE_STATUSES;
  return rows.filter(
    (r) =>
      statuses.includes(r.status) &&
      (filter.workshopKey === undefined ||
        r.choices.some(
          (c) => c.workshopKey === filter.workshopKey && (filter.roundKey === undefined || c.roundKey === filter.roundKey) && c.status !== 'cancelled' && c.status !== 'refused',
        )),
  );
}

export const rounds = (doc: EventDocument) => doc.programme.filter((p) => p.kind === 'round');

const yesNo = (b: boolean | undefined) => (b ? 'ja' : 'nee');

/** An answer as one cell: several choices joined with "; ", yes/no as ja/nee. */
export function answerCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('; ');
  if (typeof value === 'boolean') return yesNo(value);
  return String(value);
}

/** Round titles as column headers; a title used twice gets its start time to tell them apart. */
function roundLabels(doc: EventDocument): Map<string, string> {
  const rs = rounds(doc);
  const count = new Map<string, number>();
  for (const r of rs) count.set(r.title, (count.get(r.title) ?? 0) + 1);
  return new Map(
    rs.map((r) => {
      if (count.get(r.title)! === 1) return [r.key, r.title];
      const t = new Date(r.startsAt);
      const hhmm = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit' }).format(t);
      return [r.key, `${r.title} (${hhmm})`];
    }),
  );
}

/** Is this an event people pay for (and so give billing details)? */
export const isPaid = (doc: EventDocument) => doc.price !== null && doc.price.amountCents > 0;

/**
 * The registrations of an event as one table with Dutch headers: status, waiting-list
 * place, person, organisation, per round the workshop and its status, the event's own
 * questions, consents, billing details (paid events), language, registration moment.
 */
export function registrationTable(doc: EventDocument, rows: readonly ExportRegistration[]): ExportTable {
  const rs = rounds(doc);
  const labels = roundLabels(doc);
  const workshopTitle = new Map(doc.workshops.map((w) => [w.key, w.title]));
  const questions = doc.registration.questions;
  const paid = isPaid(doc);

  const headers = [
    'Status',
    'Positie wachtlijst',
    'Naam',
    'E-mail',
    'Organisatie',
    'Soort organisatie',
    'Functie',
    'Beleidsdomein',
    ...rs.flatMap((r) => [labels.get(r.key)!, `${labels.get(r.key)!}: status`]),
    ...questions.map((q) => q.label),
    "Foto's",
    'Mailinglijst',
    ...(paid ? ['Factuur: organisatie', 'Factuur: adres', 'Factuur: postcode', 'Factuur: plaats', 'Factuur: e-mail', 'Inkoopordernummer', 'KvK-nummer of OIN'] : []),
    'Taal',
    'Aangemeld op',
  ];

  const body = rows.map((r): Cell[] => {
    const choice = new Map(r.choices.map((c) => [c.roundKey, c]));
    const b = r.billing;
    return [
      STATUS_WORDS[r.status],
      r.position,
      r.name,
      r.email,
      r.organisationName,
      r.organisationKind ? (ORGANISATION_KIND_WORDS[r.organisationKind] ?? r.organisationKind) : null,
      r.role,
      r.domain,
      ...rs.flatMap((round): Cell[] => {
        const c = choice.get(round.key);
        if (!c) return [null, null];
        const word = CHOICE_STATUS_WORDS[c.status];
        return [workshopTitle.get(c.workshopKey) ?? c.workshopKey, c.status === 'waitlisted' && c.position !== null ? `${word} (${c.position})` : word];
      }),
      ...questions.map((q) => answerCell(r.answers[q.key])),
      yesNo(r.consents.photos),
      yesNo(r.consents.mailingList),
      ...(paid ? [b?.organisationName ?? null, b?.street ?? null, b?.postcode ?? null, b?.city ?? null, b?.invoiceEmail ?? null, b?.purchaseOrder ?? null, b?.kvkOrOin ?? null] : []),
      r.language === 'en' ? 'Engels' : 'Nederlands',
      r.createdAt,
    ];
  });
  return { headers, rows: body };
}

/** One attendance list: the confirmed people of one workshop in one round (or of a meeting). */
export interface AttendanceList {
  heading: string;
  /** "Ronde 1 · donderdag 6 maart 2030 · 14:00–14:45 uur" */
  when: string;
  people: { name: string; organisation: string | null }[];
}

export const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' });

/**
 * Attendance lists: per workshop per round, the confirmed registrants whose choice there
 * is confirmed, by name. An event without rounds gets one list per meeting.
 */
export function attendanceLists(
  doc: EventDocument,
  rows: readonly ExportRegistration[],
  opts: { roundKey?: string; workshopKey?: string; describe: (start: Date, end: Date | undefined) => string },
): AttendanceList[] {
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const person = (r: ExportRegistration) => ({ name: r.name, organisation: r.organisationName });
  const rs = rounds(doc);
  if (rs.length === 0) {
    const people = confirmed.map(person).sort(byName);
    return doc.meetings.map((m) => ({
      heading: m.title ?? doc.title,
      when: opts.describe(new Date(m.startsAt), new Date(m.endsAt)),
      people,
    }));
  }
  const lists: AttendanceList[] = [];
  for (const round of rs) {
    if (opts.roundKey !== undefined && round.key !== opts.roundKey) continue;
    for (const w of doc.workshops) {
      if (!w.rounds.includes(round.key)) continue;
      if (opts.workshopKey !== undefined && w.key !== opts.workshopKey) continue;
      const people = confirmed
        .filter((r) => r.choices.some((c) => c.roundKey === round.key && c.workshopKey === w.key && c.status === 'confirmed'))
        .map(person)
        .sort(byName);
      lists.push({
        heading: w.title,
        when: `${round.title} · ${opts.describe(new Date(round.startsAt), round.endsAt ? new Date(round.endsAt) : undefined)}`,
        people,
      });
    }
  }
  return lists;
}
