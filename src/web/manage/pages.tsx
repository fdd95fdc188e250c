import type { Child, FC } from 'hono/jsx';
import type { AccountEvent } from '../../domain/accounts/overview';
import { ACCOUNT_ROLES, may, PASSWORD_MIN, ROLE_DESCRIPTIONS, ROLE_LABELS, type AccountRole } from '../../domain/accounts/rules';
import type { OpenInvitation, SessionAccount, Team } from '../../domain/accounts/service';
import type { ApiTokenInfo } from '../../domain/organisers/service';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';
import { FormField, type FieldErrors } from '../components/form-field';
import { Layout } from '../components/layout';
import { Csrf } from './common';
import { DataTable, Th } from '../components/table-cells';

/*
 * The back office's pages (/beheer), in Utrecht markup: every problem next to its field
 * and in a summary at the top, all of it usable with the keyboard and without JavaScript.
 */

export type { FieldErrors };
export type Values = Record<string, string>;

export interface Notice {
  type: 'ok' | 'info' | 'warning' | 'error';
  text: string;
}

const NoticeBox: FC<{ notice?: Notice | undefined }> = ({ notice }) =>
  notice ? (
    <div class={`utrecht-alert utrecht-alert--${notice.type} bijeen-state`} role={notice.type === 'error' ? 'alert' : 'status'}>
      <p class="utrecht-paragraph">{notice.text}</p>
    </div>
  ) : null;


/** The frame: the site layout with the back office's own menu and the logout button. */
export const ManageLayout: FC<{ title: string; account?: SessionAccount | undefined; csrf?: string; notice?: Notice | undefined; children?: Child }> = ({
  title,
  account,
  csrf,
  notice,
  children,
}) => (
  <Layout title={`${title} · beheer`}>
    {account && csrf ? (
      <nav aria-label="Beheer" class="bijeen-manage-nav">
        <p class="utrecht-paragraph">
          {account.name} · {account.organiserName} · {ROLE_LABELS[account.role]}
        </p>
        <ul class="bijeen-nav">
          <li>
            <a class="utrecht-link" href="/beheer">
              Evenementen
            </a>
          </li>
          {may(account.role, 'team.manage') ? (
            <li>
              <a class="utrecht-link" href="/beheer/team">
                Team
              </a>
            </li>
          ) : null}
          {may(account.role, 'tokens.manage') ? (
            <li>
              <a class="utrecht-link" href="/beheer/api-tokens">
                API-tokens
              </a>
            </li>
          ) : null}
          <li>
            <a class="utrecht-link" href="/beheer/account">
              Mijn account
            </a>
          </li>
          <li>
            <form method="post" action="/beheer/uitloggen">
              <Csrf token={csrf} />
              <button class="utrecht-button utrecht-button--subtle" type="submit">
                Uitloggen
              </button>
            </form>
          </li>
        </ul>
      </nav>
    ) : null}
    <h1 class="utrecht-heading-1">{title}</h1>
    <NoticeBox notice={notice} />
    {children}
  </Layout>
);

