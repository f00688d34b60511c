import type { CatalogueSort, SearchField, SearchNode } from '../catalogue/index.js';
import { diagnostic, type SruDiagnostic } from './diagnostics.js';

/**
 * CQL 1.2 (https://www.loc.gov/standards/sru/cql/) → the catalogue's search AST. Hand-written and pure:
 * a tokenizer and a recursive-descent parser of the grammar
 *
 *   sortedQuery    ::= prefixAssignment sortedQuery | scopedClause ['sortby' sortSpec]
 *   cqlQuery       ::= prefixAssignment cqlQuery | scopedClause
 *   scopedClause   ::= scopedClause booleanGroup searchClause | searchClause     (left-associative, one precedence)
 *   booleanGroup   ::= ('and' | 'or' | 'not' | 'prox') modifierList?
 *   searchClause   ::= '(' cqlQuery ')' | index relation searchTerm | searchTerm
 *   relation       ::= ('=' | '==' | '<' | '>' | '<=' | '>=' | '<>' | identifier) modifierList?
 *
 * Anything the catalogue's search cannot answer faithfully becomes an SRU diagnostic rather than
 * a silently different search.
 */

export type CqlResult =
  | { ok: true; query: SearchNode | null; sort?: CatalogueSort }
  | { ok: false; diagnostic: SruDiagnostic };

/** A CQL index the server understands, with the names it answers to (lower case). */
export interface CqlIndex {
  field: SearchField | 'allRecords';
  /** Names with their context set prefix first; the first is the one explain advertises per set. */
  names: string[];
  title: string;
}

/**
 * Indexes: names in the `cql`, `dc` and `bath` context sets, and unprefixed short names. Index names
 * are case-insensitive (CQL 1.2). Shared with explain, so what is advertised is what is parsed.
 */
export const CQL_INDEXES: readonly CqlIndex[] = [
  { field: 'any', names: ['cql.serverchoice', 'cql.anywhere', 'serverchoice', 'anywhere'], title: 'Любое поле' },
  { field: 'title', names: ['dc.title', 'bath.title', 'title'], title: 'Заглавие' },
  { field: 'author', names: ['dc.creator', 'bath.author', 'bath.name', 'author', 'creator'], title: 'Автор' },
  { field: 'subject', names: ['dc.subject', 'bath.subject', 'subject'], title: 'Тема' },
  { field: 'isbn', names: ['bath.isbn', 'isbn'], title: 'ISBN' },
  { field: 'year', names: ['dc.date', 'year', 'date'], title: 'Год издания' },
  { field: 'bbk', names: ['bbk'], title: 'Индекс ББК' },
  { field: 'allRecords', names: ['cql.allrecords'], title: 'Все записи' },
];

const INDEX_BY_NAME = new Map(CQL_INDEXES.flatMap((index) => index.names.map((name) => [name, index.field] as const)));

/** The sort keys of `sortBy`: index (by name, as above) → sort, per direction. */
const SORTS: Partial<Record<CqlIndex['field'], { ascending?: CatalogueSort; descending?: CatalogueSort }>> = {
  title: { ascending: 'title' },
  year: { ascending: 'year-asc', descending: 'year-desc' },
};

const TEXT_RELATIONS = new Set(['=', '==', 'exact', 'all', 'any', 'adj']);
const YEAR_RELATIONS = new Set(['=', '==', 'exact', '<', '>', '<=', '>=', 'within']);
const BOOLEANS = new Set(['and', 'or', 'not', 'prox']);

/** Longest first: the tokenizer takes the longest symbol. */
const SYMBOLS = ['==', '<>', '<=', '>=', '=', '<', '>', '(', ')', '/'] as const;
type SymbolText = (typeof SYMBOLS)[number];

type Token =
  | { kind: 'symbol'; text: SymbolText; at: number }
  | { kind: 'word'; text: string; quoted: boolean; at: number }   // text raw: escapes still in it
  | { kind: 'end'; at: number };

class CqlFailure extends Error {
  constructor(readonly diagnostic: SruDiagnostic) {
    super(diagnostic.message);
  }
}

const syntaxError = (what: string, at: number) => new CqlFailure(diagnostic(10, `${what} (позиция ${at + 1})`));

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === '"') {
      const start = i++;
      let raw = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) raw += text[i++];
        raw += text[i++];
      }
      if (i >= text.length) throw syntaxError('незакрытая кавычка', start);
      i++;
      tokens.push({ kind: 'word', text: raw, quoted: true, at: start });
      continue;
    }
    const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol, at: i });
      i += symbol.length;
      continue;
    }
    const start = i;
    let raw = '';
    while (i < text.length && !/[\s()=<>"/]/.test(text[i]!)) {
      if (text[i] === '\\' && i + 1 < text.length) raw += text[i++];
      raw += text[i++];
    }
    tokens.push({ kind: 'word', text: raw, quoted: false, at: start });
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

/** A search term with its escapes resolved; unescaped masking (* ?) and anchoring (^) are refused. */
function unescapeTerm(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i]!;
    if (char === '\\') {
      out += raw[++i] ?? '';
      continue;
    }
    if (char === '*' || char === '?') throw new CqlFailure(diagnostic(28, raw));
    if (char === '^') throw new CqlFailure(diagnostic(31, raw));
    out += char;
  }
  return out;
}

