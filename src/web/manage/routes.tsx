import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../app';
import { getOrganiserEvent, listOrganiserEvents } from '../../domain/accounts/overview';
import { ACCOUNT_ROLES, may, normaliseEmail, type AccountRole, type Permission } from '../../domain/accounts/rules';
import {
  acceptInvitation,
  authenticateSession,
  changePassword,
  changeRole,
  countSessions,
  endAllSessions,
  endSession,
  getInvitation,
  inviteAccount,
  listTeam,
  login,
  removeAccount,
  revokeInvitation,
} from '../../domain/accounts/service';
import type { FieldProblem } from '../../kernel/errors';
import { createApiToken, listApiTokens, revokeApiToken } from '../../domain/organisers/service';
import { csrfToken, verifyCsrf } from '../security/csrf';
import {
  AccountPage,
  ApiTokensPage,
  DashboardPage,
  EventOverviewPage,
  ForbiddenPage,
  InvitationPage,
  LoginPage,
  ManageMessagePage,
  ManageNotFoundPage,
  TeamPage,
  type FieldErrors,
  type Notice,
  type Values,
} from './pages';
import { clearSessionCookie, requireSession, safeBack, sessionToken, setSessionCookie } from './session';
import { editorRoutes } from './editor';
import { staffFileRoutes } from './editor-files';
import { registrationRoutes } from './registrations';
import { checkinRoutes } from './checkin';
import { passwordResetRoutes } from './password-reset';
import { auditRoutes } from './audit';
import { mailRoutes } from './mail';
import { me } from './common';

/*
 * The back office (/beheer): logging in and out, the account's events, the team, the own
 * account, invitations. Every form carries the CSRF token; every page but the login and
 * the invitation needs a session (requireSession), and pages for some roles only say so
 * with a 403. Another organiser's event is not found (404): its existence is not told.
 */

/** Login attempts per minute, per client address and per e-mail address (a bound on guessing). */
export const LOGIN_LIMITS = { perAddress: 10, perEmail: 5 };

const FAILED = 'E-mailadres of wachtwoord klopt niet.';

const flashes: Record<string, Notice> = {
  uitgelogd: { type: 'ok', text: 'U bent uitgelogd.' },
  'overal-uitgelogd': { type: 'ok', text: 'U bent overal uitgelogd: op elk apparaat moet opnieuw worden ingelogd.' },
  welkom: { type: 'ok', text: 'Welkom! Uw account is aangemaakt en u bent ingelogd.' },
  uitgenodigd: { type: 'ok', text: 'De uitnodiging is verstuurd.' },
  'rol-gewijzigd': { type: 'ok', text: 'De rol is gewijzigd.' },
  verwijderd: { type: 'ok', text: 'Het account is verwijderd; wie ermee ingelogd was, is uitgelogd.' },
  ingetrokken: { type: 'ok', text: 'De uitnodiging is ingetrokken; de link werkt niet meer.' },
  'token-ingetrokken': { type: 'ok', text: 'Het API-token is ingetrokken; het werkt niet meer.' },
  'wachtwoord-gewijzigd': { type: 'ok', text: 'Uw wachtwoord is gewijzigd. Op andere apparaten bent u uitgelogd.' },
  'wachtwoord-hersteld': { type: 'ok', text: 'Uw nieuwe wachtwoord is opgeslagen en u bent ingelogd. Op andere apparaten bent u uitgelogd.' },
};
const flash = (c: Context<AppEnv>) => flashes[c.req.query('melding') ?? ''];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function form(c: Context<AppEnv>): Promise<Values> {
  const body = await c.req.parseBody();
  const values: Values = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && !k.startsWith('_')) values[k] = v;
  return values;
}

const errorsOf = (problems: FieldProblem[]): FieldErrors => {
  const errors: FieldErrors = {};
  for (const p of problems) errors[p.path] ??= p.message;
  return errors;
};


/** A page only some roles may use: others get a 403 page that says why. */
const need =
  (permission: Permission): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    if (!may(me(c).role, permission)) return c.html(<ForbiddenPage account={me(c)} csrf={csrfToken(c)} />, 403);
    return next();
  };