export const ErrorSummary: FC<{ errors: FieldErrors }> = ({ errors }) => {
  const list = Object.entries(errors);
  if (!list.length) return null;
  return (
    <section class="utrecht-alert utrecht-alert--error bijeen-state" aria-labelledby="fouten-kop" tabindex={-1} id="fouten">
      <h2 class="utrecht-heading-2" id="fouten-kop">
        Er {list.length === 1 ? 'is 1 punt' : `zijn ${list.length} punten`} om te verbeteren
      </h2>
      <ul class="utrecht-unordered-list">
        {list.map(([field, message]) => (
          <li class="utrecht-unordered-list__item">
            <a class="utrecht-link" href={`#veld-${field}`}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
};

const TextField: FC<{
  field: string;
  label: string;
  errors: FieldErrors;
  values?: Values;
  type?: 'text' | 'email' | 'password';
  autocomplete?: string;
  description?: string;
}> = ({ field, label, errors, values, type = 'text', autocomplete, description }) => (
  <FormField field={field} label={label} errors={errors} description={description}>
    {(attrs) => (
      <input
        class={`utrecht-textbox utrecht-textbox--html-input${errors[field] ? ' utrecht-textbox--invalid' : ''}`}
        {...attrs}
        type={type}
        autocomplete={autocomplete}
        value={type === 'password' ? undefined : values?.[field]}
        required
      />
    )}
  </FormField>
);

const RoleSelect: FC<{ id: string; name: string; selected: AccountRole; label: string; errors?: FieldErrors; visuallyHiddenLabel?: boolean }> = ({
  id,
  name,
  selected,
  label,
  errors = {},
  visuallyHiddenLabel,
}) => (
  <div class={`utrecht-form-field utrecht-form-field--select${errors[name] ? ' utrecht-form-field--invalid' : ''}`}>
    <div class={`utrecht-form-field__label${visuallyHiddenLabel ? ' bijeen-visually-hidden' : ''}`}>
      <label class="utrecht-form-label" for={id}>
        {label}
      </label>
    </div>
    {errors[name] ? (
      <div class="utrecht-form-field-error-message" id={`${id}-fout`}>
        {errors[name]}
      </div>
    ) : null}
    <div class="utrecht-form-field__input">
      <select class="utrecht-select utrecht-select--html-select" id={id} name={name} aria-describedby={errors[name] ? `${id}-fout` : undefined}>
        {ACCOUNT_ROLES.map((r) => (
          <option value={r} selected={r === selected}>
            {ROLE_LABELS[r]} — {ROLE_DESCRIPTIONS[r]}
          </option>
        ))}
      </select>
    </div>
  </div>
);

const Submit: FC<{ children: Child; secondary?: boolean }> = ({ children, secondary }) => (
  <div class="utrecht-button-group">
    <button class={`utrecht-button utrecht-button--${secondary ? 'secondary' : 'primary'}-action`} type="submit">
      {children}
    </button>
  </div>
);

// ---------------------------------------------------------------------------------------

export const LoginPage: FC<{ csrf: string; values: Values; errors: FieldErrors; back?: string | undefined; notice?: Notice | undefined }> = ({ csrf, values, errors, back, notice }) => (
  <ManageLayout title="Inloggen" notice={notice}>
    <p class="utrecht-paragraph">Voor medewerkers van organisatoren: beheer uw evenementen en aanmeldingen.</p>
    <ErrorSummary errors={errors} />
    <form method="post" action="/beheer/inloggen" novalidate class="bijeen-form">
      <Csrf token={csrf} />
      {back ? <input type="hidden" name="terug" value={back} /> : null}
      <TextField field="email" label="E-mailadres" type="email" autocomplete="username" values={values} errors={errors} />
      <TextField field="password" label="Wachtwoord" type="password" autocomplete="current-password" errors={errors} />
      <Submit>Inloggen</Submit>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/beheer/wachtwoord-vergeten">
        Wachtwoord vergeten?
      </a>
    </p>
    <p class="utrecht-paragraph">Nog geen account? Vraag een beheerder van uw organisatie om een uitnodiging.</p>
  </ManageLayout>
);

const statusLabel: Record<AccountEvent['status'], string> = { draft: 'Concept', published: 'Gepubliceerd', cancelled: 'Geannuleerd' };

export const DashboardPage: FC<{ account: SessionAccount; csrf: string; events: AccountEvent[]; notice?: Notice | undefined }> = ({ account, csrf, events, notice }) => (
  <ManageLayout title="Evenementen" account={account} csrf={csrf} notice={notice}>
    {may(account.role, 'events.edit') ? (
      <p class="utrecht-paragraph">
        <a class="utrecht-button-link utrecht-button-link--primary-action" href="/beheer/nieuw-evenement">
          Nieuw evenement
        </a>
      </p>
    ) : null}
    {events.length === 0 ? (
      <p class="utrecht-paragraph">{account.organiserName} heeft nog geen evenementen.</p>
    ) : (
      <DataTable
        caption={
          <>
            Evenementen van {account.organiserName}, ook die u samen met anderen organiseert
          </>
        }
        head={
          <>
            <Th>Evenement</Th>
            <Th>Datum</Th>
            <Th>Status</Th>
            <Th numeric>Bevestigd</Th>
            <Th numeric>Wachtlijst</Th>
          </>
        }
      >
        {events.map((e) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              <a class="utrecht-link" href={`/beheer/evenementen/${e.slug}`}>
                {e.title}
              </a>
              {e.organiserRole === 'co_organiser' ? ' (mede-organisator)' : ''}
            </th>
            <td class="utrecht-table__cell">
              <time datetime={e.startsAt.toISOString()}>{formatDateNl(e.startsAt)}</time>
            </td>
            <td class="utrecht-table__cell">{statusLabel[e.status]}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{e.counts.confirmed}</td>
            <td class="utrecht-table__cell utrecht-table__cell--numeric">{e.counts.waitlisted}</td>
          </tr>
        ))}
      </DataTable>
    )}
  </ManageLayout>
);

const countLabels: [keyof AccountEvent['counts'], string][] = [
  ['confirmed', 'Bevestigd'],
  ['waitlisted', 'Op de wachtlijst'],
  ['pending', 'Wacht op goedkeuring'],
  ['offered', 'Plaats aangeboden'],
  ['cancelled', 'Geannuleerd'],
  ['refused', 'Afgewezen'],
  ['expired', 'Aanbod verlopen'],
];

export const EventOverviewPage: FC<{ account: SessionAccount; csrf: string; event: AccountEvent }> = ({ account, csrf, event }) => {
  const total = Object.values(event.counts).reduce((a, b) => a + b, 0);
  return (
    <ManageLayout title={event.title} account={account} csrf={csrf}>
      {may(account.role, 'events.edit') ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--primary-action" href={`/beheer/evenementen/${event.slug}/bewerken`}>
            Bewerken
          </a>
        </p>
      ) : null}
      <dl class="utrecht-data-list utrecht-data-list--rows">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Datum</dt>
          <dd class="utrecht-data-list__item-value">
            {formatDateNl(event.startsAt)}, {formatTimeNl(event.startsAt)} uur
          </dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Status</dt>
          <dd class="utrecht-data-list__item-value">{statusLabel[event.status]}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Plaatsen</dt>
          <dd class="utrecht-data-list__item-value">{event.capacity ?? 'geen maximum'}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Uw organisatie</dt>
          <dd class="utrecht-data-list__item-value">{event.organiserRole === 'organiser' ? 'organisator' : 'mede-organisator'}</dd>
        </div>
      </dl>
      <h2 class="utrecht-heading-2">Aanmeldingen: {total}</h2>
      <ul class="utrecht-unordered-list">
        {countLabels.map(([k, label]) => (
          <li class="utrecht-unordered-list__item">
            {label}: {event.counts[k]}
          </li>
        ))}
      </ul>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/balie`}>
          Balie: inchecken
        </a>
      </p>
      <p class="utrecht-paragraph">
        {may(account.role, 'registrations.view') ? (
          <>
            <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/aanmeldingen`}>
              Alle aanmeldingen bekijken
            </a>
            {' · '}
            <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/logboek`}>
              Logboek
            </a>
            {' · '}
          </>
        ) : null}
        {event.status === 'published' ? (
          <a class="utrecht-link" href={`/evenementen/${event.slug}`}>
            De openbare pagina
          </a>
        ) : null}
      </p>
      {may(account.role, 'events.edit') ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/berichten`}>
            Berichten aan deelnemers
          </a>
          {' · '}
          <a class="utrecht-link" href={`/beheer/evenementen/${event.slug}/post`}>
            Uitgaande post
          </a>
        </p>
      ) : null}
    </ManageLayout>
  );
};

