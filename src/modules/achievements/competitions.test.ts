import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, competitionInput, staffMemberInput } from '../../../test/factories.js';
import { systemActor } from '../auth/index.js';
import { createBranch, createNetwork } from '../network/index.js';
import { createStaffMember } from '../staff/index.js';

let t: TestApp;
let admin: Client;
let branchA: number;
let branchB: number;
let staffA: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  branchA = (await admin.post('/api/branches', branchInput({ name: 'Центральная библиотека', type: 'central' }))).json().id;
  branchB = (await admin.post('/api/branches', branchInput({ name: 'Новоюгинская сельская библиотека' }))).json().id;
  staffA = (await admin.post('/api/staff', staffMemberInput(branchA, { lastName: 'Вялова', firstName: 'Анастасия', middleName: 'Викторовна' }))).json().id;
});
afterAll(() => t.close());

const count = async (table: 'competitions' | 'competition_entries' | 'awards' | 'competition_entry_staff') =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;

describe('competitions, entries and awards', () => {
  it('keeps a competition with its entries and their results, worded as the report words them', async () => {
    const competition = (await admin.post('/api/competitions', competitionInput({
      name: 'Из сотен разных языков я выбираю лучший', organiser: 'ТОУНБ', nominations: ['Чтение', 'Видео'],
    }))).json();
    const entry = await admin.post(`/api/competitions/${competition.id}/entries`, {
      branchId: branchA, participantKind: 'staff', staffMemberIds: [staffA], nomination: 'Видео', workTitle: 'Слово о языке',
      awards: [{ result: 'place', rank: 3 }],
    });
    expect(entry.statusCode).toBe(201);
    expect(entry.json()).toMatchObject({
      participantLabel: 'Вялова А. В. (Центральная библиотека)', nomination: 'Видео',
      awards: [{ result: 'place', rank: 3, wording: '3 место', document: null }],
    });
    const award = await admin.post(`/api/competition-entries/${entry.json().id}/awards`, { result: 'monetary', amountKopecks: 1_000_000, note: 'премия' });
    expect(award.statusCode).toBe(201);
    expect(award.json().wording).toBe('Денежное поощрение 10\u00a0000\u00a0руб.');

    const card = (await admin.get(`/api/competitions/${competition.id}`)).json();
    expect(card.entries[0].awards.map((a: { wording: string }) => a.wording)).toEqual(['3 место', 'Денежное поощрение 10\u00a0000\u00a0руб.']);
    expect(card.text).toBe('«Из сотен разных языков я выбираю лучший» (ТОУНБ) в номинации «Видео»: '
      + 'Вялова А. В. (Центральная библиотека), работа «Слово о языке» — 3 место, Денежное поощрение 10\u00a0000\u00a0руб.');
  });

  it('records a reader prepared by a staff member, and a team', async () => {
    const competition = (await admin.post('/api/competitions', competitionInput({ name: 'Это славное имя — Пушкин' }))).json();
    const reader = await admin.post(`/api/competitions/${competition.id}/entries`, {
      branchId: branchA, participantKind: 'reader', readerName: 'Иванова Мария', preparedByStaffId: staffA, awards: [{ result: 'diploma', rank: 2 }],
    });
    expect(reader.json()).toMatchObject({
      preparedBy: { id: staffA, shortName: 'Вялова А. В.' },
      participantLabel: 'читатель Иванова Мария, подготовил(а) Вялова А. В. (Центральная библиотека)',
      awards: [{ wording: 'Диплом 2 степени' }],
    });
    const team = await admin.post(`/api/competitions/${competition.id}/entries`, {
      branchId: branchB, participantKind: 'team', teamName: 'Юные пушкинисты', staffMemberIds: [staffA],
    });
    expect(team.json().participantLabel).toBe('команда «Юные пушкинисты»: Вялова А. В. (Новоюгинская сельская библиотека)');
  });

  it('lists competitions by year, level and branch, showing only the branch’s entries when filtered by it', async () => {
    const shared = (await admin.post('/api/competitions', competitionInput({ name: 'Пасхальная радость', year: 2022, level: 'district' }))).json();
    await admin.post(`/api/competitions/${shared.id}/entries`, { branchId: branchA, participantKind: 'branch', awards: [{ result: 'place', rank: 1 }] });
    await admin.post(`/api/competitions/${shared.id}/entries`, { branchId: branchB, participantKind: 'branch', awards: [{ result: 'participation_certificate' }] });
    await admin.post('/api/competitions', competitionInput({ name: 'Без участий', year: 2022, level: 'district' }));

    const ofYear = (await admin.get('/api/competitions?year=2022&level=district')).json();
    expect(ofYear.items.map((c: { name: string }) => c.name)).toEqual(['Без участий', 'Пасхальная радость']);
    const ofBranch = (await admin.get(`/api/competitions?year=2022&branch=${branchB}`)).json();
    expect(ofBranch.total).toBe(1);
    expect(ofBranch.items[0].entries.map((e: { branchId: number }) => e.branchId)).toEqual([branchB]);
    expect((await admin.get('/api/competitions?q=пасхальная')).json().total).toBe(1);
    const firstPage = (await admin.get('/api/competitions?pageSize=2&page=2')).json();
    expect(firstPage).toMatchObject({ page: 2, pageSize: 2 });
    expect(firstPage.items).toHaveLength(2);
  });

  it('changes a competition’s nominations, but keeps one that entries name', async () => {
    const competition = (await admin.post('/api/competitions', competitionInput({ nominations: ['Проза', 'Поэзия'] }))).json();
    await admin.post(`/api/competitions/${competition.id}/entries`, { branchId: branchA, participantKind: 'branch', nomination: 'Поэзия' });
    const dropUsed = await admin.patch(`/api/competitions/${competition.id}`, { nominations: ['Проза'] });
    expect(dropUsed.statusCode).toBe(409);
    expect(dropUsed.json()).toMatchObject({ field: 'nominations' });
    expect(dropUsed.json().detail).toContain('Поэзия');
    const changed = await admin.patch(`/api/competitions/${competition.id}`, { nominations: ['Поэзия', 'Эссе'], level: 'national' });
    expect(changed.json()).toMatchObject({ nominations: ['Поэзия', 'Эссе'], level: 'national' });
    const audit = (await admin.get(`/api/audit?entity=competition&entityId=${competition.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'update', before: { level: 'regional' }, after: { level: 'national' } });
  });

  it('removes a mistaken award, and a mistaken entry with its awards, keeping both in the audit log', async () => {
    const competition = (await admin.post('/api/competitions', competitionInput())).json();
    const entry = (await admin.post(`/api/competitions/${competition.id}/entries`, {
      branchId: branchA, participantKind: 'branch', awards: [{ result: 'thanks_letter' }, { result: 'winner_diploma' }],
    })).json();
    expect((await admin.delete(`/api/awards/${entry.awards[0].id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/competitions/${competition.id}`)).json().entries[0].awards.map((a: { result: string }) => a.result))
      .toEqual(['winner_diploma']);
    expect((await admin.delete(`/api/competition-entries/${entry.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/competitions/${competition.id}`)).json().entries).toEqual([]);
    const audit = (await admin.get(`/api/audit?entity=competition_entry&entityId=${entry.id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expect(audit.items[0].before.awards).toHaveLength(1);
  });
});

describe('bad entries are refused, naming the field, and nothing is written', () => {
  let competitionId: number;
  beforeAll(async () => {
    competitionId = (await admin.post('/api/competitions', competitionInput({ nominations: ['Рисунок'] }))).json().id;
  });

  const refused = async (body: object, field: string) => {
    const before = await Promise.all([count('competition_entries'), count('awards'), count('competition_entry_staff')]);
    const response = await admin.post(`/api/competitions/${competitionId}/entries`, body);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().field, response.body).toBe(field);
    expect(response.json().detail).toMatch(/[а-яё]/i);
    expect(await Promise.all([count('competition_entries'), count('awards'), count('competition_entry_staff')])).toEqual(before);
    return response.json();
  };

  it('refuses missing required fields', async () => {
    await refused({ participantKind: 'branch' }, 'branchId');
    await refused({ branchId: branchA }, 'participantKind');
    await refused({ branchId: branchA, participantKind: 'reader' }, 'readerName');
    await refused({ branchId: branchA, participantKind: 'staff' }, 'staffMemberIds');
    await refused({ branchId: branchA, participantKind: 'team', staffMemberIds: [staffA] }, 'teamName');
  });

  it('refuses results without their rank or amount, or with one they cannot have', async () => {
    await refused({ branchId: branchA, participantKind: 'branch', awards: [{ result: 'place' }] }, 'awards.0.rank');
    await refused({ branchId: branchA, participantKind: 'branch', awards: [{ result: 'diploma', rank: 4 }] }, 'awards.0.rank');
    await refused({ branchId: branchA, participantKind: 'branch', awards: [{ result: 'winner_diploma', rank: 1 }] }, 'awards.0.rank');
    await refused({ branchId: branchA, participantKind: 'branch', awards: [{ result: 'place', rank: 1 }, { result: 'monetary' }] }, 'awards.1.amountKopecks');
    await refused({ branchId: branchA, participantKind: 'branch', awards: [{ result: 'thanks_letter', amountKopecks: 100 }] }, 'awards.0.amountKopecks');
  });

  it('refuses a nomination the competition does not have, saying which it has', async () => {
    const problem = await refused({ branchId: branchA, participantKind: 'branch', nomination: 'Вокал' }, 'nomination');
    expect(problem.detail).toContain('«Рисунок»');
  });

  it('refuses an entry whose staff belong to another network of the same server', async () => {
    const networkB = await t.database.db.transaction().execute(async (trx) => {
      const network = await createNetwork({ trx, input: { code: 'other', name: 'Другая ЦБС', fullName: 'Другая ЦБС' } });
      const actor = systemActor(network.id);
      const branch = await createBranch({ trx, actor, input: branchInput() });
      const member = await createStaffMember({ trx, actor, input: staffMemberInput(branch.id) });
      return { branchId: branch.id, staffId: member.id };
    });
    const problem = await refused({ branchId: branchA, participantKind: 'staff', staffMemberIds: [networkB.staffId] }, 'staffMemberIds');
    expect(problem.detail).toContain(String(networkB.staffId));
    await refused({ branchId: networkB.branchId, participantKind: 'branch' }, 'branchId');
  });

  it('refuses ids that exist nowhere, and a competition that does not exist', async () => {
    await refused({ branchId: 999_999, participantKind: 'branch' }, 'branchId');
    await refused({ branchId: branchA, participantKind: 'reader', readerName: 'Читатель', preparedByStaffId: 999_999 }, 'preparedByStaffId');
    expect((await admin.post('/api/competitions/999999/entries', { branchId: branchA, participantKind: 'branch' })).statusCode).toBe(404);
  });
});

describe('who may record achievements', () => {
  it('lets the methodologist compile competitions and entries of any branch', async () => {
    const methodologist = await t.signIn('methodologist');
    const competition = await methodologist.post('/api/competitions', competitionInput());
    expect(competition.statusCode).toBe(201);
    expect((await methodologist.post(`/api/competitions/${competition.json().id}/entries`, { branchId: branchB, participantKind: 'branch' })).statusCode)
      .toBe(201);
  });

  it('lets a librarian add entries and awards for their own branch only, not create competitions', async () => {
    const competition = (await admin.post('/api/competitions', competitionInput())).json();
    const librarian = await t.signIn('librarian', [branchB]);
    expect((await librarian.post('/api/competitions', competitionInput())).statusCode).toBe(403);
    const own = await librarian.post(`/api/competitions/${competition.id}/entries`, { branchId: branchB, participantKind: 'branch' });
    expect(own.statusCode).toBe(201);
    expect((await librarian.post(`/api/competition-entries/${own.json().id}/awards`, { result: 'place', rank: 2 })).statusCode).toBe(201);
    expect((await librarian.post(`/api/competitions/${competition.id}/entries`, { branchId: branchA, participantKind: 'branch' })).statusCode).toBe(403);
    const othersEntry = (await admin.post(`/api/competitions/${competition.id}/entries`, { branchId: branchA, participantKind: 'branch' })).json();
    expect((await librarian.post(`/api/competition-entries/${othersEntry.id}/awards`, { result: 'place', rank: 1 })).statusCode).toBe(403);
    expect((await librarian.delete(`/api/competition-entries/${othersEntry.id}`)).statusCode).toBe(403);
  });

  it('keeps the director read-only', async () => {
    const director = await t.signIn('director');
    expect((await director.get('/api/competitions')).statusCode).toBe(200);
    expect((await director.get('/api/achievements/summary?year=2023')).statusCode).toBe(200);
    expect((await director.post('/api/competitions', competitionInput())).statusCode).toBe(403);
  });
});
