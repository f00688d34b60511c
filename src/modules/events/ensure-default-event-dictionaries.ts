import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { assertAdmin, recordAudit, type Actor } from '../auth/index.js';
import { DICTIONARIES, type DictionaryKind } from './dictionary-entries.js';
import { findDictionaryCodes, insertDictionaryEntries, listDictionary, type DictionaryRow } from './events.queries.js';
import { presentDictionaryEntry, presentForm } from './present.js';

/**
 * The forms and directions most Russian public libraries report by: a starting point that each
 * network renames, extends or retires as its methodologists see fit.
 */
export const DEFAULT_EVENT_FORMS = [
  { code: 'book_exhibition', name: 'Книжная выставка', countsDocuments: true },
  { code: 'lecture', name: 'Лекция' },
  { code: 'talk', name: 'Беседа, час информации' },
  { code: 'literary_evening', name: 'Литературный вечер' },
  { code: 'quiz', name: 'Викторина' },
  { code: 'master_class', name: 'Мастер-класс' },
  { code: 'club_meeting', name: 'Заседание клуба' },
  { code: 'excursion', name: 'Экскурсия' },
  { code: 'contest', name: 'Конкурс' },
  { code: 'campaign_event', name: 'Акция' },
  { code: 'loud_reading', name: 'Громкие чтения' },
  { code: 'game_programme', name: 'Игровая программа' },
  { code: 'presentation', name: 'Презентация книги, встреча с автором' },
  { code: 'holiday', name: 'Праздник, тематический вечер' },
] as const;

export const DEFAULT_EVENT_DIRECTIONS = [
  { code: 'patriotic', name: 'Патриотическое воспитание' },
  { code: 'local_history', name: 'Краеведение' },
  { code: 'ecology', name: 'Экологическое просвещение' },
  { code: 'financial_literacy', name: 'Финансовая грамотность' },
  { code: 'legal', name: 'Правовое просвещение' },
  { code: 'healthy_lifestyle', name: 'Здоровый образ жизни' },
  { code: 'reading_promotion', name: 'Продвижение чтения' },
  { code: 'family', name: 'Семья и семейное чтение' },
  { code: 'spiritual', name: 'Духовно-нравственное воспитание' },
  { code: 'arts', name: 'Искусство и эстетическое воспитание' },
  { code: 'digital_literacy', name: 'Информационная и цифровая грамотность' },
  { code: 'career', name: 'Профориентация' },
  { code: 'prevention', name: 'Профилактика экстремизма и правонарушений' },
] as const;

const DEFAULTS: Record<DictionaryKind, readonly { code: string; name: string; countsDocuments?: boolean }[]> = {
  forms: DEFAULT_EVENT_FORMS,
  directions: DEFAULT_EVENT_DIRECTIONS,
};

export type EventFormCode = (typeof DEFAULT_EVENT_FORMS)[number]['code'];
export type EventDirectionCode = (typeof DEFAULT_EVENT_DIRECTIONS)[number]['code'];

/**
 * Adds the default forms and directions a network lacks (by code), so a new network can record
 * events at once; entries the network already has — renamed or retired — are left as they are.
 * Safe to run again. Returns how many entries were added, and both dictionaries as they now are.
 */
export async function ensureDefaultEventDictionaries(options: { trx: Kysely<DB>; actor: Actor }) {
  const { trx, actor } = options;
  assertAdmin(actor);
  const lists = { forms: [] as DictionaryRow[], directions: [] as DictionaryRow[] };
  const added: Record<DictionaryKind, number> = { forms: 0, directions: 0 };
  for (const kind of ['forms', 'directions'] as const) {
    const { table, entity } = DICTIONARIES[kind];
    const existing = await findDictionaryCodes(trx, table, actor.networkId);
    const missing = DEFAULTS[kind].filter((entry) => !existing.has(entry.code));
    const ids = await insertDictionaryEntries(trx, table, missing.map((entry) => ({
      network_id: actor.networkId, code: entry.code, name: entry.name,
      ...(kind === 'forms' ? { counts_documents: entry.countsDocuments ?? false } : {}),
    })));
    lists[kind] = await listDictionary(trx, table, actor.networkId);
    await recordAudit(trx, actor, lists[kind].filter((row) => ids.includes(row.id))
      .map((row) => ({ action: 'create' as const, entity, entityId: row.id, after: presentDictionaryEntry(row) })));
    added[kind] = ids.length;
  }
  return { added, forms: lists.forms.map(presentForm), directions: lists.directions.map(presentDictionaryEntry) };
}
