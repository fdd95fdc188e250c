import type { FC } from 'hono/jsx';
import type { EventDocument } from '../../domain/events/document';
import type { RegistrationView } from '../../domain/registration/service';
import { formatDateNl, formatTimeRangeNl } from '../../kernel/dates';
import { Layout } from '../components/layout';
import { scheduleText } from './event-page';

/*
 * The personal page behind the link in every mail: what you registered for, where you
 * stand, and what you can do (add to calendar, cancel or leave the waiting list). Join
 * links of online meetings appear here, for confirmed registrants only.
 */

const statusText: Record<RegistrationView['status'], { title: string; type: 'ok' | 'info' | 'warning' | 'error' }> = {
  confirmed: { title: 'U bent aangemeld', type: 'ok' },
  pending: { title: 'Uw aanmelding wacht op goedkeuring', type: 'info' },
  waitlisted: { title: 'U staat op de wachtlijst', type: 'warning' },
  offered: { title: 'Er is een plaats voor u vrijgekomen', type: 'warning' },
  expired: { title: 'Het aanbod van een plaats is verlopen', type: 'info' },
  refused: { title: 'Uw aanmelding is niet geaccepteerd', type: 'error' },
  cancelled: { title: 'Uw aanmelding is geannuleerd', type: 'info' },
};

const choiceStatus: Record<string, string> = {
  confirmed: 'U hebt een plaats',
  pending: 'Gereserveerd, wacht op goedkeuring',
  waitlisted: 'Op de wachtlijst',
  cancelled: 'Geannuleerd',
  refused: 'Niet geaccepteerd',
};

