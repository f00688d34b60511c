import { createHash } from 'node:crypto';
import type { MarcRecord } from '../marc/record.js';
import type { BibProjection } from './project.js';

/** Lower case, ё → е, letters and digits only, single spaces: how titles and names are compared. */
export function foldForMatching(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Title characters a key keeps: an index entry holds at most ~2,700 bytes, and 200 letters tell titles apart. */
const TITLE_KEY_LENGTH = 200;

/**
 * The last resort of matching on re-import: title | first author's surname | year, folded.
 * The first author is the first person of primary responsibility, else the first person named.
 * With neither author nor year a bare title would match too much: such a record (and one without a title)
 * matches only a record with the very same fields — `#` and a hash of them — so importing a file twice
 * stores it once.
 */
export function matchKeyOf(projection: BibProjection, record: MarcRecord): string {
  const title = foldForMatching(projection.title).slice(0, TITLE_KEY_LENGTH);
  const author = projection.persons.find((person) => person.primary) ?? projection.persons[0];
  const surname = author ? foldForMatching(author.name.split(/[,\s]/)[0] ?? '').slice(0, TITLE_KEY_LENGTH) : '';
  if (!title || (!surname && projection.year === null)) {
    // 005 (the time of the last change) left out: an export made later is still the same record.
    const fields = record.fields.filter((field) => field.tag !== '005');
    return `#${createHash('sha1').update(JSON.stringify(fields)).digest('base64url')}`;
  }
  return `${title}|${surname}|${projection.year ?? ''}`;
}
