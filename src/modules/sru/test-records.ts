import type { MarcRecord } from '../catalogue/index.js';

/**
 * A small catalogue for the SRU tests: RUSMARC records (as our own network catalogues) and MARC21
 * ones (as imported from elsewhere), built with the MARC model. Test data only.
 */

const field = (tag: string, subfields: [string, string][], ind1 = ' ', ind2 = ' ') => ({ tag, ind1, ind2, subfields });

function rusmarc(options: {
  id: string; title: string; subtitle?: string; surname: string; forename: string; year: number;
  isbn?: string; subjects?: string[]; publisher?: string;
}): MarcRecord {
  return {
    leader: '00000nam0 2200000   450 ',
    fields: [
      { tag: '001', value: options.id },
      ...(options.isbn ? [field('010', [['a', options.isbn]])] : []),
      field('101', [['a', 'rus']], '0'),
      field('200', [['a', options.title], ...(options.subtitle ? [['e', options.subtitle] as [string, string]] : []),
        ['f', `${options.forename[0]}. ${options.surname}`]], '1'),
      field('210', [['a', 'Москва'], ['c', options.publisher ?? 'Детская литература'], ['d', String(options.year)]]),
      ...(options.subjects ?? []).map((subject) => field('606', [['a', subject]], '1')),
      field('700', [['a', options.surname], ['g', options.forename], ['4', '070']], ' ', '1'),
    ],
  };
}

function marc21(options: { id: string; title: string; author: string; year: number; isbn?: string; subjects?: string[] }): MarcRecord {
  return {
    leader: '00000nam a2200000 i 4500',
    fields: [
      { tag: '001', value: options.id },
      { tag: '008', value: `200101s${options.year}    ru            000 1 rus d` },
      ...(options.isbn ? [field('020', [['a', options.isbn]])] : []),
      field('100', [['a', options.author], ['4', 'aut']], '1'),
      field('245', [['a', options.title]], '1', '0'),
      field('264', [['a', 'Москва'], ['b', 'Эксмо'], ['c', String(options.year)]], ' ', '1'),
      ...(options.subjects ?? []).map((subject) => field('650', [['a', subject]], ' ', '4')),
    ],
  };
}

export const CAPTAINS_DAUGHTER = rusmarc({
  id: 'sru-1', title: 'Капитанская дочка', subtitle: 'повесть', surname: 'Пушкин', forename: 'Александр Сергеевич',
  year: 2019, isbn: '978-5-08-006095-3', subjects: ['Пугачёвское восстание, 1773-1775'],
});

/** Five by Pushkin (years 2015–2019), two by Lermontov, one MARC21 Tolstoy, one MARC21 Chekhov. */
export const SRU_TEST_RECORDS: { record: MarcRecord; schema: 'rusmarc' | 'marc21' }[] = [
  { record: CAPTAINS_DAUGHTER, schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-2', title: 'Евгений Онегин', subtitle: 'роман в стихах', surname: 'Пушкин', forename: 'Александр Сергеевич', year: 2015 }), schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-3', title: 'Сказка о рыбаке и рыбке', surname: 'Пушкин', forename: 'Александр Сергеевич', year: 2016, subjects: ['Сказки'] }), schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-4', title: 'Сказка о царе Салтане', surname: 'Пушкин', forename: 'Александр Сергеевич', year: 2017, subjects: ['Сказки'] }), schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-5', title: 'Пиковая дама', surname: 'Пушкин', forename: 'Александр Сергеевич', year: 2018 }), schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-6', title: 'Герой нашего времени', subtitle: 'роман', surname: 'Лермонтов', forename: 'Михаил Юрьевич', year: 2014, isbn: '978-5-17-090000-8' }), schema: 'rusmarc' },
  { record: rusmarc({ id: 'sru-7', title: 'Мцыри', subtitle: 'поэма', surname: 'Лермонтов', forename: 'Михаил Юрьевич', year: 2013 }), schema: 'rusmarc' },
  { record: marc21({ id: 'sru-8', title: 'Война и мир', author: 'Толстой, Лев Николаевич', year: 2010, isbn: '5-17-009577-5', subjects: ['Отечественная война 1812 года'] }), schema: 'marc21' },
  { record: marc21({ id: 'sru-9', title: 'Каштанка', author: 'Чехов, Антон Павлович', year: 2012, subjects: ['Собаки', 'Сказки'] }), schema: 'marc21' },
];
