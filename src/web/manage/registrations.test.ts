import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAccount, createSession } from '../../domain/accounts/service';
import type { AccountRole } from '../../domain/accounts/rules';
import { createEvent } from '../../domain/events/service';
import { mailOutbox } from '../../domain/mail/table';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { registrations } from '../../domain/registration/table';
import { eventDocument, registrant } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* An event's registrations in the back office, per role: the table, one registration, the organiser's changes, adding one by hand, the exports. */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;
const roles = ['beheerder', 'redacteur', 'balie'] as const;

describe('registrations in the back office', () => {
  let database: Database;
  let app: App;
  const cookies = {} as Record<AccountRole | 'ander', string>;
  /** Registration ids by name: `<what>-<role>`. */
  const ids: Record<string, string> = {};

  const get = (path: string, cookie = '') => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string> = {}, cookie = '') =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ _csrf: CSRF, ...fields }),
    });

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    await createEvent(database.db, eventDocument({ slug: 'eigen-dag', title: 'Eigen dag', registration: { capacity: 30, approvalRequired: true } }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'volle-dag', title: 'Volle dag', registration: { capacity: 1 } }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', title: 'Andere dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actor: TEST_ACTOR, actingOrganiserId: other,
    });
    const reg = async (slug: string, key: string, email: string, over: Record<string, unknown> = {}) => {
      const r = await register(database.db, slug, { ...registrant(0), name: key === 'eigen' ? 'Eigen Deelnemer' : `Deelnemer ${key}`, email, ...over }, { now: TEST_NOW, baseUrl: ORIGIN });
      if (r.kind !== 'registered') throw new Error(JSON.stringify(r));
      ids[key] = r.registration.id;
    };
    await reg('eigen-dag', 'eigen', 'eigen@example.org', { organisation: 'Gemeente Zwolle' });
    await reg('andere-dag', 'geheim', 'geheim@example.org', { name: 'Geheime Deelnemer' });
    await reg('volle-dag', 'vol', 'vol@example.org');
    for (const role of roles) {
      for (const what of ['goedkeuren', 'afwijzen', 'annuleren', 'verplaatsen']) await reg('eigen-dag', `${what}-${role}`, `${what}-${role}@example.org`);
      await reg('volle-dag', `wachtend-${role}`, `wachtend-${role}@example.org`);
    }
    for (const role of roles) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: PW, role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const anderId = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve ander', password: PW, role: 'beheerder' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, anderId, TEST_NOW)).token}`;
  });
  afterAll(() => database?.close());

  const S = 200,
    GO = 303,
    NO = 403,
    NF = 404;
  const E = '/beheer/evenementen/eigen-dag/aanmeldingen';
  const table: [string, 'GET' | 'POST', string, (role: AccountRole) => Record<string, string>, [number, number, number], string?][] = [
    ['the table', 'GET', E, () => ({}), [S, S, NO], 'Eigen Deelnemer'],
    ['the table, filtered and sorted', 'GET', `${E}?q=zwolle&status=pending&sorteer=naam&richting=af`, () => ({}), [S, S, NO], '1 van de 13 aanmeldingen'],
    ['one registration', 'GET', `${E}/ID:eigen`, () => ({}), [S, S, NO], 'Geschiedenis'],
    ['an unknown registration', 'GET', `${E}/00000000-0000-4000-8000-000000000000`, () => ({}), [NF, NF, NO]],
    ['the form to add one', 'GET', `${E}/nieuw`, () => ({}), [S, S, NO], 'Aanmelding toevoegen'],
    [
      'adding one by hand',
      'POST',
      `${E}/nieuw`,
      (role) => ({ name: `Telefoon ${role}`, email: `telefoon-${role}@example.org`, organisationKind: 'gemeente', 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties', 'toestemming.privacy': 'ja', _idem: `k-${role}` }),
      [GO, GO, NO],
    ],
    ['adding one without the required fields', 'POST', `${E}/nieuw`, () => ({ name: '', email: 'geen-adres' }), [400, 400, NO], 'om te verbeteren'],
    ['approving', 'POST', `${E}/ID:goedkeuren-ROLE/goedkeuren`, () => ({}), [GO, GO, NO]],
    ['refusing with a reason', 'POST', `${E}/ID:afwijzen-ROLE/afwijzen`, () => ({ reden: 'De zaal is te klein.' }), [GO, GO, NO]],
    ['cancelling without ticking the box', 'POST', `${E}/ID:annuleren-ROLE/annuleren`, () => ({}), [400, 400, NO], 'Vink aan'],
    ['cancelling', 'POST', `${E}/ID:annuleren-ROLE/annuleren`, () => ({ bevestig: 'ja' }), [GO, GO, NO]],
    ['moving to other workshops', 'POST', `${E}/ID:verplaatsen-ROLE/deelsessies`, () => ({ 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties' }), [GO, GO, NO]],
    ['moving up by hand in a full event', 'POST', '/beheer/evenementen/volle-dag/aanmeldingen/ID:wachtend-ROLE/van-wachtlijst', () => ({}), [409, 409, NO], 'geen plaats vrij'],
    ['approving one on the waiting list', 'POST', '/beheer/evenementen/volle-dag/aanmeldingen/ID:wachtend-ROLE/goedkeuren', () => ({}), [409, 409, NO], 'Alleen een aanmelding die op goedkeuring wacht'],
    ['the CSV export', 'GET', '/beheer/evenementen/eigen-dag/export/aanmeldingen.csv', () => ({}), [S, S, NO], 'Eigen Deelnemer'],
    ['the XLSX export', 'GET', '/beheer/evenementen/eigen-dag/export/aanmeldingen.xlsx', () => ({}), [S, S, NO]],
    ['the attendance list', 'GET', '/beheer/evenementen/eigen-dag/export/presentielijst.pdf', () => ({}), [S, S, NO]],
    ['the badges', 'GET', '/beheer/evenementen/eigen-dag/export/naambadges.pdf', () => ({}), [S, S, NO]],
    ["another organiser's table", 'GET', '/beheer/evenementen/andere-dag/aanmeldingen', () => ({}), [NF, NF, NF]],
    ["another organiser's registration", 'GET', '/beheer/evenementen/andere-dag/aanmeldingen/ID:geheim', () => ({}), [NF, NF, NF]],
    ["another organiser's registration through an own event", 'GET', `${E}/ID:geheim`, () => ({}), [NF, NF, NO]],
    ["approving another organiser's registration", 'POST', '/beheer/evenementen/andere-dag/aanmeldingen/ID:geheim/goedkeuren', () => ({}), [NF, NF, NF]],
    ["another organiser's export", 'GET', '/beheer/evenementen/andere-dag/export/aanmeldingen.csv', () => ({}), [NF, NF, NF]],
  ];
  const cases = table.flatMap(([what, method, path, fields, statuses, says]) =>
    roles.map((role, i) => ({ what, method, path, fields, role, status: statuses[i]!, says: statuses[i] !== NO && statuses[i] !== NF && statuses[i] !== GO ? says : undefined })),
  );
  const resolve = (path: string, role: string) => path.replace('ROLE', role).replace(/ID:([a-z-]+)/, (_, key: string) => ids[key]!);

  it.each(cases)('$role: $what ($method) → $status', async ({ method, path, fields, role, status, says }) => {
    const p = resolve(path, role);
    const res = method === 'GET' ? await get(p, cookies[role]) : await post(p, fields(role), cookies[role]);
    expect(res.status).toBe(status);
    const body = await res.text();
    if (says) expect(body).toContain(says);
    if (status === NO) expect(body).toContain('Geen toegang');
    if (status === NF) expect(body).not.toContain('Geheime');
    if (status === GO) expect(res.headers.get('location')).toMatch(/^\/beheer\/evenementen\/eigen-dag\/aanmeldingen\/[0-9a-f-]{36}\?melding=/);
    if (res.status !== GO) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('without a session: to the login page', async () => {
    for (const p of [E, `${E}/${ids.eigen}`, '/beheer/evenementen/eigen-dag/export/aanmeldingen.csv']) {
      const res = await get(p);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toMatch(/^\/beheer\/inloggen/);
    }
    expect((await post(`${E}/${ids.eigen}/goedkeuren`)).headers.get('location')).toMatch(/^\/beheer\/inloggen/);
  });

  it('the changes went through the domain: statuses, mails with the reason, a confirmation after the redirect', async () => {
    const kinds = async (id: string) => (await database.db.select({ kind: mailOutbox.kind, text: mailOutbox.textBody }).from(mailOutbox).where(eq(mailOutbox.registrationId, id)));
    expect((await kinds(ids['goedkeuren-beheerder']!)).map((m) => m.kind)).toContain('confirmation');
    const refusal = (await kinds(ids['afwijzen-redacteur']!)).find((m) => m.kind === 'refused');
    expect(refusal?.text).toContain('De zaal is te klein.');
    expect((await kinds(ids['annuleren-beheerder']!)).map((m) => m.kind)).toContain('cancelled');
    const page = await (await get(`${E}/${ids['afwijzen-redacteur']}?melding=afgewezen`, cookies.redacteur)).text();
    expect(page).toContain('De aanmelding is afgewezen');
    expect(page).toContain('De zaal is te klein.');
    expect(page).toContain('E-mails aan deze deelnemer');
    // Each mail links to its page in the event's outbox, with the outbox's words for its state.
    const [refusedMail] = await database.db.select({ id: mailOutbox.id }).from(mailOutbox).where(and(eq(mailOutbox.registrationId, ids['afwijzen-redacteur']!), eq(mailOutbox.kind, 'refused')));
    expect(page).toMatch(new RegExp(`href="/beheer/evenementen/[^/"]+/post/${refusedMail!.id}"[^>]*>\\s*Afgewezen`));
    expect(page).toMatch(/<td class="utrecht-table__cell">(Wacht|Verzonden)<\/td>/);
    // Balie's attempts changed nothing.
    expect((await kinds(ids['goedkeuren-balie']!)).map((m) => m.kind)).toEqual(['pending']);
  });

  it('enters a cancelled registration again from its page: the form filled in, consents asked anew, a new registration', async () => {
    const cancelled = ids['annuleren-beheerder']!;
    const page = await (await get(`${E}/${cancelled}`, cookies.redacteur)).text();
    expect(page).toContain(`href="${E}/nieuw?van=${cancelled}"`);
    const form = await (await get(`${E}/nieuw?van=${cancelled}`, cookies.redacteur)).text();
    expect(form).toContain('De gegevens van de eerdere aanmelding van Deelnemer annuleren-beheerder staan al ingevuld');
    expect(form).toContain('value="annuleren-beheerder@example.org"');
    expect(form).toMatch(/<option value="geld" selected/);
    expect(form).not.toMatch(/name="toestemming.privacy"[^>]*checked/);
    // An active registration is not copied: the form stays empty.
    const notCopied = await (await get(`${E}/nieuw?van=${ids.eigen}`, cookies.redacteur)).text();
    expect(notCopied).not.toContain('eigen@example.org');

    const again = await post(`${E}/nieuw`, { name: 'Deelnemer annuleren-beheerder', email: 'annuleren-beheerder@example.org', 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties', 'toestemming.privacy': 'ja', _idem: 'opnieuw' }, cookies.redacteur);
    expect(again.status).toBe(303);
    const newId = /aanmeldingen\/([0-9a-f-]{36})\?/.exec(again.headers.get('location')!)![1];
    expect(newId).not.toBe(cancelled);
    const rows = await database.db.select({ id: registrations.id, status: registrations.status }).from(registrations).where(eq(registrations.email, 'annuleren-beheerder@example.org'));
    expect(rows.map((r) => r.status).sort()).toEqual(['cancelled', 'pending']);
  });

  it('counts one registration in the singular: "1 aanmelding"', async () => {
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'kleine-dag', title: 'Kleine dag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await register(database.db, 'kleine-dag', registrant(0, { email: 'enige@example.org' }), { now: TEST_NOW, baseUrl: ORIGIN });
    const html = await (await get('/beheer/evenementen/kleine-dag/aanmeldingen', cookies.redacteur)).text();
    expect(html).toMatch(/<caption[^>]*>\s*1 aanmelding\s*<\/caption>/);
    expect(html).not.toContain('1 aanmeldingen');
  });

  it('adding by hand twice with the same form gives one registration (the idempotency key)', async () => {
    const fields = { name: 'Dubbel Klik', email: 'dubbel@example.org', 'keuze.ronde-1': 'geld', 'keuze.ronde-2': 'corporaties', 'toestemming.privacy': 'ja', _idem: 'zelfde-formulier' };
    const first = await post(`${E}/nieuw`, fields, cookies.beheerder);
    const second = await post(`${E}/nieuw`, fields, cookies.beheerder);
    expect(first.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('pages through a long table and keeps the filters', async () => {
    const html = await (await get(`${E}?status=cancelled&pagina=9`, cookies.beheerder)).text();
    expect(html).toContain('<caption');
    expect(html).toContain('scope="row"');
    expect(html).not.toContain('Volgende pagina');
  });
});
