import { isDeepStrictEqual } from 'node:util';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { insertAuditEntries, type AuditEntry } from './auth.queries.js';
import type { Actor } from './policy.js';

/** An update whose before and after are the same changed nothing, and is not worth a line in the log. */
const changesSomething = (entry: AuditEntry) =>
  entry.action !== 'update' || !isDeepStrictEqual(JSON.parse(JSON.stringify(entry.before ?? null)), JSON.parse(JSON.stringify(entry.after ?? null)));

/**
 * Writes a change to the audit log — or a batch of them in one statement (a year of demo
 * events). Call it inside the transaction that makes the change, so that the change and its
 * record stand or fall together.
 */
export async function recordAudit(trx: Kysely<DB>, actor: Actor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const changes = (Array.isArray(entries) ? entries : [entries]).filter(changesSomething);
  if (changes.length) await insertAuditEntries(trx, actor.networkId, actor.userId, changes);
}
