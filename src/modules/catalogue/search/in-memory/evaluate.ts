/**
 * A search run on the in-memory index: the query tree compiled over lexemes, evaluated as bitsets over
 * slots, the matches filtered, faceted, ranked or sorted, and the page's record ids picked. Pure and
 * synchronous: what needs the database — each query word's lexemes (the russian stemmer), the records
 * an ISBN or ББК term names — is resolved before (`ResolvedTerms`).
 *
 * The semantics are PostgreSQL's, as the search had them when it ran as SQL (`search_vector @@
 * to_tsquery('russian', …)`, ranked by ts_rank): a field term matches the lexeme at that field's weight
 * (title A, author B, subject C); a quoted phrase matches consecutive positions; stop words drop out of a
 * query as to_tsquery drops them (`a & stop` is `a`, a phrase keeps their place), and a text part made
 * only of stop words matches nothing. Results are exact: every match is counted, faceted and ranked.
 */
import { parseYearRange, termsOf, type SearchField, type SearchNode } from '../query.js';
import { bbkPrefixKey, wordsOf } from '../keys.js';
import { hashKey, NO_YEAR, type CatalogueIndex, type PostingCursor, type SortedKind } from './catalogue-index.js';
import { offsetOf, orContribution, tsRank, weightOf } from './tsvector.js';

/** Weights (PostgreSQL's codes: A 3, B 2, C 1, D 0) a field term matches, as a bit mask. */
const WEIGHT_MASK: Partial<Record<SearchField, number>> = { any: 0b1111, title: 1 << 3, author: 1 << 2, subject: 1 << 1 };

/** What the database answered for a query's terms. */
export interface ResolvedTerms {
  /** Each query word's lexemes (an empty list: a stop word). */
  lexemes: ReadonlyMap<string, readonly string[]>;
  /** The record ids an ISBN term names, by term. */
  ids: ReadonlyMap<SearchNode, readonly number[]>;
}

interface IndexFilters {
  yearFrom?: number; yearTo?: number;
  documentTypes?: string[]; languages?: string[]; bbkDivisions?: string[]; ageRatings?: string[];
}

export type IndexOrder =
  /**
   * exactTitle, exactAuthor: the title key and the author key a record ranked first has (search/keys.ts);
   * titleWithAuthor: ways to read the query as a title key and its author's words («сказки пушкина»: the title
   * «сказки» by an author named «пушкина» in any form) — a record that is one of them ranks after an exact title.
   */
  | { kind: 'relevance'; exactTitle: string | null; exactAuthor: string | null; titleWithAuthor: readonly TitleWithAuthor[] }
  | { kind: 'title' | 'year-desc' | 'year-asc' };

/** A title key, and a query of the author's words (field terms `author`, matched by their lexemes at weight B). */
export interface TitleWithAuthor { titleKey: string; author: SearchNode }

type FacetName = 'documentTypes' | 'languages' | 'bbkDivisions' | 'ageRatings' | 'years';
export interface FacetCount { facet: FacetName; value: string; count: number }

export interface IndexSearch {
  networkId: number; query: SearchNode | null; filters: IndexFilters; order: IndexOrder;
  offset: number; limit: number; facets: boolean;
}

interface IndexResult { total: number; ids: number[]; facets?: FacetCount[] }

/** A lexeme of a words node: its number in the index (-1: no record has it) and its place in the phrase. */
interface PlacedLexeme { lexeme: number; offset: number }
type TextNode =
  | { kind: 'words'; lexemes: PlacedLexeme[]; mask: number; phrase: boolean }
  | { kind: 'and' | 'or'; children: TextNode[] }
  | { kind: 'not'; child: TextNode };
type SetNode =
  | { kind: 'text'; node: TextNode | null }
  | { kind: 'ids'; ids: readonly number[] }
  | { kind: 'year'; from: number | null; to: number | null }
  | { kind: 'bbk'; prefix: string }
  | { kind: 'none' }
  | { kind: 'and' | 'or'; children: SetNode[] }
  | { kind: 'not'; child: SetNode };
/** A compiled subtree: text (merged with its text siblings, as one tsquery was), a set, or nothing (matches all). */
type Compiled = { text: TextNode | null } | { set: SetNode } | null;

