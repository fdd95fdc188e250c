import { Hono, type Context } from 'hono';
import type { AppEnv } from '../../app';
import { normaliseEmail } from '../../domain/accounts/rules';
import { emailProblem, endSession, getPasswordReset, requestPasswordReset, resetPassword } from '../../domain/accounts/service';
import { csrfToken, verifyCsrf } from '../security/csrf';
import { ForgotPasswordPage, ManageMessagePage, ResetPasswordPage, type FieldErrors } from './pages';
import { sessionToken, setSessionCookie } from './session';

/*
 * "Wachtwoord vergeten" (no session needed): an address in, a one-time link by mail out.
 * The answer is the same whether the address has an account or not, and requests are
 * limited like logins, so the form neither tells nor floods which addresses exist.
 */

/** Reset requests per minute, per client address and per e-mail address. */
export const RESET_LIMITS = { perAddress: 5, perEmail: 3 };

const SENT =
  'Als er een account is met dit e-mailadres, hebben we er een e-mail naartoe gestuurd met een link om een nieuw wachtwoord te kiezen. De link werkt een uur. Geen e-mail gekregen? Kijk ook bij de ongewenste e-mail, of vraag een beheerder van uw organisatie.';

export function passwordResetRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/beheer/wachtwoord-vergeten', (c) => c.html(<ForgotPasswordPage csrf={csrfToken(c)} values={{}} errors={{}} />));

  app.post('/beheer/wachtwoord-vergeten', verifyCsrf, async (c) => {
    const body = await c.req.parseBody();
    const email = typeof body.email === 'string' ? body.email.trim() : '';
    const page = (status: 400 | 429, errors: FieldErrors, text?: string) =>
      c.html(<ForgotPasswordPage csrf={csrfToken(c)} values={{ email }} errors={errors} notice={text ? { type: 'error', text } : undefined} />, status);
    const limiter = c.var.limiter;
    const now = Date.now();
    const wait = Math.max(
      limiter.hit(`reset-a:${limiter.address(c)}`, RESET_LIMITS.perAddress, now),
      email ? limiter.hit(`reset-e:${normaliseEmail(email)}`, RESET_LIMITS.perEmail, now) : 0,
    );
    if (wait > 0) {
      c.header('retry-after', String(wait));
      return page(429, {}, `Er is te vaak om een link gevraagd. Probeer het over ${wait} seconden opnieuw.`);
    }
    if (!email) return page(400, { email: 'Vul uw e-mailadres in.' });
    const bad = emailProblem(normaliseEmail(email));
    if (bad) return page(400, { email: bad });
    await requestPasswordReset(c.var.deps.db, email, { now: c.var.deps.clock(), baseUrl: c.var.deps.config.publicUrl });
    return c.html(<ManageMessagePage title="Kijk in uw e-mail" text={SENT} />);
  });

  const gone = (c: Context<AppEnv>) =>
    c.html(
      <ManageMessagePage
        title="Deze link werkt niet meer"
        text="De link is al gebruikt, vervangen door een nieuwere of verlopen (hij werkt een uur). Vraag op de inlogpagina via ‘Wachtwoord vergeten?’ een nieuwe link aan."
      />,
      404,
    );

  app.get('/beheer/wachtwoord-herstellen/:token', async (c) => {
    const token = c.req.param('token');
    const open = await getPasswordReset(c.var.deps.db, token, c.var.deps.clock());
    if (!open) return gone(c);
    return c.html(<ResetPasswordPage csrf={csrfToken(c)} token={token} email={open.email} errors={{}} />);
  });

  app.post('/beheer/wachtwoord-herstellen/:token', verifyCsrf, async (c) => {
    const { db, clock } = c.var.deps;
    const token = c.req.param('token');
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const now = clock();
    const result = await resetPassword(db, token, { password: text('password'), repeat: text('repeat') }, now);
    if (result.kind === 'gone') return gone(c);
    if (result.kind === 'invalid') {
      const open = await getPasswordReset(db, token, now);
      if (!open) return gone(c);
      const errors: FieldErrors = {};
      for (const p of result.problems) errors[p.path] ??= p.message;
      return c.html(<ResetPasswordPage csrf={csrfToken(c)} token={token} email={open.email} errors={errors} />, 400);
    }
    await endSession(db, sessionToken(c));
    setSessionCookie(c, result.token, result.expiresAt, now);
    return c.redirect('/beheer?melding=wachtwoord-hersteld', 303);
  });

  return app;
}
