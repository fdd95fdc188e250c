import { DateTime } from 'luxon';
import type { EventDocument } from '../../domain/events/document';
import { ZONE } from '../../kernel/dates';
import { slugify } from '../../kernel/text';

/*
 * The event editor's forms and the event document, both ways, pure. Every form field is
 * named by its path in the document ("meetings.0.startsAt"), so a problem the schema
 * reports at a path lands next to the field of that name. A part of the editor reads the
 * whole document, changes only its own part from the form, and hands the whole document
 * back to the event service: validation is the schema's, nothing else.
 */

export type Values = Record<string, string>;

export const EDITOR_PARTS = ['algemeen', 'bijeenkomsten', 'programma', 'deelsessies', 'sprekers', 'contact', 'aanmelden', 'prijs', 'verslag'] as const;
export type EditorPart = (typeof EDITOR_PARTS)[number];

export const PART_TITLES: Record<EditorPart, string> = {
  algemeen: 'Algemeen en teksten',
  bijeenkomsten: 'Bijeenkomsten en locaties',
  programma: 'Programma en rondes',
  deelsessies: 'Deelsessies',
  sprekers: 'Sprekers',
  contact: 'Contact en organisatoren',
  aanmelden: 'Aanmelden',
  prijs: 'Prijs',
  verslag: 'Verslag',
};

/** The repeating parts of each page, by the path of their list in the document. */
export const PART_LISTS: Record<EditorPart, string[]> = {
  algemeen: ['sections'],
  bijeenkomsten: ['venues', 'meetings'],
  programma: ['programme'],
  deelsessies: ['workshops'],
  sprekers: ['speakers'],
  contact: ['contacts', 'organisers'],
  aanmelden: ['registration.questions'],
  prijs: [],
  verslag: ['report.attachments'],
};

// ---------------------------------------------------------------------------------------
// Field values

