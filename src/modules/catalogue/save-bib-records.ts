import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertCanCompileNetworkRecords, recordAudit, type Actor } from '../auth/index.js';
import { bibRecordRow } from './bib-record-row.js';
import {
  addCatalogueWords, analyzeBibRecords, bibRecordCounts, findByControlNumbers, findByIsbns, findByMatchKeys, findStoredRecords, insertBibRecords,
  lockNetworkCatalogue, updateBibRecords,
  type BibRecordRow, type StoredMatchCandidate,
} from './catalogue.queries.js';
import type { MarcRecord } from './marc/record.js';
import type { MarcSchema } from './marc/schema.js';
import { mergeRecords } from './merge-records.js';

/** What to do with a record that matches one already stored. */
export type OnMatch = 'skip' | 'replace' | 'merge';

export interface SaveBibRecordsResult {
  /** New records stored. */
  imported: number;
  /** Stored records changed (replaced or merged into). */
  updated: number;
  /** Records that matched a stored one and changed nothing (skipped, or identical). */
  skipped: number;
}

/** Where a record lands: a stored row, or a row this batch is about to insert. */
type Target = { kind: 'stored'; id: number } | { kind: 'pending'; index: number };

/** A record with its projection, payload and matching keys computed (`prepareBibRecord`). */
export interface PreparedBibRecord extends BibRecordRow {
  controlKey: string | null;
}

/**
 * Stores a batch of records with their projections: one SELECT per matching rule, one INSERT for the
 * new ones, one UPDATE for the replaced ones, one audit entry for the batch. Matching on re-import:
 * control number (001 + 003, same schema), else a valid ISBN, else title + first author + year; a
 * candidate with a different control number from the same source is a different record (volumes of a
 * set share the set's ISBN). Idempotent: saving the same records again changes nothing.
 */
export async function saveBibRecords(options: {
  trx: Kysely<DB>;
  actor: Actor;
  /** Records as read, or prepared by `prepareBibRecord`. */
  records: ({ record: MarcRecord; schema: MarcSchema } | PreparedBibRecord)[];
  onMatch: OnMatch;
}): Promise<SaveBibRecordsResult> {
  const { trx, actor, records, onMatch } = options;
  assertCanCompileNetworkRecords(actor);
  const networkId = actor.networkId;

  const incoming: PreparedBibRecord[] = records.map((row) => ('projection' in row ? row : prepareBibRecord(row.record, row.schema)));
  await lockNetworkCatalogue(trx, networkId);
  await keepMatchingStatisticsFresh(trx);
  const stored = await findCandidates(trx, networkId, incoming);

  const byControl = new Map<string, Target>();
  const byIsbn = new Map<string, Target>();
  const byMatchKey = new Map<string, Target>();
  const targetInfo = new Map<string, { schema: MarcSchema; controlKey: string | null }>();
  const keyOf = (target: Target) => (target.kind === 'stored' ? `s${target.id}` : `p${target.index}`);
  for (const candidate of stored) {
    const target: Target = { kind: 'stored', id: candidate.id };
    const controlKey = candidate.control_number === null ? null : controlKeyOf(candidate.schema, candidate.control_number_source, candidate.control_number);
    targetInfo.set(keyOf(target), { schema: candidate.schema, controlKey });
    if (controlKey) byControl.set(controlKey, target);
    for (const isbn of candidate.isbns) if (!byIsbn.has(isbn)) byIsbn.set(isbn, target);
    if (candidate.match_key && !byMatchKey.has(candidate.match_key)) byMatchKey.set(candidate.match_key, target);
  }

  /** A candidate found by ISBN or title is refused when both carry control numbers of one source that differ. */
  const compatible = (row: PreparedBibRecord, target: Target | undefined): target is Target => {
    if (!target) return false;
    const info = targetInfo.get(keyOf(target))!;
    if (!row.controlKey || !info.controlKey) return true;
    return sourceOf(row.controlKey) !== sourceOf(info.controlKey);
  };
  const register = (row: PreparedBibRecord, target: Target) => {
    if (row.controlKey && !byControl.has(row.controlKey)) byControl.set(row.controlKey, target);
    for (const isbn of row.projection.isbns) if (!byIsbn.has(isbn)) byIsbn.set(isbn, target);
    if (!byMatchKey.has(row.matchKey)) byMatchKey.set(row.matchKey, target);
  };

  const inserts: PreparedBibRecord[] = [];
  const replacements = new Map<number, PreparedBibRecord>();
  const merges = new Map<number, PreparedBibRecord[]>();
  let skipped = 0;
  let updatedPending = 0;
  for (const row of incoming) {
    const target = (row.controlKey ? byControl.get(row.controlKey) : undefined)
      ?? row.projection.isbns.map((isbn) => byIsbn.get(isbn)).find((found) => compatible(row, found))
      ?? (compatible(row, byMatchKey.get(row.matchKey)) ? byMatchKey.get(row.matchKey) : undefined);
    if (!target) {
      const pending: Target = { kind: 'pending', index: inserts.length };
      inserts.push(row);
      targetInfo.set(keyOf(pending), { schema: row.schema, controlKey: row.controlKey });
      register(row, pending);
      continue;
    }
    if (onMatch === 'skip') {
      skipped++;
      continue;
    }
    if (target.kind === 'pending') {
      // The same record twice in one batch: the later one wins (replace) or adds its fields (merge).
      const earlier = inserts[target.index]!;
      if (onMatch === 'merge' && earlier.schema !== row.schema) skipped++;
      else {
        inserts[target.index] = onMatch === 'replace' ? { ...row } : prepareBibRecord(mergeRecords(earlier.record, row.record), earlier.schema);
        updatedPending++;
      }
    } else if (onMatch === 'replace') {
      if (replacements.has(target.id)) skipped++;
      replacements.set(target.id, row);
    } else {
      merges.set(target.id, [...(merges.get(target.id) ?? []), row]);
    }
    register(row, target);
  }

  if (merges.size > 0) {
    const storedRecords = await findStoredRecords(trx, networkId, [...merges.keys()]);
    for (const [id, rows] of merges) {
      const current = storedRecords.get(id)!;
      // Fields of another schema mean other things under the same tags: such records are not merged.
      const sameSchema = rows.filter((row) => row.schema === current.schema);
      skipped += rows.length - sameSchema.length;
      if (sameSchema.length === 0) continue;
      const merged = sameSchema.reduce((record, row) => mergeRecords(record, row.record), current.record);
      replacements.set(id, prepareBibRecord(merged, current.schema));
      // Several records merged into one stored record: one update, the others counted as skipped.
      skipped += sameSchema.length - 1;
    }
  }

  const imported = await insertBibRecords(trx, networkId, inserts);
  const changedIds = await updateBibRecords(trx, networkId, [...replacements].map(([id, row]) => ({ id, row })));
  await addCatalogueWords(trx, networkId, [...inserts, ...replacements.values()]);
  skipped += replacements.size - changedIds.length;
  const result = { imported, updated: changedIds.length + updatedPending, skipped };

  // One line per batch, not per record: an import of 200,000 records would otherwise write 200,000
  // audit rows (doubling the work) that say less than the summary — who, when, which policy, how many.
  if (imported + result.updated > 0) {
    await recordAudit(trx, actor, {
      action: 'create', entity: 'bib_record_batch', entityId: null,
      after: { onMatch, received: records.length, ...result, updatedIds: changedIds.slice(0, 1000) },
    });
  }
  return result;
}

