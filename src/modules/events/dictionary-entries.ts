import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { conflict, notFound } from '../../server/problem.js';
import { assertAdmin, recordAudit, type Actor } from '../auth/index.js';
import {
  findDictionaryCodes, findDictionaryEntry, insertDictionaryEntries, updateDictionaryRow, type DictionaryTable,
} from './events.queries.js';
import type { CreateDictionaryEntryInput, UpdateDictionaryEntryInput } from './events.schemas.js';
import { presentDictionaryEntry } from './present.js';

/** The two configurable dictionaries of events: same shape, same rules; forms also say whether they count documents. */
export const DICTIONARIES = {
  forms: { table: 'event_forms', entity: 'event_form', what: 'Форма мероприятия' },
  directions: { table: 'event_directions', entity: 'event_direction', what: 'Направление' },
} as const satisfies Record<string, { table: DictionaryTable; entity: string; what: string }>;
export type DictionaryKind = keyof typeof DICTIONARIES;

/** Adds an entry to a network's dictionary; the code is its stable identifier and never changes. */
export async function createDictionaryEntry(options: { trx: Kysely<DB>; actor: Actor; kind: DictionaryKind; input: CreateDictionaryEntryInput }) {
  const { trx, actor, kind, input } = options;
  const { table, entity } = DICTIONARIES[kind];
  assertAdmin(actor);
  if ((await findDictionaryCodes(trx, table, actor.networkId)).has(input.code)) {
    throw conflict('code', `код «${input.code}» уже есть в справочнике`);
  }
  const [id] = await insertDictionaryEntries(trx, table, [{
    network_id: actor.networkId, code: input.code, name: input.name,
    ...(kind === 'forms' ? { counts_documents: input.countsDocuments ?? false } : {}),
  }]);
  const entry = presentDictionaryEntry((await findDictionaryEntry(trx, table, actor.networkId, id!))!);
  await recordAudit(trx, actor, { action: 'create', entity, entityId: id!, after: entry });
  return entry;
}

/** Renames an entry or takes it out of use (old events keep it; new ones cannot choose it). */
export async function updateDictionaryEntry(options: {
  trx: Kysely<DB>; actor: Actor; kind: DictionaryKind; id: number; input: UpdateDictionaryEntryInput;
}) {
  const { trx, actor, kind, id, input } = options;
  const { table, entity, what } = DICTIONARIES[kind];
  assertAdmin(actor);
  const existing = await findDictionaryEntry(trx, table, actor.networkId, id);
  if (!existing) throw notFound(what);
  await updateDictionaryRow(trx, table, id, {
    name: input.name, is_active: input.isActive, ...(kind === 'forms' ? { counts_documents: input.countsDocuments } : {}),
  });
  const before = presentDictionaryEntry(existing);
  const after = presentDictionaryEntry((await findDictionaryEntry(trx, table, actor.networkId, id))!);
  await recordAudit(trx, actor, { action: 'update', entity, entityId: id, before, after });
  return after;
}
