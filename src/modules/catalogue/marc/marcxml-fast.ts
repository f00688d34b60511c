// The fast path of the MARCXML reader: a hand-written scanner for the records of a well-formed
// <collection>, about twice as fast as the saxes tokenizer with its events. It reads only what it is
// sure of; for anything else it hands over to the saxes reader (marcxml-saxes.ts), primed so that
// positions, line and column numbers in its reports are those of the original document:
// - a record it does not handle (a warning to give, a comment, CDATA, an unknown entity, a carriage
//   return, an attribute it does not know, malformed markup): that one record goes through saxes, then
//   the fast path goes on — unless saxes ends inside the record (it found an error, or the "record"
//   was not what it seemed), in which case saxes reads the rest of the document;
// - a document whose start it does not handle (no <collection> root, a DOCTYPE, a byte-order mark),
//   or anything but whitespace between records: saxes reads from there to the end.
// Priming: the saxes reader is fed the document's real prolog (declaration up to the root's start
// tag, kept from the start), so the root element is open as in the original; then its line and
// column (public fields of saxes) are set to the original's where the handed-over text begins, and
// its positions are shifted by the text skipped.
//
// Resynchronisation: malformed XML ends a saxes reader (nothing it reads after an error can be trusted),
// not the reading. Its error report stands for the record the error is in; then the text is skipped
// up to the next <record> start tag (any prefix) after the error — or at the start tag of a record
// that begins inside an unclosed one — and reading goes on there, fast or by a saxes reader primed
// with the elements that were open around the records (<collection>, an envelope's lists), its line,
// column and position those of the original. Only the skipped stretch is lost.
import { localName, MarcXmlReader } from './marcxml-saxes.js';
import type { ControlField, DataField, MarcEncoding, MarcField, MarcReadResult, MarcRecord, Subfield } from './record.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQ = 0x3d;
const QUOT = 0x22;
const APOS = 0x27;
const AMP = 0x26;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Characters that make the fast path hand a record to saxes (with "]]>", forbidden in text): what XML forbids or saxes normalises
 *  (control characters, carriage returns, non-characters), surrogates (astral characters: saxes counts
 *  columns in code points). */
// eslint-disable-next-line no-control-regex
const NOT_FAST = /[\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Line and column as saxes counts them: \n, \r\n and a lone \r end a line; columns are code points. */
class LineTracker {
  /** Absolute position tracked up to. */
  at = 0;
  line = 1;
  column = 0;
  /** The text just before `at` ended with \r (a following \n belongs to the same line break). */
  private afterCr = false;

  advance(text: string, from: number, to: number): void {
    let lastBreak = -1;
    // Only [from, to) is searched: an indexOf from `from` would scan the rest of the buffer, at every
    // hand-over to saxes (the whole document when it was read from one string).
    if (!text.slice(from, to).includes('\r')) {
      for (let k = text.indexOf('\n', from); k >= 0 && k < to; k = text.indexOf('\n', k + 1)) {
        if (!(k === from && this.afterCr)) this.line++;
        lastBreak = k;
      }
    } else {
      for (let k = from; k < to; k++) {
        const c = text.charCodeAt(k);
        if (c === 0x0a) {
          if (!(k > from ? text.charCodeAt(k - 1) === 0x0d : this.afterCr)) this.line++;
          lastBreak = k;
        } else if (c === 0x0d) {
          this.line++;
          lastBreak = k;
        }
      }
    }
    let column = lastBreak < 0 ? this.column : 0;
    for (let k = lastBreak < 0 ? from : lastBreak + 1; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c < 0xdc00 || c > 0xdfff) column++;
    }
    this.column = column;
    if (to > from) this.afterCr = text.charCodeAt(to - 1) === 0x0d;
    this.at += to - from;
  }
}

/** Element names with the document's prefix ('marc:', 'slim:', ''). */
interface Names {
  record: string;
  leader: string;
  controlfield: string;
  datafield: string;
  subfield: string;
  closeRecord: string;
  closeLeader: string;
  closeControlfield: string;
  closeDatafield: string;
  closeSubfield: string;
  closeCollection: string;
}