type Bits = Uint32Array;

export function searchIndex(index: CatalogueIndex, search: IndexSearch, resolved: ResolvedTerms): IndexResult {
  try {
    return run(index, search, resolved);
  } finally {
    releaseBits();
  }
}

function run(index: CatalogueIndex, search: IndexSearch, resolved: ResolvedTerms): IndexResult {
  const compiled = search.query ? compile(search.query, index, resolved) : null;
  const bits = compiled ? evaluateSet(index, asSet(compiled)) : null;
  if (bits === null && search.order.kind !== 'relevance') return browse(index, search, search.order.kind);
  const matches = collectMatches(index, search, bits);
  const result: IndexResult = { total: matches.length, ids: [] };
  if (search.facets) result.facets = countFacets(index, matches);
  const order = orderOf(index, search, resolved, matches);
  const top = selectFirst(matches.length, Math.min(search.offset + search.limit, matches.length), order);
  const ids = index.slots.ids.array;
  for (let i = search.offset; i < top.length; i++) result.ids.push(ids[matches[top[i]!]!]!);
  return result;
}

/**
 * A sorted page of every record of the network that the filters admit (no query: the catalogue's first page, a
 * browse by title or year): the records are not collected and sorted, the sort's order of the whole index is
 * walked until the page is full — plus the records added since that order was made, sorted on their own and
 * merged in. The total is a count; the facets of a whole network without filters are kept until the index changes.
 */
function browse(index: CatalogueIndex, search: IndexSearch, kind: SortedKind): IndexResult {
  const { alive, networks } = index.slots;
  const accepts = filterTest(index, search.filters);
  const passes = (slot: number) => alive.array[slot] === 1 && networks.array[slot] === search.networkId && (accepts === null || accepts(slot));
  let total = 0;
  for (let slot = 0; slot < index.slotCount; slot++) if (passes(slot)) total++;
  const result: IndexResult = { total, ids: [] };
  if (search.facets) {
    const all = () => collectMatches(index, search, null);
    result.facets = accepts === null ? networkFacets(index, search.networkId, all) : countFacets(index, all());
  }
  const compare = index.compareSlots(kind);
  const wanted = search.offset + search.limit;
  const fromOrder: number[] = [];
  for (const slot of index.sortedSlots(kind)) {
    if (fromOrder.length === wanted) break;
    if (passes(slot)) fromOrder.push(slot);
  }
  const added: number[] = [];
  for (let slot = index.sortedSlotCount; slot < index.slotCount; slot++) if (passes(slot)) added.push(slot);
  added.sort(compare);
  const ids = index.slots.ids.array;
  for (let i = 0, j = 0, n = 0; n < wanted && (i < fromOrder.length || j < added.length); n++) {
    const takeAdded = i === fromOrder.length || (j < added.length && compare(added[j]!, fromOrder[i]!) < 0);
    const slot = takeAdded ? added[j++]! : fromOrder[i++]!;
    if (n >= search.offset) result.ids.push(ids[slot]!);
  }
  return result;
}

/** The lexemes of a word as the index numbers them; null for a stop word. */
function lexemesOfWord(word: string, index: CatalogueIndex, resolved: ResolvedTerms): number[] | null {
  const lexemes = resolved.lexemes.get(word);
  if (!lexemes) throw new Error(`search: the word «${word}» was not resolved`);
  return lexemes.length === 0 ? null : lexemes.map((lexeme) => index.lexemeId(lexeme));
}

function wordsNode(field: SearchField, text: string, phrase: boolean, index: CatalogueIndex, resolved: ResolvedTerms): Compiled {
  const mask = WEIGHT_MASK[field];
  if (mask === undefined) return null;
  const words = wordsOf(text);
  if (words.length === 0) return null;
  const lexemes: PlacedLexeme[] = [];
  let offset = 0;
  for (const word of words) {
    const ids = lexemesOfWord(word, index, resolved);
    if (ids === null) offset++;
    else for (const lexeme of ids) lexemes.push({ lexeme, offset: offset++ });
  }
  return { text: lexemes.length === 0 ? null : { kind: 'words', lexemes, mask, phrase } };
}

