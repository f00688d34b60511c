import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readMarcXml, readMarcXmlString } from './marcxml-reader.js';
import { writeMarcXml, writeMarcXmlRecord } from './marcxml-writer.js';
import type { MarcReadRecord, MarcReadResult, MarcRecord } from './record.js';
import { detectSchema } from './schema.js';

const record: MarcRecord = {
  leader: '01234nam a2200277 i 4500',
  fields: [
    { tag: '001', value: '009913303' },
    {
      tag: '245',
      ind1: '1',
      ind2: '0',
      subfields: [
        ['a', 'Капитанская дочка <роман> & "повести" /'],
        ['c', 'А. С. Пушкин.'],
      ],
    },
    {
      tag: '650',
      ind1: ' ',
      ind2: '7',
      subfields: [
        ['a', 'Русская литература'],
        ['2', 'rubbk'],
      ],
    },
  ],
};

const recordsOf = (results: MarcReadResult[]): MarcRecord[] => results.flatMap((r) => (r.kind === 'record' ? [r.record] : []));

describe('MARCXML reader', () => {
  it('reads what the writer wrote, escaping included', () => {
    const xml = writeMarcXml([record, record]);
    expect(recordsOf([...readMarcXmlString(xml)])).toEqual([record, record]);
  });

  it('reads back carriage returns, tabs and line breaks as they were (written as character references)', () => {
    const lines: MarcRecord = { ...record, fields: [...record.fields, { tag: '500', ind1: ' ', ind2: ' ', subfields: [['a', 'Line one\r\nline two\ttabbed\rend']] }] };
    const xml = writeMarcXml([lines]);
    expect(xml).toContain('Line one&#13;&#10;line two&#9;tabbed&#13;end');
    expect(recordsOf([...readMarcXmlString(xml)])).toEqual([lines]);
  });

  it('reads a file in the encoding its declaration names (Windows-1251), and reports one it does not know', async () => {
    const xml = writeMarcXml([record, record]).replace('encoding="UTF-8"', 'encoding="windows-1251"');
    const bytes = iconv.encode(xml, 'win1251');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 50) }, (_, i) => bytes.subarray(i * 50, i * 50 + 50));
    const read: MarcReadResult[] = [];
    for await (const result of readMarcXml(Readable.from(chunks))) read.push(result);
    expect(recordsOf(read)).toEqual([record, record]);

    const unknown: MarcReadResult[] = [];
    for await (const result of readMarcXml(Readable.from([Buffer.from(xml.replace('windows-1251', 'x-klingon'))]))) unknown.push(result);
    expect(unknown).toEqual([{ kind: 'error', index: 1, byteOffset: 0, code: 'xml-encoding-unsupported', reason: expect.stringContaining('x-klingon') }]);
  });

  it('does not care about the namespace prefix or the order of attributes', () => {
    const xml = `<?xml version="1.0"?>
      <marc:collection xmlns:marc="http://www.loc.gov/MARC21/slim">
        <marc:record>
          <marc:leader>01234nam a2200277 i 4500</marc:leader>
          <marc:controlfield tag="001">009913303</marc:controlfield>
          <marc:datafield ind2="0" tag="245" ind1="1"><marc:subfield code="a">Капитанская дочка &lt;роман&gt; &amp; "повести" /</marc:subfield><marc:subfield code="c">А. С. Пушкин.</marc:subfield></marc:datafield>
          <marc:datafield ind1=" " ind2="7" tag="650"><marc:subfield code="a">Русская литература</marc:subfield><marc:subfield code="2">rubbk</marc:subfield></marc:datafield>
        </marc:record>
      </marc:collection>`;
    expect(recordsOf([...readMarcXmlString(xml)])).toEqual([record]);
  });

  it('reads a single <record> document', () => {
    expect(recordsOf([...readMarcXmlString(writeMarcXmlRecord(record, true))])).toEqual([record]);
  });

  it('reads MARC records inside an OAI-PMH envelope whose items are also called <record>', () => {
    const xml = `<OAI-PMH><ListRecords><record><header><identifier>x</identifier></header><metadata>${writeMarcXmlRecord(record, true)}</metadata></record></ListRecords></OAI-PMH>`;
    const results = [...readMarcXmlString(xml)];
    expect(results.map((r) => r.kind)).toEqual(['record']);
    expect(recordsOf(results)).toEqual([record]);
  });

  it('streams from byte chunks split inside multi-byte characters', async () => {
    const bytes = Buffer.from(writeMarcXml([record, record]));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const results: MarcReadResult[] = [];
    for await (const result of readMarcXml(Readable.from(chunks))) results.push(result);
    expect(recordsOf(results)).toEqual([record, record]);
    expect(results.map((r) => r.index)).toEqual([1, 2]);
  });

  it('reports malformed XML with the number of the record where it happened, after the good ones', () => {
    const xml = writeMarcXml([record]).replace(
      '</collection>',
      '<record><leader>x</leader><controlfield tag="001">1</record></collection>',
    );
    const results = [...readMarcXmlString(xml)];
    expect(results.map((r) => r.kind)).toEqual(['record', 'error']);
    expect(results[1]).toMatchObject({ kind: 'error', index: 2, code: 'xml-malformed' });
    expect((results[1] as { reason: string }).reason).toMatch(/^XML повреждён: .*\. Чтение файла остановлено здесь: записи после этого места не прочитаны$/);
  });

  it('warns about a record without a leader, a bad tag and a subfield without a code, and keeps them', () => {
    const xml = '<collection><record><datafield tag="24" ind1="1" ind2="0"><subfield>Без кода</subfield></datafield></record></collection>';
    const [result] = [...readMarcXmlString(xml)] as MarcReadRecord[];
    expect(result!.record).toEqual({
      leader: ' '.repeat(24),
      fields: [{ tag: '24', ind1: '1', ind2: '0', subfields: [['', 'Без кода']] }],
    });
    expect(result!.warnings.map((w) => w.code).sort()).toEqual(['xml-bad-tag', 'xml-missing-leader', 'xml-missing-subfield-code']);
  });

  it('reports an empty <record> as an error', () => {
    expect([...readMarcXmlString('<collection><record/></collection>')]).toMatchObject([
      { kind: 'error', index: 1, code: 'xml-bad-structure' },
    ]);
  });
});