function names(prefix: string): Names {
  return {
    record: `<${prefix}record`, leader: `<${prefix}leader`, controlfield: `<${prefix}controlfield`,
    datafield: `<${prefix}datafield`, subfield: `<${prefix}subfield`,
    closeRecord: `</${prefix}record>`, closeLeader: `</${prefix}leader>`, closeControlfield: `</${prefix}controlfield>`,
    closeDatafield: `</${prefix}datafield>`, closeSubfield: `</${prefix}subfield>`, closeCollection: `</${prefix}collection>`,
  };
}

type State = 'prolog' | 'fast' | 'trailing' | 'saxes' | 'resync' | 'done';

/** A record's start tag, with or without a namespace prefix: where reading resumes after malformed XML. */
const RECORD_START = /<(?:[A-Za-z_][\w.-]*:)?record[\s/>]/g;
/** Longest start of a record tag kept back at the end of the text while looking for one. */
const RECORD_START_MAX = 128;
/**
 * Text given to saxes kept back before the current chunk (in state 'saxes'): a <record> start tag that shows an
 * unclosed record before it may have begun in an earlier chunk, and reading resumes at that tag.
 */
const SAXES_TEXT_KEPT = 1024;

export interface FastMarcXmlReaderOptions {
  /** false: the saxes reader reads everything (the reference the fast path is tested against). Default true. */
  fastPath?: boolean;
  /** What the document was decoded from, for the records to say. Default 'utf-8'. */
  encoding?: MarcEncoding | undefined;
}

/**
 * The work each path did in one read, counted (not timed) so that tests see the fast path lose work to saxes:
 * a broken hand-back after a saxes-read record, saxes parsing on past a fault — regressions that change no result.
 */
export interface MarcXmlReadStats {
  /** Records the fast path read. */
  fastRecords: number;
  /** Saxes readers that took over: for one record, for the rest of the document, or where reading resumed. */
  saxesReaders: number;
  /** Faults those readers met (saxes's error events): one per malformed-XML report, as each stops at its first. */
  saxesFaults: number;
}

export class FastMarcXmlReader {
  /** What has been read so far, by which path: what close() returns. */
  private readonly stats: MarcXmlReadStats = { fastRecords: 0, saxesReaders: 0, saxesFaults: 0 };
  private state: State = 'prolog';
  /** Unread text; `base` is the absolute position of its first character, `pos` where reading resumes. */
  private buf = '';
  private base = 0;
  private pos = 0;
  /** Where the search for the current record's end resumes (the record is incomplete in `buf`). */
  private searchFrom = 0;
  private prolog = '';
  private names: Names = names('');
  private readonly lines = new LineTracker();
  private index = 0;
  private saxes: MarcXmlReader | undefined;
  /** Absolute position where the saxes reader in use began reading the document's own text. */
  private saxesStart = 0;
  /** In 'trailing': where </collection> starts, so saxes can take over from there. */
  private closeAt = 0;
  /** The elements open around the records where reading resumes after an error (see the file's head). */
  private enclosing: string[] = [];
  private readonly fastPath: boolean;
  private readonly encoding: MarcEncoding | undefined;

  constructor(options: FastMarcXmlReaderOptions = {}) {
    this.fastPath = options.fastPath ?? true;
    // An encoding given as undefined is one MarcEncoding does not name, not the default.
    this.encoding = 'encoding' in options ? options.encoding : 'utf-8';
  }

  *write(text: string): Generator<MarcReadResult> {
    if (this.state === 'done') return;
    if (this.state === 'saxes') {
      this.keepForResync(text);
      yield* this.feedSaxes(text);
      if (this.state !== 'saxes') yield* this.run(false);
      return;
    }
    const pendingRecordEnd = this.pendingRecordEnd(text);
    if (pendingRecordEnd < text.length) {
      // Join the unread part of a record with the text up to the record's end tag only, and read the
      // rest of the text as it came: `buf + text` is a cons string, which V8 copies into a new flat
      // string at the first character read — the whole chunk once more, in a fresh allocation, per chunk.
      yield* this.write(text.slice(0, pendingRecordEnd));
      yield* this.write(text.slice(pendingRecordEnd));
      return;
    }
    this.buf = this.pos === this.buf.length && this.state !== 'trailing' ? this.dropRead(text) : this.buf + text;
    yield* this.run(false);
  }

