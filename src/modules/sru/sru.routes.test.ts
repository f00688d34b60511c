import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { findAll, parseXml, textOf, type XmlElement } from '../../../test/xml-tree.js';
import { buildApp } from '../../server/app.js';
import { readMarcXmlString, saveBibRecords, type MarcRecord } from '../catalogue/index.js';
import { CAPTAINS_DAUGHTER, SRU_TEST_RECORDS } from './test-records.js';

const SRW = 'http://www.loc.gov/zing/srw/';
const DIAG = 'http://www.loc.gov/zing/srw/diagnostic/';
const ZEEREX = 'http://explain.z3950.org/dtd/2.0/';
const MARCXML = 'http://www.loc.gov/MARC21/slim';

let t: TestApp;
/** The response text of each parsed response. */
const bodies = new WeakMap<XmlElement, string>();

beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.transaction().execute((trx) =>
    saveBibRecords({ trx, actor: t.system, records: SRU_TEST_RECORDS, onMatch: 'skip' }));
});
afterAll(() => t.close());

async function get(parameters: Record<string, string>): Promise<XmlElement> {
  const response = await t.app.inject({ method: 'GET', url: `/sru?${new URLSearchParams(parameters)}` });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
  const root = parseXml(response.body);
  bodies.set(root, response.body);
  return root;
}

const search = (query: string, more: Record<string, string> = {}) =>
  get({ operation: 'searchRetrieve', version: '1.2', query, ...more });

interface Answer { total: number; records: MarcRecord[]; positions: number[]; next: number | undefined; diagnostics: { uri: string; details?: string; message: string }[] }

function answerOf(root: XmlElement): Answer {
  expect(root).toMatchObject({ uri: SRW, name: 'searchRetrieveResponse' });
  const records = findAll(root, 'record', SRW);
  // Records packed as XML are read by our own MARCXML reader straight from the response (it skips the
  // SRW envelope); records packed as strings from each recordData's text.
  const packedAsXml = records.every((record) => findAll(record, 'recordData', SRW)[0]!.children.length > 0);
  if (packedAsXml) {
    for (const record of records) expect(findAll(record, 'recordData', SRW)[0]!.children.map((c) => [c.uri, c.name])).toEqual([[MARCXML, 'record']]);
  }
  const results = packedAsXml
    ? [...readMarcXmlString(bodies.get(root)!)]
    : records.flatMap((record) => [...readMarcXmlString(findAll(record, 'recordData', SRW)[0]!.text)]);
  expect(results).toHaveLength(records.length);
  const marc = results.map((result) => {
    if (result.kind !== 'record') throw new Error(`recordData is not a MARCXML record: ${result.reason}`);
    expect(result.warnings).toEqual([]);
    return result.record;
  });
  const next = textOf(root, 'nextRecordPosition', SRW);
  return {
    total: Number(textOf(root, 'numberOfRecords', SRW)),
    records: marc,
    positions: records.map((record) => Number(textOf(record, 'recordPosition', SRW))),
    next: next === undefined ? undefined : Number(next),
    diagnostics: findAll(root, 'diagnostic', DIAG).map((d) => ({
      uri: textOf(d, 'uri', DIAG)!, message: textOf(d, 'message', DIAG)!,
      ...(textOf(d, 'details', DIAG) === undefined ? {} : { details: textOf(d, 'details', DIAG) }),
    })),
  };
}

const titlesOf = (answer: Answer) => answer.records.map((record) => {
  const title = record.fields.find((field) => field.tag === '200' || field.tag === '245');
  return title && 'subfields' in title ? title.subfields.find(([code]) => code === 'a')?.[1] : undefined;
});
const stored = (id: string) => SRU_TEST_RECORDS.find(({ record }) => record.fields[0]!.tag === '001' && 'value' in record.fields[0]! && record.fields[0].value === id)!.record;

