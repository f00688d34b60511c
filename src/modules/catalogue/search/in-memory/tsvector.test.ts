import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/database.js';
import type { Database } from '../../../../db/database.js';
import { seededRandom } from '../../../../shared/random.js';
import { offsetOf, orContribution, parseTsvector, tsRank, weightOf, type VectorEntry } from './tsvector.js';

const WEIGHT_LETTERS = ['D', 'C', 'B', 'A'];
/** Entries as unnest(tsvector) gives them: lexeme, positions, weights (null without positions). */
const asUnnested = (entries: VectorEntry[]) =>
  entries.map(({ lexeme, positions }) => [
    lexeme,
    positions.length === 0 ? null : positions.map(offsetOf),
    positions.length === 0 ? null : positions.map((position) => WEIGHT_LETTERS[weightOf(position)]),
  ]);

/** PostgreSQL's order of lexemes: their UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** The lexemes of tsquery output text and whether ts_rank takes its top operator for & / <-> (calc_rank_and). */
function readQuery(text: string): { lexemes: string[]; and: boolean } {
  const lexemes: string[] = [];
  const topOperators = new Set<string>();
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === "'") {
      let lexeme = '';
      for (i++; ; i++) {
        if (text[i] === '\\') lexeme += text[++i];
        else if (text[i] === "'" && text[i + 1] === "'") lexeme += text[++i];
        else if (text[i] === "'") break;
        else lexeme += text[i];
      }
      lexemes.push(lexeme);
      i++;
      if (text[i] === ':') while (/[:*A-D]/.test(text[i] ?? '')) i++;
    } else if (c === '<') {
      if (depth === 0) topOperators.add('<>');
      i = text.indexOf('>', i) + 1;
    } else {
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if ((c === '&' || c === '|' || c === '!') && depth === 0) topOperators.add(c);
      i++;
    }
  }
  // | binds loosest, then &, then <->, then !: the loosest operator outside parentheses is the top one.
  const and = !topOperators.has('|') && (topOperators.has('&') || topOperators.has('<>'));
  return { lexemes, and };
}

/** tsRank for a vector's entries and a query's lexemes, the operands distinct in PostgreSQL's order. */
function rankOf(entries: VectorEntry[], query: { lexemes: string[]; and: boolean }): number {
  const positions = new Map(entries.map((entry) => [entry.lexeme, entry.positions]));
  const distinct = [...new Set(query.lexemes)].sort(byBytes);
  return tsRank(distinct.map((lexeme) => positions.get(lexeme)), query.and);
}

describe('reading tsvector text', () => {
  it('reads quoted lexemes, positions, weights A/B/C and the default D, entries without positions', () => {
    expect(parseTsvector('')).toEqual([]);
    expect(parseTsvector("'книг'")).toEqual([{ lexeme: 'книг', positions: [] }]);
    expect(parseTsvector("'a':1A,2B,3C,4 'b':16383")).toEqual([
      { lexeme: 'a', positions: [0xc001, 0x8002, 0x4003, 4] },
      { lexeme: 'b', positions: [16383] },
    ]);
    expect(parseTsvector("'a\\\\b':1,3A 'c':2B,4 'it''s' '''':7 'a b:c,d':5")).toEqual([
      { lexeme: 'a\\b', positions: [1, 0xc003] },
      { lexeme: 'c', positions: [0x8002, 4] },
      { lexeme: "it's", positions: [] },
      { lexeme: "'", positions: [7] },
      { lexeme: 'a b:c,d', positions: [5] },
    ]);
    expect(parseTsvector("'\\q\\''")).toEqual([{ lexeme: "q'", positions: [] }]);
  });

  it('splits positions into weight and offset', () => {
    expect([0xc001, 0x8002, 0x4003, 16383].map((p) => [weightOf(p), offsetOf(p)])).toEqual([[3, 1], [2, 2], [1, 3], [0, 16383]]);
  });

  it('throws on malformed text, naming it', () => {
    for (const text of ["'a", 'a', "'a'  'b'", "'a' ", " 'a'", "'a''b'x", "'a':", "'a':0", "'a':2,1", "'a':3,3", "'a':16384", "'a':1D", "'a':1,", "'a':x", "''", "'a\\", "'a'\t'b'"]) {
      expect(() => parseTsvector(text), text).toThrow(`Malformed tsvector text`);
      expect(() => parseTsvector(text), text).toThrow(JSON.stringify(text));
    }
  });

  it('ranks a lexeme without positions as PostgreSQL does: one occurrence of weight D', () => {
    expect(orContribution([])).toBe(orContribution([5]));
    expect(tsRank([[], undefined], false)).toBe(Math.fround(Math.fround(orContribution([])) / 2));
    // PostgreSQL's own figures (psql, float4 read as float8): ts_rank('a', 'a') = ts_rank('a:5', 'a'), and
    // ts_rank('a b', 'a|c') — the expectations above compare the code only with itself.
    expect(tsRank([[]], false)).toBe(Math.fround(0.0607927106320858));
    expect(tsRank([[5]], false)).toBe(Math.fround(0.0607927106320858));
    expect(tsRank([[], undefined], false)).toBe(Math.fround(0.0303963553160429));
  });
});