  /** Where a record left unfinished at the end of `buf` can end in `text` (after its first record end
   *  tag); the length of `text` when no record is unfinished or no end tag is in `text`. */
  private pendingRecordEnd(text: string): number {
    if (this.state !== 'fast' || this.pos === this.buf.length) return text.length;
    const end = text.indexOf(this.names.closeRecord);
    return end < 0 ? text.length : end + this.names.closeRecord.length;
  }

  /** Reads what is left; returns what each path read. */
  *close(): Generator<MarcReadResult, MarcXmlReadStats> {
    if (this.state === 'done') return this.stats;
    yield* this.run(true);
    if (this.state === 'saxes') {
      // Whatever saxes finds wrong at the end, there is nothing after it to resume in.
      yield* this.saxes!.close();
      this.stats.saxesFaults += this.saxes!.faults;
    }
    this.state = 'done';
    return this.stats;
  }

  /** Everything in `buf` was read: forget it (tracking its lines) and start afresh with `text`. */
  private dropRead(text: string): string {
    if (this.state === 'fast' || this.state === 'resync') this.lines.advance(this.buf, this.lines.at - this.base, this.buf.length);
    this.base += this.buf.length;
    this.pos = 0;
    this.searchFrom = 0;
    return text;
  }

  /** Reads `buf` state after state until one waits for more text (or, `atEnd`, to its end). */
  private *run(atEnd: boolean): Generator<MarcReadResult> {
    for (;;) {
      const state = this.state;
      if (state === 'prolog') {
        if (this.readProlog(atEnd) === 'saxes') yield* this.saxesFrom(0);
      } else if (state === 'fast') {
        yield* this.readRecords(atEnd);
      } else if (state === 'trailing') {
        yield* this.readTrailing();
      } else if (state === 'resync') {
        // Resumed reading may fail again at once, back in 'resync' further on.
        if (!(yield* this.resync(atEnd))) continue;
      }
      if (this.state === state) break;
    }
    if ((this.state === 'fast' || this.state === 'resync') && this.pos > 1 << 16 && this.pos > this.buf.length >> 1) {
      // Keep memory flat: forget what was read (or skipped).
      this.lines.advance(this.buf, this.lines.at - this.base, this.pos);
      this.buf = this.buf.slice(this.pos);
      this.base += this.pos;
      this.searchFrom = Math.max(0, this.searchFrom - this.pos);
      this.pos = 0;
    }
  }

