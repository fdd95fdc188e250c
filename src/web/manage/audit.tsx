import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../app';
import { getOrganiserEvent, type AccountEvent } from '../../domain/accounts/overview';
import { may } from '../../domain/accounts/rules';
import type { SessionAccount } from '../../domain/accounts/service';
import { AREA_LABELS, AUDIT_AREAS, parseArea, PART_LABELS, type AuditArea, type EventPart } from '../../domain/audit/rules';
import { listEventAudit, type AuditEntryView } from '../../domain/audit/service';
import { recipientGroupLabel, recipientGroupOf } from '../../domain/mail/rules';
import { NOTE_MAX, type NoteView } from '../../domain/registration/notes';
import { FormField, type FieldErrors } from '../components/form-field';
import { csrfToken } from '../security/csrf';
import { ForbiddenPage, ManageLayout, ManageNotFoundPage } from './pages';
import { DataTable, Td } from '../components/table-cells';
import { Pager } from '../components/pager';
import { Csrf, me, when } from './common';

/*
 * The audit log (logboek) of an event in the back office, and the two parts of a
 * registration's page that come from this slice: its notes and its log entries. The log
 * shows registrants' names and what happened to their registrations, so it asks the same
 * permission as the registrations (`registrations.view`: beheerder, redacteur); balie gets
 * 403, another organiser's event 404 (looked up through the account's organiser first).
 */


const Time: FC<{ at: Date }> = ({ at }) => <time datetime={at.toISOString()}>{when(at)}</time>;

const statusWords: Record<string, string> = {
  draft: 'concept',
  published: 'gepubliceerd',
  cancelled: 'geannuleerd',
  confirmed: 'bevestigd',
  waitlisted: 'wachtlijst',
  pending: 'wacht op goedkeuring',
  offered: 'plaats aangeboden',
  refused: 'afgewezen',
  expired: 'aanbod verlopen',
};
const mailedWords: Record<string, string> = { dates: 'datum en tijd', venue: 'locatie', online: 'online gegevens', programme: 'programma', cancelled: 'annulering', reinstated: 'gaat toch door' };
const reportWords: Record<string, string> = { written: 'geschreven', published: 'gepubliceerd', withdrawn: 'publicatie teruggedraaid' };
/** The log has no event document at hand: a workshop group is named by its keys. */
const NO_PROGRAMME = { programme: [], workshops: [] };
const word = (v: unknown, words: Record<string, string>) => words[String(v)] ?? String(v);
const plain = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

/**
 * An entry's details as short Dutch lines. Known keys get words; ids are left out (they
 * mean nothing to a person); any other key (from another area's entries) is shown as it is.
 */
