import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { eventDocument } from '../../../test/factories';
import { TEST_NOW } from '../../../test/app';
import { createEvent } from '../events/service';
import { mailOutbox } from '../mail/table';
import { ensureOrganiser } from '../organisers/service';
import { register } from '../registration/service';
import { getOrganiserEvent, listOrganiserEvents } from './overview';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './rules';
import {
  acceptInvitation,
  authenticateSession,
  changePassword,
  changeRole,
  countSessions,
  createAccount,
  createSetupInvitation,
  endAllSessions,
  endSession,
  getInvitation,
  inviteAccount,
  listTeam,
  login,
  removeAccount,
  revokeInvitation,
} from './service';
import { accounts } from './table';
import { TEST_ACTOR } from '../../../test/actors';

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);
const tokenOf = (url: string) => url.split('/').pop()!;

describe.each(databaseKinds)('accounts on $name', ({ open }) => {
  let database: TestDatabase;
  let org: string;
  let other: string;
  let adminId: string;

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
    other = (await ensureOrganiser(database.db, 'andere-organisator', 'Andere organisator')).id;
    adminId = await createAccount(database.db, { organiserId: org, email: 'Beheer@Example.org', name: 'Fictieve Beheerder', password: PW, role: 'beheerder' }, TEST_NOW);
  });
  afterAll(() => database?.close());

  it('stores the password as an argon2id hash, never as typed', async () => {
    const [row] = await database.db.select().from(accounts).where(eq(accounts.id, adminId));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row!.passwordHash).not.toContain(PW);
    expect(row!.email).toBe('beheer@example.org');
  });

  it('logs in with the address in any case, and the session cookie token finds the account', async () => {
    const r = await login(database.db, ' BEHEER@example.org', PW, TEST_NOW);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await authenticateSession(database.db, r.token, at(1000));
    expect(me).toMatchObject({ id: adminId, role: 'beheerder', organiserSlug: 'kennisinstituut', name: 'Fictieve Beheerder' });
  });

  it.each([
    ['a wrong password', 'beheer@example.org', 'verkeerd wachtwoord'],
    ['an unknown address', 'niemand@example.org', PW],
    ['an empty address', '', PW],
  ])('refuses %s with the same answer', async (_what, email, password) => {
    expect(await login(database.db, email, password, TEST_NOW)).toEqual({ kind: 'failed' });
  });

  it('takes about as long for an unknown address as for a wrong password (no account probing by timing)', async () => {
    await login(database.db, 'niemand@example.org', 'x', TEST_NOW); // the dummy hash is made once
    const time = async (email: string) => {
      const t = performance.now();
      for (let i = 0; i < 3; i++) await login(database.db, email, 'verkeerd wachtwoord', TEST_NOW);
      return performance.now() - t;
    };
    const known = await time('beheer@example.org');
    const unknown = await time('niemand@example.org');
    expect(unknown).toBeGreaterThan(known * 0.4);
  });

  it('ends a session after the idle time, and after its absolute end however active it was', async () => {
    const idle = await login(database.db, 'beheer@example.org', PW, TEST_NOW);
    if (idle.kind !== 'ok') throw new Error('login');
    expect(await authenticateSession(database.db, idle.token, at(SESSION_IDLE_MS - 1000))).not.toBeNull();
    expect(await authenticateSession(database.db, idle.token, at(2 * SESSION_IDLE_MS))).toBeNull();

    const busy = await login(database.db, 'beheer@example.org', PW, TEST_NOW);
    if (busy.kind !== 'ok') throw new Error('login');
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) expect(await authenticateSession(database.db, busy.token, at(t))).not.toBeNull();
    expect(await authenticateSession(database.db, busy.token, at(SESSION_ABSOLUTE_MS))).toBeNull();
    // Ended, not only refused: the row is gone.
    expect(await authenticateSession(database.db, busy.token, at(1000))).toBeNull();
  });

  it('logs out one session, or every session of the account', async () => {
    const tokens = [];
    for (let i = 0; i < 3; i++) {
      const r = await login(database.db, 'beheer@example.org', PW, TEST_NOW);
      if (r.kind !== 'ok') throw new Error('login');
      tokens.push(r.token);
    }
    await endSession(database.db, tokens[0]);
    expect(await authenticateSession(database.db, tokens[0], TEST_NOW)).toBeNull();
    expect(await authenticateSession(database.db, tokens[1], TEST_NOW)).not.toBeNull();
    expect(await endAllSessions(database.db, adminId)).toBeGreaterThanOrEqual(2);
    expect(await authenticateSession(database.db, tokens[1], TEST_NOW)).toBeNull();
    expect(await authenticateSession(database.db, tokens[2], TEST_NOW)).toBeNull();
    expect(await countSessions(database.db, adminId)).toBe(0);
  });

  it('invites a colleague by mail; the link makes the account once and logs them in', async () => {
    const invited = await inviteAccount(
      database.db,
      { organiserId: org, email: 'Redacteur@example.org', role: 'redacteur', invitedBy: { id: adminId, name: 'Fictieve Beheerder' } },
      { now: TEST_NOW, baseUrl: BASE },
    );
    expect(invited.kind).toBe('invited');
    if (invited.kind !== 'invited') return;
    expect(invited.url).toMatch(/^http:\/\/bijeen\.test\/beheer\/uitnodiging\/[A-Za-z0-9_-]{43}$/);
    const [mail] = await database.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, `invite:${invited.invitationId}`));
    expect(mail).toMatchObject({ kind: 'invite', toAddress: 'redacteur@example.org', subject: 'Uitnodiging voor het beheer van Kennisinstituut in bijeen' });
    expect(mail!.textBody).toContain(invited.url);
    expect(mail!.textBody).toContain('Fictieve Beheerder nodigt u uit');

    const token = tokenOf(invited.url);
    expect(await getInvitation(database.db, token, TEST_NOW)).toMatchObject({ organiserName: 'Kennisinstituut', email: 'redacteur@example.org', role: 'redacteur' });
    expect(await acceptInvitation(database.db, token, { name: '', password: 'kort', repeat: 'kort' }, TEST_NOW)).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'name' }, { path: 'password' }],
    });
    const accepted = await acceptInvitation(database.db, token, { name: 'Fictieve Redacteur', password: PW, repeat: PW }, TEST_NOW);
    expect(accepted.kind).toBe('accepted');
    if (accepted.kind !== 'accepted') return;
    expect(await authenticateSession(database.db, accepted.token, TEST_NOW)).toMatchObject({ role: 'redacteur', organiserId: org, email: 'redacteur@example.org' });
    expect(await acceptInvitation(database.db, token, { name: 'Nog eens', password: PW, repeat: PW }, TEST_NOW)).toEqual({ kind: 'gone' });
    expect((await login(database.db, 'redacteur@example.org', PW, TEST_NOW)).kind).toBe('ok');
  });

  it('refuses to invite an address that already has an account, here or elsewhere', async () => {
    const here = await inviteAccount(database.db, { organiserId: org, email: 'beheer@example.org', role: 'balie', invitedBy: null }, { now: TEST_NOW, baseUrl: BASE });
    expect(here).toMatchObject({ kind: 'invalid', problems: [{ path: 'email', message: expect.stringContaining('al een account in uw team') }] });
    const there = await inviteAccount(database.db, { organiserId: other, email: 'beheer@example.org', role: 'balie', invitedBy: null }, { now: TEST_NOW, baseUrl: BASE });
    expect(there).toMatchObject({ kind: 'invalid', problems: [{ path: 'email', message: expect.stringContaining('andere organisator') }] });
    expect(await inviteAccount(database.db, { organiserId: org, email: 'geen adres', role: 'balie', invitedBy: null }, { now: TEST_NOW, baseUrl: BASE })).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'email' }],
    });
  });

  it('lets an invitation lapse after a week, and a new one or a withdrawal ends the old link', async () => {
    const first = await inviteAccount(database.db, { organiserId: org, email: 'balie@example.org', role: 'balie', invitedBy: null }, { now: TEST_NOW, baseUrl: BASE });
    const second = await inviteAccount(database.db, { organiserId: org, email: 'balie@example.org', role: 'balie', invitedBy: null }, { now: TEST_NOW, baseUrl: BASE });
    if (first.kind !== 'invited' || second.kind !== 'invited') throw new Error('invite');
    expect(await getInvitation(database.db, tokenOf(first.url), TEST_NOW)).toBeNull();
    expect(await getInvitation(database.db, tokenOf(second.url), at(6 * 24 * 3600_000))).not.toBeNull();
    expect(await getInvitation(database.db, tokenOf(second.url), at(7 * 24 * 3600_000))).toBeNull();
    expect((await listTeam(database.db, org, TEST_NOW)).invitations.map((i) => i.email)).toEqual(['balie@example.org']);
    expect(await revokeInvitation(database.db, { organiserId: other }, second.invitationId)).toBe(false);
    expect(await revokeInvitation(database.db, { organiserId: org }, second.invitationId)).toBe(true);
    expect(await getInvitation(database.db, tokenOf(second.url), TEST_NOW)).toBeNull();
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const a = await login(database.db, 'redacteur@example.org', PW, TEST_NOW);
    const b = await login(database.db, 'redacteur@example.org', PW, TEST_NOW);
    if (a.kind !== 'ok' || b.kind !== 'ok') throw new Error('login');
    expect(await changePassword(database.db, a.account, { current: 'fout', password: 'een nieuw lang wachtwoord', repeat: 'een nieuw lang wachtwoord' }, TEST_NOW)).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'current' }],
    });
    expect(await changePassword(database.db, a.account, { current: PW, password: 'een nieuw lang wachtwoord', repeat: 'anders' }, TEST_NOW)).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'repeat' }],
    });
    expect(await changePassword(database.db, a.account, { current: PW, password: 'een nieuw lang wachtwoord', repeat: 'een nieuw lang wachtwoord' }, TEST_NOW)).toMatchObject({ kind: 'changed' });
    expect(await authenticateSession(database.db, a.token, TEST_NOW)).not.toBeNull();
    expect(await authenticateSession(database.db, b.token, TEST_NOW)).toBeNull();
    expect((await login(database.db, 'redacteur@example.org', PW, TEST_NOW)).kind).toBe('failed');
    expect((await login(database.db, 'redacteur@example.org', 'een nieuw lang wachtwoord', TEST_NOW)).kind).toBe('ok');
  });

  it('changes roles and removes accounts within the team only, keeping a beheerder', async () => {
    const team = await listTeam(database.db, org, TEST_NOW);
    const redacteur = team.accounts.find((a) => a.email === 'redacteur@example.org')!;
    const actor = { id: adminId, organiserId: org };
    expect(await changeRole(database.db, actor, redacteur.id, 'balie')).toEqual({ kind: 'changed' });
    expect(await changeRole(database.db, actor, adminId, 'balie')).toMatchObject({ kind: 'refused' });
    // A beheerder of another organiser cannot touch this team.
    const otherAdmin = await createAccount(database.db, { organiserId: other, email: 'ander@example.org', name: 'Ander', password: PW, role: 'beheerder' }, TEST_NOW);
    expect(await removeAccount(database.db, { id: otherAdmin, organiserId: other }, redacteur.id)).toMatchObject({ kind: 'refused' });
    const session = await login(database.db, 'redacteur@example.org', 'een nieuw lang wachtwoord', TEST_NOW);
    if (session.kind !== 'ok') throw new Error('login');
    expect(session.account.role).toBe('balie');
    expect(await removeAccount(database.db, actor, redacteur.id)).toEqual({ kind: 'changed' });
    expect(await authenticateSession(database.db, session.token, TEST_NOW)).toBeNull();
    expect((await listTeam(database.db, org, TEST_NOW)).accounts.map((a) => a.email)).toEqual(['beheer@example.org']);
  });

  it('shows an organiser its own and co-organised events with their counts, and never another organiser’s', async () => {
    await createEvent(database.db, eventDocument({ slug: 'eigen-dag' }), { actor: TEST_ACTOR, actingOrganiserId: org });
    await createEvent(
      database.db,
      eventDocument({
        slug: 'samen-dag',
        organisers: [
          { slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' },
          { slug: 'kennisinstituut', name: 'Kennisinstituut', role: 'co_organiser' },
        ],
      }),
      { actor: TEST_ACTOR, actingOrganiserId: other },
    );
    await createEvent(database.db, eventDocument({ slug: 'andere-dag', organisers: [{ slug: 'andere-organisator', name: 'Andere organisator', role: 'organiser' }] }), {
      actor: TEST_ACTOR, actingOrganiserId: other,
    });
    const r = await register(database.db, 'eigen-dag', { name: 'Fictieve Deelnemer', email: 'deelnemer@example.org', choices: { 'ronde-1': 'geld', 'ronde-2': 'corporaties' }, consents: { privacy: true } }, { now: TEST_NOW, baseUrl: BASE });
    expect(r.kind).toBe('registered');

    const mine = await listOrganiserEvents(database.db, org);
    expect(mine.map((e) => [e.slug, e.organiserRole]).sort()).toEqual([
      ['eigen-dag', 'organiser'],
      ['samen-dag', 'co_organiser'],
    ]);
    expect(mine.find((e) => e.slug === 'eigen-dag')!.counts).toMatchObject({ confirmed: 1, waitlisted: 0 });
    expect(await getOrganiserEvent(database.db, org, 'andere-dag')).toBeNull();
    expect((await listOrganiserEvents(database.db, other)).map((e) => e.slug).sort()).toEqual(['andere-dag', 'samen-dag']);
  });
});

