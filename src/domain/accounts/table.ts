import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisers } from '../organisers/table';
import { ACCOUNT_ROLES } from './rules';

/*
 * Staff accounts of organisers (the back office, /beheer), their invitations and their
 * login sessions. Passwords are stored as argon2id hashes; invitation and session tokens
 * only as SHA-256 hashes. See docs/decisions/013-accounts-and-sessions.md.
 */

export { ACCOUNT_ROLES, type AccountRole } from './rules';

const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Account (account): one person of one organiser, who logs in with e-mail and password. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisers.id, { onDelete: 'cascade' }),
    /** Lower-cased and trimmed: one account per address, across all organisers. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id, PHC string ($argon2id$v=19$…). */
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    passwordChangedAt: ts('password_changed_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_email_idx').on(t.email),
    index('accounts_organiser_idx').on(t.organiserId),
    check('accounts_role_check', oneOf('role', ACCOUNT_ROLES)),
  ],
);

/**
 * Invitation (uitnodiging) to become an account: a link with a secret, valid for a week,
 * used once. A set-up invitation (the first account of an installation) has no organiser
 * and no address yet: whoever opens it names both.
 */
export const accountInvitations = pgTable(
  'account_invitations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    organiserId: uuid('organiser_id').references(() => organisers.id, { onDelete: 'cascade' }),
    email: text('email'),
    role: text('role', { enum: ACCOUNT_ROLES }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
  },
  (t) => [
    uniqueIndex('account_invitations_token_idx').on(t.tokenHash),
    index('account_invitations_organiser_idx').on(t.organiserId),
    check('account_invitations_role_check', oneOf('role', ACCOUNT_ROLES)),
  ],
);

/** Session (sessie): a login, known by the hash of the random token in its cookie. */
export const accountSessions = pgTable(
  'account_sessions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    /** The absolute end, however active the session is. */
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [uniqueIndex('account_sessions_token_idx').on(t.tokenHash), index('account_sessions_account_idx').on(t.accountId)],
);

/**
 * A password reset (wachtwoord vergeten): a one-time link, mailed to the account's address,
 * valid for an hour. Only the token's hash is kept; using it, or a new password set another
 * way, ends it (and every session of the account).
 */
export const passwordResets = pgTable(
  'account_password_resets',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [uniqueIndex('account_password_resets_token_idx').on(t.tokenHash), index('account_password_resets_account_idx').on(t.accountId)],
);
