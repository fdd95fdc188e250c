import type { FC } from 'hono/jsx';
import { formatDateNl, formatTimeNl, formatTimeRangeNl, isoDateLocal, sameLocalDay } from '../../kernel/dates';
import { formatEuro, inclVatCents, vatLabelNl } from '../../kernel/money';
import type { EventDocument } from '../../domain/events/document';
import { mapUrl, scheduleOf, type RegistrationState } from '../../domain/events/rules';
import type { EventView, WorkshopSeats } from '../../domain/events/service';
import { Layout, Markdown } from '../components/layout';
import { ReportAttachments, SpeakerPhotoImage } from './file-parts';

type Doc = EventDocument;
type Workshop = Doc['workshops'][number];
type Venue = Doc['venues'][number];
type Meeting = Doc['meetings'][number];

const d = (iso: string) => new Date(iso);

export function formatList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export const formatLabel: Record<Doc['format'], string> = {
  on_site: 'Op locatie',
  online: 'Online',
  hybrid: 'Op locatie en online',
};

/** One line on where registration stands, as the seeds word it. */
export function registrationStateText(s: RegistrationState): { title: string; text: string; type: 'ok' | 'info' | 'warning' | 'error' } {
  switch (s.kind) {
    case 'open':
      return {
        type: 'ok',
        title: 'Aanmelden is open',
        text: [
          s.placesLeft === null ? null : `Er ${s.placesLeft === 1 ? 'is nog 1 plaats' : `zijn nog ${s.placesLeft} plaatsen`}.`,
          s.closesAt ? `Aanmelden kan tot ${formatDateNl(s.closesAt)}, ${formatTimeNl(s.closesAt)} uur.` : null,
        ]
          .filter(Boolean)
          .join(' '),
      };
    case 'not_yet_open':
      return { type: 'info', title: 'Aanmelden is nog niet open', text: `Aanmelden opent op ${formatDateNl(s.opensAt)} om ${formatTimeNl(s.opensAt)} uur.` };
    case 'deadline_passed':
      return { type: 'warning', title: 'Aanmelden is gesloten', text: `De deadline voor aanmelden (${formatDateNl(s.closedAt)}) is verstreken.` };
    case 'full':
      return s.waitlistOpen
        ? {
            type: 'warning',
            title: 'Vol: aanmelden voor de wachtlijst',
            text: 'Het maximum aantal deelnemers is bereikt. U kunt zich nog wel aanmelden voor de wachtlijst; komt er een plaats vrij, dan hoort u het.',
          }
        : { type: 'warning', title: 'Vol', text: 'Het maximum aantal deelnemers is bereikt. Aanmelden is niet meer mogelijk.' };
    case 'cancelled':
      return { type: 'error', title: 'Geannuleerd', text: 'Dit evenement gaat niet door.' };
    case 'past':
      return { type: 'info', title: 'Afgelopen', text: 'Dit evenement heeft plaatsgevonden.' };
    case 'none':
      return { type: 'info', title: 'Vrij toegankelijk', text: 'Aanmelden is niet nodig.' };
  }
}

export function scheduleText(meetings: { startsAt: Date; endsAt: Date; title?: string | null | undefined }[]): { date: string; time: string | null } {
  const s = scheduleOf(meetings);
  if (s.kind === 'series') return { date: `${s.count} bijeenkomsten, ${s.date}`, time: null };
  return { date: s.date, time: s.time };
}

const VenueAddress: FC<{ venue: Venue }> = ({ venue }) => (
  <>
    {venue.name}
    {venue.street ? (
      <>
        <br />
        {venue.street}
      </>
    ) : null}
    <br />
    {[venue.postcode, venue.city].filter(Boolean).join(' ')}
    <br />
    <a class="utrecht-link" href={mapUrl(venue)}>
      Bekijk op de kaart<span class="bijeen-visually-hidden"> (OpenStreetMap, {venue.name})</span>
    </a>
  </>
);

