import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../app';
import { getOrganiserEvent, type AccountEvent } from '../../domain/accounts/overview';
import { may } from '../../domain/accounts/rules';
import type { SessionAccount } from '../../domain/accounts/service';
import { accountActor, listRegistrationAudit, type AuditEntryView } from '../../domain/audit/service';
import { addNote, deleteNote, listNotes, type NoteView } from '../../domain/registration/notes';
import type { EventDocument } from '../../domain/events/document';
import { exportAttendance, exportBadges, exportRegistrations, loadExportData } from '../../domain/exports/service';
import {
  loadRegistrationTable,
  PAGE_SIZE,
  parseListQuery,
  registrationCounts,
  registrationHistory,
  REGISTRATION_STATUSES,
  selectRegistrations,
  type ListQuery,
  type ListRow,
  type RegistrationCounts,
  type RegistrationHistory,
} from '../../domain/registration/back-office';
import { organisationKinds } from '../../domain/registration/input';
import { ACTIVE, organisationKey } from '../../domain/registration/rules';
import { approveRegistration, cancelByOrganiser, moveWorkshops, promoteByHand, refuseRegistration, register } from '../../domain/registration/service';
import { isoDateLocal } from '../../kernel/dates';
import { DomainError } from '../../kernel/errors';
import { inputOf, valuesOfRegistration } from '../public/register-routes';
import { FormField } from '../components/form-field';
import { Choice, ErrorSummary, fieldOf, Fieldset, has, idOf, type FieldErrors, type FormValues } from '../public/register-page';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { ForbiddenPage, ManageLayout, ManageNotFoundPage, type Notice } from './pages';
import { AuditTable, NotesSection } from './audit';
import { DELIVERY_LABELS, deliveryOf, MAIL_KIND_LABELS } from '../../domain/mail/rules';
import { DataTable, Td } from '../components/table-cells';
import { Pager } from '../components/pager';
import { Csrf, DataRow, STATUS_LABELS, me, when } from './common';

/*
 * An event's registrations in the back office (redacteur and beheerder; balie: 403;
 * another organiser's event: 404): the table with search, filters, sorting and counts,
 * one registration with its answers and history, and the organiser's changes — approve,
 * refuse with a reason, move to other workshops, cancel, move up from the waiting list,
 * add one by hand — each through the same domain service as the public side, so the same
 * limits hold. Exports with the session. Without JavaScript: GET forms to filter, POST
 * forms (CSRF) to change, and back to the page with a message (POST-redirect-GET).
 */

const base = (slug: string) => `/beheer/evenementen/${slug}/aanmeldingen`;

const choiceLabel: Record<string, string> = { confirmed: 'plaats', pending: 'plaats (wacht op goedkeuring)', waitlisted: 'wachtlijst', refused: 'afgewezen', cancelled: 'geannuleerd' };
const waitReasonLabel: Record<string, string> = {
  event_full: 'het evenement is vol',
  organisation_full: 'de organisatie heeft het maximum aantal plaatsen',
  organisations_full: 'het maximum aantal organisaties doet al mee',
  domain_full: 'het beleidsdomein van de organisatie is vol',
};
const flashes: Record<string, string> = {
  goedgekeurd: 'De aanmelding is goedgekeurd; de deelnemer krijgt een bevestiging.',
  afgewezen: 'De aanmelding is afgewezen; de deelnemer krijgt een e-mail met de reden.',
  geannuleerd: 'De aanmelding is geannuleerd; de deelnemer krijgt een e-mail. Een vrijgekomen plaats ging naar de wachtlijst.',
  'al-geannuleerd': 'Deze aanmelding was al niet meer actief; er is niets veranderd.',
  'naar-boven': 'De aanmelding is van de wachtlijst gehaald en bevestigd; de deelnemer krijgt een bevestiging.',
  verplaatst: 'De deelsessies zijn gewijzigd; de deelnemer krijgt een e-mail met de nieuwe keuzes.',
  ongewijzigd: 'De deelsessies waren al zo; er is niets veranderd.',
  toegevoegd: 'De aanmelding is toegevoegd; de deelnemer krijgt dezelfde e-mail als bij aanmelden via de website.',
  'notitie-toegevoegd': 'De notitie is toegevoegd.',
  'notitie-verwijderd': 'De notitie is verwijderd.',
};



const Select: FC<{ name: string; label: string; value: string; options: [string, string][]; errors?: FieldErrors; description?: string }> = ({ name, label, value, options, errors = {}, description }) => (
  <FormField field={name} label={label} errors={errors} description={description} kind="select">
    {(attrs) => (
      <select class="utrecht-select utrecht-select--html-select" {...attrs}>
        {options.map(([v, l]) => (
          <option value={v} selected={v === value}>
            {l}
          </option>
        ))}
      </select>
    )}
  </FormField>
);

const Text: FC<{ name: string; label: string; value: string; errors?: FieldErrors; type?: string; description?: string; multiline?: boolean; autocomplete?: string }> = ({
  name,
  label,
  value,
  errors = {},
  type = 'text',
  description,
  multiline,
  autocomplete,
}) => (
  <FormField field={name} label={label} errors={errors} description={description}>
    {(attrs) =>
      multiline ? (
        <textarea class="utrecht-textarea utrecht-textarea--html-textarea" {...attrs} rows={4}>
          {value}
        </textarea>
      ) : (
        <input
          class={`utrecht-textbox utrecht-textbox--html-input${errors[name] ? ' utrecht-textbox--invalid' : ''}`}
          {...attrs}
          type={type}
          value={value}
          autocomplete={autocomplete}
        />
      )
    }
  </FormField>
);


