import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { formatDateNl, formatTimeRangeNl, formatTimeNl } from '../../kernel/dates';
import { DomainError } from '../../kernel/errors';
import type { EventDocument } from '../events/document';
import { getEventDocument } from '../events/service';
import { workshopWaitlistPositions } from '../registration/data';
import { REGISTRATION_STATUSES, registrationChoices, registrations, type RegistrationStatus } from '../registration/table';
import { attendanceLists, byName, filterRegistrations, registrationTable, rounds, type ExportFilter, type ExportRegistration } from './columns';
import { toCsv } from './csv';
import { renderPdfOffThread } from './pdf-threads';
import { toXlsx } from './xlsx';

/*
 * Exports for an event's organisers: load the registrations once, then hand plain rows and
 * the event document to the pure builders. Callers check that the caller organises the
 * event: everything here is personal data.
 */

/**
 * The event (with its private parts) and its registrations with choices, in arrival order.
 * `inTransaction`: `db` is a transaction (its one connection takes one query at a time).
 */
export async function loadExportData(db: Db, slug: string, opts: { inTransaction?: boolean } = {}): Promise<{ doc: EventDocument; rows: ExportRegistration[] }> {
  const doc = await getEventDocument(db, slug, { includePrivate: true, inTransaction: opts.inTransaction });
  if (!doc?.id) throw new DomainError('not_found', `Er is geen evenement "${slug}".`);
  const eventId = doc.id;
  const regs = await db.select().from(registrations).where(eq(registrations.eventId, eventId)).orderBy(asc(registrations.arrival));
  const choices = await db
    .select({
      registrationId: registrationChoices.registrationId,
      roundId: registrationChoices.roundId,
      workshopId: registrationChoices.workshopId,
      status: registrationChoices.status,
    })
    .from(registrationChoices)
    .innerJoin(registrations, eq(registrations.id, registrationChoices.registrationId))
    .where(eq(registrations.eventId, eventId));
  const positions = await workshopWaitlistPositions(
    db,
    eventId,
    [...new Set(choices.filter((c) => c.status === 'waitlisted').map((c) => c.registrationId))],
  );
  const roundKey = new Map(doc.programme.map((p) => [p.id, p.key]));
  const workshopKey = new Map(doc.workshops.map((w) => [w.id, w.key]));
  const order = new Map(rounds(doc).map((r, i) => [r.key, i]));
  const byRegistration = new Map<string, ExportRegistration['choices']>();
  for (const c of choices) {
    const list = byRegistration.get(c.registrationId) ?? [];
    list.push({
      roundKey: roundKey.get(c.roundId) ?? c.roundId,
      workshopKey: workshopKey.get(c.workshopId) ?? c.workshopId,
      status: c.status,
      position: c.status === 'waitlisted' ? (positions.get(`${c.registrationId}/${c.roundId}`) ?? null) : null,
    });
    byRegistration.set(c.registrationId, list);
  }
  let waiting = 0;
  const rows = regs.map(
    (r): ExportRegistration => ({
      id: r.id,
      status: r.status,
      position: r.status === 'waitlisted' ? ++waiting : null,
      name: r.name,
      email: r.email,
      organisationName: r.organisationName,
      organisationKind: r.organisationKind,
      role: r.role,
      domain: r.domain,
      answers: r.answers,
      consents: r.consents,
      billing: r.billing ?? null,
      language: r.language,
      createdAt: r.createdAt,
      choices: (byRegistration.get(r.id) ?? []).sort((a, b) => (order.get(a.roundKey) ?? 0) - (order.get(b.roundKey) ?? 0)),
    }),
  );
  return { doc, rows };
}

/** Parse `?status=confirmed,waitlisted` (undefined: the default of the export). */
export function parseStatuses(raw: string | undefined): RegistrationStatus[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const words = raw.split(',').map((s) => s.trim());
  const bad = words.filter((w) => !(REGISTRATION_STATUSES as readonly string[]).includes(w));
  if (bad.length > 0)
    throw new DomainError('invalid', `Onbekende status: ${bad.join(', ')}.`, [{ path: 'status', message: `Kies uit ${REGISTRATION_STATUSES.join(', ')}.` }]);
  return words as RegistrationStatus[];
}

