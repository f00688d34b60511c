/**
 * The in-memory search against PostgreSQL's own full-text search on real records: for each of several
 * hundred queries built from the corpus's titles and names — words, field prefixes, phrases, stop words,
 * ИЛИ, exclusions — the records found must be exactly those `search_vector @@ to_tsquery('russian', …)`
 * finds, and ranked as ts_rank ranks them. Then the index kept in step with writes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../../test/database.js';
import { rusmarcBook } from '../../../../../test/bib-records.js';
import type { Database } from '../../../../db/database.js';
import { systemActor } from '../../../auth/index.js';
import { createNetwork } from '../../../network/index.js';
import { parseSearchBox, readIso2709Buffer, saveBibRecords, searchCatalogue } from '../../index.js';
import { corpusRoot } from '../../marc/corpus.testkit.js';
import { foldKey, titleKey, wordsOf } from '../keys.js';
import type { SearchNode } from '../query.js';

let database: Database;
let networkId: number;

const CORPUS: [file: string, schema: 'marc21' | 'rusmarc'][] = [
  ['amironov73_ManagedIrbis/ibis32_derived_utf8.iso', 'rusmarc'],
  ['loge-gh_rusmarc/TEST1.ISO', 'rusmarc'],
  ['edsu_pymarc/marc.dat', 'marc21'],
  ['edsu_pymarc/regression45.dat', 'marc21'],
];

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'idx', name: 'ЦБС', fullName: 'МБУК «ЦБС»' } }));
  networkId = network.id;
  for (const [file, schema] of CORPUS) {
    const records = [...readIso2709Buffer(readFileSync(path.join(corpusRoot, file)))]
      .flatMap((read) => (read.kind === 'record' ? [{ record: read.record, schema }] : []));
    await database.db.transaction().execute((trx) =>
      saveBibRecords({ trx, actor: systemActor(networkId), records, onMatch: 'skip' }));
  }
}, 120_000);
afterAll(() => database.close());

/** The query as the SQL search wrote it for to_tsquery: the reference the index must agree with. */
function tsquery(node: SearchNode): string {
  switch (node.kind) {
    case 'term': {
      const weight = { any: '', title: ':A', author: ':B', subject: ':C' }[node.field as 'any'];
      return `(${wordsOf(node.text).map((word) => `${word}${weight}`).join(node.phrase ? ' <-> ' : ' & ')})`;
    }
    case 'not': return `!${tsquery(node.child)}`;
    case 'and': return `(${node.children.map(tsquery).join(' & ')})`;
    case 'or': return `(${node.children.map(tsquery).join(' | ')})`;
  }
}

/** The ranking query as the SQL search wrote it: every text term not under a 'not', any of them scoring. */
function rankTsquery(node: SearchNode, negated = false): string[] {
  if (node.kind === 'not') return rankTsquery(node.child, !negated);
  if (node.kind !== 'term') return node.children.flatMap((child) => rankTsquery(child, negated));
  return negated ? [] : [tsquery(node)];
}

/** The exact title or author key of a query, as the search ranks it: one term or an 'and' of terms, of that field or any. */
function exactKey(node: SearchNode, field: 'title' | 'author'): string | null {
  const terms = node.kind === 'term' ? [node] : node.kind === 'and' ? node.children : [];
  if (terms.length === 0 || terms.some((term) => term.kind !== 'term' || (term.field !== 'any' && term.field !== field))) return null;
  const text = terms.map((term) => (term as { text: string }).text).join(' ');
  return (field === 'title' ? titleKey(text) : foldKey(text)) || null;
}

/** Every id our search finds, in its order. */
async function found(text: string): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += 100) {
    const result = await searchCatalogue(database.db, networkId, { query: parseSearchBox(text), offset, limit: 100, correctTypos: false });
    ids.push(...result.hits.map((hit) => hit.id));
    if (offset + 100 >= result.total) {
      expect(ids, text).toHaveLength(result.total);
      return ids;
    }
  }
}

