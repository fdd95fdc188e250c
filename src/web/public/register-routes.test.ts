import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../domain/mail/table';
import type { Database } from '../../db/client';
import { loadDemoIfEmpty } from '../../demo/load';
import { getEventView } from '../../domain/events/service';
import { testApp, TEST_NOW } from '../../../test/app';
import { openTestPglite } from '../../../test/db';
import { inputOf, valuesOfRegistration } from './register-routes';

const ORIGIN = 'http://localhost';

describe('the registration form', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof testApp>>;

  /** Open the form like a browser: the page, its cookie, its hidden fields. */
  async function openForm(slug: string) {
    const res = await app.request(`${ORIGIN}/evenementen/${slug}/aanmelden`);
    const html = await res.text();
    const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const idem = /name="_idem" value="([^"]+)"/.exec(html)![1]!;
    return { html, cookie, csrf, idem, status: res.status };
  }

  async function submit(slug: string, fields: Record<string, string | string[]>, opts: { csrf?: string; cookie?: string; idem?: string; origin?: string | null } = {}) {
    const f = opts.csrf && opts.cookie ? { csrf: opts.csrf, cookie: opts.cookie, idem: opts.idem ?? 'k' } : await openForm(slug);
    const body = new URLSearchParams();
    body.append('_csrf', f.csrf);
    body.append('_idem', opts.idem ?? f.idem);
    for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return app.request(`${ORIGIN}/evenementen/${slug}/aanmelden`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: f.cookie, ...(opts.origin === null ? {} : { origin: opts.origin ?? ORIGIN }) },
      body,
    });
  }

  const valid = (i: number) => ({
    name: `Fictieve Deelnemer ${i}`,
    email: `formulier${i}@example.org`,
    organisation: 'Gemeente Utrecht',
    'keuze.ronde-1': 'abcd-in-de-wijkaanpak',
    'keuze.ronde-2': 'een-veilige-wijk',
    'toestemming.privacy': 'ja',
  });

  beforeAll(async () => {
    database = await openTestPglite();
    await loadDemoIfEmpty(database.db, TEST_NOW);
    app = await testApp(database);
    const view = await getEventView(database.db, 'dag-van-de-buurt', TEST_NOW);
    // The demo's keys, so the tests follow the content.
    const r1 = view!.doc.workshops.find((w) => w.rounds.includes('ronde-1'))!.key;
    const r2 = view!.doc.workshops.find((w) => w.rounds.includes('ronde-2') && !w.rounds.includes('ronde-1'))!.key;
    Object.assign(valid, { r1, r2 });
  });
  afterAll(() => database?.close());

  const choices = () => {
    const v = valid as unknown as { r1: string; r2: string };
    return { 'keuze.ronde-1': v.r1, 'keuze.ronde-2': v.r2 };
  };

  it('shows a form with one choice per round for Dag van de Buurt', async () => {
    const f = await openForm('dag-van-de-buurt');
    expect(f.status).toBe(200);
    expect(f.html.match(/name="keuze\.ronde-1"/g)!.length).toBeGreaterThan(5);
    expect(f.html.match(/name="keuze\.ronde-2"/g)!.length).toBeGreaterThan(5);
    expect(f.cookie).toMatch(/^bijeen_csrf=/);
  });

  it('registers, and sends the registrant to the personal page', async () => {
    const res = await submit('dag-van-de-buurt', { ...valid(1), ...choices() });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/aanmelding\/[A-Za-z0-9_-]{43}\?nieuw=1$/);
    const page = await app.request(location);
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect(html).toContain('Gelukt: u bent aangemeld');
    expect(html).toContain('stream.example.org'); // the join link, for this registrant only
  });

  it('refuses a form without its token, or from another site, and stores nothing', async () => {
    const f = await openForm('dag-van-de-buurt');
    const noToken = await submit('dag-van-de-buurt', { ...valid(2), ...choices() }, { csrf: 'x'.repeat(32), cookie: f.cookie, idem: 'a' });
    expect(noToken.status).toBe(403);
    const elsewhere = await submit('dag-van-de-buurt', { ...valid(2), ...choices() }, { ...f, origin: 'https://kwaadwillend.example.org' });
    expect(elsewhere.status).toBe(403);
    const noOrigin = await submit('dag-van-de-buurt', { ...valid(2), ...choices() }, { ...f, origin: null });
    expect(noOrigin.status).toBe(403);
    const again = await submit('dag-van-de-buurt', { ...valid(2), ...choices() });
    expect(again.status).toBe(303); // the same person, properly, is registered once
  });

  it('shows every problem next to its field and keeps what was typed', async () => {
    const res = await submit('dag-van-de-buurt', { name: 'Fictieve Deelnemer', email: 'geen-adres', organisation: 'Gemeente Zwolle' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Er zijn 4 punten om te verbeteren');
    expect(html).toMatch(/id="veld-email-fout">Geef een geldig e-mailadres/);
    expect(html).toMatch(/id="veld-keuze-ronde-1-fout">Kies een deelsessie in deze ronde/);
    expect(html).toContain('Ga akkoord met de privacyverklaring');
    expect(html).toContain('value="Fictieve Deelnemer"');
    expect(html).toContain('value="Gemeente Zwolle"');
    const emailInput = /<input[^>]*id="veld-email"[^>]*>/.exec(html)![0];
    expect(emailInput).toContain('aria-invalid="true"');
    expect(emailInput).toMatch(/aria-describedby="[^"]*veld-email-fout/);
  });

  it('tells a second registration with the same address that it is registered already', async () => {
    await submit('dag-van-de-buurt', { ...valid(3), ...choices() });
    const res = await submit('dag-van-de-buurt', { ...valid(3), ...choices(), name: 'Iemand anders' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('U bent al aangemeld');
  });

  it('offers to send the personal link again, and sends it, without telling strangers who registered', async () => {
    await submit('dag-van-de-buurt', { ...valid(6), ...choices() });
    const dup = await submit('dag-van-de-buurt', { ...valid(6), ...choices() });
    const html = await dup.text();
    expect(html).toContain('Stuur mijn persoonlijke link opnieuw');
    const resend = async (email: string) => {
      const f = await openForm('dag-van-de-buurt');
      return app.request(`${ORIGIN}/evenementen/dag-van-de-buurt/link-opnieuw`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: f.cookie, origin: ORIGIN },
        body: new URLSearchParams({ _csrf: f.csrf, email }),
      });
    };
    const known = await resend('FORMULIER6@example.org');
    const unknown = await resend('niemand@example.org');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect((await known.text()).replace('FORMULIER6@example.org', 'X')).toBe((await unknown.text()).replace('niemand@example.org', 'X'));
    const sent = await database.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, 'resend:%'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.toAddress).toBe('formulier6@example.org');
    expect(sent[0]!.textBody).toMatch(/\/aanmelding\/[A-Za-z0-9_-]{43}/);
  });

  it('makes one registration of the same form posted twice', async () => {
    const f = await openForm('dag-van-de-buurt');
    const first = await submit('dag-van-de-buurt', { ...valid(4), ...choices() }, f);
    const second = await submit('dag-van-de-buurt', { ...valid(4), ...choices() }, f);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
  });

  it('cancels through the personal page, and the place is free again', async () => {
    const before = (await getEventView(database.db, 'dag-van-de-buurt', TEST_NOW))!.confirmed;
    const res = await submit('dag-van-de-buurt', { ...valid(5), ...choices() });
    const location = res.headers.get('location')!.replace('?nieuw=1', '');
    const page = await app.request(location);
    const cookie = page.headers.get('set-cookie')?.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const cancel = await app.request(`${ORIGIN}${location}/annuleren`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: ORIGIN },
      body: new URLSearchParams({ _csrf: csrf }),
    });
    expect(cancel.status).toBe(303);
    expect(await (await app.request(location)).text()).toContain('Uw aanmelding is geannuleerd');
    expect((await getEventView(database.db, 'dag-van-de-buurt', TEST_NOW))!.confirmed).toBe(before);
  });

  it('offers the waiting list on a full event', async () => {
    const f = await openForm('haagse-wijkaanpak');
    expect(f.html).toContain('Aanmelden voor de wachtlijst');
  });

  it('answers too many posts from one address with 429 and Retry-After', async () => {
    const limited = await testApp(database, () => TEST_NOW, {
      rateLimits: { perAddressPerMinute: 2, perEventPerMinute: 100, trustProxy: false },
    });
    const post = () =>
      limited.request(`${ORIGIN}/evenementen/leergang-wijkaanpak/aanmelden`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body: 'name=x',
      });
    await post();
    await post();
    const third = await post();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('valuesOfRegistration (an earlier registration as the form)', () => {
  it('gives back what inputOf reads, apart from the consents, which are asked again', () => {
    const questions = [
      { key: 'dieet', label: 'Dieet', type: 'short_text', required: false, options: [] },
      { key: 'lunch', label: 'Lunch?', type: 'yes_no', required: false, options: [] },
      { key: 'thema', label: 'Thema', type: 'multiple_choice', required: false, options: ['wonen', 'zorg'] },
    ] as unknown as Parameters<typeof inputOf>[1];
    const values = valuesOfRegistration(
      {
        name: 'Fictieve Jansen',
        email: 'jansen@example.org',
        organisationName: 'Gemeente Zwolle',
        organisationKind: 'gemeente',
        role: null,
        domain: 'wonen',
        answers: { dieet: 'vegetarisch', lunch: false, thema: ['wonen', 'zorg'] },
        billing: { organisationName: 'Gemeente Zwolle', street: 'Grote Kerkplein 15', postcode: '8011 PK', city: 'Zwolle', invoiceEmail: 'facturen@example.org' },
        choices: [{ roundKey: 'ronde-1', workshopKey: 'geld', status: 'cancelled', position: null }],
      },
      questions,
    );
    expect(inputOf(values, questions)).toMatchObject({
      name: 'Fictieve Jansen',
      email: 'jansen@example.org',
      organisation: 'Gemeente Zwolle',
      organisationKind: 'gemeente',
      domain: 'wonen',
      choices: { 'ronde-1': 'geld' },
      answers: { dieet: 'vegetarisch', lunch: false, thema: ['wonen', 'zorg'] },
      billing: { organisationName: 'Gemeente Zwolle', street: 'Grote Kerkplein 15', postcode: '8011 PK', city: 'Zwolle', invoiceEmail: 'facturen@example.org' },
      consents: { privacy: false, photos: false, mailingList: false },
    });
    expect(values.role).toBeUndefined();
  });
});
