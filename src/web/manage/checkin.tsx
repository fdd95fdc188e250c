import { Hono, type Context } from 'hono';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../app';
import { may } from '../../domain/accounts/rules';
import type { SessionAccount } from '../../domain/accounts/service';
import { accountActor } from '../../domain/audit/service';
import { alreadyText, formatCode, readCode } from '../../domain/checkin/rules';
import { checkIn, findByCode, openDesk, searchPeople, undoCheckIn, type Desk, type DeskMeeting, type DeskPerson } from '../../domain/checkin/service';
import { formatDateNl, formatTimeNl } from '../../kernel/dates';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { ForbiddenPage, ManageLayout, ManageNotFoundPage, type Notice } from './pages';
import { STATUS_LABELS, me } from './common';

/*
 * The check-in desk (balie) of an event: /beheer/evenementen/{slug}/balie. Every role may
 * use it (it asks `events.view`); another organiser's event is not found. It works on a
 * phone and without JavaScript: pick the meeting, type a name, organisation, e-mail
 * address or the check-in code (a hardware scanner types the QR code's content into the
 * field and presses Enter: that checks in at once), and press "Aanwezig". The counts are
 * read on every page load. See docs/decisions/015-check-in.md.
 */


interface DeskView {
  desk: Desk;
  query: string;
  people: DeskPerson[];
  more: boolean;
  searched: boolean;
  notice?: Notice | undefined;
}