// ---- against the database ----

const TITLE_WORDS = ['книга', 'книги', 'книгу', 'Пушкин', 'пушкина', 'сказка', 'сказки', 'сказок', 'история', 'истории', 'России', 'Война', 'войны', 'мир', 'мира',
  'капитанская', 'дочка', 'стихотворения', 'стихи', 'роман', 'повесть', 'повести', 'Ёлка', 'ёлочка', 'ёжик', 'северо-запад', 'Санкт-Петербург', 'Москва',
  'детская', 'литература', 'учебник', 'математика', 'физика', 'программирование', 'языка', 'русского', 'словарь', 'энциклопедия', 'The', 'Art', 'of',
  'Computer', 'Programming', 'war', 'peace', 'Rock\'n\'roll', 'в', 'и', '2-е', 'XIX'];
const PERSON_WORDS = ['Пушкин', 'Александр', 'Сергеевич', 'Толстой', 'Лев', 'Николаевич', 'Лермонтов', 'Михаил', 'Чехов', 'Антон', 'Павлович', 'Достоевский',
  'Фёдор', "д'Артаньян", "O'Neil", 'Knuth', 'Donald', 'Tolkien', 'J.R.R.', 'Гоголь', 'Н.В.'];
const SUBJECT_WORDS = ['художественная', 'литература', 'поэзия', 'проза', 'история', 'России', 'XIX', 'век', 'детская', 'программирование', 'алгоритмы',
  'computer', 'science', 'algorithms', 'fiction', "children's", 'музыка', 'рок-музыка'];
const OTHER_WORDS = ['издательство', 'Москва', 'Просвещение', 'Эксмо', 'АСТ', '1990', '2005', '2019', '978-5-17-090831-4', '84(2Рос=Рус)1', '3.14', '2-е', 'изд.',
  'испр.', 'доп.', 'том', 'с.', 'ил.', 'серия', 'библиотека', 'школьника', 'классика', 'the', 'of', 'and', 'library', 'libraries', 'running', 'runs', 'ran',
  'press', 'University', 'Oxford', 'и', 'в', 'на', 'для', 'по', "don't", 'Ёжик', 'тумане', 'XX', '1-й', '№', '5', 'книги', 'сказки', 'Пушкина', 'войны', 'мира'];
const ABSENT_WORDS = ['квазар', 'ксилофон', 'zebra', 'quantum', 'абракадабра', 'xylophone'];
const PUNCTUATION = [' ', ' ', ' ', ' ', ', ', '. ', ' — ', ': ', ' «', '» ', ' (', ') ', '; '];

