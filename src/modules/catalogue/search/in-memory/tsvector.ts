/**
 * PostgreSQL's tsvector read from its text form, and ts_rank recomputed from it, for the in-memory catalogue
 * index: the stored `search_vector` (catalogue.queries.ts, DERIVED_VALUES: title A, persons B, subjects C, the rest D)
 * read once at server start, then ranked as `ts_rank(search_vector, query)` ranks it — to the last bit of the
 * float4 PostgreSQL returns (default weights, normalization 0).
 *
 * The ranking follows PostgreSQL's src/backend/utils/adt/tsrank.c (calc_rank, calc_rank_or, calc_rank_and,
 * word_distance; the same in PostgreSQL 15 and 18, both checked by the test). Its C code mixes float and double: each value C stores into
 * a `float` is rounded here with Math.fround; expressions C computes in double stay JS doubles. A float op float
 * computed in double and then rounded equals the float operation (double is wide enough for +, −, ×, ÷ and √).
 */

/** A position as PostgreSQL stores it (WordEntryPos): weight << 14 | position, weight 3 = A, 2 = B, 1 = C, 0 = D; position 1..16383. */
export const weightOf = (position: number): number => position >> 14;
export const offsetOf = (position: number): number => position & 0x3fff;

/** One lexeme of a tsvector and its positions in that encoding (ascending by position, as PostgreSQL keeps them). */
export interface VectorEntry {
  lexeme: string;
  positions: number[];
}

const SPACE = 0x20;
const QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LETTER_A = 0x41;
const LETTER_B = 0x42;
const LETTER_C = 0x43;
/** The largest position a tsvector keeps (MAXENTRYPOS − 1); PostgreSQL clamps larger ones to it. */
const MAX_OFFSET = 0x3fff;

/** V8's SlicedString::kMinLength: shorter slices are copies. */
const SLICE_MIN_LENGTH = 13;
/** The positions of the entry being read, before they are copied into an array of their own. */
const scratch: number[] = [];

function malformed(text: string, at: number, what: string): Error {
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  return new Error(`Malformed tsvector text (${what} at character ${at}): ${JSON.stringify(shown)}`);
}

/**
 * tsvector output text (search_vector::text) → its entries, in the text's order. Handles quoting ('' and \\ escapes),
 * entries without positions, weights A/B/C and the default D. Throws on malformed text, naming it.
 *
 * Reads the output form only (tsvectorout): each lexeme quoted, entries one space apart, positions ascending,
 * 1..16383, weights as the capital letters A, B, C after a position (none for D). A backslash escapes the
 * character after it, as in PostgreSQL's input. The order of the entries is PostgreSQL's (the UTF-8 bytes of the
 * lexemes), which tsRank's operands follow.
 *
 * The lexemes are strings of their own, not views on `text` that would keep it alive.
 */
