import type { Child, FC } from 'hono/jsx';
import type { EventView } from '../../domain/events/service';
import { organisationKinds } from '../../domain/registration/input';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';
import { FormField, idOf, type FieldErrors } from '../components/form-field';
import { Layout } from '../components/layout';
import { PriceText, registrationStateText, scheduleText } from './event-page';

/*
 * The registration form: works without JavaScript and on a phone, Utrecht form-field
 * markup, every problem next to its field and in a summary at the top that links to it.
 */

export type FormValues = Record<string, string | string[]>;
export type { FieldErrors };

const kindLabel: Record<(typeof organisationKinds)[number], string> = {
  gemeente: 'Gemeente',
  kennisinstituut: 'Kennisinstituut of hogeschool',
  woningcorporatie: 'Woningcorporatie',
  welzijnsorganisatie: 'Welzijns- of zorgorganisatie',
  rijksoverheid: 'Rijksoverheid',
  provincie: 'Provincie',
  bewonersorganisatie: 'Bewonersorganisatie',
  bewoner: 'Bewoner',
  bedrijf: 'Bedrijf of adviesbureau',
  anders: 'Anders',
};

/** Field names in the form, from problem paths of the domain ("choices.ronde-1" → "keuze.ronde-1"). */
export function fieldOf(path: string): string {
  if (path.startsWith('choices.')) return `keuze.${path.slice('choices.'.length)}`;
  if (path.startsWith('answers.')) return `antwoord.${path.slice('answers.'.length)}`;
  if (path.startsWith('consents.')) return `toestemming.${path.slice('consents.'.length)}`;
  return path;
}

export { idOf };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/** The public form's field: the shared Utrecht form field. */
const Field = FormField;