const DOCUMENTS = 320;
const SQL_VECTOR = (field: string, weight: string) => `setweight(to_tsvector('russian', translate(${field}, 'ёЁ', 'еЕ')), '${weight}')`;
/** DERIVED_VALUES of catalogue.queries.ts; some stripped of positions, some half stripped, some of odd lexemes built from an array. */
const VECTOR_SQL = sql.raw(`CASE mode
  WHEN 0 THEN ${SQL_VECTOR('a', 'A')} || ${SQL_VECTOR('b', 'B')} || ${SQL_VECTOR('c', 'C')} || ${SQL_VECTOR('d', 'D')}
  WHEN 1 THEN strip(${SQL_VECTOR('a', 'A')} || ${SQL_VECTOR('b', 'B')} || ${SQL_VECTOR('c', 'C')} || ${SQL_VECTOR('d', 'D')})
  WHEN 2 THEN strip(${SQL_VECTOR('a', 'A')}) || ${SQL_VECTOR('b', 'B')} || strip(${SQL_VECTOR('c', 'C')}) || ${SQL_VECTOR('d', 'D')}
  ELSE array_to_tsvector(array_remove(string_to_array(a || ' ' || b, ' '), '')) || ${SQL_VECTOR('c', 'C')} END`);

interface Document { i: number; a: string; b: string; c: string; d: string; mode: number; words: string[] }

function makeDocuments(): Document[] {
  const random = seededRandom(20240601);
  const pick = (pool: readonly string[]) => pool[Math.floor(pool.length * random() ** 2)]!;
  const text = (pool: readonly string[], min: number, max: number, words: string[]) => {
    const count = min + Math.floor(random() * (max - min + 1));
    let out = '';
    for (let n = 0; n < count; n++) {
      const word = pick(pool);
      words.push(word);
      out += (n === 0 ? '' : pick(PUNCTUATION)) + (random() < 0.1 ? word.toUpperCase() : word);
    }
    return out;
  };
  return Array.from({ length: DOCUMENTS }, (_, i) => {
    const words: string[] = [];
    const mode = i % 10 < 7 ? 0 : (i % 10) - 6;
    const doc = {
      i, mode, words,
      a: text(mode === 3 ? ["it's", 'a\\b', 'x:y', "''", 'Ёж', 'ёж'] : TITLE_WORDS, 1, 8, words),
      b: text(PERSON_WORDS, 0, 4, words),
      c: text(SUBJECT_WORDS, 0, 6, words),
      d: text([...OTHER_WORDS, ...TITLE_WORDS], 0, i % 5 === 0 ? 120 : 40, words),
    };
    return doc;
  });
}

const quoted = (word: string) => `'${word.replaceAll("'", "''")}'`;

/** The query texts for one document: its words and absent ones, by & | <-> and parentheses, repeated and weight-restricted. */
function queriesFor(words: string[], random: () => number): string[] {
  const any = (pool: readonly string[]) => quoted(pool[Math.floor(random() * pool.length)]!);
  const pool = words.length > 0 ? words : ABSENT_WORDS;
  const w = () => any(pool);
  const x = () => any(ABSENT_WORDS);
  return [
    w(), w(), x(),
    `${w()} | ${w()} | ${w()}`,
    `${w()} & ${w()}`, `${w()} & ${w()}`,
    `${w()} <-> ${w()}`, `${w()} <2> ${w()}`, `${w()} <-> ${w()} <-> ${w()}`,
    `(${w()} & ${w()}) | ${w()}`, `(${w()} | ${w()}) & ${w()}`,
    `${w()} & ${x()}`, `${x()} | ${w()}`, `${x()} & ${any(ABSENT_WORDS)}`,
    `${w()} & ${w()} & ${w()} & ${w()}`,
    `!${w()} & ${w()}`, `!${w()}`,
    (() => { const word = w(); return `${word} & ${word}`; })(),
    (() => { const word = w(); return `${word}:A | ${word}:BC | ${w()}:D`; })(),
  ];
}

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

