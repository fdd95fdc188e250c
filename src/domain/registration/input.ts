import { z } from 'zod';
import { hasUnstorableText, normalisePostcode } from '../../kernel/text';

z.config(z.locales.nl());

/*
 * What a registrant submits, the same for the HTML form and the JSON API. The event's
 * own questions, rounds and limits are checked by the service against the event.
 */

const name = (label: string, max = 200) =>
  z
    .string({ error: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} is te lang (hoogstens ${max} tekens).`);

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Hoogstens ${max} tekens.`)
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const organisationKinds = [
  'gemeente',
  'kennisinstituut',
  'woningcorporatie',
  'welzijnsorganisatie',
  'rijksoverheid',
  'provincie',
  'bewonersorganisatie',
  'bewoner',
  'bedrijf',
  'anders',
] as const;

export const BillingSchema = z.strictObject({
  organisationName: name('de naam van de organisatie voor de factuur'),
  street: name('het adres voor de factuur'),
  postcode: z
    .string({ error: 'Vul een postcode in.' })
    .transform((v, ctx) => {
      const p = normalisePostcode(v);
      if (!p) {
        ctx.addIssue({ code: 'custom', message: 'Geef een Nederlandse postcode als 2526 BN.' });
        return z.NEVER;
      }
      return p;
    }),
  city: name('de plaats voor de factuur', 100),
  invoiceEmail: z.email('Geef een geldig e-mailadres voor de factuur.'),
  purchaseOrder: optional(100),
  kvkOrOin: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || /^(\d{8}|\d{20})$/.test(v), 'Een KvK-nummer heeft 8 cijfers, een OIN 20.'),
});

/** The workshop chosen per round, by key: { "ronde-1": "abcd", "ronde-2": "geld" }. */
const Choices = z.record(z.string().max(80), z.string().max(80), {
  error: 'Geef per ronde de sleutel van een deelsessie, zoals {"ronde-1": "abcd"}.',
});

export const RegistrationInputSchema = z.strictObject({
  name: name('uw naam'),
  email: z
    .email({ error: 'Geef een geldig e-mailadres, zoals naam@voorbeeld.nl.' })
    .max(254, 'Dit e-mailadres is te lang.'),
  organisation: optional(200),
  organisationKind: z.enum(organisationKinds, { error: 'Kies het soort organisatie.' }).optional(),
  role: optional(200),
  domain: optional(100),
  /** The workshop chosen per round: { "ronde-1": "abcd", "ronde-2": "geld" }. */
  choices: Choices.default({}),
  /** Answers to the event's own questions, by question key. */
  answers: z.record(z.string().max(80), z.union([z.string().max(5_000), z.array(z.string().max(200)).max(50), z.boolean()])).default({}),
  consents: z
    .strictObject({
      privacy: z.literal(true, { error: 'Ga akkoord met de privacyverklaring om u aan te melden.' }),
      photos: z.boolean().default(false),
      mailingList: z.boolean().default(false),
    }),
  billing: BillingSchema.optional(),
  language: z.enum(['nl', 'en']).default('nl'),
}).superRefine((input, ctx) => {
  // PostgreSQL cannot store a NUL character or half a surrogate pair in text or jsonb: say
  // so here, next to the field, rather than fail at the insert (a 500 for everyone in the batch).
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (hasUnstorableText(value)) ctx.addIssue({ code: 'custom', path, message: 'Deze tekst bevat een teken dat niet kan worden opgeslagen.' });
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        if (hasUnstorableText(k)) ctx.addIssue({ code: 'custom', path, message: 'Deze sleutel bevat een teken dat niet kan worden opgeslagen.' });
        walk(v, [...path, k]);
      }
  };
  walk(input, []);
});

export type RegistrationInput = z.output<typeof RegistrationInputSchema>;

/**
 * Changing workshop choices through the personal link (API `PUT …/choices`): a workshop
 * for every round, the same shape as in a registration. The service checks them against
 * the event and its free seats.
 */
export const ChoiceChangeInputSchema = z.strictObject({ choices: Choices });

/** An organiser refusing a registration: the reason is mailed to the registrant. */
export const RefusalSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(2_000, 'Hoogstens 2.000 tekens.')
    .refine((v) => !hasUnstorableText(v), 'Deze tekst bevat een teken dat niet kan worden opgeslagen.')
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
});
