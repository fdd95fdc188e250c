import { describe, expect, it } from 'vitest';
import { ACCOUNT_ROLES } from './table';
import { may, needsTouch, normaliseEmail, passwordProblem, PERMISSIONS, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionState, teamChangeProblem, type Permission } from './rules';

const t0 = new Date('2026-11-22T09:00:00Z');
const plus = (ms: number) => new Date(t0.getTime() + ms);

describe('roles', () => {
  const table: [(typeof ACCOUNT_ROLES)[number], Permission, boolean][] = [
    ['beheerder', 'events.view', true],
    ['beheerder', 'events.edit', true],
    ['beheerder', 'registrations.view', true],
    ['beheerder', 'team.manage', true],
    ['beheerder', 'tokens.manage', true],
    ['redacteur', 'events.view', true],
    ['redacteur', 'events.edit', true],
    ['redacteur', 'registrations.view', true],
    ['redacteur', 'team.manage', false],
    ['redacteur', 'tokens.manage', false],
    ['balie', 'events.view', true],
    ['balie', 'events.edit', false],
    ['balie', 'registrations.view', false],
    ['balie', 'team.manage', false],
    ['balie', 'tokens.manage', false],
  ];
  it('covers every role and permission', () => expect(table).toHaveLength(ACCOUNT_ROLES.length * PERMISSIONS.length));
  it.each(table)('%s may %s: %s', (role, permission, allowed) => expect(may(role, permission)).toBe(allowed));
});

describe('sessions', () => {
  const session = (lastSeen: number, created = 0) => ({ lastSeenAt: plus(lastSeen), expiresAt: plus(created + SESSION_ABSOLUTE_MS) });
  it.each([
    ['just started', session(0), plus(1000), 'active'],
    ['used an hour ago', session(0), plus(60 * 60 * 1000), 'active'],
    ['unused for the idle time', session(0), plus(SESSION_IDLE_MS), 'idle'],
    ['used just now but past its absolute end', session(SESSION_ABSOLUTE_MS - 1000), plus(SESSION_ABSOLUTE_MS), 'expired'],
  ] as const)('a session %s is %s', (_what, s, now, state) => expect(sessionState(s, now)).toBe(state));

  it.each([
    [0, false],
    [59_999, false],
    [60_000, true],
  ])('after %i ms the last use is written again: %s', (ms, touch) => expect(needsTouch(t0, plus(ms))).toBe(touch));
});

describe('addresses and passwords', () => {
  it('compares addresses without case or surrounding space', () => expect(normaliseEmail('  Anna@Example.ORG ')).toBe('anna@example.org'));
  it.each([
    ['', 'Kies een wachtwoord.'],
    ['kort', 'minstens 12 tekens'],
    ['aaaaaaaaaaaaaaa', 'niet uit één teken'],
    ['anna@example.org', 'niet uw e-mailadres'],
    ['x'.repeat(201), 'hoogstens 200'],
    ['paars paard op de dijk', null],
  ])('password %j: %s', (pw, problem) => {
    const p = passwordProblem(pw, 'Anna@example.org');
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});

describe('team changes', () => {
  const team = [
    { id: 'a', role: 'beheerder' as const },
    { id: 'b', role: 'redacteur' as const },
    { id: 'c', role: 'balie' as const },
  ];
  it.each([
    ['a gives b the balie role', team, 'b', 'balie', null],
    ['a makes c a beheerder', team, 'c', 'beheerder', null],
    ['a removes b', team, 'b', null, null],
    ['a changes their own role', team, 'a', 'redacteur', 'eigen rol'],
    ['a removes themselves', team, 'a', null, 'eigen account'],
    ['a changes someone of another team', team, 'z', 'balie', 'bestaat niet'],
    ['a demotes the only other beheerder… of a team where a is not one', [{ id: 'a', role: 'redacteur' as const }, { id: 'b', role: 'beheerder' as const }], 'b', 'balie', 'minstens één beheerder'],
    ['a demotes one of two beheerders', [{ id: 'a', role: 'beheerder' as const }, { id: 'b', role: 'beheerder' as const }], 'b', 'balie', null],
  ] as const)('%s', (_what, members, target, role, problem) => {
    const p = teamChangeProblem([...members], 'a', target, role);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toContain(problem);
  });
});