  /**
   * Finds the root's start tag. 'fast' when the fast path can read the document: the prolog (declaration,
   * comments, processing instructions) and a <collection> start tag that saxes read without error; 'more'
   * when more text is needed; 'saxes' when saxes must read the document from its start.
   */
  private readProlog(atEnd: boolean): 'fast' | 'more' | 'saxes' {
    if (!this.fastPath) return 'saxes';
    const text = this.buf;
    let i = 0;
    for (;;) {
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) break;
      if (text.charCodeAt(i) !== LT) return 'saxes';
      if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i + 2);
        if (end < 0) break;
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end < 0) break;
        i = end + 3;
      } else if (text.length - i < 4) {
        break; // too little to tell a comment from a start tag
      } else if (text.charCodeAt(i + 1) === 0x21) {
        return 'saxes'; // DOCTYPE, CDATA: not for the fast path
      } else {
        const end = tagEnd(text, i + 1);
        if (end === -2) return 'saxes';
        if (end < 0) break;
        const prolog = text.slice(0, end);
        const check = new MarcXmlReader();
        const results = [...check.write(prolog)];
        if (results.length > 0 || check.failed || check.root !== 'collection' || text.charCodeAt(end - 2) === SLASH) {
          return 'saxes';
        }
        const name = text.slice(i + 1, i + 1 + nameLength(text, i + 1));
        this.names = names(name.slice(0, name.length - 'collection'.length));
        this.prolog = prolog;
        this.lines.advance(text, 0, end);
        this.pos = end;
        this.searchFrom = end;
        this.state = 'fast';
        return 'fast';
      }
    }
    if (atEnd || text.length > 1 << 20) return 'saxes';
    return 'more';
  }

  private *readRecords(atEnd: boolean): Generator<MarcReadResult> {
    const text = this.buf;
    const n = this.names;
    for (;;) {
      let i = this.pos;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) {
        this.pos = i;
        if (atEnd) yield* this.saxesFrom(this.pos);
        return;
      }
      if (text.startsWith(n.record, i)) {
        const end = text.indexOf(n.closeRecord, Math.max(i, this.searchFrom));
        if (end < 0) {
          this.pos = i;
          this.searchFrom = Math.max(i, text.length - n.closeRecord.length);
          if (atEnd) yield* this.saxesFrom(i);
          return;
        }
        const recordEnd = end + n.closeRecord.length;
        const parsed = parseRecord(text, i, recordEnd, n);
        if (parsed) {
          this.pos = recordEnd;
          this.searchFrom = recordEnd;
          this.stats.fastRecords++;
          yield { kind: 'record', index: ++this.index, byteOffset: this.base + parsed.offset, record: parsed.record, encoding: this.encoding, warnings: [] };
          continue;
        }
        // One record for saxes; the fast path goes on after it if saxes ends back at the root.
        const saxes = this.primedSaxes(i);
        yield* saxes.write(text.slice(i, recordEnd));
        if (saxes.failed) {
          this.resyncAfter(saxes);
          return;
        }
        this.index = saxes.index;
        if (saxes.atRootAfterRecord) {
          this.pos = recordEnd;
          this.searchFrom = recordEnd;
          continue;
        }
        this.enterSaxes(i);
        yield* this.feedSaxes(this.buf.slice(recordEnd - i));
        return;
      }
      if (text.startsWith(n.closeCollection, i)) {
        this.state = 'trailing';
        this.closeAt = i;
        this.pos = i + n.closeCollection.length;
        return;
      }
      // Too little text yet to tell what comes.
      if (!atEnd && text.length - i < n.closeCollection.length && (n.record.startsWith(text.slice(i)) || n.closeCollection.startsWith(text.slice(i)))) {
        this.pos = i;
        return;
      }
      yield* this.saxesFrom(i);
      return;
    }
  }

  /** After </collection>: only whitespace may follow; anything else is saxes's to report. */
  private *readTrailing(): Generator<MarcReadResult> {
    const text = this.buf;
    let i = this.pos;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    this.pos = i;
    if (i < text.length) yield* this.saxesFrom(this.closeAt);
  }

  /** saxes reads from `at` (an index into buf) on, until the end of the document or an error. */
  private *saxesFrom(at: number): Generator<MarcReadResult> {
    this.primedSaxes(at);
    this.enterSaxes(at);
    yield* this.feedSaxes(this.buf);
  }

  /**
   * State 'saxes' from `at` (an index into buf), whose lines are tracked: from there on buf keeps the text saxes
   * was given (keepForResync), lines tracked to its start, so that reading can resume in it after an error.
   */
  private enterSaxes(at: number): void {
    this.state = 'saxes';
    this.base += at;
    this.buf = this.buf.slice(at);
    this.pos = 0;
    this.searchFrom = 0;
  }

  /** In 'saxes': `text` is given to saxes next; buf keeps it and the last SAXES_TEXT_KEPT characters before it. */
  private keepForResync(text: string): void {
    const drop = this.buf.length - SAXES_TEXT_KEPT;
    if (drop > 0) {
      this.lines.advance(this.buf, 0, drop);
      this.base += drop;
      this.buf = this.buf.slice(drop);
    }
    this.buf += text;
  }

  private *feedSaxes(text: string): Generator<MarcReadResult> {
    const saxes = this.saxes!;
    yield* saxes.write(text);
    if (saxes.failed) this.resyncAfter(saxes);
  }

  /**
   * `saxes` stopped at malformed XML (its report is out): look for the next <record> start tag from where it
   * says, past where it began so that reading always moves on, inside the elements that were open around its records.
   */
  private resyncAfter(saxes: MarcXmlReader): void {
    this.stats.saxesFaults += saxes.faults;
    this.index = saxes.index;
    this.enclosing = saxes.enclosing;
    this.saxes = undefined;
    this.state = 'resync';
    const from = Math.max(saxes.resumeAt ?? this.saxesStart + 1, this.saxesStart + 1, this.lines.at);
    this.pos = Math.min(from - this.base, this.buf.length);
    this.searchFrom = this.pos;
  }

  /** State 'resync': skips text up to the next <record> start tag, and reads on from there; false when it did. */
  private *resync(atEnd: boolean): Generator<MarcReadResult, boolean> {
    RECORD_START.lastIndex = this.pos;
    const found = RECORD_START.exec(this.buf);
    if (!found) {
      // Keep a start tag the text may end inside.
      const lastTag = this.buf.lastIndexOf('<');
      this.pos = lastTag >= this.pos && this.buf.length - lastTag < RECORD_START_MAX ? lastTag : this.buf.length;
      if (atEnd) this.state = 'done';
      return true;
    }
    const at = found.index;
    this.prolog = this.enclosing.map((name) => `<${name}>`).join('');
    const root = this.enclosing.length === 1 ? this.enclosing[0]! : '';
    if (this.fastPath && localName(root) === 'collection') {
      this.names = names(root.slice(0, root.length - 'collection'.length));
      this.state = 'fast';
      this.pos = at;
      this.searchFrom = at;
      return false;
    }
    yield* this.saxesFrom(at);
    return false;
  }

  /** A saxes reader in the state the original document's reader would be in at `at` (an index into buf),
   *  the one in use from now on. */
  private primedSaxes(at: number): MarcXmlReader {
    this.lines.advance(this.buf, this.lines.at - this.base, at);
    const saxes = new MarcXmlReader(this.index, this.base + at - this.prolog.length, this.encoding);
    // The prolog was read without error before: this opens the root element, as in the original.
    for (const result of saxes.write(this.prolog)) void result;
    saxes.parser.line = this.lines.line;
    saxes.parser.column = this.lines.column;
    this.saxes = saxes;
    this.saxesStart = this.base + at;
    this.stats.saxesReaders++;
    return saxes;
  }
}