export function detailLines(details: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(details)) {
    if (v === undefined || /id$/i.test(k) || k === 'fromTitle' || k === 'toTitle') continue;
    switch (k) {
      case 'parts':
        if (Array.isArray(v) && v.length) lines.push(`Onderdelen: ${v.map((p) => PART_LABELS[p as EventPart] ?? String(p)).join(', ')}`);
        break;
      case 'fields':
        if (Array.isArray(v) && v.length) lines.push(`Velden: ${v.join(', ')}`);
        break;
      case 'status':
        if (v && typeof v === 'object') lines.push(`Status: ${word((v as { from: unknown }).from, statusWords)} → ${word((v as { to: unknown }).to, statusWords)}`);
        else lines.push(`Status: ${word(v, statusWords)}`);
        break;
      case 'from':
        lines.push(`Status: ${word(v, statusWords)} → ${word(details.to, statusWords)}`);
        break;
      case 'to':
        if (!('from' in details)) lines.push(`Status: ${word(v, statusWords)}`);
        break;
      case 'reason':
        lines.push(`Reden: ${v ? plain(v) : 'geen opgegeven'}`);
        break;
      case 'mailed':
        if (Array.isArray(v) && v.length) lines.push(`Aanmelders bericht gestuurd over: ${v.map((m) => word(m, mailedWords)).join(', ')}`);
        break;
      case 'promoted':
        if (Number(v) > 0) lines.push(`Van de wachtlijst naar een plaats: ${plain(v)}`);
        break;
      case 'report':
        lines.push(`Verslag: ${word(v, reportWords)}`);
        break;
      case 'changes':
        if (Array.isArray(v))
          for (const ch of v as { round?: string; fromTitle?: string | null; toTitle?: string }[])
            lines.push(`${ch.round ?? 'Ronde'}: ${ch.fromTitle ?? '(geen)'} → ${ch.toTitle ?? '?'}`);
        break;
      case 'meeting':
        lines.push(`Bijeenkomst: ${plain(v)}`);
        break;
      case 'copiedFrom':
        lines.push(`Kopie van: ${plain(v)}`);
        break;
      case 'slug':
        lines.push(`Adres: /evenementen/${plain(v)}`);
        break;
      case 'title':
        lines.push(`Titel: ${plain(v)}`);
        break;
      // A message's group (message.sent). Entries written before migration 0007 call it `audience`.
      case 'recipientGroup':
      case 'audience': {
        const group = v && typeof v === 'object' ? recipientGroupOf(v as Record<string, unknown>) : null;
        lines.push(group ? `Groep: ${recipientGroupLabel(group, NO_PROGRAMME)}` : `${k}: ${plain(v)}`);
        break;
      }
      default:
        lines.push(`${k}: ${plain(v)}`);
    }
  }
  return lines;
}

const Details: FC<{ entry: AuditEntryView }> = ({ entry }) => {
  const lines = detailLines(entry.details);
  if (!lines.length) return <>—</>;
  return (
    <ul class="utrecht-unordered-list bijeen-audit-details">
      {lines.map((l) => (
        <li class="utrecht-unordered-list__item">{l}</li>
      ))}
    </ul>
  );
};


/** The entries as a table: when, who, what, details. With `slug`, a registration's summary links to its page. */
export const AuditTable: FC<{ entries: AuditEntryView[]; caption: string; slug?: string }> = ({ entries, caption, slug }) => (
  <DataTable caption={caption} headers={['Wanneer', 'Wie', 'Wat', 'Details']}>
    {entries.map((e) => (
      <tr class="utrecht-table__row">
        <Td>
          <Time at={e.createdAt} />
        </Td>
        <Td>{e.actor}</Td>
        <th class="utrecht-table__header-cell" scope="row">
          {slug && e.registrationId ? (
            <a class="utrecht-link" href={`/beheer/evenementen/${slug}/aanmeldingen/${e.registrationId}`}>
              {e.summary}
            </a>
          ) : (
            e.summary
          )}
        </th>
        <Td>
          <Details entry={e} />
        </Td>
      </tr>
    ))}
  </DataTable>
);

