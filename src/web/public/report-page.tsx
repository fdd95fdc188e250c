import type { FC } from 'hono/jsx';
import { formatDateNl } from '../../kernel/dates';
import type { EventDocument } from '../../domain/events/document';
import { Layout, Markdown } from '../components/layout';
import { formatList } from './event-page';
import { ReportAttachments } from './file-parts';

type Report = NonNullable<EventDocument['report']>;

/** The report (verslag) of an event, linked to its programme and speakers. */
export const ReportPage: FC<{ doc: EventDocument; report: Report }> = ({ doc, report }) => {
  const first = new Date(doc.meetings[0]!.startsAt);
  const attendance = report.attendanceLabel ?? (report.attendance !== undefined ? String(report.attendance) : null);
  return (
    <Layout title={report.title} description={report.summary ?? doc.summary}>
      <nav aria-label="Kruimelpad" class="bijeen-breadcrumb">
        <a class="utrecht-link" href="/">
          Agenda
        </a>{' '}
        /{' '}
        <a class="utrecht-link" href={`/evenementen/${doc.slug}`}>
          {doc.title}
        </a>
      </nav>
      <article class="bijeen-report">
        <p class="utrecht-paragraph bijeen-pre-heading">Verslag van {doc.title}, {formatDateNl(first)}</p>
        <h1 class="utrecht-heading-1">{report.title}</h1>
        {report.summary ? <Markdown source={report.summary} headingBase={2} /> : null}
        {attendance ? (
          <p class="utrecht-paragraph">
            <strong>Aanwezig:</strong> {attendance} deelnemers.
          </p>
        ) : null}
        <Markdown source={report.body} headingBase={2} />
        <ReportAttachments doc={{ ...doc, report }} id="bijlagen-kop" title="Bijlagen" />
        <section class="bijeen-section" aria-labelledby="meer-kop">
          <h2 class="utrecht-heading-2" id="meer-kop">
            Meer over deze bijeenkomst
          </h2>
          <ul class="utrecht-unordered-list">
            <li class="utrecht-unordered-list__item">
              <a class="utrecht-link" href={`/evenementen/${doc.slug}#programma-kop`}>
                Het programma
              </a>
            </li>
            {doc.speakers.length ? (
              <li class="utrecht-unordered-list__item">
                <a class="utrecht-link" href={`/evenementen/${doc.slug}#sprekers-kop`}>
                  De sprekers
                </a>
                : {formatList(doc.speakers.map((s) => s.name))}
              </li>
            ) : null}
            {doc.contacts.length ? (
              <li class="utrecht-unordered-list__item">
                Vragen of vervolg? Neem contact op met{' '}
                {doc.contacts[0]!.email ? (
                  <a class="utrecht-link" href={`mailto:${doc.contacts[0]!.email}`}>
                    {doc.contacts[0]!.name}
                  </a>
                ) : (
                  doc.contacts[0]!.name
                )}
                .
              </li>
            ) : null}
          </ul>
        </section>
      </article>
    </Layout>
  );
};
