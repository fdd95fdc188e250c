import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../../test/db';
import { TEST_NOW } from '../../../test/app';
import { mailOutbox } from '../mail/table';
import { ensureOrganiser } from '../organisers/service';
import { PASSWORD_RESET_MS } from './rules';
import { authenticateSession, changePassword, createAccount, getPasswordReset, login, requestPasswordReset, resetPassword } from './service';

const BASE = 'http://bijeen.test';
const PW = 'paars paard op de dijk';
const NEW = 'groene kikker in de sloot';
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);
const tokenOf = (url: string) => url.split('/').pop()!;

describe.each(databaseKinds)('password reset on $name', ({ open }) => {
  let database: TestDatabase;
  let accountId: string;
  let n = 0;
  /** A fresh account per test, so tests do not share links or sessions. */
  const account = async () => {
    const email = `vergeten-${++n}@example.org`;
    accountId = await createAccount(database.db, { organiserId: org, email, name: 'Fictieve Vergeter', password: PW, role: 'redacteur' }, TEST_NOW);
    return email;
  };
  let org: string;

  beforeAll(async () => {
    database = await open();
    org = (await ensureOrganiser(database.db, 'kennisinstituut', 'Kennisinstituut')).id;
  });
  afterAll(() => database?.close());

  it('mails a one-time link to an account’s address, and nothing for an unknown or invalid address', async () => {
    const email = await account();
    const url = await requestPasswordReset(database.db, ` ${email.toUpperCase()} `, { now: TEST_NOW, baseUrl: BASE });
    expect(url).toMatch(/^http:\/\/bijeen\.test\/beheer\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/);
    const mails = await database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.kind, 'password_reset')));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.textBody).toContain(url!);
    expect(mails[0]!.subject).toBe('Een nieuw wachtwoord voor bijeen');

    expect(await requestPasswordReset(database.db, 'niemand@example.org', { now: TEST_NOW, baseUrl: BASE })).toBeNull();
    expect(await requestPasswordReset(database.db, 'geen adres', { now: TEST_NOW, baseUrl: BASE })).toBeNull();
    expect(await database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'niemand@example.org'))).toHaveLength(0);
  });

  it('sets the new password once, ends every session of the account and starts a new one', async () => {
    const email = await account();
    const before = await login(database.db, email, PW, TEST_NOW);
    expect(before.kind).toBe('ok');
    const token = tokenOf((await requestPasswordReset(database.db, email, { now: TEST_NOW, baseUrl: BASE }))!);
    expect(await getPasswordReset(database.db, token, at(1000))).toEqual({ email, name: 'Fictieve Vergeter' });

    const r = await resetPassword(database.db, token, { password: NEW, repeat: NEW }, at(2000));
    expect(r.kind).toBe('reset');
    if (r.kind !== 'reset' || before.kind !== 'ok') return;
    expect(await authenticateSession(database.db, before.token, at(3000))).toBeNull();
    expect(await authenticateSession(database.db, r.token, at(3000))).toMatchObject({ id: accountId, email });
    expect((await login(database.db, email, PW, at(4000))).kind).toBe('failed');
    expect((await login(database.db, email, NEW, at(4000))).kind).toBe('ok');

    // Used: the same link works no more.
    expect(await getPasswordReset(database.db, token, at(5000))).toBeNull();
    expect(await resetPassword(database.db, token, { password: PW, repeat: PW }, at(5000))).toEqual({ kind: 'gone' });
  });

  it('refuses a weak or unrepeated password with the field, and keeps the link usable', async () => {
    const email = await account();
    const token = tokenOf((await requestPasswordReset(database.db, email, { now: TEST_NOW, baseUrl: BASE }))!);
    expect(await resetPassword(database.db, token, { password: 'kort', repeat: 'kort' }, at(1000))).toMatchObject({ kind: 'invalid', problems: [{ path: 'password' }] });
    expect(await resetPassword(database.db, token, { password: NEW, repeat: NEW + '!' }, at(1000))).toMatchObject({ kind: 'invalid', problems: [{ path: 'repeat' }] });
    expect(await resetPassword(database.db, token, { password: email, repeat: email }, at(1000))).toMatchObject({ kind: 'invalid', problems: [{ path: 'password' }] });
    expect(await getPasswordReset(database.db, token, at(1000))).not.toBeNull();
  });

  it('lets a link lapse after an hour; a newer link or a password changed on the account page ends it', async () => {
    const email = await account();
    const first = tokenOf((await requestPasswordReset(database.db, email, { now: TEST_NOW, baseUrl: BASE }))!);
    expect(await getPasswordReset(database.db, first, at(PASSWORD_RESET_MS - 1000))).not.toBeNull();
    expect(await getPasswordReset(database.db, first, at(PASSWORD_RESET_MS))).toBeNull();
    expect(await resetPassword(database.db, first, { password: NEW, repeat: NEW }, at(PASSWORD_RESET_MS))).toEqual({ kind: 'gone' });

    const second = tokenOf((await requestPasswordReset(database.db, email, { now: at(1000), baseUrl: BASE }))!);
    const third = tokenOf((await requestPasswordReset(database.db, email, { now: at(2000), baseUrl: BASE }))!);
    expect(await getPasswordReset(database.db, second, at(3000))).toBeNull();
    expect(await getPasswordReset(database.db, third, at(3000))).not.toBeNull();

    const session = await login(database.db, email, PW, at(3000));
    if (session.kind !== 'ok') throw new Error('login failed');
    await changePassword(database.db, { id: accountId, email, sessionId: session.account.sessionId }, { current: PW, password: NEW, repeat: NEW }, at(4000));
    expect(await getPasswordReset(database.db, third, at(5000))).toBeNull();
  });

  it('gives a link used twice at once to one of the two', async () => {
    const email = await account();
    const token = tokenOf((await requestPasswordReset(database.db, email, { now: TEST_NOW, baseUrl: BASE }))!);
    const results = await Promise.all([
      resetPassword(database.db, token, { password: NEW, repeat: NEW }, at(1000)),
      resetPassword(database.db, token, { password: 'nog een ander wachtwoord', repeat: 'nog een ander wachtwoord' }, at(1000)),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(['gone', 'reset']);
  });
});
