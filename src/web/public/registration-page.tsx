import type { FC } from 'hono/jsx';
import type { EventDocument } from '../../domain/events/document';
import type { WorkshopSeats } from '../../domain/events/service';
import type { RegistrationView } from '../../domain/registration/service';
import { formatDateNl, formatTimeNl, formatTimeRangeNl, isoLocal } from '../../kernel/dates';
import { Layout } from '../components/layout';
import { qrSvg } from '../components/qr';
import { checkinCode, formatCode } from '../../domain/checkin/rules';
import { raw } from 'hono/html';
import { scheduleText } from './event-page';
import { Choice, ErrorSummary, Fieldset, has, idOf, type FieldErrors, type FormValues } from './register-page';
import { Th } from '../components/table-cells';

/*
 * The personal page behind the link in every mail: what you registered for, where you
 * stand, and what you can do (accept an offered place, change workshops, add to calendar,
 * cancel or leave the waiting list). Join links of online meetings appear here, for
 * confirmed registrants only. Every action is a plain form post answered with a redirect
 * back here (POST-redirect-GET), so it all works without JavaScript and a reload never
 * posts twice.
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

/** What the page says after an action redirected back to it (`?melding=…`). */
export type Flash = 'geaccepteerd' | 'te-laat' | 'gewijzigd' | 'ongewijzigd';
export const flashes: readonly Flash[] = ['geaccepteerd', 'te-laat', 'gewijzigd', 'ongewijzigd'];

/** "dinsdag 24 november 2026 om 12:00 uur", as in the offer mail. */
const momentText = (d: Date) => `${formatDateNl(d)} om ${formatTimeNl(d)} uur`;

export interface RegistrationPageProps {
  registration: RegistrationView;
  doc: EventDocument;
  /** Live seats per workshop per round: which are VOL. */
  seats: WorkshopSeats[];
  csrf: string;
  now: Date;
  justRegistered?: boolean;
  flash?: Flash | undefined;
  /** The choice form as it was sent, with its problems (a 400). */
  values?: FormValues;
  errors?: FieldErrors;
  /** A request the registration refused (a 409): why. */
  notice?: { title: string; text: string } | undefined;
}

