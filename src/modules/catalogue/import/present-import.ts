import type { CatalogueImportDetailRow, CatalogueImportRow } from './import.queries.js';

export const presentCatalogueImport = (row: CatalogueImportRow) => ({
  id: row.id,
  fileName: row.file_name,
  fileSize: row.file_size === null ? null : Number(row.file_size),
  bytesRead: Number(row.bytes_read),
  format: row.format,
  schema: row.schema,
  encoding: row.encoding,
  autoDetected: row.auto_detected,
  onMatch: row.on_match,
  status: row.status,
  message: row.message,
  read: row.read_count,
  imported: row.imported_count,
  updated: row.updated_count,
  skipped: row.skipped_count,
  failed: row.failed_count,
  errorsStored: Number(row.errors_stored),
  user: row.user_id === null ? null : { id: row.user_id, fullName: row.user_full_name ?? '' },
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export const presentCatalogueImportDetail = (row: CatalogueImportDetailRow) => ({ ...presentCatalogueImport(row), errors: row.errors });
