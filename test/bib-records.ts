import type { MarcRecord } from '../src/modules/catalogue/index.js';

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