/** Checked checkboxes send "ja". */
export const YES = 'ja';
const bool = (v: string | undefined) => v === YES;
const yes = (b: boolean | undefined) => (b ? YES : '');
const str = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.trim());
const text = (v: string | undefined) => v ?? '';
/** Markdown keeps its whitespace; an empty one is left out. */
const md = (v: string | undefined): string | undefined => (v === undefined || v.trim() === '' ? undefined : v.replace(/\r\n/g, '\n'));
export const lines = (v: string | undefined): string[] =>
  (v ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const joinLines = (xs: readonly string[] | undefined) => (xs ?? []).join('\n');

/** A whole number, or the text as typed so that the schema says what is wrong with it. */
export function int(v: string | undefined): number | string | undefined {
  const t = str(v);
  if (t === undefined) return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** `<input type="datetime-local">` in Amsterdam time → ISO 8601 with the offset; what cannot be read stays as typed. */
export function fromLocal(v: string | undefined): string | undefined {
  const t = str(v);
  if (t === undefined) return undefined;
  const d = DateTime.fromISO(t, { zone: ZONE });
  return d.isValid ? (d.toISO({ suppressMilliseconds: true, includeOffset: true }) ?? t) : t;
}

/** ISO 8601 → the value of a `datetime-local` input, in Amsterdam time. */
export function toLocal(iso: string | undefined | null): string {
  if (!iso) return '';
  const d = DateTime.fromISO(iso, { setZone: true }).setZone(ZONE);
  return d.isValid ? d.toFormat("yyyy-MM-dd'T'HH:mm") : iso;
}

/** Euros as people type them ("1.250,50", "95") → cents; what cannot be read stays as typed. */
export function euroCents(v: string | undefined): number | string | undefined {
  const t = str(v);
  if (t === undefined) return undefined;
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(t.replace(/^€\s*/, ''));
  if (!m) return t;
  return Number(m[1]!.replace(/\./g, '')) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

export function centsToEuro(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? String(euros) : `${euros},${String(rest).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------
// Rows of repeating parts

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row numbers of a list in the form, in order. */
export function rowIndices(values: Values, list: string): number[] {
  const re = new RegExp(`^${escape(list)}\\.(\\d+)\\.`);
  const seen = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = re.exec(k);
    if (m) seen.add(Number(m[1]));
  }
  return [...seen].sort((a, b) => a - b);
}

/** Renumber a list's rows 0, 1, 2, … (after one was removed), leaving other fields alone. */
function renumber(values: Values, list: string): Values {
  const re = new RegExp(`^${escape(list)}\\.(\\d+)\\.(.*)$`);
  const order = rowIndices(values, list);
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    const m = re.exec(k);
    if (m) out[`${list}.${order.indexOf(Number(m[1]))}.${m[2]}`] = v;
    else out[k] = v;
  }
  return out;
}

/** "toevoegen": one empty row at the end of a list (a new part: its key is made on saving). */
export function addRow(values: Values, list: string): Values {
  const rows = rowIndices(values, list);
  const next = rows.length ? rows[rows.length - 1]! + 1 : 0;
  return renumber({ ...values, [`${list}.${next}.key`]: '' }, list);
}

/** "verwijderen": drop one row of a list. */
export function removeRow(values: Values, list: string, index: number): Values {
  const prefix = `${list}.${index}.`;
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) if (!k.startsWith(prefix)) out[k] = v;
  return renumber(out, list);
}

/** The rows of a list as objects of their own fields: `{ key, title, … }`. */
function rowsOf(values: Values, list: string): Values[] {
  return rowIndices(values, list).map((i) => {
    const prefix = `${list}.${i}.`;
    const row: Values = {};
    for (const [k, v] of Object.entries(values)) if (k.startsWith(prefix)) row[k.slice(prefix.length)] = v;
    return row;
  });
}

/**
 * Keys: an existing part keeps its key (registrations and references hang on it); a new
 * one gets a key made from its title, unique in its list, or "<fallback>-<n>".
 */
export function assignKeys(rows: { key?: string | undefined; title?: string | undefined }[], fallback: string): string[] {
  const taken = new Set(rows.map((r) => str(r.key)).filter((k): k is string => k !== undefined));
  return rows.map((r, i) => {
    const kept = str(r.key);
    if (kept) return kept;
    const base = slugify(r.title ?? '') || `${fallback}-${i + 1}`;
    let key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    taken.add(key);
    return key;
  });
}

function flatten(prefix: string, rows: Values[], into: Values): void {
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) into[`${prefix}.${i}.${k}`] = v;
  });
}

// ---------------------------------------------------------------------------------------
// The parts: document → form values, and form values → the whole document again

type Doc = EventDocument;
/** What goes back to the event service: the document with one part replaced. */
export type DocInput = Record<string, unknown>;

export function toValues(part: EditorPart, doc: Doc): Values {
  const v: Values = {};
  switch (part) {
    case 'algemeen':
      Object.assign(v, {
        title: doc.title,
        subtitle: text(doc.subtitle),
        summary: doc.summary,
        format: doc.format,
        series: text(doc.series),
        'audience.intro': text(doc.audience.intro),
        'audience.groups': joinLines(doc.audience.groups),
      });
      flatten('sections', doc.sections.map((s, i) => ({ key: String(i), heading: text(s.heading), body: s.body })), v);
      break;
    case 'bijeenkomsten':
      flatten(
        'venues',
        doc.venues.map((x) => ({ key: x.key, name: x.name, street: text(x.street), postcode: text(x.postcode), city: x.city, directions: text(x.directions) })),
        v,
      );
      flatten(
        'meetings',
        doc.meetings.map((m) => ({
          key: m.key,
          title: text(m.title),
          startsAt: toLocal(m.startsAt),
          endsAt: toLocal(m.endsAt),
          venue: text(m.venue),
          online: yes(m.online),
          joinUrl: text(m.joinUrl),
          topics: joinLines(m.topics),
        })),
        v,
      );
      break;
    case 'programma':
      flatten(
        'programme',
        doc.programme.map((p) => ({
          key: p.key,
          kind: p.kind,
          startsAt: toLocal(p.startsAt),
          endsAt: toLocal(p.endsAt),
          title: p.title,
          subtitle: text(p.subtitle),
          description: text(p.description),
          speakers: joinLines(p.speakers),
        })),
        v,
      );
      break;
    case 'deelsessies':
      flatten(
        'workshops',
        doc.workshops.map((w) => ({
          key: w.key,
          title: w.title,
          description: text(w.description),
          capacity: w.capacity === undefined ? '' : String(w.capacity),
          rounds: joinLines(w.rounds),
          contributors: joinLines(w.contributors.map((c) => (c.organisation ? `${c.name}, ${c.organisation}` : c.name))),
          'contact.name': text(w.contact?.name),
          'contact.email': text(w.contact?.email),
          'contact.phone': text(w.contact?.phone),
        })),
        v,
      );
      break;
    case 'sprekers':
      flatten(
        'speakers',
        doc.speakers.map((s) => ({ key: s.key, name: s.name, role: text(s.role), organisation: text(s.organisation), bio: text(s.bio), photo: text(s.photo?.fileId) })),
        v,
      );
      break;
    case 'contact':
      flatten(
        'contacts',
        doc.contacts.map((c, i) => ({ key: String(i), purpose: c.purpose, name: c.name, role: text(c.role), email: text(c.email), phone: text(c.phone) })),
        v,
      );
      flatten(
        'organisers',
        doc.organisers.map((o) => ({ key: o.slug, name: o.name, website: text(o.website), role: o.role })),
        v,
      );
      break;
    case 'aanmelden': {
      const r = doc.registration;
      const l = r.organisationLimits;
      Object.assign(v, {
        'registration.mode': r.mode,
        'registration.opensAt': toLocal(r.opensAt),
        'registration.closesAt': toLocal(r.closesAt),
        'registration.cancellableUntil': toLocal(r.cancellableUntil),
        'registration.capacity': r.capacity === undefined ? '' : String(r.capacity),
        'registration.waitlist': yes(r.waitlist),
        'registration.approvalRequired': yes(r.approvalRequired),
        'registration.offerHours': r.offerHours === undefined ? '' : String(r.offerHours),
        'registration.organisationLimits.perOrganisation': l.perOrganisation === undefined ? '' : String(l.perOrganisation),
        'registration.organisationLimits.maxOrganisations': l.maxOrganisations === undefined ? '' : String(l.maxOrganisations),
        'registration.organisationLimits.organisationKinds': joinLines(l.organisationKinds),
        'registration.organisationLimits.domains.options': joinLines(l.domains?.options),
        'registration.organisationLimits.domains.maxPerDomainPerOrganisation':
          l.domains?.maxPerDomainPerOrganisation === undefined ? '' : String(l.domains.maxPerDomainPerOrganisation),
      });
      flatten(
        'registration.questions',
        r.questions.map((q) => ({ key: q.key, label: q.label, type: q.type, required: yes(q.required), options: joinLines(q.options), help: text(q.help) })),
        v,
      );
      break;
    }
    case 'prijs':
      Object.assign(v, {
        'price.amountCents': doc.price ? centsToEuro(doc.price.amountCents) : '',
        'price.vatCategory': doc.price?.vatCategory ?? 'standard',
        'price.includes': text(doc.price?.includes),
      });
      break;
    case 'verslag':
      Object.assign(v, {
        'report.title': text(doc.report?.title),
        'report.summary': text(doc.report?.summary),
        'report.body': text(doc.report?.body),
        'report.attendance': doc.report?.attendance === undefined ? '' : String(doc.report.attendance),
        'report.attendanceLabel': text(doc.report?.attendanceLabel),
        'report.published': yes(doc.report?.publishedAt !== undefined),
      });
      // The file itself is uploaded in the form (editor-files.tsx); its id is kept here.
      flatten('report.attachments', (doc.report?.attachments ?? []).map((a) => ({ key: a.fileId, title: a.title, fileId: a.fileId })), v);
      break;
  }
  return v;
}

/** The document with this part taken from the form; everything else as it was. */
export function applyValues(part: EditorPart, doc: Doc, v: Values, now: Date = new Date()): DocInput {
  const out: DocInput = { ...doc };
  switch (part) {
    case 'algemeen':
      out.title = text(v.title);
      out.subtitle = str(v.subtitle);
      out.summary = text(v.summary);
      out.format = v.format;
      out.series = str(v.series);
      out.audience = { intro: md(v['audience.intro']), groups: lines(v['audience.groups']) };
      out.sections = rowsOf(v, 'sections').map((s) => ({ heading: str(s.heading), body: text(s.body).replace(/\r\n/g, '\n') }));
      break;
    case 'bijeenkomsten': {
      const venues = rowsOf(v, 'venues');
      const venueKeys = assignKeys(venues.map((x) => ({ key: x.key, title: x.name })), 'locatie');
      out.venues = venues.map((x, i) => {
        const old = doc.venues.find((o) => o.key === x.key);
        return {
          key: venueKeys[i],
          name: text(x.name),
          street: str(x.street),
          postcode: str(x.postcode),
          city: text(x.city),
          directions: md(x.directions),
          // Not in the form: kept as they were.
          latitude: old?.latitude,
          longitude: old?.longitude,
        };
      });
      const meetings = rowsOf(v, 'meetings');
      const meetingKeys = assignKeys(
        meetings.map((m, i) => ({ key: m.key, title: m.title || `bijeenkomst-${i + 1}` })),
        'bijeenkomst',
      );
      out.meetings = meetings.map((m, i) => ({
        key: meetingKeys[i],
        title: str(m.title),
        startsAt: fromLocal(m.startsAt) ?? '',
        endsAt: fromLocal(m.endsAt) ?? '',
        // A venue added in the same form is chosen by its row ("rij:1") until it has a key.
        venue: /^rij:\d+$/.test(m.venue ?? '') ? venueKeys[Number(m.venue!.slice(4))] : str(m.venue),
        online: bool(m.online),
        joinUrl: str(m.joinUrl),
        topics: lines(m.topics),
      }));
      break;
    }
    case 'programma': {
      const items = rowsOf(v, 'programme');
      const keys = assignKeys(items.map((p) => ({ key: p.key, title: p.title })), 'onderdeel');
      out.programme = items.map((p, i) => ({
        key: keys[i],
        kind: p.kind === 'round' ? 'round' : 'item',
        startsAt: fromLocal(p.startsAt) ?? '',
        endsAt: fromLocal(p.endsAt),
        title: text(p.title),
        subtitle: str(p.subtitle),
        description: md(p.description),
        speakers: lines(p.speakers),
      }));
      break;
    }
    case 'deelsessies': {
      const items = rowsOf(v, 'workshops');
      const keys = assignKeys(items.map((w) => ({ key: w.key, title: w.title })), 'deelsessie');
      out.workshops = items.map((w, i) => {
        const contact =
          str(w['contact.name']) || str(w['contact.email']) || str(w['contact.phone'])
            ? { name: text(w['contact.name']), email: str(w['contact.email']), phone: str(w['contact.phone']) }
            : undefined;
        return {
          key: keys[i],
          title: text(w.title),
          description: md(w.description),
          capacity: int(w.capacity),
          rounds: lines(w.rounds),
          contributors: lines(w.contributors).map((l) => {
            const [name, ...org] = l.split(',');
            return { name: name!.trim(), organisation: str(org.join(',')) };
          }),
          contact,
        };
      });
      break;
    }
    case 'sprekers': {
      const items = rowsOf(v, 'speakers');
      const keys = assignKeys(items.map((s) => ({ key: s.key, title: s.name })), 'spreker');
      out.speakers = items.map((s, i) => ({
        key: keys[i],
        name: text(s.name),
        role: str(s.role),
        organisation: str(s.organisation),
        bio: md(s.bio),
        // A photo refers to an uploaded file by its id (editor-files.tsx puts a new upload's id here).
        photo: str(s.photo) ? { fileId: str(s.photo) } : undefined,
      }));
      break;
    }
    case 'contact': {
      out.contacts = rowsOf(v, 'contacts').map((c) => ({
        purpose: c.purpose,
        name: text(c.name),
        role: str(c.role),
        email: str(c.email),
        phone: str(c.phone),
      }));
      const orgs = rowsOf(v, 'organisers');
      const slugs = assignKeys(orgs.map((o) => ({ key: o.key, title: o.name })), 'organisator');
      out.organisers = orgs.map((o, i) => ({
        slug: slugs[i],
        name: text(o.name),
        website: str(o.website),
        role: o.role === 'organiser' ? 'organiser' : 'co_organiser',
      }));
      break;
    }
    case 'aanmelden': {
      const p = 'registration.';
      const options = lines(v[`${p}organisationLimits.domains.options`]);
      const perDomain = int(v[`${p}organisationLimits.domains.maxPerDomainPerOrganisation`]);
      const kinds = lines(v[`${p}organisationLimits.organisationKinds`]);
      const questions = rowsOf(v, 'registration.questions');
      const keys = assignKeys(questions.map((q) => ({ key: q.key, title: q.label })), 'vraag');
      out.registration = {
        mode: v[`${p}mode`] === 'none' ? 'none' : 'form',
        opensAt: fromLocal(v[`${p}opensAt`]),
        closesAt: fromLocal(v[`${p}closesAt`]),
        cancellableUntil: fromLocal(v[`${p}cancellableUntil`]),
        capacity: int(v[`${p}capacity`]),
        waitlist: bool(v[`${p}waitlist`]),
        approvalRequired: bool(v[`${p}approvalRequired`]),
        offerHours: int(v[`${p}offerHours`]),
        organisationLimits: {
          perOrganisation: int(v[`${p}organisationLimits.perOrganisation`]),
          maxOrganisations: int(v[`${p}organisationLimits.maxOrganisations`]),
          organisationKinds: kinds.length ? kinds : undefined,
          domains: options.length || perDomain !== undefined ? { options, maxPerDomainPerOrganisation: perDomain } : undefined,
        },
        questions: questions.map((q, i) => ({
          key: keys[i],
          label: text(q.label),
          type: q.type,
          required: bool(q.required),
          options: lines(q.options),
          help: str(q.help),
        })),
      };
      break;
    }
    case 'prijs': {
      const amount = euroCents(v['price.amountCents']);
      out.price = amount === undefined ? null : { amountCents: amount, vatCategory: v['price.vatCategory'], includes: str(v['price.includes']) };
      break;
    }
    case 'verslag': {
      const attachments = rowsOf(v, 'report.attachments').map((a) => ({ title: text(a.title), fileId: text(a.fileId) }));
      const empty = !str(v['report.title']) && !str(v['report.body']) && !str(v['report.summary']) && attachments.length === 0;
      out.report = empty
        ? null
        : {
            title: text(v['report.title']),
            summary: md(v['report.summary']),
            body: text(v['report.body']).replace(/\r\n/g, '\n'),
            attendance: int(v['report.attendance']),
            attendanceLabel: str(v['report.attendanceLabel']),
            // Published keeps its first moment; unticked takes it off the site.
            publishedAt: bool(v['report.published']) ? (doc.report?.publishedAt ?? DateTime.fromJSDate(now, { zone: ZONE }).toISO({ suppressMilliseconds: true })!) : undefined,
            attachments: attachments.length || doc.report?.attachments ? attachments : undefined,
          };
      break;
    }
  }
  return out;
}

/**
 * Where a problem at a document path is shown: the field of that name on the page, or the
 * nearest enclosing one ("meetings.0.topics.2" → "meetings.0.topics"); null when the page
 * has no such field (a rule about another part), which is then shown in the summary only.
 */
export function fieldOf(path: string, fields: ReadonlySet<string>): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (fields.has(candidate)) return candidate;
  }
  return null;
}

/** The schema speaks to the API (ISO times, types); next to a form field it says what to type. */
export function formMessage(field: string, message: string, values: Values): string {
  if (message.startsWith('Geef een datum en tijd als'))
    return (values[field] ?? '').trim() === '' ? 'Vul een datum en tijd in.' : 'Geef een datum en tijd, bijvoorbeeld 28-01-2030 14:00.';
  if (/verwacht (getal|number)/.test(message))
    return field === 'price.amountCents' ? 'Geef een bedrag in euro, bijvoorbeeld 95 of 1.250,50.' : 'Geef een heel getal, bijvoorbeeld 25.';
  return message;
}

/** A copy of an event as the start of a new one: a draft, without its report and its ids. */
export function duplicateOf(doc: Doc, slug: string): DocInput {
  const strip = <T extends { id?: string | undefined }>(xs: T[]) => xs.map(({ id: _id, ...rest }) => rest);
  const { id: _id, ...rest } = doc;
  return {
    ...rest,
    slug,
    title: `${doc.title} (kopie)`.slice(0, 200),
    status: 'draft',
    report: null,
    venues: strip(doc.venues),
    meetings: strip(doc.meetings),
    speakers: strip(doc.speakers),
    programme: strip(doc.programme),
    workshops: strip(doc.workshops),
  };
}

/** A free slug for a copy: "<slug>-kopie", then "-kopie-2", … */
export function copySlug(slug: string, taken: (s: string) => boolean): string {
  const base = `${slug.slice(0, 90)}-kopie`;
  let s = base;
  for (let n = 2; taken(s); n++) s = `${base}-${n}`;
  return s;
}

/** The start of a new event from the short "Nieuw evenement" form: a draft with one meeting. */
export function newEventInput(v: Values, organiser: { slug: string; name: string }): DocInput {
  const venueName = str(v['venues.0.name']);
  const venueKey = venueName ? slugify(venueName) || 'locatie' : undefined;
  return {
    slug: str(v.slug) ?? slugify(v.title ?? ''),
    title: text(v.title),
    summary: text(v.summary),
    status: 'draft',
    format: v.format,
    organisers: [{ slug: organiser.slug, name: organiser.name, role: 'organiser' }],
    venues: venueName || str(v['venues.0.city']) ? [{ key: venueKey ?? 'locatie', name: venueName ?? '', city: text(v['venues.0.city']) }] : [],
    meetings: [
      {
        key: 'bijeenkomst-1',
        startsAt: fromLocal(v['meetings.0.startsAt']) ?? '',
        endsAt: fromLocal(v['meetings.0.endsAt']) ?? '',
        venue: venueName || str(v['venues.0.city']) ? (venueKey ?? 'locatie') : undefined,
        online: bool(v['meetings.0.online']),
      },
    ],
  };
}