const StateAlert: FC<{ state: RegistrationState; slug: string; hasReport: boolean }> = ({ state, slug, hasReport }) => {
  const t = registrationStateText(state);
  return (
    <section class={`utrecht-alert utrecht-alert--${t.type} bijeen-state`} aria-labelledby="aanmelden-kop">
      <h2 class="utrecht-heading-2" id="aanmelden-kop">
        {t.title}
      </h2>
      <p class="utrecht-paragraph">{t.text}</p>
      {state.kind === 'open' || (state.kind === 'full' && state.waitlistOpen) ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href={`/evenementen/${slug}/aanmelden`}>
            {state.kind === 'full' ? 'Aanmelden voor de wachtlijst' : 'Aanmelden'}
          </a>
        </p>
      ) : null}
      {hasReport ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/evenementen/${slug}/verslag`}>
            Lees het verslag
          </a>
        </p>
      ) : null}
    </section>
  );
};

const Facts: FC<{ view: EventView }> = ({ view }) => {
  const doc = view.doc;
  const meetings = doc.meetings.map((m) => ({ startsAt: d(m.startsAt), endsAt: d(m.endsAt), title: m.title }));
  const when = scheduleText(meetings);
  const usedVenues = doc.venues.filter((v) => doc.meetings.some((m) => m.venue === v.key));
  const anyOnline = doc.meetings.some((m) => m.online);
  const closes = doc.registration.closesAt ? d(doc.registration.closesAt) : null;
  return (
    <dl class="utrecht-data-list bijeen-facts">
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Datum</dt>
        <dd class="utrecht-data-list__item-value">
          <time datetime={isoDateLocal(meetings[0]!.startsAt)}>{when.date}</time>
        </dd>
      </div>
      {when.time ? (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Tijd</dt>
          <dd class="utrecht-data-list__item-value">{when.time}</dd>
        </div>
      ) : null}
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">{usedVenues.length > 1 ? 'Locaties' : 'Locatie'}</dt>
        <dd class="utrecht-data-list__item-value">
          {usedVenues.map((v) => (
            <p class="utrecht-paragraph">
              <VenueAddress venue={v} />
            </p>
          ))}
          {anyOnline ? (
            <p class="utrecht-paragraph">
              {usedVenues.length ? 'Een deel van de bijeenkomsten is online.' : 'Online.'} De link krijgt u na uw aanmelding.
            </p>
          ) : null}
        </dd>
      </div>
      <div class="utrecht-data-list__item">
        <dt class="utrecht-data-list__item-key">Prijs</dt>
        <dd class="utrecht-data-list__item-value">
          <PriceText price={doc.price} />
        </dd>
      </div>
      {closes ? (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Aanmelden vóór</dt>
          <dd class="utrecht-data-list__item-value">
            <time datetime={closes.toISOString()}>
              {formatDateNl(closes)}, {formatTimeNl(closes)} uur
            </time>
          </dd>
        </div>
      ) : null}
      {doc.organisers.length ? (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Organisatie</dt>
          <dd class="utrecht-data-list__item-value">{formatList(doc.organisers.map((o) => o.name))}</dd>
        </div>
      ) : null}
      {doc.series ? (
        <div class="utrecht-data-list__item">
          <dt class="utrecht-data-list__item-key">Onderdeel van</dt>
          <dd class="utrecht-data-list__item-value">{doc.series}</dd>
        </div>
      ) : null}
    </dl>
  );
};

export const PriceText: FC<{ price: Doc['price'] }> = ({ price }) => {
  if (!price || price.amountCents === 0) return <>Gratis</>;
  const excl = formatEuro(price.amountCents);
  if (price.vatCategory === 'exempt')
    return (
      <>
        {excl} per persoon, vrijgesteld van btw{price.includes ? ` (${price.includes})` : ''}
      </>
    );
  return (
    <>
      {excl} per persoon excl. btw ({formatEuro(inclVatCents(price.amountCents, price.vatCategory))} incl.{' '}
      {vatLabelNl[price.vatCategory]}){price.includes ? `, ${price.includes}` : ''}
    </>
  );
};

const Contributors: FC<{ workshop: Workshop }> = ({ workshop }) =>
  workshop.contributors.length ? (
    <p class="utrecht-paragraph bijeen-contributors">
      Met bijdragen van{' '}
      {workshop.contributors.map((c, i) => (
        <>
          {i > 0 ? '; ' : ''}
          {c.name}
          {c.organisation ? ` – ${c.organisation}` : ''}
        </>
      ))}
    </p>
  ) : null;

const WorkshopItem: FC<{ workshop: Workshop; seats: WorkshopSeats | undefined; otherRounds: string[] }> = ({
  workshop,
  seats,
  otherRounds,
}) => (
  <li class="bijeen-workshop">
    <h4 class="utrecht-heading-4 bijeen-workshop__title">
      {workshop.title}
      {seats?.full ? (
        <>
          {' '}
          <span class="utrecht-status-badge utrecht-status-badge--danger bijeen-full">VOL</span>
        </>
      ) : null}
    </h4>
    <Contributors workshop={workshop} />
    {seats && !seats.full && seats.placesLeft !== null ? (
      <p class="utrecht-paragraph bijeen-seats">
        {seats.placesLeft === 1 ? 'Nog 1 plaats' : `Nog ${seats.placesLeft} plaatsen`}
      </p>
    ) : null}
    {seats?.full ? <p class="utrecht-paragraph bijeen-seats">Vol. Wachtlijst mogelijk.</p> : null}
    {otherRounds.length ? (
      <p class="utrecht-paragraph bijeen-seats">Ook in {formatList(otherRounds)}.</p>
    ) : null}
    {workshop.description || workshop.contact ? (
      <details class="bijeen-details">
        <summary>
          Lees meer<span class="bijeen-visually-hidden"> over {workshop.title}</span>
        </summary>
        <Markdown source={workshop.description} headingBase={5} />
        {workshop.contact ? (
          <p class="utrecht-paragraph">
            Vragen vooraf? Neem contact op met {workshop.contact.name}
            {workshop.contact.email ? (
              <>
                {' '}
                via{' '}
                <a class="utrecht-link" href={`mailto:${workshop.contact.email}`}>
                  {workshop.contact.email}
                </a>
              </>
            ) : null}
            {workshop.contact.phone ? (
              <>
                {workshop.contact.email ? ' of ' : ' via '}
                <a class="utrecht-link" href={`tel:${workshop.contact.phone.replace(/[^+0-9]/g, '')}`}>
                  {workshop.contact.phone}
                </a>
              </>
            ) : null}
            .
          </p>
        ) : null}
      </details>
    ) : null}
  </li>
);

const Programme: FC<{ view: EventView }> = ({ view }) => {
  const doc = view.doc;
  if (doc.programme.length === 0) return null;
  const speakerName = new Map(doc.speakers.map((s) => [s.key, s.organisation ? `${s.name} (${s.organisation})` : s.name]));
  const roundTitle = new Map(doc.programme.filter((p) => p.kind === 'round').map((p, i) => [p.key, `ronde ${i + 1} (${formatTimeNl(d(p.startsAt))} uur)`]));
  const multiDay = !doc.meetings.every((m) => sameLocalDay(d(m.startsAt), d(doc.meetings[0]!.startsAt)));
  const items = doc.programme;
  return (
    <section aria-labelledby="programma-kop" class="bijeen-section">
      <h2 class="utrecht-heading-2" id="programma-kop">
        Programma
      </h2>
      <ol class="bijeen-programme">
        {items.map((p, i) => {
          const start = d(p.startsAt);
          const newDay = multiDay && (i === 0 || !sameLocalDay(start, d(items[i - 1]!.startsAt)));
          const speakersText = p.speakers.map((k) => speakerName.get(k) ?? k);
          const roundWorkshops = p.kind === 'round' ? doc.workshops.filter((w) => w.rounds.includes(p.key)) : [];
          return (
            <li class={`bijeen-programme__item${p.kind === 'round' ? ' bijeen-programme__item--round' : ''}`}>
              {newDay ? <p class="utrecht-paragraph bijeen-programme__day">{formatDateNl(start)}</p> : null}
              <p class="utrecht-paragraph bijeen-programme__time">
                <time datetime={start.toISOString()}>{p.endsAt ? formatTimeRangeNl(start, d(p.endsAt)) : `${formatTimeNl(start)} uur`}</time>
              </p>
              <div class="bijeen-programme__body">
                <h3 class="utrecht-heading-3 bijeen-programme__title">{p.title}</h3>
                {p.subtitle ? <p class="utrecht-paragraph bijeen-programme__subtitle">{p.subtitle}</p> : null}
                {speakersText.length ? <p class="utrecht-paragraph">Door {formatList(speakersText)}</p> : null}
                <Markdown source={p.description} headingBase={4} />
                {p.kind === 'round' ? (
                  <>
                    <p class="utrecht-paragraph">
                      {roundWorkshops.length} deelsessies; u kiest er één.
                    </p>
                    <ul class="bijeen-workshops" aria-label={`Deelsessies in ${roundTitle.get(p.key)}`}>
                      {roundWorkshops.map((w) => (
                        <WorkshopItem
                          workshop={w}
                          seats={view.seats.find((s) => s.workshopKey === w.key && s.roundKey === p.key)}
                          otherRounds={w.rounds.filter((r) => r !== p.key).map((r) => roundTitle.get(r) ?? r)}
                        />
                      ))}
                    </ul>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
};

const Meetings: FC<{ doc: Doc }> = ({ doc }) => {
  // A course: each meeting has its own title, date, place and topics.
  if (!doc.meetings.some((m) => m.title)) return null;
  const venue = new Map(doc.venues.map((v) => [v.key, v]));
  const place = (m: Meeting) => {
    const v = m.venue ? venue.get(m.venue) : undefined;
    if (v && m.online) return `${v.name}, ${v.city}, en online`;
    if (v) return `${v.name}, ${[v.street, v.city].filter(Boolean).join(', ')}`;
    return 'Online bijeenkomst';
  };
  return (
    <section aria-labelledby="bijeenkomsten-kop" class="bijeen-section">
      <h2 class="utrecht-heading-2" id="bijeenkomsten-kop">
        Bijeenkomsten
      </h2>
      <p class="utrecht-paragraph">Eén aanmelding geldt voor alle {doc.meetings.length} bijeenkomsten.</p>
      <ol class="utrecht-ordered-list bijeen-meetings">
        {doc.meetings.map((m) => (
          <li class="utrecht-ordered-list__item">
            <h3 class="utrecht-heading-3">{m.title ?? formatDateNl(d(m.startsAt))}</h3>
            <p class="utrecht-paragraph">
              <time datetime={m.startsAt}>{formatDateNl(d(m.startsAt))}</time> | {formatTimeRangeNl(d(m.startsAt), d(m.endsAt))} |{' '}
              {place(m)}
            </p>
            {m.topics.length ? (
              <ul class="utrecht-unordered-list">
                {m.topics.map((t) => (
                  <li class="utrecht-unordered-list__item">{t}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
};

const Speakers: FC<{ doc: Doc }> = ({ doc }) =>
  doc.speakers.length ? (
    <section aria-labelledby="sprekers-kop" class="bijeen-section">
      <h2 class="utrecht-heading-2" id="sprekers-kop">
        Sprekers
      </h2>
      <ul class="bijeen-speakers">
        {doc.speakers.map((s) => (
          <li class="bijeen-speaker">
            {s.photo ? <SpeakerPhotoImage photo={s.photo} name={s.name} /> : null}
            <h3 class="utrecht-heading-3">{s.name}</h3>
            {s.role || s.organisation ? (
              <p class="utrecht-paragraph bijeen-speaker__role">{[s.role, s.organisation].filter(Boolean).join(', ')}</p>
            ) : null}
            {s.bio ? (
              <details class="bijeen-details">
                <summary>
                  Lees meer<span class="bijeen-visually-hidden"> over {s.name}</span>
                </summary>
                <Markdown source={s.bio} headingBase={4} />
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  ) : null;

const purposeTitle: Record<Doc['contacts'][number]['purpose'], string> = {
  content: 'Inhoudelijke vragen',
  practical: 'Praktische vragen',
  general: 'Vragen?',
};

const Contacts: FC<{ doc: Doc }> = ({ doc }) => {
  if (!doc.contacts.length) return null;
  const purposes = (['content', 'practical', 'general'] as const).filter((p) => doc.contacts.some((c) => c.purpose === p));
  return (
    <section aria-labelledby="contact-kop" class="bijeen-section">
      <h2 class="utrecht-heading-2" id="contact-kop">
        Contact
      </h2>
      {purposes.map((p) => (
        <>
          <h3 class="utrecht-heading-3">{purposeTitle[p]}</h3>
          <ul class="bijeen-contacts">
            {doc.contacts
              .filter((c) => c.purpose === p)
              .map((c) => (
                <li>
                  <p class="utrecht-paragraph">
                    {c.name}
                    {c.role ? `, ${c.role}` : ''}
                    {c.email ? (
                      <>
                        <br />
                        <a class="utrecht-link" href={`mailto:${c.email}`}>
                          {c.email}
                        </a>
                      </>
                    ) : null}
                    {c.phone ? (
                      <>
                        <br />
                        <a class="utrecht-link" href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`}>
                          {c.phone}
                        </a>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
          </ul>
        </>
      ))}
    </section>
  );
};