/** Length of the XML name starting at `at` (up to whitespace, '>', '/' or '='). */
function nameLength(text: string, at: number): number {
  let k = at;
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isSpace(c) || c === GT || c === SLASH || c === EQ) break;
  }
  return k - at;
}

/** Index after the '>' ending the start tag whose name begins at `at`, minding quoted attribute values;
 *  -1 when the text ends first, -2 when a '<' comes first (malformed). */
function tagEnd(text: string, at: number): number {
  let quote = 0;
  for (let k = at; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOT || c === APOS) quote = c;
    else if (c === GT) return k + 1;
    else if (c === LT) return -2;
  }
  return -1;
}

/** Attributes of one start tag, as the fast path accepts them. */
interface Attributes {
  tag: string | undefined;
  ind1: string | undefined;
  ind2: string | undefined;
  code: string | undefined;
  /** Index after the start tag's '>'. */
  end: number;
}

const attributes: Attributes = { tag: undefined, ind1: undefined, ind2: undefined, code: undefined, end: 0 };

/**
 * Reads the attributes of a start tag from `at` (just after its name) into `attributes`. Only `tag`,
 * `ind1`, `ind2` and `code` (each once, plain text in double or single quotes) when `known`; any
 * unprefixed attribute once when not (a <record>'s). Undefined for anything else, a self-closing tag included.
 */
