import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.js';
import { readMarcXmlString, saveBibRecords, type MarcRecord } from '../catalogue/index.js';
import { CAPTAINS_DAUGHTER, SRU_TEST_RECORDS } from './test-records.js';

/**
 * A real SRU client against the listening server: Debian's yaz-client (package `yaz`, installed by
 * .ci/run), driven through its stdin as a librarian would type the commands.
 */

let t: TestApp;
let baseUrl: string;

beforeAll(async () => {
  t = await startTestApp();
  await t.database.db.transaction().execute((trx) =>
    saveBibRecords({ trx, actor: t.system, records: SRU_TEST_RECORDS, onMatch: 'skip' }));
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/sru`;
});
afterAll(() => t.close());

/** Runs yaz-client with the commands on its stdin; resolves with what it printed. */
function yazClient(commands: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/yaz-client', [], { env: { ...process.env, LANG: 'C.UTF-8', HOME: '/nonexistent' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(output);
    });
    child.stdin.end(`${commands.join('\n')}\nquit\n`);
  });
}

/** The MARCXML records yaz-client printed, read back by our own reader. */
function printedRecords(output: string): MarcRecord[] {
  const documents = output.match(/<record xmlns="http:\/\/www\.loc\.gov\/MARC21\/slim">[\s\S]*?<\/record>/g) ?? [];
  return documents.flatMap((xml) => [...readMarcXmlString(xml)]).map((result) => {
    if (result.kind !== 'record') throw new Error(result.reason);
    return result.record;
  });
}

const hitsOf = (output: string) => [...output.matchAll(/Number of hits: (\d+)/g)].map((match) => Number(match[1]));
const titleOf = (record: MarcRecord) => {
  const field = record.fields.find((f) => f.tag === '200' || f.tag === '245');
  return field && 'subfields' in field ? field.subfields.find(([code]) => code === 'a')?.[1] : undefined;
};

describe('yaz-client as a real SRU client', () => {
  it('searches /sru over SRU GET 1.2 with a Cyrillic CQL query and receives the MARCXML record', async () => {
    const output = await yazClient([
      `open ${baseUrl}`, 'sru get 1.2', 'querytype cql', 'format xml', 'schema marcxml',
      'find title="капитанская дочка" and author=пушкин', 'show 1',
    ]);
    expect(output).toContain('Received SRW SearchRetrieve Response');
    expect(hitsOf(output)).toEqual([1, 1]);
    expect(output).not.toMatch(/Diagnostic/i);
    expect(printedRecords(output)).toEqual([CAPTAINS_DAUGHTER]);
  });

  it('pages through several records with show, over SRU POST as well', async () => {
    for (const method of ['get', 'post']) {
      const output = await yazClient([
        `open ${baseUrl}`, `sru ${method} 1.2`, 'querytype cql', 'find author=пушкин sortBy year', 'show 1+3', 'show 4+2',
      ]);
      expect(hitsOf(output), output).toEqual([5, 5, 5]);
      expect(output).toMatch(/pos=1 schema=info:srw\/schema\/1\/marcxml-v1\.1/);
      expect(printedRecords(output).map(titleOf))
        .toEqual(['Евгений Онегин', 'Сказка о рыбаке и рыбке', 'Сказка о царе Салтане', 'Пиковая дама', 'Капитанская дочка']);
    }
  });

  it('searches /sru as yaz-client does when told nothing of the method: SOAP (SRW)', async () => {
    const output = await yazClient([`open ${baseUrl}`, 'querytype cql', 'format xml', 'schema marcxml', 'find title="капитанская дочка"', 'show 1']);
    expect(output).toContain('Received SRW SearchRetrieve Response');
    expect(hitsOf(output)).toEqual([1, 1]);
    expect(printedRecords(output)).toEqual([CAPTAINS_DAUGHTER]);
  });

  it('shows the server’s diagnostic for an unsupported index', async () => {
    const output = await yazClient([`open ${baseUrl}`, 'sru get 1.2', 'querytype cql', 'find dc.publisher=эксмо']);
    expect(output).toMatch(/info:srw\/diagnostic\/1\/16/);
    expect(output).toContain('dc.publisher');
  });
});