export const RegistrationPage: FC<RegistrationPageProps> = ({
  registration: r,
  doc,
  seats,
  csrf,
  now,
  justRegistered = false,
  flash,
  values,
  errors = {},
  notice,
}) => {
  const s = statusText[r.status];
  const when = scheduleText(doc.meetings.map((m) => ({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt), title: m.title })));
  const title = (key: string) => doc.workshops.find((w) => w.key === key)?.title ?? key;
  const rounds = doc.programme.filter((p) => p.kind === 'round');
  const roundNo = (key: string) => rounds.findIndex((p) => p.key === key) + 1;
  const active = r.status === 'confirmed' || r.status === 'pending' || r.status === 'waitlisted';
  const joinLinks = r.status === 'confirmed' ? doc.meetings.filter((m) => m.online && m.joinUrl) : [];
  // Choices can change until the first meeting starts, and not in a cancelled event (the service says the same).
  const startsAt = Math.min(...doc.meetings.map((m) => new Date(m.startsAt).getTime()));
  const canChangeChoices = (active || r.status === 'offered') && rounds.length > 0 && now.getTime() < startsAt && doc.status !== 'cancelled';
  const contact = doc.contacts.find((c) => c.purpose === 'practical' && c.email) ?? doc.contacts.find((c) => c.email);
  const heading =
    justRegistered && r.status === 'confirmed'
      ? 'Gelukt: u bent aangemeld'
      : flash === 'geaccepteerd' && r.status === 'confirmed'
        ? 'Gelukt: de plaats is van u'
        : s.title;
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
      <ErrorSummary errors={errors} />
      {notice ? (
        <section class="utrecht-alert utrecht-alert--warning bijeen-state" aria-labelledby="melding-kop" id="melding" tabindex={-1}>
          <h2 class="utrecht-heading-2" id="melding-kop">
            {notice.title}
          </h2>
          <p class="utrecht-paragraph">{notice.text}</p>
        </section>
      ) : null}
      {flash === 'gewijzigd' || flash === 'ongewijzigd' ? (
        <section class="utrecht-alert utrecht-alert--ok bijeen-state" aria-labelledby="melding-kop" id="melding" tabindex={-1}>
          <h2 class="utrecht-heading-2" id="melding-kop">
            {flash === 'gewijzigd' ? 'Uw keuzes zijn gewijzigd' : 'Er is niets gewijzigd'}
          </h2>
          <p class="utrecht-paragraph">
            {flash === 'gewijzigd'
              ? `U krijgt een bevestiging met uw nieuwe keuzes per e-mail (${r.email}).`
              : 'U koos dezelfde deelsessies als u al had.'}
          </p>
        </section>
      ) : null}
      <section class={`utrecht-alert utrecht-alert--${s.type} bijeen-state`} aria-labelledby="status-kop" id="status" tabindex={-1}>
        <h2 class="utrecht-heading-2" id="status-kop">
          {heading}
        </h2>
        {r.status === 'offered' && r.offerExpiresAt ? (
          <>
            <p class="utrecht-paragraph">
              Er is een plaats vrijgekomen en die bieden wij u aan. Wilt u komen? Accepteer de plaats dan vóór{' '}
              <strong>
                <time datetime={isoLocal(r.offerExpiresAt)}>{momentText(r.offerExpiresAt)}</time>
              </strong>
              . Daarna gaat de plaats naar de volgende op de wachtlijst.
            </p>
            <div class="utrecht-button-group">
              <form method="post" action={`/aanmelding/${r.token}/accepteren`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <button class="utrecht-button utrecht-button--primary-action" type="submit">
                  Plaats accepteren
                </button>
              </form>
              <form method="post" action={`/aanmelding/${r.token}/annuleren`}>
                <input type="hidden" name="_csrf" value={csrf} />
                <button class="utrecht-button utrecht-button--secondary-action" type="submit" aria-describedby="afwijzen-uitleg">
                  Plaats afwijzen
                </button>
              </form>
            </div>
            <p class="utrecht-paragraph" id="afwijzen-uitleg">
              Wijst u de plaats af, dan vervalt uw aanmelding en gaat de plaats meteen naar de volgende op de wachtlijst.
            </p>
          </>
        ) : null}
        {r.status === 'expired' ? (
          <p class="utrecht-paragraph">
            {flash === 'te-laat'
              ? 'U probeerde de plaats te accepteren, maar de termijn was al verstreken. '
              : 'U hebt de aangeboden plaats niet op tijd geaccepteerd. '}
            De plaats is aangeboden aan de volgende op de wachtlijst. Wilt u toch graag komen? Neem dan contact op met de organisatie
            {contact?.email ? (
              <>
                {' '}
                (
                <a class="utrecht-link" href={`mailto:${contact.email}`}>
                  {contact.email}
                </a>
                )
              </>
            ) : null}
            .
          </p>
        ) : null}
        {r.status === 'refused' && r.refusalReason ? (
          <>
            <p class="utrecht-paragraph">De organisatie gaf als reden:</p>
            <blockquote class="bijeen-quote">
              <p class="utrecht-paragraph">{r.refusalReason}</p>
            </blockquote>
          </>
        ) : null}
        {r.status === 'confirmed' && flash === 'geaccepteerd' ? (
          <p class="utrecht-paragraph">U hebt de aangeboden plaats geaccepteerd. De bevestiging met een agenda-uitnodiging komt per e-mail ({r.email}).</p>
        ) : null}
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
        {r.status === 'pending' ? (
          <p class="utrecht-paragraph">
            {flash === 'geaccepteerd' ? 'U hebt de aangeboden plaats geaccepteerd. ' : ''}De organisatie bekijkt uw aanmelding. U krijgt bericht.
          </p>
        ) : null}
        {justRegistered ? (
          <p class="utrecht-paragraph">
            Bewaar deze pagina: via dit adres kunt u uw aanmelding later bekijken of annuleren. U krijgt het ook per e-mail ({r.email}).
          </p>
        ) : null}
      </section>

      {r.status === 'confirmed' && doc.status !== 'cancelled' ? <CheckinSection token={r.token} /> : null}

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
                  <Th>Ronde</Th>
                  <Th>Deelsessie</Th>
                  <Th>Stand</Th>
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

      {canChangeChoices ? (
        <ChoiceForm registration={r} doc={doc} seats={seats} csrf={csrf} values={values} errors={errors} />
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

/**
 * Change workshops: one radio group per round with the current choice checked. A full
 * workshop (VOL) cannot be chosen, except as the current choice — or by someone on the
 * event's waiting list, whose choices hold no seat yet and simply wait.
 */
const ChoiceForm: FC<{
  registration: RegistrationView;
  doc: EventDocument;
  seats: WorkshopSeats[];
  csrf: string;
  values?: FormValues | undefined;
  errors: FieldErrors;
}> = ({ registration: r, doc, seats, csrf, values, errors }) => {
  const rounds = doc.programme.filter((p) => p.kind === 'round');
  const waiting = r.status === 'waitlisted';
  const current = (roundKey: string) => r.choices.find((c) => c.roundKey === roundKey)?.workshopKey;
  return (
    <>
      <h2 class="utrecht-heading-2" id="keuzes-kop">
        Deelsessies wijzigen
      </h2>
      <p class="utrecht-paragraph">
        {waiting
          ? 'U staat op de wachtlijst; u kunt elke deelsessie kiezen. Krijgt u een plaats, dan krijgt u ook een plaats in de deelsessies die dan nog plaats hebben.'
          : 'U kunt overstappen naar een deelsessie die nog plaats heeft. Uw plaats in de deelsessie die u verlaat, gaat naar de eerste op de wachtlijst daarvan.'}
      </p>
      <form method="post" action={`/aanmelding/${r.token}/keuzes`} novalidate class="utrecht-form bijeen-form" aria-labelledby="keuzes-kop">
        <input type="hidden" name="_csrf" value={csrf} />
        {rounds.map((round, i) => {
          const field = `keuze.${round.key}`;
          const mine = current(round.key);
          return (
            <Fieldset field={field} legend={`Ronde ${i + 1}, ${formatTimeNl(new Date(round.startsAt))} uur`} errors={errors}>
              {doc.workshops
                .filter((w) => w.rounds.includes(round.key))
                .map((w) => {
                  const full = seats.find((s) => s.workshopKey === w.key && s.roundKey === round.key)?.full ?? false;
                  const isMine = w.key === mine;
                  const disabled = full && !isMine && !waiting;
                  return (
                    <Choice
                      type="radio"
                      name={field}
                      value={w.key}
                      id={`${idOf(field)}-${w.key}`}
                      // A disabled radio is never sent: checking one would lose the round's choice.
                      checked={!disabled && (values ? has(values, field, w.key) : mine === w.key)}
                      disabled={disabled}
                      label={
                        <>
                          {w.title}
                          {full ? (
                            <>
                              {' '}
                              <span class="utrecht-status-badge utrecht-status-badge--danger">VOL</span>
                              {isMine ? '' : waiting ? ' u komt op de wachtlijst van deze deelsessie' : ''}
                            </>
                          ) : null}
                          {isMine ? ' (uw huidige keuze)' : ''}
                        </>
                      }
                    />
                  );
                })}
            </Fieldset>
          );
        })}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          Keuzes opslaan
        </button>
      </form>
    </>
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

/** The check-in code as a QR code and as text, to show at the desk (balie). It identifies; it grants nothing. */
const CheckinSection: FC<{ token: string }> = ({ token }) => {
  const code = formatCode(checkinCode(token));
  return (
    <section aria-labelledby="inchecken-kop" id="inchecken">
      <h2 class="utrecht-heading-2" id="inchecken-kop">
        Inchecken
      </h2>
      <p class="utrecht-paragraph">Laat deze QR-code bij de balie scannen, of noem de code. Zo bent u snel binnen.</p>
      {raw(qrSvg(code.replace('-', ''), { label: `QR-code voor inchecken, code ${code}`, className: 'bijeen-checkin-qr' }))}
      <p class="utrecht-paragraph">
        Uw check-in-code: <strong class="bijeen-checkin-code">{code}</strong>
      </p>
      <p class="utrecht-paragraph">
        Met deze code kan niemand uw aanmelding bekijken of wijzigen; daarvoor is de link van deze pagina. Deel die link dus niet.
      </p>
    </section>
  );
};
