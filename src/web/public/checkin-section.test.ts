import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { checkinCode, formatCode } from '../../domain/checkin/rules';
import { createEvent } from '../../domain/events/service';
import { ensureOrganiser } from '../../domain/organisers/service';
import { register } from '../../domain/registration/service';
import { eventDocument, registrant } from '../../../test/factories';
import { testApp, TEST_NOW } from '../../../test/app';
import { qrSvg } from '../components/qr';
import { TEST_ACTOR } from '../../../test/actors';
import { openTestPglite } from '../../../test/db';

/* The check-in part of the personal page: a QR code and the code as text, for confirmed registrations only. */

const ORIGIN = 'http://localhost';

describe('the check-in code on the personal page', () => {
  let database: Database;
  let app: Awaited<ReturnType<typeof testApp>>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    database = await openTestPglite();
    app = await testApp(database);
    const org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    await createEvent(database.db, eventDocument({ slug: 'qr-dag', registration: { capacity: 1 } }), { actor: TEST_ACTOR, actingOrganiserId: org });
    for (const [key, i] of [['bevestigd', 1], ['wachtend', 2]] as const) {
      const r = await register(database.db, 'qr-dag', registrant(i), { now: TEST_NOW, baseUrl: ORIGIN });
      if (r.kind !== 'registered') throw new Error(r.kind);
      tokens[key] = r.registration.token;
    }
  });
  afterAll(() => database?.close());

  it('shows a confirmed registrant the QR code, with alt text, and the code as text; never the token in it', async () => {
    const html = await (await app.request(`${ORIGIN}/aanmelding/${tokens.bevestigd}`)).text();
    const code = formatCode(checkinCode(tokens.bevestigd!));
    expect(html).toContain('<h2 class="utrecht-heading-2" id="inchecken-kop">Inchecken</h2>');
    expect(html).toContain(`<svg xmlns="http://www.w3.org/2000/svg"`);
    expect(html).toContain(`role="img" aria-label="QR-code voor inchecken, code ${code}"`);
    expect(html).toContain(`<strong class="bijeen-checkin-code">${code}</strong>`);
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).not.toContain(tokens.bevestigd);
  });

  it('shows no check-in code to someone on the waiting list', async () => {
    const html = await (await app.request(`${ORIGIN}/aanmelding/${tokens.wachtend}`)).text();
    expect(html).not.toContain('Inchecken');
    expect(html).not.toContain('<svg');
  });

  it('draws a square QR code with a white quiet zone', () => {
    const svg = qrSvg('K7QM4XRT9P', { label: 'QR-code "test"' });
    const [, w, h] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
    expect(w).toBe(h);
    expect(Number(w)).toBe(21 + 8); // version 1 holds ten alphanumeric characters at level M
    expect(svg).toContain('aria-label="QR-code &quot;test&quot;"');
  });
});
