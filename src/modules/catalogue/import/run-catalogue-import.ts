import type { Kysely } from 'kysely';
import type { CatalogueImportsTable, DB } from '../../../db/schema.js';
import { assertCanCompileNetworkRecords, type Actor } from '../../auth/index.js';
import {
  importMarc, NotMarcError, type ImportDetected, type ImportMarcOptions, type ImportMarcProgress, type ImportMarcSummary, type ImportRecordError,
} from './import-marc.js';
import { AFTER_INTERRUPTION, failRunningUploads, findCatalogueImport, insertCatalogueImport, updateCatalogueImport, type CatalogueImportDetailRow } from './import.queries.js';

/**
 * Bad records' reports kept in the import's row: enough for any file a librarian would fix by hand,
 * small enough that the row (rewritten after every batch) stays cheap. failed_count counts them all;
 * the CLI prints every one on stderr.
 */
export const STORED_ERRORS_MAX = 1000;

export interface RunCatalogueImportInput {
  fileName: string;
  /** Bytes, when known in advance: the share read is shown against it. */
  fileSize: number | null;
  options: ImportMarcOptions;
}

/**
 * An import recorded in catalogue_imports: the row is created 'running', updated after every batch
 * (counts, bytes read, what was detected, the first STORED_ERRORS_MAX error reports) and finished
 * 'done', or 'failed' with a Russian message when the whole file was refused (not MARC) or the import
 * broke off (the records of the batches committed before stay). Returns the finished row. Errors other
 * than NotMarcError are rethrown after the row is marked failed.
 */
export async function runCatalogueImport(options: {
  db: Kysely<DB>;
  actor: Actor;
  source: AsyncIterable<Uint8Array> | NodeJS.ReadableStream;
  input: RunCatalogueImportInput;
  onProgress?: (progress: ImportMarcProgress) => void;
  onError?: (error: ImportRecordError) => void;
}): Promise<CatalogueImportDetailRow> {
  const { db, actor, source, input } = options;
  assertCanCompileNetworkRecords(actor);
  const chosen = input.options;
  const id = await insertCatalogueImport(db, {
    networkId: actor.networkId, fileName: input.fileName, fileSize: input.fileSize, format: chosen.format ?? null,
    schema: chosen.schema ?? null, encoding: chosen.encoding ?? null, onMatch: chosen.onMatch, userId: actor.userId,
  });
  const errors: ImportRecordError[] = [];
  let errorsChanged = false;
  let last: { bytesRead: number; summary: ImportMarcSummary; detected?: ImportDetected } = {
    bytesRead: 0, summary: { read: 0, imported: 0, updated: 0, skipped: 0, failed: 0 },
  };
  const save = (extra: Parameters<typeof updateCatalogueImport>[3] = {}) => updateCatalogueImport(db, actor.networkId, id, {
    bytesRead: last.bytesRead, counts: last.summary, ...detectedColumns(chosen, last.detected),
    ...(errorsChanged ? { errors } : {}), ...extra,
  });
  try {
    const summary = await importMarc({
      db, actor, source, options: chosen,
      onError: (error) => {
        if (errors.length < STORED_ERRORS_MAX) {
          errors.push(error);
          errorsChanged = true;
        }
        options.onError?.(error);
      },
      onProgress: async (progress) => {
        last = progress;
        await save();
        errorsChanged = false;
        // After the row is written: whoever is told of the progress finds it in the row too.
        options.onProgress?.(progress);
      },
    });
    last = { ...last, summary };
    errorsChanged = true;
    await save({ status: 'done', finished: true });
  } catch (error) {
    errorsChanged = true;
    const message = error instanceof NotMarcError ? error.message : `Загрузка прервана: ${error instanceof Error ? error.message : String(error)}`;
    await save({ status: 'failed', message, finished: true }).catch(() => undefined);
    if (!(error instanceof NotMarcError)) throw error;
  }
  return (await findCatalogueImport(db, actor.networkId, id))!;
}

/** The format, schema and encoding as chosen, else as detected ('mixed' when records differ), and which were detected. */
function detectedColumns(chosen: ImportMarcOptions, detected: ImportDetected | undefined): {
  format?: CatalogueImportsTable['format']; schema?: CatalogueImportsTable['schema'];
  encoding?: CatalogueImportsTable['encoding']; autoDetected?: string[];
} {
  if (!detected) return {};
  const single = <T extends string>(counts: Partial<Record<T, number>>): T | 'mixed' | null => {
    const present = Object.keys(counts) as T[];
    return present.length === 0 ? null : present.length === 1 ? present[0]! : 'mixed';
  };
  const autoDetected = [
    ...(chosen.format ? [] : ['format']),
    ...(chosen.schema ? [] : ['schema']),
    ...(chosen.encoding && detected.format === 'iso2709' ? [] : ['encoding']),
  ];
  return {
    format: chosen.format ?? detected.format,
    schema: chosen.schema ?? single(detected.schemas),
    // A chosen encoding applies to ISO 2709 only: MARCXML is read in the one its declaration names.
    encoding: detected.format === 'iso2709' && chosen.encoding ? chosen.encoding : single(detected.encodings),
    autoDetected,
  };
}

const INTERRUPTED_UPLOAD_MESSAGE = `Загрузка прервана: сервер был остановлен, пока файл загружался. ${AFTER_INTERRUPTION}`;

/**
 * At the server's start: uploads still marked running were cut off when the previous server stopped
 * (an upload lives only in the server that receives it), so they are marked failed, saying why. Imports
 * from the command line (no user) are left alone: they run in their own processes, maybe right now.
 * Returns how many were marked.
 */
export function failInterruptedUploads(db: Kysely<DB>): Promise<number> {
  return failRunningUploads(db, INTERRUPTED_UPLOAD_MESSAGE);
}
