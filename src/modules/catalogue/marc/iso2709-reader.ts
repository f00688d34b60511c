import { isAscii, isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { detectEncoding, FIELD_DECODERS, newDecodeProblems, type DecodeProblems } from './encoding.js';
import { errorReason, warning } from './messages.js';
import type { MarcEncoding, MarcErrorCode, MarcField, MarcReadError, MarcReadResult, MarcRecord, MarcWarning, Subfield } from './record.js';

const RECORD_TERMINATOR = 0x1d;
const FIELD_TERMINATOR = 0x1e;
const SUBFIELD_DELIMITER = '\x1f';
const LEADER_LENGTH = 24;
const DIRECTORY_ENTRY = 12;

export interface Iso2709ReadOptions {
  /** 'auto' (default) detects per record; a named encoding is used for every record. */
  encoding?: MarcEncoding | 'auto';
  /**
   * A record whose terminator is not found within this many bytes is reported and skipped up to the
   * next terminator, so memory stays bounded whatever the input. Default 1 MiB (ISO 2709 allows 99,999).
   */
  maxRecordBytes?: number;
}

/**
 * Reads ISO 2709 records from a stream of bytes in constant memory. Yields every record in order,
 * or an error report for a record that cannot be read (then goes on with the next one: records are
 * delimited by the leader's length, or, when that is wrong, by the record terminator 0x1D).
 * Never throws on bad input.
 */
export async function* readIso2709(
  source: Readable | AsyncIterable<Uint8Array>,
  options: Iso2709ReadOptions = {},
): AsyncGenerator<MarcReadResult> {
  const splitter = new RecordSplitter(options);
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    splitter.push(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
    yield* splitter.drain(false);
  }
  yield* splitter.drain(true);
}

/** Reads every record of an in-memory ISO 2709 file (same results as `readIso2709`). */
export function* readIso2709Buffer(bytes: Uint8Array, options: Iso2709ReadOptions = {}): Generator<MarcReadResult> {
  const splitter = new RecordSplitter(options);
  splitter.push(bytes);
  yield* splitter.drain(true);
}

/** Cuts a byte stream into records; holds at most one record plus one chunk. */
class RecordSplitter {
  private buffer: Buffer = Buffer.alloc(0);
  private position = 0;
  /** Absolute offset of buffer[0] in the input. */
  private bufferOffset = 0;
  private index = 0;
  /** After an over-long record: drop bytes up to the next record terminator. */
  private skipping = false;
  private readonly maxRecordBytes: number;

  constructor(private readonly options: Iso2709ReadOptions) {
    this.maxRecordBytes = options.maxRecordBytes ?? 1 << 20;
  }

  push(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.bufferOffset += this.position;
    this.buffer = this.position < this.buffer.length ? Buffer.concat([this.buffer.subarray(this.position), bytes]) : bytes;
    this.position = 0;
  }

  *drain(eof: boolean): Generator<MarcReadResult> {
    const buf = this.buffer;
    const length = buf.length;
    for (;;) {
      let pos = this.position;
      if (this.skipping) {
        const terminator = buf.indexOf(RECORD_TERMINATOR, pos);
        if (terminator < 0) {
          this.position = length;
          return;
        }
        this.skipping = false;
        this.position = pos = terminator + 1;
      }
      // Line breaks, NULs, spaces and DOS end-of-file marks between records are not records.
      while (pos < length) {
        const byte = buf[pos]!;
        if (byte !== 0x0a && byte !== 0x0d && byte !== 0x00 && byte !== 0x20 && byte !== 0x1a) break;
        pos++;
      }
      this.position = pos;
      if (pos >= length) return;
      const available = length - pos;
      const declared = available >= 5 ? readDigits(buf, pos, 5) : -2;
      if (declared === -2 && !eof) return;

      if (declared >= LEADER_LENGTH + 1 && available >= declared && buf[pos + declared - 1] === RECORD_TERMINATOR) {
        this.position = pos + declared;
        yield this.parse(pos, pos + declared, false);
        continue;
      }
      if (declared >= 0 && available < declared && !eof) return; // wait for the whole record
      // The leader's length is unusable: the record ends at the next terminator.
      const terminator = buf.indexOf(RECORD_TERMINATOR, pos);
      if (terminator < 0) {
        if (!eof) {
          if (available > this.maxRecordBytes) {
            yield this.error(pos, 'record-too-long', `более ${this.maxRecordBytes} байт`);
            this.position = length;
            this.skipping = true;
          }
          return;
        }
        this.position = length;
        yield this.error(pos, 'record-truncated', `${available} байт без признака конца`);
        return;
      }
      this.position = terminator + 1;
      if (declared < 0) {
        yield this.error(pos, 'leader-length-invalid', JSON.stringify(buf.toString('latin1', pos, pos + 5)));
        continue;
      }
      yield this.parse(pos, terminator + 1, true);
    }
  }

  private error(start: number, code: MarcErrorCode, detail?: string): MarcReadError {
    return { kind: 'error', index: ++this.index, byteOffset: this.bufferOffset + start, code, reason: errorReason(code, detail) };
  }

  private parse(start: number, end: number, lengthMismatch: boolean): MarcReadResult {
    const index = ++this.index;
    const byteOffset = this.bufferOffset + start;
    const result = parseRecord(this.buffer, start, end, this.options.encoding ?? 'auto');
    if ('code' in result) {
      return { kind: 'error', index, byteOffset, code: result.code, reason: errorReason(result.code, result.detail) };
    }
    if (lengthMismatch) result.warnings.unshift(warning('leader-length-mismatch'));
    return {
      kind: 'record',
      index,
      byteOffset,
      record: { leader: result.leader, fields: result.fields },
      encoding: result.encoding,
      warnings: result.warnings,
    };
  }
}

/** Non-negative integer from `count` ASCII digits, or -1 if any is not a digit. */
function readDigits(bytes: Uint8Array, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = bytes[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

interface ParsedRecord {
  leader: string;
  fields: MarcField[];
  encoding: MarcEncoding;
  warnings: MarcWarning[];
}

/**
 * Parses one record occupying bytes[start, end) (normally ending with 0x1D). The directory is trusted
 * for field positions; the leader's base address and lengths-of-length are not (real files get them wrong).
 */
function parseRecord(
  bytes: Buffer,
  start: number,
  end: number,
  encodingOption: MarcEncoding | 'auto',
): ParsedRecord | { code: MarcErrorCode; detail?: string } {
  if (end - start < LEADER_LENGTH + 1) return { code: 'record-too-short' };
  const warnings: MarcWarning[] = [];
  let leaderAscii = true;
  for (let i = start; i < start + LEADER_LENGTH; i++) if (bytes[i]! > 0x7f) leaderAscii = false;
  if (!leaderAscii) warnings.push(warning('leader-not-ascii'));
  const leader = bytes.toString('latin1', start, start + LEADER_LENGTH);
  const dataEnd = bytes[end - 1] === RECORD_TERMINATOR ? end - 1 : end;

  const directoryStart = start + LEADER_LENGTH;
  const directoryEnd = bytes.indexOf(FIELD_TERMINATOR, directoryStart);
  if (directoryEnd < 0 || directoryEnd >= dataEnd) return { code: 'directory-invalid', detail: 'нет разделителя после справочника' };
  if ((directoryEnd - directoryStart) % DIRECTORY_ENTRY !== 0) {
    return { code: 'directory-invalid', detail: `длина справочника ${directoryEnd - directoryStart} байт не кратна 12` };
  }
  const dataBase = directoryEnd + 1;
  if (readDigits(bytes, start + 12, 5) !== dataBase - start) warnings.push(warning('base-address-mismatch'));

  const encoding = encodingOption === 'auto' ? detectEncoding(bytes, bytes[start + 9]!, dataBase, dataEnd) : encodingOption;
  const problems: DecodeProblems = newDecodeProblems();
  const text = new FieldText(bytes, dataBase, dataEnd, encoding, problems);
  const fields: MarcField[] = [];

  for (let entry = directoryStart; entry < directoryEnd; entry += DIRECTORY_ENTRY) {
    const tag = String.fromCharCode(bytes[entry]!, bytes[entry + 1]!, bytes[entry + 2]!);
    const length = readDigits(bytes, entry + 3, 4);
    const offset = readDigits(bytes, entry + 7, 5);
    const number = (entry - directoryStart) / DIRECTORY_ENTRY + 1;
    if (length < 0 || offset < 0) {
      return {
        code: 'directory-entry-invalid',
        detail: `элемент ${number} ${JSON.stringify(bytes.toString('latin1', entry, entry + 12))}`,
      };
    }
    const fieldStart = dataBase + offset;
    const fieldEnd = fieldStart + length;
    if (fieldEnd > dataEnd) return { code: 'field-out-of-bounds', detail: `поле ${tag} (элемент справочника ${number})` };
    let contentEnd = fieldEnd;
    if (length > 0 && bytes[fieldEnd - 1] === FIELD_TERMINATOR) contentEnd--;
    else warnings.push(warning('field-terminator-missing', tag));

    if (tag.charCodeAt(0) === 0x30 && tag.charCodeAt(1) === 0x30) {
      fields.push({ tag, value: text.cut(fieldStart, contentEnd) });
      continue;
    }
    if (contentEnd - fieldStart < 2) {
      warnings.push(warning('missing-indicators', tag));
      fields.push({
        tag,
        ind1: ' ',
        ind2: ' ',
        subfields: contentEnd > fieldStart ? [['', text.cut(fieldStart, contentEnd)]] : [],
      });
      continue;
    }
    const ind1 = indicator(bytes[fieldStart]!);
    const ind2 = indicator(bytes[fieldStart + 1]!);
    if (ind1 === '\uFFFD' || ind2 === '\uFFFD') warnings.push(warning('indicator-not-ascii', tag));
    const subfields =
      encoding === 'marc-8'
        ? splitSubfieldBytes(bytes, fieldStart + 2, contentEnd, tag, warnings, text)
        : splitSubfields(text.cut(fieldStart + 2, contentEnd), tag, warnings);
    fields.push({ tag, ind1, ind2, subfields });
  }
  if (encoding === 'utf-8' && !text.validUtf8) warnings.push(warning('invalid-utf8'));
  if (problems.unknownCharacter) warnings.push(warning('marc8-unknown-character'));
  if (problems.badEscape) warnings.push(warning('marc8-bad-escape'));
  // A NUL byte (a damaged file) would make the record unstorable — PostgreSQL's text holds no U+0000 — and fail
  // its whole batch: it becomes U+FFFD wherever it stood, and the record is kept with a warning. One memchr a record.
  if (bytes.subarray(start, end).includes(0)) {
    warnings.push(warning('nul-character'));
    return { ...withoutNul({ leader, fields }), encoding, warnings };
  }
  return { leader, fields, encoding, warnings };
}

/**
 * The text of a record's fields, cut from its data area (bytes `dataBase`..`dataEnd`) by byte offsets.
 * One byte per character (ASCII, Windows-1251): the area is decoded once and byte offsets are character
 * offsets. Valid UTF-8 beyond ASCII: decoded once too, each cut made at the character offsets of its byte
 * offsets — counted from the lead bytes, a four-byte character being two UTF-16 units — instead of one
 * decoding per field (most of the reading time of a Cyrillic record went to those); a cut inside a character
 * (a directory or indicators pointing into one) decodes its bytes on their own, as decoding per field does,
 * so the text is the same either way. Otherwise (MARC-8, invalid UTF-8) each cut is decoded on its own.
 * A class, not closures: closures made per record cost more than the cuts (esbuild names every one).
 */
class FieldText {
  readonly validUtf8: boolean;
  private readonly whole: string | null;
  private readonly singleByte: boolean;
  private atByte: number;
  private atCharacter = 0;

  constructor(
    private readonly bytes: Buffer,
    private readonly dataBase: number,
    private readonly dataEnd: number,
    private readonly encoding: MarcEncoding,
    private readonly problems: DecodeProblems,
  ) {
    const area = bytes.subarray(dataBase, dataEnd);
    const ascii = encoding === 'utf-8' && isAscii(area);
    this.validUtf8 = ascii || (encoding === 'utf-8' && isUtf8(area));
    this.singleByte = ascii || encoding === 'cp1251';
    this.whole = ascii ? bytes.toString('latin1', dataBase, dataEnd)
      : encoding === 'cp1251' ? FIELD_DECODERS.cp1251(bytes, dataBase, dataEnd, problems)
        : this.validUtf8 ? bytes.toString('utf8', dataBase, dataEnd) : null;
    this.atByte = dataBase;
  }

  cut(from: number, to: number): string {
    if (this.whole !== null && this.singleByte) return this.whole.slice(from - this.dataBase, to - this.dataBase);
    if (this.whole !== null && !this.insideCharacter(from) && !this.insideCharacter(to)) {
      return this.whole.slice(this.characterOffset(from), this.characterOffset(to));
    }
    return FIELD_DECODERS[this.encoding](this.bytes, from, to, this.problems);
  }

  private insideCharacter(byte: number): boolean {
    return byte < this.dataEnd && (this.bytes[byte]! & 0xc0) === 0x80;
  }

  private characterOffset(byte: number): number {
    if (byte < this.atByte) {
      this.atByte = this.dataBase;
      this.atCharacter = 0;
    }
    const bytes = this.bytes;
    let character = this.atCharacter;
    for (let at = this.atByte; at < byte; at++) {
      const lead = bytes[at]!;
      if ((lead & 0xc0) !== 0x80) character += lead >= 0xf0 ? 2 : 1;
    }
    this.atByte = byte;
    this.atCharacter = character;
    return character;
  }
}

/** Splits decoded field text on the subfield delimiter; text before the first delimiter is kept under code ''. */
export function splitSubfields(text: string, tag: string, warnings: MarcWarning[]): Subfield[] {
  const subfields: Subfield[] = [];
  let at = text.indexOf(SUBFIELD_DELIMITER);
  if (at !== 0) {
    const before = at < 0 ? text : text.slice(0, at);
    if (before.length > 0) {
      subfields.push(['', before]);
      warnings.push(warning('text-before-first-subfield', tag));
    }
  }
  while (at >= 0) {
    const next = text.indexOf(SUBFIELD_DELIMITER, at + 1);
    const end = next < 0 ? text.length : next;
    subfields.push(at + 1 < end ? [text.charAt(at + 1), text.slice(at + 2, end)] : ['', '']);
    at = next;
  }
  return subfields;
}

/** An indicator is one ASCII character; any other byte cannot be a character on its own. */
const NUL = /\0/g;
const noNul = (text: string) => text.replace(NUL, '\uFFFD');

function withoutNul(record: MarcRecord): MarcRecord {
  return {
    leader: noNul(record.leader),
    fields: record.fields.map((field): MarcField => ('value' in field
      ? { tag: noNul(field.tag), value: noNul(field.value) }
      : {
        tag: noNul(field.tag), ind1: noNul(field.ind1), ind2: noNul(field.ind2),
        subfields: field.subfields.map(([code, value]): Subfield => [noNul(code), noNul(value)]),
      })),
  };
}

function indicator(byte: number): string {
  return byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
}

/**
 * Splits on the delimiter byte before decoding, for MARC-8: the escape state starts afresh in each
 * subfield (as in yaz) and the code is one ASCII byte whatever character set was in force.
 */
function splitSubfieldBytes(
  bytes: Buffer,
  start: number,
  end: number,
  tag: string,
  warnings: MarcWarning[],
  text: FieldText,
): Subfield[] {
  const subfields: Subfield[] = [];
  let at = bytes.indexOf(0x1f, start);
  if (at < 0 || at >= end) at = end;
  if (at > start) {
    subfields.push(['', text.cut(start, at)]);
    warnings.push(warning('text-before-first-subfield', tag));
  }
  while (at < end) {
    let next = bytes.indexOf(0x1f, at + 1);
    if (next < 0 || next >= end) next = end;
    const code = at + 1 < next ? String.fromCharCode(bytes[at + 1]!) : '';
    subfields.push([code, at + 2 <= next ? text.cut(at + 2, next) : '']);
    at = next;
  }
  return subfields;
}
