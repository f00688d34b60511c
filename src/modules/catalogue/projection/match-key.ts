import type { BibProjection } from './project.js';

/** Lower case, ё → е, letters and digits only, single spaces: how titles and names are compared. */
export function foldForMatching(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The last resort of matching on re-import: title | first author's surname | year, folded.
 * The first author is the first person of primary responsibility, else the first person named.
 * Null without a title, or with neither author nor year (a bare title matches too much).
 */
export function matchKeyOf(projection: BibProjection): string | null {
  const title = foldForMatching(projection.title);
  if (!title) return null;
  const author = projection.persons.find((person) => person.primary) ?? projection.persons[0];
  const surname = author ? foldForMatching(author.name.split(/[,\s]/)[0] ?? '') : '';
  if (!surname && projection.year === null) return null;
  return `${title}|${surname}|${projection.year ?? ''}`;
}
