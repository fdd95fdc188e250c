import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import type { FieldProblem } from '../../kernel/errors';
import { slugify } from '../../kernel/text';
import { queueMail } from '../mail/service';
import { organisers } from '../organisers/table';
import {
  accessSweepCutoffs,
  INVITATION_MS,
  needsTouch,
  PASSWORD_RESET_MS,
  normaliseEmail,
  passwordProblem,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  SESSION_ABSOLUTE_MS,
  sessionState,
  teamChangeProblem,
} from './rules';
import { accountInvitations, accounts, accountSessions, passwordResets, type AccountRole } from './table';

/*
 * Accounts, invitations and sessions: the use cases. Passwords are hashed with argon2id
 * outside any transaction (it takes ~50 ms of CPU, and PGlite has one connection).
 * Tokens (sessions, invitations) are 32 random bytes; only their SHA-256 is stored.
 */

/** Who is logged in: what the back office needs on every request. */
export interface SessionAccount {
  id: string;
  sessionId: string;
  email: string;
  name: string;
  role: AccountRole;
  organiserId: string;
  organiserSlug: string;
  organiserName: string;
}

// argon2id with the OWASP parameters (19 MiB, 2 passes, 1 lane): ~50 ms per hash.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Compared against when there is no account, so a miss costs as long as a wrong password. */
let dummyHash: Promise<string> | undefined;

const newToken = () => randomBytes(32).toString('base64url');
const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const looksLikeToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

const Email = z.email('Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl.').max(254, 'Dit e-mailadres is te lang.');
const Name = z.string().trim().min(1, 'Vul uw naam in.').max(200, 'Gebruik hoogstens 200 tekens.');

/** Why an address is not one, in Dutch; null when it is fine. */
export function emailProblem(email: string): string | null {
  const r = Email.safeParse(email);
  return r.success ? null : r.error.issues[0]!.message;
}

// ---------------------------------------------------------------------------------------
// Sessions

const accountColumns = {
  id: accounts.id,
  email: accounts.email,
  name: accounts.name,
  role: accounts.role,
  organiserId: accounts.organiserId,
  organiserSlug: organisers.slug,
  organiserName: organisers.name,
};

/** Start a session for an account; returns the token for the cookie (shown nowhere else). */
export async function createSession(db: Db, accountId: string, now: Date): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const [row] = await db
    .insert(accountSessions)
    .values({ accountId, tokenHash: hashToken(token), createdAt: now, lastSeenAt: now, expiresAt })
    .returning({ id: accountSessions.id });
  return { token, expiresAt, sessionId: row!.id };
}

