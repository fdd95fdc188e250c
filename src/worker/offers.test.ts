import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/db';
import { eventDocument } from '../../test/factories';
import { TEST_NOW } from '../../test/app';
import type { Db } from '../db/client';
import { createEvent } from '../domain/events/service';
import { ensureOrganiser } from '../domain/organisers/service';
import { cancelRegistration, getRegistration, register, type RegisterResult } from '../domain/registration/service';
import { startOfferSweeper } from './offers';
import { TEST_ACTOR } from '../../test/actors';

const BASE = 'http://bijeen.test';
const at = (hours: number) => new Date(TEST_NOW.getTime() + hours * 3_600_000);
const silent = () => ({ info: vi.fn(), error: vi.fn() });

async function until(check: () => Promise<boolean> | boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.each(databaseKinds)('the offer sweeper on $name', ({ open }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database?.close());

  it('lapses an offer whose time is up and offers the place to the next in line', async () => {
    const organiser = await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut');
    await createEvent(database.db, eventDocument({ slug: 'veger', registration: { capacity: 1, offerHours: 24 } }), { actor: TEST_ACTOR, actingOrganiserId: organiser.id });
    const reg = async (i: number) => {
      const r: RegisterResult = await register(
        database.db,
        'veger',
        { name: `Deelnemer ${i}`, email: `veger${i}@example.org`, choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } },
        { now: TEST_NOW, baseUrl: BASE },
      );
      if (r.kind !== 'registered') throw new Error(r.kind);
      return r.registration;
    };
    const holder = await reg(1);
    const late = await reg(2);
    const next = await reg(3);
    await cancelRegistration(database.db, holder.token, TEST_NOW, BASE);
    expect((await getRegistration(database.db, late.token))!.status).toBe('offered');

    let now = at(1);
    const logger = silent();
    const sweeper = startOfferSweeper({ db: database.db, logger, baseUrl: BASE, clock: () => now, intervalMs: 20 });
    try {
      // Sweeps before the deadline leave the offer alone.
      await sweeper.runOnce();
      expect((await getRegistration(database.db, late.token))!.status).toBe('offered');
      now = at(25);
      await until(async () => (await getRegistration(database.db, late.token))!.status === 'expired');
      expect((await getRegistration(database.db, next.token))!.status).toBe('offered');
      expect(logger.info).toHaveBeenCalledWith({ lapsed: 1 }, expect.any(String));
      expect(logger.error).not.toHaveBeenCalled();
    } finally {
      await sweeper.stop();
    }
  });
});

describe('the offer sweeper', () => {
  const db = {} as Db;

  it('logs a failed sweep instead of throwing, and sweeps again at the next interval', async () => {
    const logger = silent();
    const expire = vi.fn().mockRejectedValueOnce(new Error('database gone')).mockResolvedValue(0);
    const sweeper = startOfferSweeper({ db, logger, baseUrl: BASE, intervalMs: 10, expire });
    await until(() => expire.mock.calls.length >= 2);
    await sweeper.stop();
    expect(logger.error).toHaveBeenCalledTimes(1);
    expect(logger.error.mock.calls[0]![0]).toEqual({ error: 'database gone' });
  });

  it('never runs two sweeps at once, from the timer or from runOnce', async () => {
    let running = 0;
    let most = 0;
    const expire = vi.fn(async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 30));
      running--;
      return 0;
    });
    const sweeper = startOfferSweeper({ db, logger: silent(), baseUrl: BASE, intervalMs: 10, expire });
    await Promise.all([sweeper.runOnce(), sweeper.runOnce(), sweeper.runOnce()]);
    await until(() => expire.mock.calls.length >= 5);
    await sweeper.stop();
    expect(most).toBe(1);
  });

  it('waits for the sweep in progress when stopped, and sweeps no more', async () => {
    let finished = false;
    const expire = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
      return 0;
    });
    const sweeper = startOfferSweeper({ db, logger: silent(), baseUrl: BASE, intervalMs: 10, expire });
    await until(() => expire.mock.calls.length === 1);
    await sweeper.stop();
    expect(finished).toBe(true);
    const calls = expire.mock.calls.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(expire.mock.calls.length).toBe(calls);
    expect(await sweeper.runOnce()).toBe(0);
    expect(expire.mock.calls.length).toBe(calls);
  });

  it('passes the clock and the base URL to each sweep', async () => {
    const expire = vi.fn(async () => 0);
    const sweeper = startOfferSweeper({ db, logger: silent(), baseUrl: BASE, clock: () => TEST_NOW, expire });
    await sweeper.runOnce();
    await sweeper.stop();
    expect(expire).toHaveBeenCalledWith(db, TEST_NOW, BASE);
  });
});
