import type { Actor } from '../src/domain/audit/service';

/** Who acts in tests that are not about the audit log: no account, a recognisable name. */
export const TEST_ACTOR: Actor = { accountId: null, name: 'test' };
