import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readIso2709, readIso2709Buffer } from './iso2709-reader.js';
import { MarcWriteError, writeIso2709, writeIso2709Record } from './iso2709-writer.js';
import type { MarcReadError, MarcReadRecord, MarcReadResult, MarcRecord } from './record.js';

/** A small valid RUSMARC-like record; fields can be replaced. */
function bookRecord(title = 'Капитанская дочка', overrides: Partial<MarcRecord> = {}): MarcRecord {
  return {
    leader: '00000nam a2200000 i 450 ',
    fields: [
      { tag: '001', value: 'RU\\BIBLIO\\1' },
      {
        tag: '200',
        ind1: '1',
        ind2: ' ',
        subfields: [
          ['a', title],
          ['f', 'А. С. Пушкин'],
        ],
      },
      {
        tag: '700',
        ind1: ' ',
        ind2: '1',
        subfields: [
          ['a', 'Пушкин'],
          ['b', 'А. С.'],
        ],
      },
    ],
    ...overrides,
  };
}

/** A hand-built ISO 2709 record from raw field bytes, for encodings and defects the writer never produces. */
function rawRecord(fields: Array<[tag: string, bytes: Buffer]>, leader09 = ' '): Buffer {
  let directory = '';
  let offset = 0;
  const data: Buffer[] = [];
  for (const [tag, bytes] of fields) {
    const field = Buffer.concat([bytes, Buffer.from([0x1e])]);
    directory += tag + String(field.length).padStart(4, '0') + String(offset).padStart(5, '0');
    offset += field.length;
    data.push(field);
  }
  const base = 24 + directory.length + 1;
  const length = base + offset + 1;
  const leader = `${String(length).padStart(5, '0')}nam ${leader09}22${String(base).padStart(5, '0')} i 4500`;
  return Buffer.concat([Buffer.from(leader + directory + '\x1e', 'latin1'), ...data, Buffer.from([0x1d])]);
}

const records = (results: MarcReadResult[]): MarcReadRecord[] => results.filter((r): r is MarcReadRecord => r.kind === 'record');
const errors = (results: MarcReadResult[]): MarcReadError[] => results.filter((r): r is MarcReadError => r.kind === 'error');

describe('ISO 2709 writer', () => {
  it('computes the record length, base address and directory, and marks the record as UTF-8', () => {
    const bytes = writeIso2709Record(bookRecord());
    const leader = bytes.toString('latin1', 0, 24);
    expect(Number(leader.slice(0, 5))).toBe(bytes.length);
    expect(leader[9]).toBe('a');
    expect(leader.slice(10, 12)).toBe('22');
    expect(leader.slice(20, 24)).toBe('4500');
    const base = Number(leader.slice(12, 17));
    expect(base).toBe(24 + 3 * 12 + 1);
    expect(bytes[base - 1]).toBe(0x1e);
    expect(bytes.at(-1)).toBe(0x1d);
    // The 200 field's directory entry: tag, length in bytes (UTF-8, not characters), offset.
    const entry = bytes.toString('latin1', 36, 48);
    const titleBytes = Buffer.byteLength('1 \x1faКапитанская дочка\x1ffА. С. Пушкин\x1e');
    expect(entry).toBe(`200${String(titleBytes).padStart(4, '0')}${String(Buffer.byteLength('RU\\BIBLIO\\1\x1e')).padStart(5, '0')}`);
  });

  it('refuses a field longer than 9,999 bytes and a bad tag rather than writing a broken record', () => {
    const long = bookRecord('я'.repeat(5000));
    expect(() => writeIso2709Record(long)).toThrow(MarcWriteError);
    expect(() => writeIso2709Record(bookRecord('x', { fields: [{ tag: '42', value: 'x' }] }))).toThrow(MarcWriteError);
  });

  it('writes text that stood before the first subfield delimiter back without a delimiter', () => {
    const record = bookRecord('x', {
      fields: [
        {
          tag: '035',
          ind1: ' ',
          ind2: ' ',
          subfields: [
            ['', 'RU\\NLR'],
            ['a', '17'],
          ],
        },
      ],
    });
    const [back] = records([...readIso2709Buffer(writeIso2709Record(record))]);
    expect(back!.record.fields).toEqual(record.fields);
    expect(back!.warnings.map((w) => w.code)).toEqual(['text-before-first-subfield']);
  });
});

