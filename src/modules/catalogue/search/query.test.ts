import { describe, expect, it } from 'vitest';
import { formatSearchBox, parseSearchBox, type SearchNode } from './query.js';
import { bbkDivisionOf, bbkDivisionsOf } from './bbk-divisions.js';
import { authorKeysOf, foldKey } from './keys.js';

const term = (text: string, field: SearchNode extends never ? never : 'any' | 'title' | 'author' | 'subject' | 'isbn' | 'bbk' | 'year' = 'any', phrase = false): SearchNode =>
  ({ kind: 'term', field, text, phrase });

describe('parsing the search box', () => {
  it('returns null for an empty box or one of spaces and punctuation', () => {
    expect(parseSearchBox('')).toBeNull();
    expect(parseSearchBox('   ')).toBeNull();
    expect(parseSearchBox(' — ; ')).toBeNull();
  });

  it('reads one word as a term and several as words that must all match', () => {
    expect(parseSearchBox('Пушкин')).toEqual(term('Пушкин'));
    expect(parseSearchBox('сказки  пушкина')).toEqual({ kind: 'and', children: [term('сказки'), term('пушкина')] });
  });

  it('reads a quoted phrase, in straight quotes or «ёлочки», an unclosed quote running to the end', () => {
    expect(parseSearchBox('"капитанская дочка"')).toEqual(term('капитанская дочка', 'any', true));
    expect(parseSearchBox('«Капитанская  дочка» пушкин')).toEqual({ kind: 'and', children: [term('Капитанская дочка', 'any', true), term('пушкин')] });
    expect(parseSearchBox('"война и мир')).toEqual(term('война и мир', 'any', true));
  });

  it('reads the Russian field prefixes, with the value right after the colon or after a space', () => {
    expect(parseSearchBox('автор:Пушкин')).toEqual(term('Пушкин', 'author'));
    expect(parseSearchBox('заглавие: "капитанская дочка"')).toEqual(term('капитанская дочка', 'title', true));
    expect(parseSearchBox('тема:история')).toEqual(term('история', 'subject'));
    expect(parseSearchBox('ISBN:5-93093-342-1')).toEqual(term('5-93093-342-1', 'isbn'));
    expect(parseSearchBox('ББК:84(2Рос=Рус)')).toEqual(term('84(2Рос=Рус)', 'bbk'));
    expect(parseSearchBox('год:1990')).toEqual(term('1990', 'year'));
    expect(parseSearchBox('год:1990-2000')).toEqual(term('1990-2000', 'year'));
  });

  it('accepts the Latin prefixes too', () => {
    expect(parseSearchBox('title:war author:tolstoy subject:history year:1869')).toEqual({
      kind: 'and', children: [term('war', 'title'), term('tolstoy', 'author'), term('history', 'subject'), term('1869', 'year')],
    });
  });

  it('treats an unknown prefix, or a год: that is no year, as words', () => {
    expect(parseSearchBox('серия:классика')).toEqual(term('серия:классика'));
    expect(parseSearchBox('год:прошлый')).toEqual(term('прошлый'));
  });

  it('excludes a word, a phrase or a field term with a minus, but keeps a hyphenated word whole', () => {
    expect(parseSearchBox('пушкин -сказки')).toEqual({ kind: 'and', children: [term('пушкин'), { kind: 'not', child: term('сказки') }] });
    expect(parseSearchBox('пушкин -"медный всадник" -год:1990')).toEqual({
      kind: 'and', children: [term('пушкин'), { kind: 'not', child: term('медный всадник', 'any', true) }, { kind: 'not', child: term('1990', 'year') }],
    });
    expect(parseSearchBox('северо-запад')).toEqual(term('северо-запад'));
    expect(parseSearchBox('-сказки')).toEqual({ kind: 'and', children: [{ kind: 'not', child: term('сказки') }] });
  });

  it('reads ИЛИ/OR alternatives and parentheses', () => {
    expect(parseSearchBox('пушкин ИЛИ лермонтов')).toEqual({ kind: 'or', children: [term('пушкин'), term('лермонтов')] });
    expect(parseSearchBox('(пушкин OR лермонтов) стихи')).toEqual({
      kind: 'and', children: [{ kind: 'or', children: [term('пушкин'), term('лермонтов')] }, term('стихи')],
    });
    expect(parseSearchBox('пушкин или лермонтов')).toEqual({ kind: 'and', children: [term('пушкин'), term('или'), term('лермонтов')] });
  });

  it('never throws on junk', () => {
    const junk = ['"', '(((', ')))', '-', '--', '- -', 'автор:', 'автор: ', '"""', '«', 'год:-', ':', 'ИЛИ', 'OR OR', '-(', '()', '(-)',
      '\u0000\uFFFF', '\uD800', 'a'.repeat(10_000), '))((ИЛИ"«»-автор:"', 'isbn:', 'ббк:%_\\'];
    for (const text of junk) expect(() => parseSearchBox(text), text).not.toThrow();
    expect(parseSearchBox('автор:')).toBeNull();
    expect(parseSearchBox('ИЛИ')).toBeNull();
    expect(parseSearchBox('(пушкин')).toEqual(term('пушкин'));
  });

  it('reads a whole valid ISBN as an isbn: term, hyphenated or not; other numbers stay words', () => {
    for (const isbn of ['978-5-699-12014-7', '9785699120147', '5-699-12014-9', '5699120149']) {
      expect(parseSearchBox(isbn), isbn).toEqual(term(isbn, 'isbn'));
    }
    expect(parseSearchBox('9785699120148')).toEqual(term('9785699120148')); // a wrong check digit: a number, not an ISBN
    expect(parseSearchBox('1799-1837')).toEqual(term('1799-1837'));
  });
});

