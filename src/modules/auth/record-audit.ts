import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertAuditEntries, type AuditEntry } from './auth.queries.js';
import type { Actor } from './policy.js';

/**
 * Writes a change to the audit log — or a batch of them in one statement (a year of demo
 * events). Call it inside the transaction that makes the change, so that the change and its
 * record stand or fall together.
 */
export function recordAudit(trx: Kysely<DB>, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  return insertAuditEntries(trx, actor.networkId, actor.userId, Array.isArray(entries) ? entries : [entries]);
}
