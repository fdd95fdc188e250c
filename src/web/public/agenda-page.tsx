import type { FC } from 'hono/jsx';
import { formatDateNl, isoDateLocal } from '../../kernel/dates';
import type { AgendaItem } from '../../domain/events/service';
import { Layout } from '../components/layout';
import { formatLabel, formatList, scheduleText } from './event-page';

const Item: FC<{ item: AgendaItem; headingLevel: 2 | 3 }> = ({ item }) => {
  const when = scheduleText(item.meetings);
  return (
    <li class="bijeen-card">
      <h3 class="utrecht-heading-3 bijeen-card__title">
        <a class="utrecht-link" href={`/evenementen/${item.slug}`}>
          {item.title}
        </a>
      </h3>
      {item.status === 'cancelled' ? (
        <p class="utrecht-paragraph">
          <span class="utrecht-status-badge utrecht-status-badge--danger">Geannuleerd</span>
        </p>
      ) : null}
      <p class="utrecht-paragraph bijeen-card__meta">
        <time datetime={isoDateLocal(item.startsAt)}>{when.date}</time>
        {when.time ? `, ${when.time}` : ''} · {item.cities.length ? formatList(item.cities) : formatLabel[item.format]}
        {item.cities.length && item.format !== 'on_site' ? ' en online' : ''}
      </p>
      <p class="utrecht-paragraph">{item.summary}</p>
      <p class="utrecht-paragraph bijeen-card__meta">Organisatie: {formatList(item.organisers)}</p>
      {item.report ? (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/evenementen/${item.slug}/verslag`}>
            Verslag: {item.report.title}
          </a>
        </p>
      ) : null}
    </li>
  );
};

export const AgendaPage: FC<{ upcoming: AgendaItem[]; past: AgendaItem[]; now: Date }> = ({ upcoming, past, now }) => (
  <Layout title="Agenda" description="Symposia, werkplaatsen, leergangen en online dagen: meld u aan.">
    <h1 class="utrecht-heading-1">Agenda</h1>
    <p class="utrecht-paragraph utrecht-paragraph--lead">
      Bijeenkomsten, werkplaatsen en leergangen. Stand van {formatDateNl(now)}.
    </p>
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="/agenda.ics">
        Abonneer op de agenda (iCalendar)
      </a>
    </p>
    <section aria-labelledby="komend-kop" class="bijeen-section">
      <h2 class="utrecht-heading-2" id="komend-kop">
        Komende evenementen
      </h2>
      {upcoming.length ? (
        <ul class="bijeen-cards">
          {upcoming.map((i) => (
            <Item item={i} headingLevel={3} />
          ))}
        </ul>
      ) : (
        <p class="utrecht-paragraph">Er staan nu geen evenementen op de agenda.</p>
      )}
    </section>
    {past.length ? (
      <section aria-labelledby="afgelopen-kop" class="bijeen-section">
        <h2 class="utrecht-heading-2" id="afgelopen-kop">
          Afgelopen evenementen
        </h2>
        <ul class="bijeen-cards">
          {past.map((i) => (
            <Item item={i} headingLevel={3} />
          ))}
        </ul>
      </section>
    ) : null}
  </Layout>
);
