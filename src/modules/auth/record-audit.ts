import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertAuditEntry, type AuditEntry } from './auth.queries.js';
import type { Actor } from './policy.js';

/**
 * Writes one change to the audit log. Call it inside the transaction that makes the
 * change, so that the change and its record stand or fall together.
 */
export function recordAudit(trx: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  return insertAuditEntry(trx, actor.networkId, actor.userId, entry);
}
