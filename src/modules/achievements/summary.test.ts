import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.js';
import { branchInput, staffMemberInput } from '../../../test/factories.js';
import type { BranchType } from '../../db/schema.js';
import type { AddEntryInput, CreateCompetitionInput } from './index.js';

/**
 * The acceptance check: a part of the 2023 report's achievements, typed in by the methodologist
 * for branches named as in the report, comes back in the report's order of levels and in its wording.
 */
let t: TestApp;
let methodologist: Client;
const branch: Record<string, number> = {};
const staff: Record<string, number> = {};

const BRANCHES: [code: string, name: string, type: BranchType][] = [
  ['crb', 'Каргасокская центральная районная библиотека', 'central'],
  ['db', 'Каргасокская детская библиотека', 'children'],
  ['n-vasyugan', 'Нововасюганская сельская библиотека', 'rural'],
  ['s-vasyugan', 'Средневасюганская сельская библиотека', 'rural'],
  ['novoyugino', 'Новоюгинская сельская библиотека', 'rural'],
  ['s-tym', 'Среднетымская сельская библиотека', 'rural'],
  ['vertikos', 'Вертикосская сельская библиотека', 'rural'],
];
const STAFF: [lastName: string, firstName: string, middleName: string, branch: string][] = [
  ['Вялова', 'Анастасия', 'Викторовна', 'crb'],
  ['Смирнова', 'Екатерина', 'Сергеевна', 'crb'],
  ['Санина', 'Светлана', 'Александровна', 'db'],
];

async function competition(input: CreateCompetitionInput, entries: (Omit<AddEntryInput, 'branchId'> & { branch: string })[]) {
  const { id } = (await methodologist.post('/api/competitions', input)).json();
  for (const { branch: code, ...entry } of entries) {
    const response = await methodologist.post(`/api/competitions/${id}/entries`, { ...entry, branchId: branch[code] });
    expect(response.statusCode, response.body).toBe(201);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.signIn('admin');
  methodologist = await t.signIn('methodologist');
  for (const [code, name, type] of BRANCHES) branch[code] = (await admin.post('/api/branches', branchInput({ code, name, type }))).json().id;
  for (const [lastName, firstName, middleName, code] of STAFF) {
    staff[lastName] = (await admin.post('/api/staff', staffMemberInput(branch[code]!, { lastName, firstName, middleName }))).json().id;
  }

  // Entered in no particular order: the summary puts them in the report's.
  await competition({ name: 'Наш культурный код', year: 2023, level: 'district' }, [
    { branch: 'n-vasyugan', participantKind: 'branch', awards: [{ result: 'diploma', rank: 1 }] },
    { branch: 's-tym', participantKind: 'branch', awards: [{ result: 'diploma', rank: 2 }] },
    { branch: 's-vasyugan', participantKind: 'branch', awards: [{ result: 'diploma', rank: 3 }] },
  ]);
  await competition({ name: 'Пасхальная радость', year: 2023, level: 'regional' }, [
    { branch: 'crb', participantKind: 'branch', awards: [{ result: 'place', rank: 1 }] },
    { branch: 'novoyugino', participantKind: 'branch', awards: [{ result: 'participation_certificate' }] },
    { branch: 'n-vasyugan', participantKind: 'branch', awards: [{ result: 'place', rank: 2 }] },
  ]);
  await competition({ name: 'Старт инноваций', year: 2023, level: 'international', nominations: ['Методические работы'] }, [
    { branch: 'crb', participantKind: 'branch', nomination: 'Методические работы' },
    { branch: 'db', participantKind: 'branch', nomination: 'Методические работы' },
  ]);
  await competition({ name: 'Краеведы России', year: 2023, level: 'national', nominations: ['История'] }, [
    { branch: 'crb', participantKind: 'branch', nomination: 'История', awards: [{ result: 'winner_diploma' }] },
    { branch: 'db', participantKind: 'branch', nomination: 'История', awards: [{ result: 'winner_diploma' }] },
  ]);
  await competition({ name: 'Краеведение', year: 2023, level: 'national' }, [
    { branch: 'vertikos', participantKind: 'branch', workTitle: 'Всему начало здесь, в краю моем родном…', awards: [{ result: 'place', rank: 1 }] },
  ]);
  await competition({ name: 'Это славное имя — Пушкин', year: 2023, level: 'regional', organiser: 'проект «Пушкинский венок»' }, [
    { branch: 'crb', participantKind: 'reader', readerName: 'читательница Центральной библиотеки', preparedByStaffId: staff['Смирнова'], awards: [{ result: 'diploma', rank: 2 }] },
    { branch: 'novoyugino', participantKind: 'branch', awards: [{ result: 'diploma', rank: 3 }] },
  ]);
  await competition({ name: 'Лучший молодой библиотекарь Томской области — 2023', year: 2023, level: 'regional' }, [
    { branch: 'crb', participantKind: 'staff', staffMemberIds: [staff['Смирнова']!], awards: [{ result: 'place', rank: 3 }] },
  ]);
  await competition({ name: 'Фестиваль малых городов и сел «Медвежий угол»', year: 2023, level: 'inter_district', nominations: ['Конкурс фотозон'] }, [
    { branch: 'crb', participantKind: 'branch', nomination: 'Конкурс фотозон', workTitle: 'Здесь Родины моей начало', awards: [{ result: 'winner_diploma' }] },
  ]);
  await competition({ name: 'Лучшая рождественская выставка 2022', year: 2022, level: 'regional' }, [
    { branch: 'crb', participantKind: 'branch', awards: [{ result: 'place', rank: 1 }] },
  ]);
  await methodologist.post('/api/jury-memberships', {
    competitionName: 'Всероссийский конкурс юных чтецов «Живая классика»', year: 2023, level: 'national', staffMemberIds: [staff['Вялова'], staff['Санина']],
  });
  await methodologist.post('/api/conferences', {
    conferenceName: 'Твой след на земле', year: 2023, level: 'regional', branchIds: [branch.db, branch.novoyugino, branch['n-vasyugan']],
  });
});
afterAll(() => t.close());

