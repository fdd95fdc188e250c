import { randomBytes } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app';
import { eventsCalendar } from '../../domain/events/calendar';
import type { Question } from '../../domain/events/document';
import type { ExportRegistration } from '../../domain/exports/columns';
import { getEventDocument, getEventView, type EventView } from '../../domain/events/service';
import { acceptOffer, cancelRegistration, changeChoices, getRegistration, register, resendPersonalLink } from '../../domain/registration/service';
import { DomainError } from '../../kernel/errors';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { MessagePage, NotFoundPage } from './not-found-page';
import { fieldOf, RegisterPage, type FieldErrors, type FormValues } from './register-page';
import { flashes, PrivacyPage, RegistrationPage, type Flash, type RegistrationPageProps } from './registration-page';

/** The registrant's side: the form, the outcome, the personal page behind the link. */

type Body = Record<string, string | File | (string | File)[]>;

function valuesOf(body: Body): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('_')) continue;
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    values[k] = strings.length === 1 ? strings[0]! : strings;
  }
  return values;
}

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;

/** Form fields → the registration input the domain validates (the same as the API's). */
export function inputOf(values: FormValues, questions: Question[]) {
  const prefixed = (prefix: string) =>
    Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
  const answers: Record<string, string | string[] | boolean> = {};
  for (const q of questions) {
    const v = values[`antwoord.${q.key}`];
    if (v === undefined || v === '') continue;
    if (q.type === 'yes_no') answers[q.key] = str(v) === 'ja';
    else if (q.type === 'multiple_choice') answers[q.key] = Array.isArray(v) ? v : [v];
    else answers[q.key] = Array.isArray(v) ? v.join(', ') : v;
  }
  const billing = prefixed('billing.');
  return {
    name: str(values.name) ?? '',
    email: str(values.email) ?? '',
    organisation: str(values.organisation),
    organisationKind: str(values.organisationKind),
    role: str(values.role),
    domain: str(values.domain),
    choices: Object.fromEntries(
      Object.entries(prefixed('keuze.'))
        .map(([k, v]) => [k, str(v)])
        .filter(([, v]) => v !== undefined),
    ),
    answers,
    consents: {
      privacy: str(values['toestemming.privacy']) === 'ja',
      photos: str(values['toestemming.photos']) === 'ja',
      mailingList: str(values['toestemming.mailingList']) === 'ja',
    },
    ...(Object.keys(billing).length
      ? {
          billing: Object.fromEntries(
            Object.entries(billing)
              .map(([k, v]) => [k, str(v)])
              .filter(([, v]) => v !== undefined),
          ),
        }
      : {}),
    language: 'nl' as const,
  };
}

/**
 * The other way round: an earlier registration's details as form fields, for the back
 * office's "Opnieuw aanmelden" (a cancelled or refused registration entered again). Consents
 * are left unticked on purpose: whoever enters it asks them again.
 */
export function valuesOfRegistration(
  r: Pick<ExportRegistration, 'name' | 'email' | 'organisationName' | 'organisationKind' | 'role' | 'domain' | 'answers' | 'billing' | 'choices'>,
  questions: Question[],
): FormValues {
  const values: FormValues = { name: r.name, email: r.email };
  if (r.organisationName) values.organisation = r.organisationName;
  if (r.organisationKind) values.organisationKind = r.organisationKind;
  if (r.role) values.role = r.role;
  if (r.domain) values.domain = r.domain;
  for (const c of r.choices) values[`keuze.${c.roundKey}`] = c.workshopKey;
  for (const q of questions) {
    const a = r.answers[q.key];
    if (a === undefined || a === null) continue;
    values[`antwoord.${q.key}`] = typeof a === 'boolean' ? (a ? 'ja' : 'nee') : Array.isArray(a) ? a.map(String) : String(a);
  }
  for (const [k, v] of Object.entries(r.billing ?? {})) if (typeof v === 'string' && v) values[`billing.${k}`] = v;
  return values;
}

function errorsOf(problems: { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const p of problems) {
    const field = fieldOf(p.path);
    errors[field] ??= p.message;
  }
  return errors;
}

const newKey = () => randomBytes(16).toString('base64url');

/**
 * Personal pages carry a secret in their address: not cached, not indexed, not passed on.
 * `same-origin`, not `no-referrer`: under no-referrer a browser sends `Origin: null` with
 * the page's own form posts (Fetch standard), and the CSRF check rightly refuses them.
 * Same-origin sends the address only back to this site, never to another.
 */
function personal(c: Context<AppEnv>) {
  c.set('headerOverrides', { 'cache-control': 'no-store', 'referrer-policy': 'same-origin', 'x-robots-tag': 'noindex' });
}

