import { z } from 'zod';
import { hasUnstorableText, normalisePostcode, SLUG_PATTERN } from '../../kernel/text';
import { vatCategories } from '../../kernel/money';

// Zod's own messages (wrong type, too long, …) in Dutch, like ours.
z.config(z.locales.nl());

/*
 * The event document: one JSON document that describes a whole event. It is what
 * `GET /api/v1/events/{slug}` returns and what `POST`/`PUT` accept, the source of the
 * OpenAPI schema, and the shape the demo content is written in. Inside the document,
 * parts refer to each other by `key` (a workshop names the rounds it runs in, a meeting
 * its venue), never by database id, so a document can be copied or kept in version control.
 *
 * Messages are Dutch: they reach organisers through the API and the back office.
 */

const key = z
  .string()
  .min(1)
  .max(80)
  .regex(SLUG_PATTERN, 'Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld "ronde-1".');

/** ISO 8601 instant with an offset or Z: "2021-01-28T14:00:00+01:00", between 1900 and 2200. */
const instant = z.iso
  .datetime({ offset: true, error: 'Geef een datum en tijd als 2021-01-28T14:00:00+01:00.' })
  .refine((s) => {
    const y = new Date(s).getUTCFullYear();
    return y >= 1900 && y <= 2200;
  }, 'Geef een datum tussen 1900 en 2200.');

/** Text PostgreSQL can store: no NUL characters, no half surrogate pairs. */
const storable = (s: string) => !hasUnstorableText(s);
const STORABLE = 'De tekst bevat ongeldige tekens.';
const text = (max: number) => z.string().trim().min(1, 'Dit veld mag niet leeg zijn.').max(max).refine(storable, STORABLE);
const optionalText = (max: number) => z.string().trim().max(max).refine(storable, STORABLE).optional();
/** Markdown source; rendered and sanitised when shown. */
const markdown = (max: number) => z.string().max(max).refine(storable, STORABLE);

const email = z.email('Geef een geldig e-mailadres.');
/** Dutch or international phone number as people write it: "+31 6 0000 0001", "06-00000001". */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{7,19}$/, 'Geef een telefoonnummer als 06-00000001 of +31 6 0000 0001.');
const url = z.url({ protocol: /^https?$/, error: 'Geef een webadres dat begint met https://.' });

/** Read-only database id; returned by GET and ignored when a document is written. */
const id = z.uuid().optional().describe('Alleen-lezen: wordt genegeerd bij opslaan.');

export const SectionSchema = z.strictObject({
  heading: optionalText(200),
  body: markdown(20_000),
});
export type Section = z.infer<typeof SectionSchema>;

export const AudienceSchema = z.strictObject({
  intro: markdown(4_000).optional(),
  groups: z.array(text(500)).max(40).default([]),
});
export type Audience = z.infer<typeof AudienceSchema>;

export const OrganiserRefSchema = z.strictObject({
  slug: key,
  name: text(200),
  website: url.optional(),
  role: z.enum(['organiser', 'co_organiser']).default('co_organiser'),
});

export const VenueSchema = z.strictObject({
  id,
  key,
  name: text(200),
  street: optionalText(200),
  postcode: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const p = normalisePostcode(v);
      if (!p) {
        ctx.addIssue({ code: 'custom', message: 'Geef een Nederlandse postcode als 2526 BN.' });
        return z.NEVER;
      }
      return p;
    }),
  city: text(100),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  directions: markdown(4_000).optional(),
});

export const MeetingSchema = z.strictObject({
  id,
  key,
  title: optionalText(300),
  startsAt: instant,
  endsAt: instant,
  venue: key.optional().describe('Sleutel van een locatie in `venues`.'),
  online: z.boolean().default(false),
  joinUrl: url
    .optional()
    .describe('Link naar stream of vergadering; alleen voor deelnemers, nooit op een openbare pagina.'),
  topics: z.array(text(500)).max(30).default([]),
});

/**
 * A stored file (bestand) the document refers to by id: uploaded first (the editor, or
 * `POST /api/v1/events/{slug}/files`), then named here. Everything but `fileId` is
 * read-only: filled in when the document is read, ignored when it is written.
 */