export const RegistrationPage: FC<{ registration: RegistrationView; doc: EventDocument; csrf: string; justRegistered: boolean }> = ({
  registration: r,
  doc,
  csrf,
  justRegistered,
}) => {
  const s = statusText[r.status];
  const when = scheduleText(doc.meetings.map((m) => ({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), title: m.title })));
  const title = (key: string) => doc.workshops.find((w) => w.key === key)?.title ?? key;
  const roundNo = (key: string) => doc.programme.filter((p) => p.kind === 'round').findIndex((p) => p.key === key) + 1;
  const active = r.status === 'confirmed' || r.status === 'pending' || r.status === 'waitlisted';
  const joinLinks = r.status === 'confirmed' ? doc.meetings.filter((m) => m.online && m.joinUrl) : [];
  return (
    <Layout title={`Uw aanmelding: ${doc.title}`}>
      <h1 class="utrecht-heading-1">Uw aanmelding</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">
        <a class="utrecht-link" href={`/evenementen/${doc.slug}`}>
          {doc.title}
        </a>
        , {when.date}
        {when.time ? `, ${when.time}` : ''}
      </p>
      <section class={`utrecht-alert utrecht-alert--${s.type} bijeen-state`} aria-labelledby="status-kop" id="status" tabindex={-1}>
        <h2 class="utrecht-heading-2" id="status-kop">
          {justRegistered && r.status === 'confirmed' ? 'Gelukt: u bent aangemeld' : s.title}
        </h2>
        {r.status === 'waitlisted' && r.position !== null ? (
          <p class="utrecht-paragraph">
            U bent nummer {r.position} op de wachtlijst.{' '}
            {r.waitReason === 'organisation_full'
              ? 'Uw organisatie heeft het maximum aantal deelnemers bereikt.'
              : r.waitReason === 'organisations_full'
                ? 'Het maximum aantal deelnemende organisaties is bereikt.'
                : r.waitReason === 'domain_full'
                  ? 'Uit uw organisatie neemt al iemand uit dit beleidsdomein deel.'
                  : 'Het evenement is vol.'}{' '}
            Komt er een plaats vrij, dan hoort u het per e-mail.
          </p>
        ) : null}
        {r.status === 'pending' ? <p class="utrecht-paragraph">De organisatie bekijkt uw aanmelding. U krijgt bericht.</p> : null}
        {justRegistered ? (
          <p class="utrecht-paragraph">
            Bewaar deze pagina: via dit adres kunt u uw aanmelding later bekijken of annuleren. U krijgt het ook per e-mail ({r.email}).
          </p>
        ) : null}
      </section>

      <h2 class="utrecht-heading-2">Gegevens</h2>
      <dl class="utrecht-data-list bijeen-facts">
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Naam</dt>
          <dd class="utrecht-data-list__item-value">{r.name}</dd>
        </div>
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">E-mailadres</dt>
          <dd class="utrecht-data-list__item-value">{r.email}</dd>
        </div>
        {r.organisation ? (
          <div class="utrecht-data-list__item">
            <dt class="utrecht-data-list__item-key">Organisatie</dt>
            <dd class="utrecht-data-list__item-value">{r.organisation}</dd>
          </div>
        ) : null}
      </dl>

      {r.choices.length ? (
        <>
          <h2 class="utrecht-heading-2">Deelsessies</h2>
          <div class="utrecht-table-container">
            <table class="utrecht-table">
              <thead class="utrecht-table__header">
                <tr class="utrecht-table__row">
                  <th class="utrecht-table__header-cell" scope="col">
                    Ronde
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Deelsessie
                  </th>
                  <th class="utrecht-table__header-cell" scope="col">
                    Stand
                  </th>
                </tr>
              </thead>
              <tbody class="utrecht-table__body">
                {r.choices.map((c) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{roundNo(c.roundKey)}</td>
                    <td class="utrecht-table__cell">{title(c.workshopKey)}</td>
                    <td class="utrecht-table__cell">
                      {choiceStatus[c.status]}
                      {c.status === 'waitlisted' && c.position ? ` (nummer ${c.position})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      {joinLinks.length ? (
        <>
          <h2 class="utrecht-heading-2">Online meedoen</h2>
          <ul class="utrecht-unordered-list">
            {joinLinks.map((m) => (
              <li class="utrecht-unordered-list__item">
                {m.title ? `${m.title}, ` : ''}
                {formatDateNl(new Date(m.startsAt))}, {formatTimeRangeNl(new Date(m.startsAt), new Date(m.endsAt))}:{' '}
                <a class="utrecht-link" href={m.joinUrl}>
                  deelnemen<span class="bijeen-visually-hidden"> aan {m.title ?? doc.title}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {active ? (
        <>
          <h2 class="utrecht-heading-2">Wat u kunt doen</h2>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href={`/aanmelding/${r.token}/agenda.ics`}>
              Zet in uw agenda (iCalendar, .ics)
            </a>
          </p>
          <form method="post" action={`/aanmelding/${r.token}/annuleren`} class="bijeen-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <button class="utrecht-button utrecht-button--secondary-action" type="submit">
              {r.status === 'waitlisted' ? 'Van de wachtlijst af' : 'Aanmelding annuleren'}
            </button>
          </form>
        </>
      ) : null}
    </Layout>
  );
};

export const PrivacyPage: FC = () => (
  <Layout title="Privacyverklaring">
    <h1 class="utrecht-heading-1">Privacyverklaring</h1>
    <p class="utrecht-paragraph">
      Wanneer u zich aanmeldt voor een bijeenkomst, bewaren wij uw naam, e-mailadres, organisatie en uw antwoorden. Wij gebruiken
      die alleen om de bijeenkomst te organiseren: om u te bevestigen, te informeren over wijzigingen, de deelnemerslijst te maken
      en, bij betaalde bijeenkomsten, te factureren.
    </p>
    <p class="utrecht-paragraph">
      Na afloop worden uw gegevens geanonimiseerd, behalve wat wij wettelijk moeten bewaren (facturen). Foto's en berichten over
      andere bijeenkomsten alleen met uw toestemming, die u bij aanmelden apart geeft.
    </p>
    <p class="utrecht-paragraph">
      Deze website gebruikt alleen functionele cookies (tegen misbruik van formulieren) en laadt niets van andere websites. Via de
      persoonlijke link in uw bevestiging kunt u uw aanmelding inzien en annuleren.
    </p>
  </Layout>
);