function checkKeys(doc: EventDocument, filter: { roundKey?: string | undefined; workshopKey?: string | undefined }): void {
  if (filter.roundKey !== undefined && !rounds(doc).some((r) => r.key === filter.roundKey))
    throw new DomainError('invalid', `Er is geen ronde "${filter.roundKey}".`, [{ path: 'round', message: 'Geef de sleutel van een ronde.' }]);
  if (filter.workshopKey !== undefined) {
    const w = doc.workshops.find((x) => x.key === filter.workshopKey);
    if (!w) throw new DomainError('invalid', `Er is geen deelsessie "${filter.workshopKey}".`, [{ path: 'workshop', message: 'Geef de sleutel van een deelsessie.' }]);
    if (filter.roundKey !== undefined && !w.rounds.includes(filter.roundKey))
      throw new DomainError('invalid', `De deelsessie "${w.key}" is er niet in ronde "${filter.roundKey}".`, [{ path: 'workshop', message: 'Deze deelsessie is er niet in die ronde.' }]);
  }
}

export interface RegistrationExportFilter {
  statuses?: RegistrationStatus[] | undefined;
  roundKey?: string | undefined;
  workshopKey?: string | undefined;
}

const definedFilter = (f: RegistrationExportFilter): ExportFilter => ({
  ...(f.statuses ? { statuses: f.statuses } : {}),
  ...(f.roundKey !== undefined ? { roundKey: f.roundKey } : {}),
  ...(f.workshopKey !== undefined ? { workshopKey: f.workshopKey } : {}),
});

/** The registrations as CSV (UTF-8 with BOM, semicolons) or as an Excel workbook. */
export async function exportRegistrations(db: Db, slug: string, format: 'csv' | 'xlsx', filter: RegistrationExportFilter = {}): Promise<string | Buffer> {
  const { doc, rows } = await loadExportData(db, slug);
  checkKeys(doc, filter);
  const table = registrationTable(doc, filterRegistrations(rows, definedFilter(filter)));
  return format === 'csv' ? toCsv(table) : toXlsx(table, { sheetName: 'Aanmeldingen', title: `Aanmeldingen ${doc.title}` });
}

const when = (start: Date, end: Date | undefined) => `${formatDateNl(start)} · ${end ? formatTimeRangeNl(start, end) : `${formatTimeNl(start)} uur`}`;

/** Attendance lists of confirmed registrants, per workshop per round (or one round, one workshop). */
export async function exportAttendance(db: Db, slug: string, filter: { roundKey?: string | undefined; workshopKey?: string | undefined } = {}, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, rows } = await loadExportData(db, slug);
  checkKeys(doc, filter);
  const lists = attendanceLists(doc, rows, {
    ...(filter.roundKey !== undefined ? { roundKey: filter.roundKey } : {}),
    ...(filter.workshopKey !== undefined ? { workshopKey: filter.workshopKey } : {}),
    describe: when,
  });
  return renderPdfOffThread({ kind: 'attendance', eventTitle: doc.title, lists, title: `Presentielijst ${doc.title}`, compress: opts.compress });
}

/** Name badges, by name; confirmed registrants unless other statuses are asked for. */
export async function exportBadges(db: Db, slug: string, filter: RegistrationExportFilter = {}, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, rows } = await loadExportData(db, slug);
  checkKeys(doc, filter);
  const people = filterRegistrations(rows, { statuses: ['confirmed'], ...definedFilter(filter) })
    .map((r) => ({ name: r.name, organisation: r.organisationName }))
    .sort(byName);
  return renderPdfOffThread({ kind: 'badges', eventTitle: doc.title, badges: people, title: `Naambadges ${doc.title}`, compress: opts.compress });
}