const readOnly = <T extends z.ZodType>(s: T, what: string) => s.optional().describe(`Alleen-lezen: ${what}; wordt genegeerd bij opslaan.`);
const fileFields = {
  fileId: z.uuid('Geef het id van een geüpload bestand.').describe('Id van een geüpload bestand van een organisator van dit evenement.'),
  url: readOnly(z.string(), 'het openbare adres van het bestand'),
  filename: readOnly(z.string(), 'de bestandsnaam'),
  contentType: readOnly(z.string(), 'het soort bestand, bepaald uit de inhoud'),
  sizeBytes: readOnly(z.int(), 'de grootte in bytes'),
};
export const SpeakerPhotoSchema = z.strictObject({
  ...fileFields,
  width: readOnly(z.int(), 'de breedte in pixels'),
  height: readOnly(z.int(), 'de hoogte in pixels'),
});
export type SpeakerPhoto = z.infer<typeof SpeakerPhotoSchema>;

export const ReportAttachmentSchema = z.strictObject({
  title: text(300).describe('Zoals de link heet, bijvoorbeeld "Presentatie Jan Jansen".'),
  ...fileFields,
});
export type ReportAttachment = z.infer<typeof ReportAttachmentSchema>;

export const SpeakerSchema = z.strictObject({
  id,
  key,
  name: text(200),
  role: optionalText(300),
  organisation: optionalText(200),
  bio: markdown(10_000).optional(),
  photo: SpeakerPhotoSchema.optional().describe('Een foto (JPEG, PNG of WebP, hoogstens 2 MB).'),
});

export const ProgrammeItemSchema = z.strictObject({
  id,
  key,
  kind: z.enum(['item', 'round']).default('item').describe('`round`: een ronde met parallelle deelsessies.'),
  startsAt: instant,
  endsAt: instant.optional(),
  title: text(300),
  subtitle: optionalText(300),
  description: markdown(10_000).optional(),
  speakers: z.array(key).max(30).default([]).describe('Sleutels van sprekers in `speakers`.'),
});

export const WorkshopSchema = z.strictObject({
  id,
  key,
  title: text(300),
  description: markdown(20_000).optional(),
  contributors: z
    .array(z.strictObject({ name: text(200), organisation: optionalText(200) }))
    .max(30)
    .default([]),
  capacity: z.int().min(0, 'De capaciteit kan niet negatief zijn.').max(100_000).optional(),
  rounds: z.array(key).min(1, 'Een deelsessie hoort bij minstens één ronde.').max(20),
  contact: z
    .strictObject({ name: text(200), email: email.optional(), phone: phone.optional() })
    .optional(),
});

export const ContactSchema = z
  .strictObject({
    purpose: z.enum(['content', 'practical', 'general']),
    name: text(200),
    role: optionalText(200),
    email: email.optional(),
    phone: phone.optional(),
  })
  .refine((c) => c.email !== undefined || c.phone !== undefined, {
    message: 'Geef een e-mailadres of een telefoonnummer.',
    path: ['email'],
  });

export const QuestionSchema = z.strictObject({
  key,
  label: text(500),
  type: z.enum(['short_text', 'long_text', 'single_choice', 'multiple_choice', 'yes_no']),
  required: z.boolean().default(false),
  options: z.array(text(200)).max(50).default([]),
  help: optionalText(1000),
});
export type Question = z.infer<typeof QuestionSchema>;

export const OrganisationLimitsSchema = z.strictObject({
  /** Max attendees from one organisation ("max 3 per gemeente"). */
  perOrganisation: z.int().min(1).max(10_000).optional(),
  /** Max distinct organisations ("max 20 gemeenten"). */
  maxOrganisations: z.int().min(1).max(10_000).optional(),
  /** Only organisations of these kinds may register, e.g. ["gemeente"]. */
  organisationKinds: z.array(text(100)).max(20).optional(),
  /** Policy domains to choose from and the spread asked for ("onderwijs", "veiligheid"). */
  domains: z
    .strictObject({
      options: z.array(text(100)).min(1).max(40),
      maxPerDomainPerOrganisation: z.int().min(1).max(1000).optional(),
    })
    .optional(),
});
export type OrganisationLimits = z.infer<typeof OrganisationLimitsSchema>;