function readAttributes(text: string, at: number, end: number, known: boolean): Attributes | undefined {
  attributes.tag = attributes.ind1 = attributes.ind2 = attributes.code = undefined;
  let seen: string[] | undefined;
  let k = at;
  for (;;) {
    let c = text.charCodeAt(k);
    if (c === GT) {
      attributes.end = k + 1;
      return attributes;
    }
    if (!isSpace(c)) return undefined;
    while (isSpace(c)) c = text.charCodeAt(++k);
    if (c === GT) {
      attributes.end = k + 1;
      return attributes;
    }
    const nameAt = k;
    while (k < end) {
      c = text.charCodeAt(k);
      if (c === EQ || isSpace(c) || c === GT || c === SLASH || c === LT || c === 0x3a) break;
      k++;
    }
    if (c !== EQ || k === nameAt) return undefined;
    const quote = text.charCodeAt(k + 1);
    if (quote !== QUOT && quote !== APOS) return undefined;
    const valueAt = k + 2;
    const valueEnd = text.indexOf(quote === QUOT ? '"' : "'", valueAt);
    if (valueEnd < 0 || valueEnd >= end) return undefined;
    for (let v = valueAt; v < valueEnd; v++) {
      const d = text.charCodeAt(v);
      if (d === LT || d === AMP || d === 0x09 || d === 0x0a || d === 0x0d) return undefined;
    }
    if (known) {
      // Names compared in place and short values shared: no new string for most attributes (a record has ~30).
      const nameLength = k - nameAt;
      const value = attributeValue(text, valueAt, valueEnd);
      if (nameLength === 3 && text.startsWith('tag', nameAt)) {
        if (attributes.tag !== undefined) return undefined;
        attributes.tag = value;
      } else if (nameLength === 4 && text.startsWith('code', nameAt)) {
        if (attributes.code !== undefined) return undefined;
        attributes.code = value;
      } else if (nameLength === 4 && text.startsWith('ind1', nameAt)) {
        if (attributes.ind1 !== undefined) return undefined;
        attributes.ind1 = value;
      } else if (nameLength === 4 && text.startsWith('ind2', nameAt)) {
        if (attributes.ind2 !== undefined) return undefined;
        attributes.ind2 = value;
      } else {
        return undefined;
      }
    } else {
      const name = text.slice(nameAt, k);
      seen ??= [];
      if (seen.includes(name) || name === 'xmlns') {
        // xmlns on a record could rebind the prefix: leave it to saxes.
        return undefined;
      }
      seen.push(name);
    }
    k = valueEnd + 1;
  }
}

/** One-character ASCII strings by code (subfield codes, indicators). */
const ONE_CHARACTER = Array.from({ length: 0x80 }, (_, code) => String.fromCharCode(code));
/** Three-character ASCII values met so far (tags), by their codes; bounded, so that a file of odd tags cannot grow it. */
const THREE_CHARACTERS = new Map<number, string>();
const THREE_CHARACTERS_KEPT = 4096;

/** The attribute value text[from, to): one- and three-character ASCII values as shared strings, others sliced. */
function attributeValue(text: string, from: number, to: number): string {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (c < 0x80) return ONE_CHARACTER[c]!;
  } else if (to - from === 3) {
    const a = text.charCodeAt(from);
    const b = text.charCodeAt(from + 1);
    const c = text.charCodeAt(from + 2);
    if ((a | b | c) < 0x80) {
      const key = (a << 14) | (b << 7) | c;
      let value = THREE_CHARACTERS.get(key);
      if (value === undefined) {
        value = text.slice(from, to);
        if (THREE_CHARACTERS.size < THREE_CHARACTERS_KEPT) THREE_CHARACTERS.set(key, value);
      }
      return value;
    }
  }
  return text.slice(from, to);
}

