import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { MAX_FIELD_LENGTH, MarcWriteError, writeIso2709Record } from '../marc/iso2709-writer.js';
import { MARCXML_COLLECTION_END, MARCXML_COLLECTION_START, writeMarcXmlRecord } from '../marc/marcxml-writer.js';
import type { MarcRecord } from '../marc/record.js';
import { project } from '../projection/project.js';
import { searchCatalogue, type CatalogueSearchRequest } from '../search/search-catalogue.js';
import type { MarcFileFormat } from './import-marc.js';
import { findRecordsIso2709MayRefuse, readBibRecordsPage } from './import.queries.js';

/** Rows read per query: memory stays flat whatever the catalogue's size. */
export const EXPORT_PAGE_SIZE = 1000;
/** searchCatalogue's largest page. */
const SEARCH_PAGE_SIZE = 100;

/** The records to export: these ids, every record of the network, or what a search finds. */
export type ExportSelection =
  | { kind: 'all' }
  | { kind: 'ids'; ids: number[] }
  | { kind: 'search'; request: ExportSearch };

type ExportSearch = Omit<CatalogueSearchRequest, 'offset' | 'limit' | 'facets' | 'withRecords'>;

/** A record an ISO 2709 export leaves out: its id, title and why. */
export interface ExportSkipped {
  id: number;
  title: string;
  reason: string;
}

/** What a search finds, page by page, in the list's order (with the stored records when asked). */
async function* searchPages(db: Kysely<DB>, networkId: number, request: ExportSearch, withRecords: boolean) {
  // Offset paging is stable here: every search order ends with the id.
  const limit = SEARCH_PAGE_SIZE;
  for (let offset = 0; ; offset += limit) {
    const { hits, total } = await searchCatalogue(db, networkId, { ...request, offset, limit, withRecords });
    if (hits.length > 0) yield hits;
    // Not «a short page is the last»: a record deleted after the search counted it leaves a page short, and the
    // pages after it still hold records.
    if (offset + limit >= total) return;
  }
}

/** The stored records page by page (ids: in id order, at most EXPORT_PAGE_SIZE per query). */
async function* bibRecordPages(db: Kysely<DB>, networkId: number, selection: ExportSelection) {
  if (selection.kind === 'search') {
    for await (const hits of searchPages(db, networkId, selection.request, true)) {
      yield hits.map((hit) => ({ id: hit.id, record: hit.record!, schema: hit.schema }));
    }
    return;
  }
  const wanted = selection.kind === 'ids' ? [...new Set(selection.ids)].sort((a, b) => a - b) : undefined;
  let afterId = 0;
  for (let start = 0; ; ) {
    const ids = wanted?.slice(start, start + EXPORT_PAGE_SIZE);
    if (ids && ids.length === 0) return;
    const rows = await readBibRecordsPage(db, networkId, { afterId, limit: EXPORT_PAGE_SIZE, ids });
    if (rows.length > 0) yield rows.map((row) => ({ id: row.id, record: row.record as MarcRecord, schema: row.schema }));
    if (ids) start += EXPORT_PAGE_SIZE;
    else if (rows.length < EXPORT_PAGE_SIZE) return;
    else afterId = rows.at(-1)!.id;
  }
}

/**
 * The selected records as one ISO 2709 or MARCXML file in UTF-8, chunk by chunk (one chunk per page),
 * each record as stored, in its own schema. ISO 2709 cannot hold some records (over 99,999 bytes, a tag
 * that is not three characters): those are left out and named to `onSkipped`; MARCXML holds them all.
 * The writers' changes: ISO 2709 computes the leader's lengths and base address and sets leader/09 'a'.
 */
export async function* exportMarc(options: {
  db: Kysely<DB>;
  networkId: number;
  selection: ExportSelection;
  format: MarcFileFormat;
  onSkipped?: (skipped: ExportSkipped) => void;
  /** After each page: how many records have been written so far. */
  onProgress?: (written: number) => void;
}): AsyncGenerator<Buffer> {
  const { db, networkId, selection, format, onSkipped, onProgress } = options;
  let written = 0;
  if (format === 'marcxml') yield Buffer.from(MARCXML_COLLECTION_START, 'utf8');
  for await (const page of bibRecordPages(db, networkId, selection)) {
    const parts: Buffer[] = [];
    for (const { id, record, schema } of page) {
      if (format === 'marcxml') {
        parts.push(Buffer.from(writeMarcXmlRecord(record), 'utf8'));
        written++;
        continue;
      }
      try {
        parts.push(writeIso2709Record(record));
        written++;
      } catch (error) {
        if (!(error instanceof MarcWriteError)) throw error;
        onSkipped?.({ id, title: project(record, schema).title, reason: error.message });
      }
    }
    if (parts.length > 0) yield Buffer.concat(parts);
    onProgress?.(written);
  }
  if (format === 'marcxml') yield Buffer.from(MARCXML_COLLECTION_END, 'utf8');
}

/**
 * What an ISO 2709 export of the selection would hold and leave out. The staff app asks before the download, since a
 * file that is streaming can no longer say that records are missing from it. The database names the few records the
 * writer might refuse (`findRecordsIso2709MayRefuse`), and those go through the export itself with their bytes thrown
 * away, so the rules are the export's by construction; the others it holds for certain.
 */
export async function checkIso2709Export(options: { db: Kysely<DB>; networkId: number; selection: ExportSelection }): Promise<{ records: number; unfit: ExportSkipped[] }> {
  const { db, networkId, selection } = options;
  const ids = selection.kind === 'all' ? undefined : selection.kind === 'ids' ? selection.ids : await foundIds(db, networkId, selection.request);
  const { records, mayRefuse } = await findRecordsIso2709MayRefuse(db, networkId, { ids, maxFieldLength: MAX_FIELD_LENGTH });
  const unfit: ExportSkipped[] = [];
  if (mayRefuse.length === 0) return { records, unfit };
  const chunks = exportMarc({ db, networkId, selection: { kind: 'ids', ids: mayRefuse }, format: 'iso2709', onSkipped: (skipped) => unfit.push(skipped) });
  for await (const chunk of chunks) void chunk;
  return { records, unfit };
}

async function foundIds(db: Kysely<DB>, networkId: number, request: ExportSearch): Promise<number[]> {
  const ids: number[] = [];
  for await (const hits of searchPages(db, networkId, request, false)) ids.push(...hits.map((hit) => hit.id));
  return ids;
}