const rounds = (doc: EventDocument) => doc.programme.filter((p) => p.kind === 'round');
const workshopTitle = (doc: EventDocument, key: string) => doc.workshops.find((w) => w.key === key)?.title ?? key;
const roundTitle = (doc: EventDocument, key: string) => doc.programme.find((p) => p.key === key)?.title ?? key;

// ---------------------------------------------------------------------------------------
// The table

const queryString = (q: ListQuery, over: Partial<ListQuery> = {}) => {
  const all = { ...q, ...over };
  const p = new URLSearchParams();
  if (all.q) p.set('q', all.q);
  if (all.status) p.set('status', all.status);
  if (all.workshop) p.set('deelsessie', all.workshop);
  if (all.organisation) p.set('organisatie', all.organisation);
  if (all.kind) p.set('soort', all.kind);
  if (all.domain) p.set('domein', all.domain);
  if (all.sort !== 'aangemeld') p.set('sorteer', all.sort);
  if (all.dir !== 'op') p.set('richting', all.dir);
  if (all.page > 1) p.set('pagina', String(all.page));
  const s = p.toString();
  return s ? `?${s}` : '';
};

const CountsSection: FC<{ event: AccountEvent; doc: EventDocument; counts: RegistrationCounts }> = ({ event, doc, counts }) => (
  <section class="bijeen-section" aria-labelledby="aantallen-kop">
    <h2 class="utrecht-heading-2" id="aantallen-kop">
      Aantallen
    </h2>
    <ul class="utrecht-unordered-list">
      {REGISTRATION_STATUSES.map((s) => (
        <li class="utrecht-unordered-list__item">
          {STATUS_LABELS[s]}: {counts.perStatus[s]}
        </li>
      ))}
    </ul>
    <p class="utrecht-paragraph">
      Plaatsen bezet (bevestigd, wacht op goedkeuring of aangeboden): {counts.perStatus.confirmed + counts.perStatus.pending + counts.perStatus.offered}
      {event.capacity !== null ? ` van ${event.capacity}` : ' (geen maximum)'}.
    </p>
    {counts.perWorkshop.length ? (
      <DataTable caption="Per deelsessie: bezette plaatsen van het maximum" headers={['Deelsessie', 'Ronde', 'Bezet', 'Wachtlijst']}>
        {counts.perWorkshop.map((w) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {w.title}
            </th>
            <Td>{roundTitle(doc, w.roundKey)}</Td>
            <Td>
              {w.seated}
              {w.capacity !== null ? ` van ${w.capacity}` : ''}
            </Td>
            <Td>{w.waiting}</Td>
          </tr>
        ))}
      </DataTable>
    ) : null}
    {counts.perOrganisation.length ? (
      <DataTable
        caption={
          <>
            Per organisatie: plaatsen{counts.perOrganisation[0]!.limit !== null ? ` van het maximum van ${counts.perOrganisation[0]!.limit} per organisatie` : ''}
          </>
        }
        headers={['Organisatie', 'Plaatsen', 'Wachtlijst']}
      >
        {counts.perOrganisation.map((o) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {o.name}
            </th>
            <Td>
              {o.holding}
              {o.limit !== null ? ` van ${o.limit}${o.holding >= o.limit ? ' (vol)' : ''}` : ''}
            </Td>
            <Td>{o.waiting}</Td>
          </tr>
        ))}
      </DataTable>
    ) : null}
    {counts.organisations.limit !== null ? (
      <p class="utrecht-paragraph">
        Organisaties met een plaats: {counts.organisations.holding} van ten hoogste {counts.organisations.limit}
        {counts.organisations.holding >= counts.organisations.limit ? ' (vol: een nieuwe organisatie komt op de wachtlijst)' : ''}.
      </p>
    ) : null}
    {counts.perDomain.length ? (
      <DataTable caption="Per beleidsdomein" headers={['Beleidsdomein', 'Plaatsen', 'Wachtlijst']}>
        {counts.perDomain.map((d) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {d.domain}
            </th>
            <Td>{d.holding}</Td>
            <Td>{d.waiting}</Td>
          </tr>
        ))}
      </DataTable>
    ) : null}
  </section>
);