function compileTerm(node: Extract<SearchNode, { kind: 'term' }>, index: CatalogueIndex, resolved: ResolvedTerms): Compiled {
  switch (node.field) {
    case 'isbn': {
      const ids = resolved.ids.get(node);
      return ids === undefined ? null : { set: { kind: 'ids', ids } };
    }
    case 'bbk': {
      const prefix = bbkPrefixKey(node.text);
      return prefix ? { set: { kind: 'bbk', prefix } } : null;
    }
    case 'year': {
      const range = parseYearRange(node.text);
      return { set: range ? { kind: 'year', from: range.from, to: range.to } : { kind: 'none' } };
    }
    default: return wordsNode(node.field, node.text, node.phrase, index, resolved);
  }
}

/**
 * Stop words drop out of a text tree as to_tsquery's cleanup drops them: a 'not' of nothing is
 * nothing, an 'and' or 'or' keeps what remains. Null: nothing remains (the text matches no record).
 */
function clean(node: TextNode | null): TextNode | null {
  if (node === null) return null;
  switch (node.kind) {
    case 'words': return node;
    case 'not': {
      const child = clean(node.child);
      return child && { kind: 'not', child };
    }
    default: {
      const children = node.children.map(clean).filter((child): child is TextNode => child !== null);
      if (children.length === 0) return null;
      return children.length === 1 ? children[0]! : { kind: node.kind, children };
    }
  }
}

const asSet = (compiled: NonNullable<Compiled>): SetNode => ('text' in compiled ? { kind: 'text', node: compiled.text } : compiled.set);

function compile(node: SearchNode, index: CatalogueIndex, resolved: ResolvedTerms): Compiled {
  switch (node.kind) {
    case 'term': return compileTerm(node, index, resolved);
    case 'not': {
      const child = compile(node.child, index, resolved);
      if (child === null) return { set: { kind: 'none' } };
      return 'text' in child ? { text: child.text && { kind: 'not', child: child.text } } : { set: { kind: 'not', child: child.set } };
    }
    case 'and': {
      const parts = node.children.map((child) => compile(child, index, resolved)).filter((part): part is NonNullable<Compiled> => part !== null);
      if (parts.length === 0) return null;
      const texts = parts.flatMap((part) => ('text' in part ? [part.text] : []));
      const sets = parts.flatMap((part) => ('set' in part ? [part.set] : []));
      const text: Compiled = { text: andText(texts) };
      if (sets.length === 0) return text;
      return { set: { kind: 'and', children: texts.length > 0 ? [asSet(text), ...sets] : sets } };
    }
    case 'or': {
      const parts = node.children.map((child) => compile(child, index, resolved));
      if (parts.some((part) => part === null)) return null;
      const present = parts as NonNullable<Compiled>[];
      if (present.every((part) => 'text' in part)) {
        const children = present.map((part) => (part as { text: TextNode | null }).text);
        return { text: children.some((child) => child !== null) ? { kind: 'or', children: children.filter((child) => child !== null) } : null };
      }
      return { set: { kind: 'or', children: present.map(asSet) } };
    }
  }
}

/** Text parts ANDed as one tsquery: parts of only stop words drop out; all of them: nothing. */
function andText(texts: (TextNode | null)[]): TextNode | null {
  const present = texts.filter((text): text is TextNode => text !== null);
  return present.length === 0 ? null : { kind: 'and', children: present };
}

/**
 * Arrays a search works in, kept from search to search: allocating a million-slot bitset or match list each time
 * made the garbage collector a tenth of the server's time. A search runs synchronously from start to end, so one
 * set serves every search; bitsets taken are given back when it ends (`releaseBits`).
 */
const scratch = { freeBits: [] as Bits[], takenBits: [] as Bits[], matches: new Int32Array(0), numbers: new Float64Array(0), flags: new Uint8Array(0) };

/** A cleared bitset over the index's slots. */
function newBits(index: CatalogueIndex): Bits {
  const length = (index.slotCount + 31) >>> 5;
  let bits = scratch.freeBits.pop();
  if (bits?.length !== length) bits = new Uint32Array(length);
  else bits.fill(0);
  scratch.takenBits.push(bits);
  return bits;
}

