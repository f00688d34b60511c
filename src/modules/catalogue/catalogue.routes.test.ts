import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type TestApp } from '../../../test/app.js';
import { systemActor } from '../auth/index.js';
import { createNetwork } from '../network/index.js';
import { saveBibRecords, type MarcRecord } from './index.js';

let t: TestApp;

const record: MarcRecord = {
  leader: '00000nam0 2200000   450 ',
  fields: [
    { tag: '001', value: 'RU-route-1' },
    { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '978-5-901202-50-0']] },
    { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Капитанская дочка'], ['e', 'повесть'], ['f', 'А. С. Пушкин']] },
    { tag: '210', ind1: ' ', ind2: ' ', subfields: [['a', 'Москва'], ['c', 'Детская литература'], ['d', '2019']] },
    { tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', '12+']] },
    { tag: '700', ind1: ' ', ind2: '1', subfields: [['a', 'Пушкин'], ['g', 'Александр Сергеевич'], ['4', '070']] },
  ],
};

const saveIn = (networkId: number) => t.database.db.transaction().execute(async (trx) => {
  await saveBibRecords({ trx, actor: systemActor(networkId), records: [{ record, schema: 'rusmarc' }], onMatch: 'skip' });
  return (await trx.selectFrom('bib_records').select('id').where('network_id', '=', networkId).executeTakeFirstOrThrow()).id;
});

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/catalogue/records/:id', () => {
  it('shows any signed-in user of the network the projection and the record as stored', async () => {
    const id = await saveIn(t.networkId);
    const director = await t.signIn('director');
    const response = await director.get(`/api/catalogue/records/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id, schema: 'rusmarc', controlNumber: 'RU-route-1', title: 'Капитанская дочка', subtitle: 'повесть',
      responsibility: 'А. С. Пушкин', publisher: 'Детская литература', year: 2019, isbns: ['978-5-901202-50-0'], ageRating: '12+',
      persons: [{ name: 'Пушкин, Александр Сергеевич', kind: 'person', roles: ['aut'], primary: true }],
      record,
    });
  });

  it('answers 404 for a record of another network and 401 without a session', async () => {
    const other = await t.database.db.transaction().execute((trx) =>
      createNetwork({ trx, input: { code: 'other', name: 'Другая ЦБС', fullName: 'МБУК «Другая ЦБС»' } }));
    const foreignId = await saveIn(other.id);
    const admin = await t.signIn('admin');
    expect((await admin.get(`/api/catalogue/records/${foreignId}`)).statusCode).toBe(404);
    expect((await clientOf(t.app).get(`/api/catalogue/records/${foreignId}`)).statusCode).toBe(401);
  });
});