const term = (field: SearchField, text: string, phrase: boolean): SearchNode => ({ kind: 'term', field, text, phrase });

/** `and`/`or` of the nodes, flattened: (a and b) and c → and(a, b, c). */
function combine(kind: 'and' | 'or', nodes: SearchNode[]): SearchNode {
  const children = nodes.flatMap((node) => (node.kind === kind ? node.children : [node]));
  return children.length === 1 ? children[0]! : { kind, children };
}

const YEAR = /^\d{4}$/;
const YEAR_RANGE = /^(\d{4})\s*-\s*(\d{4})$/;

function yearTerm(relation: string, text: string, raw: string): SearchNode {
  // The search AST's year text: «1990», «1990-2000», open ranges «1991-» and «-1989».
  const range = (from: number | '', to: number | '') => term('year', from === to ? String(from) : `${from}-${to}`, false);
  const invalid = () => new CqlFailure(diagnostic(36, raw));
  if (relation === 'within') {
    const bounds = text.split(/\s+/);
    if (bounds.length !== 2 || !bounds.every((b) => YEAR.test(b))) throw invalid();
    const [from, to] = bounds.map(Number) as [number, number];
    return range(Math.min(from, to), Math.max(from, to));
  }
  const span = YEAR_RANGE.exec(text);
  if (span && (relation === '=' || relation === '==' || relation === 'exact')) {
    return range(Math.min(Number(span[1]), Number(span[2])), Math.max(Number(span[1]), Number(span[2])));
  }
  if (!YEAR.test(text)) throw invalid();
  const year = Number(text);
  switch (relation) {
    case '<': return range('', year - 1);
    case '<=': return range('', year);
    case '>': return range(year + 1, '');
    case '>=': return range(year, '');
    default: return range(year, year);
  }
}

/**
 * One search clause as a node. Relations on words (CQL 1.2 semantics):
 * `all` — every word (and of words); `any` — some word (or of words); `adj` — the words as a phrase;
 * `=` — for one word the word, for several words `adj` (CQL 1.2 made `=` mean adj for multi-word
 * terms; 1.1 said `all`); `==`/`exact` — the phrase (the catalogue has no whole-field equality, a phrase
 * is the closest faithful answer: the words in this order, adjacent).
 */
function clause(indexName: string, relation: string, raw: string): SearchNode | null {
  const field = INDEX_BY_NAME.get(indexName.toLowerCase());
  if (field === undefined) throw new CqlFailure(diagnostic(16, indexName));
  const text = unescapeTerm(raw).trim();
  if (field === 'allRecords') return null;
  if (field === 'year') {
    if (!YEAR_RELATIONS.has(relation)) throw new CqlFailure(diagnostic(19, relation));
    if (text === '') throw new CqlFailure(diagnostic(27));
    return yearTerm(relation, text, raw);
  }
  if (!TEXT_RELATIONS.has(relation)) throw new CqlFailure(diagnostic(19, relation));
  // Words without a letter or digit (a lone comma) are not searched; a term of nothing else is empty, not «everything».
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  if (words.length === 0) throw new CqlFailure(diagnostic(27));
  switch (relation) {
    case 'all': return combine('and', words.map((word) => term(field, word, false)));
    case 'any': return combine('or', words.map((word) => term(field, word, false)));
    case '==':
    case 'exact': return term(field, words.join(' '), true);
    default: return words.length === 1 ? term(field, words[0]!, false) : term(field, words.join(' '), true);
  }
}

/** How deep parentheses may nest: the parser recurses once a level (thousands would overflow the stack). */
const MAX_NESTING = 50;

class Parser {
  private position = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private get token(): Token {
    return this.tokens[this.position]!;
  }
  private advance(): Token {
    return this.tokens[this.position++]!;
  }
  private isSymbol(text: SymbolText): boolean {
    return this.token.kind === 'symbol' && this.token.text === text;
  }
  private isKeyword(...words: string[]): boolean {
    const token = this.token;
    return token.kind === 'word' && !token.quoted && words.includes(token.text.toLowerCase());
  }

  /** sortedQuery: the whole input. */
  parse(): { query: SearchNode | null; sort?: CatalogueSort } {
    const query = this.cqlQuery();
    const sort = this.isKeyword('sortby') ? (this.advance(), this.sortSpec()) : undefined;
    if (this.token.kind !== 'end') throw syntaxError(`лишнее «${this.describe(this.token)}»`, this.token.at);
    return sort === undefined ? { query } : { query, sort };
  }

