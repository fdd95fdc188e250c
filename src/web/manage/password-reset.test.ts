import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, createSession, login } from '../../domain/accounts/service';
import { mailOutbox } from '../../domain/mail/table';
import { ensureOrganiser } from '../../domain/organisers/service';
import { testApp, TEST_NOW } from '../../../test/app';
import { RESET_LIMITS } from './password-reset';
import { openTestPglite } from '../../../test/db';

/* "Wachtwoord vergeten" through the app: the same answer for every address, the link by mail, a new password once. */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const NEW = 'groene kikker in de sloot';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;

describe('a forgotten password (/beheer/wachtwoord-vergeten)', () => {
  let database: Database;
  let app: App;
  let org: string;
  let address = 0;
  /** A client address of its own per test: the reset form is rate-limited per address. */
  const from = () => `10.0.0.${++address}`;

  const get = (path: string, cookie = '') => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string>, opts: { cookie?: string; csrf?: string; ip?: string } = {}) =>
    app.request(
      `${ORIGIN}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, opts.cookie].filter(Boolean).join('; ') },
        body: new URLSearchParams({ _csrf: opts.csrf ?? CSRF, ...fields }),
      },
      { incoming: { socket: { remoteAddress: opts.ip ?? from() } } },
    );
  const linkMailedTo = async (email: string) => {
    const [mail] = await database.db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.kind, 'password_reset')))
      .orderBy(desc(mailOutbox.createdAt));
    return mail ? /\/beheer\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/.exec(mail.textBody)?.[0] : undefined;
  };

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('links to it from the login page, and opens without a session', async () => {
    expect(await (await get('/beheer/inloggen')).text()).toContain('href="/beheer/wachtwoord-vergeten"');
    const res = await get('/beheer/wachtwoord-vergeten');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Link versturen');
  });

  it('says the same for an address with and without an account, and mails only the account', async () => {
    await createAccount(database.db, { organiserId: org, email: 'vergeten@example.org', name: 'Fictieve Vergeter', password: PW, role: 'redacteur' }, TEST_NOW);
    const known = await post('/beheer/wachtwoord-vergeten', { email: 'Vergeten@example.org' });
    const unknown = await post('/beheer/wachtwoord-vergeten', { email: 'niemand@example.org' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const said = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0];
    expect(said(await known.text())).toBe(said(await unknown.text()));
    expect(await linkMailedTo('vergeten@example.org')).toBeDefined();
    expect(await linkMailedTo('niemand@example.org')).toBeUndefined();
  });

  it.each([
    ['', 'Vul uw e-mailadres in.'],
    ['geen-adres', 'Vul een geldig e-mailadres in'],
  ])('answers %j with 400 and the problem next to the field, the address kept', async (email, message) => {
    const res = await post('/beheer/wachtwoord-vergeten', { email });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(message);
    expect(html).toContain(`value="${email}"`);
  });

  it('refuses a request without the CSRF token', async () => {
    const res = await post('/beheer/wachtwoord-vergeten', { email: 'vergeten@example.org' }, { csrf: 'x'.repeat(32) });
    expect(res.status).toBe(403);
  });

  it('limits requests per e-mail address (429 with Retry-After), whatever the client address', async () => {
    const email = 'overspoeld@example.org';
    for (let i = 0; i < RESET_LIMITS.perEmail; i++) expect((await post('/beheer/wachtwoord-vergeten', { email })).status).toBe(200);
    const res = await post('/beheer/wachtwoord-vergeten', { email });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('sets a new password with the mailed link, logs in here and out elsewhere; the link then works no more', async () => {
    const id = await createAccount(database.db, { organiserId: org, email: 'herstel@example.org', name: 'Fictieve Hersteller', password: PW, role: 'beheerder' }, TEST_NOW);
    const elsewhere = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    await post('/beheer/wachtwoord-vergeten', { email: 'herstel@example.org' });
    const link = (await linkMailedTo('herstel@example.org'))!;

    const page = await get(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('herstel@example.org');

    const weak = await post(link, { password: 'kort', repeat: 'kort' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('minstens 12 tekens');

    const done = await post(link, { password: NEW, repeat: NEW });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/beheer?melding=wachtwoord-hersteld');
    const cookie = /bijeen_sessie=([^;]*)/.exec(done.headers.get('set-cookie') ?? '')![1];
    expect((await get('/beheer', `bijeen_sessie=${cookie}`)).status).toBe(200);
    expect((await get('/beheer', elsewhere)).status).toBe(303);
    expect((await login(database.db, 'herstel@example.org', NEW, TEST_NOW)).kind).toBe('ok');

    const again = await get(link);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('Deze link werkt niet meer');
    expect((await post(link, { password: PW, repeat: PW })).status).toBe(404);
  });

  it('answers an unknown or malformed link with the same 404 page', async () => {
    for (const token of ['x'.repeat(43), 'kort', '%00'])
      expect((await get(`/beheer/wachtwoord-herstellen/${token}`)).status).toBe(404);
  });
});