function releaseBits(): void {
  scratch.freeBits.push(...scratch.takenBits);
  scratch.takenBits.length = 0;
}

/** A scratch array of at least `length` (contents undefined), grown as needed. */
function scratchArray<K extends 'matches' | 'numbers' | 'flags'>(kind: K, length: number): (typeof scratch)[K] {
  if (scratch[kind].length < length) {
    const Make = scratch[kind].constructor as new (length: number) => (typeof scratch)[K];
    scratch[kind] = new Make(Math.max(length, scratch[kind].length * 2));
  }
  return scratch[kind];
}

function evaluateSet(index: CatalogueIndex, node: SetNode): Bits {
  switch (node.kind) {
    case 'text': {
      const text = clean(node.node);
      return text ? evaluateText(index, text) : newBits(index);
    }
    case 'none': return newBits(index);
    case 'ids': {
      const bits = newBits(index);
      for (const id of node.ids) {
        const slot = index.slotOf(id);
        if (slot !== undefined) bits[slot >>> 5]! |= 1 << (slot & 31);
      }
      return bits;
    }
    case 'year':
    case 'bbk': return allSlotsWhere(index, node as TestedNode);
    case 'not': return complement(evaluateSet(index, node.child));
    case 'and': {
      // A year or ББК condition beside others tests only the records the others found, not every record.
      const tested = node.children.filter(isTested);
      const others = node.children.filter((child) => !isTested(child));
      if (others.length === 0) return node.children.map((child) => evaluateSet(index, child)).reduce(intersect);
      const bits = others.map((child) => evaluateSet(index, child)).reduce(intersect);
      for (const condition of tested) keepWhere(bits, slotTest(index, condition));
      return bits;
    }
    case 'or': return node.children.map((child) => evaluateSet(index, child)).reduce(unite);
  }
}

/** The conditions tested record by record: a year range, a ББК prefix. */
type TestedNode = Extract<SetNode, { kind: 'year' | 'bbk' }>;
const isTested = (node: SetNode): node is TestedNode => node.kind === 'year' || node.kind === 'bbk';

/** The test of one record against a year range or a ББК prefix. */
function slotTest(index: CatalogueIndex, node: TestedNode): (slot: number) => boolean {
  const { slots } = index;
  if (node.kind === 'year') return yearTest(index, node.from, node.to);
  // The ББК indexes that start with the prefix: among the distinct ones, then each record's codes.
  const wanted = bbkCodesWanted(index, node.prefix);
  const starts = slots.bbkKeys.starts.array;
  const codes = slots.bbkKeys.codes.array;
  return (slot) => {
    for (let k = starts[slot]!; k < starts[slot + 1]!; k++) if (wanted[codes[k]!]) return true;
    return false;
  };
}

/** Whether a record's year is within the bounds (null: open on that side); a record without a year never is. */
function yearTest(index: CatalogueIndex, from: number | null | undefined, to: number | null | undefined): (slot: number) => boolean {
  const years = index.slots.years.array;
  const lowest = from ?? -32767;
  const highest = to ?? 32767;
  return (slot) => {
    const year = years[slot]!;
    return year !== NO_YEAR && year >= lowest && year <= highest;
  };
}

/** The records with a year in the range (every record tested) or a ББК key with the prefix (its keys' lists of records). */
function allSlotsWhere(index: CatalogueIndex, node: TestedNode): Bits {
  const bits = newBits(index);
  if (node.kind === 'year') {
    const test = yearTest(index, node.from, node.to);
    for (let slot = 0; slot < index.slotCount; slot++) if (test(slot)) bits[slot >>> 5]! |= 1 << (slot & 31);
    return bits;
  }
  const wanted = bbkCodesWanted(index, node.prefix);
  for (let code = 0; code < wanted.length; code++) {
    if (!wanted[code]) continue;
    for (const slot of index.bbkSlotsOf(code)) bits[slot >>> 5]! |= 1 << (slot & 31);
  }
  return bits;
}

