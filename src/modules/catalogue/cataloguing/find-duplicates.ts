import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { parseIsbn } from '../../../shared/isbn.js';
import type { ProjectedPerson } from '../projection/project.js';
import { findDuplicateRows } from './cataloguing.queries.js';
import type { DuplicateCandidate, DuplicatesQuery } from './cataloguing.schemas.js';

/** "Пушкин, Александр Сергеевич", "Пушкин А. С." or "Пушкин" → "Пушкин". */
export const surnameOf = (name: string) => name.trim().split(/[,\s]/)[0] ?? '';

/**
 * Likely duplicates of a record being catalogued, each with its reason: a valid ISBN in common (any of the
 * record's: `isbn` may list several, separated by commas); else a
 * similar title (trigrams) with the same author's surname or the same year. A title alone is not
 * enough — «Стихотворения» or «Сказки» would find half the catalogue.
 */
export async function findDuplicates(db: Kysely<DB>, networkId: number, query: DuplicatesQuery, limit = 10): Promise<DuplicateCandidate[]> {
  // Each valid ISBN asked for, as typed (for the reason) and as stored (ISBN-13 digits).
  const asked = (query.isbn ?? '').split(/[,;]/).flatMap((text) => {
    const isbn13 = parseIsbn(text)?.isbn13;
    return isbn13 ? [{ typed: text.trim(), isbn13 }] : [];
  });
  const isbn13s = asked.map((isbn) => isbn.isbn13);
  const title = (query.title ?? '').trim();
  const surname = surnameOf(query.author ?? '');
  if (isbn13s.length === 0 && title.length < 3) return [];
  const rows = await findDuplicateRows(db, networkId, {
    isbn13s, title: title.length >= 3 ? title : '', surname, year: query.year ?? null, excludeId: query.excludeId ?? null, limit,
  });
  return rows.map((row) => {
    const persons = row.persons as ProjectedPerson[];
    const primary = persons.filter((person) => person.primary);
    let reason: string;
    if (row.same_isbn) reason = `тот же ISBN ${asked.find((isbn) => row.isbns.includes(isbn.isbn13))!.typed}`;
    else if (row.same_author && row.same_year) reason = `похожее заглавие, тот же автор (${surname}) и год (${query.year})`;
    else if (row.same_author) reason = `похожее заглавие и тот же автор (${surname})`;
    else reason = `похожее заглавие и тот же год издания (${query.year})`;
    return {
      id: row.id, title: row.title, authors: (primary.length > 0 ? primary : persons).slice(0, 3).map((person) => person.name),
      publisher: row.publisher, year: row.year, isbns: row.isbns, reason,
    };
  });
}
