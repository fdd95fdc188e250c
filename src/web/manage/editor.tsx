import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../app';
import { getOrganiserEvent, type AccountEvent } from '../../domain/accounts/overview';
import { may } from '../../domain/accounts/rules';
import { accountActor } from '../../domain/audit/service';
import type { EventDocument } from '../../domain/events/document';
import { createEvent, getEventDocument, getEventView, replaceEvent, StaleVersionError } from '../../domain/events/service';
import { DomainError, type FieldProblem } from '../../kernel/errors';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { EventPage } from '../public/event-page';
import {
  addRow,
  applyValues,
  copySlug,
  duplicateOf,
  EDITOR_PARTS,
  fieldOf,
  formMessage,
  newEventInput,
  PART_LISTS,
  removeRow,
  toValues,
  YES,
  type DocInput,
  type EditorPart,
  type Values,
} from './editor-form';
import { CancelPage, EditorStartPage, NewEventPage, NOTIFYING_PARTS, PartPage, type LooseProblem } from './editor-pages';
import { ForbiddenPage, ManageNotFoundPage, type FieldErrors, type Notice } from './pages';
import { fileFieldOf, MAX_FORM_BYTES, prepareUploads, withStaffUrls } from './editor-files';
import { humanSize } from '../../domain/files/rules';
import type { Db } from '../../db/client';
import { me } from './common';

/*
 * The event editor in the back office. Each part of the event document has its own page
 * with a normal form; saving reads the current document, changes that part and writes the
 * whole document through replaceEvent — the same service (and schema) as the API, so
 * nothing is half-saved and the schema's problems are shown next to the fields. Publishing,
 * going back to draft, cancelling (registrants are told) and copying are buttons on the
 * editor's start page. Beheerder and redacteur may edit; balie gets 403; another
 * organiser's event is not found.
 */

const flashes: Record<string, Notice> = {
  opgeslagen: { type: 'ok', text: 'Opgeslagen.' },
  aangemaakt: { type: 'ok', text: 'Het evenement is aangemaakt als concept. Vul het verder aan en publiceer het als het klaar is.' },
  gepubliceerd: { type: 'ok', text: 'Het evenement is gepubliceerd en staat op de site.' },
  concept: { type: 'ok', text: 'Het evenement is weer een concept en staat niet meer op de site.' },
  geannuleerd: { type: 'ok', text: 'Het evenement is geannuleerd. Wie zich had aangemeld, krijgt bericht.' },
  heropend: { type: 'ok', text: 'Het evenement gaat toch door en staat weer open. Wie zich had aangemeld, krijgt daarover bericht.' },
  gekopieerd: { type: 'ok', text: 'Dit is een kopie, als concept. Pas de data en teksten aan voordat u publiceert.' },
};
const flash = (c: Context<AppEnv>) => flashes[c.req.query('melding') ?? ''];


/** The form as field values; a field sent more than once (checkboxes) is joined by newlines. */
async function formValues(c: Context<AppEnv>): Promise<{ values: Values; action: string; notify: boolean; version: string | undefined; files: Record<string, File> }> {
  const body = await c.req.parseBody({ all: true });
  const values: Values = {};
  const files: Record<string, File> = {};
  let action = 'opslaan';
  let notify = false;
  let version: string | undefined;
  for (const [k, raw] of Object.entries(body)) {
    const file = (Array.isArray(raw) ? raw : [raw]).find((x): x is File => typeof x !== 'string');
    if (file) files[k] = file;
    const list = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string');
    const value = list.filter((x) => x !== '').join('\n');
    if (k === '_csrf') continue;
    else if (k === 'actie') action = value || 'opslaan';
    else if (k === 'melden') notify = value === YES;
    else if (k === 'versie') version = value;
    else values[k] = value;
  }
  return { values, action, notify, version, files };
}

/** Problems at document paths → errors next to the fields this page has, the rest loose. */
function placeProblems(problems: FieldProblem[], values: Values): { errors: FieldErrors; loose: LooseProblem[] } {
  const fields = new Set(Object.keys(values));
  const errors: FieldErrors = {};
  const loose: LooseProblem[] = [];
  for (const p of problems) {
    const field = fieldOf(fileFieldOf(p.path), fields);
    if (field) errors[field] ??= formMessage(field, p.message, values);
    else loose.push(p);
  }
  return { errors, loose };
}

