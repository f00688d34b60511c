import { describe, expect, it } from 'vitest';
import type { SearchNode } from '../catalogue/index.js';
import { parseCql } from './cql.js';

const word = (field: string, text: string) => ({ kind: 'term', field, text, phrase: false });
const phrase = (field: string, text: string) => ({ kind: 'term', field, text, phrase: true });

function query(text: string): SearchNode | null {
  const result = parseCql(text);
  if (!result.ok) throw new Error(`unexpected diagnostic ${JSON.stringify(result.diagnostic)}`);
  return result.query;
}

function diagnosticOf(text: string) {
  const result = parseCql(text);
  if (result.ok) throw new Error(`expected a diagnostic for ${text}, got ${JSON.stringify(result.query)}`);
  return result.diagnostic;
}

describe('CQL search clauses', () => {
  it('reads a bare word as a search of any field', () => {
    expect(query('пушкин')).toEqual(word('any', 'пушкин'));
  });

  it('maps each supported index, by every name, to its field, case-insensitively', () => {
    const cases: [string, string][] = [
      ['title', 'title'], ['dc.title', 'title'], ['DC.Title', 'title'], ['bath.title', 'title'],
      ['author', 'author'], ['dc.creator', 'author'], ['bath.author', 'author'], ['bath.name', 'author'],
      ['isbn', 'isbn'], ['bath.isbn', 'isbn'],
      ['subject', 'subject'], ['dc.subject', 'subject'],
      ['cql.serverChoice', 'any'], ['cql.anywhere', 'any'], ['bbk', 'bbk'],
    ];
    for (const [index, field] of cases) expect(query(`${index} = x`), index).toEqual(word(field, 'x'));
  });

  it('treats a quoted bare term like cql.serverChoice = term: a phrase when it has several words', () => {
    expect(query('"капитанская дочка"')).toEqual(phrase('any', 'капитанская дочка'));
    expect(query('"пушкин"')).toEqual(word('any', 'пушкин'));
  });

  it('reads = on several words as adjacency (CQL 1.2), adj as a phrase, == and exact as a phrase', () => {
    expect(query('title = "капитанская дочка"')).toEqual(phrase('title', 'капитанская дочка'));
    expect(query('title adj "капитанская  дочка"')).toEqual(phrase('title', 'капитанская дочка'));
    expect(query('title == "капитанская дочка"')).toEqual(phrase('title', 'капитанская дочка'));
    expect(query('title exact дочка')).toEqual(phrase('title', 'дочка'));
  });

  it('reads all as every word and any as some word', () => {
    expect(query('title all "капитанская дочка"')).toEqual({ kind: 'and', children: [word('title', 'капитанская'), word('title', 'дочка')] });
    expect(query('author any "пушкин лермонтов"')).toEqual({ kind: 'or', children: [word('author', 'пушкин'), word('author', 'лермонтов')] });
    expect(query('title all дочка')).toEqual(word('title', 'дочка'));
  });

  it('accepts named relations in any case and with the cql prefix', () => {
    expect(query('title ALL "a b"')).toEqual(query('title cql.all "a b"'));
  });

  it('keeps what the escapes in a term stand for', () => {
    expect(query('title = "он сказал \\"нет\\""')).toEqual(phrase('title', 'он сказал "нет"'));
    expect(query('title = "звёзды\\*"')).toEqual(word('title', 'звёзды*'));
    expect(query('title = "a\\\\b"')).toEqual(word('title', 'a\\b'));
  });

  it('maps years: exact, ranges and open comparisons', () => {
    expect(query('year = 1990')).toEqual(word('year', '1990'));
    expect(query('dc.date = "1990-2000"')).toEqual(word('year', '1990-2000'));
    expect(query('year within "2000 1990"')).toEqual(word('year', '1990-2000'));
    expect(query('year > 1990')).toEqual(word('year', '1991-'));
    expect(query('year >= 1990')).toEqual(word('year', '1990-'));
    expect(query('year < 1990')).toEqual(word('year', '-1989'));
    expect(query('year <= 1990')).toEqual(word('year', '-1990'));
  });

  it('reads cql.allRecords as every record', () => {
    expect(parseCql('cql.allRecords = 1')).toEqual({ ok: true, query: null });
  });
});

describe('CQL booleans', () => {
  it('combines with and, or and not, left to right with one precedence', () => {
    expect(query('a and b or c')).toEqual({ kind: 'or', children: [{ kind: 'and', children: [word('any', 'a'), word('any', 'b')] }, word('any', 'c')] });
    expect(query('a or b and c')).toEqual({ kind: 'and', children: [{ kind: 'or', children: [word('any', 'a'), word('any', 'b')] }, word('any', 'c')] });
  });

  it('flattens a chain of the same boolean', () => {
    expect(query('a and b and (c and d)')).toEqual({ kind: 'and', children: ['a', 'b', 'c', 'd'].map((w) => word('any', w)) });
  });

  it('reads a not b as and(a, not b), keeping not inside an and', () => {
    expect(query('author = пушкин not title = "капитанская дочка"')).toEqual({
      kind: 'and', children: [word('author', 'пушкин'), { kind: 'not', child: phrase('title', 'капитанская дочка') }],
    });
    expect(query('(a or b) not c')).toEqual({
      kind: 'and', children: [{ kind: 'or', children: [word('any', 'a'), word('any', 'b')] }, { kind: 'not', child: word('any', 'c') }],
    });
  });

  it('honours parentheses', () => {
    expect(query('a and (b or c)')).toEqual({ kind: 'and', children: [word('any', 'a'), { kind: 'or', children: [word('any', 'b'), word('any', 'c')] }] });
  });

  it('takes boolean keywords case-insensitively, and as terms after a relation', () => {
    expect(query('a AND b')).toEqual({ kind: 'and', children: [word('any', 'a'), word('any', 'b')] });
    expect(query('title = and')).toEqual(word('title', 'and'));
    expect(query('title = "and" or "not"')).toEqual({ kind: 'or', children: [word('title', 'and'), word('any', 'not')] });
  });

  it('reads and ignores prefix assignments', () => {
    expect(query('> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title = дочка')).toEqual(word('title', 'дочка'));
    expect(query('> "info:srw/cql-context-set/1/dc-v1.1" (> x = "y" title = дочка)')).toEqual(word('title', 'дочка'));
  });
});

