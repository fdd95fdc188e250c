import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { TEST_NOW } from '../../../test/app';
import { startHousekeeping } from '../../worker/housekeeping';
import { ensureOrganiser } from '../organisers/service';
import { accessSweepCutoffs } from './rules';
import {
  acceptInvitation,
  authenticateSession,
  createAccount,
  createSession,
  getInvitation,
  getPasswordReset,
  inviteAccount,
  requestPasswordReset,
  sweepExpiredAccess,
} from './service';
import { accountInvitations, accountSessions, passwordResets } from './table';

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);
const tokenOf = (url: string) => url.split('/').pop()!;

describe('what housekeeping may forget', () => {
  it('is whatever ended by now, and sessions idle for eight hours', () => {
    expect(accessSweepCutoffs(TEST_NOW)).toEqual({ expiredBefore: TEST_NOW, idleSince: at(-8 * HOUR) });
  });
});

describe.each(databaseKinds)('housekeeping of sessions and links on $name', ({ open }) => {
  let database: TestDatabase;
  let org: string;
  let n = 0;
  const account = async () => {
    const email = `huis-${++n}@example.org`;
    const id = await createAccount(database.db, { organiserId: org, email, name: 'Fictieve Opruimer', password: PW, role: 'redacteur' }, at(-30 * DAY));
    return { id, email };
  };
  const invite = async (email: string, now: Date) => {
    const r = await inviteAccount(database.db, { organiserId: org, email, role: 'redacteur', invitedBy: null }, { now, baseUrl: BASE });
    if (r.kind !== 'invited') throw new Error('not invited');
    return tokenOf(r.url);
  };

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('removes ended sessions and lapsed invitation and reset links, and leaves everything that still works', async () => {
    const now = at(HOUR);
    const a = await account();
    const active = await createSession(database.db, a.id, TEST_NOW); // seen an hour ago
    await createSession(database.db, a.id, at(-10 * HOUR)); // idle for eleven hours
    await createSession(database.db, a.id, at(-8 * DAY)); // past its absolute end

    const openInvitation = await invite('nieuw@example.org', TEST_NOW);
    await invite('nooit@example.org', at(-8 * DAY)); // lapsed, never answered
    const answered = await invite('ja@example.org', at(-8 * DAY)); // answered, then lapsed
    expect((await acceptInvitation(database.db, answered, { name: 'Fictieve Ja', password: PW, repeat: PW }, at(-7.5 * DAY))).kind).toBe('accepted');

    const b = await account();
    const c = await account();
    const openReset = tokenOf((await requestPasswordReset(database.db, b.email, { now: at(HOUR / 2), baseUrl: BASE }))!);
    await requestPasswordReset(database.db, c.email, { now: at(-2 * HOUR), baseUrl: BASE }); // an hour past its end

    const sessionsBefore = (await database.db.select().from(accountSessions)).length;
    // The idle, the ended, and the session made on accepting the invitation a week ago.
    expect(await sweepExpiredAccess(database.db, now)).toEqual({ sessions: 3, invitations: 2, passwordResets: 1 });
    expect((await database.db.select().from(accountSessions)).length).toBe(sessionsBefore - 3);
    expect(await authenticateSession(database.db, active.token, now)).not.toBeNull();
    expect(await getInvitation(database.db, openInvitation, now)).not.toBeNull();
    expect((await database.db.select().from(accountInvitations)).map((i) => i.email)).toEqual(['nieuw@example.org']);
    expect(await getPasswordReset(database.db, openReset, now)).not.toBeNull();
    expect((await database.db.select().from(passwordResets)).length).toBe(1);

    // Nothing more to do the second time.
    expect(await sweepExpiredAccess(database.db, now)).toEqual({ sessions: 0, invitations: 0, passwordResets: 0 });
  });

  it('runs by itself when the app starts, and logs what it removed', async () => {
    const a = await account();
    const ended = await createSession(database.db, a.id, at(-9 * DAY));
    const logged: unknown[] = [];
    const logger = { info: (o: unknown) => void logged.push(o), error: () => {} };
    const housekeeping = startHousekeeping({ db: database.db, logger, clock: () => TEST_NOW });
    try {
      await expect.poll(() => logged, { timeout: 5_000 }).toContainEqual({ sessions: 1, invitations: 0, passwordResets: 0, files: 0 });
      expect((await database.db.select().from(accountSessions)).map((s) => s.id)).not.toContain(ended.sessionId);
    } finally {
      await housekeeping.stop();
    }
  });
});