/** The account behind a session cookie, or null when it is unknown, idle too long or expired (then it is ended). */
export async function authenticateSession(db: Db, token: string | undefined, now: Date): Promise<SessionAccount | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ ...accountColumns, sessionId: accountSessions.id, lastSeenAt: accountSessions.lastSeenAt, expiresAt: accountSessions.expiresAt })
    .from(accountSessions)
    .innerJoin(accounts, eq(accounts.id, accountSessions.accountId))
    .innerJoin(organisers, eq(organisers.id, accounts.organiserId))
    .where(eq(accountSessions.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return null;
  if (sessionState(row, now) !== 'active') {
    await db.delete(accountSessions).where(eq(accountSessions.id, row.sessionId));
    return null;
  }
  if (needsTouch(row.lastSeenAt, now)) await db.update(accountSessions).set({ lastSeenAt: now }).where(eq(accountSessions.id, row.sessionId));
  const { lastSeenAt: _l, expiresAt: _e, ...account } = row;
  return account;
}

/** Log out: end this one session. */
export async function endSession(db: Db, token: string | undefined): Promise<void> {
  if (!looksLikeToken(token)) return;
  await db.delete(accountSessions).where(eq(accountSessions.tokenHash, hashToken(token)));
}

/** Log out everywhere: end every session of the account. Returns how many ended. */
export async function endAllSessions(db: Db, accountId: string): Promise<number> {
  return (await db.delete(accountSessions).where(eq(accountSessions.accountId, accountId)).returning({ id: accountSessions.id })).length;
}

export async function countSessions(db: Db, accountId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(accountSessions).where(eq(accountSessions.accountId, accountId));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------------------------------
// Logging in

export type LoginResult = { kind: 'ok'; token: string; expiresAt: Date; account: SessionAccount } | { kind: 'failed' };

/**
 * Log in with e-mail and password. One answer for an unknown address and a wrong password,
 * and as slow: a missing account is checked against a dummy hash.
 */
export async function login(db: Db, email: string, password: string, now: Date): Promise<LoginResult> {
  const address = normaliseEmail(email);
  const [row] =
    address && address.length <= 254
      ? await db
          .select({ ...accountColumns, passwordHash: accounts.passwordHash })
          .from(accounts)
          .innerJoin(organisers, eq(organisers.id, accounts.organiserId))
          .where(eq(accounts.email, address))
          .limit(1)
      : [];
  const pw = password.slice(0, 1024);
  if (!row) {
    await passwordMatches(await (dummyHash ??= hashPassword(newToken())), pw);
    return { kind: 'failed' };
  }
  if (!(await passwordMatches(row.passwordHash, pw))) return { kind: 'failed' };
  const { passwordHash: _h, ...account } = row;
  const { token, expiresAt, sessionId } = await createSession(db, account.id, now);
  return { kind: 'ok', token, expiresAt, account: { ...account, sessionId } };
}

// ---------------------------------------------------------------------------------------
// Own account

export type ChangePasswordResult = { kind: 'changed'; endedSessions: number } | { kind: 'invalid'; problems: FieldProblem[] };

/** Change one's own password; every other session of the account ends. */
export async function changePassword(
  db: Db,
  account: Pick<SessionAccount, 'id' | 'email' | 'sessionId'>,
  input: { current: string; password: string; repeat: string },
  now: Date,
): Promise<ChangePasswordResult> {
  const problems: FieldProblem[] = [];
  const [row] = await db.select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, account.id));
  if (!row || !(await passwordMatches(row.passwordHash, input.current.slice(0, 1024))))
    problems.push({ path: 'current', message: 'Uw huidige wachtwoord klopt niet.' });
  const weak = passwordProblem(input.password, account.email);
  if (weak) problems.push({ path: 'password', message: weak });
  else if (input.password !== input.repeat) problems.push({ path: 'repeat', message: 'Herhaal hetzelfde nieuwe wachtwoord.' });
  if (problems.length) return { kind: 'invalid', problems };
  const passwordHash = await hashPassword(input.password);
  const ended = await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, account.id));
    await endOpenResets(tx, account.id, now);
    const others = await tx
      .delete(accountSessions)
      .where(and(eq(accountSessions.accountId, account.id), sql`${accountSessions.id} <> ${account.sessionId}`))
      .returning({ id: accountSessions.id });
    return others.length;
  });
  return { kind: 'changed', endedSessions: ended };
}

// ---------------------------------------------------------------------------------------
// Invitations

export type InviteResult = { kind: 'invited'; url: string; invitationId: string } | { kind: 'invalid'; problems: FieldProblem[] };

const invitationUrl = (baseUrl: string, token: string) => `${baseUrl}/beheer/uitnodiging/${token}`;
const roleText = (role: AccountRole) => `${ROLE_LABELS[role].toLowerCase()} (${ROLE_DESCRIPTIONS[role]})`;

/**
 * Invite someone to an organiser's team: an invitation row and its mail, in one
 * transaction. A new invitation to the same address replaces an open one (the old link
 * stops working).
 */
