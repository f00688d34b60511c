import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, staffMemberInput } from '../../../test/factories.js';

let t: TestApp;
let admin: Client;
let central: number;
let children: number;
let vyalova: number;
let sanina: number;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.signIn('admin');
  central = (await admin.post('/api/branches', branchInput({ name: 'Центральная библиотека', type: 'central' }))).json().id;
  children = (await admin.post('/api/branches', branchInput({ name: 'Детская библиотека', type: 'children' }))).json().id;
  vyalova = (await admin.post('/api/staff', staffMemberInput(central, { lastName: 'Вялова', firstName: 'Анастасия', middleName: 'Викторовна' }))).json().id;
  sanina = (await admin.post('/api/staff', staffMemberInput(children, { lastName: 'Санина', firstName: 'Светлана', middleName: 'Александровна' }))).json().id;
});
afterAll(() => t.close());

const rows = async (table: string) => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;

describe('jury work', () => {
  it('records staff on a jury with the branch each worked in, and keeps that branch after a transfer', async () => {
    const jury = await admin.post('/api/jury-memberships', {
      competitionName: 'Живая классика', year: 2023, level: 'national', staffMemberIds: [vyalova, sanina],
    });
    expect(jury.statusCode).toBe(201);
    expect(jury.json().text).toBe('«Живая классика» (всероссийский уровень) — Вялова А. В. (Центральная библиотека), Санина С. А. (Детская библиотека).');


    const mover = (await admin.post('/api/staff', staffMemberInput(children, { lastName: 'Рябова' }))).json().id;
    await admin.post('/api/jury-memberships', { competitionName: 'Книжная радуга', year: 2021, level: 'district', staffMemberIds: [mover] });
    await admin.patch(`/api/staff/${mover}`, { branchId: central });
    const listed = (await admin.get(`/api/jury-memberships?year=2021&branch=${children}`)).json();
    expect(listed.total).toBe(1);
    expect(listed.items[0].members).toEqual([expect.objectContaining({ branchName: 'Детская библиотека' })]);
  });

  it('refuses a jury without members, or with someone from outside the network, and writes nothing', async () => {
    const before = [await rows('jury_memberships'), await rows('jury_members')];
    const empty = await admin.post('/api/jury-memberships', { competitionName: 'Живая классика', year: 2023, level: 'national', staffMemberIds: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().field).toBe('staffMemberIds');
    const stranger = await admin.post('/api/jury-memberships', { competitionName: 'Живая классика', year: 2023, level: 'national', staffMemberIds: [vyalova, 424242] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ field: 'staffMemberIds' });
    expect(stranger.json().detail).toContain('424242');
    expect([await rows('jury_memberships'), await rows('jury_members')]).toEqual(before);
  });
});

describe('conferences', () => {
  it('records branches and staff at a conference with the talk, and lists them by year and branch', async () => {
    const conference = await admin.post('/api/conferences', {
      conferenceName: 'Твой след на земле', year: 2023, heldOn: '2023-04-20', level: 'regional', organiser: 'ТОУНБ',
      talkTitle: 'Экологическое просвещение в детской библиотеке', branchIds: [children], staffMemberIds: [sanina],
    });
    expect(conference.statusCode).toBe(201);
    expect(conference.json().text).toBe('«Твой след на земле» (областной уровень, ТОУНБ, 20.04.2023), доклад «Экологическое просвещение в детской библиотеке» — '
      + 'Детская библиотека, Санина С. А. (Детская библиотека).');
    expect((await admin.get(`/api/conferences?year=2023&branch=${children}`)).json().total).toBe(1);
    expect((await admin.get(`/api/conferences?year=2023&branch=${central}`)).json().total).toBe(0);
    expect((await admin.get('/api/conferences?year=2022')).json().total).toBe(0);
  });

  it('refuses a conference with nobody, or dated outside its year', async () => {
    const nobody = await admin.post('/api/conferences', { conferenceName: 'Конференция', year: 2023, level: 'district' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().field).toBe('branchIds');
    const wrongYear = await admin.post('/api/conferences', { conferenceName: 'Конференция', year: 2023, heldOn: '2022-12-31', level: 'district', branchIds: [central] });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().field).toBe('heldOn');
  });
});

describe('honours', () => {
  it('records a letter of thanks to a branch and removes it when entered by mistake, keeping it in the audit log', async () => {
    const honour = await admin.post('/api/honours', {
      title: 'Благодарственное письмо', fromOrganisation: 'Федеральный центр развития программ социализации подростков', year: 2023,
      reason: 'за участие во Всероссийской уличной акции «ДАРЮТЕПЛО»', branchIds: [central],
    });
    expect(honour.statusCode).toBe(201);
    expect(honour.json().recipients).toEqual([{ branchId: central, branchName: 'Центральная библиотека', staff: null }]);
    expect((await admin.delete(`/api/honours/${honour.json().id}`)).statusCode).toBe(204);
    expect((await admin.get('/api/honours?year=2023')).json().total).toBe(0);
    const audit = (await admin.get(`/api/audit?entity=honour&entityId=${honour.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expect((await admin.delete(`/api/honours/${honour.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a branch from outside the network', async () => {
    const response = await admin.post('/api/honours', { title: 'Почётная грамота', year: 2023, branchIds: [central, 777777] });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('branchIds');
  });
});

describe('who may record jury work, conferences and honours', () => {
  it('lets a librarian record for their own branch and its staff only, and remove only what is wholly theirs', async () => {
    const librarian = await t.signIn('librarian', [children]);
    const own = await librarian.post('/api/honours', { title: 'Почётная грамота', year: 2023, staffMemberIds: [sanina] });
    expect(own.statusCode).toBe(201);
    expect((await librarian.post('/api/honours', { title: 'Почётная грамота', year: 2023, staffMemberIds: [vyalova] })).statusCode).toBe(403);
    expect((await librarian.post('/api/conferences', {
      conferenceName: 'Конференция', year: 2023, level: 'district', branchIds: [children, central],
    })).statusCode).toBe(403);
    const shared = (await admin.post('/api/jury-memberships', { competitionName: 'Жюри', year: 2023, level: 'district', staffMemberIds: [vyalova, sanina] })).json();
    expect((await librarian.delete(`/api/jury-memberships/${shared.id}`)).statusCode).toBe(403);
    expect((await librarian.delete(`/api/honours/${own.json().id}`)).statusCode).toBe(204);
  });

  it('lets the methodologist record for any branch and keeps the director read-only', async () => {
    const methodologist = await t.signIn('methodologist');
    expect((await methodologist.post('/api/conferences', {
      conferenceName: 'Новое издание таблиц ББК', year: 2023, level: 'national', branchIds: [children, central],
    })).statusCode).toBe(201);
    const director = await t.signIn('director');
    expect((await director.get('/api/conferences')).statusCode).toBe(200);
    expect((await director.post('/api/honours', { title: 'Грамота', year: 2023, branchIds: [central] })).statusCode).toBe(403);
  });
});