describe('tsvector text and ts_rank, against the database', () => {
  let documents: Document[];
  let vectors: Map<number, string>;

  it('reads every vector as unnest(tsvector) lists it', async () => {
    documents = makeDocuments();
    const payload = JSON.stringify(documents.map(({ words: _, ...doc }) => doc));
    const { rows } = await sql<{ i: number; text: string; entries: unknown }>`
      WITH v AS (SELECT i, ${VECTOR_SQL} AS v FROM jsonb_to_recordset(${payload}::jsonb) AS r(i int, a text, b text, c text, d text, mode int))
      SELECT i, v::text AS text,
        coalesce((SELECT json_agg(json_build_array(lexeme, positions, weights) ORDER BY n) FROM unnest(v) WITH ORDINALITY AS u(lexeme, positions, weights, n)), '[]') AS entries
      FROM v ORDER BY i`.execute(database.db);
    expect(rows).toHaveLength(DOCUMENTS);
    vectors = new Map(rows.map((row) => [row.i, row.text]));
    let withPositions = 0, withoutPositions = 0, repeated = 0;
    for (const row of rows) {
      const entries = parseTsvector(row.text);
      expect(asUnnested(entries), row.text).toEqual(row.entries);
      for (const entry of entries) {
        if (entry.positions.length === 0) withoutPositions++;
        else withPositions++;
        if (entry.positions.length > 1) repeated++;
      }
    }
    // The generated texts cover what the reader and the ranking must handle.
    expect(withoutPositions).toBeGreaterThan(500);
    expect(repeated).toBeGreaterThan(500);
    expect(withPositions).toBeGreaterThan(3000);
    expect([...vectors.values()].some((text) => text.includes("''"))).toBe(true);
    expect([...vectors.values()].some((text) => text.includes('\\\\'))).toBe(true);
  });

  it('ranks exactly as ts_rank(vector, to_tsquery(\'russian\', query)) does', async () => {
    const random = seededRandom(7);
    const { rows: queryable } = await sql<{ word: string }>`
      SELECT word FROM jsonb_array_elements_text(${JSON.stringify([...new Set(documents.flatMap((doc) => doc.words))])}::jsonb) AS word WHERE to_tsvector('russian', word) <> ''::tsvector`.execute(database.db);
    const usable = new Set(queryable.map((row) => row.word));
    const cases = documents.flatMap((doc) =>
      queriesFor(doc.words.filter((word) => usable.has(word)), random).map((q) => ({ v: vectors.get(doc.i)!, q })));
    const { rows } = await sql<{ n: number; v: string; query: string; rank: number }>`
      SELECT n, v, to_tsquery('russian', q)::text AS query, ts_rank(v::tsvector, to_tsquery('russian', q))::float8 AS rank
      FROM jsonb_to_recordset(${JSON.stringify(cases.map((c, n) => ({ n, ...c })))}::jsonb) AS r(n int, v text, q text) ORDER BY n`.execute(database.db);
    expect(rows.length).toBeGreaterThan(5000);
    const mismatches = rows.filter((row) => rankOf(parseTsvector(row.v), readQuery(row.query)) !== row.rank)
      .map((row) => ({ vector: row.v, query: row.query, postgres: row.rank, ours: rankOf(parseTsvector(row.v), readQuery(row.query)) }));
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Not degenerate: found and missing lexemes, both ways of ranking, many distinct values.
    const ranks = rows.map((row) => row.rank);
    expect(ranks.filter((rank) => rank === 0).length).toBeGreaterThan(100);
    expect(ranks.filter((rank) => rank === Math.fround(1e-20)).length).toBeGreaterThan(100);
    expect(new Set(ranks).size).toBeGreaterThan(1000);
    expect(rows.filter((row) => readQuery(row.query).and).length).toBeGreaterThan(2000);
  });

  it('needs the operands in PostgreSQL\'s order: in another, a float sum can differ in the last bit', async () => {
    const { rows } = await sql<{ ab: number; ba: number }>`
      SELECT ts_rank(v, 'a | b')::float8 AS ab, ts_rank(v, 'b | a')::float8 AS ba FROM (SELECT ${"'a':1 'b':2,3C"}::tsvector AS v) AS t`.execute(database.db);
    const a = [1], b = [2, 0x4003];
    expect(rows[0]!.ba).toBe(rows[0]!.ab);
    expect(tsRank([a, b], false)).toBe(rows[0]!.ab);
    expect(tsRank([b, a], false)).not.toBe(rows[0]!.ab);
  });

  it('ranks exactly for hand-made vectors: every distance, far and equal positions, lexemes without positions', async () => {
    const random = seededRandom(99);
    const cases: { v: string; q: string }[] = [];
    for (let distance = 1; distance <= 105; distance++) {
      for (const [a, b] of [['A', 'A'], ['A', ''], ['C', 'B'], ['', '']]) {
        cases.push({ v: `'a':1${a} 'b':${1 + distance}${b}`, q: `'a' & 'b'` }, { v: `'a':${200 + distance}${a},16383 'b':200${b}`, q: `'b' <-> 'a'` });
      }
    }
    for (const v of ["'a' 'b'", "'a' 'b':16383", "'a' 'b':16382", "'a' 'b':16283", "'a':5 'b':5", "'a':5A 'b':5A,6", "'a':16383 'b':16383 'c'", "'a' 'b' 'c':3"]) {
      for (const q of ["'a' & 'b'", "'a' | 'b'", "'a' & 'b' & 'c'", "'b' & 'c' & 'z'", "'a' & 'a'", "'a'", "'c'"]) cases.push({ v, q });
    }
    // Random vectors: up to 7 lexemes with up to 40 positions each, near or far, any weights; some without positions.
    const LEXEMES = ['a', 'b', 'c', 'dd', 'ж', 'жж', "it's", 'z'];
    for (let n = 0; n < 300; n++) {
      const entries = LEXEMES.slice(0, 7).filter(() => random() < 0.6).map((lexeme) => {
        if (random() < 0.15) return quoted(lexeme);
        const positions = new Set<number>();
        const count = 1 + Math.floor(random() ** 2 * 40);
        const spread = random() < 0.5 ? 60 : 16383;
        while (positions.size < count) positions.add(random() < 0.03 ? 16383 : 1 + Math.floor(random() * spread));
        return `${quoted(lexeme)}:${[...positions].map((p) => p + ['', 'A', 'B', 'C'][Math.floor(random() * 4)]!).join(',')}`;
      });
      if (entries.length === 0) entries.push("'a':1");
      for (let k = 0; k < 8; k++) {
        const l = () => quoted(LEXEMES[Math.floor(random() * LEXEMES.length)]!);
        const shapes = [`${l()}`, `${l()} & ${l()}`, `${l()} | ${l()} | ${l()}`, `${l()} <-> ${l()} & ${l()}`, `(${l()} | ${l()}) & ${l()} & ${l()}`, `${l()} & ${l()} | ${l()}`];
        cases.push({ v: entries.join(' '), q: shapes[Math.floor(random() * shapes.length)]! });
      }
    }
    const { rows } = await sql<{ n: number; v: string; query: string; rank: number }>`
      SELECT n, v::tsvector::text AS v, q::tsquery::text AS query, ts_rank(v::tsvector, q::tsquery)::float8 AS rank
      FROM jsonb_to_recordset(${JSON.stringify(cases.map((c, n) => ({ n, ...c })))}::jsonb) AS r(n int, v text, q text) ORDER BY n`.execute(database.db);
    expect(rows).toHaveLength(cases.length);
    const mismatches = rows.filter((row) => rankOf(parseTsvector(row.v), readQuery(row.query)) !== row.rank)
      .map((row) => ({ vector: row.v, query: row.query, postgres: row.rank, ours: rankOf(parseTsvector(row.v), readQuery(row.query)) }));
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