  /**
   * Prefix assignments (`> dc = "info:srw/cql-context-set/1/dc-v1.1"`) are read and ignored: the
   * indexes are known by their conventional prefixes (dc, bath, cql) whatever a query maps them to.
   */
  private cqlQuery(): SearchNode | null {
    while (this.isSymbol('>')) {
      this.advance();
      this.expectWord('имя префикса или URI');
      if (this.isSymbol('=')) {
        this.advance();
        this.expectWord('URI набора индексов');
      }
    }
    return this.scopedClause();
  }

  private scopedClause(): SearchNode | null {
    let left = this.searchClause();
    while (this.isKeyword(...BOOLEANS)) {
      const operator = this.advance() as Extract<Token, { kind: 'word' }>;
      const name = operator.text.toLowerCase();
      if (name === 'prox') throw new CqlFailure(diagnostic(39, 'prox'));
      if (this.isSymbol('/')) throw new CqlFailure(diagnostic(46, this.modifierName()));
      const right = this.searchClause();
      if (left === null || right === null) throw new CqlFailure(diagnostic(48, 'cql.allRecords в сочетании с другими условиями'));
      left = name === 'not'
        ? combine('and', [left, { kind: 'not', child: right }])
        : combine(name as 'and' | 'or', [left, right]);
    }
    return left;
  }

  private searchClause(): SearchNode | null {
    if (this.isSymbol('(')) {
      const open = this.advance();
      if (++this.depth > MAX_NESTING) throw syntaxError(`скобки вложены глубже ${MAX_NESTING} уровней`, open.at);
      const inner = this.cqlQuery();
      this.depth--;
      if (!this.isSymbol(')')) throw syntaxError(`нет закрывающей скобки к открытой на позиции ${open.at + 1}`, this.token.at);
      this.advance();
      return inner;
    }
    const first = this.expectWord('поисковый термин');
    const next = this.token;
    let relation: string;
    if (next.kind === 'symbol' && ['=', '==', '<', '>', '<=', '>=', '<>'].includes(next.text)) {
      relation = next.text;
    } else if (next.kind === 'word' && !next.quoted && !this.isKeyword(...BOOLEANS, 'sortby')) {
      relation = next.text.toLowerCase().replace(/^cql\./, '');
    } else {
      return clause('cql.serverChoice', '=', first.text);
    }
    if (first.quoted) throw syntaxError('имя индекса в кавычках', first.at);
    this.advance();
    if (this.isSymbol('/')) {
      // The index is checked first, as the error a client most needs to see.
      if (!INDEX_BY_NAME.has(first.text.toLowerCase())) throw new CqlFailure(diagnostic(16, first.text));
      throw new CqlFailure(diagnostic(20, this.modifierName()));
    }
    const value = this.expectWord('поисковый термин');
    return clause(first.text, relation, value.text);
  }

  /** sortSpec: one key, `index [/sort.ascending | /sort.descending]`. */
  private sortSpec(): CatalogueSort {
    const key = this.expectWord('ключ сортировки');
    let direction: 'ascending' | 'descending' = 'ascending';
    while (this.isSymbol('/')) {
      const modifier = this.modifierName();
      const name = modifier.toLowerCase().replace(/^sort\./, '');
      if (name !== 'ascending' && name !== 'descending') throw new CqlFailure(diagnostic(80, modifier));
      direction = name;
    }
    if (this.token.kind === 'word') throw new CqlFailure(diagnostic(80, 'сортировка по нескольким ключам'));
    const field = INDEX_BY_NAME.get(key.text.toLowerCase());
    const sort = field === undefined ? undefined : SORTS[field]?.[direction];
    if (sort === undefined) throw new CqlFailure(diagnostic(80, `${key.text}/${direction}`));
    return sort;
  }

  /** After '/': `name [comparitor value]`; returns the name (the whole modifier is consumed). */
  private modifierName(): string {
    this.advance();
    const name = this.expectWord('имя модификатора').text;
    if (this.token.kind === 'symbol' && ['=', '==', '<', '>', '<=', '>=', '<>'].includes(this.token.text)) {
      this.advance();
      this.expectWord('значение модификатора');
    }
    return name;
  }

  private expectWord(what: string): Extract<Token, { kind: 'word' }> {
    const token = this.token;
    if (token.kind !== 'word') throw syntaxError(`ожидался ${what}, а встретилось «${this.describe(token)}»`, token.at);
    this.advance();
    return token;
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'конец запроса' : token.text;
  }
}

/** Parses a CQL 1.2 query into the search AST (null: cql.allRecords, every record), or a diagnostic. */
export function parseCql(text: string): CqlResult {
  try {
    if (text.trim() === '') return { ok: false, diagnostic: diagnostic(10, 'пустой запрос') };
    return { ok: true, ...new Parser(tokenize(text)).parse() };
  } catch (error) {
    if (error instanceof CqlFailure) return { ok: false, diagnostic: error.diagnostic };
    throw error;
  }
}