/** Which of the distinct ББК keys start with the prefix, by code. */
function bbkCodesWanted(index: CatalogueIndex, prefix: string): Uint8Array {
  const keys = index.slots.bbkKeys.values.values;
  const wanted = new Uint8Array(keys.length);
  for (let code = 0; code < keys.length; code++) if (keys[code]!.startsWith(prefix)) wanted[code] = 1;
  return wanted;
}

/** Clears the bits of the records that fail the test. */
function keepWhere(bits: Bits, test: (slot: number) => boolean): void {
  for (let word = 0; word < bits.length; word++) {
    let value = bits[word]!;
    while (value !== 0) {
      const bit = 31 - Math.clz32(value & -value);
      value &= value - 1;
      if (!test((word << 5) + bit)) bits[word]! &= ~(1 << bit);
    }
  }
}

function evaluateText(index: CatalogueIndex, node: TextNode): Bits {
  switch (node.kind) {
    case 'words': return node.phrase && node.lexemes.length > 1 ? phraseBits(index, node) : wordBits(index, node);
    case 'not': return complement(evaluateText(index, node.child));
    case 'and': return node.children.map((child) => evaluateText(index, child)).reduce(intersect);
    case 'or': return node.children.map((child) => evaluateText(index, child)).reduce(unite);
  }
}

function intersect(a: Bits, b: Bits): Bits {
  for (let i = 0; i < a.length; i++) a[i]! &= b[i]!;
  return a;
}
function unite(a: Bits, b: Bits): Bits {
  for (let i = 0; i < a.length; i++) a[i]! |= b[i]!;
  return a;
}
function complement(a: Bits): Bits {
  for (let i = 0; i < a.length; i++) a[i] = ~a[i]!;
  return a;
}

/** Whether some position of the current posting has a weight of the mask. */
function hasWeight(positions: Uint16Array, from: number, to: number, mask: number): boolean {
  if (mask === 0b1111) return true;
  for (let i = from; i < to; i++) if (mask & (1 << weightOf(positions[i]!))) return true;
  return false;
}

/** The records holding every lexeme of the node (at one of the mask's weights). */
function wordBits(index: CatalogueIndex, node: Extract<TextNode, { kind: 'words' }>): Bits {
  const [first, ...rest] = node.lexemes;
  const bits = newBits(index);
  for (const cursor = index.cursor(first!.lexeme); cursor.slot !== Infinity; cursor.next()) {
    if (hasWeight(cursor.positions, cursor.from, cursor.to, node.mask)) bits[cursor.slot >>> 5]! |= 1 << (cursor.slot & 31);
  }
  return rest.length === 0 ? bits : intersect(bits, wordBits(index, { ...node, lexemes: rest }));
}

/** The records where the node's lexemes stand at their places one after another (at the mask's weights). */
function phraseBits(index: CatalogueIndex, node: Extract<TextNode, { kind: 'words' }>): Bits {
  const bits = newBits(index);
  const cursors = node.lexemes.map((placed) => index.cursor(placed.lexeme));
  const [lead, ...others] = cursors;
  for (; lead!.slot !== Infinity; lead!.next()) {
    const slot = lead!.slot;
    if (!others.every((cursor) => cursor.seek(slot))) continue;
    if (phraseAt(cursors, node)) bits[slot >>> 5]! |= 1 << (slot & 31);
  }
  return bits;
}

/** Whether, in the cursors' current record, some start position has each lexeme at start + its offset. */
function phraseAt(cursors: PostingCursor[], node: Extract<TextNode, { kind: 'words' }>): boolean {
  const lead = cursors[0]!;
  const leadOffset = node.lexemes[0]!.offset;
  for (let i = lead.from; i < lead.to; i++) {
    if (!(node.mask & (1 << weightOf(lead.positions[i]!)))) continue;
    const start = offsetOf(lead.positions[i]!) - leadOffset;
    const all = cursors.every((cursor, k) => {
      const wanted = start + node.lexemes[k]!.offset;
      for (let j = cursor.from; j < cursor.to; j++) {
        const position = cursor.positions[j]!;
        if (offsetOf(position) === wanted && node.mask & (1 << weightOf(position))) return true;
      }
      return false;
    });
    if (all) return true;
  }
  return false;
}

