/**
 * The demo network's cultural work in 2023: partners, campaigns and projects, the annual plans
 * and a year of events with attendance for every branch, only while the branch existed
 * (Тевризская until 30 June, «Пятый километр» from 1 July).
 *
 * What comes from the 2023 report: the campaigns «Библионочь-2023», «Диктант Победы», «Окна Победы»
 * and «ДАРЮТЕПЛО» (the central library thanked by the Федеральный центр развития программ
 * социализации подростков), the projects «Пушкинский венок» and «Библио-Эко», the central library's
 * financial-literacy work with children and youth, and the events the report names with their
 * branches (Новоюгинская: «Свет негасимый», «Прикасаясь сердцем к подвигу», «Я, конечно, вернусь…»;
 * Вертикосская: «Всему начало здесь, в краю моем родном…»; the central library's photo zone
 * «Здесь Родины моей начало»; the district programmes «Наш культурный код»).
 *
 * Everything else is ILLUSTRATIVE, not fact: every date (also of the named events and campaigns),
 * the partners (real kinds of institutions of the district, invented names and numbers), the
 * organisers other than ДАРЮТЕПЛО's, the plans, and the generated events — titles typical of the
 * forms and directions, counts by branch size, attendance. The generator is seeded, so every load
 * gives the same year.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../modules/auth/index.js';
import {
  createCampaign, createEvents, createPartner, ensureDefaultEventDictionaries, recordParticipation, setEventPlan,
  type CreateCampaignInput, type CreateEventInput, type CreatePartnerInput, type EventDirectionCode, type EventFormCode,
} from '../modules/events/index.js';
import { seededRandom } from '../shared/random.js';
import { idOf } from './ids.js';
import { branches, type DemoBranchCode } from './kargasok.js';

const YEAR = 2023;
const ILLUSTRATIVE = 'демонстрационные данные';

/** Draws from a seeded generator: the same year on every load, no Math.random. */
function randomFrom(seedText: string) {
  const next = seededRandom(seedText);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return { next, int, chance: (p: number) => next() < p, pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]! };
}
type Random = ReturnType<typeof randomFrom>;

type PartnerKey = (typeof partners)[number]['key'];
type CampaignKey = (typeof campaigns)[number]['key'];
type Audience = CreateEventInput['audience'];

/** An event as the data file writes it: branches, form, directions, partners and campaign by key. */
interface DemoEvent extends Omit<CreateEventInput, 'branchIds' | 'formId' | 'directionIds' | 'partnerIds' | 'campaignId'> {
  branches: DemoBranchCode[];
  form: EventFormCode;
  directions: EventDirectionCode[];
  partners: PartnerKey[];
  campaign?: CampaignKey;
}

export const partners = [
  { key: 'school1', near: ['crb', 'db'], input: { name: 'МБОУ «Каргасокская СОШ № 1»', kind: 'school', settlement: 'с. Каргасок' } },
  { key: 'school2', near: ['crb', 'db', 'km5'], input: { name: 'МБОУ «Каргасокская СОШ № 2»', kind: 'school', settlement: 'с. Каргасок' } },
  { key: 'kindergarten', near: ['db', 'km5'], input: { name: 'МБДОУ «Каргасокский детский сад № 3»', kind: 'kindergarten', settlement: 'с. Каргасок' } },
  { key: 'rdk', near: ['crb'], input: { name: 'МБУК «Каргасокский районный дом культуры»', kind: 'culture_house', settlement: 'с. Каргасок' } },
  { key: 'veterans', near: ['crb', 'neftyanik'], input: { name: 'Совет ветеранов Каргасокского района', kind: 'veterans', settlement: 'с. Каргасок' } },
  { key: 'youth', near: ['crb', 'km5'], input: { name: 'МБУ «Молодёжный центр Каргасокского района»', kind: 'youth', settlement: 'с. Каргасок' } },
  { key: 'ddt', near: ['db'], input: { name: 'МБОУ ДО «Каргасокский дом детского творчества»', kind: 'other', settlement: 'с. Каргасок' } },
  { key: 'admin-kargasok', near: ['crb', 'km5'], input: { name: 'Администрация Каргасокского сельского поселения', kind: 'administration', settlement: 'с. Каргасок' } },
  { key: 'social', near: ['crb', 'neftyanik'], input: { name: 'ОГКУ «Центр социальной поддержки населения Каргасокского района»', kind: 'social', settlement: 'с. Каргасок' } },
  { key: 'disabled', near: ['crb'], input: { name: 'Каргасокская районная организация Всероссийского общества инвалидов', kind: 'public_organisation', settlement: 'с. Каргасок' } },
  { key: 'school-novoyugino', near: ['novoyugino'], input: { name: 'МБОУ «Новоюгинская СОШ»', kind: 'school', settlement: 'с. Новоюгино' } },
  { key: 'school-n-vasyugan', near: ['n-vasyugan'], input: { name: 'МБОУ «Нововасюганская СОШ»', kind: 'school', settlement: 'с. Новый Васюган' } },
  { key: 'admin-n-vasyugan', near: ['n-vasyugan'], input: { name: 'Администрация Нововасюганского сельского поселения', kind: 'administration', settlement: 'с. Новый Васюган' } },
  { key: 'school-s-vasyugan', near: ['s-vasyugan'], input: { name: 'МБОУ «Средневасюганская СОШ»', kind: 'school', settlement: 'с. Средний Васюган' } },
  { key: 'admin-s-vasyugan', near: ['s-vasyugan'], input: { name: 'Администрация Средневасюганского сельского поселения', kind: 'administration', settlement: 'с. Средний Васюган' } },
  { key: 'school-s-tym', near: ['s-tym'], input: { name: 'МБОУ «Среднетымская СОШ»', kind: 'school', settlement: 'п. Молодёжный' } },
  { key: 'dk-vertikos', near: ['vertikos'], input: { name: 'Вертикосский сельский дом культуры', kind: 'culture_house', settlement: 'с. Вертикос' } },
] as const satisfies readonly { key: string; near: readonly DemoBranchCode[]; input: CreatePartnerInput }[];

