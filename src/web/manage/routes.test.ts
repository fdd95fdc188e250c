import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, createSession, inviteAccount, listTeam } from '../../domain/accounts/service';
import { authenticateApiToken, createApiToken } from '../../domain/organisers/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { eventDocument } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { safeBack } from './session';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* The back office through the app: who may open what, sessions, logging in and out, CSRF, rate limits. */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;

describe('the back office (/beheer)', () => {
  let database: Database;
  let app: App;
  let org: string;
  const cookies: Record<AccountRole | 'ander', string> = { beheerder: '', redacteur: '', balie: '', ander: '' };
  let colleagueId: string;

  const get = (path: string, cookie = '', a: App = app) => a.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string> = {}, cookie = '', opts: { csrf?: string; a?: App } = {}) =>
    (opts.a ?? app).request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ _csrf: opts.csrf ?? CSRF, ...fields }),
    });
  const sessionCookie = (res: Response) => /bijeen_sessie=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];

  async function loggedIn(organiserId: string, role: AccountRole, email: string) {
    const id = await createAccount(database.db, { organiserId, email, name: `Fictieve ${role}`, password: PW, role }, TEST_NOW);
    const { token } = await createSession(database.db, id, TEST_NOW);
    return { id, cookie: `bijeen_sessie=${token}` };
  }

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    await createEvent(database.db, eventDocument({ slug: 'eigen-dag', title: 'Eigen dag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(
      database.db,
      eventDocument({
        slug: 'samen-dag',
        title: 'Samen dag',
        organisers: [
          { slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' },
          { slug: 'kennisinstituut', name: 'Kennisinstituut', role: 'co_organiser' },
        ],
      }),
      { actor: TEST_ACTOR, actingOrganiserId: other },
    );
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', title: 'Geheime andere dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actor: TEST_ACTOR, actingOrganiserId: other,
    });
    await register(database.db, 'andere-dag', { name: 'Geheime Deelnemer', email: 'geheim@example.org', choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } }, { now: TEST_NOW, baseUrl: ORIGIN });
    await register(database.db, 'eigen-dag', { name: 'Eigen Deelnemer', email: 'eigen@example.org', choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } }, { now: TEST_NOW, baseUrl: ORIGIN });
    for (const role of ['beheerder', 'redacteur', 'balie'] as const) cookies[role] = (await loggedIn(org, role, `${role}@example.org`)).cookie;
    cookies.ander = (await loggedIn(other, 'beheerder', 'ander@example.org')).cookie;
    colleagueId = await createAccount(database.db, { organiserId: org, email: 'collega@example.org', name: 'Fictieve Collega', password: PW, role: 'redacteur' }, TEST_NOW);
  });
  afterAll(() => database?.close());

  // Each role against each page and action: the status, and for a page what it must say.
  const S = 200,
    GO = 303,
    NO = 403,
    NF = 404;
  const table: [string, 'GET' | 'POST', string, (role: AccountRole) => Record<string, string>, [number, number, number], string?][] = [
    ['the dashboard', 'GET', '/beheer', () => ({}), [S, S, S], 'Eigen dag'],
    ['an own event', 'GET', '/beheer/evenementen/eigen-dag', () => ({}), [S, S, S], 'Aanmeldingen: 1'],
    ['a co-organised event', 'GET', '/beheer/evenementen/samen-dag', () => ({}), [S, S, S], 'mede-organisator'],
    ["another organiser's event", 'GET', '/beheer/evenementen/andere-dag', () => ({}), [NF, NF, NF]],
    ['the registrations of an own event', 'GET', '/beheer/evenementen/eigen-dag/aanmeldingen', () => ({}), [S, S, NO], 'Eigen Deelnemer'],
    ["the registrations of another organiser's event", 'GET', '/beheer/evenementen/andere-dag/aanmeldingen', () => ({}), [NF, NF, NF]],
    ['the team', 'GET', '/beheer/team', () => ({}), [S, NO, NO], 'Fictieve Collega'],
    ['inviting a colleague', 'POST', '/beheer/team/uitnodigen', (role) => ({ email: `nieuw-via-${role}@example.org`, role: 'balie' }), [GO, NO, NO]],
    ['changing a role', 'POST', '/beheer/team/COLLEGA/rol', () => ({ role: 'redacteur' }), [GO, NO, NO]],
    ['the API tokens', 'GET', '/beheer/api-tokens', () => ({}), [S, NO, NO], 'Een token maken'],
    ['making an API token', 'POST', '/beheer/api-tokens', (role) => ({ name: `koppeling van ${role}` }), [S, NO, NO], 'Uw nieuwe token'],
    ['the own account', 'GET', '/beheer/account', () => ({}), [S, S, S], 'Wachtwoord wijzigen'],
    ['changing the password (with a wrong current one)', 'POST', '/beheer/account/wachtwoord', () => ({ current: 'fout', password: 'een nieuw lang wachtwoord', repeat: 'een nieuw lang wachtwoord' }), [400, 400, 400], 'Uw huidige wachtwoord klopt niet'],
  ];
  const roles = ['beheerder', 'redacteur', 'balie'] as const;
  const cases = table.flatMap(([what, method, path, fields, statuses, says]) =>
    roles.map((role, i) => ({ what, method, path, fields, role, status: statuses[i]!, says: statuses[i] === S || statuses[i] === 400 ? says : undefined })),
  );

  it.each(cases)('$role: $what ($method $path) → $status', async ({ method, path, fields, role, status, says }) => {
    const p = path.replace('COLLEGA', colleagueId);
    const res = method === 'GET' ? await get(p, cookies[role]) : await post(p, fields(role), cookies[role]);
    expect(res.status).toBe(status);
    const html = await res.text();
    if (says) expect(html).toContain(says);
    if (status === NO) expect(html).toContain('Geen toegang');
    if (status === NF) expect(html).not.toContain('Geheime');
    if (res.status !== GO) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it.each(table.map(([what, method, path]) => ({ what, method, path })))('without a session: $what ($method $path) → the login page', async ({ method, path }) => {
    const p = path.replace('COLLEGA', colleagueId);
    const res = method === 'GET' ? await get(p) : await post(p, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/beheer\/inloggen/);
  });

  it("never shows another organiser's events, registrations or staff", async () => {
    for (const role of roles) {
      const html = await (await get('/beheer', cookies[role])).text();
      expect(html).toContain('Samen dag');
      expect(html).not.toContain('Geheime andere dag');
    }
    const team = await (await get('/beheer/team', cookies.beheerder)).text();
    expect(team).not.toContain('ander@example.org');
    const theirs = await (await get('/beheer', cookies.ander)).text();
    expect(theirs).toContain('Geheime andere dag');
    expect(theirs).not.toContain('Eigen dag');
    expect(await (await get('/beheer/evenementen/eigen-dag/aanmeldingen', cookies.ander)).text()).not.toContain('Eigen Deelnemer');
    // Changing or removing someone of another team is refused, and changes nothing.
    const res = await post(`/beheer/team/${colleagueId}/verwijderen`, {}, cookies.ander);
    expect(res.status).toBe(409);
    expect((await listTeam(database.db, org, TEST_NOW)).accounts.map((a) => a.id)).toContain(colleagueId);
  });

  it('sends one back to the page asked for after logging in, and nowhere else', async () => {
    const res = await get('/beheer/team');
    expect(res.headers.get('location')).toBe('/beheer/inloggen?terug=%2Fbeheer%2Fteam');
    expect(await (await get('/beheer/inloggen?terug=%2Fbeheer%2Fteam')).text()).toContain('name="terug" value="/beheer/team"');
    expect.soft(safeBack('//evil.example.org')).toBeUndefined();
    expect.soft(safeBack('/beheer/../evil')).toBeUndefined();
    expect.soft(safeBack('https://evil.example.org/beheer')).toBeUndefined();
    expect.soft(safeBack('/beheer/evenementen/eigen-dag')).toBe('/beheer/evenementen/eigen-dag');
  });

  it('makes an API token shown once that the API accepts, and revokes it; another organiser\'s token cannot be revoked', async () => {
    const made = await post('/beheer/api-tokens', { name: 'Website' }, cookies.beheerder);
    const token = /id="nieuw-token-waarde">(bij_[A-Za-z0-9_-]+)</.exec(await made.text())![1]!;
    expect((await authenticateApiToken(database.db, token)).slug).toBe('kennisinstituut');
    const list = await (await get('/beheer/api-tokens', cookies.beheerder)).text();
    expect(list).toContain('Website');
    expect(list).not.toContain(token);
    const id = /action="\/beheer\/api-tokens\/([0-9a-f-]{36})\/intrekken"/.exec(list)![1]!;
    const theirs = await post(`/beheer/api-tokens/${id}/intrekken`, {}, cookies.ander);
    expect(theirs.status).toBe(409);
    await expect(authenticateApiToken(database.db, token)).resolves.toBeTruthy();
    const revoked = await post(`/beheer/api-tokens/${id}/intrekken`, {}, cookies.beheerder);
    expect(revoked.headers.get('location')).toBe('/beheer/api-tokens?melding=token-ingetrokken');
    await expect(authenticateApiToken(database.db, token)).rejects.toThrow('ingetrokken');
    const other = await createApiToken(database.db, (await ensureOrganiser(database.db, 'andere-organisator', 'x')).id, 'Hun koppeling');
    expect(await (await get('/beheer/api-tokens', cookies.beheerder)).text()).not.toContain('Hun koppeling');
    await expect(authenticateApiToken(database.db, other)).resolves.toBeTruthy();
  });

  it('asks what a new API token is for', async () => {
    const res = await post('/beheer/api-tokens', { name: ' ' }, cookies.beheerder);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Zeg waarvoor het token is');
  });

  describe('logging in', () => {
    it('shows a login form with a CSRF token, and logs in with a session cookie that is HttpOnly, SameSite=Lax, for /beheer only', async () => {
      const a = await testApp(database);
      const page = await get('/beheer/inloggen', '', a);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{32}"/);
      expect(html).toContain('autocomplete="current-password"');
      const res = await post('/beheer/inloggen', { email: 'Beheerder@example.org', password: PW, terug: '/beheer/team' }, '', { a });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/beheer/team');
      const setCookie = res.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/bijeen_sessie=[A-Za-z0-9_-]{43}/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).toContain('Path=/beheer');
      expect(setCookie).not.toContain('Secure');
      expect((await get('/beheer/team', `bijeen_sessie=${sessionCookie(res)}`, a)).status).toBe(200);
    });

    it('sends someone who is logged in on from the login page', async () => {
      const res = await get('/beheer/inloggen?terug=%2Fbeheer%2Faccount', cookies.balie);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/beheer/account');
    });

    it('marks the cookie Secure when the site is served over HTTPS', async () => {
      const a = await testApp(database, undefined, { publicUrl: 'https://bijeen.example.org' });
      const res = await post('/beheer/inloggen', { email: 'beheerder@example.org', password: PW }, '', { a });
      expect(res.headers.get('set-cookie')).toContain('Secure');
    });

    it.each([
      ['a wrong password', 'beheerder@example.org', 'verkeerd'],
      ['an unknown address', 'niemand@example.org', PW],
    ])('answers %s only with "E-mailadres of wachtwoord klopt niet"', async (_what, email, password) => {
      const a = await testApp(database);
      const res = await post('/beheer/inloggen', { email, password }, '', { a });
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie') ?? '').not.toContain('bijeen_sessie');
      const html = await res.text();
      expect(html).toContain('E-mailadres of wachtwoord klopt niet.');
      expect(html).toContain('href="#veld-email"');
      expect(html).toContain(`value="${email}"`);
      expect(html).not.toContain('onbekend');
    });

    it('asks for both fields next to them and in the summary', async () => {
      const a = await testApp(database);
      const html = await (await post('/beheer/inloggen', { email: '', password: '' }, '', { a })).text();
      expect(html).toContain('Er zijn 2 punten om te verbeteren');
      expect(html).toContain('id="veld-email-fout"');
      expect(html).toContain('id="veld-password-fout"');
    });

    it('refuses a login post without the CSRF token', async () => {
      const res = await post('/beheer/inloggen', { email: 'beheerder@example.org', password: PW }, '', { csrf: 'x'.repeat(32) });
      expect(res.status).toBe(403);
    });

    it('limits attempts per e-mail address and per client address with a Dutch 429', async () => {
      const a = await testApp(database);
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await post('/beheer/inloggen', { email: 'beheerder@example.org', password: 'fout' }, '', { a })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      const limited = await post('/beheer/inloggen', { email: 'beheerder@example.org', password: PW }, '', { a });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.text()).toContain('Er is te vaak geprobeerd in te loggen');

      const b = await testApp(database);
      const byAddress = [];
      for (let i = 0; i < 11; i++) byAddress.push((await post('/beheer/inloggen', { email: `raden${i}@example.org`, password: 'fout' }, '', { a: b })).status);
      expect(byAddress.slice(0, 10).every((s) => s === 401)).toBe(true);
      expect(byAddress[10]).toBe(429);
    });
  });

  describe('logging out', () => {
    it('ends this session and clears the cookie', async () => {
      const { cookie } = await loggedIn(org, 'redacteur', 'uitlogger@example.org');
      const res = await post('/beheer/uitloggen', {}, cookie);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/beheer/inloggen?melding=uitgelogd');
      expect(res.headers.get('set-cookie')).toMatch(/bijeen_sessie=;/);
      expect((await get('/beheer', cookie)).status).toBe(303);
      expect(await (await get('/beheer/inloggen?melding=uitgelogd')).text()).toContain('U bent uitgelogd.');
    });

    it('logs out everywhere: every session of the account ends', async () => {
      const { id, cookie } = await loggedIn(org, 'balie', 'overal@example.org');
      const second = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
      expect(await (await get('/beheer/account', cookie)).text()).toContain('op 2 plekken ingelogd');
      const res = await post('/beheer/account/overal-uitloggen', {}, cookie);
      expect(res.headers.get('location')).toBe('/beheer/inloggen?melding=overal-uitgelogd');
      expect((await get('/beheer', cookie)).status).toBe(303);
      expect((await get('/beheer', second)).status).toBe(303);
      expect((await get('/beheer', cookies.balie)).status).toBe(200);
    });

    it('needs the CSRF token to log out', async () => {
      const res = await post('/beheer/uitloggen', {}, cookies.redacteur, { csrf: 'x'.repeat(32) });
      expect(res.status).toBe(403);
      expect((await get('/beheer', cookies.redacteur)).status).toBe(200);
    });
  });

  describe('invitations', () => {
    it('accepts an invitation: errors next to the fields, then an account, a session and the dashboard', async () => {
      const invited = await inviteAccount(database.db, { organiserId: org, email: 'uitgenodigd@example.org', role: 'redacteur', invitedBy: null }, { now: TEST_NOW, baseUrl: ORIGIN });
      if (invited.kind !== 'invited') throw new Error(invited.kind);
      const path = new URL(invited.url).pathname;
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(await page.text()).toContain('uitgenodigd@example.org');

      const wrong = await post(path, { name: 'Fictieve Uitgenodigde', password: PW, repeat: 'anders' });
      expect(wrong.status).toBe(400);
      const html = await wrong.text();
      expect(html).toContain('Herhaal hetzelfde wachtwoord.');
      expect(html).toContain('value="Fictieve Uitgenodigde"');
      expect(html).not.toContain(PW);

      const ok = await post(path, { name: 'Fictieve Uitgenodigde', password: PW, repeat: PW });
      expect(ok.status).toBe(303);
      expect(ok.headers.get('location')).toBe('/beheer?melding=welkom');
      const dashboard = await get('/beheer?melding=welkom', `bijeen_sessie=${sessionCookie(ok)}`);
      expect(await dashboard.text()).toContain('Welkom! Uw account is aangemaakt');

      expect((await get(path)).status).toBe(404);
      expect((await post(path, { name: 'Nog eens', password: PW, repeat: PW })).status).toBe(404);
    });

    it('says an unknown invitation link does not work (404), without a session', async () => {
      const res = await get('/beheer/uitnodiging/onzin');
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('Deze uitnodiging werkt niet meer');
    });

    it('shows the invite form errors next to the field, and refuses an address that is already in the team', async () => {
      const res = await post('/beheer/team/uitnodigen', { email: 'collega@example.org', role: 'balie' }, cookies.beheerder);
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('Met dit e-mailadres is al een account in uw team.');
      expect(html).toContain('href="#veld-email"');
    });

    it('refuses to demote the last beheerder or change oneself', async () => {
      const { id, cookie } = await loggedIn((await ensureOrganiser(database.db, 'klein-team', 'Klein team')).id, 'beheerder', 'alleen@example.org');
      const res = await post(`/beheer/team/${id}/rol`, { role: 'balie' }, cookie);
      expect(res.status).toBe(409);
      expect(await res.text()).toContain('eigen rol');
    });
  });
});
