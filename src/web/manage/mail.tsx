import { createHash, randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { Child, FC } from 'hono/jsx';
import { raw } from 'hono/html';
import type { AppEnv } from '../../app';
import { getOrganiserEvent, type AccountEvent } from '../../domain/accounts/overview';
import { may, type Permission } from '../../domain/accounts/rules';
import type { SessionAccount } from '../../domain/accounts/service';
import { accountActor } from '../../domain/audit/service';
import { getMessage, listMessages, previewMessage, sendMessage, type MessageDetail, type MessageSummary, type PreviewResult } from '../../domain/mail/messages';
import { getOutboxMail, listOutbox, retryMail, type OutboxMail, type OutboxPage, type OutboxScope } from '../../domain/mail/outbox-view';
import {
  BODY_MAX,
  DELIVERY_LABELS,
  MAIL_KIND_LABELS,
  OUTBOX_FILTERS,
  parseRecipientGroup,
  RECIPIENT_GROUP_KINDS,
  RECIPIENT_GROUP_LABELS,
  recipientGroupLabel,
  selectRecipients,
  SUBJECT_MAX,
  workshopRounds,
  type DeliveryCounts,
  type OutboxFilter,
  type RecipientGroup,
  type RecipientGroupDocument,
} from '../../domain/mail/rules';
import { loadRegistrationTable, type ListRow } from '../../domain/registration/back-office';
import { FormField, type FieldErrors } from '../components/form-field';
import { renderMarkdown } from '../components/markdown';
import { Choice, ErrorSummary, Fieldset } from '../public/register-page';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { ForbiddenPage, ManageLayout, ManageNotFoundPage, type Notice } from './pages';
import { DataTable, Td } from '../components/table-cells';
import { Pager } from '../components/pager';
import { Csrf, DataRow, me, when } from './common';

/*
 * Mail in the back office (redacteur and beheerder: `events.edit`; balie: 403; another
 * organiser's event: 404):
 * - /beheer/evenementen/{slug}/berichten: the messages sent to the event's registrants,
 *   "Nieuw bericht" (a group, a subject, a Markdown text), "Voorbeeld bekijken" (how many,
 *   the first names, the mail as the first recipient gets it), then "Versturen"; one
 *   message with its recipients and each mail's state.
 * - /beheer/evenementen/{slug}/post: every mail of the event (the outbox), by state, a
 *   page at a time; one mail with its text and its HTML (in a sandboxed frame, served with
 *   a CSP that allows nothing but inline styles); "Opnieuw proberen" for a failed one.
 * - /beheer/post: the same for mails about no event (staff invitations), beheerder only.
 * Without SMTP_URL these pages are where mail is read (the worker keeps .eml files).
 */

const eventBase = (slug: string) => `/beheer/evenementen/${encodeURIComponent(slug)}`;


/** Without SMTP_URL: mail is not sent but kept, and read here. */
const LocalMailNote: FC<{ smtp: boolean }> = ({ smtp }) =>
  smtp ? null : (
    <div class="utrecht-alert utrecht-alert--info bijeen-state" role="note">
      <p class="utrecht-paragraph">
        Er is geen mailserver ingesteld (SMTP_URL). E-mails gaan daarom niet echt de deur uit: ze worden als .eml-bestand bewaard in de map outbox van de
        gegevensmap en als verzonden gemarkeerd. Hier op de pagina Uitgaande post kunt u elke e-mail lezen.
      </p>
    </div>
  );

const DeliveryList: FC<{ counts: DeliveryCounts }> = ({ counts }) => (
  <ul class="utrecht-unordered-list">
    <li class="utrecht-unordered-list__item">Verzonden: {counts.verzonden}</li>
    <li class="utrecht-unordered-list__item">Wacht: {counts.wacht}</li>
    <li class="utrecht-unordered-list__item">Mislukt: {counts.mislukt}</li>
  </ul>
);

const EventLinks: FC<{ slug: string }> = ({ slug }) => (
  <p class="utrecht-paragraph">
    <a class="utrecht-link" href={eventBase(slug)}>
      Terug naar het evenement
    </a>
    {' · '}
    <a class="utrecht-link" href={`${eventBase(slug)}/berichten`}>
      Berichten
    </a>
    {' · '}
    <a class="utrecht-link" href={`${eventBase(slug)}/post`}>
      Uitgaande post
    </a>
  </p>
);

const groupText = (a: RecipientGroup | null, doc: RecipientGroupDocument) => (a ? recipientGroupLabel(a, doc) : 'onbekende groep');

// ---------------------------------------------------------------------------------------
// Messages

export const MessagesPage: FC<{ account: SessionAccount; csrf: string; event: AccountEvent; doc: RecipientGroupDocument; messages: MessageSummary[]; smtp: boolean; notice?: Notice | undefined }> = ({
  account,
  csrf,
  event,
  doc,
  messages,
  smtp,
  notice,
}) => (
  <ManageLayout title={`Berichten: ${event.title}`} account={account} csrf={csrf} notice={notice}>
    <EventLinks slug={event.slug} />
    <p class="utrecht-paragraph">
      <a class="utrecht-button-link utrecht-button-link--primary-action" href={`${eventBase(event.slug)}/berichten/nieuw`}>
        Nieuw bericht
      </a>
    </p>
    <LocalMailNote smtp={smtp} />
    {messages.length === 0 ? (
      <p class="utrecht-paragraph">Er zijn voor dit evenement nog geen berichten verstuurd.</p>
    ) : (
      <DataTable caption="Verstuurde berichten, nieuwste eerst" headers={['Onderwerp', 'Verstuurd op', 'Door', 'Groep', 'Ontvangers', 'Verzonden', 'Wacht', 'Mislukt']}>
        {messages.map((m) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              <a class="utrecht-link" href={`${eventBase(event.slug)}/berichten/${m.id}`}>
                {m.subject}
              </a>
            </th>
            <Td>{when(m.createdAt)}</Td>
            <Td>{m.authorName}</Td>
            <Td>{groupText(m.recipientGroup, doc)}</Td>
            <Td>{m.recipientCount}</Td>
            <Td>{m.delivery.verzonden}</Td>
            <Td>{m.delivery.wacht}</Td>
            <Td>{m.delivery.mislukt}</Td>
          </tr>
        ))}
      </DataTable>
    )}
  </ManageLayout>
);

