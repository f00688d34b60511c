import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, staffMemberInput } from '../../../test/factories.js';
import { systemActor } from '../auth/index.js';
import { createBranch, createNetwork } from '../network/index.js';

let t: TestApp;
let admin: Client;
let central: number;
let novoyugino: number;
let vyalova: number;

const AWARDS = 'Областной конкурс «Пасхальная радость» – Центральная библиотека 1 место, Новоюгинская сельская библиотека – сертификат; '
  + 'Областной конкурс «Лучшая рождественская выставка 2023»: 1 место Центральная библиотека, Новоюгинская сельская библиотека – сертификат за участие;';
/** The awards passage comes twice, the second time with the line breaks of a PDF, as pasted reports do. */
const PASSAGE = [
  'Победитель 1 место сотрудник центральной библиотеки Вялова А.В. в конкурсе «Успех»;',
  AWARDS,
  '2 сотрудника центральной библиотеки входили в состав жюри Всероссийского конкурса юных чтецов «Живая классика»;',
  'В марте 2023 года состоялся «Семинар работников культуры района».',
  AWARDS.replace(/ (?=Новоюгинская|библиотека 1|«Лучшая)/g, '\n\n'),
].join('\n');

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  central = (await admin.post('/api/branches', branchInput({ name: 'Центральная районная библиотека', type: 'central' }))).json().id;
  novoyugino = (await admin.post('/api/branches', branchInput({ name: 'Новоюгинская сельская библиотека' }))).json().id;
  vyalova = (await admin.post('/api/staff', staffMemberInput(central, { lastName: 'Вялова', firstName: 'Анна', middleName: 'Викторовна' }))).json().id;
});
afterAll(() => t.close());

type Proposal = { kind: string; key: string; [field: string]: unknown };
const propose = async (client: Client, text = PASSAGE) => (await client.post('/api/imports/report-text', { text })).json() as { year: number; proposals: Proposal[] };
const acceptAll = (proposals: Proposal[]) => proposals.map((p) => ({ ...p, accepted: true }));
const competitions = async () => (await admin.get('/api/competitions?year=2023')).json() as {
  total: number; items: { name: string; level: string; entries: { participantLabel: string; awards: { wording: string }[] }[] }[];
};

describe('proposing records from report text', () => {
  it('proposes the awards of a passage with its repeated sentence merged, and writes nothing', async () => {
    const { year, proposals } = await propose(admin);
    expect(year).toBe(2023);
    const awards = proposals.filter((p) => p.kind === 'award');
    const participant = (a: Proposal) => a.participant as { branchId: number; staffMemberId: number | null };
    expect(awards.map((a) => [a.competition, a.level, participant(a).staffMemberId ?? participant(a).branchId])).toEqual([
      ['Успех', null, vyalova],
      ['Пасхальная радость', 'regional', central], ['Пасхальная радость', 'regional', novoyugino],
      ['Лучшая рождественская выставка 2023', 'regional', central], ['Лучшая рождественская выставка 2023', 'regional', novoyugino],
    ]);
    expect(awards[0]!.warnings).toContain('уровень не указан');
    expect(proposals.map((p) => p.kind)).toEqual(['award', 'award', 'award', 'award', 'award', 'jury', 'seminar']);
    expect((await competitions()).total).toBe(0);
  });

  it('is for the administrator and the methodologist only', async () => {
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/imports/report-text', { text: PASSAGE })).statusCode).toBe(200);
    for (const role of ['librarian', 'director'] as const) {
      const client = await t.signIn(role, role === 'librarian' ? [central] : []);
      expect((await client.post('/api/imports/report-text', { text: PASSAGE })).statusCode, role).toBe(403);
      expect((await client.post('/api/imports/report-text/confirm', { year: 2023, proposals: [] })).statusCode, role).toBe(400);
    }
  });
});