export const RegistrationTablePage: FC<{
  account: SessionAccount;
  csrf: string;
  event: AccountEvent;
  doc: EventDocument;
  rows: ListRow[];
  query: ListQuery;
  notice?: Notice | undefined;
}> = ({ account, csrf, event, doc, rows, query, notice }) => {
  const counts = registrationCounts(doc, rows);
  const matched = selectRegistrations(rows, query);
  const pages = Math.max(1, Math.ceil(matched.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = matched.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const organisations = new Map<string, string>();
  for (const r of rows) {
    const key = organisationKey(r.organisationName);
    if (key && !organisations.has(key)) organisations.set(key, r.organisationName!);
  }
  const domains = [...new Set([...(doc.registration.organisationLimits.domains?.options ?? []), ...rows.map((r) => r.domain).filter((d): d is string => !!d)])];
  const filtered = matched.length !== rows.length;
  const slug = event.slug;
  return (
    <ManageLayout title={`Aanmeldingen: ${event.title}`} account={account} csrf={csrf} notice={notice}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/evenementen/${slug}`}>
          Terug naar het evenement
        </a>
        {' · '}
        <a class="utrecht-link" href={`${base(slug)}/nieuw`}>
          Aanmelding toevoegen
        </a>
      </p>
      <CountsSection event={event} doc={doc} counts={counts} />

      <section class="bijeen-section" aria-labelledby="exporteren-kop">
        <h2 class="utrecht-heading-2" id="exporteren-kop">
          Exporteren
        </h2>
        <ul class="utrecht-unordered-list">
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`/beheer/evenementen/${slug}/export/aanmeldingen.csv`}>
              Aanmeldingen als CSV
            </a>
          </li>
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`/beheer/evenementen/${slug}/export/aanmeldingen.xlsx`}>
              Aanmeldingen als Excel-bestand (XLSX)
            </a>
          </li>
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`/beheer/evenementen/${slug}/export/presentielijst.pdf`}>
              Presentielijsten (PDF)
            </a>
          </li>
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`/beheer/evenementen/${slug}/export/naambadges.pdf`}>
              Naambadges (PDF)
            </a>
          </li>
        </ul>
      </section>

      <section class="bijeen-section" aria-labelledby="zoeken-kop">
        <h2 class="utrecht-heading-2" id="zoeken-kop">
          Zoeken en filteren
        </h2>
        <form method="get" action={base(slug)} class="bijeen-form" role="search" aria-labelledby="zoeken-kop">
          <Text name="q" label="Zoek op naam, e-mailadres of organisatie" value={query.q} type="search" />
          <Select name="status" label="Status" value={query.status} options={[['', 'Alle'], ...REGISTRATION_STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s]])]} />
          {doc.workshops.length ? (
            <Select name="deelsessie" label="Deelsessie" value={query.workshop} options={[['', 'Alle'], ...doc.workshops.map((w): [string, string] => [w.key, w.title])]} />
          ) : null}
          <Select name="organisatie" label="Organisatie" value={query.organisation} options={[['', 'Alle'], ...[...organisations].sort((a, b) => a[1].localeCompare(b[1], 'nl'))]} />
          <Select name="soort" label="Soort organisatie" value={query.kind} options={[['', 'Alle'], ...organisationKinds.map((k): [string, string] => [k, k])]} />
          {domains.length ? <Select name="domein" label="Beleidsdomein" value={query.domain} options={[['', 'Alle'], ...domains.map((d): [string, string] => [d, d])]} /> : null}
          <Select
            name="sorteer"
            label="Sorteren op"
            value={query.sort}
            options={[
              ['aangemeld', 'Volgorde van aanmelden'],
              ['naam', 'Naam'],
              ['organisatie', 'Organisatie'],
              ['status', 'Status'],
            ]}
          />
          <Select
            name="richting"
            label="Volgorde"
            value={query.dir}
            options={[
              ['op', 'Oplopend'],
              ['af', 'Aflopend'],
            ]}
          />
          <div class="utrecht-button-group">
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Toon aanmeldingen
            </button>
          </div>
        </form>
        {filtered ? (
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={base(slug)}>
              Filters wissen
            </a>
          </p>
        ) : null}
      </section>

      <section class="bijeen-section" aria-labelledby="lijst-kop">
        <h2 class="utrecht-heading-2" id="lijst-kop">
          Aanmeldingen
        </h2>
        {rows.length === 0 ? (
          <p class="utrecht-paragraph">Er zijn nog geen aanmeldingen.</p>
        ) : matched.length === 0 ? (
          <p class="utrecht-paragraph" role="status">
            Geen aanmeldingen gevonden met deze filters.
          </p>
        ) : (
          <DataTable
            caption={
              <>
                {filtered ? `${matched.length} van de ${rows.length} aanmeldingen` : `${rows.length} ${rows.length === 1 ? 'aanmelding' : 'aanmeldingen'}`}
                {pages > 1 ? `, pagina ${page} van ${pages}` : ''}
              </>
            }
            headers={['Naam', 'E-mailadres', 'Organisatie', 'Status', 'Deelsessies', 'Aangemeld op']}
          >
            {shown.map((r) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  <a class="utrecht-link" href={`${base(slug)}/${r.id}`}>
                    {r.name}
                  </a>
                </th>
                <Td>{r.email}</Td>
                <Td>{r.organisationName ?? ''}</Td>
                <Td>
                  {STATUS_LABELS[r.status]}
                  {r.position ? ` (${r.position})` : ''}
                </Td>
                <Td>
                  {r.choices
                    .filter((c) => c.status !== 'cancelled')
                    .map((c) => `${workshopTitle(doc, c.workshopKey)}${c.status === 'waitlisted' ? ' (wachtlijst)' : ''}`)
                    .join(', ')}
                </Td>
                <Td>{when(r.createdAt)}</Td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pager page={page} pages={pages} href={(n) => `${base(slug)}${queryString(query, { page: n })}`} />
      </section>
    </ManageLayout>
  );
};

// ---------------------------------------------------------------------------------------
// One registration

const answerText = (v: unknown) => (typeof v === 'boolean' ? (v ? 'Ja' : 'Nee') : Array.isArray(v) ? v.join(', ') : String(v ?? ''));

export const RegistrationDetailPage: FC<{
  account: SessionAccount;
  csrf: string;
  event: AccountEvent;
  doc: EventDocument;
  history: RegistrationHistory;
  row: ListRow | undefined;
  /** Staff-only notes, and this registration's entries in the event's log. */
  notes: NoteView[];
  audit: AuditEntryView[];
  values?: FormValues;
  errors?: FieldErrors;
  notice?: Notice | undefined;
}> = ({ account, csrf, event, doc, history, row, notes, audit, values = {}, errors = {}, notice }) => {
  const r = history.registration;
  const url = `${base(event.slug)}/${r.id}`;
  const active = (ACTIVE as readonly string[]).includes(r.status);
  const choices = row?.choices ?? [];
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return (
    <ManageLayout title={r.name} account={account} csrf={csrf} notice={notice}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base(event.slug)}>
          Terug naar de aanmeldingen van {event.title}
        </a>
      </p>
      <ErrorSummary errors={errors} />
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <DataRow k="Status">
          {STATUS_LABELS[r.status]}
          {row?.position ? `, nummer ${row.position} op de wachtlijst` : ''}
          {r.status === 'waitlisted' && r.waitReason ? ` (${waitReasonLabel[r.waitReason] ?? r.waitReason})` : ''}
          {r.status === 'offered' && r.offerExpiresAt ? `, tot ${when(r.offerExpiresAt)}` : ''}
        </DataRow>
        {r.status === 'refused' && r.refusalReason ? <DataRow k="Reden van afwijzing">{r.refusalReason}</DataRow> : null}
        <DataRow k="E-mailadres">{r.email}</DataRow>
        <DataRow k="Organisatie">{r.organisationName ?? '—'}</DataRow>
        <DataRow k="Soort organisatie">{r.organisationKind ?? '—'}</DataRow>
        <DataRow k="Functie">{r.role ?? '—'}</DataRow>
        {r.domain ? <DataRow k="Beleidsdomein">{r.domain}</DataRow> : null}
        <DataRow k="Toestemming">
          privacyverklaring: {r.consents.privacy ? 'ja' : 'nee'}; foto's: {r.consents.photos ? 'ja' : 'nee'}; berichten: {r.consents.mailingList ? 'ja' : 'nee'}
        </DataRow>
        {r.billing ? (
          <DataRow k="Factuur">
            {r.billing.organisationName}, {r.billing.street}, {r.billing.postcode} {r.billing.city}, {r.billing.invoiceEmail}
            {r.billing.purchaseOrder ? `, inkoopnummer ${r.billing.purchaseOrder}` : ''}
          </DataRow>
        ) : null}
      </dl>

      {choices.length ? (
        <section class="bijeen-section" aria-labelledby="keuzes-kop">
          <h2 class="utrecht-heading-2" id="keuzes-kop">
            Deelsessies
          </h2>
          <ul class="utrecht-unordered-list">
            {choices.map((c) => (
              <li class="utrecht-unordered-list__item">
                {roundTitle(doc, c.roundKey)}: {workshopTitle(doc, c.workshopKey)} ({choiceLabel[c.status] ?? c.status}
                {c.position ? `, nummer ${c.position}` : ''})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {doc.registration.questions.length ? (
        <section class="bijeen-section" aria-labelledby="antwoorden-kop">
          <h2 class="utrecht-heading-2" id="antwoorden-kop">
            Antwoorden
          </h2>
          <dl class="utrecht-data-list utrecht-data-list--rows">
            {doc.registration.questions.map((q) => (
              <DataRow k={q.label}>{r.answers[q.key] === undefined ? '—' : answerText(r.answers[q.key])}</DataRow>
            ))}
          </dl>
        </section>
      ) : null}

      <section class="bijeen-section" aria-labelledby="acties-kop">
        <h2 class="utrecht-heading-2" id="acties-kop">
          Wijzigen
        </h2>
        {r.status === 'pending' ? (
          <form method="post" action={`${url}/goedkeuren`} class="bijeen-form">
            <Csrf token={csrf} />
            <h3 class="utrecht-heading-3">Goedkeuren</h3>
            <p class="utrecht-paragraph">De deelnemer krijgt een bevestiging met de uitnodiging.</p>
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              Goedkeuren
            </button>
          </form>
        ) : null}
        {r.status === 'waitlisted' ? (
          <form method="post" action={`${url}/van-wachtlijst`} class="bijeen-form">
            <Csrf token={csrf} />
            <h3 class="utrecht-heading-3">Van de wachtlijst halen</h3>
            <p class="utrecht-paragraph">
              Buiten de volgorde om, maar alleen als er een plaats vrij is en de limiet van de organisatie het toelaat: het maximum aantal plaatsen en de limieten gelden
              ook hier. De deelnemer krijgt de plaats meteen, met een bevestiging.
            </p>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Van de wachtlijst halen
            </button>
          </form>
        ) : null}
        {active && rounds(doc).length ? (
          <form method="post" action={`${url}/deelsessies`} class="bijeen-form">
            <Csrf token={csrf} />
            <h3 class="utrecht-heading-3">Deelsessies wijzigen</h3>
            <p class="utrecht-paragraph">Alleen naar een deelsessie met een vrije plaats, tot de bijeenkomst begint. De deelnemer krijgt een e-mail met de nieuwe keuzes.</p>
            {rounds(doc).map((round) => {
              const field = `keuze.${round.key}`;
              const current = values[field] !== undefined ? one(values[field]) : (choices.find((c) => c.roundKey === round.key)?.workshopKey ?? '');
              return (
                <Select
                  name={field}
                  label={round.title}
                  value={current}
                  errors={errors}
                  options={doc.workshops.filter((w) => w.rounds.includes(round.key)).map((w): [string, string] => [w.key, w.title])}
                />
              );
            })}
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Deelsessies opslaan
            </button>
          </form>
        ) : null}
        {r.status === 'pending' || r.status === 'waitlisted' || r.status === 'offered' ? (
          <form method="post" action={`${url}/afwijzen`} class="bijeen-form">
            <Csrf token={csrf} />
            <h3 class="utrecht-heading-3">Afwijzen</h3>
            <Text name="reden" label="Reden (niet verplicht)" value={one(values.reden)} errors={errors} multiline description="De reden staat in de e-mail aan de deelnemer en op diens persoonlijke pagina." />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Afwijzen
            </button>
          </form>
        ) : null}
        {active ? (
          <form method="post" action={`${url}/annuleren`} class="bijeen-form">
            <Csrf token={csrf} />
            <h3 class="utrecht-heading-3">Annuleren</h3>
            <p class="utrecht-paragraph">Ook na de termijn voor annuleren. De deelnemer krijgt een e-mail; een vrijgekomen plaats gaat naar de wachtlijst.</p>
            <Fieldset field="bevestig" legend="Zeker weten?" errors={errors}>
              <Choice type="checkbox" name="bevestig" value="ja" id="veld-bevestig-ja" checked={false} label="Ja, annuleer deze aanmelding" />
            </Fieldset>
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              Aanmelding annuleren
            </button>
          </form>
        ) : null}
        {!active && r.status !== 'pending' ? (
          <>
            <p class="utrecht-paragraph">Deze aanmelding is niet meer actief en kan niet meer worden gewijzigd.</p>
            <p class="utrecht-paragraph">
              <a class="utrecht-link" href={`${base(event.slug)}/nieuw?van=${r.id}`}>
                Opnieuw aanmelden met deze gegevens
              </a>{' '}
              (een nieuwe aanmelding, met dezelfde regels als elke andere).
            </p>
          </>
        ) : null}
      </section>

      <NotesSection account={account} csrf={csrf} action={`${url}/notities`} notes={notes} value={one(values.notitie)} errors={errors} />

      <section class="bijeen-section" aria-labelledby="geschiedenis-kop">
        <h2 class="utrecht-heading-2" id="geschiedenis-kop">
          Geschiedenis
        </h2>
        <dl class="utrecht-data-list utrecht-data-list--rows">
          <DataRow k="Aangemeld op">{when(r.createdAt)}</DataRow>
          <DataRow k="Laatst gewijzigd">{when(r.updatedAt)}</DataRow>
          {r.cancelledAt ? <DataRow k="Geannuleerd op">{when(r.cancelledAt)}</DataRow> : null}
        </dl>
        {history.mails.length ? (
          <DataTable caption="E-mails aan deze deelnemer" headers={['E-mail', 'Klaargezet op', 'Status', 'Verstuurd op']}>
            {history.mails.map((m) => (
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="row">
                  {/* The mail itself (text, HTML, last error) is on the event's outbox page. */}
                  <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/post/${m.id}`}>
                    {MAIL_KIND_LABELS[m.kind] ?? m.kind}
                  </a>
                </th>
                <Td>{when(m.createdAt)}</Td>
                <Td>{DELIVERY_LABELS[deliveryOf(m.status)]}</Td>
                <Td>{m.sentAt ? when(m.sentAt) : '—'}</Td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p class="utrecht-paragraph">Er zijn nog geen e-mails aan deze deelnemer.</p>
        )}
        {audit.length ? <AuditTable entries={audit} caption="Wijzigingen in het logboek" /> : null}
      </section>
    </ManageLayout>
  );
};