interface DemoCampaign {
  key: string;
  input: CreateCampaignInput;
  /** Branches whose part is recorded, with a note; the branches of the campaign's events take part too. */
  participants: readonly { branch: DemoBranchCode; note: string }[];
}

export const campaigns = [
  {
    key: 'biblionight',
    input: { name: 'Библионочь-2023', kind: 'campaign', year: YEAR, level: 'national', organiser: 'Министерство культуры Российской Федерации',
      description: 'Всероссийская акция в поддержку чтения: вечерняя программа в библиотеках.' },
    participants: [
      { branch: 'crb', note: 'Главная площадка района' }, { branch: 'db', note: 'Библиосумерки для детей и родителей' },
      { branch: 'n-vasyugan', note: '' }, { branch: 'novoyugino', note: '' }, { branch: 's-vasyugan', note: '' }, { branch: 'neftyanik', note: '' },
    ],
  },
  {
    key: 'dictation',
    input: { name: 'Диктант Победы', kind: 'campaign', year: YEAR, level: 'national',
      description: 'Всероссийский исторический диктант на тему событий Великой Отечественной войны; библиотеки — площадки диктанта.' },
    participants: [{ branch: 'crb', note: 'Площадка диктанта' }, { branch: 'n-vasyugan', note: 'Площадка диктанта' }, { branch: 'neftyanik', note: 'Площадка диктанта' }],
  },
  {
    key: 'victory-windows',
    input: { name: 'Окна Победы', kind: 'campaign', year: YEAR, level: 'national', description: 'Всероссийская акция: окна оформляются к Дню Победы.' },
    participants: [],
  },
  {
    key: 'give-warmth',
    input: { name: 'ДАРЮТЕПЛО', kind: 'campaign', year: YEAR, level: 'national',
      organiser: 'Федеральный центр развития программ социализации подростков', description: 'Всероссийская уличная акция.' },
    participants: [{ branch: 'crb', note: 'Благодарственные письма сотрудникам центральной библиотеки' }],
  },
  {
    key: 'arts-night',
    input: { name: 'Ночь искусств — 2023', kind: 'campaign', year: YEAR, level: 'national', organiser: 'Министерство культуры Российской Федерации' },
    participants: [{ branch: 'crb', note: '' }, { branch: 'db', note: '' }],
  },
  {
    key: 'finance-week',
    input: { name: 'Неделя финансовой грамотности для детей и молодёжи', kind: 'campaign', year: YEAR, level: 'national' },
    participants: [{ branch: 'crb', note: 'Цикл занятий для школьников и студентов' }, { branch: 'db', note: '' }],
  },
  {
    key: 'pushkin-wreath',
    input: { name: 'Пушкинский венок', kind: 'project', year: YEAR, level: 'regional', organiser: `ОГАУК «ТОУНБ им. А.С. Пушкина» (${ILLUSTRATIVE})`,
      description: 'Областной проект; в его рамках — конкурс художественного чтения «Это славное имя — Пушкин».' },
    participants: [{ branch: 'crb', note: 'Читательница — диплом 2 степени областного конкурса' }, { branch: 'novoyugino', note: 'Диплом 3 степени' }],
  },
  {
    key: 'biblio-eco',
    input: { name: 'Библио-Эко', kind: 'project', year: YEAR, level: 'regional', description: 'Просветительский проект по экологической культуре детей и молодёжи.' },
    participants: [{ branch: 'novoyugino', note: 'Участник конкурса «ЭкоПерезагрузка» — ученик Новоюгинской СОШ' }, { branch: 'db', note: '' }, { branch: 'n-vasyugan', note: '' }],
  },
  {
    key: 'pushkin-card',
    input: { name: 'Литературные встречи по «Пушкинской карте»', kind: 'project', year: YEAR, level: 'district',
      description: 'Платные мероприятия центральной библиотеки для молодёжи 14–22 лет по программе «Пушкинская карта».' },
    participants: [{ branch: 'crb', note: '' }],
  },
] as const satisfies readonly DemoCampaign[];