describe('confirming reviewed proposals', () => {
  it('refuses an accepted proposal left incomplete, naming it and its field, and saves none of the others', async () => {
    const { proposals } = await propose(admin);
    const response = await admin.post('/api/imports/report-text/confirm', { year: 2023, proposals: acceptAll(proposals) });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['proposals.0.level', 'proposals.5.staffMemberIds']));
    expect(response.json().detail).toMatch(/proposals\.0\.level: /);
    expect((await competitions()).total).toBe(0);
  });

  it('refuses a participant from another network, naming the proposal', async () => {
    const other = await t.database.db.transaction().execute(async (trx) => {
      const network = await createNetwork({ trx, input: { code: 'other', name: 'Другая ЦБС', fullName: 'Другая ЦБС' } });
      return createBranch({ trx, actor: systemActor(network.id), input: branchInput() });
    });
    const { proposals } = await propose(admin);
    const first = proposals[1]!;
    const response = await admin.post('/api/imports/report-text/confirm', {
      year: 2023, proposals: [{ ...first, participant: { ...(first.participant as object), branchId: other.id }, accepted: true }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('proposals.0.participant');
    expect((await competitions()).total).toBe(0);
  });

  it('saves the accepted proposals with the reviewer\'s corrections, one competition for its entries, and skips the rejected', async () => {
    const methodologist = await t.signIn('methodologist');
    const { proposals } = await propose(methodologist);
    const reviewed = proposals.map((p) => {
      if (p.key === 'p1') return { ...p, level: 'national', accepted: true };
      if (p.kind === 'jury') return { ...p, accepted: false };
      if (p.kind === 'seminar') return { ...p, heldOn: '2023-03-15', attendeeStaffIds: [vyalova], accepted: true };
      return { ...p, accepted: true };
    });
    const response = await methodologist.post('/api/imports/report-text/confirm', { year: 2023, proposals: reviewed });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ accepted: 6, rejected: 1 });

    const { items } = await competitions();
    expect(items.map((c) => [c.name, c.level, c.entries.map((e) => e.awards.map((a) => a.wording).join())])).toEqual(expect.arrayContaining([
      ['Пасхальная радость', 'regional', ['1 место', 'Сертификат участника']],
      ['Лучшая рождественская выставка 2023', 'regional', ['1 место', 'Сертификат участника']],
      ['Успех', 'national', ['1 место']],
    ]));
    expect(items).toHaveLength(3);
    expect((await admin.get('/api/jury-memberships?year=2023')).json().items).toEqual([]);
    const seminars = (await admin.get('/api/seminars?year=2023')).json();
    expect(JSON.stringify(seminars)).toContain('Семинар работников культуры района');
  });

  it('adds the branch’s participation to a campaign the network already has for the year, instead of a second campaign', async () => {
    const existing = (await admin.post('/api/campaigns', { name: 'Библионочь-2023', year: 2023, level: 'national' })).json();
    const { proposals } = await propose(admin, 'Центральная библиотека приняла участие во Всероссийской акции «Библионочь-2023»;');
    expect(proposals.map((p) => p.kind)).toEqual(['campaign']);
    const response = await admin.post('/api/imports/report-text/confirm', { year: 2023, proposals: acceptAll(proposals) });
    expect(response.statusCode, response.body).toBe(201);
    const campaigns = (await admin.get('/api/campaigns?year=2023&q=Библионочь')).json();
    expect(campaigns.items.map((c: { id: number }) => c.id)).toEqual([existing.id]);
    const card = (await admin.get(`/api/campaigns/${existing.id}`)).json();
    expect(JSON.stringify(card)).toContain('Центральная районная библиотека');
  });

  it('adds an entry to a competition typed by hand before, whatever the case of its name, with the new nomination', async () => {
    const typed = (await admin.post('/api/competitions', { name: 'Моя малая родина', year: 2023, level: 'regional', nominations: ['Эссе'] })).json();
    const { proposals } = await propose(admin, 'Областной конкурс «моя малая Родина» в номинации «Видеоролик» – Новоюгинская сельская библиотека – 2 место;');
    const response = await admin.post('/api/imports/report-text/confirm', { year: 2023, proposals: acceptAll(proposals) });
    expect(response.statusCode, response.body).toBe(201);
    const card = (await admin.get(`/api/competitions/${typed.id}`)).json();
    expect(card.nominations).toEqual(['Эссе', 'Видеоролик']);
    expect(card.entries.map((e: { nomination: string }) => e.nomination)).toEqual(['Видеоролик']);
    expect((await admin.get('/api/competitions?year=2023&q=малая')).json().total).toBe(1);
  });
});