describe('the achievements of 2023', () => {
  it('reads like the report: levels from international to district, one line per competition', async () => {
    const summary = (await methodologist.get('/api/achievements/summary?year=2023')).json();
    expect(summary.levels.map((level: { heading: string }) => level.heading)).toEqual([
      'Международные конкурсы', 'Всероссийские конкурсы', 'Областные конкурсы', 'Межрайонные конкурсы', 'Районные конкурсы',
    ]);
    const lines = Object.fromEntries(summary.levels.map((level: { level: string; competitions: { text: string }[] }) =>
      [level.level, level.competitions.map((c) => c.text)]));
    expect(lines).toEqual({
      international: [
        '«Старт инноваций» в номинации «Методические работы»: Каргасокская центральная районная библиотека — участие; Каргасокская детская библиотека — участие.',
      ],
      national: [
        '«Краеведение»: Вертикосская сельская библиотека, работа «Всему начало здесь, в краю моем родном…» — 1 место.',
        '«Краеведы России» в номинации «История»: Каргасокская центральная районная библиотека — Диплом победителя; Каргасокская детская библиотека — Диплом победителя.',
      ],
      regional: [
        '«Лучший молодой библиотекарь Томской области — 2023»: Смирнова Е. С. (Каргасокская центральная районная библиотека) — 3 место.',
        '«Пасхальная радость»: Каргасокская центральная районная библиотека — 1 место; Новоюгинская сельская библиотека — Сертификат участника; '
          + 'Нововасюганская сельская библиотека — 2 место.',
        '«Это славное имя — Пушкин» (проект «Пушкинский венок»): читатель читательница Центральной библиотеки, подготовил(а) Смирнова Е. С. '
          + '(Каргасокская центральная районная библиотека) — Диплом 2 степени; Новоюгинская сельская библиотека — Диплом 3 степени.',
      ],
      inter_district: [
        'Фестиваль малых городов и сел «Медвежий угол» в номинации «Конкурс фотозон»: Каргасокская центральная районная библиотека, '
          + 'работа «Здесь Родины моей начало» — Диплом победителя.',
      ],
      district: [
        '«Наш культурный код»: Нововасюганская сельская библиотека — Диплом 1 степени; Среднетымская сельская библиотека — Диплом 2 степени; '
          + 'Средневасюганская сельская библиотека — Диплом 3 степени.',
      ],
    });
    expect(summary.jury.map((j: { text: string }) => j.text)).toEqual([
      'Всероссийский конкурс юных чтецов «Живая классика» (всероссийский уровень) — '
        + 'Вялова А. В. (Каргасокская центральная районная библиотека), Санина С. А. (Каргасокская детская библиотека).',
    ]);
    expect(summary.conferences.map((c: { text: string }) => c.text)).toEqual([
      '«Твой след на земле» (областной уровень) — Каргасокская детская библиотека, Нововасюганская сельская библиотека, Новоюгинская сельская библиотека.',
    ]);
  });

  it('counts entries and prizes per branch, entries by level, leaving out other years', async () => {
    const { branches } = (await methodologist.get('/api/achievements/summary?year=2023')).json();
    const of = (id: number) => branches.find((row: { branchId: number }) => row.branchId === id);
    expect(of(branch.crb!)).toEqual({
      branchId: branch.crb, branchName: 'Каргасокская центральная районная библиотека', entries: 6, prizes: 5,
      entriesByLevel: { international: 1, national: 1, regional: 3, inter_district: 1, district: 0 },
    });
    expect(of(branch.novoyugino!)).toMatchObject({ entries: 2, prizes: 1 });
    expect(of(branch['n-vasyugan']!)).toMatchObject({ entries: 2, prizes: 2 });
    expect(branches[0].branchId).toBe(branch.crb);
  });

  it('narrows everything to one branch', async () => {
    const summary = (await methodologist.get(`/api/achievements/summary?year=2023&branch=${branch.novoyugino}`)).json();
    expect(summary.levels.map((level: { level: string }) => level.level)).toEqual(['regional']);
    expect(summary.levels[0].competitions.map((c: { text: string }) => c.text)).toEqual([
      '«Пасхальная радость»: Новоюгинская сельская библиотека — Сертификат участника.',
      '«Это славное имя — Пушкин» (проект «Пушкинский венок»): Новоюгинская сельская библиотека — Диплом 3 степени.',
    ]);
    expect(summary.branches).toHaveLength(1);
    expect(summary.jury).toEqual([]);
    expect(summary.conferences).toHaveLength(1);
  });

  it('is empty for a year without achievements, and refuses a year that is not one', async () => {
    expect((await methodologist.get('/api/achievements/summary?year=2019')).json()).toEqual({
      year: 2019, levels: [], branches: [], jury: [], conferences: [], honours: [],
    });
    const response = await methodologist.get('/api/achievements/summary?year=двадцать');
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('year');
  });
});