describe('SRU explain', () => {
  it('answers a request without operation, and operation=explain, with a ZeeRex record of the server, indexes and schema', async () => {
    for (const root of [await get({}), await get({ operation: 'explain', version: '1.2' })]) {
      expect(root).toMatchObject({ uri: SRW, name: 'explainResponse' });
      expect(textOf(root, 'version', SRW)).toBe('1.2');
      const [explain] = findAll(root, 'explain', ZEEREX);
      expect(explain).toBeDefined();
      expect(textOf(explain!, 'database', ZEEREX)).toBe('sru');
      expect(textOf(explain!, 'host', ZEEREX)).toBe('localhost');
      expect(textOf(explain!, 'title', ZEEREX)).toBe('Электронный каталог: Тестовая ЦБС');
      const names = findAll(explain!, 'name', ZEEREX).map((name) => `${name.attributes.set ?? ''}.${name.text}`);
      expect(names).toEqual(expect.arrayContaining(['dc.title', 'dc.creator', 'bath.isbn', 'dc.subject', 'cql.serverChoice', '.title', '.author', '.isbn', '.subject']));
      expect(findAll(explain!, 'schema', ZEEREX).map((schema) => schema.attributes)).toEqual([
        expect.objectContaining({ identifier: 'info:srw/schema/1/marcxml-v1.1', name: 'marcxml' }),
      ]);
      const config = findAll(explain!, 'configInfo', ZEEREX)[0]!;
      expect(config.children.filter((c) => c.name === 'setting' && c.attributes.type === 'maximumRecords').map((c) => c.text)).toEqual(['100']);
      expect(config.children.filter((c) => c.name === 'default' && c.attributes.type === 'numberOfRecords').map((c) => c.text)).toEqual(['10']);
      expect(findAll(root, 'diagnostic', DIAG)).toEqual([]);
    }
  });

  it('answers an unknown operation with the explain record and diagnostic 4', async () => {
    const root = await get({ operation: 'scan', version: '1.2', scanClause: 'пушкин' });
    expect(root.name).toBe('explainResponse');
    expect(findAll(root, 'explain', ZEEREX)).toHaveLength(1);
    expect(findAll(root, 'diagnostic', DIAG).map((d) => [textOf(d, 'uri', DIAG), textOf(d, 'details', DIAG)]))
      .toEqual([['info:srw/diagnostic/1/4', 'scan']]);
  });
});