export interface ComposeValues {
  group: string;
  workshop: string;
  subject: string;
  body: string;
}

/** What a preview showed, as a hidden field: "Versturen" sends only what was previewed. */
export const previewToken = (v: ComposeValues) => createHash('sha256').update(JSON.stringify([v.group, v.group === 'workshop' ? v.workshop : '', v.subject, v.body])).digest('base64url');

const Preview: FC<{ preview: Extract<PreviewResult, { kind: 'preview' }> }> = ({ preview }) => {
  const others = preview.recipients - preview.names.length;
  return (
    <section class="bijeen-section" aria-labelledby="voorbeeld-kop">
      <h2 class="utrecht-heading-2" id="voorbeeld-kop">
        Voorbeeld
      </h2>
      <p class="utrecht-paragraph">
        Dit bericht gaat naar <strong>{preview.recipients === 1 ? '1 deelnemer' : `${preview.recipients} deelnemers`}</strong> ({preview.recipientGroupLabel.toLowerCase()}):{' '}
        {preview.names.join(', ')}
        {others > 0 ? ` en ${others === 1 ? '1 ander' : `${others} anderen`}` : ''}.
      </p>
      <p class="utrecht-paragraph">
        Zo krijgt {preview.names[0]} ({preview.mail.to}) het, in het {preview.mail.language === 'nl' ? 'Nederlands' : 'Engels'}:
      </p>
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <DataRow k="Onderwerp">{preview.mail.subject}</DataRow>
      </dl>
      <h3 class="utrecht-heading-3">De e-mail als tekst</h3>
      <pre class="bijeen-mail-text">{preview.mail.text}</pre>
    </section>
  );
};

