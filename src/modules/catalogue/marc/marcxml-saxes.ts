// The saxes-based MARCXML reader: the reference, and the fallback of the fast path (marcxml-fast.ts).
import { SaxesParser, type SaxesTag } from 'saxes';
import { errorReason, warning } from './messages.js';
import type { DataField, MarcEncoding, MarcErrorCode, MarcField, MarcReadResult, MarcRecord, MarcWarning } from './record.js';

const TAG = /^[0-9A-Za-z]{3}$/;

/** Thrown through saxes once the reading has failed (one instance: no stack to capture each time). */
const READING_STOPPED = new Error('чтение остановлено');

/** Local name of an element: the namespace prefix (marc:, slim:, none) does not matter. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by its local name: `tag`, or `marc:tag` in a document that prefixes attributes too. */
function attribute(attributes: Record<string, string>, key: string): string | undefined {
  const plain = attributes[key];
  if (plain !== undefined) return plain;
  for (const name in attributes) if (localName(name) === key) return attributes[name];
  return undefined;
}

interface OpenRecord {
  leader: string | undefined;
  fields: MarcField[];
  warnings: MarcWarning[];
  offset: number;
}

/** The `saxes` reader; also the fast reader's fallback (marcxml-fast.ts), which primes it mid-document. */
export class MarcXmlReader {
  readonly parser = new SaxesParser({ position: true });
  private readonly out: MarcReadResult[] = [];
  /** Records being read; more than one when a <record> envelope (OAI-PMH) holds a MARC record. */
  private readonly records: OpenRecord[] = [];
  private field: MarcField | undefined;
  private subfieldCode: string | undefined;
  private text = '';
  /** Text matters only inside <leader>, <controlfield> and <subfield>; whitespace between elements does not. */
  private capturing = false;
  /** Number of the last record or error reported. */
  index: number;
  failed = false;
  /** Faults saxes reported (its error events): one, as it is stopped at the first (see the error handler). */
  faults = 0;
  /** Local name of the root element, once seen. */
  root: string | undefined;
  /**
   * Open elements; where (saxes's position) the last </record> closing back to the root's level ended, and the last
   * text written (see atRootAfterRecord). Positions, not a flag reset by every later event: saxes slows down two
   * to three times once a parser has eight event handlers (they are added as keyed properties), so there are no
   * handlers for comments or processing instructions only to say that something followed the record.
   */
  private depth = 0;
  private closedToRootAt = -1;
  private lastWrite = { start: 0, text: '' };
  /** Characters written so far: where the next text starts (saxes's `position` counts a chunk twice between writes). */
  private written = 0;
  /**
   * Once failed: where the reader of the document may look for the next <record> start tag to go on from
   * (marcxml-fast.ts, «resynchronisation»). The error's position, or the start of the <record> tag that
   * showed the record before it unclosed.
   */
  resumeAt: number | undefined;
  /** The open elements outside any record (the root, an envelope's lists), as written: reading resumes inside them.
   *  Not updated after a failure. */
  readonly enclosing: string[] = [];

  /**
   * `index`: records already reported before this reader starts; `positionDelta`: text of the document
   * this parser did not see (both when it takes over from the fast path, marcxml-fast.ts); `encoding`: what the
   * document was decoded from, for the records to say.
   */
  constructor(index = 0, private readonly positionDelta = 0, private readonly encoding: MarcEncoding | undefined = 'utf-8') {
    this.index = index;
    this.parser.on('opentagstart', (tag) => {
      if (this.failed || localName(tag.name) !== 'record') return;
      const anotherRoot = this.depth === 0 && this.root !== undefined;
      if (!anotherRoot && !this.insideMarcRecord) return;
      // saxes has read the name and the character after it: this is where the <record start tag begins.
      this.resumeAt = this.position - tag.name.length - 2;
      if (anotherRoot) {
        // Records written one after another without a <collection> (serials_marc21.xml): each is a document of its
        // own, read as such — nothing is wrong with the record, so nothing is reported.
        this.failed = true;
        return;
      }
      // A record cut short (its end tags missing) and the next one begins: without this, XML would take the next
      // record as nested in it, read that one, and lose the cut one without a word.
      this.parser.fail('запись не закрыта: в ней начинается следующая запись');
    });
    this.parser.on('opentag', (tag) => {
      if (this.depth++ === 0) this.root = localName(tag.name);
      this.openTag(tag);
    });
    this.parser.on('closetag', (tag) => {
      this.depth--;
      if (this.depth === 1 && localName(tag.name) === 'record') this.closedToRootAt = this.parser.position;
      this.closeTag(tag);
    });
    const onText = (text: string): void => {
      if (this.capturing) this.text += text;
    };
    this.parser.on('text', onText);
    this.parser.on('cdata', onText);
    this.parser.on('error', (error) => {
      this.faults++;
      this.fail(error.message);
      // Stop saxes here: left to go on, it parses the rest of the text it was given and builds an Error, with its
      // stack, for every later fault — a document broken early cost tens of milliseconds per resynchronisation.
      throw READING_STOPPED;
    });
  }