export function registerRoutes() {
  const app = new Hono<AppEnv>();

  const form = (c: Context<AppEnv>, view: EventView, status: 200 | 400 | 409 | 429, values: FormValues = {}, errors: FieldErrors = {}, notice?: Parameters<typeof RegisterPage>[0]['notice']) =>
    c.html(<RegisterPage view={view} values={values} errors={errors} csrf={csrfToken(c)} idempotencyKey={newKey()} notice={notice} />, status);

  app.get('/privacy', (c) => c.html(<PrivacyPage />));

  app.get('/evenementen/:slug/aanmelden', async (c) => {
    const view = await getEventView(c.var.deps.db, c.req.param('slug'), c.var.deps.clock());
    if (!view) return c.html(<NotFoundPage what="Dit evenement bestaat niet of is niet gepubliceerd." />, 404);
    c.header('cache-control', 'no-store');
    return form(c, view, 200);
  });

  app.post(
    '/evenementen/:slug/aanmelden',
    (c, next) =>
      c.var.limiter.middleware(
        (cc, wait) =>
          cc.html(
            <MessagePage title="Even geduld" text={`U hebt te vaak achter elkaar een formulier verstuurd. Probeer het over ${wait} seconden opnieuw; er is niets verloren.`} />,
            429,
          ) as Response,
      )(c, next),
    verifyCsrf,
    async (c) => {
      const { db, clock } = c.var.deps;
      const slug = c.req.param('slug');
      const now = clock();
      const view = await getEventView(db, slug, now);
      if (!view) return c.html(<NotFoundPage what="Dit evenement bestaat niet of is niet gepubliceerd." />, 404);
      const body = (await c.req.parseBody({ all: true })) as Body;
      const values = valuesOf(body);
      const idem = typeof body._idem === 'string' ? body._idem : undefined;
      const result = await register(db, slug, inputOf(values, view.doc.registration.questions), { now, idempotencyKey: idem, baseUrl: c.var.deps.config.publicUrl });
      c.header('cache-control', 'no-store');
      switch (result.kind) {
        case 'registered':
          c.var.deps.pageCache.invalidate(result.registration.eventId);
          return c.redirect(`/aanmelding/${result.registration.token}?nieuw=1`, 303);
        case 'invalid':
          return form(c, view, 400, values, errorsOf(result.problems));
        case 'duplicate':
          return form(c, view, 409, values, {}, {
            type: 'warning',
            title: 'U bent al aangemeld',
            text: `Met ${result.email} is al aangemeld voor dit evenement. In de bevestigingsmail staat uw persoonlijke link om uw aanmelding te bekijken of te wijzigen.`,
            resendTo: result.email,
          });
        case 'full':
          return form(c, (await getEventView(db, slug, now))!, 409, values, {}, { type: 'warning', title: 'Vol', text: 'Het maximum aantal deelnemers is net bereikt; er is geen wachtlijst.' });
        case 'closed':
          return form(c, (await getEventView(db, slug, now))!, 409, values);
      }
    },
  );

  app.post(
    '/evenementen/:slug/link-opnieuw',
    (c, next) =>
      c.var.limiter.middleware(
        (cc, wait) => cc.html(<MessagePage title="Even geduld" text={`Probeer het over ${wait} seconden opnieuw.`} />, 429) as Response,
      )(c, next),
    verifyCsrf,
    async (c) => {
      const body = await c.req.parseBody();
      const email = typeof body.email === 'string' ? body.email.trim() : '';
      await resendPersonalLink(c.var.deps.db, c.req.param('slug'), email, c.var.deps.clock(), c.var.deps.config.publicUrl);
      c.header('cache-control', 'no-store');
      // The same answer whether or not the address is registered: nobody can probe who is.
      return c.html(
        <MessagePage
          title="Link verstuurd"
          text={`Als er met ${email || 'dit adres'} een aanmelding voor dit evenement is, hebben wij de persoonlijke link opnieuw gestuurd. Kijk ook in de map met ongewenste e-mail.`}
        />,
      );
    },
  );

  /** The personal page, as it stands now, with what the request adds (a notice, the form's problems). */
  const personalPage = async (
    c: Context<AppEnv>,
    status: 200 | 400 | 409,
    extra: Pick<RegistrationPageProps, 'justRegistered' | 'flash' | 'values' | 'errors' | 'notice'> = {},
  ) => {
    personal(c);
    const { db, clock } = c.var.deps;
    const now = clock();
    const r = await getRegistration(db, c.req.param('token')!);
    if (!r) return c.html(<NotFoundPage what="Deze persoonlijke link is onbekend. Controleer of u het hele adres uit de e-mail hebt overgenomen." />, 404);
    // Join links (private) for the registrant; live seats for the VOL marks in the choice form.
    const view = await getEventView(db, r.eventSlug, now, { includePrivate: true });
    return c.html(<RegistrationPage registration={r} doc={view!.doc} seats={view!.seats} csrf={csrfToken(c)} now={now} {...extra} />, status);
  };

  /** A personal-page action the registration refuses (too late, nothing to accept): the page, with why. */
  const refused = (c: Context<AppEnv>, err: unknown, title: string) => {
    if (err instanceof DomainError && err.code === 'conflict') return personalPage(c, 409, { notice: { title, text: err.message } });
    throw err;
  };

  const back = (c: Context<AppEnv>, flash?: Flash) => c.redirect(`/aanmelding/${c.req.param('token')}${flash ? `?melding=${flash}` : ''}`, 303);

  app.get('/aanmelding/:token', async (c) => {
    const melding = c.req.query('melding');
    return personalPage(c, 200, {
      justRegistered: c.req.query('nieuw') === '1',
      flash: flashes.find((f) => f === melding),
    });
  });

  // Cancel, leave the waiting list, or decline an offered place: all free what the registration held.
  // Writes through a personal link: the same per-address limit as every public write.
  const personalLimit: MiddlewareHandler<AppEnv> = (c, next) =>
    c.var.limiter.middleware(
      (cc, wait) => cc.html(<MessagePage title="Even geduld" text={`Probeer het over ${wait} seconden opnieuw; er is niets verloren.`} />, 429) as Response,
    )(c, next);

  app.post('/aanmelding/:token/annuleren', personalLimit, verifyCsrf, async (c) => {
    personal(c);
    try {
      const result = await cancelRegistration(c.var.deps.db, c.req.param('token'), c.var.deps.clock(), c.var.deps.config.publicUrl);
      c.var.deps.pageCache.invalidate(result.registration.eventId);
    } catch (err) {
      return refused(c, err, 'Annuleren kan niet meer');
    }
    return back(c);
  });

  app.post('/aanmelding/:token/accepteren', personalLimit, verifyCsrf, async (c) => {
    personal(c);
    try {
      const result = await acceptOffer(c.var.deps.db, c.req.param('token'), c.var.deps.clock(), c.var.deps.config.publicUrl);
      c.var.deps.pageCache.invalidate(result.registration.eventId);
      return back(c, result.kind === 'accepted' ? 'geaccepteerd' : 'te-laat');
    } catch (err) {
      return refused(c, err, 'Er staat geen plaats voor u open');
    }
  });

  app.post('/aanmelding/:token/keuzes', personalLimit, verifyCsrf, async (c) => {
    personal(c);
    const values = valuesOf((await c.req.parseBody({ all: true })) as Body);
    const choices = Object.fromEntries(
      Object.entries(values)
        .filter(([k]) => k.startsWith('keuze.'))
        .map(([k, v]) => [k.slice('keuze.'.length), str(v) ?? '']),
    );
    let result;
    try {
      result = await changeChoices(c.var.deps.db, c.req.param('token'), choices, c.var.deps.clock(), c.var.deps.config.publicUrl);
    } catch (err) {
      return refused(c, err, 'Uw keuzes kunnen niet meer worden gewijzigd');
    }
    if (result.kind !== 'invalid') {
      if (result.kind === 'changed') c.var.deps.pageCache.invalidate(result.registration.eventId);
      return back(c, result.kind === 'changed' ? 'gewijzigd' : 'ongewijzigd');
    }
    // About the registration as a whole (it is no longer active): no field to point at.
    const whole = result.problems.find((p) => p.path === 'choices');
    if (whole) return personalPage(c, 409, { notice: { title: 'Uw keuzes kunnen niet meer worden gewijzigd', text: whole.message } });
    return personalPage(c, 400, { values, errors: errorsOf(result.problems) });
  });

  app.get('/aanmelding/:token/agenda.ics', async (c) => {
    personal(c);
    const r = await getRegistration(c.var.deps.db, c.req.param('token'));
    if (!r) return c.html(<NotFoundPage what="Deze persoonlijke link is onbekend." />, 404);
    const doc = await getEventDocument(c.var.deps.db, r.eventSlug, { includePrivate: true, now: c.var.deps.clock() });
    const ics = eventsCalendar([doc!], { baseUrl: c.var.deps.config.publicUrl, includeJoinUrl: r.status === 'confirmed', name: doc!.title });
    return c.body(ics, 200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${doc!.slug}.ics"` });
  });

  return app;
}