// ---------------------------------------------------------------------------------------
// Adding one by hand

export const AddRegistrationPage: FC<{
  account: SessionAccount;
  csrf: string;
  event: AccountEvent;
  doc: EventDocument;
  values: FormValues;
  errors: FieldErrors;
  idempotencyKey: string;
  notice?: Notice | undefined;
}> = ({ account, csrf, event, doc, values, errors, idempotencyKey, notice }) => {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const limits = doc.registration.organisationLimits;
  return (
    <ManageLayout title={`Aanmelding toevoegen: ${event.title}`} account={account} csrf={csrf} notice={notice}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base(event.slug)}>
          Terug naar de aanmeldingen
        </a>
      </p>
      <p class="utrecht-paragraph">
        Bijvoorbeeld na een telefoontje. Dezelfde regels als op de website: het maximum aantal plaatsen, de wachtlijst, de limieten per organisatie en de
        aanmeldtermijn. De deelnemer krijgt dezelfde e-mail met de persoonlijke link.
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`${base(event.slug)}/nieuw`} novalidate class="bijeen-form">
        <Csrf token={csrf} />
        <input type="hidden" name="_idem" value={idempotencyKey} />
        <Text name="name" label="Naam" value={one(values.name)} errors={errors} />
        <Text name="email" label="E-mailadres" type="email" value={one(values.email)} errors={errors} />
        <Text name="organisation" label="Organisatie" value={one(values.organisation)} errors={errors} />
        <Select name="organisationKind" label="Soort organisatie" value={one(values.organisationKind)} errors={errors} options={[['', 'Kies…'], ...organisationKinds.map((k): [string, string] => [k, k])]} />
        <Text name="role" label="Functie (niet verplicht)" value={one(values.role)} errors={errors} />
        {limits.domains ? (
          <Select name="domain" label="Beleidsdomein" value={one(values.domain)} errors={errors} options={[['', 'Kies…'], ...limits.domains.options.map((d): [string, string] => [d, d])]} />
        ) : null}
        {rounds(doc).map((round) => (
          <Select
            name={`keuze.${round.key}`}
            label={`Deelsessie in ${round.title}`}
            value={one(values[`keuze.${round.key}`])}
            errors={errors}
            options={[['', 'Kies…'], ...doc.workshops.filter((w) => w.rounds.includes(round.key)).map((w): [string, string] => [w.key, w.title])]}
          />
        ))}
        {doc.registration.questions.map((q) => {
          const field = `antwoord.${q.key}`;
          const label = `${q.label}${q.required ? '' : ' (niet verplicht)'}`;
          if (q.type === 'short_text' || q.type === 'long_text') return <Text name={field} label={label} value={one(values[field])} errors={errors} multiline={q.type === 'long_text'} />;
          if (q.type === 'yes_no')
            return (
              <Select
                name={field}
                label={label}
                value={one(values[field])}
                errors={errors}
                options={[
                  ['', 'Geen antwoord'],
                  ['ja', 'Ja'],
                  ['nee', 'Nee'],
                ]}
              />
            );
          return (
            <Fieldset field={field} legend={label} errors={errors}>
              {q.options.map((o, j) => (
                <Choice type={q.type === 'single_choice' ? 'radio' : 'checkbox'} name={field} value={o} id={`${idOf(field)}-${j}`} checked={has(values, field, o)} label={o} />
              ))}
            </Fieldset>
          );
        })}
        {doc.price && doc.price.amountCents > 0 ? (
          <>
            <Text name="billing.organisationName" label="Organisatie op de factuur" value={one(values['billing.organisationName'])} errors={errors} />
            <Text name="billing.street" label="Adres" value={one(values['billing.street'])} errors={errors} />
            <Text name="billing.postcode" label="Postcode" value={one(values['billing.postcode'])} errors={errors} />
            <Text name="billing.city" label="Plaats" value={one(values['billing.city'])} errors={errors} />
            <Text name="billing.invoiceEmail" label="E-mailadres voor de factuur" type="email" value={one(values['billing.invoiceEmail'])} errors={errors} />
          </>
        ) : null}
        <Fieldset field="toestemming.privacy" legend="Privacy" errors={errors}>
          <Choice
            type="checkbox"
            name="toestemming.privacy"
            value="ja"
            id="veld-toestemming-privacy-ja"
            checked={has(values, 'toestemming.privacy', 'ja')}
            label="De deelnemer gaat akkoord met de privacyverklaring (gevraagd)."
          />
        </Fieldset>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Aanmelding toevoegen
        </button>
      </form>
    </ManageLayout>
  );
};

