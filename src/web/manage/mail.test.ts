import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import type { AccountRole } from '../../domain/accounts/rules';
import { createAccount, createSession, inviteAccount } from '../../domain/accounts/service';
import { createEvent } from '../../domain/events/service';
import { mailMessages, mailOutbox } from '../../domain/mail/table';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { eventDocument, registrant } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { previewToken } from './mail';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* Mail to participants and the outbox through the app, per role: the pages, preview, send, field messages, CSRF, the mail's HTML under its own CSP, retry. */

const ORIGIN = 'http://localhost';
const PW = 'paars paard op de dijk';
const CSRF = 'c'.repeat(32);
type App = Awaited<ReturnType<typeof testApp>>;
const roles = ['beheerder', 'redacteur', 'balie'] as const;

describe('mail to participants in the back office', () => {
  let database: Database;
  let app: App;
  const cookies = {} as Record<AccountRole | 'ander', string>;
  let failedMail: string;
  let otherMail: string;

  const get = (path: string, cookie = '') => app.request(`${ORIGIN}${path}`, { headers: { cookie } });
  const post = (path: string, fields: Record<string, string> = {}, cookie = '', csrf = CSRF) =>
    app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie: [`bijeen_csrf=${CSRF}`, cookie].filter(Boolean).join('; ') },
      body: new URLSearchParams({ _csrf: csrf, ...fields }),
    });

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    const other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    await createEvent(database.db, eventDocument({ slug: 'eigen-dag', title: 'Eigen dag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', title: 'Andere dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actor: TEST_ACTOR,
      actingOrganiserId: other,
    });
    for (const [i, slug] of ['eigen-dag', 'eigen-dag', 'andere-dag'].entries()) {
      const r = await register(database.db, slug, registrant(i, { name: i === 2 ? 'Geheime Deelnemer' : `Deelnemer ${i}` }), { now: TEST_NOW, baseUrl: ORIGIN });
      if (r.kind !== 'registered') throw new Error(r.kind);
    }
    const [first] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'deelnemer0@example.org'));
    failedMail = first!.id;
    await database.db.update(mailOutbox).set({ status: 'failed', attempts: 30, lastError: 'EENVELOPE: 550 Mailbox unknown' }).where(eq(mailOutbox.id, failedMail));
    otherMail = (await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'deelnemer2@example.org')))[0]!.id;
    for (const role of roles) {
      const id = await createAccount(database.db, { organiserId: org, email: `${role}@example.org`, name: `Fictieve ${role}`, password: PW, role }, TEST_NOW);
      cookies[role] = `bijeen_sessie=${(await createSession(database.db, id, TEST_NOW)).token}`;
    }
    const anderId = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Fictieve ander', password: PW, role: 'beheerder' }, TEST_NOW);
    cookies.ander = `bijeen_sessie=${(await createSession(database.db, anderId, TEST_NOW)).token}`;
    await inviteAccount(database.db, { organiserId: org, email: 'nieuw@example.org', role: 'redacteur', invitedBy: null }, { now: TEST_NOW, baseUrl: ORIGIN });
    await inviteAccount(database.db, { organiserId: other, email: 'geheim-nieuw@example.org', role: 'redacteur', invitedBy: null }, { now: TEST_NOW, baseUrl: ORIGIN });
  });
  afterAll(() => database?.close());

  const E = '/beheer/evenementen/eigen-dag';
  const good = { group: 'workshop', workshop: 'ronde-1/geld', subject: 'Zaal voor Geld', body: 'De zaal is **B2.14**.' };
  /** The fields of a send after its preview: the preview's token says what was shown. */
  const previewed = (v: typeof good) => ({ ...v, _voorbeeld: previewToken(v), actie: 'versturen' });
  const S = 200,
    GO = 303,
    NO = 403,
    NF = 404;
  const table: [string, 'GET' | 'POST', string, Record<string, string>, [number, number, number], string?][] = [
    ['the messages', 'GET', `${E}/berichten`, {}, [S, S, NO], 'Nieuw bericht'],
    ['the compose form', 'GET', `${E}/berichten/nieuw`, {}, [S, S, NO], 'Alle bevestigde deelnemers (2)'],
    ['a preview', 'POST', `${E}/berichten/nieuw`, { ...good, actie: 'voorbeeld', _idem: 'v' }, [S, S, NO], 'Dit bericht gaat naar <strong>2 deelnemers</strong>'],
    ['a message without subject', 'POST', `${E}/berichten/nieuw`, { ...good, subject: '', actie: 'voorbeeld', _idem: 'x' }, [400, 400, NO], 'Vul een onderwerp in.'],
    ['a message to an empty group', 'POST', `${E}/berichten/nieuw`, { ...good, group: 'waitlisted', actie: 'versturen', _idem: 'leeg' }, [400, 400, NO], 'In deze groep zit (nu) niemand'],
    ['a message without a group', 'POST', `${E}/berichten/nieuw`, { ...good, group: '', actie: 'versturen', _idem: 'geen' }, [400, 400, NO], 'Kies aan wie het bericht gaat.'],
    ['sending after the preview', 'POST', `${E}/berichten/nieuw`, { ...previewed(good), _idem: 'ROLE' }, [GO, GO, NO]],
    ['sending what the preview did not show', 'POST', `${E}/berichten/nieuw`, { ...previewed(good), body: 'Iets anders', _idem: 'anders-ROLE' }, [409, 409, NO], 'gewijzigd na het voorbeeld'],
    ['the outbox', 'GET', `${E}/post`, {}, [S, S, NO], 'Bevestiging'],
    ['the outbox, failed only', 'GET', `${E}/post?status=mislukt`, {}, [S, S, NO], 'EENVELOPE: 550 Mailbox unknown'],
    ['a mail', 'GET', `${E}/post/FAILED`, {}, [S, S, NO], 'Opnieuw proberen'],
    ["another event's mail", 'GET', `${E}/post/OTHER`, {}, [NF, NF, NO]],
    ['an unknown message', 'GET', `${E}/berichten/00000000-0000-4000-8000-000000000000`, {}, [NF, NF, NO]],
    ["another organiser's messages", 'GET', '/beheer/evenementen/andere-dag/berichten', {}, [NF, NF, NF]],
    ["another organiser's outbox", 'GET', '/beheer/evenementen/andere-dag/post', {}, [NF, NF, NF]],
    ["sending to another organiser's event", 'POST', '/beheer/evenementen/andere-dag/berichten/nieuw', { ...previewed(good), _idem: 'ander' }, [NF, NF, NF]],
    ['the invitations outbox', 'GET', '/beheer/post', {}, [S, NO, NO], 'nieuw@example.org'],
  ];
  const cases = table.flatMap(([what, method, path, fields, statuses, says]) => roles.map((role, i) => ({ what, method, path, fields, role, status: statuses[i]!, says: statuses[i] === S || statuses[i] === 400 || statuses[i] === 409 ? says : undefined })));
  const resolve = (s: string, role: string) => s.replace('ROLE', role).replace('FAILED', failedMail).replace('OTHER', otherMail);

  it.each(cases)('$role: $what ($method) → $status', async ({ method, path, fields, role, status, says }) => {
    const p = resolve(path, role);
    const f = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, resolve(v, role)]));
    const res = method === 'GET' ? await get(p, cookies[role]) : await post(p, f, cookies[role]);
    expect(res.status).toBe(status);
    const body = await res.text();
    if (says) expect(body).toContain(says);
    if (status === NO) expect(body).toContain('Geen toegang');
    if (status === NF) expect(body).not.toContain('Geheime');
    if (status === GO) expect(res.headers.get('location')).toMatch(/^\/beheer\/evenementen\/eigen-dag\/berichten\/[0-9a-f-]{36}\?melding=verstuurd$/);
    if (status !== GO) expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps what was typed on a refused message, with the message next to its field', async () => {
    const res = await post(`${E}/berichten/nieuw`, { ...good, subject: 'x'.repeat(201), actie: 'versturen', _idem: 'lang' }, cookies.redacteur);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('De zaal is **B2.14**.');
    expect(html).toMatch(/id="veld-subject-fout"[^>]*>Gebruik voor het onderwerp hoogstens 200 tekens\./);
    expect(html).toContain('aria-describedby="veld-subject-uitleg veld-subject-fout"');
    expect(html).toMatch(/<option value="ronde-1\/geld" selected/);
  });

  it('sends once when the form is submitted twice, and shows the message with its recipients', async () => {
    const first = await post(`${E}/berichten/nieuw`, { ...previewed({ ...good, subject: 'Twee keer' }), _idem: 'dubbel' }, cookies.beheerder);
    const second = await post(`${E}/berichten/nieuw`, { ...previewed({ ...good, subject: 'Twee keer' }), _idem: 'dubbel' }, cookies.beheerder);
    expect(first.headers.get('location')).toMatch(/melding=verstuurd$/);
    expect(second.headers.get('location')).toBe(first.headers.get('location')!.replace('verstuurd', 'al-verstuurd'));
    expect(await database.db.select().from(mailMessages).where(eq(mailMessages.subject, 'Twee keer'))).toHaveLength(1);
    const page = await (await get(second.headers.get('location')!, cookies.beheerder)).text();
    expect(page).toContain('Dit bericht was al verstuurd');
    expect(page).toContain('Wacht: 2');
    expect(page).toContain('Deelnemer 0');
    expect(page).toContain('<strong>B2.14</strong>');
  });

  it('refuses a send without the CSRF token', async () => {
    const res = await post(`${E}/berichten/nieuw`, { ...previewed(good), _idem: 'csrf' }, cookies.beheerder, 'x'.repeat(32));
    expect(res.status).toBe(403);
    expect(await database.db.select().from(mailMessages).where(eq(mailMessages.subject, good.subject))).toHaveLength(2);
  });

  it("serves a mail's HTML with a CSP that allows nothing but inline styles, framed by the mail's page only", async () => {
    const page = await (await get(`${E}/post/${failedMail}`, cookies.redacteur)).text();
    expect(page).toContain(`<iframe class="bijeen-mail-frame" sandbox="" src="${E}/post/${failedMail}/html"`);
    expect(page).toContain('Tekstversie');
    const res = await get(`${E}/post/${failedMail}/html`, cookies.redacteur);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<html lang="nl">');
    // The pages themselves keep the site's policy.
    expect((await get(`${E}/post`, cookies.redacteur)).headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await get(`${E}/post/${otherMail}/html`, cookies.redacteur)).status).toBe(404);
  });

  it('tries a failed mail again once: back in the queue with its attempts, then nothing to retry', async () => {
    const res = await post(`${E}/post/${failedMail}/opnieuw`, {}, cookies.redacteur);
    expect(res.status).toBe(303);
    const [row] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.id, failedMail));
    expect(row).toMatchObject({ status: 'queued', attempts: 30 });
    expect((await post(`${E}/post/${failedMail}/opnieuw`, {}, cookies.redacteur)).status).toBe(409);
    expect((await post(`${E}/post/${failedMail}/opnieuw`, {}, cookies.balie)).status).toBe(403);
  });

  it("says where mail goes without SMTP, and shows only the organiser's own invitations", async () => {
    expect(await (await get(`${E}/post`, cookies.redacteur)).text()).toContain('Er is geen mailserver ingesteld (SMTP_URL)');
    const own = await (await get('/beheer/post', cookies.beheerder)).text();
    expect(own).not.toContain('geheim-nieuw@example.org');
    const overview = await (await get(E, cookies.redacteur)).text();
    expect(overview).toContain(`href="${E}/berichten"`);
    expect(await (await get(E, cookies.balie)).text()).not.toContain(`href="${E}/berichten"`);
  });
});