// The branches' life in the year, from the network's data: the generator never dates an event outside it.
type Life = { code: DemoBranchCode; type: string; population: number; from: string; to: string };
const lives: Life[] = branches.map((branch) => {
  const history: readonly { kind: string; occurredOn: string }[] = 'history' in branch ? branch.history : [];
  const liquidated = history.find((event) => event.kind === 'liquidated')?.occurredOn;
  const lastDay = liquidated ? new Date(Date.parse(`${liquidated}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : `${YEAR}-12-31`;
  return {
    code: branch.code, type: branch.type, population: branch.populationServed,
    from: branch.openedOn > `${YEAR}-01-01` ? branch.openedOn : `${YEAR}-01-01`, to: lastDay < `${YEAR}-12-31` ? lastDay : `${YEAR}-12-31`,
  };
}).filter((life) => life.from <= life.to);

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (month: number, day: number) => `${YEAR}-${pad(month)}-${pad(day)}`;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isSunday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 0;

interface Template {
  title: string;
  form: EventFormCode;
  directions: EventDirectionCode[];
  audience: Audience;
  placeKind?: CreateEventInput['placeKind'];
}
const tpl = (title: string, form: EventFormCode, directions: EventDirectionCode[], audience: Audience, placeKind?: CreateEventInput['placeKind']): Template =>
  ({ title, form, directions, audience, placeKind });

/** Events tied to a day of the calendar, by month: [day, template]. */
const calendar: Record<number, [number, Template][]> = {
  1: [
    [13, tpl('Рождественские посиделки «Святки, колядки»', 'holiday', ['spiritual', 'local_history'], 'families')],
    [25, tpl('Татьянин день «Студенческая пора»', 'game_programme', ['reading_promotion'], 'youth')],
    [27, tpl('Час памяти «Блокадный хлеб»', 'talk', ['patriotic'], 'general')],
  ],
  2: [
    [2, tpl('Урок мужества «Сталинград: 200 дней мужества»', 'talk', ['patriotic'], 'youth', 'outreach')],
    [14, tpl('Акция «Дарите книги с любовью»', 'campaign_event', ['reading_promotion'], 'general')],
    [21, tpl('Час родного языка «Язык — душа народа»', 'talk', ['reading_promotion'], 'children')],
    [22, tpl('Игровая программа «Аты-баты, шли солдаты»', 'game_programme', ['patriotic'], 'children')],
  ],
  3: [
    [7, tpl('Литературно-музыкальный вечер «Весенний букет»', 'literary_evening', ['arts'], 'adults')],
    [18, tpl('Час истории «Крым и Россия — вместе»', 'talk', ['patriotic'], 'youth')],
    [21, tpl('Поэтическое кафе ко Всемирному дню поэзии', 'literary_evening', ['reading_promotion', 'arts'], 'adults')],
    [27, tpl('Неделя детской книги: праздник «Книжкины именины»', 'holiday', ['reading_promotion'], 'children')],
  ],
  4: [
    [7, tpl('День здоровья «Спорт и книга»', 'game_programme', ['healthy_lifestyle'], 'youth')],
    [12, tpl('Космический час «Гагарин. Первый в космосе»', 'talk', ['patriotic'], 'children')],
    [22, tpl('Экологический час «Земля — наш общий дом»', 'talk', ['ecology'], 'children')],
  ],
  5: [
    [8, tpl('Литературно-музыкальная композиция «Памяти павших будьте достойны»', 'literary_evening', ['patriotic'], 'general')],
    [15, tpl('Семейный праздник «Моя семья — моё богатство»', 'holiday', ['family'], 'families')],
    [24, tpl('День славянской письменности «От глаголицы до кириллицы»', 'talk', ['spiritual', 'reading_promotion'], 'children')],
    [27, tpl('Общероссийский день библиотек «Библиотека приглашает друзей»', 'holiday', ['reading_promotion'], 'general')],
  ],
  6: [
    [1, tpl('Праздник детства «Планета детства»', 'holiday', ['family', 'reading_promotion'], 'children', 'outreach')],
    [6, tpl('Пушкинский день «Там, на неведомых дорожках»', 'quiz', ['reading_promotion'], 'children')],
    [10, tpl('Час России «Россия — Родина моя»', 'talk', ['patriotic'], 'general')],
    [22, tpl('Час памяти «Тот самый первый день войны»', 'talk', ['patriotic'], 'youth')],
    [26, tpl('Беседа-предупреждение «Наркотики: путь в никуда»', 'talk', ['healthy_lifestyle', 'prevention'], 'youth')],
  ],
  7: [
    [8, tpl('Праздник «Ромашковое счастье» ко Дню семьи, любви и верности', 'holiday', ['family'], 'families')],
    [18, tpl('Летние чтения «Книжное лето»', 'loud_reading', ['reading_promotion'], 'children')],
    [26, tpl('Мастер-класс «Летние фантазии»', 'master_class', ['arts'], 'children')],
  ],
  8: [
    [12, tpl('Экологическая игра «Лесные тропинки»', 'game_programme', ['ecology'], 'children')],
    [22, tpl('Час истории «Три цвета России»', 'talk', ['patriotic'], 'children')],
    [26, tpl('Вечер российского кино «Любимые фильмы»', 'holiday', ['arts'], 'adults')],
  ],
  9: [
    [1, tpl('День знаний «Книжный ларец знаний»', 'game_programme', ['reading_promotion'], 'children')],
    [2, tpl('Час памяти «Беслан: мы помним»', 'talk', ['prevention'], 'youth', 'outreach')],
    [8, tpl('Диктант ко Дню грамотности «Пишем правильно»', 'contest', ['reading_promotion'], 'adults')],
    [27, tpl('Финансовая игра «Деньги любят счёт»', 'game_programme', ['financial_literacy'], 'youth')],
  ],
  10: [
    [2, tpl('Вечер-встреча «Мудрость жизни — золотые года»', 'literary_evening', ['spiritual'], 'seniors')],
    [14, tpl('День отца «Папа может всё»', 'game_programme', ['family'], 'families')],
    [25, tpl('Библиотечный урок «Как устроена библиотека»', 'talk', ['reading_promotion'], 'children', 'outreach')],
  ],
  11: [
    [3, tpl('Исторический час «В единстве народа — сила России»', 'talk', ['patriotic'], 'general')],
    [20, tpl('День правовой помощи детям «Права ребёнка»', 'talk', ['legal'], 'children', 'outreach')],
    [23, tpl('Литературный час «Фантазёры» Н. Носова', 'loud_reading', ['reading_promotion'], 'children')],
    [25, tpl('Вечер «Мама — главное слово»', 'literary_evening', ['family'], 'families')],
  ],
  12: [
    [1, tpl('Встреча «Мы разные, но мы вместе» к Международному дню инвалидов', 'holiday', ['spiritual'], 'disabled')],
    [9, tpl('День героев Отечества «Герои — наши земляки»', 'talk', ['patriotic', 'local_history'], 'youth')],
    [12, tpl('Правовой час «Конституция — основной закон»', 'talk', ['legal'], 'youth')],
    [27, tpl('Новогодняя игровая программа «Зимние чудеса»', 'game_programme', ['family'], 'children')],
  ],
};

/** Book exhibitions of each month: [title, directions]. */
const exhibitions: Record<number, [string, EventDirectionCode[]][]> = {
  1: [['Книжная выставка «Свет Рождества»', ['spiritual']], ['Книжная выставка «Блокада: 872 дня мужества»', ['patriotic']]],
  2: [['Книжная выставка «Сталинград: 80 лет Победы»', ['patriotic']], ['Книжная выставка «Защитникам Отечества посвящается»', ['patriotic']]],
  3: [['Книжная выставка «Книги-юбиляры 2023 года»', ['reading_promotion']], ['Книжная выставка «Мир женщины»', ['family']]],
  4: [['Книжная выставка «Космос: далёкий и близкий»', ['patriotic']], ['Книжная выставка «Береги природу, человек!»', ['ecology']]],
  5: [['Книжная выставка «Великая Победа»', ['patriotic']], ['Книжная выставка «Учители словенские Кирилл и Мефодий»', ['spiritual']]],
  6: [['Книжная выставка «Пушкин и его время»', ['reading_promotion']], ['Книжная выставка «Лето с книгой»', ['reading_promotion']]],
  7: [['Книжная выставка «Семья — источник вдохновения»', ['family']], ['Книжная выставка «Удивительный мир природы»', ['ecology']]],
  8: [['Книжная выставка «Символы России»', ['patriotic']], ['Книжная выставка «Читаем летом»', ['reading_promotion']]],
  9: [['Книжная выставка «Школьная пора»', ['reading_promotion']], ['Книжная выставка «Терроризм: угроза обществу»', ['prevention']]],
  10: [['Книжная выставка «Листопад поэзии»', ['reading_promotion', 'arts']], ['Книжная выставка «Серебряный возраст»', ['healthy_lifestyle']]],
  11: [['Книжная выставка «В единстве — сила»', ['patriotic']], ['Книжная выставка «Мама, милая мама»', ['family']]],
  12: [['Книжная выставка «Конституция России»', ['legal']], ['Книжная выставка «Новогодний книжный калейдоскоп»', ['reading_promotion']]],
};

/** Events of any day, for libraries serving everyone. */
const everyday: Template[] = [
  tpl('Урок мужества «Герои Отечества»', 'talk', ['patriotic'], 'youth', 'outreach'),
  tpl('Час памяти «Они сражались за Родину»', 'talk', ['patriotic'], 'general'),
  tpl('Исторический квиз «Великие битвы России»', 'quiz', ['patriotic'], 'youth'),
  tpl('Краеведческий час «Каргасокский район: люди и судьбы»', 'talk', ['local_history'], 'general'),
  tpl('Виртуальная экскурсия «Нарымский край»', 'excursion', ['local_history'], 'youth'),
  tpl('Краеведческая викторина «Знаешь ли ты свой край?»', 'quiz', ['local_history'], 'children'),
  tpl('Встреча «Мой посёлок — моя история»', 'literary_evening', ['local_history'], 'adults'),
  tpl('Эко-урок «Сохраним природу Васюганья»', 'talk', ['ecology'], 'children', 'outreach'),
  tpl('Экологическая викторина «Тайны тайги»', 'quiz', ['ecology'], 'children'),
  tpl('Экологический десант «Чистый берег»', 'campaign_event', ['ecology'], 'youth', 'outreach'),
  tpl('Урок финансовой грамотности «Семейный бюджет»', 'lecture', ['financial_literacy'], 'adults'),
  tpl('Час информации «Осторожно: мошенники!»', 'talk', ['financial_literacy', 'legal'], 'seniors'),
  tpl('Правовой час «Твои права и обязанности»', 'talk', ['legal'], 'youth', 'outreach'),
  tpl('Консультация «Госуслуги: просто о сложном»', 'lecture', ['digital_literacy'], 'seniors'),
  tpl('Урок цифровой грамотности «Безопасный интернет»', 'lecture', ['digital_literacy'], 'children', 'outreach'),
  tpl('Час здоровья «Здоровым быть модно»', 'talk', ['healthy_lifestyle'], 'youth'),
  tpl('Громкие чтения «Читаем вместе»', 'loud_reading', ['reading_promotion'], 'children'),
  tpl('Литературная викторина «По страницам любимых сказок»', 'quiz', ['reading_promotion'], 'children'),
  tpl('Обзор новинок «Книжная полка»', 'talk', ['reading_promotion'], 'adults'),
  tpl('Литературный вечер «Поэзия — музыка души»', 'literary_evening', ['reading_promotion', 'arts'], 'adults'),
  tpl('Семейная игровая программа «Папа, мама, я — читающая семья»', 'game_programme', ['family', 'reading_promotion'], 'families'),
  tpl('Мастер-класс «Подарок своими руками»', 'master_class', ['family', 'arts'], 'families'),
  tpl('Час духовности «Свет православной книги»', 'talk', ['spiritual'], 'adults'),
  tpl('Мастер-класс «Народная кукла»', 'master_class', ['arts', 'local_history'], 'children'),
  tpl('Музыкальная гостиная «Песни, опалённые войной»', 'literary_evening', ['arts', 'patriotic'], 'seniors'),
  tpl('Профориентационный час «Все профессии важны»', 'talk', ['career'], 'youth', 'outreach'),
  tpl('Час информации «Терроризм — угроза обществу»', 'talk', ['prevention'], 'youth', 'outreach'),
  tpl('Заседание клуба «Хозяюшка»', 'club_meeting', ['family', 'arts'], 'adults'),
  tpl('Заседание клуба «Ветеран»', 'club_meeting', ['spiritual', 'local_history'], 'seniors'),
  tpl('Заседание клуба «Читайка»', 'club_meeting', ['reading_promotion'], 'children'),
];

/** Events for children and their families (the children's library, school holidays). */
const forChildren: Template[] = [
  tpl('Игровая программа «В гостях у сказки»', 'game_programme', ['reading_promotion'], 'children'),
  tpl('Громкие чтения «Книжкины друзья»', 'loud_reading', ['reading_promotion'], 'children'),
  tpl('Кукольный спектакль «Теремок»', 'holiday', ['reading_promotion', 'arts'], 'children'),
  tpl('Мастер-класс «Закладка для книги»', 'master_class', ['arts', 'reading_promotion'], 'children'),
  tpl('Познавательный час «Откуда книга пришла»', 'talk', ['reading_promotion'], 'children', 'outreach'),
  tpl('Экологическая игра «Знатоки природы»', 'game_programme', ['ecology'], 'children'),
  tpl('Финансовая игра «Копейка рубль бережёт»', 'game_programme', ['financial_literacy'], 'children'),
  tpl('Час безопасности «Правила дорожные знать каждому положено»', 'talk', ['healthy_lifestyle', 'legal'], 'children', 'outreach'),
  tpl('Литературный праздник «Сказки народов России»', 'holiday', ['reading_promotion', 'local_history'], 'children'),
  tpl('Семейный клуб «Читаем с мамой»', 'club_meeting', ['family', 'reading_promotion'], 'families'),
  tpl('Викторина «Мульти-пульти»', 'quiz', ['arts'], 'children'),
  tpl('Урок доброты «Поделись улыбкою своей»', 'talk', ['spiritual'], 'children', 'outreach'),
  tpl('Экскурсия в библиотеку «Книжкин дом»', 'excursion', ['reading_promotion'], 'children'),
];

/**
 * The central library's monthly financial-literacy lesson with children and youth: the report
 * names this work (a regional diploma for it).
 */
const financeLessons: Template[] = [
  tpl('Финансовый урок «Деньги: как их заработать и сберечь»', 'lecture', ['financial_literacy'], 'youth', 'outreach'),
  tpl('Игра «Финансовый марафон»', 'game_programme', ['financial_literacy'], 'youth'),
  tpl('Час финансовой безопасности «Осторожно: кибермошенники!»', 'talk', ['financial_literacy', 'digital_literacy'], 'youth', 'outreach'),
  tpl('Беседа «Карманные деньги: учимся планировать»', 'talk', ['financial_literacy'], 'children', 'outreach'),
  tpl('Деловая игра «Мой первый бизнес-план»', 'game_programme', ['financial_literacy', 'career'], 'youth'),
  tpl('Квест «Сокровища финансовой грамотности»', 'game_programme', ['financial_literacy'], 'children'),
];

/** The events the 2023 report names, with their branches (dates illustrative). */
const fromReport: (Template & { branch: DemoBranchCode; date: string; description: string })[] = [
  { ...tpl('Рождественские чтения «Свет негасимый»', 'literary_evening', ['spiritual'], 'general'), branch: 'novoyugino', date: '2023-01-07',
    description: 'Диплом 1 степени Всероссийского конкурса «Четыре времени у года: Зима» (годовой отчёт за 2023 год)' },
  { ...tpl('Литературный вечер «Я, конечно, вернусь…»', 'literary_evening', ['reading_promotion', 'arts'], 'adults'), branch: 'novoyugino', date: '2023-01-25',
    description: 'К 85-летию В. С. Высоцкого; диплом 1 степени Всероссийского конкурса «Он был поэтом по природе…»' },
  { ...tpl('Урок памяти «Прикасаясь сердцем к подвигу»', 'talk', ['patriotic'], 'youth', 'outreach'), branch: 'novoyugino', date: '2023-02-02',
    description: 'К 80-летию Сталинградской битвы; диплом 1 степени Всероссийского конкурса' },
  { ...tpl('Краеведческий вечер «Всему начало здесь, в краю моем родном…»', 'literary_evening', ['local_history'], 'general'), branch: 'vertikos', date: '2023-03-17',
    description: '1 место Всероссийского конкурса «Краеведение»' },
  { ...tpl('Фотозона «Здесь Родины моей начало» на фестивале «Медвежий угол»', 'campaign_event', ['local_history'], 'general', 'outreach'), branch: 'crb', date: '2023-07-15',
    description: 'Диплом победителя конкурса фотозон межрайонного фестиваля малых городов и сел «Медвежий угол»' },
  ...(['n-vasyugan', 's-tym', 's-vasyugan', 'b-griva', 'pavlovo', 'novoyugino'] as const).map((branch, index) => ({
    ...tpl('Тематическая программа «Наш культурный код»', 'holiday', ['spiritual', 'local_history'], 'general'), branch, date: dateOf(10, 10 + index),
    description: 'Районный конкурс тематических программ «Наш культурный код»',
  })),
];

/** The campaigns' and projects' own events. */
const ofCampaigns: (Template & { branches: DemoBranchCode[]; date: string; endsOn?: string; campaign: CampaignKey; size?: number; admission?: CreateEventInput['admission'] })[] = [
  { ...tpl('Библионочь-2023 «Литературный калейдоскоп»', 'holiday', ['reading_promotion', 'arts'], 'general'), branches: ['crb'], date: '2023-04-21', campaign: 'biblionight', size: 160 },
  { ...tpl('Библиосумерки «Сказочный переполох»', 'game_programme', ['reading_promotion', 'family'], 'families'), branches: ['db'], date: '2023-04-21', campaign: 'biblionight', size: 70 },
  ...(['n-vasyugan', 'novoyugino', 's-vasyugan', 'neftyanik'] as const).map((branch) => ({
    ...tpl('Библионочь в сельской библиотеке «Читаем вместе»', 'holiday', ['reading_promotion'], 'general'), branches: [branch], date: '2023-04-21', campaign: 'biblionight' as const,
  })),
  ...(['crb', 'n-vasyugan', 'neftyanik'] as const).map((branch) => ({
    ...tpl('Диктант Победы', 'contest', ['patriotic'], 'youth'), branches: [branch], date: '2023-04-27', campaign: 'dictation' as const,
  })),
  ...lives.filter((life) => life.from <= '2023-05-01' && life.to >= '2023-05-09').map((life) => ({
    ...tpl('Акция «Окна Победы»', 'campaign_event', ['patriotic'], 'general'), branches: [life.code], date: '2023-05-03', endsOn: '2023-05-09', campaign: 'victory-windows' as const,
  })),
  { ...tpl('Уличная акция «ДАРЮТЕПЛО»', 'campaign_event', ['spiritual'], 'youth', 'outreach'), branches: ['crb'], date: '2023-12-16', campaign: 'give-warmth', size: 60 },
  { ...tpl('Ночь искусств «Искусство объединяет»', 'holiday', ['arts'], 'general'), branches: ['crb'], date: '2023-11-03', campaign: 'arts-night', size: 90 },
  { ...tpl('Ночь искусств для детей «Рисуем сказку»', 'master_class', ['arts'], 'children'), branches: ['db'], date: '2023-11-03', campaign: 'arts-night', size: 40 },
  { ...tpl('Урок финансовой грамотности «Мой первый бюджет»', 'lecture', ['financial_literacy'], 'youth', 'outreach'), branches: ['crb'], date: '2023-03-14', campaign: 'finance-week', size: 45 },
  { ...tpl('Финансовый квиз «Банк знаний»', 'quiz', ['financial_literacy'], 'youth'), branches: ['crb'], date: '2023-03-16', campaign: 'finance-week', size: 35 },
  { ...tpl('Игра «Путешествие в страну Финансию»', 'game_programme', ['financial_literacy'], 'children'), branches: ['db'], date: '2023-03-15', campaign: 'finance-week', size: 30 },
  { ...tpl('Конкурс чтецов «Это славное имя — Пушкин»', 'contest', ['reading_promotion'], 'youth'), branches: ['crb'], date: '2023-06-06', campaign: 'pushkin-wreath', size: 35 },
  { ...tpl('Пушкинские чтения «Души прекрасные порывы»', 'literary_evening', ['reading_promotion'], 'general'), branches: ['novoyugino'], date: '2023-06-06', campaign: 'pushkin-wreath' },
  ...(['novoyugino', 'db', 'n-vasyugan'] as const).flatMap((branch) => [
    { ...tpl('Эко-час «ЭкоПерезагрузка»', 'talk', ['ecology'], 'children', 'outreach'), branches: [branch], date: '2023-04-18', campaign: 'biblio-eco' as const },
    { ...tpl('Экологический квест «Библио-Эко»', 'game_programme', ['ecology'], 'youth'), branches: [branch], date: '2023-09-21', campaign: 'biblio-eco' as const },
  ]),
  ...([
    ['2023-02-17', 'Литературный квиз «Классика без скуки»', 'quiz'], ['2023-03-24', 'Квест «Тайны старой библиотеки»', 'game_programme'],
    ['2023-04-14', 'Поэтический баттл «Слово за тобой»', 'contest'], ['2023-05-19', 'Литературная гостиная «Мастер и Маргарита»', 'literary_evening'],
    ['2023-09-22', 'Квиз «Русская литература в кино»', 'quiz'], ['2023-10-20', 'Мастер-класс «Буктрейлер своими руками»', 'master_class'],
    ['2023-11-17', 'Квест «Петербург Достоевского»', 'game_programme'], ['2023-12-15', 'Литературный вечер «Новогодние истории классиков»', 'literary_evening'],
  ] as const).map(([date, title, form]) => ({
    ...tpl(title, form, ['reading_promotion'], 'youth'), branches: ['crb' as const], date, campaign: 'pushkin-card' as const, admission: 'pushkin_card' as const, size: 25,
  })),
];

/** A branch's usual number of events a month, from its kind and the people it serves. */
function monthlyEvents(life: Life): number {
  if (life.type === 'central') return 16;
  if (life.type === 'children') return 13;
  if (life.population >= 1700) return 8;
  if (life.population >= 900) return 6;
  if (life.population >= 400) return 5;
  return 4;
}

/** Typical attendance of one event at a branch. */
function attendanceRange(life: Life): [number, number] {
  if (life.type === 'central') return [12, 40];
  if (life.type === 'children') return [15, 32];
  if (life.population >= 1700) return [10, 26];
  if (life.population >= 900) return [8, 22];
  if (life.population >= 400) return [6, 16];
  return [4, 12];
}

/** The shares of children (up to 14) and youth (15–30) in an audience, as [min, max]; adults are the rest. */
const AGE_SHARES: Record<Audience, [children: [number, number], youth: [number, number]]> = {
  children: [[0.85, 1], [0, 0]],
  youth: [[0, 0.15], [0.7, 0.9]],
  adults: [[0, 0], [0, 0.15]],
  seniors: [[0, 0], [0, 0]],
  families: [[0.45, 0.55], [0, 0.1]],
  disabled: [[0, 0.1], [0, 0.2]],
  general: [[0.2, 0.35], [0.15, 0.25]],
};

/** Splits a total by the 6-НК age groups as the audience suggests, every visitor counted once. */
function attendanceFor(audience: Audience, total: number, random: Random): NonNullable<CreateEventInput['attendance']> {
  const share = ([min, max]: [number, number]) => Math.round(total * (min + random.next() * (max - min)));
  const [childShare, youthShare] = AGE_SHARES[audience];
  const children = Math.min(total, share(childShare));
  const youth = Math.min(total - children, share(youthShare));
  const disabled = audience === 'disabled' ? share([0.6, 1]) : random.chance(0.2) ? random.int(1, Math.min(3, total)) : 0;
  return { total, children, youth, adults: total - children - youth, disabled };
}

/** A working day of the month within the branch's life: not a Sunday, near the wanted day if any. */
function dayIn(life: Life, month: number, random: Random, wanted?: number): string | undefined {
  const last = new Date(Date.UTC(YEAR, month, 0)).getUTCDate();
  const first = dateOf(month, 1) > life.from ? dateOf(month, 1) : life.from;
  const end = dateOf(month, last) < life.to ? dateOf(month, last) : life.to;
  if (first > end) return undefined;
  let date = wanted === undefined ? dateOf(month, random.int(1, last)) : dateOf(month, wanted);
  if (date < first || date > end) date = first;
  if (isSunday(date)) date = addDays(date, date < end ? 1 : -1);
  return date >= first && date <= end ? date : undefined;
}

function partnersFor(life: Life, template: Template, random: Random): PartnerKey[] {
  const near = partners.filter((partner) => (partner.near as readonly DemoBranchCode[]).includes(life.code));
  const fitting = near.filter((partner) => ({
    children: ['school', 'kindergarten', 'other'], youth: ['school', 'youth'], adults: ['culture_house', 'administration'],
    seniors: ['veterans', 'social'], families: ['kindergarten', 'culture_house'], disabled: ['public_organisation', 'social'],
    general: ['culture_house', 'administration', 'veterans'],
  }[template.audience] as string[]).includes(partner.input.kind));
  const chance = template.placeKind === 'outreach' ? 0.9 : 0.3;
  return fitting.length && random.chance(chance) ? [random.pick(fitting).key] : [];
}

/** The year of events of every branch, while it existed. */
export function events2023(): DemoEvent[] {
  const result: DemoEvent[] = [];
  for (const life of lives) {
    const random = randomFrom(`${life.code}-${YEAR}`);
    const [low, high] = attendanceRange(life);
    const make = (template: Template, startsOn: string, { size, ...rest }: Partial<DemoEvent> & { size?: number } = {}): DemoEvent => {
      const placeKind = template.placeKind ?? 'library';
      const total = size ?? Math.round(random.int(low, high) * (placeKind === 'outreach' ? 1.4 : 1));
      const withPartners = partnersFor(life, template, random);
      // Schoolchildren come in lesson hours; grown-ups after work.
      const [earliest, latest] = ['children', 'youth', 'families'].includes(template.audience) ? [10, 15] : [14, 18];
      const host = partners.find((partner) => partner.key === withPartners[0])?.input.name;
      return {
        title: template.title, startsOn, startsAt: `${pad(random.int(earliest, latest))}:00`, placeKind,
        place: placeKind === 'outreach' ? (host ?? 'выездное мероприятие') : random.pick(['читальный зал', 'абонемент', '']),
        form: template.form, directions: template.directions, audience: template.audience, admission: 'free',
        attendance: attendanceFor(template.audience, total, random), branches: [life.code], partners: withPartners, ...rest,
      };
    };
    const childrenOnly = life.type === 'children';
    const pool = childrenOnly ? forChildren : [...everyday, ...forChildren.slice(0, 4)];
    let next = random.int(0, pool.length - 1);
    for (let month = 1; month <= 12; month++) {
      const events: DemoEvent[] = [];
      for (const known of fromReport.filter((e) => e.branch === life.code && Number(e.date.slice(5, 7)) === month)) {
        events.push(make(known, known.date, { description: known.description }));
      }
      for (const own of ofCampaigns.filter((e) => e.branches.includes(life.code) && Number(e.date.slice(5, 7)) === month)) {
        if (own.date < life.from || own.date > life.to) continue;
        events.push(make(own, own.date, {
          endsOn: own.endsOn ?? null, campaign: own.campaign, admission: own.admission ?? 'free', ...(own.size ? { size: own.size } : {}),
        }));
      }
      const target = monthlyEvents(life) + random.int(-1, 1);
      if (dayIn(life, month, random) === undefined) continue;
      // One or two exhibitions a month, running one to four weeks (never past the branch's last day).
      for (const [title, directions] of exhibitions[month]!.slice(0, life.type === 'rural' && life.population < 900 ? 1 : 2)) {
        const startsOn = dayIn(life, month, random)!;
        const endsOn = [addDays(startsOn, random.int(7, 27)), life.to].sort()[0]!;
        events.push(make(tpl(title, 'book_exhibition', directions, childrenOnly ? 'children' : 'general'), startsOn, {
          endsOn, startsAt: null, exhibitionDocuments: random.int(12, life.type === 'rural' ? 40 : 90), size: random.int(low * 3, high * 4), partners: [],
        }));
      }
      if (life.type === 'central') {
        const startsOn = dayIn(life, month, random);
        if (startsOn) events.push(make(financeLessons[month % financeLessons.length]!, startsOn));
      }
      for (const [day, template] of calendar[month]!) {
        if (events.length >= Math.ceil(target * 0.7)) break;
        if (childrenOnly && !['children', 'families'].includes(template.audience)) continue;
        const startsOn = dayIn(life, month, random, day);
        if (startsOn) events.push(make(template, startsOn));
      }
      while (events.length < target) {
        const template = pool[next++ % pool.length]!;
        const startsOn = dayIn(life, month, random);
        if (startsOn) events.push(make(template, startsOn));
      }
      result.push(...events);
    }
  }
  return result;
}

/** A plan close to what was held (a few branches fall short, a few exceed); Тевризская planned the whole year. */
function plansFor(events: DemoEvent[]) {
  return lives.map((life) => {
    const random = randomFrom(`plan-${life.code}-${YEAR}`);
    const own = events.filter((event) => event.branches.includes(life.code));
    const yearShare = life.to < `${YEAR}-12-31` ? 2 : 1;
    const factor = yearShare * (0.93 + random.next() * 0.14);
    const attendance = own.reduce((sum, event) => sum + (event.attendance?.total ?? 0), 0);
    return {
      branch: life.code,
      plannedEvents: Math.round(own.length * factor),
      plannedAttendance: Math.round((attendance * factor) / 10) * 10,
    };
  });
}

/**
 * Loads the year: default dictionaries, partners, campaigns with their participants, the events
 * (in one batch through the same use-case as a typed-in event) and the annual plans.
 */
export async function loadEvents2023(options: { trx: Kysely<DB>; actor: Actor; branchIds: ReadonlyMap<string, number> }) {
  const { trx, actor, branchIds } = options;
  const dictionaries = await ensureDefaultEventDictionaries({ trx, actor });
  const formIds = new Map(dictionaries.forms.map((entry) => [entry.code, entry.id]));
  const directionIds = new Map(dictionaries.directions.map((entry) => [entry.code, entry.id]));

  const partnerIds = new Map<string, number>();
  for (const partner of partners) partnerIds.set(partner.key, (await createPartner({ trx, actor, input: partner.input })).id);
  const campaignIds = new Map<string, number>();
  for (const campaign of campaigns) {
    const { id } = await createCampaign({ trx, actor, input: campaign.input });
    campaignIds.set(campaign.key, id);
    for (const { branch, note } of campaign.participants) {
      await recordParticipation({ trx, actor, campaignId: id, input: { branchId: idOf(branchIds, branch), note } });
    }
  }

  const events = events2023();
  await createEvents({
    trx, actor,
    inputs: events.map(({ branches: codes, form, directions, partners: keys, campaign, ...event }) => ({
      ...event,
      branchIds: codes.map((code) => idOf(branchIds, code)),
      formId: idOf(formIds, form),
      directionIds: directions.map((code) => idOf(directionIds, code)),
      partnerIds: keys.map((key) => idOf(partnerIds, key)),
      campaignId: campaign ? idOf(campaignIds, campaign) : null,
    })),
  });
  for (const plan of plansFor(events)) {
    await setEventPlan({
      trx, actor,
      input: { branchId: idOf(branchIds, plan.branch), year: YEAR, directionId: null, plannedEvents: plan.plannedEvents, plannedAttendance: plan.plannedAttendance },
    });
  }
}
