import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { AccountEvent } from '../../domain/accounts/overview';
import type { SessionAccount } from '../../domain/accounts/service';
import type { EventDocument } from '../../domain/events/document';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';
import { describedByOf, FieldHelp, FormField } from '../components/form-field';
import { renderMarkdown } from '../components/markdown';
import { EDITOR_PARTS, PART_TITLES, rowIndices, YES, type EditorPart, type Values } from './editor-form';
import { ManageLayout, type FieldErrors, type Notice } from './pages';
import { AttachmentFileField, FILE_PARTS, SpeakerPhotoField } from './editor-files';
import { Csrf } from './common';

/*
 * The event editor's pages (/beheer/evenementen/{slug}/bewerken/…): one form per part of
 * the event document, in Utrecht markup, without JavaScript. Repeating parts are
 * fieldsets with their own "verwijderen" button and a "toevoegen" button below; a
 * "Voorbeeld" button shows Markdown as it will look. Field ids are "veld-" + the field's
 * path in the document, so the error summary links to them.
 */

/** A problem the page has no field for (a rule about another part): shown in the summary only. */
export interface LooseProblem {
  path: string;
  message: string;
}

const idOf = (name: string) => `veld-${name}`;


interface FieldProps {
  name: string;
  label: string;
  values: Values;
  errors: FieldErrors;
  description?: string;
  required?: boolean;
}

const Label: FC<{ label: string; required?: boolean | undefined }> = ({ label, required }) => (
  <>
    {label}
    {required ? null : <span class="bijeen-optional"> (niet verplicht)</span>}
  </>
);