export function manageRoutes() {
  const app = new Hono<AppEnv>();
  app.use('/beheer', requireSession);
  app.use('/beheer/*', requireSession);
  // An event's registrations, their changes and exports (redacteur, beheerder), in their own file.
  app.route('/', registrationRoutes());
  // The check-in desk (balie), in its own file.
  app.route('/', checkinRoutes());
  // A forgotten password (no session), in its own file.
  app.route('/', passwordResetRoutes());
  // An event's audit log (logboek), in its own file.
  app.route('/', auditRoutes());
  // Messages to participants and the outbox (mail.tsx).
  app.route('/', mailRoutes());

  // ---------------------------------------------------------------------------------------
  // Logging in and out

  app.get('/beheer/inloggen', async (c) => {
    const back = safeBack(c.req.query('terug'));
    // Already logged in: straight on.
    if (await authenticateSession(c.var.deps.db, sessionToken(c), c.var.deps.clock())) return c.redirect(back ?? '/beheer', 303);
    return c.html(<LoginPage csrf={csrfToken(c)} values={{}} errors={{}} back={back} notice={flash(c)} />);
  });

  app.post('/beheer/inloggen', verifyCsrf, async (c) => {
    const { db, clock } = c.var.deps;
    const values = await form(c);
    const back = safeBack(values.terug);
    const email = values.email?.trim() ?? '';
    const password = values.password ?? '';
    const page = (status: 400 | 401 | 429, errors: FieldErrors, notice?: Notice) =>
      c.html(<LoginPage csrf={csrfToken(c)} values={{ email }} errors={errors} back={back} notice={notice} />, status);

    const now = Date.now();
    const limiter = c.var.limiter;
    const wait = Math.max(
      limiter.hit(`login-a:${limiter.address(c)}`, LOGIN_LIMITS.perAddress, now),
      email ? limiter.hit(`login-e:${normaliseEmail(email)}`, LOGIN_LIMITS.perEmail, now) : 0,
    );
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return page(429, {}, { type: 'error', text: `Er is te vaak geprobeerd in te loggen. Probeer het over ${wait} seconden opnieuw.` });
    }
    const errors: FieldErrors = {};
    if (!email) errors.email = 'Vul uw e-mailadres in.';
    if (!password) errors.password = 'Vul uw wachtwoord in.';
    if (Object.keys(errors).length) return page(400, errors);

    const result = await login(db, email, password, clock());
    if (result.kind === 'failed') return page(401, { email: FAILED });
    // A new session for a new login; the one this browser had (if any) ends.
    await endSession(db, sessionToken(c));
    setSessionCookie(c, result.token, result.expiresAt, clock());
    return c.redirect(back ?? '/beheer', 303);
  });

  app.post('/beheer/uitloggen', verifyCsrf, async (c) => {
    await endSession(c.var.deps.db, sessionToken(c));
    clearSessionCookie(c);
    return c.redirect('/beheer/inloggen?melding=uitgelogd', 303);
  });

  // ---------------------------------------------------------------------------------------
  // Events

  app.get('/beheer', async (c) => {
    const events = await listOrganiserEvents(c.var.deps.db, me(c).organiserId);
    return c.html(<DashboardPage account={me(c)} csrf={csrfToken(c)} events={events} notice={flash(c)} />);
  });

  const notFound = (c: Context<AppEnv>) =>
    c.html(<ManageNotFoundPage account={me(c)} csrf={csrfToken(c)} text="Dit evenement bestaat niet, of uw organisatie organiseert het niet." />, 404);

  app.get('/beheer/evenementen/:slug', need('events.view'), async (c) => {
    const event = await getOrganiserEvent(c.var.deps.db, me(c).organiserId, c.req.param('slug'));
    if (!event) return notFound(c);
    return c.html(<EventOverviewPage account={me(c)} csrf={csrfToken(c)} event={event} />);
  });

  // ---------------------------------------------------------------------------------------
  // The team (beheerder)

  const teamPage = async (c: Context<AppEnv>, status: 200 | 400 | 409, values: Values = {}, errors: FieldErrors = {}, notice?: Notice) => {
    const team = await listTeam(c.var.deps.db, me(c).organiserId, c.var.deps.clock());
    return c.html(<TeamPage account={me(c)} csrf={csrfToken(c)} team={team} values={values} errors={errors} notice={notice} />, status);
  };
  const roleOf = (v: string | undefined): AccountRole | null => ((ACCOUNT_ROLES as readonly string[]).includes(v ?? '') ? (v as AccountRole) : null);

  app.get('/beheer/team', need('team.manage'), (c) => teamPage(c, 200, {}, {}, flash(c)));

  app.post('/beheer/team/uitnodigen', need('team.manage'), verifyCsrf, async (c) => {
    const values = await form(c);
    const role = roleOf(values.role);
    if (!role) return teamPage(c, 400, values, { role: 'Kies een rol.' });
    const result = await inviteAccount(
      c.var.deps.db,
      { organiserId: me(c).organiserId, email: values.email ?? '', role, invitedBy: { id: me(c).id, name: me(c).name } },
      { now: c.var.deps.clock(), baseUrl: c.var.deps.config.publicUrl },
    );
    if (result.kind === 'invalid') return teamPage(c, 400, values, errorsOf(result.problems));
    return c.redirect('/beheer/team?melding=uitgenodigd', 303);
  });

  app.post('/beheer/team/uitnodigingen/:id/intrekken', need('team.manage'), verifyCsrf, async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id) || !(await revokeInvitation(c.var.deps.db, me(c), id)))
      return teamPage(c, 409, {}, {}, { type: 'warning', text: 'Deze uitnodiging staat niet (meer) open.' });
    return c.redirect('/beheer/team?melding=ingetrokken', 303);
  });

  app.post('/beheer/team/:id/rol', need('team.manage'), verifyCsrf, async (c) => {
    const role = roleOf((await form(c)).role);
    if (!role) return teamPage(c, 400, {}, {}, { type: 'error', text: 'Kies een van de rollen.' });
    const result = await changeRole(c.var.deps.db, me(c), c.req.param('id'), role);
    if (result.kind === 'refused') return teamPage(c, 409, {}, {}, { type: 'error', text: result.reason });
    return c.redirect('/beheer/team?melding=rol-gewijzigd', 303);
  });

  app.post('/beheer/team/:id/verwijderen', need('team.manage'), verifyCsrf, async (c) => {
    const result = await removeAccount(c.var.deps.db, me(c), c.req.param('id'));
    if (result.kind === 'refused') return teamPage(c, 409, {}, {}, { type: 'error', text: result.reason });
    return c.redirect('/beheer/team?melding=verwijderd', 303);
  });

  // ---------------------------------------------------------------------------------------
  // API tokens (beheerder)

  const tokensPage = async (c: Context<AppEnv>, status: 200 | 400 | 409, extra: { values?: Values; errors?: FieldErrors; made?: string; notice?: Notice | undefined } = {}) => {
    const tokens = await listApiTokens(c.var.deps.db, me(c).organiserId);
    return c.html(<ApiTokensPage account={me(c)} csrf={csrfToken(c)} tokens={tokens} values={extra.values ?? {}} errors={extra.errors ?? {}} made={extra.made} notice={extra.notice} />, status);
  };

  app.get('/beheer/api-tokens', need('tokens.manage'), (c) => tokensPage(c, 200, { notice: flash(c) }));

  app.post('/beheer/api-tokens', need('tokens.manage'), verifyCsrf, async (c) => {
    const values = await form(c);
    const name = values.name?.trim() ?? '';
    if (!name || name.length > 200) return tokensPage(c, 400, { values, errors: { name: name ? 'Gebruik hoogstens 200 tekens.' : 'Zeg waarvoor het token is, zodat u het later herkent.' } });
    const token = await createApiToken(c.var.deps.db, me(c).organiserId, name);
    // Shown once, in this answer (no-store): only its hash is kept.
    return tokensPage(c, 200, { made: token });
  });

  app.post('/beheer/api-tokens/:id/intrekken', need('tokens.manage'), verifyCsrf, async (c) => {
    const id = c.req.param('id');
    if (!UUID.test(id) || !(await revokeApiToken(c.var.deps.db, me(c).organiserId, id, c.var.deps.clock())))
      return tokensPage(c, 409, { notice: { type: 'warning', text: 'Dit token is er niet, of is al ingetrokken.' } });
    return c.redirect('/beheer/api-tokens?melding=token-ingetrokken', 303);
  });

  // ---------------------------------------------------------------------------------------
  // Invitations (no session needed: the link is the key)

  const gone = (c: Context<AppEnv>) =>
    c.html(
      <ManageMessagePage
        title="Deze uitnodiging werkt niet meer"
        text="De link is al gebruikt, ingetrokken of verlopen (een uitnodiging werkt een week). Vraag een beheerder van uw organisatie om een nieuwe uitnodiging. Hebt u al een account? Log dan in."
      />,
      404,
    );

  app.get('/beheer/uitnodiging/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await getInvitation(c.var.deps.db, token, c.var.deps.clock());
    if (!invitation) return gone(c);
    return c.html(<InvitationPage csrf={csrfToken(c)} invitation={invitation} token={token} values={{}} errors={{}} />);
  });

  app.post('/beheer/uitnodiging/:token', verifyCsrf, async (c) => {
    const { db, clock } = c.var.deps;
    const token = c.req.param('token');
    const values = await form(c);
    const now = clock();
    const result = await acceptInvitation(
      db,
      token,
      { name: values.name ?? '', password: values.password ?? '', repeat: values.repeat ?? '', email: values.email, organisation: values.organisation },
      now,
    );
    if (result.kind === 'gone') return gone(c);
    if (result.kind === 'invalid') {
      const invitation = await getInvitation(db, token, now);
      if (!invitation) return gone(c);
      return c.html(<InvitationPage csrf={csrfToken(c)} invitation={invitation} token={token} values={values} errors={errorsOf(result.problems)} />, 400);
    }
    await endSession(db, sessionToken(c));
    setSessionCookie(c, result.token, result.expiresAt, now);
    return c.redirect('/beheer?melding=welkom', 303);
  });

  // ---------------------------------------------------------------------------------------
  // The own account

  const accountPage = async (c: Context<AppEnv>, status: 200 | 400 | 429, errors: FieldErrors = {}, notice?: Notice) =>
    c.html(<AccountPage account={me(c)} csrf={csrfToken(c)} errors={errors} sessions={await countSessions(c.var.deps.db, me(c).id)} notice={notice} />, status);

  app.get('/beheer/account', (c) => accountPage(c, 200, {}, flash(c)));

  app.post('/beheer/account/wachtwoord', verifyCsrf, async (c) => {
    const values = await form(c);
    // Checking the current password is a guess like a login: counted the same way.
    const wait = c.var.limiter.hit(`login-e:${me(c).email}`, LOGIN_LIMITS.perEmail, Date.now());
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return accountPage(c, 429, {}, { type: 'error', text: `Te veel pogingen. Probeer het over ${wait} seconden opnieuw.` });
    }
    const result = await changePassword(
      c.var.deps.db,
      me(c),
      { current: values.current ?? '', password: values.password ?? '', repeat: values.repeat ?? '' },
      c.var.deps.clock(),
    );
    if (result.kind === 'invalid') return accountPage(c, 400, errorsOf(result.problems));
    return c.redirect('/beheer/account?melding=wachtwoord-gewijzigd', 303);
  });

  app.post('/beheer/account/overal-uitloggen', verifyCsrf, async (c) => {
    await endAllSessions(c.var.deps.db, me(c).id);
    clearSessionCookie(c);
    return c.redirect('/beheer/inloggen?melding=overal-uitgelogd', 303);
  });

  // The event editor (editor.tsx)
  app.route('/', editorRoutes());
  app.route('/', staffFileRoutes());

  return app;
}