export function parseTsvector(text: string): VectorEntry[] {
  const entries: VectorEntry[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (entries.length > 0) {
      if (text.charCodeAt(i) !== SPACE) throw malformed(text, i, 'a space expected between entries');
      i++;
    }
    if (text.charCodeAt(i) !== QUOTE) throw malformed(text, i, 'a quoted lexeme expected');
    i++;
    // The lexeme: a plain slice unless it holds escapes ('' or \x), then the pieces between them.
    let start = i;
    let lexeme = '';
    for (;;) {
      if (i >= length) throw malformed(text, start - 1, 'an unterminated lexeme');
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) !== QUOTE) break;
        lexeme += text.slice(start, i + 1);
        i += 2;
        start = i;
      } else if (c === BACKSLASH) {
        if (i + 1 >= length) throw malformed(text, i, 'a backslash at the end');
        lexeme += text.slice(start, i);
        start = i + 1;
        i += 2;
      } else {
        i++;
      }
    }
    lexeme = lexeme.length === 0 ? text.slice(start, i) : lexeme + text.slice(start, i);
    if (lexeme.length === 0) throw malformed(text, i - 1, 'an empty lexeme');
    // V8 keeps a slice of 13 characters or more as a view that holds the whole text alive: an index keeping one
    // long lexeme (an ISBN) of each of a million vectors would keep all their texts (~660 MB measured per million).
    // Copy it (the concatenation is flattened into a string of its own by the slice).
    if (lexeme.length >= SLICE_MIN_LENGTH) lexeme = (' ' + lexeme).slice(1);
    i++;
    let positions: number[];
    if (text.charCodeAt(i) !== COLON) {
      positions = [];
    } else {
      i++;
      let count = 0;
      let previous = 0;
      for (;;) {
        let c = text.charCodeAt(i);
        if (!(c >= DIGIT_0 && c <= DIGIT_9)) throw malformed(text, i, 'a position expected');
        let offset = 0;
        do {
          offset = offset * 10 + (c - DIGIT_0);
          c = text.charCodeAt(++i);
        } while (c >= DIGIT_0 && c <= DIGIT_9 && offset <= MAX_OFFSET);
        if (offset > MAX_OFFSET || offset <= previous) throw malformed(text, i - 1, offset === 0 ? 'position 0' : offset > MAX_OFFSET ? 'a position over 16383' : 'positions not ascending');
        previous = offset;
        if (c === LETTER_A) {
          scratch[count++] = 0xc000 | offset;
          c = text.charCodeAt(++i);
        } else if (c === LETTER_B) {
          scratch[count++] = 0x8000 | offset;
          c = text.charCodeAt(++i);
        } else if (c === LETTER_C) {
          scratch[count++] = 0x4000 | offset;
          c = text.charCodeAt(++i);
        } else {
          scratch[count++] = offset;
        }
        if (c !== COMMA) break;
        i++;
      }
      // An array of exactly the positions: one grown by push would keep room for 17 (a million vectors hold ~25 million).
      positions = count === 1 ? [scratch[0]!] : scratch.slice(0, count);
    }
    entries.push({ lexeme, positions });
  }
  return entries;
}

/** The default weights of ts_rank by weight code (D, C, B, A), as the C floats {0.1f, 0.2f, 0.4f, 1.0f}. */
const WEIGHTS = [Math.fround(0.1), Math.fround(0.2), Math.fround(0.4), 1];
/** What calc_rank_or reads for a lexeme stored without positions: one position 0 of weight D. */
const NO_POSITIONS_OR = [0];
/** What calc_rank_and reads for a lexeme stored without positions (its POSNULL): one position 16383 of weight D. */
const NO_POSITIONS_AND = [MAX_OFFSET];
/** MAXENTRYPOS: the distance calc_rank_and gives two positions at the same place when one is POSNULL. */
const SAME_PLACE_DISTANCE = 0x4000;
/** The mean of a lexeme's weighted occurrences is divided by π²/6, the limit of Σ 1/j². */
const ZETA_2 = 1.64493406685;
const FAR = Math.fround(1e-30);
const NOTHING_FOUND = Math.fround(1e-20);

/**
 * word_distance(d) for d = 0..100 (float4): 1 / (1.005 + 0.05·e^(d/1.5 − 2)) computed in double, stored as float; 1e-30f beyond 100.
 */
const WORD_DISTANCE = Float32Array.from({ length: 101 }, (_, d) => 1 / (1.005 + 0.05 * Math.exp(d / 1.5 - 2)));

const wordDistance = (distance: number): number => (distance > 100 ? FAR : WORD_DISTANCE[distance]!);

/**
 * calc_rank_or's contribution of one lexeme of a document (before the division by the number of operands): depends only on its positions
 * (`positions[from..to)`).
 *
 * Σ wⱼ/j² over the occurrences in position order, with the heaviest one (the first of them) counted at full weight
 * instead of at its place, divided by π²/6. An empty array is a lexeme without positions (one of weight D).
 * Returned as the double C adds to its float sum (tsRank rounds the sum).
 */
