import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNewUser, type Client } from '../../test/app.js';
import { openTestDatabase } from '../../test/database.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../server/app.js';
import { DEMO_NETWORK_CODE, loadDemoNetwork } from './index.js';
import { branches, CONSULTANT_PLUS_COURSE, courses, servicePoints, staffMembers, staffPositions } from './kargasok.js';
import { campaigns, events2023, partners } from './events-2023.js';

let database: Database;
let app: FastifyInstance;
let admin: Client;
let networkId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  ({ networkId } = await loadDemoNetwork(database.db));
  // The demo loader creates no accounts: sign in with one made as the CLI would.
  admin = await signInNewUser({ app, database, networkId, role: 'admin' });
  // The demo includes its catalogue (src/demo/catalogue): a few thousand records, longer on a busy machine.
}, 240_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

interface BranchItem { id: number; name: string; type: string; isActive: boolean; isPublicAccessCentre: boolean; isModel: boolean; daysActiveInYear?: number }
interface EventItem { kind: string; occurredOn: string; basisKind: string; basis: string; details: Record<string, unknown> }

const listBranches = async (query = '') =>
  ((await admin.get(`/api/branches?pageSize=500${query}`)).json() as { items: BranchItem[] }).items;
const names = (items: { name: string }[]) => items.map((b) => b.name);
const branchNamed = async (name: string) => {
  const branch = (await listBranches()).find((b) => b.name === name);
  if (!branch) throw new Error(`no branch «${name}»`);
  return (await admin.get(`/api/branches/${branch.id}`)).json() as BranchItem & { events: EventItem[] };
};
const staffNamed = async (lastName: string) =>
  ((await admin.get(`/api/staff?q=${encodeURIComponent(lastName)}`)).json() as {
    items: { lastName: string; firstName: string; middleName: string; branchName: string; birthDate: string }[];
  }).items.filter((s) => s.lastName === lastName);