const TextInput: FC<{ field: string; label: string; values: FormValues; errors: FieldErrors; type?: string; autocomplete?: string; required?: boolean; description?: string; inputmode?: "numeric" | "email" | "text" }> = (p) => (
  <Field field={p.field} label={`${p.label}${p.required ? '' : ' (niet verplicht)'}`} errors={p.errors} description={p.description}>
    {(attrs) => (
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${p.errors[p.field] ? ' utrecht-textbox--invalid' : ''}`}
        type={p.type ?? 'text'}
        value={one(p.values[p.field])}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        aria-required={p.required ? 'true' : undefined}
        {...attrs}
      />
    )}
  </Field>
);

export const Fieldset: FC<{ field: string; legend: string; errors: FieldErrors; description?: string; children: Child }> = ({ field, legend, errors, description, children }) => {
  const id = idOf(field);
  const error = errors[field];
  return (
    <fieldset
      class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={id}
      aria-describedby={[description ? `${id}-uitleg` : '', error ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description ? (
        <p class="utrecht-form-field__description" id={`${id}-uitleg`}>
          {description}
        </p>
      ) : null}
      {error ? (
        <p class="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
};

export const Choice: FC<{ type: 'radio' | 'checkbox'; name: string; value: string; checked: boolean; label: Child; id: string; disabled?: boolean }> = (p) => (
  <div class={`utrecht-form-field utrecht-form-field--${p.type === 'radio' ? 'radio' : 'checkbox'}`}>
    <div class="utrecht-form-field__input">
      <input
        class={p.type === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom'}
        type={p.type}
        name={p.name}
        value={p.value}
        id={p.id}
        checked={p.checked}
        disabled={p.disabled}
      />
    </div>
    <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
      <label class="utrecht-form-label utrecht-form-label--checkbox" for={p.id}>
        {p.label}
      </label>
    </div>
  </div>
);

/** The summary of problems above a form, each linking to its field (the same on every form). */
export const ErrorSummary: FC<{ errors: FieldErrors }> = ({ errors }) => {
  const errorList = Object.entries(errors);
  if (!errorList.length) return null;
  return (
    <section class="utrecht-alert utrecht-alert--error bijeen-state" aria-labelledby="fouten-kop" tabindex={-1} id="fouten">
      <h2 class="utrecht-heading-2" id="fouten-kop">
        Er {errorList.length === 1 ? 'is 1 punt' : `zijn ${errorList.length} punten`} om te verbeteren
      </h2>
      <ul class="utrecht-unordered-list">
        {errorList.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${idOf(field)}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

export const has = (values: FormValues, field: string, value: string) => {
  const v = values[field];
  return Array.isArray(v) ? v.includes(value) : v === value;
};

export interface RegisterPageProps {
  view: EventView;
  values: FormValues;
  errors: FieldErrors;
  csrf: string;
  idempotencyKey: string;
  /** A message above the form: closed, full, duplicate, too many attempts. */
  notice?: { title: string; text: string; type: 'error' | 'warning' | 'info'; resendTo?: string } | undefined;
}

export const RegisterPage: FC<RegisterPageProps> = ({ view, values, errors, csrf, idempotencyKey, notice }) => {
  const doc = view.doc;
  const when = scheduleText(doc.meetings.map((m) => ({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), title: m.title })));
  const rounds = doc.programme.filter((p) => p.kind === 'round');
  const limits = doc.registration.organisationLimits;
  const state = view.registration;
  const open = state.kind === 'open' || (state.kind === 'full' && state.waitlistOpen);
  return (
    <Layout title={`Aanmelden: ${doc.title}`}>
      <nav aria-label="Kruimelpad" class="bijeen-breadcrumb">
        <a class="utrecht-link" href={`/evenementen/${doc.slug}`}>
          {doc.title}
        </a>
      </nav>
      <h1 class="utrecht-heading-1">Aanmelden</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        {doc.title}, {when.date}
        {when.time ? `, ${when.time}` : ''}
      </p>
      <ErrorSummary errors={errors} />
      {notice ? (
        <section class={`utrecht-alert utrecht-alert--${notice.type} bijeen-state`} aria-labelledby="melding-kop" id="melding" tabindex={-1}>
          <h2 class="utrecht-heading-2" id="melding-kop">
            {notice.title}
          </h2>
          <p class="utrecht-paragraph">{notice.text}</p>
          {notice.resendTo ? (
            <form method="post" action={`/evenementen/${doc.slug}/link-opnieuw`}>
              <input type="hidden" name="_csrf" value={csrf} />
              <input type="hidden" name="email" value={notice.resendTo} />
              <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                Stuur mijn persoonlijke link opnieuw
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      {!open ? (
        <section class="utrecht-alert utrecht-alert--info bijeen-state" aria-labelledby="gesloten-kop">
          <h2 class="utrecht-heading-2" id="gesloten-kop">
            {registrationStateText(state).title}
          </h2>
          <p class="utrecht-paragraph">{registrationStateText(state).text}</p>
        </section>
      ) : (
        <form method="post" action={`/evenementen/${doc.slug}/aanmelden`} novalidate class="utrecht-form bijeen-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="_idem" value={idempotencyKey} />
          {state.kind === 'full' ? (
            <p class="utrecht-paragraph">
              <strong>Dit evenement is vol.</strong> U meldt zich aan voor de wachtlijst; komt er een plaats vrij, dan hoort u het.
            </p>
          ) : null}
          <h2 class="utrecht-heading-2">Uw gegevens</h2>
          <TextInput field="name" label="Naam" values={values} errors={errors} autocomplete="name" required />
          <TextInput field="email" label="E-mailadres" type="email" values={values} errors={errors} autocomplete="email" required description="Hierheen sturen wij de bevestiging met uw persoonlijke link." />
          <TextInput
            field="organisation"
            label="Organisatie"
            values={values}
            errors={errors}
            autocomplete="organization"
            required={limits.perOrganisation !== undefined || limits.maxOrganisations !== undefined}
            description={
              limits.perOrganisation
                ? `Per organisatie kunnen ten hoogste ${limits.perOrganisation} mensen deelnemen${limits.maxOrganisations ? `, van ten hoogste ${limits.maxOrganisations} organisaties` : ''}. Schrijf de naam zoals uw organisatie zich noemt, bijvoorbeeld "Gemeente Utrecht".`
                : undefined
            }
          />
          <Field field="organisationKind" label={`Soort organisatie${limits.organisationKinds?.length ? '' : ' (niet verplicht)'}`} errors={errors}>
            {(attrs) => (
              <select class="utrecht-select utrecht-select--html-select" {...attrs}>
                <option value="">Kies…</option>
                {organisationKinds.map((k) => (
                  <option value={k} selected={one(values.organisationKind) === k}>
                    {kindLabel[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextInput field="role" label="Functie" values={values} errors={errors} autocomplete="organization-title" />
          {limits.domains ? (
            <Field field="domain" label="Beleidsdomein" errors={errors} description="Wij letten op een spreiding over beleidsdomeinen.">
              {(attrs) => (
                <select class="utrecht-select utrecht-select--html-select" {...attrs}>
                  <option value="">Kies…</option>
                  {limits.domains!.options.map((d) => (
                    <option value={d} selected={one(values.domain) === d}>
                      {d}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}

          {rounds.length ? <h2 class="utrecht-heading-2">Deelsessies</h2> : null}
          {rounds.map((r, i) => {
            const field = `keuze.${r.key}`;
            const options = doc.workshops.filter((w) => w.rounds.includes(r.key));
            return (
              <Fieldset
                field={field}
                legend={`Ronde ${i + 1}, ${formatTimeNl(new Date(r.startsAt))} uur: kies één deelsessie`}
                errors={errors}
                description={rounds.length > 1 ? 'U kunt een deelsessie maar één keer volgen.' : undefined}
              >
                {options.map((w) => {
                  const seats = view.seats.find((s) => s.workshopKey === w.key && s.roundKey === r.key);
                  return (
                    <Choice
                      type="radio"
                      name={field}
                      value={w.key}
                      id={`${idOf(field)}-${w.key}`}
                      checked={has(values, field, w.key)}
                      label={
                        <>
                          {w.title}
                          {seats?.full ? (
                            <>
                              {' '}
                              <span class="utrecht-status-badge utrecht-status-badge--danger">VOL</span> u komt op de wachtlijst van deze deelsessie
                            </>
                          ) : seats?.placesLeft != null && seats.placesLeft <= 10 ? (
                            ` (nog ${seats.placesLeft} ${seats.placesLeft === 1 ? 'plaats' : 'plaatsen'})`
                          ) : (
                            ''
                          )}
                        </>
                      }
                    />
                  );
                })}
              </Fieldset>
            );
          })}

          {doc.registration.questions.length ? <h2 class="utrecht-heading-2">Vragen van de organisatie</h2> : null}
          {doc.registration.questions.map((q) => {
            const field = `antwoord.${q.key}`;
            const label = `${q.label}${q.required || q.type === 'yes_no' ? '' : ' (niet verplicht)'}`;
            if (q.type === 'short_text') return <TextInput field={field} label={label} values={values} errors={errors} required={q.required} description={q.help} />;
            if (q.type === 'long_text')
              return (
                <Field field={field} label={label} errors={errors} description={q.help}>
                  {(attrs) => (
                    <textarea class="utrecht-textarea utrecht-textarea--html-textarea" rows={5} aria-required={q.required ? 'true' : undefined} {...attrs}>
                      {one(values[field])}
                    </textarea>
                  )}
                </Field>
              );
            if (q.type === 'yes_no')
              return (
                <Fieldset field={field} legend={label} errors={errors}>
                  <Choice type="radio" name={field} value="ja" id={`${idOf(field)}-ja`} checked={has(values, field, 'ja')} label="Ja" />
                  <Choice type="radio" name={field} value="nee" id={`${idOf(field)}-nee`} checked={has(values, field, 'nee')} label="Nee" />
                </Fieldset>
              );
            return (
              <Fieldset field={field} legend={label} errors={errors} description={q.help}>
                {q.options.map((o, j) => (
                  <Choice type={q.type === 'single_choice' ? 'radio' : 'checkbox'} name={field} value={o} id={`${idOf(field)}-${j}`} checked={has(values, field, o)} label={o} />
                ))}
              </Fieldset>
            );
          })}

          {doc.price && doc.price.amountCents > 0 ? (
            <>
              <h2 class="utrecht-heading-2">Factuurgegevens</h2>
              <p class="utrecht-paragraph">
                Prijs: <PriceText price={doc.price} />. U ontvangt een factuur.
              </p>
              <TextInput field="billing.organisationName" label="Organisatie op de factuur" values={values} errors={errors} autocomplete="organization" required />
              <TextInput field="billing.street" label="Adres" values={values} errors={errors} autocomplete="street-address" required />
              <TextInput field="billing.postcode" label="Postcode" values={values} errors={errors} autocomplete="postal-code" required description="Bijvoorbeeld 2526 BN." />
              <TextInput field="billing.city" label="Plaats" values={values} errors={errors} autocomplete="address-level2" required />
              <TextInput field="billing.invoiceEmail" label="E-mailadres voor de factuur" type="email" values={values} errors={errors} required />
              <TextInput field="billing.purchaseOrder" label="Inkoopnummer" values={values} errors={errors} description="Als uw organisatie een inkoopnummer op de factuur wil." />
              <TextInput field="billing.kvkOrOin" label="KvK-nummer of OIN" values={values} errors={errors} inputmode="numeric" />
            </>
          ) : null}

          <h2 class="utrecht-heading-2">Toestemming</h2>
          <Fieldset field="toestemming.privacy" legend="Privacy" errors={errors}>
            <Choice
              type="checkbox"
              name="toestemming.privacy"
              value="ja"
              id="veld-toestemming-privacy-ja"
              checked={has(values, 'toestemming.privacy', 'ja')}
              label={
                <>
                  Ik ga akkoord met de{' '}
                  <a class="utrecht-link" href="/privacy">
                    privacyverklaring
                  </a>
                  . Mijn gegevens worden alleen voor deze bijeenkomst gebruikt.
                </>
              }
            />
          </Fieldset>
          <Fieldset field="toestemming.extra" legend="Niet verplicht" errors={errors}>
            <Choice type="checkbox" name="toestemming.photos" value="ja" id="veld-toestemming-photos" checked={has(values, 'toestemming.photos', 'ja')} label="Ik vind het goed als ik herkenbaar op foto's van de bijeenkomst sta." />
            <Choice type="checkbox" name="toestemming.mailingList" value="ja" id="veld-toestemming-mailinglist" checked={has(values, 'toestemming.mailingList', 'ja')} label="Stuur mij berichten over vergelijkbare bijeenkomsten." />
          </Fieldset>
          {doc.registration.closesAt ? (
            <p class="utrecht-paragraph">
              Aanmelden kan tot {formatDateNl(new Date(doc.registration.closesAt))}, {formatTimeNl(new Date(doc.registration.closesAt))} uur.
            </p>
          ) : null}
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {state.kind === 'full' ? 'Aanmelden voor de wachtlijst' : 'Aanmelden'}
          </button>
        </form>
      )}
    </Layout>
  );
};
