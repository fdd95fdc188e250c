
/*
 * Accounts and access, pure: who may do what, when a session ends, what a password and an
 * address must be, and which team changes would lock an organiser out. No I/O.
 */

/** beheerder: everything, team and API tokens · redacteur: events and registrations · balie: check-in. */
export const ACCOUNT_ROLES = ['beheerder', 'redacteur', 'balie'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** What the back office asks before it shows a page or takes an action. */
export const PERMISSIONS = ['events.view', 'events.edit', 'registrations.view', 'team.manage', 'tokens.manage'] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<AccountRole, readonly Permission[]> = {
  beheerder: PERMISSIONS,
  redacteur: ['events.view', 'events.edit', 'registrations.view'],
  balie: ['events.view'],
};

export function may(role: AccountRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

export const ROLE_LABELS: Record<AccountRole, string> = {
  beheerder: 'Beheerder',
  redacteur: 'Redacteur',
  balie: 'Balie',
};

export const ROLE_DESCRIPTIONS: Record<AccountRole, string> = {
  beheerder: 'alles, ook het team en de API-tokens',
  redacteur: 'evenementen en aanmeldingen',
  balie: 'alleen inchecken',
};

/** A session ends after this long without a request … */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** … and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** last_seen_at is written at most this often (not on every request). */
export const SESSION_TOUCH_MS = 60 * 1000;
/** An invitation link works this long, once. */
export const INVITATION_MS = 7 * 24 * 60 * 60 * 1000;
/** A password-reset link works this long, once: short, since the mailbox may be read by others. */
export const PASSWORD_RESET_MS = 60 * 60 * 1000;

export type SessionState = 'active' | 'idle' | 'expired';

export function sessionState(s: { lastSeenAt: Date; expiresAt: Date }, now: Date): SessionState {
  if (now.getTime() >= s.expiresAt.getTime()) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'idle';
  return 'active';
}

/**
 * What housekeeping may forget at `now`: sessions that ended (absolutely, or idle), and
 * invitation and reset links past their end, used or not. None of them can be used any
 * more, and an invitation keeps an address of someone who may never have said yes.
 */
export function accessSweepCutoffs(now: Date): { expiredBefore: Date; idleSince: Date } {
  return { expiredBefore: now, idleSince: new Date(now.getTime() - SESSION_IDLE_MS) };
}

export function needsTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Why a new password is refused, in Dutch; null when it is fine. Length over rules (NCSC, NIST 800-63B). */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length === 0) return 'Kies een wachtwoord.';
  if ([...password].length < PASSWORD_MIN) return `Kies een wachtwoord van minstens ${PASSWORD_MIN} tekens. Een zin van een paar woorden is sterk en goed te onthouden.`;
  if (password.length > PASSWORD_MAX) return `Kies een wachtwoord van hoogstens ${PASSWORD_MAX} tekens.`;
  if (email && password.trim().toLowerCase() === normaliseEmail(email)) return 'Kies een wachtwoord dat niet uw e-mailadres is.';
  if (/^(.)\1+$/.test(password)) return 'Kies een wachtwoord dat niet uit één teken bestaat.';
  return null;
}

export interface TeamMember {
  id: string;
  role: AccountRole;
}

/**
 * Why a beheerder may not give `targetId` this role (or remove them: `role` null); null
 * when it is fine. Nobody changes or removes themselves here (that is what the account
 * page is for), and an organiser always keeps at least one beheerder.
 */
export function teamChangeProblem(team: TeamMember[], actorId: string, targetId: string, role: AccountRole | null): string | null {
  const target = team.find((m) => m.id === targetId);
  if (!target) return 'Dit account bestaat niet (meer) in uw team.';
  if (targetId === actorId)
    return role === null ? 'U kunt uw eigen account hier niet verwijderen.' : 'U kunt uw eigen rol niet wijzigen; vraag dat een andere beheerder.';
  if (target.role === 'beheerder' && role !== 'beheerder' && team.filter((m) => m.role === 'beheerder').length <= 1)
    return 'Er moet minstens één beheerder overblijven.';
  return null;
}