describe('the demo network', () => {
  it('is the network «Каргасокская ЦБС» under the code kargasok', async () => {
    expect((await admin.get('/api/network')).json()).toMatchObject({
      code: DEMO_NETWORK_CODE, name: 'Каргасокская ЦБС', fullName: 'МБУК «Каргасокская централизованная районная библиотека»',
    });
    expect(DEMO_NETWORK_CODE).toBe('kargasok');
  });

  it('has every branch the 2023 report names, the central and children\'s libraries and 2–3 public access centres', async () => {
    const all = await listBranches();
    expect(names(all)).toEqual(expect.arrayContaining([
      'Каргасокская центральная районная библиотека', 'Каргасокская детская библиотека',
      'Нововасюганская сельская библиотека', 'Средневасюганская сельская библиотека', 'Вертикосская сельская библиотека',
      'Новоюгинская сельская библиотека', 'Среднетымская сельская библиотека', 'Павловская сельская библиотека',
      'Большегривский БДЦ', 'Библиотека «Нефтяник»', 'Тевризская сельская библиотека', 'Библиотека «Пятый километр»',
    ]));
    expect(all.length).toBeGreaterThanOrEqual(17);
    expect(all.find((b) => b.name === 'Каргасокская центральная районная библиотека')?.type).toBe('central');
    expect(all.find((b) => b.name === 'Каргасокская детская библиотека')?.type).toBe('children');
    const centres = names(all.filter((b) => b.isPublicAccessCentre));
    expect(centres).toContain('Средневасюганская сельская библиотека');
    expect(centres.length).toBeGreaterThanOrEqual(2);
    expect(centres.length).toBeLessThanOrEqual(3);
    expect(all.some((b) => b.isModel)).toBe(true);
  });

  it('counts Тевризская until its liquidation on 1 July 2023 and «Пятый километр» from that day', async () => {
    const january = names(await listBranches('&activeOn=2023-01-01'));
    const december = names(await listBranches('&activeOn=2023-12-31'));
    expect(january).toContain('Тевризская сельская библиотека');
    expect(january).not.toContain('Библиотека «Пятый километр»');
    expect(december).toContain('Библиотека «Пятый километр»');
    expect(december).not.toContain('Тевризская сельская библиотека');
    const days = Object.fromEntries((await listBranches('&year=2023')).map((b) => [b.name, b.daysActiveInYear]));
    expect(days['Тевризская сельская библиотека']).toBe(181);
    expect(days['Библиотека «Пятый километр»']).toBe(184);
  });

  it('liquidates Тевризская on the expert conclusion of the regional library after the survey of the village', async () => {
    const tevriz = await branchNamed('Тевризская сельская библиотека');
    expect(tevriz.isActive).toBe(false);
    const liquidation = tevriz.events.at(-1)!;
    expect(liquidation).toMatchObject({ kind: 'liquidated', occurredOn: '2023-07-01', basisKind: 'expert_conclusion' });
    expect(liquidation.basis).toMatch(/опрос\S* граждан с\. Новый Тевриз/);
    expect(liquidation.basis).toContain('ОГАУК «ТОУНБ им. А.С. Пушкина»');
  });

  it('opens «Пятый километр» on 1 July 2023 on the founder\'s decision', async () => {
    const km5 = await branchNamed('Библиотека «Пятый километр»');
    expect(km5.events).toEqual([expect.objectContaining({ kind: 'opened', occurredOn: '2023-07-01', basisKind: 'decision' })]);
  });

  it('gives some branches a history: a culture-house merger with a new name, a ЦОД opened in 2015', async () => {
    const griva = await branchNamed('Большегривский БДЦ');
    expect(griva.events.map((e) => e.kind)).toEqual(['opened', 'reorganised', 'renamed']);
    expect(griva.events[2]!.details).toEqual({ name: { from: 'Большегривская сельская библиотека', to: 'Большегривский БДЦ' } });
    const sredniy = await branchNamed('Средневасюганская сельская библиотека');
    expect(sredniy.events[1]).toMatchObject({
      kind: 'status_changed', occurredOn: '2015-02-02', details: { isPublicAccessCentre: { from: false, to: true } },
    });
  });

  it('places Вялова and Смирнова in the central library and Санина in the children\'s library', async () => {
    const [vyalova] = await staffNamed('Вялова');
    const [smirnova] = await staffNamed('Смирнова');
    const [sanina] = await staffNamed('Санина');
    expect(vyalova).toMatchObject({ firstName: expect.stringMatching(/^А/), middleName: expect.stringMatching(/^В/), branchName: 'Каргасокская центральная районная библиотека' });
    expect(smirnova).toMatchObject({ firstName: expect.stringMatching(/^Е/), middleName: expect.stringMatching(/^С/), branchName: 'Каргасокская центральная районная библиотека' });
    expect(Number(smirnova!.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1998);
    expect(sanina).toMatchObject({ firstName: expect.stringMatching(/^С/), middleName: expect.stringMatching(/^А/), branchName: 'Каргасокская детская библиотека' });
  });

  it('records «Консультант Плюс / Технология ТОП» for 8 staff of the central library and 6 of the public access centres', async () => {
    const trainees = await database.db.selectFrom('trainings as t')
      .innerJoin('staff_members as s', 's.id', 't.staff_member_id')
      .innerJoin('branches as b', 'b.id', 's.branch_id')
      .where('t.network_id', '=', networkId).where('t.course', '=', CONSULTANT_PLUS_COURSE)
      .select(['s.id', 'b.type', 'b.is_public_access_centre'])
      .execute();
    expect(new Set(trainees.map((t) => t.id)).size).toBe(14);
    expect(trainees.filter((t) => t.type === 'central')).toHaveLength(8);
    expect(trainees.filter((t) => t.is_public_access_centre)).toHaveLength(6);
  });

  it('gives the 6-НК staff figures: the liquidated branch\'s librarian leaves, the new branch\'s arrives', async () => {
    const statistics = async (date: string) => (await admin.get(`/api/staff/statistics?date=${date}`)).json();
    const january = await statistics('2023-01-01');
    const december = await statistics('2023-12-31');
    expect(january).toMatchObject({ headcount: 39, posts: 33.75 });
    expect(december).toMatchObject({ headcount: 38, posts: 34.25 });
    for (const figure of ['withDisability', 'higherLibraryEducation', 'secondaryVocationalLibraryEducation',
      'experienceUpTo3', 'experience3To10', 'experienceOver10', 'ageUnder30', 'age30To55', 'age55AndOver']) {
      expect(december[figure], figure).toBeGreaterThan(0);
    }
  });

  it('writes every record it creates to the audit log, as the system', async () => {
    const expected = {
      branch: branches.length,
      branch_event: branches.reduce((sum, b) => sum + ('history' in b ? b.history.length : 0), 0),
      service_point: servicePoints.length,
      staff_position: staffPositions.length,
      staff_member: staffMembers.length,
      training: courses.reduce((sum, c) => sum + c.trainees.length, 0),
      event: events2023().length,
      partner: partners.length,
      campaign: campaigns.length,
    };
    for (const [entity, count] of Object.entries(expected)) {
      const audit = (await admin.get(`/api/audit?entity=${entity}&pageSize=500`)).json() as { total: number; items: { action: string; user: unknown }[] };
      expect(audit.total, entity).toBe(count);
      expect(audit.items.every((e) => e.action === 'create' && e.user === null), entity).toBe(true);
    }
  });

  it('refuses to load a second time and leaves the data as it was', async () => {
    const count = async () => Promise.all((['networks', 'branches', 'branch_events', 'service_points', 'staff_positions', 'staff_members', 'trainings', 'audit_log'] as const)
      .map(async (table) => (await database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n));
    const before = await count();
    await expect(loadDemoNetwork(database.db)).rejects.toThrow('Демонстрационная сеть уже загружена');
    expect(await count()).toEqual(before);
  });
});

describe('the demo network’s events of 2023', () => {
  interface Row { branchId: number; branchName: string; plannedEvents: number | null; heldEvents: number; heldAttendance: number }
  const fulfilment = async () => ((await admin.get('/api/event-plans?year=2023')).json() as { rows: Row[] }).rows;
  const eventsOf = async (name: string, query = '') => {
    const branch = (await listBranches()).find((b) => b.name === name)!;
    return (await admin.get(`/api/events?branch=${branch.id}&pageSize=500${query}`)).json() as { total: number; items: { startsOn: string; endsOn: string | null }[] };
  };

  it('has held events with attendance and a plan for every branch that worked in 2023, the central library most of all', async () => {
    const rows = await fulfilment();
    expect(rows).toHaveLength((await listBranches('&year=2023')).length);
    for (const row of rows) {
      expect(row.heldEvents, row.branchName).toBeGreaterThan(0);
      expect(row.heldAttendance, row.branchName).toBeGreaterThan(row.heldEvents);
      expect(row.plannedEvents, row.branchName).toBeGreaterThan(0);
    }
    const central = rows.find((r) => r.branchName === 'Каргасокская центральная районная библиотека')!;
    expect(Math.max(...rows.map((r) => r.heldEvents))).toBe(central.heldEvents);
    const smallest = rows.find((r) => r.branchName === 'Усть-Тымская сельская библиотека')!;
    expect(smallest.heldEvents / 12).toBeGreaterThanOrEqual(3);
    expect(smallest.heldEvents / 12).toBeLessThanOrEqual(6);
  });

  it('dates no event of Тевризская after its liquidation, nor of «Пятый километр» before its opening', async () => {
    const tevriz = await eventsOf('Тевризская сельская библиотека');
    expect(tevriz.total).toBeGreaterThan(0);
    expect(tevriz.items.every((e) => (e.endsOn ?? e.startsOn) < '2023-07-01')).toBe(true);
    const km5 = await eventsOf('Библиотека «Пятый километр»');
    expect(km5.total).toBeGreaterThan(0);
    expect(km5.items.every((e) => e.startsOn >= '2023-07-01')).toBe(true);
  });

  it('records the campaigns of the report with their branches: «ДАРЮТЕПЛО» in the central library', async () => {
    const list = (await admin.get('/api/campaigns?year=2023&pageSize=100')).json() as { items: { id: number; name: string; eventCount: number }[] };
    expect(list.items.map((c) => c.name)).toEqual(expect.arrayContaining(['Библионочь-2023', 'Диктант Победы', 'Окна Победы', 'ДАРЮТЕПЛО', 'Пушкинский венок', 'Библио-Эко']));
    expect(list.items.every((c) => c.eventCount > 0)).toBe(true);
    const warmth = (await admin.get(`/api/campaigns/${list.items.find((c) => c.name === 'ДАРЮТЕПЛО')!.id}`)).json();
    expect(warmth.organiser).toBe('Федеральный центр развития программ социализации подростков');
    expect(warmth.branches).toEqual([expect.objectContaining({ name: 'Каргасокская центральная районная библиотека', declared: true })]);
    const pushkinCard = (await admin.get('/api/events?year=2023&pageSize=500&q=' + encodeURIComponent('Мастер и Маргарита'))).json();
    expect(pushkinCard.items[0]).toMatchObject({ admission: 'pushkin_card', audience: 'youth' });
  });

  it('answers the methodologist: events and attendance by direction, with every event counted once in the totals', async () => {
    const statistics = (await admin.get('/api/events/statistics?year=2023&groupBy=direction')).json();
    expect(statistics.totals.events).toBe(events2023().length);
    expect(statistics.totals.heldEvents).toBe(statistics.totals.events);
    const { attendance } = statistics.totals;
    expect(attendance.children + attendance.youth + attendance.adults).toBe(attendance.total);
    expect(statistics.rows.length).toBeGreaterThanOrEqual(10);
    const patriotic = statistics.rows.find((r: { name: string }) => r.name === 'Патриотическое воспитание');
    expect(patriotic.events).toBeGreaterThan(100);
  });

  it('generates the same year on every load', () => {
    expect(events2023()).toEqual(events2023());
  });
});

describe('the demo network’s achievements of 2023, imported from the report\'s text', () => {
  interface Entry { branchName: string; participantKind: string; participantLabel: string; awards: { result: string; rank: number | null; amountKopecks: number | null; wording: string }[] }
  interface Competition { name: string; level: string; entries: Entry[] }
  const competitions = async () =>
    ((await admin.get('/api/competitions?year=2023&pageSize=500')).json() as { items: Competition[] }).items;
  const named = (items: Competition[], part: string) => items.filter((c) => c.name.includes(part));

  it('has «Нововасюганская сельская библиотека» as winner of the regional competition with a monetary award', async () => {
    const [money] = named(await competitions(), 'денежного поощрения');
    expect(money).toMatchObject({ level: 'regional' });
    expect(money!.entries).toEqual([expect.objectContaining({
      branchName: 'Нововасюганская сельская библиотека',
      awards: [expect.objectContaining({ result: 'winner_diploma' }), expect.objectContaining({ result: 'monetary', amountKopecks: 100_000_00 })],
    })]);
  });

  it('has Вертикосская\'s 1st place in the national «Краеведение» with its work, and one competition per name', async () => {
    const items = await competitions();
    const [local] = items.filter((c) => c.name === 'Краеведение');
    expect(local).toMatchObject({ level: 'national' });
    expect(local!.entries).toEqual([expect.objectContaining({
      branchName: 'Вертикосская сельская библиотека', workTitle: 'Всему начало здесь, в краю моем родном…',
      awards: [expect.objectContaining({ result: 'place', rank: 1 })],
    })]);
    const names = items.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(named(items, 'Наш культурный код')[0]!.entries).toHaveLength(6);
    expect(items.reduce((sum, c) => sum + c.entries.length, 0)).toBe(42);
  });

  it('names the staff and the readers the report credits', async () => {
    const labels = (await competitions()).flatMap((c) => c.entries.map((e) => e.participantLabel));
    expect(labels).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Вялова/), expect.stringMatching(/^Смирнова/), expect.stringMatching(/^Санина/),
      expect.stringContaining('читатель Штрак Владимир'),
    ]));
  });

  it('records the jury work, the conferences with named participants, the letters of thanks and the March 2023 seminar', async () => {
    const jury = (await admin.get('/api/jury-memberships?year=2023')).json();
    expect(jury.items).toEqual([expect.objectContaining({ competitionName: 'Живая классика', level: 'national' })]);
    const conferences = (await admin.get('/api/conferences?year=2023')).json();
    expect(conferences.items.map((c: { conferenceName: string }) => c.conferenceName).sort()).toEqual(['Конференция по экологическому образованию', 'Твой след на земле']);
    const honours = (await admin.get('/api/honours?year=2023')).json();
    expect(honours.items).toEqual([expect.objectContaining({ title: 'Благодарственные письма', fromOrganisation: 'Федеральный центр развития программ социализации подростков' })]);
    const seminars = (await admin.get('/api/seminars?year=2023')).json() as { items: { heldOn: string; topic: string }[] };
    expect(seminars.items).toEqual([expect.objectContaining({ heldOn: expect.stringMatching(/^2023-03-/), topic: 'Семинар работников культуры Каргасокскго района Томской области' })]);
    // «присутствовали все работники культуры, в том числе библиотекари»: everyone employed that day, no one hired later.
    const attendees = (seminars.items[0] as unknown as { attendees: { fullName: string }[] }).attendees.map((a) => a.fullName);
    expect(attendees.length).toBeGreaterThan(30);
    expect(attendees.some((name) => name.startsWith('Вялова'))).toBe(true);
    expect(attendees.some((name) => name.startsWith('Чернова'))).toBe(true); // Тевризская, employed until 30.06.2023
  });
});