describe('CQL sortBy', () => {
  it('sorts by title and by year in either direction', () => {
    expect(parseCql('пушкин sortBy dc.title')).toEqual({ ok: true, query: word('any', 'пушкин'), sort: 'title' });
    expect(parseCql('пушкин sortby year/sort.descending')).toMatchObject({ sort: 'year-desc' });
    expect(parseCql('пушкин sortby year/ascending')).toMatchObject({ sort: 'year-asc' });
  });

  it('refuses other sort keys with diagnostic 80', () => {
    expect(diagnosticOf('пушкин sortby author')).toMatchObject({ code: 80 });
    expect(diagnosticOf('пушкин sortby title/sort.descending')).toMatchObject({ code: 80 });
    expect(diagnosticOf('пушкин sortby title year')).toMatchObject({ code: 80 });
  });
});

describe('CQL diagnostics', () => {
  it('names an unsupported index (16)', () => {
    expect(diagnosticOf('dc.publisher = x')).toEqual({ code: 16, message: 'Индекс не поддерживается', details: 'dc.publisher' });
    expect(diagnosticOf('a and foo = b')).toMatchObject({ code: 16, details: 'foo' });
  });

  it('names an unsupported relation (19)', () => {
    expect(diagnosticOf('title <> x')).toMatchObject({ code: 19, details: '<>' });
    expect(diagnosticOf('title > x')).toMatchObject({ code: 19, details: '>' });
    expect(diagnosticOf('title within "a b"')).toMatchObject({ code: 19, details: 'within' });
    expect(diagnosticOf('year any 1990')).toMatchObject({ code: 19, details: 'any' });
    expect(diagnosticOf('year <> 1990')).toMatchObject({ code: 19 });
  });

  it('reports syntax errors (10) with the position', () => {
    for (const text of ['', '   ', 'title =', '(a and b', 'a and', 'a b', '"unterminated', 'a)', '= x', '"title" = x']) {
      expect(diagnosticOf(text), text).toMatchObject({ code: 10 });
    }
    expect(diagnosticOf('(a and b').details).toContain('позиция 9');
    // Nesting beyond 50 levels is a syntax error, not a stack overflow (a 500).
    expect(query(`${'('.repeat(50)}пушкин${')'.repeat(50)}`)).toEqual(word('any', 'пушкин'));
    expect(diagnosticOf(`${'('.repeat(3000)}пушкин${')'.repeat(3000)}`)).toMatchObject({ code: 10, details: expect.stringContaining('глубже 50') });
  });

  it('refuses prox (39), relation modifiers (20) and boolean modifiers (46)', () => {
    expect(diagnosticOf('a prox b')).toMatchObject({ code: 39 });
    expect(diagnosticOf('title =/relevant x')).toMatchObject({ code: 20, details: 'relevant' });
    expect(diagnosticOf('title any/locale=ru x')).toMatchObject({ code: 20, details: 'locale' });
    expect(diagnosticOf('a and/rel.combine=sum b')).toMatchObject({ code: 46, details: 'rel.combine' });
  });

  it('refuses masking (28) and anchoring (31), an empty term (27), a malformed year (36)', () => {
    expect(diagnosticOf('title = пушк*')).toMatchObject({ code: 28, details: 'пушк*' });
    expect(diagnosticOf('title = "пу?кин"')).toMatchObject({ code: 28 });
    expect(diagnosticOf('title = "^капитанская"')).toMatchObject({ code: 31 });
    expect(diagnosticOf('title = ""')).toMatchObject({ code: 27 });
    // A term of punctuation alone is empty too, not «every record»; punctuation beside words is left out.
    expect(diagnosticOf('title = ","')).toMatchObject({ code: 27 });
    expect(diagnosticOf('title = "капитанская дочка" or author = "."')).toMatchObject({ code: 27 });
    expect(query('title = "капитанская , дочка"')).toEqual(phrase('title', 'капитанская дочка'));
    expect(diagnosticOf('year = прошлый')).toMatchObject({ code: 36 });
    expect(diagnosticOf('year within 1990')).toMatchObject({ code: 36 });
  });

  it('refuses cql.allRecords combined with other clauses (48)', () => {
    expect(diagnosticOf('cql.allRecords = 1 not title = x')).toMatchObject({ code: 48 });
  });
});