export const RegistrationSettingsSchema = z.strictObject({
  mode: z.enum(['form', 'none']).default('form').describe('`none`: geen aanmelding (vrije inloop).'),
  opensAt: instant.optional(),
  closesAt: instant.optional().describe('Deadline voor aanmelden.'),
  capacity: z.int().min(0, 'De capaciteit kan niet negatief zijn.').max(1_000_000).optional(),
  waitlist: z.boolean().default(true),
  approvalRequired: z.boolean().default(false),
  cancellableUntil: instant.optional(),
  offerHours: z
    .int('Geef een heel aantal uren.')
    .min(1, 'Een aanbod geldt minstens 1 uur.')
    .max(336, 'Een aanbod geldt hoogstens 336 uur (twee weken).')
    .optional()
    .describe('Een vrijgekomen plaats wordt zo veel uur aangeboden aan de eerste op de wachtlijst; zonder: die krijgt de plaats meteen.'),
  organisationLimits: OrganisationLimitsSchema.default({}),
  questions: z.array(QuestionSchema).max(50).default([]),
});

export const PriceSchema = z.strictObject({
  amountCents: z.int().min(0, 'Een prijs kan niet negatief zijn.').max(100_000_000).describe('Per persoon, exclusief btw, in centen.'),
  vatCategory: z.enum(vatCategories, {
    error: 'Kies een btw-categorie: standard (21%), reduced (9%) of exempt (vrijgesteld).',
  }),
  includes: optionalText(300).describe('Wat de prijs omvat, bijvoorbeeld "inclusief verblijf".'),
});

export const ReportSchema = z.strictObject({
  title: text(300),
  summary: markdown(2_000).optional(),
  body: markdown(100_000),
  attendance: z.int().min(0).max(1_000_000).optional(),
  attendanceLabel: optionalText(100).describe('Hoe het aantal wordt genoemd, bijvoorbeeld "ruim 70".'),
  publishedAt: instant.optional().describe('Leeg: het verslag is nog niet gepubliceerd.'),
  attachments: z.array(ReportAttachmentSchema).max(30).optional().describe('Bijlagen, zoals presentaties als PDF (hoogstens 20 MB elk).'),
});

export const EventDocumentSchema = z
  .strictObject({
    id,
    slug: z
      .string()
      .min(3, 'Een slug heeft minstens 3 tekens.')
      .max(100)
      .regex(SLUG_PATTERN, 'Gebruik kleine letters, cijfers en streepjes in de slug.'),
    title: text(200),
    subtitle: optionalText(300),
    summary: text(1_000),
    status: z.enum(['draft', 'published', 'cancelled']).default('draft'),
    format: z.enum(['on_site', 'online', 'hybrid']),
    series: optionalText(200),
    organisers: z.array(OrganiserRefSchema).max(10).default([]),
    sections: z.array(SectionSchema).max(50).default([]),
    audience: AudienceSchema.default({ groups: [] }),
    venues: z.array(VenueSchema).max(20).default([]),
    meetings: z.array(MeetingSchema).min(1, 'Een evenement heeft minstens één bijeenkomst.').max(100),
    speakers: z.array(SpeakerSchema).max(200).default([]),
    programme: z.array(ProgrammeItemSchema).max(300).default([]),
    workshops: z.array(WorkshopSchema).max(300).default([]),
    contacts: z.array(ContactSchema).max(20).default([]),
    registration: RegistrationSettingsSchema.default({
      mode: 'form',
      waitlist: true,
      approvalRequired: false,
      organisationLimits: {},
      questions: [],
    }),
    price: PriceSchema.nullable().default(null),
    report: ReportSchema.nullable().default(null),
  })
  .superRefine(checkReferences);

export type EventDocumentInput = z.input<typeof EventDocumentSchema>;
export type EventDocument = z.output<typeof EventDocumentSchema>;