describe('ISO 2709 reader', () => {
  it('reads what the writer wrote: leader, control and data fields, indicators, subfields in order', () => {
    const original = [bookRecord('Капитанская дочка'), bookRecord('Сказка о рыбаке и рыбке')];
    const results = [...readIso2709Buffer(writeIso2709(original))];
    expect(errors(results)).toEqual([]);
    expect(records(results).map((r) => r.record.fields)).toEqual(original.map((r) => r.fields));
    expect(records(results).map((r) => [r.index, r.encoding, r.warnings])).toEqual([
      [1, 'utf-8', []],
      [2, 'utf-8', []],
    ]);
    expect(records(results)[1]!.byteOffset).toBe(writeIso2709Record(original[0]!).length);
  });

  it('cuts UTF-8 fields right after four-byte characters, with the directory out of order or pointing inside a character', () => {
    const record = rawRecord([
      ['009', Buffer.from('Ёж')],
      ['245', Buffer.from('10\x1faПривет 😀 мир\x1fbсказки')],
      ['500', Buffer.from('  \x1faЁлка 🎄')],
    ], 'a');
    const title = { tag: '245', ind1: '1', ind2: '0', subfields: [['a', 'Привет 😀 мир'], ['b', 'сказки']] };
    const note = { tag: '500', ind1: ' ', ind2: ' ', subfields: [['a', 'Ёлка 🎄']] };
    expect(records([...readIso2709Buffer(record)])[0]!.record.fields).toEqual([{ tag: '009', value: 'Ёж' }, title, note]);

    // The directory reversed, and 009 starting one byte inside «Ё» (0xD0 0x81): that byte alone is U+FFFD.
    const entries = [0, 1, 2].map((i) => record.toString('latin1', 24 + 12 * i, 36 + 12 * i));
    const shifted = `009${String(Number(entries[0]!.slice(3, 7)) - 1).padStart(4, '0')}00001`;
    const rearranged = Buffer.from(record);
    rearranged.write(entries[2]! + entries[1]! + shifted, 24, 'latin1');
    const read = records([...readIso2709Buffer(rearranged)])[0]!;
    expect(read.record.fields).toEqual([note, title, { tag: '009', value: '\uFFFDж' }]);
    expect(read.warnings).toEqual([]);
  });

  it('streams: one byte at a time gives the same results as the whole buffer', async () => {
    const file = Buffer.concat([
      writeIso2709([bookRecord('А'), bookRecord('Б')]),
      Buffer.from('00099xx'),
      writeIso2709Record(bookRecord('В')),
    ]);
    const whole = [...readIso2709Buffer(file)];
    const bytes = Array.from(file, (byte) => Buffer.from([byte]));
    const streamed: MarcReadResult[] = [];
    for await (const result of readIso2709(Readable.from(bytes))) streamed.push(result);
    expect(streamed).toEqual(whole);
    expect(whole.map((r) => r.kind)).toEqual(['record', 'record', 'error']);
  });

  it('reports a bad record with its number, byte offset, code and Russian reason, then reads on', () => {
    const good = writeIso2709Record(bookRecord('Первая'));
    const broken = Buffer.from(writeIso2709Record(bookRecord('Вторая')));
    broken.write('2X0', 24 + 12 + 3, 'latin1'); // the 200 field's length is no longer a number
    const third = writeIso2709Record(bookRecord('Третья'));
    const results = [...readIso2709Buffer(Buffer.concat([good, broken, third]))];
    expect(results.map((r) => r.kind)).toEqual(['record', 'error', 'record']);
    expect(errors(results)[0]).toMatchObject({ index: 2, byteOffset: good.length, code: 'directory-entry-invalid' });
    expect(errors(results)[0]!.reason).toMatch(/элемент справочника повреждён/);
    expect(records(results)[1]!.record.fields[1]).toMatchObject({
      subfields: [
        ['a', 'Третья'],
        ['f', 'А. С. Пушкин'],
      ],
    });
  });

  it('reports a leader length that is not a number and resynchronises on the record terminator', () => {
    const bad = Buffer.from(writeIso2709Record(bookRecord('Плохая')));
    bad.write('0O1', 0, 'latin1');
    const results = [...readIso2709Buffer(Buffer.concat([bad, writeIso2709Record(bookRecord('Хорошая'))]))];
    expect(results.map((r) => (r.kind === 'error' ? r.code : 'record'))).toEqual(['leader-length-invalid', 'record']);
  });

  it('reads a record whose leader length is wrong up to its terminator, with a warning', () => {
    const bytes = Buffer.from(writeIso2709Record(bookRecord()));
    bytes.write(String(bytes.length + 2).padStart(5, '0'), 0, 'latin1');
    const [result] = [...readIso2709Buffer(Buffer.concat([bytes, writeIso2709Record(bookRecord('Б'))]))];
    expect(result).toMatchObject({ kind: 'record', warnings: [{ code: 'leader-length-mismatch' }] });
  });

  it('reports a field pointing past the end of the record, a directory not in 12-byte entries, and a truncated tail', () => {
    const outOfBounds = Buffer.from(writeIso2709Record(bookRecord()));
    outOfBounds.write('9999', 24 + 12 + 3, 'latin1');
    const badDirectory = rawRecord([['001', Buffer.from('x')]]);
    const shifted = Buffer.concat([badDirectory.subarray(0, 30), Buffer.from('7'), badDirectory.subarray(30)]);
    shifted.write(String(shifted.length).padStart(5, '0'), 0, 'latin1');
    const truncated = writeIso2709Record(bookRecord()).subarray(0, 50);
    const results = [...readIso2709Buffer(Buffer.concat([outOfBounds, shifted, truncated]))];
    expect(results.map((r) => (r.kind === 'error' ? r.code : 'record'))).toEqual([
      'field-out-of-bounds',
      'directory-invalid',
      'record-truncated',
    ]);
    expect(results.map((r) => r.index)).toEqual([1, 2, 3]);
  });

  it('skips a runaway record without holding it all in memory', async () => {
    const junk = Buffer.alloc(3000, 0x41);
    junk.write('00010', 0, 'latin1');
    const chunks = [
      junk.subarray(0, 1000),
      junk.subarray(1000, 2000),
      junk.subarray(2000),
      Buffer.from([0x1d]),
      writeIso2709Record(bookRecord()),
    ];
    const results: MarcReadResult[] = [];
    for await (const result of readIso2709(Readable.from(chunks), { maxRecordBytes: 1500 })) results.push(result);
    expect(results.map((r) => (r.kind === 'error' ? r.code : 'record'))).toEqual(['record-too-long', 'record']);
  });

  it('ignores line breaks between records', () => {
    const file = Buffer.concat([writeIso2709Record(bookRecord()), Buffer.from('\r\n'), writeIso2709Record(bookRecord())]);
    expect([...readIso2709Buffer(file)].map((r) => r.kind)).toEqual(['record', 'record']);
  });
});