/** The queries: from the stored titles and first names, a deterministic spread of shapes. */
async function queries(): Promise<string[]> {
  const { rows } = await sql<{ title: string; name: string | null }>`SELECT title, persons->0->>'name' AS name
    FROM bib_records WHERE network_id = ${networkId} ORDER BY id`.execute(database.db);
  const list: string[] = [];
  rows.forEach((row, i) => {
    const words = (row.title.match(/[\p{L}\p{N}]{2,}/gu) ?? []).slice(0, 4);
    const surname = row.name?.split(',')[0]?.trim();
    const next = rows[(i * 13 + 5) % rows.length]!.title.match(/\p{L}{3,}/gu)?.[0];
    switch (i % 8) {
      case 0: if (words[0]) list.push(words[0]); break;
      case 1: if (words.length >= 2) list.push(`"${words.slice(0, 3).join(' ')}"`); break;
      case 2: if (words.length >= 2) list.push(words.slice(0, 2).join(' ')); break;
      case 3: if (surname) list.push(`автор:${surname}`); break;
      case 4: if (words[0] && next) list.push(`${words[0]} ИЛИ ${next}`); break;
      case 5: if (words[0] && next) list.push(`${words[0]} -${next}`); break;
      case 6: if (words[0]) list.push(`заглавие:${words[0]} и в`); break;
      case 7: if (words.length >= 2) list.push(`заглавие:"${words.slice(0, 2).join(' ')}"`); break;
    }
  });
  return list;
}

describe('the in-memory search', () => {
  it('finds exactly what PostgreSQL full-text search finds, for several hundred corpus queries', async () => {
    const list = await queries();
    expect(list.length).toBeGreaterThan(150);
    let nonEmpty = 0;
    for (const text of list) {
      const query = parseSearchBox(text)!;
      const expected = (await sql<{ id: number }>`SELECT id FROM bib_records
        WHERE network_id = ${networkId} AND search_vector @@ to_tsquery('russian', ${tsquery(query)}) ORDER BY id`.execute(database.db)).rows.map((row) => row.id);
      const ours = (await found(text)).sort((a, b) => a - b);
      expect(ours, `${text} → ${tsquery(query)}`).toEqual(expected);
      if (expected.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('ranks as before: the exact title, the exact author, then ts_rank (by proximity for a phrase)', async () => {
    const list = await queries();
    expect(list.filter((text) => text.startsWith('"')).length).toBeGreaterThan(20);
    for (const text of list) {
      const query = parseSearchBox(text)!;
      const rank = rankTsquery(query).join(' | ');
      const expected = (await sql<{ id: number }>`SELECT id FROM bib_records
        WHERE network_id = ${networkId} AND search_vector @@ to_tsquery('russian', ${tsquery(query)})
        ORDER BY coalesce(title_key = ${exactKey(query, 'title')}::text, false) DESC,
          coalesce(${exactKey(query, 'author')}::text = ANY(author_keys), false) DESC,
          ts_rank(search_vector, to_tsquery('russian', ${rank})) DESC, id`.execute(database.db)).rows.map((row) => row.id);
      expect(await found(text), text).toEqual(expected);
    }
  });

  it('follows the catalogue: a record added, changed or deleted after the index was loaded', async () => {
    const search = async (text: string) => (await searchCatalogue(database.db, networkId, { query: parseSearchBox(text), correctTypos: false })).hits.map((hit) => hit.title);
    expect(await search('жирафы')).toEqual([]);
    const save = (title: string) => database.db.transaction().execute((trx) => saveBibRecords({
      trx, actor: systemActor(networkId), records: [{ record: rusmarcBook({ id: 'sync-1', title }), schema: 'rusmarc' }], onMatch: 'replace',
    }));
    await save('Жирафы и слоны');
    expect(await search('жирафы')).toEqual(['Жирафы и слоны']);
    await save('Бегемоты и слоны');
    expect(await search('жирафы')).toEqual([]);
    expect(await search('бегемот')).toEqual(['Бегемоты и слоны']);
    // A transaction that writes and rolls back leaves the index as it was.
    await database.db.transaction().execute(async (trx) => {
      await sql`UPDATE bib_records SET title = 'x' WHERE control_number = 'sync-1'`.execute(trx);
      await sql`DELETE FROM bib_records WHERE control_number = 'sync-1'`.execute(trx);
      throw new Error('rolled back');
    }).catch(() => undefined);
    expect(await search('бегемот')).toEqual(['Бегемоты и слоны']);
    await sql`DELETE FROM bib_records WHERE control_number = 'sync-1'`.execute(database.db);
    expect(await search('бегемот')).toEqual([]);
  });
});