type Doc = z.output<typeof EventDocumentSchema>;
type Ctx = z.RefinementCtx;

/** Cross-field rules: times in order, unique keys, and every key reference resolving. */
function checkReferences(doc: Doc, ctx: Ctx): void {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

  const uniqueKeys = (items: { key: string }[], ...at: string[]) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.key)) problem([...at, i, 'key'], `De sleutel "${item.key}" komt twee keer voor.`);
      seen.add(item.key);
    });
    return seen;
  };
  const venueKeys = uniqueKeys(doc.venues, 'venues');
  uniqueKeys(doc.meetings, 'meetings');
  const speakerKeys = uniqueKeys(doc.speakers, 'speakers');
  uniqueKeys(doc.programme, 'programme');
  uniqueKeys(doc.workshops, 'workshops');
  uniqueKeys(doc.registration.questions, 'registration', 'questions');

  const before = (a: string, b: string) => Date.parse(a) < Date.parse(b);

  doc.meetings.forEach((m, i) => {
    if (!before(m.startsAt, m.endsAt)) problem(['meetings', i, 'endsAt'], 'Het einde moet na het begin liggen.');
    if (m.venue !== undefined && !venueKeys.has(m.venue))
      problem(['meetings', i, 'venue'], `Er is geen locatie met de sleutel "${m.venue}".`);
    if (m.venue === undefined && !m.online)
      problem(['meetings', i, 'venue'], 'Geef een locatie, of maak de bijeenkomst online.');
  });

  const roundKeys = new Set(doc.programme.filter((p) => p.kind === 'round').map((p) => p.key));
  const first = doc.meetings.reduce((min, m) => Math.min(min, Date.parse(m.startsAt)), Infinity);
  const last = doc.meetings.reduce((max, m) => Math.max(max, Date.parse(m.endsAt)), -Infinity);
  doc.programme.forEach((p, i) => {
    if (p.endsAt !== undefined && !before(p.startsAt, p.endsAt))
      problem(['programme', i, 'endsAt'], 'Het einde moet na het begin liggen.');
    const t = Date.parse(p.startsAt);
    if (t < first || t > last)
      problem(['programme', i, 'startsAt'], 'Dit programma-onderdeel valt buiten de bijeenkomsten van het evenement.');
    p.speakers.forEach((s, j) => {
      if (!speakerKeys.has(s)) problem(['programme', i, 'speakers', j], `Er is geen spreker met de sleutel "${s}".`);
    });
  });

  doc.workshops.forEach((w, i) => {
    const seen = new Set<string>();
    w.rounds.forEach((r, j) => {
      if (!roundKeys.has(r)) problem(['workshops', i, 'rounds', j], `Er is geen ronde met de sleutel "${r}".`);
      if (seen.has(r)) problem(['workshops', i, 'rounds', j], `De ronde "${r}" staat twee keer bij deze deelsessie.`);
      seen.add(r);
    });
  });

  const reg = doc.registration;
  if (reg.opensAt && reg.closesAt && !before(reg.opensAt, reg.closesAt))
    problem(['registration', 'closesAt'], 'De deadline moet na de opening van de aanmelding liggen.');
  reg.questions.forEach((q, i) => {
    const needsOptions = q.type === 'single_choice' || q.type === 'multiple_choice';
    if (needsOptions && q.options.length < 2)
      problem(['registration', 'questions', i, 'options'], 'Een keuzevraag heeft minstens twee opties.');
  });

  if (doc.format !== 'on_site' && !doc.meetings.some((m) => m.online))
    problem(['format'], 'Een online of hybride evenement heeft minstens één online bijeenkomst.');

  const organiserSlugs = new Set<string>();
  doc.organisers.forEach((o, i) => {
    if (organiserSlugs.has(o.slug)) problem(['organisers', i, 'slug'], `De organisator "${o.slug}" staat er twee keer.`);
    organiserSlugs.add(o.slug);
  });
}

/** Turn Zod issues into field problems with a dotted path, for 400 answers and forms. */
export function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(document)', message: i.message }));
}