describe('ISO 2709 encodings', () => {
  const title = 'Сказки Пушкина, ёлка';

  it('detects Windows-1251 Cyrillic and decodes it', () => {
    const bytes = rawRecord([['200', Buffer.concat([Buffer.from('1 \x1fa'), iconv.encode(title, 'win1251')])]]);
    const [result] = records([...readIso2709Buffer(bytes)]);
    expect(result!.encoding).toBe('cp1251');
    expect(result!.record.fields[0]).toEqual({ tag: '200', ind1: '1', ind2: ' ', subfields: [['a', title]] });
  });

  it('detects UTF-8 without the leader flag, and trusts leader/09 "a"', () => {
    const field = Buffer.from(`1 \x1fa${title}`);
    expect(records([...readIso2709Buffer(rawRecord([['200', field]]))])[0]!.encoding).toBe('utf-8');
    expect(records([...readIso2709Buffer(rawRecord([['200', field]], 'a'))])[0]!.encoding).toBe('utf-8');
  });

  it('replaces a NUL byte, wherever it stands, with U+FFFD and a warning (no text column could store it)', () => {
    const bytes = writeIso2709Record(bookRecord('Капитанская\u0000дочка'));
    const nulInControlField = Buffer.from(bytes);
    nulInControlField[nulInControlField.indexOf(0x1e) + 1] = 0; // the first byte after the directory: 001's first character
    for (const input of [bytes, nulInControlField]) {
      const [result] = [...readIso2709Buffer(input)];
      expect(result!.kind).toBe('record');
      const read = result as MarcReadRecord;
      expect(read.warnings.map((w) => w.code)).toContain('nul-character');
      expect(JSON.stringify(read.record)).not.toContain('\\u0000');
    }
    const [titled] = [...readIso2709Buffer(bytes)] as MarcReadRecord[];
    expect(titled!.record.fields.find((field) => field.tag === '200')).toMatchObject({ subfields: [['a', 'Капитанская\uFFFDдочка'], ['f', 'А. С. Пушкин']] });
  });

  it('warns when a record flagged UTF-8 is not valid UTF-8', () => {
    const [result] = records([
      ...readIso2709Buffer(rawRecord([['200', Buffer.concat([Buffer.from('1 \x1fa'), iconv.encode(title, 'win1251')])]], 'a')),
    ]);
    expect(result!.warnings.map((w) => w.code)).toContain('invalid-utf8');
  });

  it('decodes MARC-8: ANSEL diacritics move after their letter and compose (NFC)', () => {
    // "Société" in MARC-8: E2 (acute) precedes the e.
    const bytes = rawRecord([['245', Buffer.from([0x31, 0x30, 0x1f, 0x61, ...Buffer.from('Soci'), 0xe2, 0x65, 0x74, 0xe2, 0x65])]]);
    const [result] = records([...readIso2709Buffer(bytes)]);
    expect(result!.encoding).toBe('marc-8');
    expect(result!.record.fields[0]).toMatchObject({ subfields: [['a', 'Société']] });
  });

  it('decodes MARC-8 Cyrillic selected by escape sequences, and returns to ASCII', () => {
    // ESC ( N selects Basic Cyrillic as G0; ESC ( B back to ASCII. "Moskva" in the MARC-8 Cyrillic layout.
    const field = Buffer.concat([Buffer.from('  \x1fa'), Buffer.from('\x1b(NmOSKWA\x1b(B 2013', 'latin1')]);
    const [result] = records([...readIso2709Buffer(rawRecord([['260', field]]))]);
    expect(result!.record.fields[0]).toMatchObject({ subfields: [['a', 'Москва 2013']] });
    expect(result!.warnings).toEqual([]);
  });

  it('decodes MARC-8 East Asian (EACC) characters, three bytes each', () => {
    // 0x213021 is 一 (U+4E00) in EACC.
    const field = Buffer.concat([Buffer.from('00\x1fa'), Buffer.from('\x1b$1\x21\x30\x21\x1b(B ok', 'latin1')]);
    const [result] = records([...readIso2709Buffer(rawRecord([['880', field]]))]);
    expect(result!.record.fields[0]).toMatchObject({ subfields: [['a', '\u4e00 ok']] });
    expect(result!.warnings).toEqual([]);
  });

  it('marks unknown MARC-8 characters with U+FFFD and a warning, never failing', () => {
    const field = Buffer.concat([Buffer.from('00\x1fa'), Buffer.from('\x1b$1\x7e\x7e\x7e\x1b(B ok \xa0', 'latin1')]);
    const [result] = records([...readIso2709Buffer(rawRecord([['880', field]]))]);
    expect(result!.record.fields[0]).toMatchObject({ subfields: [['a', '\uFFFD ok \uFFFD']] });
    expect(result!.warnings.map((w) => w.code)).toEqual(['marc8-unknown-character']);
  });

  it('uses a forced encoding for every record', () => {
    const bytes = rawRecord([['200', Buffer.concat([Buffer.from('1 \x1fa'), iconv.encode('Да', 'win1251')])]]);
    const [asUtf8] = records([...readIso2709Buffer(bytes, { encoding: 'utf-8' })]);
    expect(asUtf8!.encoding).toBe('utf-8');
    expect(asUtf8!.record.fields[0]).toMatchObject({ subfields: [['a', '\uFFFD\uFFFD']] });
  });
});