/** The live slots of the network that the query's bits (null: all) and the filters admit, in slot order. */
function collectMatches(index: CatalogueIndex, search: IndexSearch, bits: Bits | null): Int32Array {
  const { slots } = index;
  const alive = slots.alive.array;
  const networks = slots.networks.array;
  const accepts = filterTest(index, search.filters);
  const networkId = search.networkId;
  const slotCount = index.slotCount;
  if (bits === null) {
    const found = scratchArray('matches', slotCount);
    let count = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      if (alive[slot] && networks[slot] === networkId && (accepts === null || accepts(slot))) found[count++] = slot;
    }
    return found.subarray(0, count);
  }
  let population = 0;
  for (let word = 0; word < bits.length; word++) population += bitCount(bits[word]!);
  const found = scratchArray('matches', population);
  let count = 0;
  for (let word = 0; word < bits.length; word++) {
    let value = bits[word]!;
    while (value !== 0) {
      const slot = (word << 5) + 31 - Math.clz32(value & -value);
      value &= value - 1;
      if (slot < slotCount && alive[slot] && networks[slot] === networkId && (accepts === null || accepts(slot))) found[count++] = slot;
    }
  }
  return found.subarray(0, count);
}

function bitCount(word: number): number {
  let value = word - ((word >>> 1) & 0x55555555);
  value = (value & 0x33333333) + ((value >>> 2) & 0x33333333);
  return (((value + (value >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The test of a slot against the filters (each given list: any of its values); null when there are none. */
function filterTest(index: CatalogueIndex, filters: IndexFilters): ((slot: number) => boolean) | null {
  const { slots } = index;
  const tests: ((slot: number) => boolean)[] = [];
  if (filters.yearFrom !== undefined || filters.yearTo !== undefined) tests.push(yearTest(index, filters.yearFrom, filters.yearTo));
  if (filters.documentTypes?.length) {
    const codes = new Set(filters.documentTypes.map((value) => slots.documentTypeValues.find(value)));
    const types = slots.documentTypes.array;
    tests.push((slot) => codes.has(types[slot]!));
  }
  if (filters.ageRatings?.length) {
    const codes = new Set(filters.ageRatings.map((value) => slots.ageRatingValues.find(value) + 1).filter((code) => code > 0));
    const ratings = slots.ageRatings.array;
    tests.push((slot) => codes.has(ratings[slot]!));
  }
  for (const [values, column] of [[filters.languages, slots.languages], [filters.bbkDivisions, slots.bbkDivisions]] as const) {
    if (!values?.length) continue;
    const codes = new Set(values.map((value) => column.values.find(value)));
    const starts = column.starts.array;
    const listed = column.codes.array;
    tests.push((slot) => {
      for (let i = starts[slot]!; i < starts[slot + 1]!; i++) if (codes.has(listed[i]!)) return true;
      return false;
    });
  }
  if (tests.length === 0) return null;
  return tests.length === 1 ? tests[0]! : (slot) => tests.every((test) => test(slot));
}

/** The facets of a whole network (a browse without filters, the catalogue's first page), kept until the index changes. */
const wholeNetworkFacets = new WeakMap<CatalogueIndex, { version: number; byNetwork: Map<number, FacetCount[]> }>();

function networkFacets(index: CatalogueIndex, networkId: number, matches: () => Int32Array): FacetCount[] {
  let kept = wholeNetworkFacets.get(index);
  if (kept?.version !== index.version) {
    kept = { version: index.version, byNetwork: new Map() };
    wholeNetworkFacets.set(index, kept);
  }
  let facets = kept.byNetwork.get(networkId);
  if (!facets) {
    facets = countFacets(index, matches());
    kept.byNetwork.set(networkId, facets);
  }
  return facets;
}

function countFacets(index: CatalogueIndex, matches: Int32Array): FacetCount[] {
  const { slots } = index;
  const counts: FacetCount[] = [];
  const report = (facet: FacetName, values: readonly string[], tally: Int32Array, shift = 0) => {
    for (let code = shift; code < tally.length; code++) {
      if (tally[code]! > 0) counts.push({ facet, value: values[code - shift]!, count: tally[code]! });
    }
  };
  const types = slots.documentTypes.array;
  const typeTally = new Int32Array(slots.documentTypeValues.values.length);
  for (let i = 0; i < matches.length; i++) typeTally[types[matches[i]!]!]!++;
  report('documentTypes', slots.documentTypeValues.values, typeTally);
  for (const [facet, column] of [['languages', slots.languages], ['bbkDivisions', slots.bbkDivisions]] as const) {
    const tally = new Int32Array(column.values.values.length);
    const starts = column.starts.array;
    const codes = column.codes.array;
    for (let i = 0; i < matches.length; i++) {
      const slot = matches[i]!;
      for (let k = starts[slot]!; k < starts[slot + 1]!; k++) tally[codes[k]!]!++;
    }
    report(facet, column.values.values, tally);
  }
  // Age ratings are stored as code + 1 (0: none): tally place 0 is the unrated, not reported.
  const ratings = slots.ageRatings.array;
  const ratingTally = new Int32Array(slots.ageRatingValues.values.length + 1);
  for (let i = 0; i < matches.length; i++) ratingTally[ratings[matches[i]!]!]!++;
  report('ageRatings', slots.ageRatingValues.values, ratingTally, 1);
  // Decades as PostgreSQL's integer division made them (toward zero), by their place from the lowest.
  const years = slots.years.array;
  const decadeTally = new Int32Array(2 * DECADE_SHIFT + 1);
  for (let i = 0; i < matches.length; i++) {
    const year = years[matches[i]!]!;
    if (year !== NO_YEAR) decadeTally[Math.trunc(year / 10) + DECADE_SHIFT]!++;
  }
  decadeTally.forEach((count, place) => {
    if (count > 0) counts.push({ facet: 'years', value: String((place - DECADE_SHIFT) * 10), count });
  });
  return counts;
}

/** The decades of the years an Int16 holds, -3276 … 3276, placed from 0. */
const DECADE_SHIFT = 3277;

/** A comparison of two matches (indexes into `matches`): negative when the first comes first. */
type MatchOrder = (a: number, b: number) => number;

function orderOf(index: CatalogueIndex, search: IndexSearch, resolved: ResolvedTerms, matches: Int32Array): MatchOrder {
  const { slots } = index;
  const ids = slots.ids.array;
  const byId = (a: number, b: number) => ids[matches[a]!]! - ids[matches[b]!]!;
  const order = search.order;
  switch (order.kind) {
    case 'title':
    case 'year-desc':
    case 'year-asc': {
      const bySlot = index.compareSlots(order.kind);
      return (a, b) => bySlot(matches[a]!, matches[b]!);
    }
    case 'relevance': {
      // 4: the exact title, 2: a title with its author, 1: an exact primary author; then ts_rank; then id.
      const exact = scratchArray('flags', matches.length).fill(0, 0, matches.length);
      const titles = slots.titleKeys;
      const { exactTitle } = order;
      const titleWithAuthor = order.titleWithAuthor.flatMap(({ titleKey, author }) => {
        const compiled = compile(author, index, resolved);
        return compiled ? [{ titleKey, hash: hashKey(titleKey), authors: evaluateSet(index, asSet(compiled)) }] : [];
      });
      const authorCode = order.exactAuthor === null ? -1 : slots.authorKeys.values.find(order.exactAuthor);
      const authorStarts = slots.authorKeys.starts.array;
      const authorCodes = slots.authorKeys.codes.array;
      // The title's hash first: comparing strings would read a million scattered string objects.
      const titleHash = exactTitle === null ? 0 : hashKey(exactTitle);
      const hashes = slots.titleHashes.array;
      for (let i = 0; i < matches.length; i++) {
        const slot = matches[i]!;
        let flags = exactTitle !== null && hashes[slot] === titleHash && titles[slot] === exactTitle ? 4 : 0;
        for (const { titleKey, hash, authors } of titleWithAuthor) {
          if (hashes[slot] === hash && titles[slot] === titleKey && (authors[slot >>> 5]! & (1 << (slot & 31))) !== 0) flags |= 2;
        }
        if (authorCode >= 0) {
          for (let k = authorStarts[slot]!; k < authorStarts[slot + 1]!; k++) if (authorCodes[k] === authorCode) flags |= 1;
        }
        exact[i] = flags;
      }
      const ranks = rankMatches(index, search.query, resolved, matches);
      return (a, b) => exact[b]! - exact[a]! || ranks[b]! - ranks[a]! || byId(a, b);
    }
  }
}

/**
 * ts_rank of each match against the ranking query — every text term not under a 'not', any of them
 * scoring (as `ts_rank(search_vector, to_tsquery(t1 | t2 | …))` did): its distinct lexemes, and whether
 * the query's top operator is an 'and' (one term of several words), which ranks by proximity.
 */
function rankMatches(index: CatalogueIndex, query: SearchNode | null, resolved: ResolvedTerms, matches: Int32Array): Float64Array {
  const ranks = scratchArray('numbers', matches.length).fill(0, 0, matches.length);
  const parts: string[][] = [];
  for (const { term, negated } of query ? termsOf(query) : []) {
    if (negated || WEIGHT_MASK[term.field] === undefined) continue;
    const lexemes = wordsOf(term.text).flatMap((word) => resolved.lexemes.get(word) ?? []);
    if (lexemes.length > 0) parts.push(lexemes);
  }
  if (parts.length === 0) return ranks;
  // In PostgreSQL's order (by their UTF-8 bytes): ts_rank adds float4s, and the order changes the last bit.
  const operands = [...new Set(parts.flat())].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const and = parts.length === 1 && parts[0]!.length > 1;
  const cursors = operands.map((lexeme) => index.cursor(index.lexemeId(lexeme)));
  if (!and) {
    // calc_rank_or, as tsRank computes it, straight from the postings: the float sum of the contributions over their number.
    for (let i = 0; i < matches.length; i++) {
      const slot = matches[i]!;
      let rank = 0;
      for (let k = 0; k < cursors.length; k++) {
        const cursor = cursors[k]!;
        if (cursor.seek(slot)) rank = Math.fround(rank + orContribution(cursor.positions, cursor.from, cursor.to));
      }
      ranks[i] = Math.fround(rank / cursors.length);
    }
    return ranks;
  }
  // Each operand's positions in the current match, copied into arrays kept from match to match.
  const buffers = operands.map(() => [] as number[]);
  const positions: (number[] | undefined)[] = new Array(operands.length);
  for (let i = 0; i < matches.length; i++) {
    const slot = matches[i]!;
    for (let k = 0; k < cursors.length; k++) {
      const cursor = cursors[k]!;
      if (!cursor.seek(slot)) {
        positions[k] = undefined;
        continue;
      }
      const buffer = buffers[k]!;
      buffer.length = 0;
      for (let p = cursor.from; p < cursor.to; p++) buffer.push(cursor.positions[p]!);
      positions[k] = buffer;
    }
    ranks[i] = tsRank(positions, and);
  }
  return ranks;
}

/** The first `k` of `count` matches in the order, sorted: a bounded heap when k is small, else a full sort. */
function selectFirst(count: number, k: number, order: MatchOrder): Int32Array {
  if (k <= 0) return new Int32Array(0);
  if (k * 8 >= count) {
    const all = Int32Array.from({ length: count }, (_, i) => i);
    return all.sort(order).subarray(0, k);
  }
  // A max-heap of the best k so far: its root is the worst of them.
  const heap = new Int32Array(k);
  let size = 0;
  const down = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) return;
      const right = left + 1;
      const larger = right < size && order(heap[right]!, heap[left]!) > 0 ? right : left;
      if (order(heap[larger]!, heap[i]!) <= 0) return;
      [heap[i], heap[larger]] = [heap[larger]!, heap[i]!];
      i = larger;
    }
  };
  for (let match = 0; match < count; match++) {
    if (size < k) {
      let i = size++;
      heap[i] = match;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (order(heap[i]!, heap[parent]!) <= 0) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (order(match, heap[0]!) < 0) {
      heap[0] = match;
      down(0);
    }
  }
  return heap.sort(order);
}