export function checkinRoutes() {
  const app = new Hono<AppEnv>();
  const base = (slug: string) => `/beheer/evenementen/${encodeURIComponent(slug)}/balie`;

  /** The desk of the account's event, or the answer to give instead (404, 403). */
  async function deskOf(c: Context<AppEnv>, meetingKey: string | undefined): Promise<Desk | Response> {
    const desk = await openDesk(c.var.deps.db, me(c).organiserId, c.req.param('slug') ?? '', meetingKey, c.var.deps.clock());
    if (!desk)
      return c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text="Dit evenement bestaat niet, of uw organisatie organiseert het niet." />, 404);
    if (!may(me(c).role, 'events.view')) return c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);
    return desk;
  }

  const page = (c: Context<AppEnv>, view: DeskView, status: 200 | 404 | 409 = 200) =>
    c.html(<DeskPage account={me(c)} csrf={csrfToken(c)} base={base(view.desk.event.slug)} {...view} />, status);

  async function search(c: Context<AppEnv>, desk: Desk, query: string) {
    if (!desk.meeting || !query.trim()) return { people: [], more: false, searched: false };
    const found = await searchPeople(c.var.deps.db, desk.event.id, desk.meeting.id, query);
    return { ...found, searched: true };
  }

  app.get('/beheer/evenementen/:slug/balie', async (c) => {
    const desk = await deskOf(c, c.req.query('bijeenkomst'));
    if (desk instanceof Response) return desk;
    const query = (c.req.query('q') ?? '').slice(0, 200);
    return page(c, { desk, query, ...(await search(c, desk, query)) });
  });

  const fields = async (c: Context<AppEnv>) => {
    const body = await c.req.parseBody();
    const get = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    return { meeting: get('bijeenkomst'), query: get('q').slice(0, 200), registration: get('aanmelding') };
  };

  /** Checked in (or not): the notice that says so. */
  const noticeOf = (result: Awaited<ReturnType<typeof checkIn>>): { notice: Notice; status: 200 | 404 | 409 } => {
    switch (result.kind) {
      case 'checked_in':
        return { notice: { type: 'ok', text: `${result.person.name} is aanwezig.` }, status: 200 };
      case 'already':
        return { notice: { type: 'info', text: `${result.person.name} is ${alreadyText(result.at)}.` }, status: 200 };
      case 'refused':
        return { notice: { type: 'error', text: `${result.person.name} kan niet inchecken. ${result.reason}` }, status: 409 };
      case 'not_found':
        return { notice: { type: 'error', text: 'Deze aanmelding hoort niet bij dit evenement.' }, status: 404 };
    }
  };

  // The search box: a code checks in at once; anything else is a search (to the GET page).
  app.post('/beheer/evenementen/:slug/balie', verifyCsrf, async (c) => {
    const { meeting, query } = await fields(c);
    const desk = await deskOf(c, meeting);
    if (desk instanceof Response) return desk;
    const code = readCode(query);
    if (code && desk.meeting) {
      const person = await findByCode(c.var.deps.db, desk.event.id, desk.meeting.id, code);
      if (person) {
        const result = await checkIn(c.var.deps.db, { eventId: desk.event.id, meetingId: desk.meeting.id, registrationId: person.id, actor: accountActor(me(c)), now: c.var.deps.clock() });
        const { notice, status } = noticeOf(result);
        const after = (await openDesk(c.var.deps.db, me(c).organiserId, desk.event.slug, desk.meeting.key, c.var.deps.clock()))!;
        const shown = result.kind === 'not_found' ? [] : [result.person];
        return page(c, { desk: after, query: '', people: shown, more: false, searched: true, notice }, status);
      }
    }
    const found = await search(c, desk, query);
    if (code && found.people.length === 0)
      return page(c, { desk, query, ...found, notice: { type: 'error', text: `Geen aanmelding voor dit evenement met de code ${formatCode(code)}.` } }, 404);
    const params = new URLSearchParams({ ...(desk.meeting ? { bijeenkomst: desk.meeting.key } : {}), q: query });
    return c.redirect(`${base(desk.event.slug)}?${params}#resultaten`, 303);
  });

  app.post('/beheer/evenementen/:slug/balie/aanwezig', verifyCsrf, async (c) => {
    const { meeting, query, registration } = await fields(c);
    const desk = await deskOf(c, meeting);
    if (desk instanceof Response) return desk;
    if (!desk.meeting || desk.meeting.key !== meeting) return page(c, { desk, query, people: [], more: false, searched: false, notice: { type: 'error', text: 'Kies eerst een bijeenkomst.' } }, 404);
    const result = await checkIn(c.var.deps.db, { eventId: desk.event.id, meetingId: desk.meeting.id, registrationId: registration, actor: accountActor(me(c)), now: c.var.deps.clock() });
    const { notice, status } = noticeOf(result);
    const after = (await openDesk(c.var.deps.db, me(c).organiserId, desk.event.slug, meeting, c.var.deps.clock()))!;
    // The list the button was pressed in stays, so the next person is one tap away.
    const found = query ? await search(c, after, query) : { people: result.kind === 'not_found' ? [] : [result.person], more: false, searched: true };
    return page(c, { desk: after, query, ...found, notice }, status);
  });

  app.post('/beheer/evenementen/:slug/balie/ongedaan', verifyCsrf, async (c) => {
    const { meeting, query, registration } = await fields(c);
    const desk = await deskOf(c, meeting);
    if (desk instanceof Response) return desk;
    if (!desk.meeting || desk.meeting.key !== meeting) return page(c, { desk, query, people: [], more: false, searched: false, notice: { type: 'error', text: 'Kies eerst een bijeenkomst.' } }, 404);
    const result = await undoCheckIn(c.var.deps.db, { eventId: desk.event.id, meetingId: desk.meeting.id, registrationId: registration, actor: accountActor(me(c)), now: c.var.deps.clock() });
    const after = (await openDesk(c.var.deps.db, me(c).organiserId, desk.event.slug, meeting, c.var.deps.clock()))!;
    const notice: Notice =
      result.kind === 'undone'
        ? { type: 'ok', text: `De aanwezigheid van ${result.person.name} is ongedaan gemaakt.` }
        : result.kind === 'not_checked_in'
          ? { type: 'info', text: `${result.person.name} was niet aangemeld bij deze bijeenkomst.` }
          : { type: 'error', text: 'Deze aanmelding hoort niet bij dit evenement.' };
    const found = query ? await search(c, after, query) : { people: result.kind === 'not_found' ? [] : [result.person], more: false, searched: true };
    return page(c, { desk: after, query, ...found, notice }, result.kind === 'not_found' ? 404 : 200);
  });

  return app;
}

// ---------------------------------------------------------------------------------------
// The page

const meetingLabel = (m: DeskMeeting) => `${m.title ? `${m.title}, ` : ''}${formatDateNl(m.startsAt)} ${formatTimeNl(m.startsAt)} uur`;


const Hidden: FC<{ csrf: string; meeting: string; query: string }> = ({ csrf, meeting, query }) => (
  <>
    <input type="hidden" name="_csrf" value={csrf} />
    <input type="hidden" name="bijeenkomst" value={meeting} />
    <input type="hidden" name="q" value={query} />
  </>
);