export function orContribution(positions: ArrayLike<number>, from = 0, to = positions.length): number {
  const empty = from === to;
  const list = empty ? NO_POSITIONS_OR : positions;
  const start = empty ? 0 : from;
  const count = empty ? 1 : to - from;
  let sum = 0;
  let heaviest = -1;
  let heaviestAt = 0;
  for (let j = 0; j < count; j++) {
    const weight = WEIGHTS[list[start + j]! >> 14]!;
    sum = Math.fround(sum + Math.fround(weight / ((j + 1) * (j + 1))));
    if (weight > heaviest) {
      heaviest = weight;
      heaviestAt = j;
    }
  }
  return Math.fround(Math.fround(heaviest + sum) - Math.fround(heaviest / ((heaviestAt + 1) * (heaviestAt + 1)))) / ZETA_2;
}

/** calc_rank_and over two or more operands: every pair of occurrences of two different lexemes, closer ones weighing more. */
function rankAnd(operands: readonly (ArrayLike<number> | undefined)[]): number {
  let rank = -1;
  for (let i = 1; i < operands.length; i++) {
    const own = operands[i];
    if (own === undefined) continue;
    const ownNull = own.length === 0;
    const ownList = ownNull ? NO_POSITIONS_AND : own;
    for (let k = 0; k < i; k++) {
      const other = operands[k];
      if (other === undefined) continue;
      const eitherNull = ownNull || other.length === 0;
      const otherList = other.length === 0 ? NO_POSITIONS_AND : other;
      for (let l = 0; l < ownList.length; l++) {
        const a = ownList[l]!;
        const weightA = WEIGHTS[a >> 14]!;
        const offsetA = a & MAX_OFFSET;
        for (let p = 0; p < otherList.length; p++) {
          const b = otherList[p]!;
          let distance = Math.abs(offsetA - (b & MAX_OFFSET));
          if (distance === 0) {
            if (!eitherNull) continue;
            distance = SAME_PLACE_DISTANCE;
          }
          const pair = Math.fround(Math.sqrt(Math.fround(Math.fround(weightA * WEIGHTS[b >> 14]!) * wordDistance(distance))));
          rank = rank < 0 ? pair : Math.fround(1 - (1 - rank) * (1 - pair));
        }
      }
    }
  }
  return rank;
}

/**
 * ts_rank(vector, query), default weights {D 0.1, C 0.2, B 0.4, A 1.0}, normalization 0, for a query whose DISTINCT lexemes
 * have these positions in the document (undefined: the lexeme is not in the document; an empty array: present without positions).
 * `and`: the query's top operator is & or <-> (PostgreSQL's calc_rank_and, by proximity; it falls back to calc_rank_or with fewer than 2 operands), else | or a single lexeme (calc_rank_or).
 * Must equal PostgreSQL's float4 result exactly (emulate float4 rounding with Math.fround where C stores into a float).
 *
 * For the last bit the operands must come in PostgreSQL's order: by the UTF-8 bytes of their lexemes (the order of a
 * tsvector's entries; JS's < on strings differs only for characters beyond U+FFFF against U+E000..U+FFFF), since float
 * sums depend on their order. Negated lexemes (!a) count as operands too, as in PostgreSQL; a query under a top ! is ranked as by |.
 * One case is not covered: a document with no lexemes at all, which PostgreSQL ranks 0 whatever the query (here an
 * `and` query with no operand found ranks 1e-20, as in any other document).
 */
export function tsRank(operands: readonly (ArrayLike<number> | undefined)[], and: boolean): number {
  const size = operands.length;
  if (and && size >= 2) {
    const rank = rankAnd(operands);
    return rank < 0 ? NOTHING_FOUND : rank;
  }
  let rank = 0;
  for (let i = 0; i < size; i++) {
    const positions = operands[i];
    if (positions !== undefined) rank = Math.fround(rank + orContribution(positions));
  }
  return size > 0 ? Math.fround(rank / size) : 0;
}