/**
 * A one-button form for an action on one row (remove a colleague, revoke a token): the
 * button names its row for screen readers, since "Intrekken" alone says not what.
 */
const PostButton: FC<{ action: string; csrf: string; label: string; target: string; subtle?: boolean }> = ({ action, csrf, label, target, subtle }) => (
  <form method="post" action={action} class={subtle ? 'bijeen-inline-form' : undefined}>
    <Csrf token={csrf} />
    <button class={`utrecht-button ${subtle ? 'utrecht-button--subtle' : 'utrecht-button--secondary-action'}`} type="submit">
      {label}
      <span class="bijeen-visually-hidden">: {target}</span>
    </button>
  </form>
);

export const TeamPage: FC<{
  account: SessionAccount;
  csrf: string;
  team: Team;
  values: Values;
  errors: FieldErrors;
  notice?: Notice | undefined;
}> = ({ account, csrf, team, values, errors, notice }) => (
  <ManageLayout title="Team" account={account} csrf={csrf} notice={notice}>
    <DataTable
      caption={`Accounts van ${account.organiserName}`}
      headers={['Naam', 'E-mailadres', 'Rol', 'Verwijderen']}
    >
      {team.accounts.map((a) => (
        <tr class="utrecht-table__row">
          <th class="utrecht-table__header-cell" scope="row">
            {a.name}
            {a.id === account.id ? ' (u)' : ''}
          </th>
          <td class="utrecht-table__cell">{a.email}</td>
          <td class="utrecht-table__cell">
            {a.id === account.id ? (
              ROLE_LABELS[a.role]
            ) : (
              <form method="post" action={`/beheer/team/${a.id}/rol`} class="bijeen-inline-form">
                <Csrf token={csrf} />
                <RoleSelect id={`rol-${a.id}`} name="role" selected={a.role} label={`Rol van ${a.name}`} visuallyHiddenLabel />
                <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                  Rol wijzigen<span class="bijeen-visually-hidden"> van {a.name}</span>
                </button>
              </form>
            )}
          </td>
          <td class="utrecht-table__cell">
            {a.id === account.id ? null : (
              <PostButton action={`/beheer/team/${a.id}/verwijderen`} csrf={csrf} label="Verwijderen" target={a.name} />
            )}
          </td>
        </tr>
      ))}
    </DataTable>

    {team.invitations.length ? (
      <>
        <h2 class="utrecht-heading-2">Openstaande uitnodigingen</h2>
        <ul class="utrecht-unordered-list">
          {team.invitations.map((i) => (
            <li class="utrecht-unordered-list__item">
              {i.email}, als {ROLE_LABELS[i.role].toLowerCase()}, geldig tot {formatDateNl(i.expiresAt)} {formatTimeNl(i.expiresAt)} uur{' '}
              <PostButton action={`/beheer/team/uitnodigingen/${i.id}/intrekken`} csrf={csrf} label="Intrekken" target={`uitnodiging van ${i.email}`} subtle />
            </li>
          ))}
        </ul>
      </>
    ) : null}

    <h2 class="utrecht-heading-2" id="uitnodigen">
      Een collega uitnodigen
    </h2>
    <ErrorSummary errors={errors} />
    <form method="post" action="/beheer/team/uitnodigen" novalidate class="bijeen-form" aria-labelledby="uitnodigen">
      <Csrf token={csrf} />
      <TextField field="email" label="E-mailadres" type="email" autocomplete="off" values={values} errors={errors} description="Uw collega krijgt een e-mail met een link die een week werkt." />
      <RoleSelect id="veld-role" name="role" selected={(ACCOUNT_ROLES as readonly string[]).includes(values.role ?? '') ? (values.role as AccountRole) : 'redacteur'} label="Rol" errors={errors} />
      <Submit>Uitnodiging versturen</Submit>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/beheer/post">
        Verstuurde uitnodigingen in de uitgaande post
      </a>
    </p>
  </ManageLayout>
);

