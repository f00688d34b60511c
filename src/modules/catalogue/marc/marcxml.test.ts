import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../shared/random.js';
import { comparableText, comparableYazText, corpusRoot, yazRecords } from './corpus.testkit.js';
import { readMarcXml, readMarcXmlString, readMarcXmlStringWithSaxes } from './marcxml-reader.js';
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
    expect(read.map((r) => r.kind === 'record' && r.encoding)).toEqual(['cp1251', 'cp1251']);

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

  it('reports malformed XML with the number of the record where it happened, and reads the records after it', () => {
    const xml = writeMarcXml([record]).replace(
      '</collection>',
      `<record><leader>x</leader><controlfield tag="001">1</record>${writeMarcXmlRecord(record)}</collection>`,
    );
    const results = [...readMarcXmlString(xml)];
    expect(results.map((r) => r.kind)).toEqual(['record', 'error', 'record']);
    expect(results[1]).toMatchObject({ kind: 'error', index: 2, code: 'xml-malformed' });
    expect((results[1] as { reason: string }).reason).toBe(
      'XML повреждён: 15:60: unexpected close tag. Всё до начала следующей записи (тега <record>) пропущено, чтение продолжено с неё',
    );
    expect(results[2]).toMatchObject({ kind: 'record', index: 3, record });
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

describe('MARCXML reader: after malformed XML, reading goes on at the next <record>', () => {
  const corpusText = (name: string) => readFileSync(path.join(corpusRoot, name), 'utf8');
  /** The start of each <record> (any prefix) in a document. */
  const recordStarts = (xml: string) => [...xml.matchAll(/<(?:\w+:)?record[\s>]/g)].map((match) => match.index);
  const readInChunks = async (xml: string, size: () => number): Promise<MarcReadResult[]> => {
    const bytes = Buffer.from(xml);
    const chunks: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += chunks.at(-1)!.length) chunks.push(bytes.subarray(at, at + size()));
    const results: MarcReadResult[] = [];
    for await (const result of readMarcXml(Readable.from(chunks))) results.push(result);
    return results;
  };
  const summary = (results: MarcReadResult[]) => results.map((r) => (r.kind === 'record' ? r.index : `${r.index}: ${r.code}`));

  /**
   * TEST1 (81 RUSMARC records, checked against yaz in corpus.test.ts) broken three ways: an unknown entity in
   * record 10, record 40 cut short (its last subfield and end tags missing, record 41 starting inside it) and
   * control bytes between records 59 and 60 — which count as an entry of their own, as bytes between ISO 2709
   * records do.
   */
  function brokenTest1(prefix: string): { xml: string; intact: MarcRecord[] } {
    let xml = corpusText('loge-gh_rusmarc/TEST1_derived_utf8.marcxml.xml');
    if (prefix) xml = xml.replace(/<(\/?)(collection|record|leader|controlfield|datafield|subfield)\b/g, `<$1${prefix}$2`).replace('xmlns=', `xmlns:${prefix.slice(0, -1)}=`);
    const intact = recordsOf([...readMarcXmlString(xml)]);
    const starts = recordStarts(xml);
    const cutAt = xml.lastIndexOf(`</${prefix}subfield>`, starts[40]!);
    const entityAt = xml.indexOf(`</${prefix}subfield>`, starts[9]!);
    xml = `${xml.slice(0, entityAt)} &nbsp;${xml.slice(entityAt, cutAt)}\n${xml.slice(starts[40]!, starts[59]!)}\u0001\u0002${xml.slice(starts[59]!)}`;
    return { xml, intact };
  }

  it.each([[''], ['marc:']])('reports each break with its number and offset and reads every other record (prefix «%s»)', async (prefix) => {
    const { xml, intact } = brokenTest1(prefix);
    const results = [...readMarcXmlString(xml)];
    expect(summary(results)).toEqual([
      ...range(1, 9), '10: xml-malformed', ...range(11, 39), '40: xml-malformed', ...range(41, 59), '60: xml-malformed', ...range(61, 82),
    ]);
    expect(recordsOf(results)).toEqual(intact.filter((_, n) => n !== 9 && n !== 39));
    const errors = results.filter((r) => r.kind === 'error');
    const line = (offset: number) => xml.slice(0, offset).split('\n').length;
    // Offsets as saxes gives them: just after the character that showed the error.
    expect(errors.map((e) => [e.byteOffset, e.reason.match(/^XML повреждён: (\d+):\d+: ([^.]+)\. Всё до начала следующей записи \(тега <record>\) пропущено, чтение продолжено с неё$/)?.slice(1)])).toEqual([
      [xml.indexOf(';', xml.indexOf('&nbsp')) + 1, [String(line(xml.indexOf('&nbsp'))), 'undefined entity']],
      [recordStarts(xml)[40]! + `<${prefix}record>`.length, [String(line(recordStarts(xml)[40]!)), 'запись не закрыта: в ней начинается следующая запись']],
      [xml.indexOf('\u0001') + 1, [String(line(xml.indexOf('\u0001'))), 'disallowed character']],
    ]);
    // Streamed in chunks of any size, as a file is read: the same.
    const next = seededRandom(prefix.length + 3);
    expect(await readInChunks(xml, () => 1 + Math.floor(next() * 64))).toEqual(results);
    expect(await readInChunks(xml, () => 1 + Math.floor(next() * 5000))).toEqual(results);
    expect(results).toEqual([...readMarcXmlStringWithSaxes(xml)]);
  });

  it('reads on after a record cut short in a document the saxes reader reads (a byte-order mark), the next start tag cut between chunks', async () => {
    const xml = corpusText('loge-gh_rusmarc/TEST1_derived_utf8.marcxml.xml');
    const intact = recordsOf([...readMarcXmlString(xml)]);
    const starts = recordStarts(xml);
    const broken = `\uFEFF${xml.slice(0, xml.lastIndexOf('</subfield>', starts[10]!))}\n${xml.slice(starts[10]!)}`;
    const results = [...readMarcXmlString(broken)];
    expect(summary(results)).toEqual([...range(1, 9), '10: xml-malformed', ...range(11, 81)]);
    expect(recordsOf(results)).toEqual(intact.filter((_, n) => n !== 9));
    // Chunks of 1–4 bytes: the saxes reader sees the end of the next record's start tag in a later chunk than its '<'.
    const next = seededRandom(17);
    expect(await readInChunks(broken, () => 1 + Math.floor(next() * 4))).toEqual(results);
  });

  it('reads the seven root <record>s of serials_marc21.xml, each as yaz-marcdump reads it alone', () => {
    const xml = corpusText('evergreen-library-system_Evergreen/serials_marc21.xml');
    const results = [...readMarcXmlString(xml)];
    expect(results.map((r) => r.kind)).toEqual(Array(7).fill('record'));
    // yaz stops after the first root: give it each record as a file of its own.
    const directory = mkdtempSync(path.join(tmpdir(), 'serials-'));
    const starts = [...recordStarts(xml), xml.length];
    const yaz = starts.slice(0, -1).map((start, n) => {
      const piece = path.join(directory, `${n}.xml`);
      writeFileSync(piece, xml.slice(start, starts[n + 1]));
      return yazRecords(piece, undefined, 'marcxml');
    });
    expect(yaz.map((records) => records.length)).toEqual(Array(7).fill(1));
    expect(recordsOf(results).map((r) => comparableText(r))).toEqual(yaz.map(([record]) => comparableYazText(record!)));
  });

  it('reports the unclosed <collection> at the end of svod-18-partial.mrx after its two records, as the last entry', () => {
    const results = [...readMarcXmlString(corpusText('ndlrf-rnd_neb-catalog/svod-18-partial.mrx'))];
    expect(summary(results)).toEqual([1, 2, '3: xml-malformed']);
    expect(yazRecords(path.join(corpusRoot, 'ndlrf-rnd_neb-catalog/svod-18-partial.mrx'), undefined, 'marcxml')).toHaveLength(2);
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, n) => from + n);
}