export async function inviteAccount(
  db: Db,
  input: { organiserId: string; email: string; role: AccountRole; invitedBy: { id: string; name: string } | null },
  opts: { now: Date; baseUrl: string },
): Promise<InviteResult> {
  const email = normaliseEmail(input.email);
  const bad = emailProblem(email);
  if (bad) return { kind: 'invalid', problems: [{ path: 'email', message: bad }] };
  const [organiser] = await db.select().from(organisers).where(eq(organisers.id, input.organiserId));
  if (!organiser) return { kind: 'invalid', problems: [{ path: 'organiser', message: 'Deze organisator bestaat niet.' }] };
  const token = newToken();
  const expiresAt = new Date(opts.now.getTime() + INVITATION_MS);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ organiserId: accounts.organiserId }).from(accounts).where(eq(accounts.email, email));
    if (existing)
      return {
        kind: 'invalid' as const,
        problems: [
          {
            path: 'email',
            message:
              existing.organiserId === input.organiserId
                ? 'Met dit e-mailadres is al een account in uw team.'
                : 'Met dit e-mailadres bestaat al een account bij een andere organisator. Een account hoort bij één organisator.',
          },
        ],
      };
    await tx
      .delete(accountInvitations)
      .where(and(eq(accountInvitations.organiserId, input.organiserId), eq(accountInvitations.email, email), isNull(accountInvitations.acceptedAt)));
    const [inv] = await tx
      .insert(accountInvitations)
      .values({ organiserId: input.organiserId, email, role: input.role, tokenHash: hashToken(token), invitedBy: input.invitedBy?.id ?? null, createdAt: opts.now, expiresAt })
      .returning({ id: accountInvitations.id });
    const url = invitationUrl(opts.baseUrl, token);
    await queueMail(tx, {
      dedupeKey: `invite:${inv!.id}`,
      to: email,
      language: 'nl',
      kind: 'invite',
      data: { organiser: organiser.name, invitedBy: input.invitedBy?.name ?? null, role: roleText(input.role), url, expiresAt },
      now: opts.now,
    });
    return { kind: 'invited' as const, url, invitationId: inv!.id };
  });
}

/**
 * The set-up link of a new installation: only while there is no account at all. Whoever
 * opens it names the organiser and becomes its first beheerder. Earlier set-up links stop
 * working. Null when there are accounts.
 */