export const DeskPage: FC<{ account: SessionAccount; csrf: string; base: string } & DeskView> = ({ account, csrf, base, desk, query, people, more, searched, notice }) => {
  const m = desk.meeting;
  return (
    <ManageLayout title={`Balie: ${desk.event.title}`} account={account} csrf={csrf} notice={notice}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`/beheer/evenementen/${desk.event.slug}`}>
          Terug naar het evenement
        </a>
      </p>
      {!m ? (
        <p class="utrecht-paragraph">Dit evenement heeft geen bijeenkomsten; er valt niets in te checken.</p>
      ) : (
        <>
          {desk.meetings.length > 1 ? (
            <form method="get" action={base} class="bijeen-desk-meeting">
              <div class="utrecht-form-field utrecht-form-field--select">
                <div class="utrecht-form-field__label">
                  <label class="utrecht-form-label" for="bijeenkomst">
                    Bijeenkomst
                  </label>
                </div>
                <div class="utrecht-form-field__input">
                  <select class="utrecht-select utrecht-select--html-select" id="bijeenkomst" name="bijeenkomst">
                    {desk.meetings.map((x) => (
                      <option value={x.key} selected={x.id === m.id}>
                        {meetingLabel(x)} ({x.present} van {desk.expected} aanwezig)
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div class="utrecht-button-group">
                <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                  Kies bijeenkomst
                </button>
              </div>
            </form>
          ) : (
            <p class="utrecht-paragraph">{meetingLabel(m)}</p>
          )}
          <p class="utrecht-paragraph bijeen-desk-count" id="telling">
            <strong>
              {m.present} van {desk.expected}
            </strong>{' '}
            aanwezig{desk.meetings.length > 1 ? ` bij ${m.title ?? 'deze bijeenkomst'}` : ''}
          </p>
          <form method="post" action={base} class="bijeen-desk-search" role="search" aria-label="Deelnemer zoeken">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="bijeenkomst" value={m.key} />
            <div class="utrecht-form-field utrecht-form-field--text">
              <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for="zoek">
                  Naam, organisatie, e-mailadres of code
                </label>
              </div>
              <div class="utrecht-form-field__description" id="zoek-uitleg">
                Typ of scan de check-in-code (zoals K7QM4-XRT9P) om iemand meteen aan te melden.
              </div>
              <div class="utrecht-form-field__input">
                <input
                  class="utrecht-textbox utrecht-textbox--html-input"
                  type="search"
                  id="zoek"
                  name="q"
                  value={query}
                  autocomplete="off"
                  autocapitalize="off"
                  spellcheck={false}
                  enterkeyhint="search"
                  aria-describedby="zoek-uitleg"
                  autofocus
                />
              </div>
            </div>
            <div class="utrecht-button-group">
              <button class="utrecht-button utrecht-button--primary-action" type="submit">
                Zoeken
              </button>
            </div>
          </form>
          {searched ? (
            <section aria-labelledby="resultaten-kop" id="resultaten">
              <h2 class="utrecht-heading-2" id="resultaten-kop">
                {people.length === 0 ? 'Niemand gevonden' : people.length === 1 ? '1 gevonden' : `${people.length}${more ? '+' : ''} gevonden`}
              </h2>
              {more ? <p class="utrecht-paragraph">Er zijn meer mensen gevonden; typ meer van de naam om te verfijnen.</p> : null}
              <ul class="bijeen-desk-results">
                {people.map((p) => (
                  <li class="bijeen-desk-person">
                    <h3 class="utrecht-heading-3" id={`p-${p.id}`}>
                      {p.name}
                    </h3>
                    <p class="utrecht-paragraph">
                      {[p.organisation, p.email].filter(Boolean).join(' · ')}
                      <br />
                      Code {formatCode(p.code)} · {STATUS_LABELS[p.status]}
                    </p>
                    {p.checkedInAt ? (
                      <form method="post" action={`${base}/ongedaan`}>
                        <Hidden csrf={csrf} meeting={m.key} query={query} />
                        <input type="hidden" name="aanmelding" value={p.id} />
                        <p class="utrecht-paragraph">
                          <strong>Aanwezig</strong> sinds {formatTimeNl(p.checkedInAt)} uur
                        </p>
                        <button class="utrecht-button utrecht-button--secondary-action" type="submit">
                          Ongedaan maken<span class="bijeen-visually-hidden">: {p.name}</span>
                        </button>
                      </form>
                    ) : p.refusal ? (
                      <p class="utrecht-paragraph">{p.refusal}</p>
                    ) : (
                      <form method="post" action={`${base}/aanwezig`}>
                        <Hidden csrf={csrf} meeting={m.key} query={query} />
                        <input type="hidden" name="aanmelding" value={p.id} />
                        <button class="utrecht-button utrecht-button--primary-action bijeen-desk-present" type="submit">
                          Aanwezig<span class="bijeen-visually-hidden">: {p.name}</span>
                        </button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </ManageLayout>
  );
};
