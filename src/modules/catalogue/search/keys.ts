/**
 * Folded forms the search compares: the same function builds the stored keys (on write) and the
 * query's keys (on search), so «Капитанская дочка!» and «капитанская  ДОЧКА» meet. The SQL backfill of
 * migration 0008 spells the title key as btrim(regexp_replace(lower(translate(t, 'ёЁ', 'еЕ')), '[^0-9a-zа-я]+', ' ', 'g')).
 */
import type { BibProjection, ProjectedPerson } from '../projection/project.js';
import { bbkDivisionsOf } from './bbk-divisions.js';

/** Lower case, ё → е, everything but Latin and Russian letters and digits → one space. */
export function foldKey(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е').replace(/[^0-9a-zа-я]+/g, ' ').trim();
}

/**
 * The title key (exact-title ranking and the title sort): the folded title with each run of digits padded
 * to six, so titles sort as numbers read — «вып 000009» before «вып 000026», «Вып. 9» before «Вып. 26».
 */
export function titleKey(text: string): string {
  return foldKey(text).replace(/[0-9]+/g, (digits) => digits.padStart(6, '0'));
}

/** The words of a text for full-text and the typo dictionary: letters and digits, lower case, ё → е. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().replaceAll('ё', 'е').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The primary authors: persons and organisations marked primary; else the authors by role; else the first person
 * if the record gives no role for them — a reteller, an editor or a translator is not the author (folk tales
 * «в обработке А. Н. Толстого» are not Толстой's books, and must not rank as his).
 */
export function primaryAuthors(persons: readonly ProjectedPerson[]): ProjectedPerson[] {
  const primary = persons.filter((person) => person.primary);
  if (primary.length > 0) return primary;
  const authors = persons.filter((person) => person.roles.includes('aut'));
  return authors.length > 0 ? authors : persons.slice(0, 1).filter((person) => person.kind === 'person' && person.roles.length === 0);
}

/**
 * What an exact author match compares: for «Пушкин, Александр Сергеевич» the surname «пушкин», the
 * heading «пушкин александр сергеевич» and the name in reading order «александр сергеевич пушкин»,
 * «александр пушкин».
 */
export function authorKeysOf(persons: readonly ProjectedPerson[]): string[] {
  const keys = new Set<string>();
  for (const person of primaryAuthors(persons)) {
    const full = foldKey(person.name);
    if (!full) continue;
    keys.add(full);
    const comma = person.name.indexOf(',');
    if (person.kind !== 'person' || comma < 0) continue;
    const surname = foldKey(person.name.slice(0, comma));
    const forenames = foldKey(person.name.slice(comma + 1));
    if (surname) keys.add(surname);
    if (surname && forenames) {
      keys.add(`${forenames} ${surname}`);
      keys.add(`${forenames.split(' ')[0]} ${surname}`);
    }
  }
  return [...keys];
}

/** The ББК indexes as one text searched by prefix: « 84(2РОС=РУС)6 Ш5»; spaces inside an index dropped. */
export function bbkKeyOf(bbk: readonly string[]): string {
  return bbk.map((index) => ` ${bbkPrefixKey(index)}`).join('');
}
export const bbkPrefixKey = (text: string) => text.toUpperCase().replaceAll('Ё', 'Е').replace(/\s+/g, '');

/** Words of titles and names for the typo dictionary: letters only, at least 3 of them. */
export function dictionaryWordsOf(projection: BibProjection): string[] {
  const text = [projection.title, projection.subtitle, ...projection.parallelTitles, ...projection.persons.map((person) => person.name)].join(' ');
  return (text.toLowerCase().replaceAll('ё', 'е').match(/\p{L}{3,}/gu) ?? []).filter((word) => word.length <= 40);
}

/** The search columns migration 0008 added, as written beside the projection. */
export function searchColumnsOf(projection: BibProjection) {
  return {
    title_key: titleKey(projection.title),
    author_keys: authorKeysOf(projection.persons),
    bbk_divisions: bbkDivisionsOf(projection.bbk),
    bbk_key: bbkKeyOf(projection.bbk),
  };
}