/**
 * The projection, payload and keys of a record, computed ahead of `saveBibRecords` — the import prepares
 * the next batch while the database stores the current one (docs/ARCHITECTURE.md, «Import and parse speed»).
 */
export function prepareBibRecord(record: MarcRecord, schema: MarcSchema): PreparedBibRecord {
  const row = bibRecordRow(record, schema);
  const { controlNumber, controlNumberSource } = row.projection;
  return { ...row, controlKey: controlNumber === null ? null : controlKeyOf(schema, controlNumberSource, controlNumber) };
}

const controlKeyOf = (schema: MarcSchema, source: string | null, number: string) => `${schema}\u0001${source ?? ''}\u0001${number}`;
const sourceOf = (controlKey: string) => controlKey.slice(0, controlKey.lastIndexOf('\u0001'));

/**
 * Matching looks each batch up by control number, ISBN and title key, one index lookup per key. A
 * planner that believes the table empty or a fraction of its size (PGlite has no autovacuum; PostgreSQL's
 * comes a minute late) scans the whole table per key instead, and a long import slows as it grows
 * (measured: 4 ms → 960 ms a batch at 20,000 records). So when the table holds twice what the last
 * ANALYZE saw, the matching columns are analysed again before matching — log₂ of the growth times,
 * ~150 ms each.
 */
async function keepMatchingStatisticsFresh(trx: Kysely<DB>): Promise<void> {
  const { analyzed, live } = await bibRecordCounts(trx);
  if (live >= 1000 && live >= 2 * analyzed) await analyzeBibRecords(trx, { matchingOnly: true });
}

async function findCandidates(trx: Kysely<DB>, networkId: number, rows: PreparedBibRecord[]): Promise<StoredMatchCandidate[]> {
  const controlKeys = rows.filter((row) => row.projection.controlNumber !== null).map((row) => ({
    schema: row.schema, source: row.projection.controlNumberSource ?? '', number: row.projection.controlNumber!,
  }));
  const isbns = [...new Set(rows.flatMap((row) => row.projection.isbns))];
  const matchKeys = [...new Set(rows.map((row) => row.matchKey))];
  const found = [
    ...await findByControlNumbers(trx, networkId, controlKeys),
    ...await findByIsbns(trx, networkId, isbns),
    ...await findByMatchKeys(trx, networkId, matchKeys),
  ];
  const byId = new Map(found.map((candidate) => [candidate.id, candidate]));
  return [...byId.values()].sort((a, b) => a.id - b.id);
}