export function editorRoutes() {
  const app = new Hono<AppEnv>();

  const notFound = (c: Context<AppEnv>) =>
    c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text="Dit evenement bestaat niet, of uw organisatie organiseert het niet." />, 404);
  const forbidden = (c: Context<AppEnv>) => c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);

  /** The event of this organiser that this account may edit, or the answer why not (404 before 403). */
  async function editable(c: Context<AppEnv>): Promise<{ event: AccountEvent; doc: EventDocument; version: string } | Response> {
    const event = await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug') ?? '');
    if (!event) return notFound(c);
    if (!may(me(c).role, 'events.edit')) return forbidden(c);
    const view = await getEventView(c.var.deps.db, event.slug, c.var.deps.clock(), { includePrivate: true });
    if (!view) return notFound(c);
    // The version a form was filled in on: a save over someone else's newer save is asked about first.
    return { event, doc: view.doc, version: view.updatedAt.toISOString() };
  }

  const save = (c: Context<AppEnv>, slug: string, input: DocInput, notify = true, before?: (tx: Db) => Promise<void>, expectedVersion?: string) =>
    replaceEvent(c.var.deps.db, slug, input, {
      actingOrganiserId: me(c).organiserId,
      actor: accountActor(me(c)),
      baseUrl: c.var.deps.config.publicUrl,
      now: c.var.deps.clock(),
      notifyRegistrants: notify,
      before,
      expectedVersion,
    });

  // ---------------------------------------------------------------------------------------
  // A new event, and a copy of one

  app.get('/beheer/nieuw-evenement', (c) => {
    if (!may(me(c).role, 'events.edit')) return forbidden(c);
    return c.html(<NewEventPage account={me(c)} csrf={csrfToken(c)} values={{ format: 'on_site' }} errors={{}} loose={[]} />);
  });

  app.post('/beheer/nieuw-evenement', verifyCsrf, async (c) => {
    if (!may(me(c).role, 'events.edit')) return forbidden(c);
    const { values } = await formValues(c);
    const input = newEventInput(values, { slug: me(c).organiserSlug, name: me(c).organiserName });
    try {
      const doc = await createEvent(c.var.deps.db, input, { actingOrganiserId: me(c).organiserId, actor: accountActor(me(c)), now: c.var.deps.clock() });
      return c.redirect(`/beheer/evenementen/${doc.slug}/bewerken?melding=aangemaakt`, 303);
    } catch (e) {
      if (!(e instanceof DomainError) || (e.code !== 'invalid' && e.code !== 'conflict')) throw e;
      // The slug made from the title is shown where it can be changed.
      const { errors, loose } = placeProblems(e.problems, { ...values, slug: values.slug ?? '' });
      return c.html(<NewEventPage account={me(c)} csrf={csrfToken(c)} values={values} errors={errors} loose={loose} />, e.code === 'conflict' ? 409 : 400);
    }
  });

  app.post('/beheer/evenementen/:slug/kopieren', verifyCsrf, async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    const { db } = c.var.deps;
    const taken = new Set<string>();
    let slug = copySlug(found.doc.slug, () => false);
    while (await getEventDocument(db, slug, { includePrivate: true })) {
      taken.add(slug);
      slug = copySlug(found.doc.slug, (s) => taken.has(s));
    }
    const copy = await createEvent(db, duplicateOf(found.doc, slug), {
      actingOrganiserId: me(c).organiserId,
      actor: accountActor(me(c)),
      copiedFrom: { slug: found.doc.slug, title: found.doc.title },
      now: c.var.deps.clock(),
    });
    return c.redirect(`/beheer/evenementen/${copy.slug}/bewerken?melding=gekopieerd`, 303);
  });

  // ---------------------------------------------------------------------------------------
  // Status: the start page, publishing, back to draft, cancelling; the preview

  app.get('/beheer/evenementen/:slug/bewerken', async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    return c.html(<EditorStartPage account={me(c)} csrf={csrfToken(c)} doc={found.doc} event={found.event} notice={flash(c)} />);
  });

  const startPage = (c: Context<AppEnv>, found: { event: AccountEvent; doc: EventDocument }, status: 400 | 409, notice: Notice) =>
    c.html(<EditorStartPage account={me(c)} csrf={csrfToken(c)} doc={found.doc} event={found.event} notice={notice} />, status);

  /**
   * A button of the start page that moves the event from one status to another through
   * replaceEvent (which tells the registrants what they must hear). Refused at the start
   * page when the event is not in the status the button is for, or the document is not
   * fit for the new one (publishing an event without a date, say).
   */
  const statusButton = (path: string, move: { from: EventDocument['status']; to: EventDocument['status']; wrongStatus: string; failed: string; melding: string }) =>
    app.post(`/beheer/evenementen/:slug/${path}`, verifyCsrf, async (c) => {
      const found = await editable(c);
      if (found instanceof Response) return found;
      if (found.doc.status !== move.from) return startPage(c, found, 409, { type: 'warning', text: move.wrongStatus });
      try {
        await save(c, found.doc.slug, { ...found.doc, status: move.to });
      } catch (e) {
        if (!(e instanceof DomainError) || e.code === 'not_found' || e.code === 'forbidden') throw e;
        return startPage(c, found, 400, { type: 'error', text: `${move.failed}: ${e.problems.map((p) => p.message).join(' ') || e.message}` });
      }
      return c.redirect(`/beheer/evenementen/${found.doc.slug}/bewerken?melding=${move.melding}`, 303);
    });

  statusButton('publiceren', { from: 'draft', to: 'published', wrongStatus: 'Alleen een concept kan worden gepubliceerd.', failed: 'Publiceren lukt niet', melding: 'gepubliceerd' });
  // A cancellation undone: published again, and everyone still registered is told it goes
  // ahead after all, with a new invitation (eventChanges: 'reinstated').
  statusButton('heropenen', { from: 'cancelled', to: 'published', wrongStatus: 'Dit evenement is niet geannuleerd.', failed: 'Heropenen lukt niet', melding: 'heropend' });

  app.post('/beheer/evenementen/:slug/depubliceren', verifyCsrf, async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    const registered = Object.values(found.event.counts).reduce((a, b) => a + b, 0);
    if (found.doc.status !== 'published') return startPage(c, found, 409, { type: 'warning', text: 'Dit evenement is niet gepubliceerd.' });
    if (registered > 0)
      return startPage(c, found, 409, {
        type: 'warning',
        text: 'Terug naar concept kan niet: er hebben zich al mensen aangemeld, en zij zouden hun evenement niet meer kunnen vinden. Annuleer het evenement als het niet doorgaat.',
      });
    await save(c, found.doc.slug, { ...found.doc, status: 'draft' });
    return c.redirect(`/beheer/evenementen/${found.doc.slug}/bewerken?melding=concept`, 303);
  });

  app.get('/beheer/evenementen/:slug/annuleren', async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    const registered = found.event.counts.confirmed + found.event.counts.waitlisted + found.event.counts.pending + found.event.counts.offered;
    return c.html(<CancelPage account={me(c)} csrf={csrfToken(c)} doc={found.doc} registered={registered} />);
  });

  app.post('/beheer/evenementen/:slug/annuleren', verifyCsrf, async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    if (found.doc.status === 'cancelled') return startPage(c, found, 409, { type: 'warning', text: 'Dit evenement is al geannuleerd.' });
    // replaceEvent tells everyone registered (with the cancellation of their invitation).
    await save(c, found.doc.slug, { ...found.doc, status: 'cancelled' });
    return c.redirect(`/beheer/evenementen/${found.doc.slug}/bewerken?melding=geannuleerd`, 303);
  });

  app.get('/beheer/evenementen/:slug/voorbeeld', async (c) => {
    const found = await editable(c);
    if (found instanceof Response) return found;
    const view = await getEventView(c.var.deps.db, found.doc.slug, c.var.deps.clock(), { includePrivate: true });
    if (!view) return notFound(c);
    // The public page as it will look; join links are in the view but the page never shows them.
    return c.html(<EventPage view={{ ...view, doc: withStaffUrls(view.doc) }} />);
  });

  // ---------------------------------------------------------------------------------------
  // One page per part of the document

  const isPart = (p: string | undefined): p is EditorPart => (EDITOR_PARTS as readonly string[]).includes(p ?? '');

  app.get('/beheer/evenementen/:slug/bewerken/:part', async (c) => {
    const part = c.req.param('part');
    if (!isPart(part)) return notFound(c);
    const found = await editable(c);
    if (found instanceof Response) return found;
    return c.html(
      <PartPage account={me(c)} csrf={csrfToken(c)} doc={found.doc} part={part} values={toValues(part, found.doc)} version={found.version} errors={{}} loose={[]} preview={false} notify notice={flash(c)} />,
    );
  });

  // A form with files is bounded as a whole; a file too large for its purpose is told next to its field.
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: async (c) => {
      const part = c.req.param('part');
      if (!isPart(part)) return notFound(c);
      const found = await editable(c);
      if (found instanceof Response) return found;
      const text = `Wat u verstuurde is groter dan ${humanSize(MAX_FORM_BYTES)} en is niet opgeslagen. Een foto mag hoogstens 2 MB zijn, een PDF hoogstens 20 MB. Kies een kleiner bestand.`;
      return c.html(
        <PartPage account={me(c)} csrf={csrfToken(c)} doc={found.doc} part={part} values={toValues(part, found.doc)} version={found.version} errors={{}} loose={[]} preview={false} notify notice={{ type: 'error', text }} />,
        413,
      );
    },
  });

  app.post('/beheer/evenementen/:slug/bewerken/:part', formLimit, verifyCsrf, async (c) => {
    const part = c.req.param('part');
    if (!isPart(part)) return notFound(c);
    const found = await editable(c);
    if (found instanceof Response) return found;
    const { doc } = found;
    let { values, action, notify, version, files } = await formValues(c);
    const page = (status: 200 | 400 | 409, extra: { errors?: FieldErrors; loose?: LooseProblem[]; preview?: boolean; notice?: Notice; version?: string } = {}) =>
      c.html(
        <PartPage
          account={me(c)}
          csrf={csrfToken(c)}
          doc={doc}
          part={part}
          values={values}
          version={extra.version ?? version ?? found.version}
          errors={extra.errors ?? {}}
          loose={extra.loose ?? []}
          preview={extra.preview ?? false}
          notify={notify}
          notice={extra.notice}
        />,
        status,
      );

    // Adding or removing a row, or a preview: the same page again, nothing saved.
    // A browser never sends a chosen file again: a page shown again without saving says so.
    const chosen = Object.values(files).some((f) => f.size > 0);
    const rechoose = chosen ? ' Bestanden die u had gekozen, zijn niet meegenomen: kies ze opnieuw.' : '';
    const [verb, target] = action.split(':');
    if (verb === 'toevoegen' && PART_LISTS[part].includes(target ?? '')) {
      values = addRow(values, target!);
      return page(200, chosen ? { notice: { type: 'info', text: rechoose.trim() } } : {});
    }
    if (verb === 'verwijderen' && target) {
      const m = /^(.*)\.(\d+)$/.exec(target);
      if (m && PART_LISTS[part].includes(m[1]!)) values = removeRow(values, m[1]!, Number(m[2]));
      return page(200, { notice: { type: 'info', text: `Verwijderd uit het formulier. Klik op Opslaan om het vast te leggen.${rechoose}` } });
    }
    if (verb === 'voorbeeld') return page(200, { preview: true, ...(chosen ? { notice: { type: 'info', text: rechoose.trim() } } : {}) });

    // Someone else saved after this form was opened: their save is not overwritten unasked.
    // Checked here, before the uploads are read, and again under the event's lock in the save.
    const stale = (current: string) =>
      page(409, {
        version: current,
        notice: {
          type: 'warning',
          text: `Iemand anders heeft dit evenement opgeslagen nadat u deze pagina opende. Er is nog niets opgeslagen: uw invoer staat hieronder. Kijk na of die klopt met de nieuwe stand (Status en Voorbeeld) en klik nog eens op Opslaan.${rechoose}`,
        },
      });
    if (version !== undefined && version !== found.version) return stale(found.version);
    // Photos and attachments: checked by their content; stored with the save, or not at all.
    const uploads = await prepareUploads(part, values, files, { account: me(c), eventId: found.event.id, now: c.var.deps.clock() });
    // Nothing was stored: the form shows the files it had before the upload, not the new ones.
    const filesAsBefore = () => ({ ...uploads.values, ...Object.fromEntries(Object.entries(values).filter(([k]) => /\.(photo|fileId)$/.test(k))) });
    const again = Object.keys(files).length ? { type: 'warning' as const, text: 'Er is niets opgeslagen. Kies de bestanden opnieuw als u ze wilt toevoegen.' } : undefined;
    if (uploads.status) {
      values = filesAsBefore();
      return c.html(
        <PartPage account={me(c)} csrf={csrfToken(c)} doc={doc} part={part} values={values} version={version ?? found.version} errors={uploads.errors} loose={[]} preview={false} notify={notify} notice={again} />,
        uploads.status,
      );
    }
    try {
      await save(c, doc.slug, applyValues(part, doc, uploads.values, c.var.deps.clock()), doc.status === 'published' && NOTIFYING_PARTS.includes(part) ? notify : true, uploads.before, version);
    } catch (e) {
      if (e instanceof StaleVersionError) {
        values = filesAsBefore();
        return stale(e.currentVersion);
      }
      if (!(e instanceof DomainError) || e.code === 'not_found' || e.code === 'forbidden') throw e;
      // The uploads were rolled back with the save: the form shows the files as they were.
      values = filesAsBefore();
      const placed = placeProblems(e.problems.length ? e.problems : [{ path: '(document)', message: e.message }], values);
      return page(e.code === 'conflict' ? 409 : 400, { ...placed, notice: again });
    }
    return c.redirect(`/beheer/evenementen/${doc.slug}/bewerken/${part}?melding=opgeslagen`, 303);
  });

  return app;
}