export const AuditLogPage: FC<{
  account: SessionAccount;
  csrf: string;
  event: AccountEvent;
  entries: AuditEntryView[];
  total: number;
  page: number;
  pages: number;
  area: AuditArea | null;
}> = ({ account, csrf, event, entries, total, page, pages, area }) => {
  const base = `/beheer/evenementen/${event.slug}/logboek`;
  const link = (p: number) => `${base}?${new URLSearchParams({ ...(area ? { onderdeel: area } : {}), ...(p > 1 ? { pagina: String(p) } : {}) })}`;
  return (
    <ManageLayout title={`Logboek: ${event.title}`} account={account} csrf={csrf}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}`}>
          Terug naar het evenement
        </a>
      </p>
      <p class="utrecht-paragraph">Wie wat wanneer heeft gewijzigd aan dit evenement en de aanmeldingen, het nieuwste eerst. Tijden in Nederlandse tijd.</p>
      <form method="get" action={base} class="bijeen-form bijeen-inline-form" role="search" aria-label="Logboek filteren">
        <FormField field="onderdeel" label="Onderdeel" errors={{}} kind="select">
          {(attrs) => (
            <select class="utrecht-select utrecht-select--html-select" {...attrs}>
              <option value="" selected={!area}>
                Alles
              </option>
              {AUDIT_AREAS.map((a) => (
                <option value={a} selected={a === area}>
                  {AREA_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
          Toon
        </button>
      </form>
      {entries.length === 0 ? (
        <p class="utrecht-paragraph" role="status">
          {area ? `Nog niets in het logboek bij ${AREA_LABELS[area].toLowerCase()}.` : 'Het logboek is nog leeg.'}
        </p>
      ) : (
        <AuditTable
          entries={entries}
          slug={event.slug}
          caption={`${total === 1 ? '1 regel' : `${total} regels`}${area ? ` bij ${AREA_LABELS[area].toLowerCase()}` : ''}${pages > 1 ? `, pagina ${page} van ${pages}` : ''}`}
        />
      )}
      <Pager page={page} pages={pages} href={link} previous="Nieuwere regels" next="Oudere regels" />
    </ManageLayout>
  );
};


/** A registration's notes: staff only (this page), never on the personal page, in exports or mails. */
export const NotesSection: FC<{ account: SessionAccount; csrf: string; action: string; notes: NoteView[]; value: string; errors: FieldErrors }> = ({
  account,
  csrf,
  action,
  notes,
  value,
  errors,
}) => (
  <section class="bijeen-section" aria-labelledby="notities-kop">
    <h2 class="utrecht-heading-2" id="notities-kop">
      Notities
    </h2>
    <p class="utrecht-paragraph">Alleen voor de organisatie: de deelnemer ziet notities niet, en ze staan niet in exports of e-mails.</p>
    {notes.length ? (
      <ul class="utrecht-unordered-list bijeen-notes">
        {notes.map((n) => (
          <li class="utrecht-unordered-list__item">
            <p class="utrecht-paragraph bijeen-note-body">{n.body}</p>
            <p class="utrecht-paragraph">
              {n.authorName}, <Time at={n.createdAt} />
            </p>
            {n.accountId === account.id ? (
              <form method="post" action={`${action}/${n.id}/verwijderen`}>
                <Csrf token={csrf} />
                <button class="utrecht-button utrecht-button--subtle" type="submit">
                  Verwijderen<span class="bijeen-visually-hidden">: notitie van {when(n.createdAt)}</span>
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="utrecht-paragraph">Er zijn nog geen notities.</p>
    )}
    <form method="post" action={action} class="bijeen-form" novalidate>
      <Csrf token={csrf} />
      <FormField field="notitie" label="Nieuwe notitie" errors={errors} kind="textarea" description={`Hoogstens ${NOTE_MAX.toLocaleString('nl-NL')} tekens.`}>
        {(attrs) => (
          <textarea class={`utrecht-textarea utrecht-textarea--html-textarea${errors.notitie ? ' utrecht-textarea--invalid' : ''}`} {...attrs} rows={3} required maxlength={NOTE_MAX}>
            {value}
          </textarea>
        )}
      </FormField>
      <button class="utrecht-button utrecht-button--secondary-action" type="submit">
        Notitie toevoegen
      </button>
    </form>
  </section>
);

export function auditRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/beheer/evenementen/:slug/logboek', async (c) => {
    const event = await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug'));
    if (!event) return c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text="Dit evenement bestaat niet, of uw organisatie organiseert het niet." />, 404);
    if (!may(me(c).role, 'registrations.view')) return c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);
    const area = parseArea(c.req.query('onderdeel'));
    const page = Number.parseInt(c.req.query('pagina') ?? '1', 10);
    const log = await listEventAudit(c.var.deps.db, event.id, { area, page: Number.isFinite(page) && page > 0 ? Math.min(page, 1_000_000) : 1 });
    return c.html(<AuditLogPage account={me(c)} csrf={csrfToken(c)} event={event} {...log} area={area} />);
  });

  return app;
}