export const Input: FC<FieldProps & { type?: 'text' | 'email' | 'url' | 'tel' | 'datetime-local' | 'number' }> = ({ name, label, values, errors, description, required, type = 'text' }) => (
  <FormField field={name} id={idOf(name)} label={<Label label={label} required={required} />} errors={errors} description={description}>
    {(attrs) => (
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${errors[name] ? ' utrecht-textbox--invalid' : ''}`}
        {...attrs}
        type={type === 'number' ? 'text' : type}
        inputmode={type === 'number' ? 'numeric' : undefined}
        value={values[name] ?? ''}
      />
    )}
  </FormField>
);

export const Area: FC<FieldProps & { rows?: number; markdown?: boolean; preview?: boolean }> = ({ name, label, values, errors, description, required, rows = 4, markdown, preview }) => {
  const value = values[name] ?? '';
  const text = markdown ? [description, 'Opmaak in Markdown: **vet**, *schuin*, lijstjes met "- ", koppen met "###".'].filter(Boolean).join(' ') : description;
  return (
    <FormField
      field={name}
      id={idOf(name)}
      kind="textarea"
      label={<Label label={label} required={required} />}
      errors={errors}
      description={text}
      after={
        markdown && preview && value.trim() ? (
          <div class="bijeen-preview" role="group" aria-label={`Voorbeeld: ${label}`}>
            <p class="utrecht-paragraph bijeen-preview__label">Voorbeeld</p>
            {raw(renderMarkdown(value))}
          </div>
        ) : null
      }
    >
      {(attrs) => (
        <textarea class={`utrecht-textarea utrecht-textarea--html-textarea${errors[name] ? ' utrecht-textarea--invalid' : ''}`} {...attrs} rows={rows}>
          {value}
        </textarea>
      )}
    </FormField>
  );
};

export const Select: FC<FieldProps & { options: [string, string][] }> = ({ name, label, values, errors, description, options }) => (
  <FormField field={name} id={idOf(name)} kind="select" label={label} errors={errors} description={description}>
    {(attrs) => (
      <select class="utrecht-select utrecht-select--html-select" {...attrs}>
        {options.map(([value, text]) => (
          <option value={value} selected={(values[name] ?? '') === value}>
            {text}
          </option>
        ))}
      </select>
    )}
  </FormField>
);

/** One checkbox; the hidden empty value before it makes an unticked box arrive as "". */
export const Check: FC<{ name: string; label: string; values: Values; errors: FieldErrors; description?: string }> = ({ name, label, values, errors, description }) => {
  const id = idOf(name);
  const error = errors[name];
  return (
    <div class={`utrecht-form-field utrecht-form-field--checkbox${error ? ' utrecht-form-field--invalid' : ''}`}>
      <input type="hidden" name={name} value="" />
      <div class="utrecht-form-field__input">
        <input
          class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
          type="checkbox"
          id={id}
          name={name}
          value={YES}
          checked={values[name] === YES}
          aria-describedby={describedByOf(id, description, error)}
        />
      </div>
      <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label class="utrecht-form-label utrecht-form-label--checkbox" for={id}>
          {label}
        </label>
      </div>
      <FieldHelp id={id} description={description} error={error} />
    </div>
  );
};

/** Several checkboxes for one list field (the values arrive joined by newlines). */
export const CheckGroup: FC<{ name: string; legend: string; values: Values; errors: FieldErrors; options: [string, string][]; description?: string }> = ({ name, legend, values, errors, options, description }) => {
  const id = idOf(name);
  const error = errors[name];
  const chosen = new Set((values[name] ?? '').split('\n'));
  return (
    <fieldset class={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${error ? ' utrecht-form-fieldset--invalid' : ''}`} id={id} aria-describedby={describedByOf(id, description, error)}>
      <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      <FieldHelp id={id} description={description} error={error} />
      <input type="hidden" name={name} value="" />
      {options.map(([value, text], i) => (
        <div class="utrecht-form-field utrecht-form-field--checkbox">
          <div class="utrecht-form-field__input">
            <input class="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom" type="checkbox" id={`${id}-${i}`} name={name} value={value} checked={chosen.has(value)} />
          </div>
          <div class="utrecht-form-field__label utrecht-form-field__label--checkbox">
            <label class="utrecht-form-label utrecht-form-label--checkbox" for={`${id}-${i}`}>
              {text}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
};

/** One row of a repeating part: a fieldset with its key (hidden) and a "verwijderen" button. */
const Row: FC<{ list: string; index: number; legend: string; values: Values; children: Child }> = ({ list, index, legend, values, children }) => (
  <fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset bijeen-row" id={idOf(`${list}.${index}`)}>
    <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
    <input type="hidden" name={`${list}.${index}.key`} value={values[`${list}.${index}.key`] ?? ''} />
    {children}
    <div class="utrecht-button-group">
      <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value={`verwijderen:${list}.${index}`}>
        {legend} verwijderen
      </button>
    </div>
  </fieldset>
);

const AddButton: FC<{ list: string; label: string }> = ({ list, label }) => (
  <div class="utrecht-button-group">
    <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value={`toevoegen:${list}`}>
      {label}
    </button>
  </div>
);

const SaveButtons: FC<{ preview: boolean }> = ({ preview }) => (
  <div class="utrecht-button-group">
    <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="opslaan">
      Opslaan
    </button>
    {preview ? (
      <button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="voorbeeld">
        Voorbeeld
      </button>
    ) : null}
  </div>
);

/** The summary above the form: fields link to themselves; problems of other parts are named. */
export const EditorErrorSummary: FC<{ errors: FieldErrors; loose: LooseProblem[] }> = ({ errors, loose }) => {
  const list = Object.entries(errors);
  const n = list.length + loose.length;
  if (!n) return null;
  return (
    <section class="utrecht-alert utrecht-alert--error bijeen-state" aria-labelledby="fouten-kop" tabindex={-1} id="fouten">
      <h2 class="utrecht-heading-2" id="fouten-kop">
        Er {n === 1 ? 'is 1 punt' : `zijn ${n} punten`} om te verbeteren. Er is niets opgeslagen.
      </h2>
      <ul class="utrecht-unordered-list">
        {list.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#${idOf(field)}`}>
              {message}
            </a>
          </li>
        ))}
        {loose.map((p) => (
          <li class="utrecht-unordered-list__item">
            {p.message} <span class="bijeen-path">({placeOf(p.path)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
};

const PLACE_PARTS: [RegExp, EditorPart][] = [
  [/^(venues|meetings)\b/, 'bijeenkomsten'],
  [/^programme\b/, 'programma'],
  [/^workshops\b/, 'deelsessies'],
  [/^speakers\b/, 'sprekers'],
  [/^(contacts|organisers)\b/, 'contact'],
  [/^registration\b/, 'aanmelden'],
  [/^price\b/, 'prijs'],
  [/^report\b/, 'verslag'],
];
/** "programme.3.startsAt" → "Programma en rondes, onderdeel 4". */
export function placeOf(path: string): string {
  const part = PLACE_PARTS.find(([re]) => re.test(path))?.[1] ?? 'algemeen';
  const n = /\.(\d+)\b/.exec(path);
  return n ? `${PART_TITLES[part]}, nummer ${Number(n[1]) + 1}` : PART_TITLES[part];
}

// ---------------------------------------------------------------------------------------

const EditorNav: FC<{ slug: string; current?: EditorPart | 'start' }> = ({ slug, current }) => (
  <nav aria-label="Onderdelen van het evenement" class="bijeen-editor-nav">
    <ul class="bijeen-nav">
      <li>
        <a class="utrecht-link" href={`/beheer/evenementen/${slug}/bewerken`} aria-current={current === 'start' ? 'page' : undefined}>
          Status
        </a>
      </li>
      {EDITOR_PARTS.map((p) => (
        <li>
          <a class="utrecht-link" href={`/beheer/evenementen/${slug}/bewerken/${p}`} aria-current={current === p ? 'page' : undefined}>
            {PART_TITLES[p]}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

const Back: FC<{ slug: string; title: string }> = ({ slug, title }) => (
  <p class="utrecht-paragraph">
    <a class="utrecht-link" href={`/beheer/evenementen/${slug}`}>
      Terug naar {title}
    </a>
  </p>
);

const STATUS: Record<EventDocument['status'], string> = { draft: 'concept', published: 'gepubliceerd', cancelled: 'geannuleerd' };

export interface PartPageProps {
  account: SessionAccount;
  csrf: string;
  doc: EventDocument;
  part: EditorPart;
  values: Values;
  errors: FieldErrors;
  loose: LooseProblem[];
  preview: boolean;
  notify: boolean;
  /** The event's version the form was filled in on. */
  version: string;
  notice?: Notice | undefined;
}

const PARTS_WITH_MARKDOWN: EditorPart[] = ['algemeen', 'bijeenkomsten', 'programma', 'deelsessies', 'sprekers', 'verslag'];
/** Changes here reach registrants' calendars: the page asks whether to mail them. */
export const NOTIFYING_PARTS: EditorPart[] = ['bijeenkomsten', 'programma'];

export const PartPage: FC<PartPageProps> = (p) => (
  <ManageLayout title={`${PART_TITLES[p.part]}: ${p.doc.title}`} account={p.account} csrf={p.csrf} notice={p.notice}>
    <Back slug={p.doc.slug} title={p.doc.title} />
    <EditorNav slug={p.doc.slug} current={p.part} />
    <p class="utrecht-paragraph">Status: {STATUS[p.doc.status]}.</p>
    <EditorErrorSummary errors={p.errors} loose={p.loose} />
    <form method="post" action={`/beheer/evenementen/${p.doc.slug}/bewerken/${p.part}`} novalidate class="bijeen-form bijeen-editor" enctype={FILE_PARTS.includes(p.part) ? 'multipart/form-data' : undefined}>
      <Csrf token={p.csrf} />
      <input type="hidden" name="versie" value={p.version} />
      <SaveButtons preview={false} />
      <PartFields {...p} />
      {p.doc.status === 'published' && NOTIFYING_PARTS.includes(p.part) ? (
        <Check
          name="melden"
          label="Stuur de aanmelders een bericht over deze wijziging"
          description="Alleen bij een andere datum, tijd, locatie, online-gegevens of programma. Wie een plaats heeft, krijgt ook een bijgewerkte agenda-uitnodiging."
          values={{ melden: p.notify ? YES : '' }}
          errors={{}}
        />
      ) : null}
      <SaveButtons preview={PARTS_WITH_MARKDOWN.includes(p.part)} />
    </form>
  </ManageLayout>
);

const rows = (values: Values, list: string) => rowIndices(values, list);

const PartFields: FC<PartPageProps> = ({ part, values: v, errors: e, preview, doc }) => {
  switch (part) {
    case 'algemeen':
      return (
        <>
          <Input name="title" label="Titel" values={v} errors={e} required />
          <Input name="subtitle" label="Ondertitel" values={v} errors={e} />
          <Area name="summary" label="Samenvatting" description="Een of twee zinnen, in de agenda en bovenaan de pagina." values={v} errors={e} rows={3} required />
          <Select name="format" label="Vorm" values={v} errors={e} options={[['on_site', 'Op locatie'], ['online', 'Online'], ['hybrid', 'Hybride: op locatie en online']]} />
          <Input name="series" label="Reeks" description="Bijvoorbeeld de naam van een leergang of jaarlijkse dag." values={v} errors={e} />
          <h2 class="utrecht-heading-2">Teksten</h2>
          {rows(v, 'sections').map((i) => (
            <Row list="sections" index={i} legend={`Tekst ${i + 1}`} values={v}>
              <Input name={`sections.${i}.heading`} label="Kop" values={v} errors={e} />
              <Area name={`sections.${i}.body`} label="Tekst" values={v} errors={e} rows={8} markdown preview={preview} required />
            </Row>
          ))}
          <AddButton list="sections" label="Tekst toevoegen" />
          <h2 class="utrecht-heading-2">Voor wie?</h2>
          <Area name="audience.intro" label="Inleiding" values={v} errors={e} markdown preview={preview} />
          <Area name="audience.groups" label="Doelgroepen" description="Eén per regel." values={v} errors={e} />
        </>
      );
    case 'bijeenkomsten': {
      const venueOptions: [string, string][] = [
        ['', 'Geen (online)'],
        ...rows(v, 'venues').map((i): [string, string] => [v[`venues.${i}.key`] || `rij:${i}`, v[`venues.${i}.name`] || `Locatie ${i + 1}`]),
      ];
      return (
        <>
          <h2 class="utrecht-heading-2">Locaties</h2>
          {rows(v, 'venues').map((i) => (
            <Row list="venues" index={i} legend={`Locatie ${i + 1}`} values={v}>
              <Input name={`venues.${i}.name`} label="Naam" values={v} errors={e} required />
              <Input name={`venues.${i}.street`} label="Straat en huisnummer" values={v} errors={e} />
              <Input name={`venues.${i}.postcode`} label="Postcode" values={v} errors={e} />
              <Input name={`venues.${i}.city`} label="Plaats" values={v} errors={e} required />
              <Area name={`venues.${i}.directions`} label="Route" values={v} errors={e} markdown preview={preview} />
            </Row>
          ))}
          <AddButton list="venues" label="Locatie toevoegen" />
          <h2 class="utrecht-heading-2">Bijeenkomsten</h2>
          <p class="utrecht-paragraph">Eén dag, meerdere dagen, of een reeks bijeenkomsten met elk een eigen locatie of online link.</p>
          {rows(v, 'meetings').map((i) => (
            <Row list="meetings" index={i} legend={`Bijeenkomst ${i + 1}`} values={v}>
              <Input name={`meetings.${i}.title`} label="Titel" description="Bij een reeks, bijvoorbeeld „Bijeenkomst 2: de wijk in”." values={v} errors={e} />
              <Input name={`meetings.${i}.startsAt`} label="Begin" type="datetime-local" values={v} errors={e} required />
              <Input name={`meetings.${i}.endsAt`} label="Einde" type="datetime-local" values={v} errors={e} required />
              <Select name={`meetings.${i}.venue`} label="Locatie" values={v} errors={e} options={venueOptions} />
              <Check name={`meetings.${i}.online`} label="Online (ook) te volgen" values={v} errors={e} />
              <Input name={`meetings.${i}.joinUrl`} label="Link naar stream of vergadering" type="url" description="Alleen voor deelnemers: in hun mails en op hun persoonlijke pagina, nooit openbaar." values={v} errors={e} />
              <Area name={`meetings.${i}.topics`} label="Onderwerpen" description="Eén per regel." values={v} errors={e} rows={3} />
            </Row>
          ))}
          <AddButton list="meetings" label="Bijeenkomst toevoegen" />
        </>
      );
    }
    case 'programma': {
      const speakerOptions = doc.speakers.map((s): [string, string] => [s.key, s.name]);
      return (
        <>
          <p class="utrecht-paragraph">
            Een onderdeel is een gewoon programmapunt of een ronde met parallelle deelsessies. Welke deelsessies in een ronde lopen, staat bij{' '}
            <a class="utrecht-link" href={`/beheer/evenementen/${doc.slug}/bewerken/deelsessies`}>
              Deelsessies
            </a>
            .
          </p>
          {rows(v, 'programme').map((i) => (
            <Row list="programme" index={i} legend={`Onderdeel ${i + 1}`} values={v}>
              <Input name={`programme.${i}.title`} label="Titel" values={v} errors={e} required />
              <Select name={`programme.${i}.kind`} label="Soort" values={v} errors={e} options={[['item', 'Programmapunt'], ['round', 'Ronde met deelsessies']]} />
              <Input name={`programme.${i}.startsAt`} label="Begin" type="datetime-local" values={v} errors={e} required />
              <Input name={`programme.${i}.endsAt`} label="Einde" type="datetime-local" values={v} errors={e} />
              <Input name={`programme.${i}.subtitle`} label="Ondertitel" values={v} errors={e} />
              <Area name={`programme.${i}.description`} label="Beschrijving" values={v} errors={e} markdown preview={preview} />
              {speakerOptions.length ? (
                <CheckGroup name={`programme.${i}.speakers`} legend="Sprekers" values={v} errors={e} options={speakerOptions} />
              ) : (
                <input type="hidden" name={`programme.${i}.speakers`} value={v[`programme.${i}.speakers`] ?? ''} />
              )}
            </Row>
          ))}
          <AddButton list="programme" label="Onderdeel toevoegen" />
        </>
      );
    }
    case 'deelsessies': {
      const roundOptions = doc.programme.filter((p) => p.kind === 'round').map((r): [string, string] => [r.key, `${r.title} (${formatTimeNl(new Date(r.startsAt))} uur)`]);
      return (
        <>
          {roundOptions.length ? null : (
            <p class="utrecht-paragraph">
              Er zijn nog geen rondes. Maak eerst een ronde bij{' '}
              <a class="utrecht-link" href={`/beheer/evenementen/${doc.slug}/bewerken/programma`}>
                Programma en rondes
              </a>
              .
            </p>
          )}
          {rows(v, 'workshops').map((i) => (
            <Row list="workshops" index={i} legend={`Deelsessie ${i + 1}`} values={v}>
              <Input name={`workshops.${i}.title`} label="Titel" values={v} errors={e} required />
              <CheckGroup name={`workshops.${i}.rounds`} legend="Loopt in ronde" values={v} errors={e} options={roundOptions} />
              <Input name={`workshops.${i}.capacity`} label="Plaatsen" type="number" description="Leeg: geen eigen grens." values={v} errors={e} />
              <Area name={`workshops.${i}.description`} label="Beschrijving" values={v} errors={e} markdown preview={preview} />
              <Area name={`workshops.${i}.contributors`} label="Inleiders" description="Eén per regel: naam, organisatie." values={v} errors={e} rows={3} />
              <Input name={`workshops.${i}.contact.name`} label="Contactpersoon" values={v} errors={e} />
              <Input name={`workshops.${i}.contact.email`} label="E-mailadres contactpersoon" type="email" values={v} errors={e} />
              <Input name={`workshops.${i}.contact.phone`} label="Telefoon contactpersoon" type="tel" values={v} errors={e} />
            </Row>
          ))}
          <AddButton list="workshops" label="Deelsessie toevoegen" />
        </>
      );
    }
    case 'sprekers':
      return (
        <>
          {rows(v, 'speakers').map((i) => (
            <Row list="speakers" index={i} legend={`Spreker ${i + 1}`} values={v}>
              <Input name={`speakers.${i}.name`} label="Naam" values={v} errors={e} required />
              <Input name={`speakers.${i}.role`} label="Functie" values={v} errors={e} />
              <Input name={`speakers.${i}.organisation`} label="Organisatie" values={v} errors={e} />
              <Area name={`speakers.${i}.bio`} label="Over de spreker" values={v} errors={e} rows={6} markdown preview={preview} />
              <SpeakerPhotoField index={i} values={v} errors={e} doc={doc} />
            </Row>
          ))}
          <AddButton list="speakers" label="Spreker toevoegen" />
        </>
      );
    case 'contact':
      return (
        <>
          <h2 class="utrecht-heading-2">Contactpersonen</h2>
          {rows(v, 'contacts').map((i) => (
            <Row list="contacts" index={i} legend={`Contactpersoon ${i + 1}`} values={v}>
              <Select name={`contacts.${i}.purpose`} label="Waarvoor" values={v} errors={e} options={[['general', 'Algemeen'], ['content', 'Inhoud'], ['practical', 'Praktische zaken']]} />
              <Input name={`contacts.${i}.name`} label="Naam" values={v} errors={e} required />
              <Input name={`contacts.${i}.role`} label="Functie" values={v} errors={e} />
              <Input name={`contacts.${i}.email`} label="E-mailadres" type="email" description="Een e-mailadres of een telefoonnummer." values={v} errors={e} />
              <Input name={`contacts.${i}.phone`} label="Telefoon" type="tel" values={v} errors={e} />
            </Row>
          ))}
          <AddButton list="contacts" label="Contactpersoon toevoegen" />
          <h2 class="utrecht-heading-2">Organisatoren</h2>
          <p class="utrecht-paragraph">Uw eigen organisatie blijft altijd organisator. Een nieuwe naam wordt een nieuwe mede-organisator.</p>
          {rows(v, 'organisers').map((i) => (
            <Row list="organisers" index={i} legend={`Organisator ${i + 1}`} values={v}>
              <Input name={`organisers.${i}.name`} label="Naam" values={v} errors={e} required />
              <Input name={`organisers.${i}.website`} label="Website" type="url" values={v} errors={e} />
              <Select name={`organisers.${i}.role`} label="Rol" values={v} errors={e} options={[['co_organiser', 'Mede-organisator'], ['organiser', 'Organisator']]} />
            </Row>
          ))}
          <AddButton list="organisers" label="Organisator toevoegen" />
        </>
      );
    case 'aanmelden': {
      const r = 'registration.';
      const l = `${r}organisationLimits.`;
      return (
        <>
          <Select name={`${r}mode`} label="Aanmelden" values={v} errors={e} options={[['form', 'Met het aanmeldformulier'], ['none', 'Geen aanmelding (vrije inloop)']]} />
          <Input name={`${r}opensAt`} label="Aanmelden kan vanaf" type="datetime-local" description="Leeg: meteen." values={v} errors={e} />
          <Input name={`${r}closesAt`} label="Deadline" type="datetime-local" description="Leeg: tot het evenement begint." values={v} errors={e} />
          <Input name={`${r}cancellableUntil`} label="Afmelden kan tot" type="datetime-local" values={v} errors={e} />
          <Input name={`${r}capacity`} label="Plaatsen" type="number" description="Leeg: geen grens." values={v} errors={e} />
          <Check name={`${r}waitlist`} label="Wachtlijst als het vol is" values={v} errors={e} />
          <Input name={`${r}offerHours`} label="Uren om een vrijgekomen plaats aan te nemen" type="number" description="Leeg: de eerste op de wachtlijst krijgt de plaats meteen." values={v} errors={e} />
          <Check name={`${r}approvalRequired`} label="Aanmeldingen eerst goedkeuren" values={v} errors={e} />
          <h2 class="utrecht-heading-2">Organisaties</h2>
          <Input name={`${l}perOrganisation`} label="Hoogstens zoveel deelnemers per organisatie" type="number" values={v} errors={e} />
          <Input name={`${l}maxOrganisations`} label="Hoogstens zoveel organisaties" type="number" values={v} errors={e} />
          <Area name={`${l}organisationKinds`} label="Alleen voor deze soorten organisaties" description="Eén per regel, bijvoorbeeld gemeente." values={v} errors={e} rows={3} />
          <Area name={`${l}domains.options`} label="Beleidsdomeinen om uit te kiezen" description="Eén per regel." values={v} errors={e} rows={3} />
          <Input name={`${l}domains.maxPerDomainPerOrganisation`} label="Hoogstens zoveel deelnemers per domein per organisatie" type="number" values={v} errors={e} />
          <h2 class="utrecht-heading-2">Eigen vragen</h2>
          {rows(v, 'registration.questions').map((i) => (
            <Row list="registration.questions" index={i} legend={`Vraag ${i + 1}`} values={v}>
              <Input name={`${r}questions.${i}.label`} label="Vraag" values={v} errors={e} required />
              <Select
                name={`${r}questions.${i}.type`}
                label="Soort antwoord"
                values={v}
                errors={e}
                options={[['short_text', 'Korte tekst'], ['long_text', 'Lange tekst'], ['single_choice', 'Eén keuze'], ['multiple_choice', 'Meerdere keuzes'], ['yes_no', 'Ja of nee']]}
              />
              <Check name={`${r}questions.${i}.required`} label="Verplicht" values={v} errors={e} />
              <Area name={`${r}questions.${i}.options`} label="Keuzes" description="Bij een keuzevraag: één per regel." values={v} errors={e} rows={3} />
              <Input name={`${r}questions.${i}.help`} label="Uitleg bij de vraag" values={v} errors={e} />
            </Row>
          ))}
          <AddButton list="registration.questions" label="Vraag toevoegen" />
        </>
      );
    }
    case 'prijs':
      return (
        <>
          <Input name="price.amountCents" label="Prijs per persoon in euro, exclusief btw" description="Bijvoorbeeld 95 of 1.250,50. Leeg: gratis." values={v} errors={e} />
          <Select
            name="price.vatCategory"
            label="Btw"
            values={v}
            errors={e}
            options={[['standard', 'Hoog tarief (21 %)'], ['reduced', 'Laag tarief (9 %)'], ['exempt', 'Vrijgesteld']]}
          />
          <Input name="price.includes" label="Wat de prijs omvat" description="Bijvoorbeeld „inclusief verblijf”." values={v} errors={e} />
        </>
      );
    case 'verslag':
      return (
        <>
          <p class="utrecht-paragraph">Het verslag staat na publicatie op de pagina van het evenement. Alles leeg: geen verslag.</p>
          <Input name="report.title" label="Titel" values={v} errors={e} required />
          <Area name="report.summary" label="Samenvatting" values={v} errors={e} rows={3} markdown preview={preview} />
          <Area name="report.body" label="Verslag" values={v} errors={e} rows={14} markdown preview={preview} required />
          <Input name="report.attendance" label="Aantal aanwezigen" type="number" values={v} errors={e} />
          <Input name="report.attendanceLabel" label="Zo noemen we het aantal" description="Bijvoorbeeld „ruim 70”." values={v} errors={e} />
          <h2 class="utrecht-heading-2">Bijlagen</h2>
          <p class="utrecht-paragraph">Bijvoorbeeld de presentaties als PDF. Ze staan bij het verslag zodra het gepubliceerd is.</p>
          {rows(v, 'report.attachments').map((i) => (
            <Row list="report.attachments" index={i} legend={`Bijlage ${i + 1}`} values={v}>
              <Input name={`report.attachments.${i}.title`} label="Titel" description="Zo heet de link, bijvoorbeeld „Presentatie Jan Jansen”." values={v} errors={e} required />
              <AttachmentFileField index={i} values={v} errors={e} doc={doc} />
            </Row>
          ))}
          <AddButton list="report.attachments" label="Bijlage toevoegen" />
          <Check name="report.published" label="Verslag publiceren" values={v} errors={e} />
        </>
      );
  }
};

// ---------------------------------------------------------------------------------------

export const EditorStartPage: FC<{ account: SessionAccount; csrf: string; doc: EventDocument; event: AccountEvent; notice?: Notice | undefined }> = ({ account, csrf, doc, event, notice }) => {
  const registered = Object.values(event.counts).reduce((a, b) => a + b, 0);
  const action = (path: string, label: string, primary = false) => (
    <form method="post" action={`/beheer/evenementen/${doc.slug}/${path}`} class="bijeen-inline-form">
      <Csrf token={csrf} />
      <button class={`utrecht-button utrecht-button--${primary ? 'primary' : 'secondary'}-action`} type="submit">
        {label}
      </button>
    </form>
  );
  return (
    <ManageLayout title={`Bewerken: ${doc.title}`} account={account} csrf={csrf} notice={notice}>
      <Back slug={doc.slug} title={doc.title} />
      <EditorNav slug={doc.slug} current="start" />
      <h2 class="utrecht-heading-2">Status: {STATUS[doc.status]}</h2>
      <p class="utrecht-paragraph">
        {formatDateNl(event.startsAt)}, {formatTimeNl(event.startsAt)} uur · aanmeldingen: {registered}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/evenementen/${doc.slug}/voorbeeld`}>
          Bekijk zoals bezoekers het zien
        </a>
      </p>
      <div class="utrecht-button-group">
        {doc.status === 'draft' ? action('publiceren', 'Publiceren', true) : null}
        {doc.status === 'published' && registered === 0 ? action('depubliceren', 'Terug naar concept') : null}
        {doc.status !== 'cancelled' ? (
          // A link to the confirmation step, shaped like the buttons beside it.
          <form method="get" action={`/beheer/evenementen/${doc.slug}/annuleren`} class="bijeen-inline-form">
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Evenement annuleren…
            </button>
          </form>
        ) : null}
        {doc.status === 'cancelled' ? action('heropenen', 'Toch laten doorgaan') : null}
        {action('kopieren', 'Kopiëren als nieuw evenement')}
      </div>
      {doc.status === 'cancelled' ? (
        <p class="utrecht-paragraph">
          Gaat het evenement toch door? Met "Toch laten doorgaan" staat het weer open; wie nog aangemeld was, krijgt bericht met de actuele gegevens en een nieuwe agenda-uitnodiging.
        </p>
      ) : null}
      {doc.status === 'published' && registered > 0 ? (
        <p class="utrecht-paragraph">
          Terug naar concept kan niet meer: er hebben zich al mensen aangemeld. Gaat het evenement niet door, annuleer het dan; de aanmelders krijgen daarover bericht.
        </p>
      ) : null}
    </ManageLayout>
  );
};

export const CancelPage: FC<{ account: SessionAccount; csrf: string; doc: EventDocument; registered: number }> = ({ account, csrf, doc, registered }) => (
  <ManageLayout title={`Annuleren: ${doc.title}`} account={account} csrf={csrf}>
    <Back slug={doc.slug} title={doc.title} />
    <p class="utrecht-paragraph">
      Weet u het zeker? Het evenement blijft op de site staan als geannuleerd en aanmelden kan niet meer.
      {doc.status === 'published' && registered > 0 ? ` Alle ${registered} aanmelders krijgen een bericht, met de afzegging van hun agenda-uitnodiging.` : ''}
    </p>
    <form method="post" action={`/beheer/evenementen/${doc.slug}/annuleren`} class="bijeen-form">
      <Csrf token={csrf} />
      <div class="utrecht-button-group">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Ja, annuleer het evenement
        </button>
        <a class="utrecht-button-link utrecht-button-link--secondary-action" href={`/beheer/evenementen/${doc.slug}/bewerken`}>
          Nee, terug
        </a>
      </div>
    </form>
  </ManageLayout>
);

export const NewEventPage: FC<{ account: SessionAccount; csrf: string; values: Values; errors: FieldErrors; loose: LooseProblem[] }> = ({ account, csrf, values: v, errors: e, loose }) => (
  <ManageLayout title="Nieuw evenement" account={account} csrf={csrf}>
    <p class="utrecht-paragraph">Begin met het belangrijkste; de rest vult u daarna aan. Het evenement is een concept tot u het publiceert.</p>
    <EditorErrorSummary errors={e} loose={loose} />
    <form method="post" action="/beheer/nieuw-evenement" novalidate class="bijeen-form">
      <Csrf token={csrf} />
      <Input name="title" label="Titel" values={v} errors={e} required />
      <Input name="slug" label="Adres op de site" description="Het deel na /evenementen/. Leeg: gemaakt van de titel." values={v} errors={e} />
      <Area name="summary" label="Samenvatting" values={v} errors={e} rows={3} required />
      <Select name="format" label="Vorm" values={v} errors={e} options={[['on_site', 'Op locatie'], ['online', 'Online'], ['hybrid', 'Hybride: op locatie en online']]} />
      <Input name="meetings.0.startsAt" label="Begin" type="datetime-local" values={v} errors={e} required />
      <Input name="meetings.0.endsAt" label="Einde" type="datetime-local" values={v} errors={e} required />
      <Check name="meetings.0.online" label="Online te volgen" values={v} errors={e} />
      <Input name="venues.0.name" label="Locatie" description="Leeg bij een online evenement." values={v} errors={e} />
      <Input name="venues.0.city" label="Plaats" values={v} errors={e} />
      <div class="utrecht-button-group">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Evenement aanmaken
        </button>
      </div>
    </form>
  </ManageLayout>
);