describe('SRU searchRetrieve', () => {
  it('compresses its answer for a client that asks (gzip), and not for one that does not', async () => {
    const url = `/sru?${new URLSearchParams({ operation: 'searchRetrieve', version: '1.2', query: 'author = пушкин', maximumRecords: '10' })}`;
    const plain = await t.app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('finds by title and returns the stored RUSMARC record as MARCXML, read back equal', async () => {
    const root = await search('title = "капитанская дочка"');
    const answer = answerOf(root);
    expect(answer).toMatchObject({ total: 1, positions: [1], next: undefined, diagnostics: [] });
    expect(answer.records).toEqual([CAPTAINS_DAUGHTER]);
    expect(textOf(root, 'recordSchema', SRW)).toBe('info:srw/schema/1/marcxml-v1.1');
    expect(textOf(root, 'recordPacking', SRW)).toBe('xml');
    const echoed = findAll(root, 'echoedSearchRetrieveRequest', SRW)[0]!;
    expect(textOf(echoed, 'query', SRW)).toBe('title = "капитанская дочка"');
    expect(textOf(echoed, 'version', SRW)).toBe('1.2');
  });

  it('finds by author in both schemas, and words by their Russian forms', async () => {
    expect(titlesOf(answerOf(await search('dc.creator = лермонтов'))).sort()).toEqual(['Герой нашего времени', 'Мцыри']);
    expect(titlesOf(answerOf(await search('title = сказки'))).sort()).toEqual(['Сказка о рыбаке и рыбке', 'Сказка о царе Салтане']);
    const tolstoy = answerOf(await search('author = толстой'));
    expect(tolstoy.records).toEqual([stored('sru-8')]);
  });

  it('finds by ISBN with or without hyphens, an ISBN-10 by itself', async () => {
    for (const query of ['isbn = 9785080060953', 'bath.isbn = "978-5-08-006095-3"']) {
      expect(answerOf(await search(query)).records, query).toEqual([CAPTAINS_DAUGHTER]);
    }
    expect(answerOf(await search('isbn = 5-17-009577-5')).records).toEqual([stored('sru-8')]);
  });

  it('finds by subject across RUSMARC and MARC21', async () => {
    const answer = answerOf(await search('subject = сказки'));
    expect(answer.total).toBe(3);
    expect(titlesOf(answer).sort()).toEqual(['Каштанка', 'Сказка о рыбаке и рыбке', 'Сказка о царе Салтане']);
  });

  it('searches every field for a bare term and for cql.serverChoice', async () => {
    expect(answerOf(await search('лермонтов')).total).toBe(2);
    expect(answerOf(await search('cql.serverChoice = "война и мир"')).records).toEqual([stored('sru-8')]);
  });

  it('combines with and, or and not', async () => {
    expect(titlesOf(answerOf(await search('author = пушкин and subject = сказки'))).sort()).toEqual(['Сказка о рыбаке и рыбке', 'Сказка о царе Салтане']);
    expect(titlesOf(answerOf(await search('author = лермонтов or author = толстой'))).sort()).toEqual(['Война и мир', 'Герой нашего времени', 'Мцыри']);
    expect(titlesOf(answerOf(await search('author = пушкин not (subject = сказки or title = онегин)'))).sort()).toEqual(['Капитанская дочка', 'Пиковая дама']);
  });

  it('limits years and sorts by them', async () => {
    const answer = answerOf(await search('author = пушкин and year >= 2018 sortBy year/sort.descending'));
    expect(titlesOf(answer)).toEqual(['Капитанская дочка', 'Пиковая дама']);
  });

  it('pages with startRecord and maximumRecords, pointing to the next position', async () => {
    const query = 'author = пушкин sortBy year';
    const first = answerOf(await search(query, { maximumRecords: '2' }));
    expect(first).toMatchObject({ total: 5, positions: [1, 2], next: 3 });
    const second = answerOf(await search(query, { startRecord: '3', maximumRecords: '2' }));
    expect(second).toMatchObject({ total: 5, positions: [3, 4], next: 5 });
    const last = answerOf(await search(query, { startRecord: '5', maximumRecords: '2' }));
    expect(last).toMatchObject({ total: 5, positions: [5], next: undefined });
    expect([...titlesOf(first), ...titlesOf(second), ...titlesOf(last)])
      .toEqual(['Евгений Онегин', 'Сказка о рыбаке и рыбке', 'Сказка о царе Салтане', 'Пиковая дама', 'Капитанская дочка']);
  });

  it('returns ten records by default, only the count for maximumRecords=0, and every record for cql.allRecords', async () => {
    expect(answerOf(await search('cql.allRecords = 1'))).toMatchObject({ total: 9, positions: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(answerOf(await search('author = пушкин', { maximumRecords: '0' }))).toMatchObject({ total: 5, records: [] });
    expect(answerOf(await search('author = пушкин', { maximumRecords: '1000' }))).toMatchObject({ total: 5, diagnostics: [] });
  });

  it('packs records as escaped XML strings on request', async () => {
    const root = await search('title = "капитанская дочка"', { recordPacking: 'string' });
    expect(textOf(root, 'recordPacking', SRW)).toBe('string');
    const data = findAll(root, 'recordData', SRW)[0]!;
    expect(data.children).toEqual([]);
    expect(answerOf(root).records).toEqual([CAPTAINS_DAUGHTER]);
  });

  it('answers a POST form like a GET', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/sru', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ operation: 'searchRetrieve', version: '1.2', query: 'title = "капитанская дочка"' }).toString(),
    });
    expect(response.statusCode).toBe(200);
    const root = parseXml(response.body);
    bodies.set(root, response.body);
    expect(answerOf(root).records).toEqual([CAPTAINS_DAUGHTER]);
  });

  it('answers a SOAP request (SRW) inside a SOAP envelope, and a body that is none with diagnostic 4', async () => {
    const soap = (body: string) => t.app.inject({ method: 'POST', url: '/sru', headers: { 'content-type': 'text/xml; charset=utf-8' }, payload: body });
    const request = '<?xml version="1.0" encoding="UTF-8"?>'
      + '<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:Body>'
      + '<zs:searchRetrieveRequest xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>'
      + '<zs:query>title = "капитанская дочка"</zs:query><zs:maximumRecords>5</zs:maximumRecords><zs:recordSchema>marcxml</zs:recordSchema>'
      + '</zs:searchRetrieveRequest></SOAP-ENV:Body></SOAP-ENV:Envelope>';
    const response = await soap(request);
    expect(response.statusCode).toBe(200);
    const envelope = parseXml(response.body);
    expect(envelope).toMatchObject({ uri: 'http://schemas.xmlsoap.org/soap/envelope/', name: 'Envelope' });
    const root = envelope.children[0]!.children[0]!;
    bodies.set(root, response.body);
    expect(answerOf(root).records).toEqual([CAPTAINS_DAUGHTER]);

    for (const junk of ['<not-soap/>', 'title = "капитанская дочка"', request.replace('searchRetrieveRequest', 'scanRequest').replace('searchRetrieveRequest', 'scanRequest')]) {
      const refused = await soap(junk);
      expect(refused.statusCode).toBe(200);
      expect(refused.body).toContain('info:srw/diagnostic/1/4');
      expect(parseXml(refused.body)).toMatchObject({ name: 'Envelope' });
    }
  });

  it('finds nothing with zero records and no diagnostic', async () => {
    expect(answerOf(await search('title = несуществующее'))).toMatchObject({ total: 0, records: [], diagnostics: [] });
  });
});

describe('SRU diagnostics', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['a missing query', { operation: 'searchRetrieve', version: '1.2' }, '7', 'query'],
    ['an unsupported version', { operation: 'searchRetrieve', version: '2.0', query: 'x' }, '5', '1.2'],
    ['a CQL syntax error', { operation: 'searchRetrieve', version: '1.2', query: '(title = x' }, '10', 'нет закрывающей скобки к открытой на позиции 1 (позиция 11)'],
    ['an unsupported index', { operation: 'searchRetrieve', version: '1.2', query: 'dc.publisher = эксмо' }, '16', 'dc.publisher'],
    ['an unsupported relation', { operation: 'searchRetrieve', version: '1.2', query: 'title <> x' }, '19', '<>'],
    ['an unsupported relation modifier', { operation: 'searchRetrieve', version: '1.2', query: 'title =/stem x' }, '20', 'stem'],
    ['prox', { operation: 'searchRetrieve', version: '1.2', query: 'a prox b' }, '39', 'prox'],
    ['masking', { operation: 'searchRetrieve', version: '1.2', query: 'title = пушк*' }, '28', 'пушк*'],
    ['startRecord beyond the result', { operation: 'searchRetrieve', version: '1.2', query: 'author = пушкин', startRecord: '6' }, '61', '6'],
    ['startRecord 0', { operation: 'searchRetrieve', version: '1.2', query: 'x', startRecord: '0' }, '6', 'startRecord'],
    ['a non-numeric maximumRecords', { operation: 'searchRetrieve', version: '1.2', query: 'x', maximumRecords: 'all' }, '6', 'maximumRecords'],
    ['an unknown record schema', { operation: 'searchRetrieve', version: '1.2', query: 'x', recordSchema: 'dc' }, '66', 'dc'],
    ['an unknown record packing', { operation: 'searchRetrieve', version: '1.2', query: 'x', recordPacking: 'json' }, '71', 'json'],
    ['an unknown parameter', { operation: 'searchRetrieve', version: '1.2', query: 'x', maximumrecords: '5' }, '8', 'maximumrecords'],
    ['sortKeys', { operation: 'searchRetrieve', version: '1.2', query: 'x', sortKeys: 'title' }, '80', 'sortKeys'],
  ];
  for (const [what, parameters, code, details] of cases) {
    it(`answers ${what} with diagnostic ${code}`, async () => {
      const answer = answerOf(await get(parameters));
      expect(answer.diagnostics).toEqual([{ uri: `info:srw/diagnostic/1/${code}`, message: expect.any(String), details }]);
      expect(answer.diagnostics[0]!.message).toMatch(/[а-я]/);
      expect(answer.records).toEqual([]);
    });
  }

  it('echoes only the numbers the SRW schema allows (startRecord ≥ 1, maximumRecords ≥ 0)', async () => {
    const root = await get({ operation: 'searchRetrieve', version: '1.2', query: 'x', startRecord: '0', maximumRecords: '-1' });
    const echoed = findAll(root, 'echoedSearchRetrieveRequest', SRW)[0]!;
    expect(textOf(echoed, 'query', SRW)).toBe('x');
    expect(findAll(echoed, 'startRecord', SRW)).toEqual([]);
    expect(findAll(echoed, 'maximumRecords', SRW)).toEqual([]);
  });

  it('answers 503 with diagnostic 2 when the configured public network does not exist', async () => {
    const app = await buildApp({ database: t.database, publicNetwork: 'nope' });
    try {
      for (const operation of ['explain', 'searchRetrieve']) {
        const response = await app.inject({ method: 'GET', url: `/sru?operation=${operation}&version=1.2&query=x` });
        expect(response.statusCode).toBe(503);
        expect(response.headers['content-type']).toBe('text/xml; charset=utf-8');
        const root = parseXml(response.body);
        expect(root.name).toBe(`${operation}Response`);
        expect(findAll(root, 'uri', DIAG).map((uri) => uri.text)).toEqual(['info:srw/diagnostic/1/2']);
      }
    } finally {
      await app.close();
    }
  });

  it('ignores extension parameters (x-…)', async () => {
    expect(answerOf(await search('title = "капитанская дочка"', { 'x-client': 'test' }))).toMatchObject({ total: 1, diagnostics: [] });
  });

  it('reports the number of records along with diagnostic 61', async () => {
    expect(answerOf(await search('author = пушкин', { startRecord: '6' })).total).toBe(5);
  });
});
