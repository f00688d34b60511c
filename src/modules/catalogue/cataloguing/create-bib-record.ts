import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { ProblemError, invalid } from '../../../server/problem.js';
import { recordAudit, type Actor } from '../../auth/index.js';
import { listNetworks } from '../../network/index.js';
import { addCatalogueWords, findBibRecord, insertBibRecords, updateBibRecords } from '../catalogue.queries.js';
import type { BibRecordView } from '../catalogue.schemas.js';
import type { MarcRecord } from '../marc/record.js';
import { detectSchema, type MarcSchema } from '../marc/schema.js';
import { presentBibRecord } from '../present.js';
import { formFromRecord, recordFromForm, touchRecord } from './bib-form.js';
import { bibRecordRow } from '../bib-record-row.js';
import { assertCanCatalogue } from './cataloguing-policy.js';
import { findIdByOwnControlNumber } from './cataloguing.queries.js';
import type { CreateBibRecordInput } from './cataloguing.schemas.js';
import { findDuplicates } from './find-duplicates.js';
import { assertValidBibForm } from './validate-bib-form.js';

/**
 * Catalogues a new record, from the form (librarians) or as a whole MARC record (experts). The
 * record gets the network's control number: 001 = «<код сети>-<id записи>» (unique with the id, and
 * across networks thanks to the prefix), 003 = the network's code in MARC21 (RUSMARC names the
 * cataloguing agency in 801 $b instead). A likely duplicate is refused with 409 unless confirmed.
 */
export async function createBibRecord(options: { trx: Kysely<DB>; actor: Actor; input: CreateBibRecordInput; now?: Date }): Promise<BibRecordView> {
  const { trx, actor, input } = options;
  const now = options.now ?? new Date();
  assertCanCatalogue(actor);
  const network = (await listNetworks(trx)).find((candidate) => candidate.id === actor.networkId);
  if (!network) throw new Error(`network ${actor.networkId} not found`);
  const { schema } = input;
  // The id is known only after the insert: the record goes in under a provisional number, then gets its own.
  const provisional = `${network.code}-new-${randomUUID()}`;

  let record: MarcRecord;
  if (input.form) {
    const form = { ...input.form, contents: input.form.contents ?? [] };
    assertValidBibForm(form, { previous: null, now, whole: 'form' });
    record = recordFromForm(form, schema, { controlNumber: provisional, agency: network.code, now });
  } else {
    const given = input.record!;
    assertSchemaFits(given, schema);
    assertValidBibForm(formFromRecord(given, schema), { previous: null, now, whole: 'record' });
    record = touchRecord(withControlNumber(given, schema, provisional, network.code), now);
  }

  if (!input.confirmDuplicate) {
    const projection = bibRecordRow(record, schema).projection;
    const author = projection.persons.find((person) => person.primary) ?? projection.persons[0];
    const candidates = await findDuplicates(trx, actor.networkId, {
      isbn: projection.isbns.join(','), title: projection.title, author: author?.name, year: projection.year ?? undefined,
    }, 5);
    if (candidates.length > 0) {
      const list = candidates.map((candidate) => `«${candidate.title}» (№ ${candidate.id}: ${candidate.reason})`).join('; ');
      throw new ProblemError(409, 'Вероятный дубликат', `Похоже, такая запись уже есть: ${list}. Чтобы сохранить всё равно, подтвердите сохранение.`,
        [{ field: 'confirmDuplicate', message: `Похоже, такая запись уже есть: ${list}` }]);
    }
  }

  await insertBibRecords(trx, actor.networkId, [bibRecordRow(record, schema)]);
  const id = await findIdByOwnControlNumber(trx, actor.networkId, provisional);
  if (id === undefined) throw new Error('the record just inserted is not found');
  const final = bibRecordRow(withControlNumber(record, schema, `${network.code}-${id}`, network.code), schema);
  await updateBibRecords(trx, actor.networkId, [{ id, row: final }]);
  await addCatalogueWords(trx, actor.networkId, [final]);

  const view = presentBibRecord((await findBibRecord(trx, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'create', entity: 'bib_record', entityId: id, after: view });
  return view;
}

/** A MARC record given for one schema that plainly is the other (245 for RUSMARC, 200 without 245 for MARC21). */
export function assertSchemaFits(record: MarcRecord, schema: MarcSchema, field = 'record'): void {
  const detected = detectSchema(record);
  if (detected && detected !== schema) {
    throw invalid(field, `запись похожа на ${detected === 'marc21' ? 'MARC21 (есть поле 245)' : 'RUSMARC (поле 200 без 245)'}, а указана схема ${schema === 'marc21' ? 'MARC21' : 'RUSMARC'}`);
  }
}

/** Sets 001 (and 003 in MARC21) to this network's number, in tag order. */
function withControlNumber(record: MarcRecord, schema: MarcSchema, controlNumber: string, agency: string): MarcRecord {
  const fields = record.fields.filter((field) => field.tag !== '001' && (schema !== 'marc21' || field.tag !== '003'));
  const own = [{ tag: '001', value: controlNumber }, ...(schema === 'marc21' ? [{ tag: '003', value: agency }] : [])];
  return { ...record, fields: [...own, ...fields] };
}