export async function createSetupInvitation(db: Db, opts: { now: Date; baseUrl: string }): Promise<string | null> {
  const token = newToken();
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('bijeen:account-setup', 0))`);
    if ((await countAccounts(tx)) > 0) return null;
    await tx.delete(accountInvitations).where(and(isNull(accountInvitations.organiserId), isNull(accountInvitations.acceptedAt)));
    await tx.insert(accountInvitations).values({
      organiserId: null,
      email: null,
      role: 'beheerder',
      tokenHash: hashToken(token),
      createdAt: opts.now,
      expiresAt: new Date(opts.now.getTime() + INVITATION_MS),
    });
    return invitationUrl(opts.baseUrl, token);
  });
}

export interface OpenInvitation {
  id: string;
  /** Null for the set-up link: the organiser is named when it is accepted. */
  organiserName: string | null;
  email: string | null;
  role: AccountRole;
  expiresAt: Date;
}

/** An invitation that can still be accepted, or null (unknown, used or expired: the page says the same). */
export async function getInvitation(db: Db, token: string | undefined, now: Date): Promise<OpenInvitation | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ id: accountInvitations.id, organiserName: organisers.name, email: accountInvitations.email, role: accountInvitations.role, expiresAt: accountInvitations.expiresAt })
    .from(accountInvitations)
    .leftJoin(organisers, eq(organisers.id, accountInvitations.organiserId))
    .where(and(eq(accountInvitations.tokenHash, hashToken(token)), isNull(accountInvitations.acceptedAt), gt(accountInvitations.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export interface AcceptInput {
  name: string;
  password: string;
  repeat: string;
  /** Set-up link only: the first account's address and organiser. */
  email?: string;
  organisation?: string;
}

export type AcceptResult =
  | { kind: 'accepted'; token: string; expiresAt: Date; accountId: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'gone' };

/** Accept an invitation: the account is made, the invitation used up, and a session started. */
export async function acceptInvitation(db: Db, token: string, input: AcceptInput, now: Date): Promise<AcceptResult> {
  const invitation = await getInvitation(db, token, now);
  if (!invitation) return { kind: 'gone' };
  const setup = invitation.email === null;
  const problems: FieldProblem[] = [];
  const name = Name.safeParse(input.name);
  if (!name.success) problems.push({ path: 'name', message: name.error.issues[0]!.message });
  const email = setup ? normaliseEmail(input.email ?? '') : invitation.email!;
  if (setup) {
    const bad = emailProblem(email);
    if (bad) problems.push({ path: 'email', message: bad });
    const organisation = (input.organisation ?? '').trim();
    if (!organisation) problems.push({ path: 'organisation', message: 'Vul de naam van uw organisatie in.' });
    else if (organisation.length > 200 || !slugify(organisation)) problems.push({ path: 'organisation', message: 'Gebruik een naam van hoogstens 200 tekens, met letters of cijfers.' });
  }
  const weak = passwordProblem(input.password, email);
  if (weak) problems.push({ path: 'password', message: weak });
  else if (input.password !== input.repeat) problems.push({ path: 'repeat', message: 'Herhaal hetzelfde wachtwoord.' });
  if (problems.length) return { kind: 'invalid', problems };
  const passwordHash = await hashPassword(input.password);

  const outcome = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bijeen:invitation:${invitation.id}`}, 0))`);
    const [inv] = await tx
      .select()
      .from(accountInvitations)
      .where(and(eq(accountInvitations.id, invitation.id), isNull(accountInvitations.acceptedAt), gt(accountInvitations.expiresAt, now)));
    if (!inv) return { kind: 'gone' as const };
    let organiserId = inv.organiserId;
    if (!organiserId) {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended('bijeen:account-setup', 0))`);
      if ((await countAccounts(tx)) > 0) return { kind: 'gone' as const };
      const organisation = input.organisation!.trim();
      const slug = slugify(organisation);
      await tx.insert(organisers).values({ slug, name: organisation }).onConflictDoNothing({ target: organisers.slug });
      organiserId = (await tx.select({ id: organisers.id }).from(organisers).where(eq(organisers.slug, slug)))[0]!.id;
    }
    const [account] = await tx
      .insert(accounts)
      .values({ organiserId, email, name: name.data!, passwordHash, role: inv.role, createdAt: now, passwordChangedAt: now })
      .onConflictDoNothing({ target: accounts.email })
      .returning({ id: accounts.id });
    if (!account) return { kind: 'invalid' as const, problems: [{ path: setup ? 'email' : 'name', message: 'Met dit e-mailadres bestaat al een account. Log daarmee in.' }] };
    await tx.update(accountInvitations).set({ acceptedAt: now }).where(eq(accountInvitations.id, inv.id));
    return { kind: 'made' as const, accountId: account.id };
  });
  if (outcome.kind !== 'made') return outcome;
  const { token: sessionToken, expiresAt } = await createSession(db, outcome.accountId, now);
  return { kind: 'accepted', token: sessionToken, expiresAt, accountId: outcome.accountId };
}

// ---------------------------------------------------------------------------------------
// The team (beheerder)

export interface TeamAccount {
  id: string;
  email: string;
  name: string;
  role: AccountRole;
  createdAt: Date;
}

export interface Team {
  accounts: TeamAccount[];
  invitations: { id: string; email: string; role: AccountRole; expiresAt: Date }[];
}

export async function listTeam(db: Db, organiserId: string, now: Date): Promise<Team> {
  const members = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, role: accounts.role, createdAt: accounts.createdAt })
    .from(accounts)
    .where(eq(accounts.organiserId, organiserId))
    .orderBy(asc(accounts.name), asc(accounts.email));
  const invitations = await db
    .select({ id: accountInvitations.id, email: accountInvitations.email, role: accountInvitations.role, expiresAt: accountInvitations.expiresAt })
    .from(accountInvitations)
    .where(and(eq(accountInvitations.organiserId, organiserId), isNull(accountInvitations.acceptedAt), gt(accountInvitations.expiresAt, now)))
    .orderBy(asc(accountInvitations.email));
  return { accounts: members, invitations: invitations.map((i) => ({ ...i, email: i.email ?? '' })) };
}