describe('MARCXML writer', () => {
  it('writes a namespaced collection and replaces characters XML 1.0 cannot carry', () => {
    const xml = writeMarcXml([{ leader: record.leader, fields: [{ tag: '001', value: 'a\u0001b' }] }]);
    expect(xml).toContain('<collection xmlns="http://www.loc.gov/MARC21/slim">');
    expect(xml).toContain('<controlfield tag="001">a\uFFFDb</controlfield>');
  });
});

describe('schema detection', () => {
  it('tells MARC21 by 245 and RUSMARC/UNIMARC by 200 without 245', () => {
    expect(detectSchema(record)).toBe('marc21');
    const rusmarc: MarcRecord = {
      leader: '00000nam0 2200000 i 450 ',
      fields: [{ tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Сказки']] }],
    };
    expect(detectSchema(rusmarc)).toBe('rusmarc');
    expect(detectSchema({ ...rusmarc, fields: [...rusmarc.fields, ...record.fields] })).toBe('marc21');
  });

  it('falls back to the leader, and says nothing when nothing tells', () => {
    expect(detectSchema({ leader: '00000nz  a2200000n  4500', fields: [] })).toBe('marc21');
    expect(detectSchema({ leader: '00000nam0 2200000 i 450 ', fields: [] })).toBe('rusmarc');
    expect(detectSchema({ leader: ' '.repeat(24), fields: [] })).toBeUndefined();
  });
});