export const ComposePage: FC<{
  account: SessionAccount;
  csrf: string;
  event: AccountEvent;
  doc: RecipientGroupDocument;
  rows: ListRow[];
  values: ComposeValues;
  errors: FieldErrors;
  idempotencyKey: string;
  preview?: Extract<PreviewResult, { kind: 'preview' }> | undefined;
  notice?: Notice | undefined;
}> = ({ account, csrf, event, doc, rows, values, errors, idempotencyKey, preview, notice }) => {
  const options = workshopRounds(doc);
  const size = (a: RecipientGroup) => selectRecipients(a, rows).length;
  const kinds = RECIPIENT_GROUP_KINDS.filter((k) => k !== 'workshop' || options.length > 0);
  const bodyHtml = values.body.trim() ? renderMarkdown(values.body, 3) : '';
  return (
    <ManageLayout title={`Nieuw bericht: ${event.title}`} account={account} csrf={csrf} notice={notice}>
      <EventLinks slug={event.slug} />
      <ErrorSummary errors={errors} />
      {preview ? <Preview preview={preview} /> : null}
      {preview && bodyHtml ? (
        <section class="bijeen-section" aria-labelledby="opmaak-kop">
          <h3 class="utrecht-heading-3" id="opmaak-kop">
            De tekst met opmaak
          </h3>
          <div class="bijeen-preview">{raw(bodyHtml)}</div>
        </section>
      ) : null}
      <form method="post" action={`${eventBase(event.slug)}/berichten/nieuw`} novalidate class="bijeen-form">
        <Csrf token={csrf} />
        <input type="hidden" name="_idem" value={idempotencyKey} />
        {preview ? <input type="hidden" name="_voorbeeld" value={previewToken(values)} /> : null}
        <Fieldset field="group" legend="Aan wie?" errors={errors}>
          {kinds.map((k) => (
            <Choice
              type="radio"
              name="group"
              value={k}
              id={`veld-group-${k}`}
              checked={values.group === k}
              label={k === 'workshop' ? RECIPIENT_GROUP_LABELS.workshop : `${RECIPIENT_GROUP_LABELS[k]} (${size({ kind: k } as RecipientGroup)})`}
            />
          ))}
          {options.length ? (
            <FormField field="workshop" label="Deelsessie en ronde" errors={errors} kind="select" description="Alleen bij de laatste keuze: de bevestigde deelnemers met een plaats in deze deelsessie.">
              {(attrs) => (
                <select class="utrecht-select utrecht-select--html-select" {...attrs}>
                  <option value="">Kies…</option>
                  {options.map((o) => (
                    <option value={o.value} selected={o.value === values.workshop}>
                      {o.label} ({size({ kind: 'workshop', round: o.round, workshop: o.workshop })})
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          ) : null}
        </Fieldset>
        <FormField field="subject" label="Onderwerp" errors={errors} description={`Eén regel, hoogstens ${SUBJECT_MAX} tekens.`}>
          {(attrs) => (
            <input class={`utrecht-textbox utrecht-textbox--html-input${errors.subject ? ' utrecht-textbox--invalid' : ''}`} {...attrs} type="text" value={values.subject} maxlength={SUBJECT_MAX} />
          )}
        </FormField>
        <FormField
          field="body"
          label="Tekst"
          errors={errors}
          kind="textarea"
          description={`Markdown werkt: **vet**, *cursief*, [linktekst](https://…), een regel die begint met "- " voor een opsomming, een lege regel voor een nieuwe alinea. Elke e-mail begint met "Beste …," en eindigt met de persoonlijke link van de deelnemer en de contactgegevens. Hoogstens ${BODY_MAX.toLocaleString('nl-NL')} tekens.`}
        >
          {(attrs) => (
            <textarea class={`utrecht-textarea utrecht-textarea--html-textarea${errors.body ? ' utrecht-textarea--invalid' : ''}`} {...attrs} rows={12}>
              {values.body}
            </textarea>
          )}
        </FormField>
        <div class="utrecht-button-group">
          <button class={`utrecht-button utrecht-button--${preview ? 'secondary' : 'primary'}-action`} type="submit" name="actie" value="voorbeeld">
            Voorbeeld bekijken
          </button>
          {preview ? (
            <button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="versturen">
              Versturen
            </button>
          ) : null}
        </div>
      </form>
    </ManageLayout>
  );
};

const RecipientsTable: FC<{ base: string; detail: MessageDetail }> = ({ base, detail }) => (
  <DataTable caption="Ontvangers en hun e-mail" headers={['Naam', 'E-mailadres', 'Status', 'Pogingen', 'Laatste fout', 'Verzonden op']}>
    {detail.recipients.map((r) => (
      <tr class="utrecht-table__row">
        <th class="utrecht-table__header-cell" scope="row">
          <a class="utrecht-link" href={`${base}/post/${r.mailId}`}>
            {r.name ?? r.to}
          </a>
        </th>
        <Td>{r.to}</Td>
        <Td>{DELIVERY_LABELS[r.delivery]}</Td>
        <Td>{r.attempts}</Td>
        <Td>{r.lastError ?? ''}</Td>
        <Td>{r.sentAt ? when(r.sentAt) : ''}</Td>
      </tr>
    ))}
  </DataTable>
);

export const MessagePage: FC<{ account: SessionAccount; csrf: string; event: AccountEvent; doc: RecipientGroupDocument; detail: MessageDetail; smtp: boolean; notice?: Notice | undefined }> = ({
  account,
  csrf,
  event,
  doc,
  detail,
  smtp,
  notice,
}) => (
  <ManageLayout title={`Bericht: ${detail.subject}`} account={account} csrf={csrf} notice={notice}>
    <EventLinks slug={event.slug} />
    <LocalMailNote smtp={smtp} />
    <dl class="utrecht-data-list utrecht-data-list--rows">
      <DataRow k="Verstuurd op">{when(detail.createdAt)}</DataRow>
      <DataRow k="Door">{detail.authorName}</DataRow>
      <DataRow k="Groep">{groupText(detail.recipientGroup, doc)}</DataRow>
      <DataRow k="Ontvangers">{detail.recipientCount}</DataRow>
    </dl>
    <section class="bijeen-section" aria-labelledby="bezorging-kop">
      <h2 class="utrecht-heading-2" id="bezorging-kop">
        Bezorging
      </h2>
      <DeliveryList counts={detail.delivery} />
    </section>
    <section class="bijeen-section" aria-labelledby="tekst-kop">
      <h2 class="utrecht-heading-2" id="tekst-kop">
        De tekst
      </h2>
      <div class="bijeen-preview">{raw(renderMarkdown(detail.body, 3))}</div>
    </section>
    <section class="bijeen-section" aria-labelledby="ontvangers-kop">
      <h2 class="utrecht-heading-2" id="ontvangers-kop">
        Ontvangers
      </h2>
      <RecipientsTable base={eventBase(event.slug)} detail={detail} />
    </section>
  </ManageLayout>
);

// ---------------------------------------------------------------------------------------
// The outbox

/** Where an outbox lives: an event's (`/beheer/evenementen/{slug}/post`) or the organiser's (`/beheer/post`). */
interface OutboxPlace {
  base: string;
  title: string;
  back: Child;
}

const filterHref = (base: string, filter: OutboxFilter | '', page = 1) => {
  const p = new URLSearchParams();
  if (filter) p.set('status', filter);
  if (page > 1) p.set('pagina', String(page));
  const s = p.toString();
  return s ? `${base}?${s}` : base;
};

export const OutboxListPage: FC<{ account: SessionAccount; csrf: string; place: OutboxPlace; outbox: OutboxPage; filter: OutboxFilter | ''; smtp: boolean }> = ({
  account,
  csrf,
  place,
  outbox,
  filter,
  smtp,
}) => {
  const all = outbox.counts.verzonden + outbox.counts.wacht + outbox.counts.mislukt;
  const filters: [OutboxFilter | '', string, number][] = [['', 'Alle', all], ...OUTBOX_FILTERS.map((f): [OutboxFilter, string, number] => [f, DELIVERY_LABELS[f], outbox.counts[f]])];
  return (
    <ManageLayout title={place.title} account={account} csrf={csrf}>
      {place.back}
      <LocalMailNote smtp={smtp} />
      <nav aria-label="Filter op status">
        <ul class="bijeen-nav">
          {filters.map(([f, label, n]) => (
            <li>
              <a class="utrecht-link" href={filterHref(place.base, f)} aria-current={f === filter ? 'page' : undefined}>
                {label} ({n})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {outbox.rows.length === 0 ? (
        <p class="utrecht-paragraph">{filter ? 'Geen e-mails met deze status.' : 'Er zijn nog geen e-mails.'}</p>
      ) : (
        <DataTable
          caption={
            <>
              {filter ? `${DELIVERY_LABELS[filter]}: ` : ''}
              {outbox.total === 1 ? '1 e-mail' : `${outbox.total} e-mails`}, nieuwste eerst{outbox.pages > 1 ? ` (pagina ${outbox.page} van ${outbox.pages})` : ''}
            </>
          }
          headers={['Onderwerp', 'Aan', 'Soort', 'Status', 'Pogingen', 'Laatste fout', 'Aangemaakt', 'Verzonden op']}
        >
          {outbox.rows.map((m) => (
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={`${place.base}/${m.id}`}>
                  {m.subject}
                </a>
              </th>
              <Td>
                {m.name ? `${m.name}, ` : ''}
                {m.toAddress}
              </Td>
              <Td>{MAIL_KIND_LABELS[m.kind] ?? m.kind}</Td>
              <Td>{DELIVERY_LABELS[m.delivery]}</Td>
              <Td>{m.attempts}</Td>
              <Td>{m.lastError ?? ''}</Td>
              <Td>{when(m.createdAt)}</Td>
              <Td>{m.sentAt ? when(m.sentAt) : ''}</Td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pager page={outbox.page} pages={outbox.pages} href={(n) => filterHref(place.base, filter, n)} />
    </ManageLayout>
  );
};

export const OutboxMailPage: FC<{ account: SessionAccount; csrf: string; place: OutboxPlace; mail: OutboxMail; links: Child; smtp: boolean; notice?: Notice | undefined }> = ({
  account,
  csrf,
  place,
  mail,
  links,
  smtp,
  notice,
}) => (
  <ManageLayout title={`E-mail: ${mail.subject}`} account={account} csrf={csrf} notice={notice}>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={place.base}>
        Terug naar de uitgaande post
      </a>
      {links}
    </p>
    <LocalMailNote smtp={smtp} />
    <dl class="utrecht-data-list utrecht-data-list--rows">
      <DataRow k="Aan">
        {mail.name ? `${mail.name}, ` : ''}
        {mail.toAddress}
      </DataRow>
      <DataRow k="Antwoord naar">{mail.replyTo ?? 'het afzendadres'}</DataRow>
      <DataRow k="Soort">{MAIL_KIND_LABELS[mail.kind] ?? mail.kind}</DataRow>
      <DataRow k="Taal">{mail.language === 'en' ? 'Engels' : 'Nederlands'}</DataRow>
      <DataRow k="Status">{DELIVERY_LABELS[mail.delivery]}</DataRow>
      <DataRow k="Pogingen">{mail.attempts}</DataRow>
      {mail.lastError ? <DataRow k="Laatste fout">{mail.lastError}</DataRow> : null}
      {mail.delivery === 'wacht' ? <DataRow k="Volgende poging">{when(mail.nextAttemptAt)}</DataRow> : null}
      <DataRow k="Aangemaakt">{when(mail.createdAt)}</DataRow>
      <DataRow k="Verzonden op">{mail.sentAt ? when(mail.sentAt) : 'nog niet'}</DataRow>
      <DataRow k="Agenda-uitnodiging">{mail.hasCalendar ? 'bijgevoegd' : 'geen'}</DataRow>
    </dl>
    {mail.delivery === 'mislukt' ? (
      <form method="post" action={`${place.base}/${mail.id}/opnieuw`}>
        <Csrf token={csrf} />
        <p class="utrecht-paragraph">Deze e-mail is na alle pogingen niet afgeleverd. Is het probleem opgelost (bijvoorbeeld het adres of de mailserver)? Probeer het dan opnieuw.</p>
        <div class="utrecht-button-group">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            Opnieuw proberen
          </button>
        </div>
      </form>
    ) : null}
    <section class="bijeen-section" aria-labelledby="tekstversie-kop">
      <h2 class="utrecht-heading-2" id="tekstversie-kop">
        Tekstversie
      </h2>
      <pre class="bijeen-mail-text">{mail.textBody}</pre>
    </section>
    <section class="bijeen-section" aria-labelledby="htmlversie-kop">
      <h2 class="utrecht-heading-2" id="htmlversie-kop">
        HTML-versie
      </h2>
      <p class="utrecht-paragraph">Zoals een mailprogramma haar toont, zonder scripts en zonder afbeeldingen van buiten (een QR-code verschijnt als tekst).</p>
      <iframe class="bijeen-mail-frame" sandbox="" src={`${place.base}/${mail.id}/html`} title={`HTML-versie van de e-mail ‘${mail.subject}’`} loading="lazy"></iframe>
    </section>
  </ManageLayout>
);

// ---------------------------------------------------------------------------------------
// Routes

/** The stored HTML of a mail may hold anything a mail had: it gets nothing but its inline styles. */
const MAIL_HTML_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'cache-control': 'no-store',
};

const flashes: Record<string, string> = {
  verstuurd: 'Het bericht is verstuurd: de e-mails staan in de wachtrij en gaan zo de deur uit.',
  'al-verstuurd': 'Dit bericht was al verstuurd; het is niet nog een keer verstuurd.',
  opnieuw: 'De e-mail staat weer in de wachtrij en wordt zo opnieuw verstuurd.',
};

const one = (v: unknown) => (typeof v === 'string' ? v : '');

export function mailRoutes() {
  const app = new Hono<AppEnv>();

  const notFound = (c: Context<AppEnv>, text = 'Dit evenement bestaat niet, of uw organisatie organiseert het niet.') =>
    c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text={text} />, 404);
  const forbidden = (c: Context<AppEnv>) => c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);
  const flash = (c: Context<AppEnv>): Notice | undefined => {
    const text = flashes[c.req.query('melding') ?? ''];
    return text ? { type: 'ok', text } : undefined;
  };
  const smtp = (c: Context<AppEnv>) => !!c.var.deps.config.smtpUrl;

  /** Another organiser's event: not found, whatever the role; then a role without `events.edit`: no access. */
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const event = await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug') ?? '');
    if (!event) return notFound(c);
    if (!may(me(c).role, 'events.edit')) return forbidden(c);
    return next();
  };
  for (const path of ['/beheer/evenementen/:slug/berichten', '/beheer/evenementen/:slug/berichten/*', '/beheer/evenementen/:slug/post', '/beheer/evenementen/:slug/post/*']) app.use(path, guard);
  const need =
    (permission: Permission): MiddlewareHandler<AppEnv> =>
    async (c, next) => (may(me(c).role, permission) ? next() : forbidden(c));
  app.use('/beheer/post', need('team.manage'));
  app.use('/beheer/post/*', need('team.manage'));

  const eventOf = async (c: Context<AppEnv>) => (await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug')!))!;

  // --- Messages

  app.get('/beheer/evenementen/:slug/berichten', async (c) => {
    const event = await eventOf(c);
    const { doc } = await loadRegistrationTable(c.var.deps.db, event.slug);
    const messages = await listMessages(c.var.deps.db, event.id);
    return c.html(<MessagesPage account={me(c)} csrf={csrfToken(c)} event={event} doc={doc} messages={messages} smtp={smtp(c)} notice={flash(c)} />);
  });

  const compose = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 409,
    values: ComposeValues,
    extra: { errors?: FieldErrors; preview?: Extract<PreviewResult, { kind: 'preview' }>; idem?: string; notice?: Notice } = {},
  ) => {
    const event = await eventOf(c);
    const { doc, rows } = await loadRegistrationTable(c.var.deps.db, event.slug);
    return c.html(
      <ComposePage
        account={me(c)}
        csrf={csrfToken(c)}
        event={event}
        doc={doc}
        rows={rows}
        values={values}
        errors={extra.errors ?? {}}
        idempotencyKey={extra.idem || randomBytes(16).toString('base64url')}
        preview={extra.preview}
        notice={extra.notice}
      />,
      status,
    );
  };

  app.get('/beheer/evenementen/:slug/berichten/nieuw', (c) => compose(c, 200, { group: '', workshop: '', subject: '', body: '' }));

  app.post('/beheer/evenementen/:slug/berichten/nieuw', verifyCsrf, async (c) => {
    const event = await eventOf(c);
    const body = await c.req.parseBody();
    const values: ComposeValues = { group: one(body.group), workshop: one(body.workshop), subject: one(body.subject).slice(0, 2_000), body: one(body.body).slice(0, 100_000) };
    const idem = one(body._idem).slice(0, 200);
    const input = { recipientGroup: parseRecipientGroup(values.group, values.workshop), subject: values.subject, body: values.body };
    const errorsOf = (problems: { path: string; message: string }[]) => {
      const errors: FieldErrors = {};
      for (const p of problems) errors[p.path] ??= p.message;
      return errors;
    };
    const { now, baseUrl } = { now: c.var.deps.clock(), baseUrl: c.var.deps.config.publicUrl };
    const changed = one(body._voorbeeld) !== previewToken(values);
    if (one(body.actie) === 'versturen' && !changed) {
      if (!idem) return compose(c, 400, values, { notice: { type: 'error', text: 'Het formulier is niet compleet. Bekijk het voorbeeld opnieuw en verstuur dan.' } });
      const result = await sendMessage(c.var.deps.db, { slug: event.slug, account: { id: me(c).id, name: me(c).name, organiserId: me(c).organiserId }, input, idempotencyKey: idem, now, baseUrl });
      if (result.kind === 'invalid') return compose(c, 400, values, { errors: errorsOf(result.problems), idem });
      return c.redirect(`${eventBase(event.slug)}/berichten/${result.messageId}?melding=${result.repeated ? 'al-verstuurd' : 'verstuurd'}`, 303);
    }
    const preview = await previewMessage(c.var.deps.db, event.slug, input, { now, baseUrl });
    if (preview.kind === 'invalid') return compose(c, 400, values, { errors: errorsOf(preview.problems), idem });
    // "Versturen" after a change the preview did not show: first the new preview.
    const notice: Notice | undefined =
      one(body.actie) === 'versturen' ? { type: 'warning', text: 'Het bericht is gewijzigd na het voorbeeld en dus nog niet verstuurd. Bekijk het nieuwe voorbeeld hieronder en kies dan Versturen.' } : undefined;
    return compose(c, one(body.actie) === 'versturen' ? 409 : 200, values, { preview, idem, ...(notice ? { notice } : {}) });
  });

  app.get('/beheer/evenementen/:slug/berichten/:id', async (c) => {
    const event = await eventOf(c);
    const detail = await getMessage(c.var.deps.db, event.id, c.req.param('id'));
    if (!detail) return notFound(c, 'Dit bericht bestaat niet bij dit evenement.');
    const { doc } = await loadRegistrationTable(c.var.deps.db, event.slug);
    return c.html(<MessagePage account={me(c)} csrf={csrfToken(c)} event={event} doc={doc} detail={detail} smtp={smtp(c)} notice={flash(c)} />);
  });

  // --- The outbox, of an event and of the organiser

  const filterOf = (c: Context<AppEnv>): OutboxFilter | '' => ((OUTBOX_FILTERS as readonly string[]).includes(c.req.query('status') ?? '') ? (c.req.query('status') as OutboxFilter) : '');
  const pageOf = (c: Context<AppEnv>) => {
    const n = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    return Number.isFinite(n) && n > 0 ? Math.min(n, 100_000) : 1;
  };

  type Where = { scope: OutboxScope; place: OutboxPlace; eventSlug: string | null };
  const eventPlace = async (c: Context<AppEnv>): Promise<Where> => {
    const event = await eventOf(c);
    return {
      scope: { eventId: event.id },
      eventSlug: event.slug,
      place: { base: `${eventBase(event.slug)}/post`, title: `Uitgaande post: ${event.title}`, back: <EventLinks slug={event.slug} /> },
    };
  };
  const organiserPlace = async (c: Context<AppEnv>): Promise<Where> => ({
    scope: { organiserId: me(c).organiserId },
    eventSlug: null,
    place: {
      base: '/beheer/post',
      title: 'Uitgaande post zonder evenement',
      back: (
        <p class="utrecht-paragraph">
          Uitnodigingen voor het team van {me(c).organiserName}. De e-mails van een evenement staan bij het evenement.{' '}
          <a class="utrecht-link" href="/beheer/team">
            Naar het team
          </a>
        </p>
      ),
    },
  });

  const outboxRoutes = (path: string, where: (c: Context<AppEnv>) => Promise<Where>) => {
    app.get(path, async (c) => {
      const w = await where(c);
      const filter = filterOf(c);
      const outbox = await listOutbox(c.var.deps.db, w.scope, { filter, page: pageOf(c) });
      return c.html(<OutboxListPage account={me(c)} csrf={csrfToken(c)} place={w.place} outbox={outbox} filter={filter} smtp={smtp(c)} />);
    });

    const mailPage = async (c: Context<AppEnv>, status: 200 | 409, notice?: Notice) => {
      const w = await where(c);
      const mail = await getOutboxMail(c.var.deps.db, w.scope, c.req.param('id')!);
      if (!mail) return notFound(c, 'Deze e-mail bestaat hier niet.');
      const links =
        w.eventSlug && (mail.messageId || mail.registrationId) ? (
          <>
            {mail.messageId ? (
              <>
                {' · '}
                <a class="utrecht-link" href={`${eventBase(w.eventSlug)}/berichten/${mail.messageId}`}>
                  Het bericht
                </a>
              </>
            ) : null}
            {mail.registrationId && may(me(c).role, 'registrations.view') ? (
              <>
                {' · '}
                <a class="utrecht-link" href={`${eventBase(w.eventSlug)}/aanmeldingen/${mail.registrationId}`}>
                  De aanmelding
                </a>
              </>
            ) : null}
          </>
        ) : null;
      return c.html(<OutboxMailPage account={me(c)} csrf={csrfToken(c)} place={w.place} mail={mail} links={links} smtp={smtp(c)} notice={notice} />, status);
    };

    app.get(`${path}/:id`, (c) => mailPage(c, 200, flash(c)));

    // The stored HTML, for the sandboxed frame on the mail's page only.
    app.get(`${path}/:id/html`, async (c) => {
      const w = await where(c);
      const mail = await getOutboxMail(c.var.deps.db, w.scope, c.req.param('id'));
      if (!mail) return notFound(c, 'Deze e-mail bestaat hier niet.');
      c.set('headerOverrides', MAIL_HTML_HEADERS);
      return c.body(mail.htmlBody, 200, { 'content-type': 'text/html; charset=utf-8' });
    });

    app.post(`${path}/:id/opnieuw`, verifyCsrf, async (c) => {
      const w = await where(c);
      const done = await retryMail(c.var.deps.db, { scope: w.scope, organiserId: me(c).organiserId, mailId: c.req.param('id'), actor: accountActor(me(c)), now: c.var.deps.clock() });
      if (!done) {
        const mail = await getOutboxMail(c.var.deps.db, w.scope, c.req.param('id'));
        if (!mail) return notFound(c, 'Deze e-mail bestaat hier niet.');
        return mailPage(c, 409, { type: 'warning', text: 'Deze e-mail is niet mislukt (meer); er is niets veranderd.' });
      }
      return c.redirect(`${w.place.base}/${c.req.param('id')}?melding=opnieuw`, 303);
    });
  };
  outboxRoutes('/beheer/evenementen/:slug/post', eventPlace);
  outboxRoutes('/beheer/post', organiserPlace);

  return app;
}