export type TeamChangeResult = { kind: 'changed' } | { kind: 'refused'; reason: string };

/** Change or remove (role null) a colleague's account, one change per organiser at a time. */
async function changeTeam(db: Db, actor: Pick<SessionAccount, 'id' | 'organiserId'>, targetId: string, role: AccountRole | null): Promise<TeamChangeResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`bijeen:team:${actor.organiserId}`}, 0))`);
    const team = await tx.select({ id: accounts.id, role: accounts.role }).from(accounts).where(eq(accounts.organiserId, actor.organiserId));
    const reason = teamChangeProblem(team, actor.id, targetId, role);
    if (reason) return { kind: 'refused' as const, reason };
    const mine = and(eq(accounts.id, targetId), eq(accounts.organiserId, actor.organiserId));
    if (role === null) await tx.delete(accounts).where(mine);
    else await tx.update(accounts).set({ role }).where(mine);
    return { kind: 'changed' as const };
  });
}

export const changeRole = (db: Db, actor: Pick<SessionAccount, 'id' | 'organiserId'>, targetId: string, role: AccountRole) => changeTeam(db, actor, targetId, role);
/** Remove a colleague's account; their sessions end with it. */
export const removeAccount = (db: Db, actor: Pick<SessionAccount, 'id' | 'organiserId'>, targetId: string) => changeTeam(db, actor, targetId, null);

/** Withdraw an open invitation of one's own organiser; false when there was none. */
export async function revokeInvitation(db: Db, actor: Pick<SessionAccount, 'organiserId'>, invitationId: string): Promise<boolean> {
  const gone = await db
    .delete(accountInvitations)
    .where(and(eq(accountInvitations.id, invitationId), eq(accountInvitations.organiserId, actor.organiserId), isNull(accountInvitations.acceptedAt)))
    .returning({ id: accountInvitations.id });
  return gone.length > 0;
}

export async function countAccounts(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(accounts);
  return r?.n ?? 0;
}

/**
 * Make an account directly, without an invitation (the demo, tests). The address must be
 * free; returns the account's id.
 */
export async function createAccount(
  db: Db,
  input: { organiserId: string; email: string; name: string; password: string; role: AccountRole },
  now: Date,
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(accounts)
    .values({ organiserId: input.organiserId, email: normaliseEmail(input.email), name: input.name, passwordHash, role: input.role, createdAt: now, passwordChangedAt: now })
    .returning({ id: accounts.id });
  return row!.id;
}

/** Remove the account with this address, if any (the demo account outside demo mode). */
export async function removeAccountByEmail(db: Db, email: string): Promise<boolean> {
  return (await db.delete(accounts).where(eq(accounts.email, normaliseEmail(email))).returning({ id: accounts.id })).length > 0;
}

export async function accountExists(db: Db, email: string): Promise<boolean> {
  return (await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, normaliseEmail(email)))).length > 0;
}

// ---------------------------------------------------------------------------------------
// Password reset (wachtwoord vergeten)

const resetUrl = (baseUrl: string, token: string) => `${baseUrl}/beheer/wachtwoord-herstellen/${token}`;

/** Links not used yet stop working: a newer link, a used one or a password changed another way ends them. */
async function endOpenResets(tx: Db, accountId: string, now: Date): Promise<void> {
  await tx.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.accountId, accountId), isNull(passwordResets.usedAt)));
}

/**
 * Someone forgot their password: when an account has this address, a one-time link (an
 * hour) is mailed to it, through the outbox. The answer is the same whether or not there is
 * such an account, so the form tells nobody which addresses have one. Returns the link, for
 * tests and the command line only; a page never shows it.
 */
export async function requestPasswordReset(db: Db, email: string, opts: { now: Date; baseUrl: string }): Promise<string | null> {
  const address = normaliseEmail(email);
  if (emailProblem(address)) return null;
  const token = newToken();
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: accounts.id, name: accounts.name, organiserName: organisers.name })
      .from(accounts)
      .innerJoin(organisers, eq(organisers.id, accounts.organiserId))
      .where(eq(accounts.email, address));
    if (!account) return null;
    await endOpenResets(tx, account.id, opts.now);
    const expiresAt = new Date(opts.now.getTime() + PASSWORD_RESET_MS);
    const [reset] = await tx
      .insert(passwordResets)
      .values({ accountId: account.id, tokenHash: hashToken(token), createdAt: opts.now, expiresAt })
      .returning({ id: passwordResets.id });
    const url = resetUrl(opts.baseUrl, token);
    await queueMail(tx, {
      dedupeKey: `password_reset:${reset!.id}`,
      to: address,
      language: 'nl',
      kind: 'password_reset',
      data: { name: account.name, organiser: account.organiserName, url, expiresAt },
      now: opts.now,
    });
    return url;
  });
}

export interface OpenPasswordReset {
  email: string;
  name: string;
}

/** The account a reset link is for, while the link still works; null otherwise (the page says the same for each case). */
export async function getPasswordReset(db: Db, token: string | undefined, now: Date): Promise<OpenPasswordReset | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ email: accounts.email, name: accounts.name })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

export type ResetPasswordResult =
  | { kind: 'reset'; token: string; expiresAt: Date; accountId: string }
  | { kind: 'invalid'; problems: FieldProblem[] }
  | { kind: 'gone' };

/**
 * Set a new password with a reset link: the link is used up, every session of the account
 * ends (whoever knew the old password is out), and a new session starts here.
 */
export async function resetPassword(db: Db, token: string, input: { password: string; repeat: string }, now: Date): Promise<ResetPasswordResult> {
  const open = await getPasswordReset(db, token, now);
  if (!open) return { kind: 'gone' };
  const weak = passwordProblem(input.password, open.email);
  if (weak) return { kind: 'invalid', problems: [{ path: 'password', message: weak }] };
  if (input.password !== input.repeat) return { kind: 'invalid', problems: [{ path: 'repeat', message: 'Herhaal hetzelfde wachtwoord.' }] };
  // Hashed before the transaction: ~50 ms of CPU that should hold no lock.
  const passwordHash = await hashPassword(input.password);
  const accountId = await db.transaction(async (tx) => {
    // Used up here, conditionally: of two submits of one link, one wins.
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ accountId: passwordResets.accountId });
    if (!used) return null;
    await tx.update(accounts).set({ passwordHash, passwordChangedAt: now }).where(eq(accounts.id, used.accountId));
    await endOpenResets(tx, used.accountId, now);
    await tx.delete(accountSessions).where(eq(accountSessions.accountId, used.accountId));
    return used.accountId;
  });
  if (!accountId) return { kind: 'gone' };
  const session = await createSession(db, accountId, now);
  return { kind: 'reset', token: session.token, expiresAt: session.expiresAt, accountId };
}

export interface AccessSweep {
  sessions: number;
  invitations: number;
  passwordResets: number;
}

/**
 * Forget what can no longer be used (housekeeping, worker/housekeeping.ts): ended sessions,
 * and invitation and password-reset links past their end. Safe in every instance at once:
 * each row is deleted by whichever sweep gets to it, and a link that still works is never
 * touched. An expired link then reads as unknown, which its page already says the same as.
 */
export async function sweepExpiredAccess(db: Db, now: Date): Promise<AccessSweep> {
  const { expiredBefore, idleSince } = accessSweepCutoffs(now);
  const sessions = await db
    .delete(accountSessions)
    .where(or(lte(accountSessions.expiresAt, expiredBefore), lte(accountSessions.lastSeenAt, idleSince)))
    .returning({ id: accountSessions.id });
  const invitations = await db.delete(accountInvitations).where(lte(accountInvitations.expiresAt, expiredBefore)).returning({ id: accountInvitations.id });
  const resets = await db.delete(passwordResets).where(lte(passwordResets.expiresAt, expiredBefore)).returning({ id: passwordResets.id });
  return { sessions: sessions.length, invitations: invitations.length, passwordResets: resets.length };
}