// ---------------------------------------------------------------------------------------
// Routes

const fieldErrors = (problems: { path: string; message: string }[]): FieldErrors => {
  const errors: FieldErrors = {};
  for (const p of problems) errors[fieldOf(p.path)] ??= p.message;
  return errors;
};

type Body = Record<string, string | File | (string | File)[]>;
async function formValues(c: Context<AppEnv>): Promise<{ values: FormValues; idem: string | undefined }> {
  const body = (await c.req.parseBody({ all: true })) as Body;
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('_')) continue;
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    values[k] = strings.length === 1 ? strings[0]! : strings;
  }
  return { values, idem: typeof body._idem === 'string' ? body._idem : undefined };
}

export function registrationRoutes() {
  const app = new Hono<AppEnv>();

  const notFound = (c: Context<AppEnv>, text = 'Dit evenement bestaat niet, of uw organisatie organiseert het niet.') =>
    c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text={text} />, 404);

  /** Another organiser's event: not found, whatever the role; then balie: no access. */
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const event = await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug') ?? '');
    if (!event) return notFound(c);
    if (!may(me(c).role, 'registrations.view')) return c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);
    return next();
  };
  for (const path of ['/beheer/evenementen/:slug/aanmeldingen', '/beheer/evenementen/:slug/aanmeldingen/*', '/beheer/evenementen/:slug/export/*']) app.use(path, guard);

  const load = async (c: Context<AppEnv>) => {
    const event = (await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug')!))!;
    const { doc, rows } = await loadRegistrationTable(c.var.deps.db, event.slug);
    return { event, doc, rows };
  };
  const flash = (c: Context<AppEnv>): Notice | undefined => {
    const text = flashes[c.req.query('melding') ?? ''];
    return text ? { type: 'ok', text } : undefined;
  };

  app.get('/beheer/evenementen/:slug/aanmeldingen', async (c) => {
    const { event, doc, rows } = await load(c);
    return c.html(<RegistrationTablePage account={me(c)} csrf={csrfToken(c)} event={event} doc={doc} rows={rows} query={parseListQuery(c.req.query())} notice={flash(c)} />);
  });

  // Adding one by hand: the public form's input, through register().
  const addPage = async (c: Context<AppEnv>, status: 200 | 400 | 409, values: FormValues = {}, errors: FieldErrors = {}, notice?: Notice) => {
    const { event, doc } = await load(c);
    return c.html(
      <AddRegistrationPage account={me(c)} csrf={csrfToken(c)} event={event} doc={doc} values={values} errors={errors} idempotencyKey={randomBytes(16).toString('base64url')} notice={notice} />,
      status,
    );
  };
  app.get('/beheer/evenementen/:slug/aanmeldingen/nieuw', async (c) => {
    // "Opnieuw aanmelden": the form filled in with a registration that is no longer active.
    const from = c.req.query('van');
    if (!from) return addPage(c, 200);
    const event = (await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug')!))!;
    const { doc, rows } = await loadExportData(c.var.deps.db, event.slug);
    const earlier = rows.find((r) => r.id === from && !(ACTIVE as readonly string[]).includes(r.status));
    if (!earlier) return addPage(c, 200);
    return addPage(c, 200, valuesOfRegistration(earlier, doc.registration.questions), {}, {
      type: 'info',
      text: `De gegevens van de eerdere aanmelding van ${earlier.name} staan al ingevuld. Vraag de toestemmingen opnieuw. Het wordt een nieuwe aanmelding, met dezelfde regels als elke andere: is het vol, dan komt die achteraan op de wachtlijst.`,
    });
  });
  app.post('/beheer/evenementen/:slug/aanmeldingen/nieuw', verifyCsrf, async (c) => {
    const { event, doc } = await load(c);
    const { values, idem } = await formValues(c);
    let result;
    try {
      result = await register(c.var.deps.db, event.slug, inputOf(values, doc.registration.questions), {
        now: c.var.deps.clock(),
        baseUrl: c.var.deps.config.publicUrl,
        idempotencyKey: idem ? `beheer:${idem}` : undefined,
        enteredBy: accountActor(me(c)),
      });
    } catch (err) {
      // A draft event takes no registrations, not even by hand.
      if (err instanceof DomainError && err.code === 'not_found')
        return addPage(c, 409, values, {}, { type: 'warning', text: 'Dit evenement is nog niet gepubliceerd; aanmelden kan pas daarna.' });
      throw err;
    }
    switch (result.kind) {
      case 'registered':
        c.var.deps.pageCache.invalidate(result.registration.eventId);
        return c.redirect(`${base(event.slug)}/${result.registration.id}?melding=toegevoegd`, 303);
      case 'invalid':
        return addPage(c, 400, values, fieldErrors(result.problems));
      case 'duplicate':
        return addPage(c, 409, values, {}, { type: 'warning', text: `Met ${result.email} is al iemand aangemeld voor dit evenement. Zoek de aanmelding in de lijst.` });
      case 'full':
        return addPage(c, 409, values, {}, { type: 'warning', text: 'Het evenement is vol en heeft geen wachtlijst; er kan niemand meer bij.' });
      case 'closed':
        return addPage(c, 409, values, {}, { type: 'warning', text: 'Aanmelden is voor dit evenement niet (meer) open; ook hier kan dan niemand worden toegevoegd.' });
    }
  });

  const detail = async (c: Context<AppEnv>, status: 200 | 400 | 403 | 409, extra: { values?: FormValues; errors?: FieldErrors; notice?: Notice | undefined } = {}) => {
    const { event, doc, rows } = await load(c);
    const history = await registrationHistory(c.var.deps.db, event.id, c.req.param('id')!);
    if (!history) return notFound(c, 'Deze aanmelding bestaat niet bij dit evenement.');
    const row = rows.find((r) => r.id === history.registration.id);
    const notes = await listNotes(c.var.deps.db, event.id, history.registration.id);
    const audit = await listRegistrationAudit(c.var.deps.db, event.id, history.registration.id);
    return c.html(
      <RegistrationDetailPage account={me(c)} csrf={csrfToken(c)} event={event} doc={doc} history={history} row={row} notes={notes} audit={audit} {...extra} />,
      status,
    );
  };
  const back = (c: Context<AppEnv>, melding: string) => c.redirect(`${base(c.req.param('slug')!)}/${c.req.param('id')}?melding=${melding}`, 303);
  /** A change the domain refuses: the page, with why; an unknown registration: not found. */
  const refused = (c: Context<AppEnv>, err: unknown) => {
    if (err instanceof DomainError && err.code === 'conflict') return detail(c, 409, { notice: { type: 'error', text: err.message } });
    if (err instanceof DomainError && err.code === 'not_found') return notFound(c, 'Deze aanmelding bestaat niet bij dit evenement.');
    throw err;
  };
  const eventId = async (c: Context<AppEnv>) => (await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug')!))!.id;
  const changed = (c: Context<AppEnv>, id: string) => c.var.deps.pageCache.invalidate(id);

  app.get('/beheer/evenementen/:slug/aanmeldingen/:id', (c) => detail(c, 200, { notice: flash(c) }));

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/goedkeuren', verifyCsrf, async (c) => {
    const id = await eventId(c);
    try {
      await approveRegistration(c.var.deps.db, id, c.req.param('id'), c.var.deps.clock(), c.var.deps.config.publicUrl, accountActor(me(c)));
    } catch (err) {
      return refused(c, err);
    }
    changed(c, id);
    return back(c, 'goedgekeurd');
  });

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/afwijzen', verifyCsrf, async (c) => {
    const id = await eventId(c);
    const { values } = await formValues(c);
    const reason = (typeof values.reden === 'string' ? values.reden : '').trim();
    if (reason.length > 2000) return detail(c, 400, { values, errors: { reden: 'Hoogstens 2.000 tekens.' } });
    try {
      await refuseRegistration(c.var.deps.db, id, c.req.param('id'), reason || null, c.var.deps.clock(), c.var.deps.config.publicUrl, accountActor(me(c)));
    } catch (err) {
      return refused(c, err);
    }
    changed(c, id);
    return back(c, 'afgewezen');
  });

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/annuleren', verifyCsrf, async (c) => {
    const id = await eventId(c);
    const { values } = await formValues(c);
    if (values.bevestig !== 'ja') return detail(c, 400, { errors: { bevestig: 'Vink aan dat u deze aanmelding wilt annuleren.' } });
    let result;
    try {
      result = await cancelByOrganiser(c.var.deps.db, id, c.req.param('id'), c.var.deps.clock(), c.var.deps.config.publicUrl, accountActor(me(c)));
    } catch (err) {
      return refused(c, err);
    }
    changed(c, id);
    return back(c, result.cancelled ? 'geannuleerd' : 'al-geannuleerd');
  });

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/van-wachtlijst', verifyCsrf, async (c) => {
    const id = await eventId(c);
    let result;
    try {
      result = await promoteByHand(c.var.deps.db, id, c.req.param('id'), c.var.deps.clock(), c.var.deps.config.publicUrl, accountActor(me(c)));
    } catch (err) {
      return refused(c, err);
    }
    if (result.kind === 'refused') return detail(c, 409, { notice: { type: 'warning', text: `Niet van de wachtlijst gehaald. ${result.reason}` } });
    changed(c, id);
    return back(c, 'naar-boven');
  });

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/deelsessies', verifyCsrf, async (c) => {
    const id = await eventId(c);
    const { values } = await formValues(c);
    const choices = Object.fromEntries(
      Object.entries(values)
        .filter(([k, v]) => k.startsWith('keuze.') && typeof v === 'string' && v !== '')
        .map(([k, v]) => [k.slice('keuze.'.length), v as string]),
    );
    let result;
    try {
      result = await moveWorkshops(c.var.deps.db, id, c.req.param('id'), choices, c.var.deps.clock(), c.var.deps.config.publicUrl, accountActor(me(c)));
    } catch (err) {
      return refused(c, err);
    }
    if (result.kind === 'invalid') return detail(c, 400, { values, errors: fieldErrors(result.problems) });
    changed(c, id);
    return back(c, result.kind === 'changed' ? 'verplaatst' : 'ongewijzigd');
  });

  // Notes (staff only): add one, delete one's own.
  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/notities', verifyCsrf, async (c) => {
    const id = await eventId(c);
    const { values } = await formValues(c);
    const body = typeof values.notitie === 'string' ? values.notitie : '';
    const result = await addNote(c.var.deps.db, { eventId: id, registrationId: c.req.param('id'), author: me(c), body, now: c.var.deps.clock() });
    if (result.kind === 'not_found') return notFound(c, 'Deze aanmelding bestaat niet bij dit evenement.');
    if (result.kind === 'invalid') return detail(c, 400, { values: { notitie: body }, errors: { notitie: result.problem } });
    return back(c, 'notitie-toegevoegd');
  });

  app.post('/beheer/evenementen/:slug/aanmeldingen/:id/notities/:note/verwijderen', verifyCsrf, async (c) => {
    const id = await eventId(c);
    const result = await deleteNote(c.var.deps.db, { eventId: id, registrationId: c.req.param('id'), noteId: c.req.param('note'), author: me(c), now: c.var.deps.clock() });
    if (result.kind === 'not_found') return notFound(c, 'Deze notitie bestaat niet (meer) bij deze aanmelding.');
    if (result.kind === 'not_own') return detail(c, 403, { notice: { type: 'error', text: 'U kunt alleen uw eigen notities verwijderen.' } });
    return back(c, 'notitie-verwijderd');
  });

  // Exports, with the session (the same functions as the API's exports).
  const download = (c: Context<AppEnv>, body: string | Uint8Array, type: string, what: string, ext: string) => {
    const slug = c.req.param('slug')!;
    c.header('content-type', type);
    c.header('content-disposition', `attachment; filename="${what}-${slug}-${isoDateLocal(c.var.deps.clock())}.${ext}"`);
    return c.body(typeof body === 'string' ? body : new Uint8Array(body));
  };
  app.get('/beheer/evenementen/:slug/export/aanmeldingen.csv', async (c) =>
    download(c, (await exportRegistrations(c.var.deps.db, c.req.param('slug'), 'csv')) as string, 'text/csv; charset=utf-8', 'aanmeldingen', 'csv'),
  );
  app.get('/beheer/evenementen/:slug/export/aanmeldingen.xlsx', async (c) =>
    download(c, await exportRegistrations(c.var.deps.db, c.req.param('slug'), 'xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aanmeldingen', 'xlsx'),
  );
  app.get('/beheer/evenementen/:slug/export/presentielijst.pdf', async (c) =>
    download(c, await exportAttendance(c.var.deps.db, c.req.param('slug')), 'application/pdf', 'presentielijst', 'pdf'),
  );
  app.get('/beheer/evenementen/:slug/export/naambadges.pdf', async (c) =>
    download(c, await exportBadges(c.var.deps.db, c.req.param('slug')), 'application/pdf', 'naambadges', 'pdf'),
  );

  return app;
}
