import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/database.js';
import type { Database } from '../../db/database.js';
import { systemActor, type Actor } from '../auth/index.js';
import { createNetwork } from '../network/index.js';
import { parseSearchBox, readIso2709Buffer, refreshCatalogueProjection, saveBibRecords, searchCatalogue, type MarcRecord } from './index.js';
import { PROJECTION_VERSION } from './projection/project.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** IRBIS records of RUSMARC sets and collections: «Общевоинские уставы…» lists its four statutes in 464. */
const test1: MarcRecord[] = [...readIso2709Buffer(readFileSync(path.resolve(repoRoot, '../shared/data/marc/loge-gh_rusmarc/TEST1.ISO')))]
  .flatMap((result) => (result.kind === 'record' ? [result.record] : []));

let database: Database;
let actor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  const network = await database.db.transaction().execute((trx) =>
    createNetwork({ trx, input: { code: 'proj', name: 'ЦБС', fullName: 'МБУК «ЦБС»' } }));
  actor = systemActor(network.id);
  await database.db.transaction().execute((trx) =>
    saveBibRecords({ trx, actor, records: test1.map((record) => ({ record, schema: 'rusmarc' as const })), onMatch: 'skip' }));
});
afterAll(() => database.close());

const statutes = () => searchCatalogue(database.db, actor.networkId, { query: parseSearchBox('"дисциплинарный устав"'), correctTypos: false });

/** The state an older program left: records with the projection of version 1 (no contents, no 461 sets). */
async function ageTheCatalogue(ids?: number[]) {
  await sql`UPDATE bib_records SET contents = '{}', series = '{}', title = 'старое', title_key = 'старое',
    search_vector = to_tsvector('russian', 'старое'), projection_version = 1
    WHERE ${ids ? sql`id = ANY(${ids}::bigint[])` : sql`true`}`.execute(database.db);
}

const versions = async () => (await sql<{ v: number }>`SELECT DISTINCT projection_version AS v FROM bib_records`.execute(database.db)).rows.map((row) => row.v);

describe('bringing stored records up to the current projection', () => {
  it('has nothing to do after records are saved: they carry the current projection', async () => {
    expect(await versions()).toEqual([PROJECTION_VERSION]);
    expect(await refreshCatalogueProjection({ db: database.db })).toEqual({ refreshed: 0, failed: [] });
  });

  it('re-projects every record of an older projection, in batches, leaving the records and their dates alone', async () => {
    const before = (await sql<{ id: number; record: unknown; updated_at: Date }>`SELECT id, record, updated_at FROM bib_records ORDER BY id`
      .execute(database.db)).rows;
    await ageTheCatalogue();
    expect((await statutes()).total).toBe(0);

    const progress: { refreshed: number; total: number }[] = [];
    const { refreshed } = await refreshCatalogueProjection({ db: database.db, onProgress: (p) => progress.push(p) });
    expect(refreshed).toBe(before.length);
    expect(progress.at(-1)).toEqual({ refreshed: before.length, total: before.length });
    expect(await versions()).toEqual([PROJECTION_VERSION]);

    // Contents (464) searchable and shown again, sets (461) and titles back.
    const found = await statutes();
    expect(found.hits.map((hit) => hit.title)).toEqual(['Общевоинские уставы Вооруженных сил Российской Федерации']);
    const row = await database.db.selectFrom('bib_records').select(['contents', 'title']).where('id', '=', found.hits[0]!.id).executeTakeFirstOrThrow();
    expect(row.contents).toContain('Дисциплинарный устав');
    expect(await database.db.selectFrom('bib_records').select('id').where('title', '=', 'старое').execute()).toEqual([]);
    expect((await sql<{ n: number }>`SELECT count(*)::int AS n FROM bib_records WHERE series <> '{}'`.execute(database.db)).rows[0]!.n).toBeGreaterThan(0);

    const after = (await sql<{ id: number; record: unknown; updated_at: Date }>`SELECT id, record, updated_at FROM bib_records ORDER BY id`
      .execute(database.db)).rows;
    expect(after).toEqual(before);
    expect(await refreshCatalogueProjection({ db: database.db })).toEqual({ refreshed: 0, failed: [] });
  });

  it('re-projects only the records still stale (a refresh cut short resumes with them)', async () => {
    const ids = (await database.db.selectFrom('bib_records').select('id').orderBy('id').execute()).map((row) => row.id);
    await ageTheCatalogue(ids.slice(-2));
    expect(await refreshCatalogueProjection({ db: database.db })).toEqual({ refreshed: 2, failed: [] });
    expect(await database.db.selectFrom('bib_records').select('id').where('title', '=', 'старое').execute()).toEqual([]);
  });

  it('counts a row written without a version (an SQL copy, a row of before migration 0013) as stale', async () => {
    const original = await database.db.selectFrom('bib_records').select(['id', 'title']).orderBy('id').limit(1).executeTakeFirstOrThrow();
    const { rows: [copy] } = await sql<{ id: number }>`INSERT INTO bib_records (network_id, schema, record, title, search_vector)
      SELECT network_id, schema, record, 'копия', to_tsvector('') FROM bib_records WHERE id = ${original.id} RETURNING id`.execute(database.db);
    // The copy's new projection would give it the control number its original has: refused by the unique index,
    // reported, left as it was; the other stale record is brought up to date all the same.
    const [other] = (await database.db.selectFrom('bib_records').select('id').orderBy('id', 'desc').offset(1).limit(1).execute());
    await ageTheCatalogue([other!.id]);
    const result = await refreshCatalogueProjection({ db: database.db });
    expect(result.refreshed).toBe(1);
    expect(result.failed).toEqual([{ id: copy!.id, reason: expect.stringContaining('bib_records_control_number') }]);
    expect(await database.db.selectFrom('bib_records').select(['title', 'projection_version']).where('id', '=', copy!.id).executeTakeFirstOrThrow())
      .toEqual({ title: 'копия', projection_version: 1 });
    expect(await database.db.selectFrom('bib_records').select('id').where('title', '=', 'старое').execute()).toEqual([]);
    await database.db.deleteFrom('bib_records').where('id', '=', copy!.id).execute();
  });
});
