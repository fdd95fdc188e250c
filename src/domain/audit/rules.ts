import type { EventDocument } from '../events/document';

/*
 * The audit log's pure part: which areas an action belongs to (the log page's filter),
 * which parts of an event an edit changed (the summary of a replace), and the Dutch
 * sentences. No I/O.
 */

/** The log page's filter: the part of the back office an entry is about. */
export const AUDIT_AREAS = ['evenement', 'aanmeldingen', 'inchecken', 'post'] as const;
export type AuditArea = (typeof AUDIT_AREAS)[number];

export const AREA_LABELS: Record<AuditArea, string> = {
  evenement: 'Evenement',
  aanmeldingen: 'Aanmeldingen',
  inchecken: 'Inchecken',
  post: 'Post',
};

/**
 * Action codes start with their area's prefix (`event.published`, `registration.refused`,
 * `checkin.undone`, `message.sent` …). Files belong to the event's content.
 */
export const AREA_PREFIXES: Record<AuditArea, readonly string[]> = {
  evenement: ['event.', 'file.'],
  aanmeldingen: ['registration.'],
  inchecken: ['checkin.'],
  post: ['message.', 'mail.'],
};

export function areaOf(action: string): AuditArea | null {
  for (const area of AUDIT_AREAS) if (AREA_PREFIXES[area].some((p) => action.startsWith(p))) return area;
  return null;
}

export function parseArea(raw: string | undefined): AuditArea | null {
  return (AUDIT_AREAS as readonly string[]).includes(raw ?? '') ? (raw as AuditArea) : null;
}

/** Entries on one page of the log. */
export const AUDIT_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------
// What an edit of an event changed

/** The parts of an event document, as the editor has a page for each (in its order). */
export const EVENT_PARTS = ['general', 'meetings', 'programme', 'workshops', 'speakers', 'contacts', 'registration', 'price', 'report'] as const;
export type EventPart = (typeof EVENT_PARTS)[number];

/** As the editor names them; the log says "Programma en Bijeenkomsten gewijzigd". */
export const PART_LABELS: Record<EventPart, string> = {
  general: 'Algemeen',
  meetings: 'Bijeenkomsten',
  programme: 'Programma',
  workshops: 'Deelsessies',
  speakers: 'Sprekers',
  contacts: 'Contact',
  registration: 'Aanmelden',
  price: 'Prijs',
  report: 'Verslag',
};

/** Which fields of the document make up each part (status is told apart: publishing, cancelling). */
const PART_FIELDS: Record<EventPart, readonly (keyof EventDocument)[]> = {
  general: ['title', 'subtitle', 'summary', 'format', 'series', 'sections', 'audience'],
  meetings: ['meetings', 'venues'],
  programme: ['programme'],
  workshops: ['workshops'],
  speakers: ['speakers'],
  contacts: ['contacts', 'organisers'],
  registration: ['registration'],
  price: ['price'],
  report: ['report'],
};

/** Ids are the database's; they say nothing about what the organiser changed. */
function withoutIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutIds);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) if (k !== 'id' && (v as Record<string, unknown>)[k] !== undefined) out[k] = withoutIds((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
const same = (a: unknown, b: unknown) => JSON.stringify(withoutIds(a ?? null)) === JSON.stringify(withoutIds(b ?? null));

export interface EventEdit {
  /** Parts whose content changed, in the editor's order. */
  parts: EventPart[];
  /** Top-level fields that changed (`registration.capacity` one level deeper for the settings objects). */
  fields: string[];
  status: { from: EventDocument['status']; to: EventDocument['status'] } | null;
  /** The report: written (there was none), published (a publication date set), withdrawn (date removed). */
  report: 'written' | 'published' | 'withdrawn' | null;
}

/** What changed from `before` to `after`, both as read back from the database. */
export function eventEdit(before: EventDocument, after: EventDocument): EventEdit {
  const parts = EVENT_PARTS.filter((p) => PART_FIELDS[p].some((f) => !same(before[f], after[f])));
  const fields: string[] = [];
  for (const p of EVENT_PARTS)
    for (const f of PART_FIELDS[p]) {
      if (same(before[f], after[f])) continue;
      const a = before[f],
        b = after[f];
      // One level deeper for the settings objects, so the log says which setting.
      if ((f === 'registration' || f === 'price') && a && b && typeof a === 'object' && typeof b === 'object') {
        const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
        for (const k of keys) if (!same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) fields.push(`${f}.${k}`);
      } else fields.push(f);
    }
  const status = before.status !== after.status ? { from: before.status, to: after.status } : null;
  let report: EventEdit['report'] = null;
  if (!before.report && after.report) report = after.report.publishedAt ? 'published' : 'written';
  else if (before.report && after.report && !before.report.publishedAt && after.report.publishedAt) report = 'published';
  else if (before.report?.publishedAt && (!after.report || !after.report.publishedAt)) report = 'withdrawn';
  return { parts, fields, status, report };
}

/** "A", "A en B", "A, B en C". */
export function listNl(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export interface EditEntry {
  action: string;
  summary: string;
}

const STATUS_ENTRY: Record<string, EditEntry> = {
  published: { action: 'event.published', summary: 'Evenement gepubliceerd' },
  draft: { action: 'event.unpublished', summary: 'Evenement teruggezet naar concept' },
  cancelled: { action: 'event.cancelled', summary: 'Evenement geannuleerd' },
};
/** Published again after a cancellation: not a first publication. */
const REINSTATED: EditEntry = { action: 'event.reinstated', summary: 'Annulering teruggedraaid: het evenement gaat toch door' };

/**
 * The one entry an edit writes, or null when nothing changed (a save of an unchanged
 * form is no change to log). A change of status or of the report's publication is named
 * first; other parts that changed with it follow.
 */
export function editEntry(edit: EventEdit): EditEntry | null {
  const changed = (parts: EventPart[]) => listNl(parts.map((p) => PART_LABELS[p]));
  if (edit.status) {
    const head = edit.status.from === 'cancelled' && edit.status.to === 'published' ? REINSTATED : STATUS_ENTRY[edit.status.to]!;
    return edit.parts.length ? { action: head.action, summary: `${head.summary}; ook ${changed(edit.parts)} gewijzigd` } : head;
  }
  if (edit.report) {
    const head =
      edit.report === 'written'
        ? { action: 'event.report_written', summary: 'Verslag geschreven' }
        : edit.report === 'published'
          ? { action: 'event.report_published', summary: 'Verslag gepubliceerd' }
          : { action: 'event.report_withdrawn', summary: 'Publicatie van het verslag teruggedraaid' };
    const others = edit.parts.filter((p) => p !== 'report');
    return others.length ? { action: head.action, summary: `${head.summary}; ook ${changed(others)} gewijzigd` } : head;
  }
  if (edit.parts.length === 0) return null;
  return { action: 'event.changed', summary: `${changed(edit.parts)} gewijzigd` };
}