export const EventPage: FC<{ view: EventView }> = ({ view }) => {
  const doc = view.doc;
  return (
    <Layout title={doc.title} description={doc.summary}>
      <nav aria-label="Kruimelpad" class="bijeen-breadcrumb">
        <a class="utrecht-link" href="/">
          Agenda
        </a>
      </nav>
      <article class="bijeen-event">
        <header class="bijeen-event__header">
          {doc.status === 'cancelled' ? (
            <p class="utrecht-paragraph">
              <span class="utrecht-status-badge utrecht-status-badge--danger">Geannuleerd</span>
            </p>
          ) : null}
          {doc.status === 'draft' ? (
            <p class="utrecht-paragraph">
              <span class="utrecht-status-badge utrecht-status-badge--warning">Concept: nog niet gepubliceerd</span>
            </p>
          ) : null}
          <h1 class="utrecht-heading-1">{doc.title}</h1>
          {doc.subtitle ? <p class="utrecht-paragraph utrecht-paragraph--lead">{doc.subtitle}</p> : null}
          <p class="utrecht-paragraph utrecht-paragraph--lead">{doc.summary}</p>
          <p class="utrecht-paragraph">{formatLabel[doc.format]}</p>
        </header>
        <Facts view={view} />
        <StateAlert state={view.registration} slug={doc.slug} hasReport={doc.report !== null} />
        <ReportAttachments doc={doc} id="bijlagen-kop" title="Bijlagen bij het verslag" />
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/evenementen/${doc.slug}/kalender.ics`}>
            Zet in uw agenda (iCalendar, .ics)
          </a>
        </p>
        {doc.sections.map((s, i) => (
          <section class="bijeen-section" aria-labelledby={s.heading ? `sectie-${i}` : undefined}>
            {s.heading ? (
              <h2 class="utrecht-heading-2" id={`sectie-${i}`}>
                {s.heading}
              </h2>
            ) : null}
            <Markdown source={s.body} headingBase={s.heading ? 3 : 2} />
          </section>
        ))}
        {doc.audience.intro || doc.audience.groups.length ? (
          <section aria-labelledby="voor-wie-kop" class="bijeen-section">
            <h2 class="utrecht-heading-2" id="voor-wie-kop">
              Voor wie?
            </h2>
            <Markdown source={doc.audience.intro} />
            {doc.audience.groups.length ? (
              <ul class="utrecht-unordered-list">
                {doc.audience.groups.map((g) => (
                  <li class="utrecht-unordered-list__item">{g}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ) : null}
        <Meetings doc={doc} />
        <Programme view={view} />
        <Speakers doc={doc} />
        <Contacts doc={doc} />
      </article>
    </Layout>
  );
};
