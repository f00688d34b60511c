import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { ProblemError } from '../../../server/problem.js';
import { assertCanCompileNetworkRecords, type Actor } from '../../auth/index.js';
import { analyzeBibRecords, bibRecordCounts } from '../catalogue.queries.js';
import { readIso2709 } from '../marc/iso2709-reader.js';
import { readMarcXml } from '../marc/marcxml-reader.js';
import type { MarcEncoding, MarcReadResult } from '../marc/record.js';
import { detectSchema, type MarcSchema } from '../marc/schema.js';
import { prepareBibRecord, saveBibRecords, type OnMatch, type PreparedBibRecord } from '../save-bib-records.js';

export type MarcFileFormat = 'iso2709' | 'marcxml';

export interface ImportMarcOptions {
  /** Default: read from the first bytes ('<' after a BOM or blanks: MARCXML, else ISO 2709). */
  format?: MarcFileFormat;
  /** Default: per record (245 → MARC21, 200 without 245 → RUSMARC/UNIMARC, else MARC21). */
  schema?: MarcSchema;
  /** ISO 2709 only (MARCXML declares its own, and the records say which it was). Default: detected per record. */
  encoding?: MarcEncoding;
  onMatch: OnMatch;
  /** Records saved per transaction (default 1000). */
  batchSize?: number;
}

export interface ImportMarcSummary {
  read: number;
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
}

export interface ImportRecordError {
  /** 1-based number of the record in the file. */
  index: number;
  /** Where the record starts (ISO 2709) or where the error was found (MARCXML, in characters). */
  byteOffset: number | null;
  code: string;
  /** In Russian. */
  reason: string;
}

/**
 * What was detected so far: the format, and how many records of each schema and encoding were read (MARCXML: the
 * encoding its declaration names, none counted for one outside MarcEncoding).
 */
export interface ImportDetected {
  format: MarcFileFormat;
  schemas: Partial<Record<MarcSchema, number>>;
  encodings: Partial<Record<MarcEncoding, number>>;
}

export interface ImportMarcProgress {
  /** Bytes taken from the source so far (the readers buffer a little ahead of the records). */
  bytesRead: number;
  summary: ImportMarcSummary;
  detected: ImportDetected;
}

/** The whole file is refused (it is not MARC, or holds no record at all): nothing was stored. */
export class NotMarcError extends ProblemError {
  constructor(message: string) {
    super(422, 'Файл не похож на MARC', message, [{ field: 'file', message }]);
  }
}

const DEFAULT_IMPORT_BATCH_SIZE = 1000;

type Source = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

/**
 * Reads a MARC file (ISO 2709 or MARCXML, MARC21 or RUSMARC/UNIMARC) from a stream and stores it
 * in batches, each in its own transaction: a failure later in the file keeps what was committed, and
 * memory stays flat whatever the file's size. Every record the reader cannot read is counted as failed
 * and handed to `onError` (number, offset, code, Russian reason); the rest are imported.
 * `onProgress` is called after each batch (and every `batchSize` unreadable records); when it returns
 * a promise, reading waits for it.
 *
 * Throws NotMarcError, before storing anything, when the file starts like neither format, and after
 * reading when it held no record at all (empty, or XML without MARC records).
 */