describe('formatting a query back into box text', () => {
  it('gives text that parses back into the same query', () => {
    for (const text of ['Пушкин', 'сказки пушкина', '"капитанская дочка"', 'автор:Пушкин заглавие:"капитанская дочка"',
      'пушкин -сказки', 'isbn:5-93093-342-1 год:1990-2000 ббк:84(2Рос=Рус)6', '(пушкин ИЛИ лермонтов) стихи -"медный всадник"', 'тема:история -(война ИЛИ мир)']) {
      const node = parseSearchBox(text)!;
      expect(formatSearchBox(node), text).toBe(text);
      expect(parseSearchBox(formatSearchBox(node))).toEqual(node);
    }
  });

  it('writes a Latin prefix in Russian and a multi-word field term word by word (as CQL title=… means)', () => {
    expect(formatSearchBox(parseSearchBox('title:war')!)).toBe('заглавие:war');
    expect(formatSearchBox(term('капитанская дочка', 'title'))).toBe('заглавие:капитанская заглавие:дочка');
    expect(formatSearchBox({ kind: 'and', children: [term('a'), { kind: 'not', child: { kind: 'or', children: [term('b'), term('c')] } }] })).toBe('a -(b ИЛИ c)');
  });

  it('quotes a word that would otherwise read as an operator', () => {
    expect(formatSearchBox(term('ИЛИ'))).toBe('"ИЛИ"');
    expect(parseSearchBox(formatSearchBox(term('-5')))).toEqual(term('-5', 'any', true));
  });
});

describe('search keys and the ББК division table', () => {
  it('folds case, ё and punctuation', () => {
    expect(foldKey('«Ёлка» в Сокольниках!')).toBe('елка в сокольниках');
  });

  it('gives an author\'s surname, heading and name in reading order', () => {
    expect(authorKeysOf([{ name: 'Пушкин, Александр Сергеевич', kind: 'person', roles: ['aut'], primary: true }]))
      .toEqual(['пушкин александр сергеевич', 'пушкин', 'александр сергеевич пушкин', 'александр пушкин']);
  });

  it('puts numeric and lettered ББК indexes into their divisions', () => {
    expect(bbkDivisionOf('84(2Рос=Рус)1')).toBe('84');
    expect(bbkDivisionOf('63.3(2)')).toBe('63');
    expect(bbkDivisionOf('28.0')).toBe('2');
    expect(bbkDivisionOf('61.1')).toBe('60');
    expect(bbkDivisionOf('Ч617ц.я8')).toBe('76');
    expect(bbkDivisionOf('Ш5(2Рос=Рус)')).toBe('83');
    expect(bbkDivisionOf('Т3(2)')).toBe('63');
    expect(bbkDivisionOf('')).toBeUndefined();
    expect(bbkDivisionsOf(['84(2Рос=Рус)6', '83.3(2Рос=Рус)', '84(4Вел)'])).toEqual(['83', '84']);
  });
});