const isTag = (tag: string | undefined): tag is string => {
  if (tag === undefined || tag.length !== 3) return false;
  for (let k = 0; k < 3; k++) {
    const c = tag.charCodeAt(k);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return true;
};

/**
 * The text from `from` to the next '<' (which ends it), entities decoded; undefined when it holds one
 * the fast path does not decode. Sets `textEnd` to the '<'.
 */
let textEnd = 0;
function readText(text: string, from: number, hasEntities: boolean): string | undefined {
  const end = text.indexOf('<', from);
  textEnd = end;
  const raw = text.slice(from, end);
  return hasEntities && raw.includes('&') ? decodeEntities(raw) : raw;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(raw: string): string | undefined {
  let out = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) return undefined;
    const name = raw.slice(amp + 1, semi);
    let value: string | undefined = NAMED[name];
    if (value === undefined) {
      const code = /^#x[0-9a-fA-F]{1,6}$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]{1,7}$/.test(name) ? parseInt(name.slice(1), 10) : -1;
      // Only characters XML 1.0 allows, and none saxes treats specially (tab, line breaks: left to saxes).
      if (!((code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff))) return undefined;
      value = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + value;
    from = semi + 1;
  }
  return out + raw.slice(from);
}

/**
 * One <record> from `start` (its '<') to `end` (after its end tag), or undefined when anything in it is
 * not for the fast path: every case where the saxes reader would warn (missing leader, bad tag or
 * indicator, subfield without a code), and any markup other than the elements of a MARC record.
 */
function parseRecord(text: string, start: number, end: number, n: Names): { record: MarcRecord; offset: number } | undefined {
  const slice = text.slice(start, end);
  // "]]>" apart: one alternation in the regular expression made it a quarter slower.
  if (NOT_FAST.test(slice) || slice.includes(']]>')) return undefined;
  const hasEntities = slice.includes('&');
  const opening = readAttributes(text, start + n.record.length, end, false);
  if (!opening) return undefined;
  const offset = opening.end;
  let i = offset;
  let leader: string | undefined;
  const fields: MarcField[] = [];
  const closeAt = end - n.closeRecord.length;
  for (;;) {
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== LT) return undefined;
    if (i === closeAt) break;
    if (text.startsWith(n.datafield, i)) {
      const field = readAttributes(text, i + n.datafield.length, end, true);
      if (!field) return undefined;
      const { tag, ind1 = ' ', ind2 = ' ' } = field;
      if (!isTag(tag) || ind1.length !== 1 || ind2.length !== 1 || field.code !== undefined) return undefined;
      i = field.end;
      const subfields: Subfield[] = [];
      for (;;) {
        while (isSpace(text.charCodeAt(i))) i++;
        if (text.startsWith(n.subfield, i)) {
          const sub = readAttributes(text, i + n.subfield.length, end, true);
          if (!sub) return undefined;
          const code = sub.code;
          if (code === undefined || code.length === 0 || sub.tag !== undefined || sub.ind1 !== undefined || sub.ind2 !== undefined) return undefined;
          const value = readText(text, sub.end, hasEntities);
          if (value === undefined || !text.startsWith(n.closeSubfield, textEnd)) return undefined;
          subfields.push([code, value]);
          i = textEnd + n.closeSubfield.length;
        } else if (text.startsWith(n.closeDatafield, i)) {
          i += n.closeDatafield.length;
          break;
        } else {
          return undefined;
        }
      }
      fields.push({ tag, ind1, ind2, subfields } satisfies DataField);
    } else if (text.startsWith(n.controlfield, i)) {
      const control = readAttributes(text, i + n.controlfield.length, end, true);
      if (!control) return undefined;
      const tag = control.tag;
      if (!isTag(tag) || control.ind1 !== undefined || control.ind2 !== undefined || control.code !== undefined) return undefined;
      const value = readText(text, control.end, hasEntities);
      if (value === undefined || !text.startsWith(n.closeControlfield, textEnd)) return undefined;
      fields.push({ tag, value } satisfies ControlField);
      i = textEnd + n.closeControlfield.length;
    } else if (text.startsWith(n.leader, i)) {
      const opened = readAttributes(text, i + n.leader.length, end, true);
      if (!opened || opened.tag !== undefined || opened.ind1 !== undefined || opened.ind2 !== undefined || opened.code !== undefined) return undefined;
      const value = readText(text, opened.end, hasEntities);
      if (value === undefined || !text.startsWith(n.closeLeader, textEnd)) return undefined;
      leader = value;
      i = textEnd + n.closeLeader.length;
    } else {
      return undefined;
    }
  }
  if (leader === undefined) return undefined;
  return { record: { leader: leader.padEnd(24, ' ').slice(0, 24), fields }, offset };
}
