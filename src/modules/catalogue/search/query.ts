import { parseIsbn } from '../../../shared/isbn.js';

/**
 * The search query as a tree (Contract 1 of issue 4): what the one search box, the advanced form and
 * SRU's CQL all come down to. Pure: no SQL here (search.queries.ts compiles the tree).
 */

export type SearchField = 'any' | 'title' | 'author' | 'subject' | 'isbn' | 'bbk' | 'year';
export type SearchNode =
  | { kind: 'term'; field: SearchField; text: string; phrase: boolean } // text as typed (without quotes); phrase: it was quoted
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }; // only ever inside an 'and' (CQL "a not b" = and(a, not(b)))

/** Box prefixes (lower case, without the colon) and the field each names; the first per field is canonical. */
const PREFIXES: [string, SearchField][] = [
  ['автор', 'author'], ['заглавие', 'title'], ['тема', 'subject'], ['isbn', 'isbn'], ['ббк', 'bbk'], ['год', 'year'],
  ['author', 'author'], ['title', 'title'], ['subject', 'subject'], ['year', 'year'], ['bbk', 'bbk'],
  ['название', 'title'], ['исбн', 'isbn'],
];
const FIELD_BY_PREFIX = new Map(PREFIXES);
const PREFIX_OF_FIELD = new Map<SearchField, string>();
for (const [prefix, field] of PREFIXES) if (!PREFIX_OF_FIELD.has(field)) PREFIX_OF_FIELD.set(field, prefix);

/** Words joining alternatives in the box: «пушкин ИЛИ лермонтов». Upper case only, so «или» stays a word. */
const OR_WORDS = new Set(['ИЛИ', 'OR', '|']);
const OPEN_QUOTES = '"«„“';
const CLOSE_QUOTE: Record<string, string> = { '"': '"', '«': '»', '„': '“', '“': '”' };

/** The year text of a год: term: «1990», «1990-2000», «1990-» or «-2000». */
export const YEAR_TEXT = /^\s*(\d{1,4})?\s*(?:[-–—]\s*(\d{1,4})?)?\s*$/;

/** A year term's bounds, or undefined when the text is no year. */
export function parseYearRange(text: string): { from: number | null; to: number | null } | undefined {
  const match = YEAR_TEXT.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const from = match[1] === undefined ? null : Number(match[1]);
  const isRange = /[-–—]/.test(text);
  const to = match[2] === undefined ? (isRange ? null : from) : Number(match[2]);
  return { from, to };
}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'or' }
  | { kind: 'term'; negated: boolean; field: SearchField; text: string; phrase: boolean }
  | { kind: 'not-group' }; // «-(» : the group that follows is excluded

const hasContent = (text: string) => /[\p{L}\p{N}]/u.test(text);

/** A word that is a whole valid ISBN, hyphenated or not (full-text would split it or stem its digits). */
const isIsbn = (word: string) => /^[0-9][0-9-]{8,15}[0-9Xx]$/.test(word) && parseIsbn(word)?.valid === true;

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const text = input.normalize('NFC');
  const isSpace = (c: string | undefined) => c !== undefined && /\s/u.test(c);
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) { i++; continue; }
    if (c === '(') { tokens.push({ kind: 'open' }); i++; continue; }
    if (c === ')') { tokens.push({ kind: 'close' }); i++; continue; }
    let negated = false;
    let j = i;
    if (text[j] === '-' && j + 1 < text.length && !isSpace(text[j + 1])) {
      if (text[j + 1] === '(') { tokens.push({ kind: 'not-group' }); i = j + 1; continue; }
      negated = true;
      j++;
    }
    // An optional known prefix «автор:» (the value may follow after spaces).
    let field: SearchField = 'any';
    const prefixMatch = /^([\p{L}]+):/u.exec(text.slice(j, j + 20));
    if (prefixMatch && FIELD_BY_PREFIX.has(prefixMatch[1]!.toLowerCase())) {
      field = FIELD_BY_PREFIX.get(prefixMatch[1]!.toLowerCase())!;
      j += prefixMatch[0].length;
      while (isSpace(text[j])) j++;
    }
    const opener = text[j];
    if (opener !== undefined && OPEN_QUOTES.includes(opener)) {
      const closer = CLOSE_QUOTE[opener]!;
      let end = text.indexOf(closer, j + 1);
      if (end < 0 && opener === '“') end = text.indexOf('"', j + 1);
      if (end < 0) end = text.length; // an unclosed quote runs to the end
      const phrase = text.slice(j + 1, end).replace(/\s+/gu, ' ').trim();
      i = end + 1;
      if (hasContent(phrase)) tokens.push({ kind: 'term', negated, field, text: phrase, phrase: true });
      continue;
    }
    let end = j;
    // A ББК index holds balanced parentheses («84(2Рос=Рус)6»); elsewhere they group.
    let depth = 0;
    while (end < text.length && !isSpace(text[end])) {
      if (text[end] === '(') { if (field !== 'bbk') break; depth++; }
      if (text[end] === ')') { if (depth === 0) break; depth--; }
      end++;
    }
    const word = text.slice(j, end);
    i = Math.max(end, i + 1);
    if (!negated && field === 'any' && OR_WORDS.has(word)) { tokens.push({ kind: 'or' }); continue; }
    if (!hasContent(word)) continue;
    if (field === 'year' && !parseYearRange(word)) field = 'any'; // «год:прошлый» is just words
    if (field === 'any' && isIsbn(word)) field = 'isbn'; // «978-5-389-21146-9», «5389211464»: as the isbn: prefix
    tokens.push({ kind: 'term', negated, field, text: word, phrase: false });
  }
  return tokens;
}

