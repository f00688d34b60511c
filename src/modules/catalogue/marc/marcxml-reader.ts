import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTag } from 'saxes';
import { errorReason, warning } from './messages.js';
import type { DataField, MarcErrorCode, MarcField, MarcReadResult, MarcRecord, MarcWarning } from './record.js';

const TAG = /^[0-9A-Za-z]{3}$/;

/** Local name of an element: the namespace prefix (marc:, slim:, none) does not matter. */
function localName(name: string): string {
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

/**
 * Reads MARCXML (a <collection> or a single <record>, with or without a namespace prefix, attributes
 * in any order, records nested in an envelope such as OAI-PMH) from a stream of UTF-8 bytes.
 * Yields each record, or an error report with the record's number; malformed XML stops the reading
 * with one report, since nothing after it can be trusted. Never throws on bad input.
 */
export async function* readMarcXml(source: Readable | AsyncIterable<Uint8Array | string>): AsyncGenerator<MarcReadResult> {
  const reader = new MarcXmlReader();
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield* reader.write(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    if (reader.failed) return;
  }
  yield* reader.write(decoder.end());
  if (!reader.failed) yield* reader.close();
}

/** Reads every record of an in-memory MARCXML document (same results as `readMarcXml`). */
export function* readMarcXmlString(xml: string): Generator<MarcReadResult> {
  const reader = new MarcXmlReader();
  yield* reader.write(xml);
  if (!reader.failed) yield* reader.close();
}

class MarcXmlReader {
  private readonly parser = new SaxesParser({ position: true });
  private readonly out: MarcReadResult[] = [];
  /** Records being read; more than one when a <record> envelope (OAI-PMH) holds a MARC record. */
  private readonly records: OpenRecord[] = [];
  private field: MarcField | undefined;
  private subfieldCode: string | undefined;
  private text = '';
  /** Text matters only inside <leader>, <controlfield> and <subfield>; whitespace between elements does not. */
  private capturing = false;
  private index = 0;
  failed = false;

  constructor() {
    this.parser.on('opentag', (tag) => this.openTag(tag));
    this.parser.on('closetag', (tag) => this.closeTag(tag));
    const onText = (text: string): void => {
      if (this.capturing) this.text += text;
    };
    this.parser.on('text', onText);
    this.parser.on('cdata', onText);
    this.parser.on('error', (error) => {
      if (this.failed) return;
      this.failed = true;
      this.report('xml-malformed', error.message);
    });
  }

  *write(text: string): Generator<MarcReadResult> {
    if (!this.failed && text.length > 0) {
      try {
        this.parser.write(text);
      } catch (error) {
        if (!this.failed) {
          this.failed = true;
          this.report('xml-malformed', (error as Error).message);
        }
      }
    }
    yield* this.out.splice(0);
  }

  *close(): Generator<MarcReadResult> {
    try {
      this.parser.close();
    } catch (error) {
      if (!this.failed) {
        this.failed = true;
        this.report('xml-malformed', (error as Error).message);
      }
    }
    if (!this.failed && this.records.length > 0) this.report('xml-bad-structure', 'запись не закрыта');
    yield* this.out.splice(0);
  }

  private report(code: MarcErrorCode, detail: string): void {
    this.out.push({ kind: 'error', index: ++this.index, byteOffset: this.parser.position, code, reason: errorReason(code, detail) });
  }

  private openTag(tag: SaxesTag): void {
    if (this.failed) return;
    const name = localName(tag.name);
    this.capturing = name === 'subfield' || name === 'controlfield' || name === 'leader';
    this.text = '';
    if (name === 'record') {
      this.records.push({ leader: undefined, fields: [], warnings: [], offset: this.parser.position });
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
    if (!record) return;
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
    this.out.push({ kind: 'record', index: ++this.index, byteOffset: open.offset, record, encoding: 'utf-8', warnings: open.warnings });
  }
}
