import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../mail/table';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument, registrant } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { DomainError } from '../../kernel/errors';
import type { EventDocumentInput } from '../events/document';
import { createEvent, getEventView } from '../events/service';
import { ensureOrganiser } from '../organisers/service';
import { acceptOffer, cancelRegistration, changeChoices, expireOffers, getRegistration, register, resendPersonalLink, type RegisterResult } from './service';
import { TEST_ACTOR } from '../../../test/actors';

/*
 * Offers of freed places (with an expiry) and changing workshop choices through the
 * personal link, against a real database: PGlite, and PostgreSQL when TEST_DATABASE_URL
 * is set.
 */

const BASE = 'http://bijeen.test';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * HOUR);

const person = (i: number, over: Record<string, unknown> = {}) =>
  registrant(i, { choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, ...over }, 'aanbod');

function registered(r: RegisterResult) {
  if (r.kind !== 'registered') throw new Error(`expected registered, got ${JSON.stringify(r)}`);
  return r.registration;
}

describe.each(databaseKinds)('offers and choice changes on $name', ({ open }) => {
  let database: TestDatabase;
  let organiserId: string;
  let n = 0;
  /** A fresh event per test; offers for 24 hours unless told otherwise. */
  async function event(registration: Record<string, unknown> = {}, over: Partial<EventDocumentInput> = {}) {
    const slug = `aanbod-${++n}`;
    await createEvent(database.db, eventDocument({ slug, registration: { capacity: 2, offerHours: 24, ...registration }, ...over }), { actor: TEST_ACTOR, actingOrganiserId: organiserId });
    return slug;
  }
  const reg = async (slug: string, i: number, over: Record<string, unknown> = {}) =>
    registered(await register(database.db, slug, person(i, over), { now: TEST_NOW, baseUrl: BASE }));
  const status = async (token: string) => (await getRegistration(database.db, token))!;
  const mails = (registrationId: string) =>
    database.db.select().from(mailOutbox).where(eq(mailOutbox.registrationId, registrationId)).orderBy(mailOutbox.createdAt);
  const mailKinds = async (registrationId: string) => (await mails(registrationId)).map((m) => m.kind);
  const domainError = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (err) {
      if (err instanceof DomainError) return err.code;
      throw err;
    }
    return null;
  };

  beforeAll(async () => {
    database = await open();
    organiserId = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  describe('offers', () => {
    it('offers a freed place to the first on the waiting list for the offer hours, and holds it meanwhile', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      expect(waiting.status).toBe('waitlisted');

      const { promoted } = await cancelRegistration(database.db, first.token, at(1), BASE);
      expect(promoted).toEqual([waiting.id]);
      const offered = await status(waiting.token);
      expect(offered).toMatchObject({ status: 'offered', position: null });
      expect(offered.offerExpiresAt).toEqual(at(25));
      const [offer] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.registrationId, waiting.id), eq(mailOutbox.kind, 'offer')));
      expect(offer!.dedupeKey).toBe(`offer:${waiting.id}:${at(25).getTime()}`);
      expect(offer!.textBody).toContain(`${BASE}/aanmelding/${waiting.token}`);

      // The offered place is held: a newcomer waits.
      expect(await reg(slug, 4)).toMatchObject({ status: 'waitlisted', position: 1, waitReason: 'event_full' });
    });

    it('confirms an offer accepted in time and queues the confirmation with the invitation', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);

      const accepted = await acceptOffer(database.db, waiting.token, at(23.9), BASE);
      expect(accepted.kind).toBe('accepted');
      expect(accepted.registration).toMatchObject({ status: 'confirmed', offerExpiresAt: null });
      const [confirmation] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, `confirmation:${waiting.id}`));
      expect(confirmation!.ics).toContain('METHOD:REQUEST');

      // A double click is no error, and sends nothing twice.
      expect((await acceptOffer(database.db, waiting.token, at(24), BASE)).kind).toBe('accepted');
      expect((await mailKinds(waiting.id)).filter((k) => k === 'confirmation')).toHaveLength(1);
      // The sweep leaves an accepted offer alone.
      await expireOffers(database.db, at(48), BASE);
      expect((await status(waiting.token)).status).toBe('confirmed');
    });

    it('awaits approval after accepting when the event asks for it', async () => {
      const slug = await event({ approvalRequired: true });
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);
      expect((await status(waiting.token)).status).toBe('offered');
      const accepted = await acceptOffer(database.db, waiting.token, at(1), BASE);
      expect(accepted.registration.status).toBe('pending');
      expect(await mailKinds(waiting.id)).toContain('pending');
    });

    it('lets an offer accepted too late lapse, and offers the place to the next in line', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const late = await reg(slug, 3);
      const next = await reg(slug, 4);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);

      // The offer lapses at the very moment of its expiry.
      const result = await acceptOffer(database.db, late.token, at(24), BASE);
      expect(result.kind).toBe('expired');
      expect(result.registration).toMatchObject({ status: 'expired', offerExpiresAt: null });
      expect(await mailKinds(late.id)).toContain('offer_expired');
      const nextNow = await status(next.token);
      expect(nextNow.status).toBe('offered');
      expect(nextNow.offerExpiresAt).toEqual(at(48));
      // Nothing left to accept.
      expect(await domainError(acceptOffer(database.db, late.token, at(24), BASE))).toBe('conflict');
    });

    it('refuses to accept when nothing is offered, and does not know a made-up link', async () => {
      const slug = await event();
      await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      expect(await domainError(acceptOffer(database.db, waiting.token, TEST_NOW, BASE))).toBe('conflict');
      expect(await domainError(acceptOffer(database.db, 'x'.repeat(43), TEST_NOW, BASE))).toBe('not_found');
      expect((await status(waiting.token)).status).toBe('waitlisted');
    });

    it('passes a lapsed offer to the next the organisation limits allow, exactly once', async () => {
      const slug = await event({ capacity: 3, organisationLimits: { perOrganisation: 2 } });
      await reg(slug, 1, { organisation: 'Gemeente Utrecht' });
      await reg(slug, 2, { organisation: 'Utrecht' });
      const zwolle1 = await reg(slug, 3, { organisation: 'Gemeente Zwolle' });
      const utrecht3 = await reg(slug, 4, { organisation: 'gemeente utrecht' });
      const zwolle2 = await reg(slug, 5, { organisation: 'Gemeente Zwolle' });
      const zwolle3 = await reg(slug, 6, { organisation: 'Zwolle' });
      expect(utrecht3).toMatchObject({ status: 'waitlisted', waitReason: 'organisation_full' });

      // Utrecht is at its limit: its third person is passed over, not dropped.
      expect((await cancelRegistration(database.db, zwolle1.token, TEST_NOW, BASE)).promoted).toEqual([zwolle2.id]);

      // Nothing lapses before its time.
      expect(await expireOffers(database.db, at(23), BASE)).toBe(0);
      expect((await status(zwolle2.token)).status).toBe('offered');

      // Two sweeps at once (two app instances): the offer lapses once, the next gets one offer.
      const counts = await Promise.all([expireOffers(database.db, at(25), BASE), expireOffers(database.db, at(25), BASE)]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect((await status(zwolle2.token)).status).toBe('expired');
      expect(await status(utrecht3.token)).toMatchObject({ status: 'waitlisted', position: 1 });
      expect(await status(zwolle3.token)).toMatchObject({ status: 'offered', offerExpiresAt: at(49) });
      expect(await expireOffers(database.db, at(25), BASE)).toBe(0);
      expect((await mailKinds(zwolle2.id)).filter((k) => k === 'offer_expired')).toHaveLength(1);
      expect((await mailKinds(zwolle3.id)).filter((k) => k === 'offer')).toHaveLength(1);
    });

    it('passes the place on when an offered place is declined (cancelled)', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const declines = await reg(slug, 3);
      const next = await reg(slug, 4);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);
      expect((await status(declines.token)).status).toBe('offered');

      const { registration, promoted } = await cancelRegistration(database.db, declines.token, at(2), BASE);
      expect(registration.status).toBe('cancelled');
      expect(promoted).toEqual([next.id]);
      expect(await status(next.token)).toMatchObject({ status: 'offered', offerExpiresAt: at(26) });
      expect(await mailKinds(declines.id)).toContain('cancelled');
      // A declined offer does not lapse later.
      expect(await expireOffers(database.db, at(25), BASE)).toBe(0);
    });

    // The public view counts what the rules hold (HOLDING): an offered place is not free.
    it('shows the event as full while a freed place is offered', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      await reg(slug, 3);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);
      expect((await getEventView(database.db, slug, at(1)))!.registration.kind).toBe('full');
    });

    // "Send my link again" to someone with an open offer resends the offer, with its deadline.
    it('sends the offer again, with its deadline, when someone with an offered place asks for the link', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);
      await resendPersonalLink(database.db, slug, person(3).email, at(1), BASE);
      const [resent] = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.registrationId, waiting.id), like(mailOutbox.dedupeKey, 'resend:%')));
      expect(resent!.kind).toBe('offer');
    });
  });

  // A workshop without a capacity of its own seats whoever moves up, as it seats a newcomer.
  it.each([
    ['given at once', undefined],
    ['offered and accepted', 24],
  ])('gives someone who moves up (%s) a seat in a workshop without a capacity', async (_name, offerHours) => {
    const slug = await event({ capacity: 1, offerHours });
    const holder = await reg(slug, 1);
    const waiting = await reg(slug, 2);
    await cancelRegistration(database.db, holder.token, TEST_NOW, BASE);
    if (offerHours) await acceptOffer(database.db, waiting.token, at(1), BASE);
    const after = await status(waiting.token);
    expect(after.status).toBe('confirmed');
    expect(after.choices.map((c) => [c.workshopKey, c.status])).toEqual([
      ['geld', 'confirmed'],
      ['corporaties', 'confirmed'],
    ]);
  });

  describe('changing workshop choices', () => {
    it('moves to a workshop with room and gives the seat left behind to the first on its waiting list', async () => {
      const slug = await event({ capacity: 10 });
      const mover = await reg(slug, 1, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      await reg(slug, 2, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      const waits = await reg(slug, 3, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      const waitsToo = await reg(slug, 4, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      expect(waits.choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'waitlisted', position: 1 });

      const result = await changeChoices(database.db, mover.token, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, at(1), BASE);
      expect(result.kind).toBe('changed');
      expect((await status(mover.token)).choices).toEqual([
        { roundKey: 'ronde-1', workshopKey: 'geld', status: 'confirmed', position: null },
        { roundKey: 'ronde-2', workshopKey: 'corporaties', status: 'confirmed', position: null },
      ]);
      expect((await status(waits.token)).choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'confirmed' });
      expect((await status(waitsToo.token)).choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'waitlisted', position: 1 });
      // A mail with the new choices.
      const changed = (await mails(mover.id)).find((m) => m.dedupeKey.startsWith('choices:'));
      expect(changed!.kind).toBe('confirmation');
      expect(changed!.textBody).toContain('Corporaties');

      // The same choices again change nothing and send nothing.
      expect((await changeChoices(database.db, mover.token, { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, at(2), BASE)).kind).toBe('unchanged');
      expect((await mails(mover.id)).filter((m) => m.dedupeKey.startsWith('choices:'))).toHaveLength(1);
    });

    it('refuses a full workshop and changes nothing', async () => {
      const slug = await event({ capacity: 10 });
      await reg(slug, 1, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      await reg(slug, 2, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      const other = await reg(slug, 3);
      const result = await changeChoices(database.db, other.token, { 'ronde-1': 'abcd', 'ronde-2': 'abcd' }, at(1), BASE);
      expect(result.kind).toBe('invalid');
      const wanted = await changeChoices(database.db, other.token, { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' }, at(1), BASE);
      expect(wanted.kind).toBe('changed');
      const full = await changeChoices(database.db, other.token, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }, at(1), BASE);
      expect(full).toEqual({
        kind: 'invalid',
        problems: [{ path: 'choices.ronde-2', message: expect.stringMatching(/vol/) }],
      });
      expect((await status(other.token)).choices.map((c) => [c.workshopKey, c.status])).toEqual([
        ['abcd', 'confirmed'],
        ['corporaties', 'confirmed'],
      ]);
    });

    it('reports a malformed change with the field it concerns', async () => {
      const slug = await event({ capacity: 10 });
      const r = await reg(slug, 1);
      const result = await changeChoices(database.db, r.token, { 'ronde-1': 'x'.repeat(200) }, at(1), BASE);
      expect(result.kind === 'invalid' && result.problems[0]!.path).toBe('choices.ronde-1');
      const missing = await changeChoices(database.db, r.token, { 'ronde-1': 'geld' }, at(1), BASE);
      expect(missing.kind === 'invalid' && missing.problems.map((p) => p.path)).toEqual(['choices.ronde-2']);
    });

    it('lets someone on the waiting list change freely, also to a full workshop', async () => {
      const slug = await event({ capacity: 1, offerHours: undefined }, {
        workshops: [
          { key: 'abcd', title: 'ABCD in de wijk', capacity: 1, rounds: ['ronde-1', 'ronde-2'] },
          { key: 'geld', title: 'Zeggenschap door geld', capacity: 20, rounds: ['ronde-1'] },
          { key: 'corporaties', title: 'Corporaties', rounds: ['ronde-2'] },
        ],
      });
      const holder = await reg(slug, 1, { choices: { 'ronde-1': 'geld', 'ronde-2': 'abcd' } });
      const waiting = await reg(slug, 2);
      expect(waiting.status).toBe('waitlisted');

      const result = await changeChoices(database.db, waiting.token, { 'ronde-1': 'geld', 'ronde-2': 'abcd' }, at(1), BASE);
      expect(result.kind).toBe('changed');
      expect((await status(waiting.token)).choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'waitlisted' });
      expect((await mails(waiting.id)).find((m) => m.dedupeKey.startsWith('choices:'))!.kind).toBe('waitlisted');

      // When the holder leaves, the waiting registrant gets the place and that workshop's seat.
      await cancelRegistration(database.db, holder.token, at(2), BASE);
      const after = await status(waiting.token);
      expect(after.status).toBe('confirmed');
      expect(after.choices[1]).toMatchObject({ workshopKey: 'abcd', status: 'confirmed' });
    });

    it('lets someone with an offered place change, and keeps the offer and its deadline', async () => {
      const slug = await event();
      const first = await reg(slug, 1);
      await reg(slug, 2);
      const waiting = await reg(slug, 3);
      await cancelRegistration(database.db, first.token, TEST_NOW, BASE);
      const result = await changeChoices(database.db, waiting.token, { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' }, at(1), BASE);
      expect(result.kind).toBe('changed');
      expect(await status(waiting.token)).toMatchObject({ status: 'offered', offerExpiresAt: at(24) });
      expect((await mails(waiting.id)).find((m) => m.dedupeKey.startsWith('choices:'))!.kind).toBe('offer');
    });

    it('refuses changes once the event has started, and for a cancelled registration', async () => {
      const slug = await event({ capacity: 10 });
      const r = await reg(slug, 1);
      const started = new Date('2030-03-06T12:30:00+01:00');
      expect(await domainError(changeChoices(database.db, r.token, { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' }, started, BASE))).toBe('conflict');
      await cancelRegistration(database.db, r.token, at(1), BASE);
      const result = await changeChoices(database.db, r.token, { 'ronde-1': 'abcd', 'ronde-2': 'corporaties' }, at(2), BASE);
      expect(result.kind === 'invalid' && result.problems[0]).toMatchObject({ path: 'choices', message: expect.stringMatching(/niet meer actief/) });
    });
  });
});