export async function importMarc(options: {
  db: Kysely<DB>;
  actor: Actor;
  source: Source;
  options: ImportMarcOptions;
  onProgress?: (progress: ImportMarcProgress) => void | Promise<void>;
  onError?: (error: ImportRecordError) => void;
}): Promise<ImportMarcSummary> {
  const { db, actor, onProgress, onError } = options;
  const { schema, encoding, onMatch } = options.options;
  const batchSize = options.options.batchSize ?? DEFAULT_IMPORT_BATCH_SIZE;
  assertCanCompileNetworkRecords(actor);

  const input = await peek(options.source);
  if (stripBom(input.head) === '') throw new NotMarcError('Файл пуст: в нём нет ни одной записи.');
  const format = options.options.format ?? detectFormat(input.head);
  if (options.options.format === undefined && format === 'iso2709' && !/^\d{5}/.test(stripBom(input.head))) {
    // The source is the caller's to close (or, for an upload, to drain).
    throw new NotMarcError(NOT_MARC);
  }
  let bytesRead = 0;
  const counted = (async function* () {
    for await (const chunk of input.chunks) {
      bytesRead += chunk.byteLength;
      yield chunk;
    }
  })();
  const results: AsyncIterable<MarcReadResult> = format === 'marcxml'
    ? readMarcXml(counted)
    : readIso2709(counted, { encoding: encoding ?? 'auto' });

  const summary: ImportMarcSummary = { read: 0, imported: 0, updated: 0, skipped: 0, failed: 0 };
  const detected: ImportDetected = { format, schemas: {}, encodings: {} };
  const report = async () => {
    if (onProgress) await onProgress({ bytesRead, summary: { ...summary }, detected: copyDetected(detected) });
  };
  const { analyzed: analyzedBefore } = await bibRecordCounts(db);
  /**
   * Stores a batch in one transaction. When the database refuses a record's data (a value an index cannot
   * hold, a key another writer took), the batch is stored again record by record, each refused record reported
   * with its place in the file — the others are kept, as a bad record of the file would be.
   */
  const store = async (records: PreparedBibRecord[], places: RecordPlace[]) => {
    try {
      return { ...await db.transaction().execute((trx) => saveBibRecords({ trx, actor, records, onMatch })), failed: 0 };
    } catch (error) {
      if (!refusedData(error)) throw error;
    }
    const total = { imported: 0, updated: 0, skipped: 0, failed: 0 };
    for (const [i, record] of records.entries()) {
      try {
        const saved = await db.transaction().execute((trx) => saveBibRecords({ trx, actor, records: [record], onMatch }));
        total.imported += saved.imported;
        total.updated += saved.updated;
        total.skipped += saved.skipped;
      } catch (error) {
        if (!refusedData(error)) throw error;
        total.failed++;
        onError?.({ ...places[i]!, code: 'refused-by-database', reason: refusalReason(error) });
      }
    }
    return total;
  };
  let batch: PreparedBibRecord[] = [];
  let places: RecordPlace[] = [];
  // Failed records: those the reader could not read, and those the database refused (known once their batch is stored).
  let unreadable = 0;
  let refused = 0;
  // Pipelined: while the database stores batch n, reading and projecting batch n+1 go on (PostgreSQL
  // works in its own process). Batch n+1 is matched and written only once batch n is committed, so
  // matching sees every earlier record, as without the pipeline (docs/ARCHITECTURE.md, «Import and parse speed»).
  let writing: Promise<void> = Promise.resolve();
  const save = async () => {
    if (batch.length === 0) return;
    const records = batch;
    const recordPlaces = places;
    batch = [];
    places = [];
    // Progress is reported as of this batch: what had been read when it was sent, and stored once it is committed.
    const sent = { read: summary.read, unreadable, bytesRead, detected: copyDetected(detected) };
    await writing;
    writing = (async () => {
      const saved = await store(records, recordPlaces);
      summary.imported += saved.imported;
      summary.updated += saved.updated;
      summary.skipped += saved.skipped;
      refused += saved.failed;
      summary.failed = unreadable + refused;
      if (onProgress) {
        await onProgress({ bytesRead: sent.bytesRead, summary: { ...summary, read: sent.read, failed: sent.unreadable + refused }, detected: sent.detected });
      }
    })();
    writing.catch(() => undefined); // rethrown by the next `await writing`
  };
  let failedSinceReport = 0;
  try {
    for await (const result of results) {
      summary.read++;
      if (result.kind === 'error') {
        summary.failed = ++unreadable + refused;
        onError?.({ index: result.index, byteOffset: result.byteOffset ?? null, code: result.code, reason: result.reason });
        if (++failedSinceReport >= batchSize) {
          failedSinceReport = 0;
          await writing;
          await report();
        }
        continue;
      }
      const recordSchema = schema ?? detectSchema(result.record) ?? 'marc21';
      detected.schemas[recordSchema] = (detected.schemas[recordSchema] ?? 0) + 1;
      if (result.encoding) detected.encodings[result.encoding] = (detected.encodings[result.encoding] ?? 0) + 1;
      batch.push(prepareBibRecord(result.record, recordSchema));
      places.push({ index: result.index, byteOffset: result.byteOffset ?? null });
      // Let the database's answers in: the reader runs on promises alone and would otherwise keep the
      // event loop to itself for a whole chunk of the file (~1 MB, ~100 ms), delaying each of the batch
      // writer's round trips by as much (measured: 2,170 → 3,010 records/s). Every 10 records rather than 50
      // (~1.5 ms of work between two looks): 3,768 → 4,373–4,496 records/s on 200,000 records (session 7);
      // every 3 gained nothing more.
      if (batch.length % 10 === 0) await new Promise(setImmediate);
      if (batch.length >= batchSize) {
        await save();
        failedSinceReport = 0;
      }
    }
  } catch (error) {
    // The source failed (a read error, an upload cut off): the batch being written finishes first, so that
    // nothing is stored, and no progress reported, after the caller has been told the import failed.
    await writing.catch(() => undefined);
    throw error;
  }
  await save();
  await writing;
  // The statistics of every column queries filter on, once the import has added a tenth of the table; during
  // the import saveBibRecords keeps only the matching columns' up to date. PGlite has no autovacuum to do it.
  if (summary.imported > 0 && summary.imported >= analyzedBefore / 10) await analyzeBibRecords(db, { matchingOnly: false });
  await report();
  if (summary.read === 0) throw new NotMarcError(NO_RECORDS[format]);
  return summary;
}