export const InvitationPage: FC<{ csrf: string; invitation: OpenInvitation; token: string; values: Values; errors: FieldErrors }> = ({ csrf, invitation, token, values, errors }) => {
  const setup = invitation.email === null;
  return (
    <ManageLayout title={setup ? 'bijeen instellen' : 'Uw account aanmaken'}>
      <p class="utrecht-paragraph">
        {setup
          ? 'U maakt het eerste account van deze bijeen aan, als beheerder. Noem ook uw organisatie: de organisator van uw evenementen.'
          : `U bent uitgenodigd als ${ROLE_LABELS[invitation.role].toLowerCase()} (${ROLE_DESCRIPTIONS[invitation.role]}) bij ${invitation.organiserName}, met het e-mailadres ${invitation.email}. Kies uw naam en een wachtwoord.`}
      </p>
      <ErrorSummary errors={errors} />
      <form method="post" action={`/beheer/uitnodiging/${token}`} novalidate class="bijeen-form">
        <Csrf token={csrf} />
        <TextField field="name" label="Uw naam" autocomplete="name" values={values} errors={errors} />
        {setup ? (
          <>
            <TextField field="email" label="E-mailadres" type="email" autocomplete="username" values={values} errors={errors} />
            <TextField field="organisation" label="Naam van uw organisatie" autocomplete="organization" values={values} errors={errors} />
          </>
        ) : null}
        <TextField field="password" label="Wachtwoord" type="password" autocomplete="new-password" errors={errors} description={`Minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`} />
        <TextField field="repeat" label="Herhaal het wachtwoord" type="password" autocomplete="new-password" errors={errors} />
        <Submit>Account aanmaken</Submit>
      </form>
    </ManageLayout>
  );
};

