import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { DomainError } from '../../kernel/errors';
import { apiTokens, organisers } from './table';

export type Organiser = typeof organisers.$inferSelect;

/** Find an organiser by slug, or create it with this name. */
export async function ensureOrganiser(db: Db, slug: string, name: string): Promise<Organiser> {
  await db.insert(organisers).values({ slug, name }).onConflictDoNothing({ target: organisers.slug });
  const [row] = await db.select().from(organisers).where(eq(organisers.slug, slug));
  return row!;
}

export async function findOrganiser(db: Db, slug: string): Promise<Organiser | null> {
  const [row] = await db.select().from(organisers).where(eq(organisers.slug, slug));
  return row ?? null;
}

/** Tokens look like `bij_<43 url-safe characters>`; the prefix makes a leaked one easy to spot. */
const TOKEN_PREFIX = 'bij_';

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Make an API token for an organiser. The token is returned once; only its hash is kept. */
export async function createApiToken(db: Db, organiserId: string, name: string): Promise<string> {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  await db.insert(apiTokens).values({ organiserId, name, tokenHash: hashToken(token) });
  return token;
}

/** The organiser behind a bearer token, or an `unauthorized` DomainError. */
export async function authenticateApiToken(db: Db, token: string | undefined): Promise<Organiser> {
  return (await authenticateApiCaller(db, token)).organiser;
}

/** The organiser behind a bearer token and the token's name (the API's actor in the audit log). */
export async function authenticateApiCaller(db: Db, token: string | undefined): Promise<{ organiser: Organiser; tokenName: string }> {
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200)
    throw new DomainError('unauthorized', 'Geef een geldig API-token van een organisator (Authorization: Bearer …).');
  const [row] = await db
    .select({ organiser: organisers, tokenId: apiTokens.id, tokenName: apiTokens.name })
    .from(apiTokens)
    .innerJoin(organisers, eq(organisers.id, apiTokens.organiserId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) throw new DomainError('unauthorized', 'Dit API-token is onbekend of ingetrokken.');
  return { organiser: row.organiser, tokenName: row.tokenName };
}

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** An organiser's API tokens, newest first, without their secrets (only hashes are kept). */
export async function listApiTokens(db: Db, organiserId: string): Promise<ApiTokenInfo[]> {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.organiserId, organiserId))
    .orderBy(desc(apiTokens.createdAt));
}

/** Revoke one of the organiser's own tokens; false when it has no such token in use. */
export async function revokeApiToken(db: Db, organiserId: string, tokenId: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.organiserId, organiserId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