/** Where a record stands in the file, for its error report. */
type RecordPlace = Pick<ImportRecordError, 'index' | 'byteOffset'>;

/**
 * Whether the database refused a record's data (SQLSTATE classes 22 data exception, 23 integrity constraint, 54
 * program limit, e.g. an index entry over its size), not failed as a whole (a lost connection ends the import).
 */
const refusedData = (error: unknown) => /^(22|23|54)/.test(String((error as { code?: unknown }).code ?? ''));

function refusalReason(error: unknown): string {
  const { code, message } = error as { code: string; message: string };
  if (code === '23505') return 'база данных не приняла запись: запись с тем же контрольным номером (001/003) уже сохранена другим пользователем';
  if (code.startsWith('54')) return `база данных не приняла запись: слишком длинное значение (${message})`;
  return `база данных не приняла запись: ${message}`;
}

const NOT_MARC = 'Файл не похож на MARC: запись ISO 2709 начинается с пяти цифр длины, файл MARCXML — со знака «<». '
  + 'Выберите файл .mrc, .iso или .xml, выгруженный из библиотечной системы.';
const NO_RECORDS: Record<MarcFileFormat, string> = {
  iso2709: 'В файле нет ни одной записи ISO 2709.',
  marcxml: 'В файле XML нет ни одной записи MARCXML (элементов <record> с полями MARC).',
};

const copyDetected = (d: ImportDetected): ImportDetected => ({ format: d.format, schemas: { ...d.schemas }, encodings: { ...d.encodings } });

const stripBom = (head: string) => head.replace(/^\xEF\xBB\xBF/, '').trimStart();

/** ISO 2709 unless the head starts (after a BOM or blanks) with '<'. */
function detectFormat(head: string): MarcFileFormat {
  return stripBom(head).startsWith('<') ? 'marcxml' : 'iso2709';
}

/**
 * Reads the source until its first 64 non-blank bytes are known (or it ends), and gives back those
 * bytes as text (latin1) and the whole stream again, the bytes read included.
 */
async function peek(source: Source): Promise<{ head: string; chunks: AsyncIterable<Uint8Array> }> {
  const iterator = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  const taken: Uint8Array[] = [];
  let head = '';
  for (;;) {
    if (stripBom(head).length >= 64) break;
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    taken.push(chunk);
    head += Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(chunk.byteLength, 4096)).toString('latin1');
  }
  const chunks = (async function* () {
    yield* taken;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    }
  })();
  return { head, chunks };
}