export const AccountPage: FC<{ account: SessionAccount; csrf: string; errors: FieldErrors; sessions: number; notice?: Notice | undefined }> = ({ account, csrf, errors, sessions, notice }) => (
  <ManageLayout title="Mijn account" account={account} csrf={csrf} notice={notice}>
    <dl class="utrecht-data-list utrecht-data-list--rows">
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Naam</dt>
        <dd class="utrecht-data-list__item-value">{account.name}</dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">E-mailadres</dt>
        <dd class="utrecht-data-list__item-value">{account.email}</dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Rol</dt>
        <dd class="utrecht-data-list__item-value">
          {ROLE_LABELS[account.role]}: {ROLE_DESCRIPTIONS[account.role]}
        </dd>
      </div>
    </dl>

    <h2 class="utrecht-heading-2" id="wachtwoord">
      Wachtwoord wijzigen
    </h2>
    <ErrorSummary errors={errors} />
    <form method="post" action="/beheer/account/wachtwoord" novalidate class="bijeen-form" aria-labelledby="wachtwoord">
      <Csrf token={csrf} />
      <TextField field="current" label="Huidig wachtwoord" type="password" autocomplete="current-password" errors={errors} />
      <TextField field="password" label="Nieuw wachtwoord" type="password" autocomplete="new-password" errors={errors} description={`Minstens ${PASSWORD_MIN} tekens. Uw andere sessies worden beëindigd.`} />
      <TextField field="repeat" label="Herhaal het nieuwe wachtwoord" type="password" autocomplete="new-password" errors={errors} />
      <Submit>Wachtwoord wijzigen</Submit>
    </form>

    <h2 class="utrecht-heading-2">Overal uitloggen</h2>
    <p class="utrecht-paragraph">
      U bent nu op {sessions === 1 ? '1 plek' : `${sessions} plekken`} ingelogd. Bent u ergens vergeten uit te loggen, of hebt u een apparaat verloren? Log dan overal uit, ook hier.
    </p>
    <form method="post" action="/beheer/account/overal-uitloggen">
      <Csrf token={csrf} />
      <Submit secondary>Overal uitloggen</Submit>
    </form>
  </ManageLayout>
);

export const ForbiddenPage: FC<{ account: SessionAccount; csrf: string }> = ({ account, csrf }) => (
  <ManageLayout title="Geen toegang" account={account} csrf={csrf}>
    <p class="utrecht-paragraph">
      Met uw rol ({ROLE_LABELS[account.role].toLowerCase()}: {ROLE_DESCRIPTIONS[account.role]}) kunt u deze pagina niet gebruiken. Vraag een beheerder van{' '}
      {account.organiserName} als u meer nodig hebt.
    </p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/beheer">
        Naar uw evenementen
      </a>
    </p>
  </ManageLayout>
);

export const ManageNotFoundPage: FC<{ account?: SessionAccount | undefined; csrf?: string; text: string }> = ({ account, csrf, text }) => (
  <ManageLayout title="Niet gevonden" account={account} csrf={csrf}>
    <p class="utrecht-paragraph">{text}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href={account ? '/beheer' : '/beheer/inloggen'}>
        {account ? 'Naar uw evenementen' : 'Naar inloggen'}
      </a>
    </p>
  </ManageLayout>
);

export const ManageMessagePage: FC<{ title: string; text: string }> = ({ title, text }) => (
  <ManageLayout title={title}>
    <p class="utrecht-paragraph">{text}</p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/beheer/inloggen">
        Naar inloggen
      </a>
    </p>
  </ManageLayout>
);

