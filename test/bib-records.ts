import type { DataField, MarcRecord } from '../src/modules/catalogue/index.js';

export interface BookOptions {
  id: string; title: string; subtitle?: string; author?: [surname: string, forenames: string]; responsibility?: string;
  year?: number; place?: string; publisher?: string; extent?: string; language?: string; age?: string; bbk?: string;
  subjects?: string[]; compiler?: [surname: string, forenames: string]; annotation?: string; isbn?: string;
  /** Titles of the works a collection holds (464, each with its 200 embedded). */
  contents?: string[];
}

/** A RUSMARC book record, as a cataloguer of the network would make it (control number `id`). */
export function rusmarcBook(options: BookOptions): MarcRecord {
  const df = (tag: string, subfields: [string, string][], ind1 = ' ', ind2 = ' ') => ({ tag, ind1, ind2, subfields });
  const optional = (code: string, value: string | undefined): [string, string][] => (value ? [[code, value]] : []);
  return {
    leader: '00000nam0 2200000   450 ',
    fields: [
      { tag: '001', value: options.id },
      ...(options.isbn ? [df('010', [['a', options.isbn]])] : []),
      df('101', [['a', options.language ?? 'rus']], '0'),
      df('200', [['a', options.title], ...optional('e', options.subtitle), ...optional('f', options.responsibility)], '1'),
      df('210', [['a', options.place ?? 'Москва'], ['c', options.publisher ?? 'Детская литература'], ['d', String(options.year ?? 2000)]]),
      df('215', [['a', options.extent ?? '96 с.'], ['c', 'ил.']]),
      ...(options.annotation ? [df('330', [['a', options.annotation]])] : []),
      ...(options.contents ?? []).map((work) => df('464', [['1', '2001 '], ['a', work]], ' ', '0')),
      ...(options.age ? [df('333', [['a', options.age]])] : []),
      ...(options.subjects ?? []).map((subject) => df('606', [['a', subject]], '1')),
      ...(options.bbk ? [df('686', [['a', options.bbk], ['2', 'rubbks']])] : []),
      ...(options.author ? [df('700', [['a', options.author[0]], ['g', options.author[1]], ['4', '070']], ' ', '1')] : []),
      ...(options.compiler ? [df('702', [['a', options.compiler[0]], ['g', options.compiler[1]], ['4', '220']], ' ', '1')] : []),
    ],
  };
}

/**
 * A MARC21 book record as the national catalogues send it: 008 (2019, `language`), 245 $a `title`, the age label in
 * 521 when given, and `fields` — all in tag order. For tests of records the form does not make (a role in words, a
 * language outside the lists, a field longer than ISO 2709 holds).
 */
export function marc21Book(options: { title: string; language?: string; age?: string; fields?: DataField[] }): MarcRecord {
  const df = (tag: string, value: string, ind1 = ' ', ind2 = ' '): DataField => ({ tag, ind1, ind2, subfields: [['a', value]] });
  const data = [df('245', options.title, '1', '0'), ...(options.age ? [df('521', options.age)] : []), ...(options.fields ?? [])];
  return {
    leader: '00000nam a2200000 i 4500',
    fields: [{ tag: '008', value: `190101s2019    ru            000 1 ${options.language ?? 'rus'} d` }, ...data.sort((a, b) => a.tag.localeCompare(b.tag))],
  };
}

/** A person whose role is given in words, as MARC21 records from the national catalogues have it. */
export const TRANSLATOR_IN_WORDS: DataField = { tag: '700', ind1: '1', ind2: ' ', subfields: [['a', 'Оранский, Игорь'], ['e', 'переводчик с английского']] };

/** A general note of ~10,900 bytes: an ISO 2709 field holds at most 9,999. */
export const NOTE_LONGER_THAN_ISO_2709_HOLDS: DataField = { tag: '500', ind1: ' ', ind2: ' ', subfields: [['a', 'Очень длинное примечание. '.repeat(420)]] };