  /** True inside a MARC record that has begun: a leader or a field read, or one being read. */
  private get insideMarcRecord(): boolean {
    const record = this.records.at(-1);
    return record !== undefined && (record.leader !== undefined || record.fields.length > 0 || this.field !== undefined || this.capturing);
  }

  private fail(detail: string): void {
    if (this.failed) return;
    this.failed = true;
    this.resumeAt ??= this.position;
    this.report('xml-malformed', detail);
  }

  /** Position in the document (UTF-16 index, as saxes counts). */
  private get position(): number {
    return this.parser.position + this.positionDelta;
  }

  /** True when the text written so far ended right after a </record> closing back to the root element:
   *  the fast path can take over again from there. */
  get atRootAfterRecord(): boolean {
    const { start, text } = this.lastWrite;
    if (this.failed || this.records.length > 0 || this.closedToRootAt < start) return false;
    return /^\s*$/.test(text.slice(this.closedToRootAt - start));
  }

  *write(text: string): Generator<MarcReadResult> {
    if (!this.failed && text.length > 0) {
      this.lastWrite = { start: this.written, text };
      this.written += text.length;
      try {
        this.parser.write(text);
      } catch (error) {
        this.fail((error as Error).message);
      }
    }
    yield* this.out.splice(0);
  }

  *close(): Generator<MarcReadResult> {
    try {
      this.parser.close();
    } catch (error) {
      this.fail((error as Error).message);
    }
    if (!this.failed && this.records.length > 0) this.report('xml-bad-structure', 'запись не закрыта');
    yield* this.out.splice(0);
  }

  private report(code: MarcErrorCode, detail: string): void {
    this.out.push({ kind: 'error', index: ++this.index, byteOffset: this.position, code, reason: errorReason(code, detail) });
  }

  private openTag(tag: SaxesTag): void {
    if (this.failed) return;
    const name = localName(tag.name);
    this.capturing = name === 'subfield' || name === 'controlfield' || name === 'leader';
    this.text = '';
    if (this.records.length === 0 && name !== 'record') this.enclosing.push(tag.name);
    if (name === 'record') {
      this.records.push({ leader: undefined, fields: [], warnings: [], offset: this.position });
      return;
    }
    const record = this.records.at(-1);
    if (!record) return;
    const attributes = tag.attributes as Record<string, string>; // xmlns is off: plain strings
    if (name === 'subfield') {
      const code = attribute(attributes, 'code');
      if (code === undefined || code.length === 0) record.warnings.push(warning('xml-missing-subfield-code', this.field?.tag));
      this.subfieldCode = code ?? '';
    } else if (name === 'controlfield' || name === 'datafield') {
      const fieldTag = attribute(attributes, 'tag') ?? '';
      if (!TAG.test(fieldTag)) record.warnings.push(warning('xml-bad-tag', fieldTag));
      if (name === 'controlfield') {
        this.field = { tag: fieldTag, value: '' };
      } else {
        const ind1 = attribute(attributes, 'ind1') ?? ' ';
        const ind2 = attribute(attributes, 'ind2') ?? ' ';
        if (ind1.length !== 1 || ind2.length !== 1) record.warnings.push(warning('xml-bad-indicator', fieldTag));
        this.field = { tag: fieldTag, ind1: ind1.length === 1 ? ind1 : ' ', ind2: ind2.length === 1 ? ind2 : ' ', subfields: [] };
      }
    }
  }

  private closeTag(tag: SaxesTag): void {
    if (this.failed) return;
    const name = localName(tag.name);
    this.capturing = false;
    const record = this.records.at(-1);
    if (!record) {
      this.enclosing.pop();
      return;
    }
    switch (name) {
      case 'leader':
        record.leader = this.text;
        break;
      case 'controlfield':
        if (this.field && 'value' in this.field) {
          this.field.value = this.text;
          record.fields.push(this.field);
        }
        this.field = undefined;
        break;
      case 'datafield':
        if (this.field && 'subfields' in this.field) record.fields.push(this.field);
        this.field = undefined;
        break;
      case 'subfield':
        if (this.field && 'subfields' in this.field) (this.field as DataField).subfields.push([this.subfieldCode ?? '', this.text]);
        this.subfieldCode = undefined;
        break;
      case 'record':
        this.records.pop();
        this.finish(record);
        break;
    }
    this.text = '';
  }

  private finish(open: OpenRecord): void {
    const outer = this.records.at(-1);
    // A MARC record inside another <record> (an OAI-PMH envelope): the outer one is not a MARC record.
    if (outer) outer.leader = outer.leader ?? '\u0000';
    if (open.leader === '\u0000') return;
    if (open.leader === undefined && open.fields.length === 0) {
      this.out.push({
        kind: 'error',
        index: ++this.index,
        byteOffset: open.offset,
        code: 'xml-bad-structure',
        reason: errorReason('xml-bad-structure', 'запись без маркера и полей'),
      });
      return;
    }
    if (open.leader === undefined) open.warnings.push(warning('xml-missing-leader'));
    const leader = (open.leader ?? '').padEnd(24, ' ').slice(0, 24);
    const record: MarcRecord = { leader, fields: open.fields };
    this.out.push({ kind: 'record', index: ++this.index, byteOffset: open.offset, record, encoding: this.encoding, warnings: open.warnings });
  }
}