/** "Wachtwoord vergeten": the address to mail a link to; the answer never says whether it has an account. */
export const ForgotPasswordPage: FC<{ csrf: string; values: Values; errors: FieldErrors; notice?: Notice | undefined }> = ({ csrf, values, errors, notice }) => (
  <ManageLayout title="Wachtwoord vergeten" notice={notice}>
    <p class="utrecht-paragraph">Vul het e-mailadres van uw account in. U krijgt een e-mail met een link waarmee u een nieuw wachtwoord kiest; de link werkt een uur.</p>
    <ErrorSummary errors={errors} />
    <form method="post" action="/beheer/wachtwoord-vergeten" novalidate class="bijeen-form">
      <Csrf token={csrf} />
      <TextField field="email" label="E-mailadres" type="email" autocomplete="username" values={values} errors={errors} />
      <Submit>Link versturen</Submit>
    </form>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/beheer/inloggen">
        Terug naar inloggen
      </a>
    </p>
  </ManageLayout>
);

/** The page behind a reset link: a new password, twice. */
export const ResetPasswordPage: FC<{ csrf: string; token: string; email: string; errors: FieldErrors }> = ({ csrf, token, email, errors }) => (
  <ManageLayout title="Nieuw wachtwoord kiezen">
    <p class="utrecht-paragraph">Kies een nieuw wachtwoord voor het account {email}. Daarna bent u op elk ander apparaat uitgelogd.</p>
    <ErrorSummary errors={errors} />
    <form method="post" action={`/beheer/wachtwoord-herstellen/${token}`} novalidate class="bijeen-form">
      <Csrf token={csrf} />
      <input type="text" name="username" value={email} autocomplete="username" hidden />
      <TextField field="password" label="Nieuw wachtwoord" type="password" autocomplete="new-password" errors={errors} description={`Minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`} />
      <TextField field="repeat" label="Herhaal het nieuwe wachtwoord" type="password" autocomplete="new-password" errors={errors} />
      <Submit>Wachtwoord opslaan</Submit>
    </form>
  </ManageLayout>
);

export const ApiTokensPage: FC<{
  account: SessionAccount;
  csrf: string;
  tokens: ApiTokenInfo[];
  values: Values;
  errors: FieldErrors;
  /** A token just made: shown this once. */
  made?: string | undefined;
  notice?: Notice | undefined;
}> = ({ account, csrf, tokens, values, errors, made, notice }) => (
  <ManageLayout title="API-tokens" account={account} csrf={csrf} notice={notice}>
    <p class="utrecht-paragraph">
      Met een API-token schrijft een systeem van {account.organiserName} evenementen via de API (<code>Authorization: Bearer …</code>). Alleen een
      vingerafdruk van het token wordt bewaard: het token zelf ziet u één keer.
    </p>
    {made ? (
      <section class="utrecht-alert utrecht-alert--ok bijeen-state" aria-labelledby="nieuw-token-kop" role="status">
        <h2 class="utrecht-heading-2" id="nieuw-token-kop">
          Uw nieuwe token
        </h2>
        <p class="utrecht-paragraph">
          <code id="nieuw-token-waarde">{made}</code>
        </p>
        <p class="utrecht-paragraph">Kopieer het nu en bewaar het veilig: het wordt niet opnieuw getoond.</p>
      </section>
    ) : null}
    {tokens.length ? (
      <DataTable
        caption={`API-tokens van ${account.organiserName}`}
        headers={['Naam', 'Gemaakt op', 'Status', 'Intrekken']}
      >
        {tokens.map((t) => (
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="row">
              {t.name}
            </th>
            <td class="utrecht-table__cell">{formatDateNl(t.createdAt)}</td>
            <td class="utrecht-table__cell">{t.revokedAt ? `ingetrokken op ${formatDateNl(t.revokedAt)}` : 'in gebruik'}</td>
            <td class="utrecht-table__cell">
              {t.revokedAt ? null : (
                <PostButton action={`/beheer/api-tokens/${t.id}/intrekken`} csrf={csrf} label="Intrekken" target={t.name} />
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    ) : (
      <p class="utrecht-paragraph">Er zijn nog geen API-tokens.</p>
    )}
    <h2 class="utrecht-heading-2" id="token-maken">
      Een token maken
    </h2>
    <ErrorSummary errors={errors} />
    <form method="post" action="/beheer/api-tokens" novalidate class="bijeen-form" aria-labelledby="token-maken">
      <Csrf token={csrf} />
      <TextField field="name" label="Waarvoor is het?" autocomplete="off" values={values} errors={errors} description="Bijvoorbeeld: de koppeling met onze website." />
      <Submit>Token maken</Submit>
    </form>
  </ManageLayout>
);
