import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { parseIsbn } from '../../../shared/isbn.js';
import type { ProjectedPerson } from '../projection/project.js';
import { findDuplicateRows } from './cataloguing.queries.js';
import type { DuplicateCandidate, DuplicatesQuery } from './cataloguing.schemas.js';

/** "Пушкин, Александр Сергеевич", "Пушкин А. С." or "Пушкин" → "Пушкин". */
export const surnameOf = (name: string) => name.trim().split(/[,\s]/)[0] ?? '';

/**
 * Likely duplicates of a record being catalogued, each with its reason: the same valid ISBN; else a
 * similar title (trigrams) with the same author's surname or the same year. A title alone is not
 * enough — «Стихотворения» or «Сказки» would find half the catalogue.
 */
export async function findDuplicates(db: Kysely<DB>, networkId: number, query: DuplicatesQuery, limit = 10): Promise<DuplicateCandidate[]> {
  const isbn = query.isbn ? parseIsbn(query.isbn) : undefined;
  const isbn13 = isbn?.isbn13 ?? null;
  const title = (query.title ?? '').trim();
  const surname = surnameOf(query.author ?? '');
  if (!isbn13 && title.length < 3) return [];
  const rows = await findDuplicateRows(db, networkId, {
    isbn13, title: title.length >= 3 ? title : '', surname, year: query.year ?? null, excludeId: query.excludeId ?? null, limit,
  });
  return rows.map((row) => {
    const persons = row.persons as ProjectedPerson[];
    const primary = persons.filter((person) => person.primary);
    let reason: string;
    if (row.same_isbn) reason = `тот же ISBN ${query.isbn?.trim()}`;
    else if (row.same_author && row.same_year) reason = `похожее заглавие, тот же автор (${surname}) и год (${query.year})`;
    else if (row.same_author) reason = `похожее заглавие и тот же автор (${surname})`;
    else reason = `похожее заглавие и тот же год издания (${query.year})`;
    return {
      id: row.id, title: row.title, authors: (primary.length > 0 ? primary : persons).slice(0, 3).map((person) => person.name),
      publisher: row.publisher, year: row.year, isbns: row.isbns, reason,
    };
  });
}
