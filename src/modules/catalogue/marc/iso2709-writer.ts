import { isControlField, type MarcRecord } from './record.js';

const MAX_RECORD_LENGTH = 99_999;
/** The longest field ISO 2709's four-digit field length can state, in bytes. */
export const MAX_FIELD_LENGTH = 9_999;

/** A record that ISO 2709 cannot hold (a field over 9,999 bytes, a record over 99,999, a bad tag). */
export class MarcWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MarcWriteError';
  }
}

/**
 * Writes one record as ISO 2709 in UTF-8: leader/09 = 'a', lengths, base address and
 * leader/10–11, 20–23 ("22", "4500") computed; fields in the record's order.
 * Text before the first subfield delimiter (code '') is written back without a delimiter.
 * What ISO 2709 cannot carry is replaced: a non-ASCII or control indicator by a blank, the
 * separators 0x1D–0x1F inside a value by U+FFFD.
 * @throws MarcWriteError when the record does not fit ISO 2709's limits.
 */
export function writeIso2709Record(record: MarcRecord): Buffer {
  const fieldBytes: Buffer[] = [];
  const directory: string[] = [];
  let offset = 0;
  for (const field of record.fields) {
    if (field.tag.length !== 3 || /[^\x20-\x7e]/.test(field.tag))
      throw new MarcWriteError(`Недопустимая метка поля ${JSON.stringify(field.tag)}`);
    let text: string;
    if (isControlField(field)) {
      text = printable(field.value);
    } else {
      text = indicator(field.ind1) + indicator(field.ind2);
      field.subfields.forEach(([code, value], position) => {
        text += position === 0 && code === '' ? printable(value) : `\x1f${printable(code)}${printable(value)}`;
      });
    }
    const bytes = Buffer.from(`${text}\x1e`, 'utf8');
    if (bytes.length > MAX_FIELD_LENGTH) throw new MarcWriteError(`Поле ${field.tag} длиннее ${MAX_FIELD_LENGTH} байт`);
    directory.push(field.tag + pad(bytes.length, 4) + pad(offset, 5));
    fieldBytes.push(bytes);
    offset += bytes.length;
  }
  const baseAddress = 24 + directory.length * 12 + 1;
  const recordLength = baseAddress + offset + 1;
  if (recordLength > MAX_RECORD_LENGTH) throw new MarcWriteError(`Запись длиннее ${MAX_RECORD_LENGTH} байт`);
  const source = record.leader.padEnd(24, ' ');
  const leader = pad(recordLength, 5) + source.slice(5, 9) + 'a22' + pad(baseAddress, 5) + source.slice(17, 20) + '4500';
  return Buffer.concat([Buffer.from(leader + directory.join('') + '\x1e', 'latin1'), ...fieldBytes, Buffer.from([0x1d])]);
}

/** Writes records one after another as an ISO 2709 file. */
export function writeIso2709(records: Iterable<MarcRecord>): Buffer {
  return Buffer.concat(Array.from(records, writeIso2709Record));
}

/** An indicator is one printable ASCII character; anything else is written as blank. */
function indicator(value: string): string {
  return /^[\x20-\x7e]$/.test(value) ? value : ' ';
}

// eslint-disable-next-line no-control-regex
const SEPARATORS = /[\x1d\x1e\x1f]/g;
// eslint-disable-next-line no-control-regex
const HAS_SEPARATOR = /[\x1d\x1e\x1f]/;

/** ISO 2709 cannot carry its own separators inside a value (a broken source may have them): U+FFFD. */
function printable(text: string): string {
  return HAS_SEPARATOR.test(text) ? text.replace(SEPARATORS, '\uFFFD') : text;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