describe.each(databaseKinds)('the set-up link on $name', ({ open }) => {
  it('exists only while there is no account; it names the organiser and makes its first beheerder', async () => {
    const database = await open();
    try {
      const older = await createSetupInvitation(database.db, { now: TEST_NOW, baseUrl: BASE });
      const url = await createSetupInvitation(database.db, { now: TEST_NOW, baseUrl: BASE });
      expect(await getInvitation(database.db, tokenOf(older!), TEST_NOW)).toBeNull();
      const token = tokenOf(url!);
      expect(await getInvitation(database.db, token, TEST_NOW)).toMatchObject({ organiserName: null, email: null, role: 'beheerder' });
      expect(await acceptInvitation(database.db, token, { name: 'Eerste', email: 'x', organisation: '', password: PW, repeat: PW }, TEST_NOW)).toMatchObject({
        kind: 'invalid',
        problems: [{ path: 'email' }, { path: 'organisation' }],
      });
      const r = await acceptInvitation(database.db, token, { name: 'Eerste Beheerder', email: 'eerste@example.org', organisation: 'Mijn Instituut', password: PW, repeat: PW }, TEST_NOW);
      if (r.kind !== 'accepted') throw new Error(r.kind);
      expect(await authenticateSession(database.db, r.token, TEST_NOW)).toMatchObject({ role: 'beheerder', organiserSlug: 'mijn-instituut', organiserName: 'Mijn Instituut' });
      expect(await createSetupInvitation(database.db, { now: TEST_NOW, baseUrl: BASE })).toBeNull();
    } finally {
      await database.close();
    }
  });
});
