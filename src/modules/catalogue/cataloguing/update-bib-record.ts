import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { conflict, notFound } from '../../../server/problem.js';
import { recordAudit, type Actor } from '../../auth/index.js';
import { addCatalogueWords, findBibRecord, updateBibRecords } from '../catalogue.queries.js';
import type { BibRecordView } from '../catalogue.schemas.js';
import type { MarcRecord } from '../marc/record.js';
import { presentBibRecord } from '../present.js';
import { applyForm, formFromRecord, touchRecord } from './bib-form.js';
import { bibRecordRow } from '../bib-record-row.js';
import { assertCanCatalogue, assertCanReplaceWholeRecord } from './cataloguing-policy.js';
import { lockBibRecord } from './cataloguing.queries.js';
import type { UpdateBibRecordInput } from './cataloguing.schemas.js';
import { assertSchemaFits } from './create-bib-record.js';
import { assertValidBibForm } from './validate-bib-form.js';

/**
 * Saves a change made with the form (only the form's fields are rewritten, every other field stays)
 * or to the whole MARC record (administrator and methodologist only: it can drop any field). A stale edit is refused: the editor sends the `updatedAt` it loaded,
 * and if someone saved the record in between, 409 says so instead of silently undoing their work.
 */
export async function updateBibRecord(options: { trx: Kysely<DB>; actor: Actor; id: number; input: UpdateBibRecordInput; now?: Date }): Promise<BibRecordView> {
  const { trx, actor, id, input } = options;
  const now = options.now ?? new Date();
  assertCanCatalogue(actor);
  if (input.record) assertCanReplaceWholeRecord(actor);
  const row = await lockBibRecord(trx, actor.networkId, id);
  if (!row) throw notFound('Библиографическая запись');
  const before = presentBibRecord(row);
  if (before.updatedAt !== input.updatedAt) {
    const when = row.updated_at.toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'short', timeStyle: 'short' });
    throw conflict('updatedAt', `запись уже изменена другим пользователем (${when} МСК), пока вы её правили. `
      + 'Откройте запись заново и внесите свою правку ещё раз');
  }
  const stored = row.record as MarcRecord;
  const previous = formFromRecord(stored, row.schema);
  let next: MarcRecord;
  if (input.form) {
    const form = { ...input.form, contents: input.form.contents ?? previous.contents };
    assertValidBibForm(form, { previous, now, whole: 'form' });
    next = applyForm(stored, row.schema, form);
  } else {
    assertSchemaFits(input.record!, row.schema);
    assertValidBibForm(formFromRecord(input.record!, row.schema), { previous, now, whole: 'record' });
    next = input.record!;
  }
  if (JSON.stringify(next) === JSON.stringify(stored)) return before;

  const updated = bibRecordRow(touchRecord(next, now), row.schema);
  await updateBibRecords(trx, actor.networkId, [{ id, row: updated }]);
  await addCatalogueWords(trx, actor.networkId, [updated]);
  const after = presentBibRecord((await findBibRecord(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity: 'bib_record', entityId: id, before, after });
  return after;
}
