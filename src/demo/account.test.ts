import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds, type TestDatabase } from '../../test/db';
import { TEST_NOW } from '../../test/app';
import { countAccounts, createSetupInvitation, login } from '../domain/accounts/service';
import { DEMO_ACCOUNT, ensureDemoAccount, loadDemoIfEmpty, removeDemoAccount } from './load';

describe.each(databaseKinds)('the demo account on $name', ({ open }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database?.close());

  it('exists in demo mode with the documented password, as a beheerder of Platform31, and no set-up link is made', async () => {
    expect(await ensureDemoAccount(database.db, TEST_NOW, { demoJustLoaded: false })).toBe(false); // no demo organiser yet
    const loaded = await loadDemoIfEmpty(database.db, TEST_NOW);
    expect(await ensureDemoAccount(database.db, TEST_NOW, { demoJustLoaded: loaded > 0 })).toBe(true);
    expect(await ensureDemoAccount(database.db, TEST_NOW, { demoJustLoaded: false })).toBe(false);
    const r = await login(database.db, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, TEST_NOW);
    expect(r).toMatchObject({ kind: 'ok', account: { role: 'beheerder', organiserSlug: 'platform31' } });
    expect(await createSetupInvitation(database.db, { now: TEST_NOW, baseUrl: 'http://bijeen.test' })).toBeNull();
  });

  it('is removed outside demo mode, and then the first run gets a set-up link', async () => {
    expect(await removeDemoAccount(database.db)).toBe(true);
    expect((await login(database.db, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password, TEST_NOW)).kind).toBe('failed');
    expect(await countAccounts(database.db)).toBe(0);
    expect(await createSetupInvitation(database.db, { now: TEST_NOW, baseUrl: 'http://bijeen.test' })).toMatch(/^http:\/\/bijeen\.test\/beheer\/uitnodiging\//);
  });
});
