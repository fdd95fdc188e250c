import type { Db } from '../../db/client';
import { auditEntries } from './table';

/*
 * Writing the audit log (logboek). Every use case that changes an event or one of its
 * registrations on behalf of someone calls `recordAudit` with its own transaction, so the
 * entry commits with the change or not at all.
 */

/** Who made a change: a staff account, or someone without one (API token, registrant, system). */
export interface Actor {
  accountId: string | null;
  /** As shown in the log: the account's name, "API-token ‘Website’", "deelnemer", "systeem". */
  name: string;
}

/** A staff account as an actor. */
export const accountActor = (account: { id: string; name: string }): Actor => ({ accountId: account.id, name: account.name });
/** The system itself (the offer sweeper, start-up). */
export const SYSTEM_ACTOR: Actor = { accountId: null, name: 'systeem' };

export interface AuditInput {
  organiserId: string;
  eventId: string | null;
  actor: Actor;
  /**
   * A stable code, area first: `event.created`, `event.published`, `registration.approved`,
   * `message.sent`, `file.uploaded` … Codes are text (decision 011): a new one needs no
   * migration.
   */
  action: string;
  /** One Dutch sentence for the log page. */
  summary: string;
  details?: Record<string, unknown>;
  registrationId?: string | null;
}

export async function recordAudit(tx: Db, entry: AuditInput, now?: Date): Promise<void> {
  await tx.insert(auditEntries).values({
    organiserId: entry.organiserId,
    eventId: entry.eventId,
    accountId: entry.actor.accountId,
    actor: entry.actor.name,
    action: entry.action,
    summary: entry.summary,
    details: entry.details ?? {},
    registrationId: entry.registrationId ?? null,
    ...(now ? { createdAt: now } : {}),
  });
}