/** Recursive descent over the tokens: alternatives of conjunctions of (possibly excluded) terms and groups. */
class BoxParser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): SearchNode | null {
    const alternatives: SearchNode[] = [];
    while (this.at < this.tokens.length) {
      const node = this.alternatives();
      if (node) alternatives.push(node);
      if (this.tokens[this.at]?.kind === 'close') this.at++; // a stray «)» is dropped
    }
    return simplify(alternatives.length === 1 ? alternatives[0]! : { kind: 'and', children: alternatives });
  }

  private alternatives(): SearchNode | null {
    const options: SearchNode[] = [];
    for (;;) {
      const conjunction = this.conjunction();
      if (conjunction) options.push(conjunction);
      if (this.tokens[this.at]?.kind !== 'or') break;
      this.at++;
    }
    if (options.length === 0) return null;
    return options.length === 1 ? options[0]! : { kind: 'or', children: options };
  }

  private conjunction(): SearchNode | null {
    const parts: SearchNode[] = [];
    for (;;) {
      const token = this.tokens[this.at];
      if (!token || token.kind === 'or' || token.kind === 'close') break;
      this.at++;
      if (token.kind === 'term') {
        const term: SearchNode = { kind: 'term', field: token.field, text: token.text, phrase: token.phrase };
        parts.push(token.negated ? { kind: 'not', child: term } : term);
      } else if (token.kind === 'open' || token.kind === 'not-group') {
        if (token.kind === 'not-group') this.at++; // its «(»
        const group = this.alternatives();
        if (this.tokens[this.at]?.kind === 'close') this.at++;
        if (group) parts.push(token.kind === 'not-group' ? { kind: 'not', child: group } : group);
      }
    }
    if (parts.length === 0) return null;
    return parts.length === 1 && parts[0]!.kind !== 'not' ? parts[0]! : { kind: 'and', children: parts };
  }
}

/** Flattens and(and(…)) and or(or(…)), drops empty groups, keeps 'not' only inside 'and'. */
export function simplify(node: SearchNode): SearchNode | null {
  switch (node.kind) {
    case 'term':
      return hasContent(node.text) ? node : null;
    case 'not': {
      const child = simplify(node.child);
      return child && { kind: 'and', children: [{ kind: 'not', child }] };
    }
    case 'and':
    case 'or': {
      const children: SearchNode[] = [];
      for (const raw of node.children) {
        if (node.kind === 'and' && raw.kind === 'not') {
          const child = simplify(raw.child);
          if (child) children.push({ kind: 'not', child });
          continue;
        }
        const child = simplify(raw);
        if (!child) continue;
        if (child.kind === node.kind) children.push(...child.children);
        else children.push(child);
      }
      if (children.length === 0) return null;
      if (children.length === 1 && children[0]!.kind !== 'not') return children[0]!;
      return { kind: node.kind, children };
    }
  }
}

/**
 * The one search box: words (all must match), "phrases", field prefixes автор: заглавие: тема: isbn: ббк: год:
 * (год:1990 or год:1990-2000), -word to exclude. Latin prefixes title: author: subject: year: also accepted;
 * «ИЛИ»/«OR» between words and parentheses group alternatives. Returns null for an empty box. Never throws:
 * unknown prefixes are words.
 */
export function parseSearchBox(text: string): SearchNode | null {
  try {
    return new BoxParser(tokenize(String(text ?? ''))).parse();
  } catch {
    // Defensive: the parser has no known throwing path, and a search box must never fail the page.
    const words = String(text ?? '').split(/\s+/u).filter(hasContent);
    return simplify({ kind: 'and', children: words.map((word) => ({ kind: 'term', field: 'any', text: word, phrase: false })) });
  }
}

/** The canonical box text for a node (for "Показаны результаты по запросу «…»" and links). */
export function formatSearchBox(node: SearchNode): string {
  return format(node, false);
}

function format(node: SearchNode, nested: boolean): string {
  switch (node.kind) {
    case 'term': {
      const prefix = node.field === 'any' ? '' : `${PREFIX_OF_FIELD.get(node.field)}:`;
      const text = node.text.replace(/["«»„“”]/gu, ' ').replace(/\s+/gu, ' ').trim();
      if (node.phrase) return `${prefix}"${text}"`;
      // Words of one unquoted term (CQL title=«капитанская дочка»): each word with the field's prefix.
      return text.split(' ').filter(hasContent).map((word) => {
        const plain = node.field === 'any' && (OR_WORDS.has(word) || word.startsWith('-') || /[():]/u.test(word));
        return plain || (node.field !== 'bbk' && /[()]/u.test(word)) ? `${prefix}"${word}"` : `${prefix}${word}`;
      }).join(' ');
    }
    case 'not': {
      const child = format(node.child, true);
      const single = node.child.kind === 'term' && (node.child.phrase || !/\s/u.test(child));
      return single ? `-${child}` : `-(${format(node.child, false)})`;
    }
    case 'and':
      return node.children.map((child) => format(child, true)).join(' ');
    case 'or': {
      const text = node.children.map((child) => format(child, false)).join(' ИЛИ ');
      return nested ? `(${text})` : text;
    }
  }
}

/** Every term of a tree with whether it sits under a 'not' (the words and ISBNs to look up, typo correction, ranking). */
export function termsOf(node: SearchNode, negated = false): { term: Extract<SearchNode, { kind: 'term' }>; negated: boolean }[] {
  switch (node.kind) {
    case 'term': return [{ term: node, negated }];
    case 'not': return termsOf(node.child, !negated);
    case 'and':
    case 'or': return node.children.flatMap((child) => termsOf(child, negated));
  }
}
