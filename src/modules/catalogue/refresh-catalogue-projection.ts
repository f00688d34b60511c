import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { bibRecordRow } from './bib-record-row.js';
import { addCatalogueWords, countStaleProjections, findStaleProjections, rewriteProjections, type BibRecordRow } from './catalogue.queries.js';
import { PROJECTION_VERSION } from './projection/project.js';

const BATCH_SIZE = 1_000;

export interface RefreshProjectionResult {
  refreshed: number;
  /** Records whose new projection the database refused (a control number another record has): left as they were. */
  failed: { id: number; reason: string }[];
}

/**
 * Brings every stored record's projection (the columns search and display read, the search vector, the
 * typo dictionary) up to `PROJECTION_VERSION` after the projection code changed; the records themselves
 * are not touched. Runs when a command opens the database (cli/database.ts); one index lookup when all is
 * current. Batches of 1,000 stale records, each in its own transaction (a refresh cut short resumes with
 * the records still stale); the rows of a batch are locked and those another refresh holds skipped, so two
 * programs opening one PostgreSQL database share the work instead of repeating it. A batch the database
 * refuses is redone record by record, and a record refused on its own is reported and left as it was —
 * one odd record never keeps the program from starting.
 */
export async function refreshCatalogueProjection(options: {
  db: Kysely<DB>;
  /** After each batch: records brought up to date so far, of `total` (those stale when the refresh began). */
  onProgress?: (progress: { refreshed: number; total: number }) => void;
}): Promise<RefreshProjectionResult> {
  const { db, onProgress } = options;
  const total = await countStaleProjections(db, PROJECTION_VERSION);
  const failed: RefreshProjectionResult['failed'] = [];
  const exceptIds: number[] = [];
  let refreshed = 0;
  /** Re-projects the stale records the query finds (locked, in one transaction); returns their ids. */
  const refresh = (select: { limit: number; onlyId?: number }) => db.transaction().execute(async (trx) => {
    const records = await findStaleProjections(trx, { version: PROJECTION_VERSION, exceptIds, ...select });
    const rows = records.map((record) => ({ id: record.id, networkId: record.networkId, row: bibRecordRow(record.record, record.schema) }));
    await rewriteProjections(trx, rows);
    const byNetwork = new Map<number, BibRecordRow[]>();
    for (const { networkId, row } of rows) byNetwork.set(networkId, [...(byNetwork.get(networkId) ?? []), row]);
    for (const [networkId, networkRows] of byNetwork) await addCatalogueWords(trx, networkId, networkRows);
    return records.map((record) => record.id);
  });
  while (refreshed + failed.length < total) {
    const failedBefore = failed.length;
    let done = 0;
    try {
      done = (await refresh({ limit: BATCH_SIZE })).length;
    } catch {
      // One by one: the batch's records, found again (unlocked now), each in its own transaction.
      const batch = await findStaleProjections(db, { version: PROJECTION_VERSION, limit: BATCH_SIZE, exceptIds });
      for (const { id } of batch) {
        try {
          done += (await refresh({ limit: 1, onlyId: id })).length;
        } catch (error) {
          failed.push({ id, reason: error instanceof Error ? error.message : String(error) });
          exceptIds.push(id);
        }
      }
    }
    // Nothing found: the rest is being refreshed by another program, or was deleted.
    if (done === 0 && failed.length === failedBefore) break;
    refreshed += done;
    onProgress?.({ refreshed, total });
  }
  return { refreshed, failed };
}
