import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { invalid, notFound, ProblemError } from '../../server/problem.js';
import { assertCanRecordForBranches, recordAudit, type Actor } from '../auth/index.js';
import { findAward, findAwardDocumentInfo, saveAwardDocument } from './achievements.queries.js';
import type { DocumentView } from './achievements.schemas.js';
import { detectDocumentType, documentFileName, DOCUMENT_TYPES, isDocumentMediaType, MAX_DOCUMENT_BYTES } from './document-type.js';

export const documentTooLarge = () =>
  new ProblemError(413, 'Слишком большой файл', `document: файл больше ${MAX_DOCUMENT_BYTES / 1024 / 1024} МБ`, [
    { field: 'document', message: `файл больше ${MAX_DOCUMENT_BYTES / 1024 / 1024} МБ: отсканируйте с меньшим разрешением` },
  ]);

const presentInfo = (row: NonNullable<Awaited<ReturnType<typeof findAwardDocumentInfo>>>): DocumentView => ({
  fileName: row.file_name, mediaType: row.media_type, sizeBytes: row.size_bytes, sha256: row.sha256, uploadedAt: row.uploaded_at,
});

/**
 * Attaches the scanned diploma (PDF, JPEG or PNG) to an award, replacing an earlier one. The type
 * the client declares must be the one the content proves.
 */
export async function attachDocument(options: {
  trx: Kysely<DB>; actor: Actor; awardId: number; file: { content: Uint8Array; declaredType: string; fileName?: string };
}) {
  const { trx, actor, awardId, file } = options;
  const award = await findAward(trx, actor.networkId, awardId);
  if (!award) throw notFound('Результат');
  assertCanRecordForBranches(actor, [award.branch_id]);
  if (file.content.length === 0) throw invalid('document', 'файл пуст');
  if (file.content.length > MAX_DOCUMENT_BYTES) throw documentTooLarge();
  const type = detectDocumentType(file.content);
  if (!type) throw invalid('document', 'это не PDF, JPEG или PNG: загрузите скан диплома в одном из этих форматов');
  if (!isDocumentMediaType(file.declaredType) || file.declaredType !== type) {
    const declared = isDocumentMediaType(file.declaredType) ? DOCUMENT_TYPES[file.declaredType].label : file.declaredType;
    throw invalid('document', `файл отправлен как ${declared}, а по содержимому это ${DOCUMENT_TYPES[type].label}`);
  }

  const existing = await findAwardDocumentInfo(trx, awardId);
  await saveAwardDocument(trx, {
    award_id: awardId,
    network_id: actor.networkId,
    file_name: documentFileName(file.fileName, type),
    media_type: type,
    size_bytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
  });
  const document = presentInfo((await findAwardDocumentInfo(trx, awardId))!);
  await recordAudit(trx, actor, {
    action: existing ? 'update' : 'create', entity: 'award_document', entityId: awardId,
    before: existing ? presentInfo(existing) : null, after: document,
  });
  return document;
}
