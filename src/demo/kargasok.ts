/**
 * The demonstration network: МБУК «Каргасокская ЦРБ» (Каргасокский район, Томская область),
 * shaped after the network's real 2023 annual report (the project's seed document).
 *
 * What comes from the report: the network, the names of the branches it mentions, the
 * liquidation of «Тевризская сельская библиотека» (after a survey of the citizens of
 * с. Новый Тевриз and an expert conclusion of ОГАУК «ТОУНБ им. А.С. Пушкина»), the opening of
 * «Библиотека «Пятый километр» in the second half of 2023, Средневасюганская as a ЦОД, the
 * staff members Вялова А.В., Смирнова Е.С. and Санина С.А. (initials only), and the courses
 * («Консультант Плюс / Технология ТОП» for 8 staff of the central library and 6 of the ЦОДs,
 * «Академия госпабликов» for 4, and certificates on the listed safety and compliance topics).
 *
 * Everything else is ILLUSTRATIVE, not fact: the other branches (real settlements of the
 * district, invented libraries), addresses, phones, hours, populations, opening years and their
 * bases, service points, the people (names, full first names and patronymics, dates, education),
 * posts, training providers, hours and certificate numbers. Opening bases say so in their text,
 * so that nobody takes a demo date for history.
 */
import type { BranchEventInput, CreateBranchInput, CreateServicePointInput } from '../modules/network/index.js';
import type { CreateStaffMemberInput, CreateStaffPositionInput, CreateTrainingInput } from '../modules/staff/index.js';

export const kargasokNetwork = {
  code: 'kargasok',
  name: 'Каргасокская ЦБС',
  fullName: 'МБУК «Каргасокская централизованная районная библиотека»',
} as const;

/** A branch as created, then the later events of its history in date order. */
export type DemoBranch = CreateBranchInput & { history?: readonly BranchEventInput[] };

const CONDITIONAL_YEAR = 'реквизиты документа неизвестны, год открытия условный — демонстрационные данные';
const opening = (what: string) => ({ basisKind: 'decision', basis: `${what} (${CONDITIONAL_YEAR})` } as const);
const KARGASOK_PHONE = '8 (38253)';

export const branches = [
  {
    code: 'crb', name: 'Каргасокская центральная районная библиотека', type: 'central',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Каргасок', address: 'ул. Пушкина, 6', phone: `${KARGASOK_PHONE} 2-11-45`,
    openingHours: 'пн–пт 10:00–19:00, сб 10:00–17:00',
    workingDays: 'понедельник — суббота; воскресенье — выходной; последний четверг месяца — санитарный день',
    populationServed: 7600,
    openedOn: '1931-01-01', ...opening('Решение районного исполнительного комитета об открытии районной библиотеки'),
  },
  {
    code: 'db', name: 'Каргасокская детская библиотека', type: 'children',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Каргасок', address: 'ул. Советская, 39', phone: `${KARGASOK_PHONE} 2-14-72`,
    openingHours: 'пн–пт 9:00–18:00, сб 10:00–16:00',
    workingDays: 'понедельник — суббота; воскресенье — выходной; последняя пятница месяца — санитарный день',
    populationServed: 2100,
    openedOn: '1957-09-01', ...opening('Решение районного исполнительного комитета о выделении детской библиотеки'),
  },
  {
    code: 'n-vasyugan', name: 'Нововасюганская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Новый Васюган', address: 'ул. Советская, 51', phone: `${KARGASOK_PHONE} 2-91-38`,
    openingHours: 'вт–пт 11:00–19:00, сб 11:00–17:00', workingDays: 'вторник — суббота',
    populationServed: 2300,
    openedOn: '1936-03-01', ...opening('Решение сельского совета об открытии избы-читальни, преобразованной в библиотеку'),
    history: [
      {
        kind: 'status_changed', occurredOn: '2012-04-02', isPublicAccessCentre: true,
        basisKind: 'decision', basis: 'Решение учредителя об открытии центра общественного доступа на базе филиала (пример)',
      },
    ],
  },
  {
    code: 's-vasyugan', name: 'Средневасюганская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Средний Васюган', address: 'ул. Гагарина, 12', phone: `${KARGASOK_PHONE} 2-55-17`,
    openingHours: 'вт–пт 11:00–19:00, сб 11:00–17:00', workingDays: 'вторник — суббота',
    populationServed: 1750,
    openedOn: '1938-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
    history: [
      {
        kind: 'status_changed', occurredOn: '2015-02-02', isPublicAccessCentre: true,
        basisKind: 'decision', basis: 'Решение учредителя об открытии центра общественного доступа на базе филиала (пример)',
      },
    ],
  },
  {
    code: 'vertikos', name: 'Вертикосская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Вертикос', address: 'ул. Молодёжная, 4', phone: `${KARGASOK_PHONE} 3-61-22`,
    openingHours: 'вт–сб 12:00–18:00', workingDays: 'вторник — суббота',
    populationServed: 480,
    openedOn: '1951-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'novoyugino', name: 'Новоюгинская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Новоюгино', address: 'ул. Центральная, 22', phone: `${KARGASOK_PHONE} 3-71-40`,
    openingHours: 'вт–пт 11:00–19:00, сб 11:00–16:00', workingDays: 'вторник — суббота',
    populationServed: 920,
    openedOn: '1949-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
    history: [
      {
        kind: 'status_changed', occurredOn: '2022-09-01', isModel: true,
        basisKind: 'decision', basis: 'Решение учредителя о присвоении статуса модельной библиотеки после переоснащения (пример)',
      },
    ],
  },
  {
    code: 's-tym', name: 'Среднетымская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'п. Молодёжный (Среднетымское сельское поселение)', address: 'ул. Школьная, 3', phone: `${KARGASOK_PHONE} 4-51-16`,
    openingHours: 'вт–сб 12:00–18:00', workingDays: 'вторник — суббота',
    populationServed: 1050,
    openedOn: '1972-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'pavlovo', name: 'Павловская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Павлово', address: 'ул. Береговая, 8', phone: `${KARGASOK_PHONE} 3-41-05`,
    openingHours: 'вт, чт, сб 12:00–17:00', workingDays: 'вторник, четверг, суббота',
    populationServed: 310,
    openedOn: '1955-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    // A library that shares a building and a director with the village culture house: still a
    // rural branch of the ЦБС (it counts in the rural rows of 6-НК), not a separate kind of library.
    code: 'b-griva', name: 'Большегривская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'п. Большая Грива', address: 'ул. Кедровая, 1', phone: `${KARGASOK_PHONE} 3-33-19`,
    openingHours: 'вт–сб 13:00–19:00', workingDays: 'вторник — суббота',
    populationServed: 290,
    openedOn: '1960-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
    history: [
      {
        kind: 'reorganised', occurredOn: '2011-01-01',
        note: 'Объединена с сельским Домом культуры в библиотечно-досуговый центр',
        basisKind: 'decision', basis: 'Решение учредителя о создании библиотечно-досугового центра (пример)',
      },
      {
        kind: 'renamed', occurredOn: '2011-01-01', name: 'Большегривский БДЦ',
        basisKind: 'decision', basis: 'Решение учредителя о создании библиотечно-досугового центра (пример)',
      },
    ],
  },
  {
    // п. Нефтяников is a rural settlement like the rest of the district (there is no town),
    // so the branch is rural whatever its name.
    code: 'neftyanik', name: 'Библиотека посёлка Нефтяников', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'п. Нефтяников', address: 'ул. Лугинецкая, 14', phone: `${KARGASOK_PHONE} 2-33-61`,
    openingHours: 'пн–пт 11:00–19:00, сб 11:00–16:00', workingDays: 'понедельник — суббота',
    populationServed: 1350,
    openedOn: '1982-10-01', ...opening('Решение районного исполнительного комитета об открытии библиотеки в посёлке нефтяников'),
    history: [
      {
        kind: 'renamed', occurredOn: '2004-05-27', name: 'Библиотека «Нефтяник»',
        basisKind: 'decision', basis: 'Решение учредителя о присвоении библиотеке имени «Нефтяник» (пример)',
      },
      {
        kind: 'status_changed', occurredOn: '2016-03-01', isPublicAccessCentre: true,
        basisKind: 'decision', basis: 'Решение учредителя об открытии центра общественного доступа на базе филиала (пример)',
      },
    ],
  },
  {
    code: 'tevriz', name: 'Тевризская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Новый Тевриз', address: 'ул. Лесная, 2', phone: '',
    openingHours: 'ср, пт 13:00–17:00', workingDays: 'среда, пятница',
    populationServed: 140,
    openedOn: '1962-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
    history: [
      {
        kind: 'liquidated', occurredOn: '2023-07-01', basisKind: 'expert_conclusion',
        basis: 'Филиал ликвидирован по объективным причинам после проведения опроса граждан с. Новый Тевриз '
          + 'и на основании экспертного заключения ОГАУК «ТОУНБ им. А.С. Пушкина» (годовой отчёт за 2023 год)',
      },
    ],
  },
  {
    code: 'km5', name: 'Библиотека «Пятый километр»', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Каргасок, мкр. Пятый километр', address: 'ул. Нефтяников, 9', phone: `${KARGASOK_PHONE} 2-40-08`,
    openingHours: 'вт–пт 12:00–19:00, сб 11:00–16:00', workingDays: 'вторник — суббота',
    populationServed: 1200,
    openedOn: '2023-07-01', basisKind: 'decision',
    basis: 'Решение учредителя о создании филиала «Библиотека «Пятый километр»: работает со второго полугодия 2023 года '
      + '(реквизиты решения в демонстрационных данных не указаны)',
  },
  {
    code: 'tymsk', name: 'Тымская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Тымск', address: 'ул. Набережная, 17', phone: `${KARGASOK_PHONE} 4-41-30`,
    openingHours: 'вт–сб 12:00–18:00', workingDays: 'вторник — суббота',
    populationServed: 350,
    openedOn: '1946-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'ust-tym', name: 'Усть-Тымская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Усть-Тым', address: 'ул. Центральная, 5', phone: `${KARGASOK_PHONE} 4-31-12`,
    openingHours: 'вт, чт 12:00–18:00; сб 12:00–16:00', workingDays: 'вторник, четверг, суббота',
    populationServed: 200,
    openedOn: '1953-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'kievsky', name: 'Киевская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'п. Киевский', address: 'ул. Геологов, 10', phone: `${KARGASOK_PHONE} 3-91-24`,
    openingHours: 'вт–пт 11:00–18:00, сб 11:00–16:00', workingDays: 'вторник — суббота',
    populationServed: 500,
    openedOn: '1976-01-01', ...opening('Решение районного исполнительного комитета об открытии библиотеки'),
  },
  {
    code: 'staroyugino', name: 'Староюгинская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Староюгино', address: 'ул. Школьная, 7', phone: `${KARGASOK_PHONE} 3-75-11`,
    openingHours: 'вт, чт, сб 12:00–17:00', workingDays: 'вторник, четверг, суббота',
    populationServed: 200,
    openedOn: '1958-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'sosnovka', name: 'Сосновская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Сосновка', address: 'ул. Лесная, 15', phone: `${KARGASOK_PHONE} 3-51-09`,
    openingHours: 'вт–сб 12:00–18:00', workingDays: 'вторник — суббота',
    populationServed: 450,
    openedOn: '1950-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'myldzhino', name: 'Мыльджинская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Мыльджино', address: 'ул. Береговая, 3', phone: `${KARGASOK_PHONE} 2-61-27`,
    openingHours: 'вт–сб 12:00–18:00', workingDays: 'вторник — суббота',
    populationServed: 300,
    openedOn: '1964-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
  {
    code: 'ust-chizhapka', name: 'Усть-Чижапская сельская библиотека', type: 'rural',
    isPublicAccessCentre: false, isModel: false,
    settlement: 'с. Усть-Чижапка', address: 'ул. Центральная, 11', phone: '',
    openingHours: 'ср, пт 12:00–17:00; сб 12:00–15:00', workingDays: 'среда, пятница, суббота',
    populationServed: 250,
    openedOn: '1967-01-01', ...opening('Решение сельского совета об открытии библиотеки'),
  },
] as const satisfies readonly DemoBranch[];

export type DemoBranchCode = (typeof branches)[number]['code'];

export type DemoServicePoint = Omit<CreateServicePointInput, 'branchId'> & { branch: DemoBranchCode };

export const servicePoints = [
  {
    branch: 'crb', name: 'Книжная полка в Каргасокской районной больнице', kind: 'hospital',
    address: 'с. Каргасок, терапевтическое отделение стационара', openedOn: '2012-02-01',
  },
  {
    // Served the neighbourhood until the branch «Пятый километр» opened there.
    branch: 'crb', name: 'Пункт выдачи в мкр. Пятый километр', kind: 'settlement',
    address: 'с. Каргасок, мкр. Пятый километр, помещение ТОС', openedOn: '2018-03-01', closedOn: '2023-06-30',
  },
  {
    branch: 'neftyanik', name: 'Пункт выдачи в совете ветеранов п. Нефтяников', kind: 'other',
    address: 'п. Нефтяников, помещение совета ветеранов', openedOn: '2014-10-01',
  },
  {
    branch: 'db', name: 'Библиотечный пункт в Каргасокской СОШ № 2 (начальные классы)', kind: 'school',
    address: 'с. Каргасок, здание начальной школы', openedOn: '2010-09-01',
  },
  {
    branch: 'db', name: 'Книжная полка в детском саду «Солнышко»', kind: 'kindergarten',
    address: 'с. Каргасок', openedOn: '2019-09-02',
  },
  {
    branch: 'novoyugino', name: 'Пункт выдачи в с. Бондарка', kind: 'settlement',
    address: 'с. Бондарка, здание администрации', openedOn: '2005-02-01',
  },
  {
    branch: 's-vasyugan', name: 'Пункт выдачи в п. Наунак', kind: 'settlement',
    address: 'п. Наунак, фельдшерско-акушерский пункт', openedOn: '2009-06-01',
  },
  {
    branch: 's-vasyugan', name: 'Библиотечный пункт в Средневасюганской СОШ', kind: 'school',
    address: 'с. Средний Васюган, здание школы', openedOn: '2016-09-01',
  },
] as const satisfies readonly DemoServicePoint[];

export type DemoStaffPosition = Omit<CreateStaffPositionInput, 'branchId'> & { branch: DemoBranchCode };

/** The establishment (штатное расписание) in force since 2020, with the posts that opened and closed in 2023. */
const SINCE = '2020-01-01';
export const staffPositions = [
  { branch: 'crb', title: 'Директор', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Заместитель директора', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Заведующий отделом', rate: 3, validFrom: SINCE },
  { branch: 'crb', title: 'Методист', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Главный библиограф', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Ведущий библиотекарь', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Библиотекарь', rate: 4.5, validFrom: SINCE },
  { branch: 'crb', title: 'Инженер-программист', rate: 0.5, validFrom: SINCE },
  { branch: 'crb', title: 'Главный бухгалтер', rate: 1, validFrom: SINCE },
  { branch: 'crb', title: 'Уборщик служебных помещений', rate: 1, validFrom: SINCE },
  { branch: 'db', title: 'Заведующий библиотекой', rate: 1, validFrom: SINCE },
  { branch: 'db', title: 'Библиограф', rate: 1, validFrom: SINCE },
  { branch: 'db', title: 'Библиотекарь', rate: 2, validFrom: SINCE },
  { branch: 'n-vasyugan', title: 'Заведующий филиалом', rate: 1, validFrom: SINCE },
  { branch: 'n-vasyugan', title: 'Библиотекарь (центр общественного доступа)', rate: 1, validFrom: SINCE },
  { branch: 's-vasyugan', title: 'Заведующий филиалом', rate: 1, validFrom: SINCE },
  { branch: 's-vasyugan', title: 'Библиотекарь (центр общественного доступа)', rate: 0.75, validFrom: SINCE },
  { branch: 'neftyanik', title: 'Заведующий библиотекой', rate: 1, validFrom: SINCE },
  { branch: 'neftyanik', title: 'Библиотекарь (центр общественного доступа)', rate: 1, validFrom: SINCE },
  { branch: 'vertikos', title: 'Библиотекарь', rate: 0.75, validFrom: SINCE },
  { branch: 'novoyugino', title: 'Библиотекарь', rate: 1, validFrom: SINCE },
  { branch: 's-tym', title: 'Библиотекарь', rate: 1, validFrom: SINCE },
  { branch: 'pavlovo', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE },
  { branch: 'b-griva', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE },
  { branch: 'tevriz', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE, validTo: '2023-06-30' },
  { branch: 'km5', title: 'Библиотекарь', rate: 1, validFrom: '2023-07-01' },
  { branch: 'tymsk', title: 'Библиотекарь', rate: 0.75, validFrom: SINCE },
  { branch: 'ust-tym', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE },
  { branch: 'kievsky', title: 'Библиотекарь', rate: 1, validFrom: SINCE },
  { branch: 'staroyugino', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE },
  { branch: 'sosnovka', title: 'Библиотекарь', rate: 0.75, validFrom: SINCE },
  { branch: 'myldzhino', title: 'Библиотекарь', rate: 0.75, validFrom: SINCE },
  { branch: 'ust-chizhapka', title: 'Библиотекарь', rate: 0.5, validFrom: SINCE },
] as const satisfies readonly DemoStaffPosition[];

/** A person, with a key by which the training records below name them. */
export type DemoStaffMember = Omit<CreateStaffMemberInput, 'branchId'> & { key: string; branch: DemoBranchCode };

export const staffMembers = [
  // Центральная районная библиотека: administration, methodological department, service, acquisitions.
  {
    key: 'kondratieva', branch: 'crb', lastName: 'Кондратьева', firstName: 'Ирина', middleName: 'Николаевна',
    position: 'Директор', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1989-08-15', birthDate: '1966-03-14', hiredOn: '2004-02-02',
  },
  {
    key: 'golovanova', branch: 'crb', lastName: 'Голованова', firstName: 'Ольга', middleName: 'Петровна',
    position: 'Заместитель директора по библиотечной работе', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1995-09-01', birthDate: '1972-11-02', hiredOn: '1995-09-01',
  },
  {
    key: 'melnikova', branch: 'crb', lastName: 'Мельникова', firstName: 'Татьяна', middleName: 'Васильевна',
    position: 'Заведующий методическим отделом', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1990-08-20', birthDate: '1968-06-20', hiredOn: '1990-08-20',
  },
  {
    key: 'shestakova', branch: 'crb', lastName: 'Шестакова', firstName: 'Наталья', middleName: 'Юрьевна',
    position: 'Методист', employment: 'staff', education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: '2008-10-01', birthDate: '1979-01-28', hiredOn: '2008-10-01',
  },
  {
    key: 'zaitseva', branch: 'crb', lastName: 'Зайцева', firstName: 'Людмила', middleName: 'Александровна',
    position: 'Главный библиограф', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1988-08-15', birthDate: '1962-09-09', hiredOn: '1988-08-15',
  },
  {
    // Вялова А.В.: first place in the «Талантикус» olympiad on catalogues and information retrieval.
    key: 'vyalova', branch: 'crb', lastName: 'Вялова', firstName: 'Анастасия', middleName: 'Викторовна',
    position: 'Ведущий библиотекарь отдела комплектования и обработки', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '2011-09-01', birthDate: '1988-04-17', hiredOn: '2011-09-01',
  },
  {
    // Смирнова Е.С.: 3rd place in «Лучший молодой библиотекарь Томской области — 2023».
    key: 'smirnova', branch: 'crb', lastName: 'Смирнова', firstName: 'Екатерина', middleName: 'Сергеевна',
    position: 'Библиотекарь отдела обслуживания', employment: 'staff', education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: '2021-09-01', birthDate: '1999-08-23', hiredOn: '2021-09-01',
  },
  {
    key: 'ponomareva', branch: 'crb', lastName: 'Пономарёва', firstName: 'Светлана', middleName: 'Геннадьевна',
    position: 'Заведующий отделом обслуживания', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1996-08-01', birthDate: '1975-12-05', hiredOn: '1996-08-01',
  },
  {
    key: 'tikhonova', branch: 'crb', lastName: 'Тихонова', firstName: 'Елена', middleName: 'Михайловна',
    position: 'Заведующий отделом комплектования и обработки', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1993-09-01', birthDate: '1970-07-07', hiredOn: '1998-03-16',
  },
  {
    key: 'lukina', branch: 'crb', lastName: 'Лукина', firstName: 'Валентина', middleName: 'Ивановна',
    position: 'Библиотекарь читального зала', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2002-04-01', birthDate: '1960-02-11', hasDisability: true, hiredOn: '2002-04-01',
  },
  {
    key: 'kuznetsova', branch: 'crb', lastName: 'Кузнецова', firstName: 'Дарья', middleName: 'Андреевна',
    position: 'Библиотекарь по работе с детьми и юношеством', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '2016-09-01', birthDate: '1995-05-30', hiredOn: '2016-09-01',
  },
  {
    key: 'ilyina', branch: 'crb', lastName: 'Ильина', firstName: 'Вера', middleName: 'Константиновна',
    position: 'Библиотекарь абонемента', employment: 'staff', education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: '2014-02-03', birthDate: '1983-10-19', hiredOn: '2014-02-03',
  },
  {
    key: 'volkova', branch: 'crb', lastName: 'Волкова', firstName: 'Раиса', middleName: 'Михайловна',
    position: 'Библиотекарь абонемента', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1991-09-02', birthDate: '1961-01-25', hiredOn: '1991-09-02', dismissedOn: '2023-03-31',
  },
  {
    key: 'belousov', branch: 'crb', lastName: 'Белоусов', firstName: 'Андрей', middleName: 'Игоревич',
    position: 'Инженер-программист', employment: 'part_time', isCoreStaff: false, education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: null, birthDate: '1990-10-10', hiredOn: '2019-03-01',
  },
  {
    key: 'fedorova', branch: 'crb', lastName: 'Фёдорова', firstName: 'Галина', middleName: 'Степановна',
    position: 'Главный бухгалтер', employment: 'staff', isCoreStaff: false, education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: null, birthDate: '1967-05-22', hiredOn: '2009-01-12',
  },
  {
    key: 'semenova', branch: 'crb', lastName: 'Семёнова', firstName: 'Нина', middleName: 'Васильевна',
    position: 'Уборщик служебных помещений', employment: 'staff', isCoreStaff: false, education: 'other', hasLibraryEducation: false,
    libraryExperienceSince: null, birthDate: '1964-08-30', hiredOn: '2015-06-01',
  },

  // Детская библиотека.
  {
    key: 'grigorieva', branch: 'db', lastName: 'Григорьева', firstName: 'Марина', middleName: 'Владимировна',
    position: 'Заведующий детской библиотекой', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1998-09-01', birthDate: '1976-03-03', hiredOn: '1998-09-01',
  },
  {
    // Санина С.А.: diploma of the 1st degree in «Гордость страны», nomination «Мой сайт».
    key: 'sanina', branch: 'db', lastName: 'Санина', firstName: 'Светлана', middleName: 'Александровна',
    position: 'Библиотекарь', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '2009-09-01', birthDate: '1986-09-15', hiredOn: '2009-09-01',
  },
  {
    key: 'ryabova', branch: 'db', lastName: 'Рябова', firstName: 'Ольга', middleName: 'Николаевна',
    position: 'Библиограф', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1994-11-01', birthDate: '1969-12-01', hiredOn: '1994-11-01',
  },
  {
    key: 'nikitina', branch: 'db', lastName: 'Никитина', firstName: 'Алёна', middleName: 'Олеговна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '2022-08-15', birthDate: '2001-02-12', hiredOn: '2022-08-15',
  },

  // Branches with a public access centre (ЦОД): a head and a librarian for the centre.
  {
    key: 'makarova', branch: 'n-vasyugan', lastName: 'Макарова', firstName: 'Нина', middleName: 'Фёдоровна',
    position: 'Заведующий филиалом', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1989-08-01', birthDate: '1964-04-08', hiredOn: '1989-08-01',
  },
  {
    key: 'tkachenko', branch: 'n-vasyugan', lastName: 'Ткаченко', firstName: 'Юлия', middleName: 'Алексеевна',
    position: 'Библиотекарь (центр общественного доступа)', employment: 'staff', education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: '2017-10-02', birthDate: '1992-07-19', hiredOn: '2017-10-02',
  },
  {
    key: 'osipova', branch: 's-vasyugan', lastName: 'Осипова', firstName: 'Елена', middleName: 'Анатольевна',
    position: 'Заведующий филиалом', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1997-09-01', birthDate: '1973-02-14', hiredOn: '1997-09-01',
  },
  {
    key: 'guseva', branch: 's-vasyugan', lastName: 'Гусева', firstName: 'Кристина', middleName: 'Павловна',
    position: 'Библиотекарь (центр общественного доступа)', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2019-11-05', birthDate: '1997-06-06', hiredOn: '2019-11-05',
  },
  {
    key: 'belova', branch: 'neftyanik', lastName: 'Белова', firstName: 'Татьяна', middleName: 'Ивановна',
    position: 'Заведующий библиотекой', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1993-03-01', birthDate: '1969-09-27', hiredOn: '1993-03-01',
  },
  {
    key: 'sidorenko', branch: 'neftyanik', lastName: 'Сидоренко', firstName: 'Ирина', middleName: 'Викторовна',
    position: 'Библиотекарь (центр общественного доступа)', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2012-01-16', birthDate: '1983-05-11', hasDisability: true, hiredOn: '2012-01-16',
  },

  // Rural branches: one librarian each, often on a part of a post.
  {
    key: 'popova', branch: 'vertikos', lastName: 'Попова', firstName: 'Валентина', middleName: 'Николаевна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1988-09-01', birthDate: '1958-05-05', hiredOn: '1988-09-01',
  },
  {
    key: 'efimova', branch: 'novoyugino', lastName: 'Ефимова', firstName: 'Лариса', middleName: 'Геннадьевна',
    position: 'Библиотекарь', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '1999-09-01', birthDate: '1974-10-30', hiredOn: '1999-09-01',
  },
  {
    key: 'kharitonova', branch: 's-tym', lastName: 'Харитонова', firstName: 'Ольга', middleName: 'Сергеевна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2010-03-01', birthDate: '1981-12-24', hiredOn: '2010-03-01',
  },
  {
    key: 'kislitsyna', branch: 'pavlovo', lastName: 'Кислицына', firstName: 'Надежда', middleName: 'Петровна',
    position: 'Библиотекарь', employment: 'staff', education: 'other', hasLibraryEducation: false,
    libraryExperienceSince: '2006-02-01', birthDate: '1963-01-17', hiredOn: '2006-02-01',
  },
  {
    key: 'lapteva', branch: 'b-griva', lastName: 'Лаптева', firstName: 'Анна', middleName: 'Михайловна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2014-09-01', birthDate: '1985-02-02', hiredOn: '2014-09-01',
  },
  {
    key: 'chernova', branch: 'tevriz', lastName: 'Чернова', firstName: 'Зинаида', middleName: 'Ивановна',
    position: 'Библиотекарь', employment: 'staff', education: 'other', hasLibraryEducation: false,
    libraryExperienceSince: '1995-03-01', birthDate: '1961-07-13', hiredOn: '1995-03-01', dismissedOn: '2023-06-30',
  },
  {
    key: 'sokolova', branch: 'km5', lastName: 'Соколова', firstName: 'Дарья', middleName: 'Игоревна',
    position: 'Библиотекарь', employment: 'staff', education: 'higher', hasLibraryEducation: true,
    libraryExperienceSince: '2019-09-02', birthDate: '1996-04-04', hiredOn: '2023-07-01',
  },
  {
    key: 'safronova', branch: 'tymsk', lastName: 'Сафронова', firstName: 'Ирина', middleName: 'Владимировна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '2003-09-01', birthDate: '1977-08-08', hiredOn: '2003-09-01',
  },
  {
    key: 'mamontova', branch: 'ust-tym', lastName: 'Мамонтова', firstName: 'Галина', middleName: 'Алексеевна',
    position: 'Библиотекарь', employment: 'part_time', education: 'other', hasLibraryEducation: false,
    libraryExperienceSince: '2011-04-01', birthDate: '1966-11-11', hiredOn: '2011-04-01',
  },
  {
    key: 'dyachkova', branch: 'kievsky', lastName: 'Дьячкова', firstName: 'Елена', middleName: 'Викторовна',
    position: 'Библиотекарь', employment: 'staff', education: 'higher', hasLibraryEducation: false,
    libraryExperienceSince: '2007-06-01', birthDate: '1980-06-15', hiredOn: '2007-06-01',
  },
  {
    key: 'zueva', branch: 'staroyugino', lastName: 'Зуева', firstName: 'Светлана', middleName: 'Николаевна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1992-10-01', birthDate: '1971-03-29', hiredOn: '1992-10-01',
  },
  {
    key: 'kravchenko', branch: 'sosnovka', lastName: 'Кравченко', firstName: 'Оксана', middleName: 'Владимировна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: false,
    libraryExperienceSince: '2013-01-09', birthDate: '1984-09-09', hiredOn: '2013-01-09',
  },
  {
    key: 'tarasova', branch: 'myldzhino', lastName: 'Тарасова', firstName: 'Людмила', middleName: 'Петровна',
    position: 'Библиотекарь', employment: 'staff', education: 'secondary_vocational', hasLibraryEducation: true,
    libraryExperienceSince: '1990-09-01', birthDate: '1959-12-12', hiredOn: '1990-09-01',
  },
  {
    key: 'antonova', branch: 'ust-chizhapka', lastName: 'Антонова', firstName: 'Марина', middleName: 'Юрьевна',
    position: 'Библиотекарь', employment: 'part_time', education: 'other', hasLibraryEducation: false,
    libraryExperienceSince: '2020-10-01', birthDate: '1989-05-05', hiredOn: '2020-10-01',
  },
] as const satisfies readonly DemoStaffMember[];

export type DemoStaffKey = (typeof staffMembers)[number]['key'];

/** One course and who completed it, each with their own certificate. */
export type DemoCourse = Omit<CreateTrainingInput, 'certificateNumber'> & {
  trainees: readonly { staff: DemoStaffKey; certificateNumber: string }[];
};

export const CONSULTANT_PLUS_COURSE = 'Консультант Плюс / Технология ТОП';

const TRAINING_CENTRE = 'Учебный центр дополнительного профессионального образования (г. Томск)';

export const courses = [
  {
    course: CONSULTANT_PLUS_COURSE, provider: 'Региональный информационный центр сети КонсультантПлюс (г. Томск)',
    topic: 'digital', hours: 16, startedOn: '2023-02-06', finishedOn: '2023-02-17',
    trainees: [
      { staff: 'kondratieva', certificateNumber: 'ТОП-2023/0101' },
      { staff: 'golovanova', certificateNumber: 'ТОП-2023/0102' },
      { staff: 'melnikova', certificateNumber: 'ТОП-2023/0103' },
      { staff: 'shestakova', certificateNumber: 'ТОП-2023/0104' },
      { staff: 'zaitseva', certificateNumber: 'ТОП-2023/0105' },
      { staff: 'vyalova', certificateNumber: 'ТОП-2023/0106' },
      { staff: 'smirnova', certificateNumber: 'ТОП-2023/0107' },
      { staff: 'ponomareva', certificateNumber: 'ТОП-2023/0108' },
    ],
  },
  {
    // The second group: the staff of the three public access centres.
    course: CONSULTANT_PLUS_COURSE, provider: 'Региональный информационный центр сети КонсультантПлюс (г. Томск)',
    topic: 'digital', hours: 16, startedOn: '2023-04-03', finishedOn: '2023-04-14',
    trainees: [
      { staff: 'makarova', certificateNumber: 'ТОП-2023/0231' },
      { staff: 'tkachenko', certificateNumber: 'ТОП-2023/0232' },
      { staff: 'osipova', certificateNumber: 'ТОП-2023/0233' },
      { staff: 'guseva', certificateNumber: 'ТОП-2023/0234' },
      { staff: 'belova', certificateNumber: 'ТОП-2023/0235' },
      { staff: 'sidorenko', certificateNumber: 'ТОП-2023/0236' },
    ],
  },
  {
    course: 'Академия госпабликов', provider: 'АНО «Диалог Регионы»',
    topic: 'digital', hours: 36, startedOn: '2023-03-13', finishedOn: '2023-04-21',
    trainees: [
      { staff: 'shestakova', certificateNumber: 'АГП-2023-015874' },
      { staff: 'smirnova', certificateNumber: 'АГП-2023-015875' },
      { staff: 'sanina', certificateNumber: 'АГП-2023-015902' },
      { staff: 'tkachenko', certificateNumber: 'АГП-2023-016117' },
    ],
  },
  {
    course: 'Обучение мерам пожарной безопасности (пожарно-технический минимум)', provider: TRAINING_CENTRE,
    topic: 'fire_safety', hours: 16, startedOn: '2023-03-20', finishedOn: '2023-03-22',
    trainees: [
      { staff: 'kondratieva', certificateNumber: 'ПБ-23/0347' },
      { staff: 'golovanova', certificateNumber: 'ПБ-23/0348' },
      { staff: 'grigorieva', certificateNumber: 'ПБ-23/0349' },
      { staff: 'belova', certificateNumber: 'ПБ-23/0350' },
      { staff: 'osipova', certificateNumber: 'ПБ-23/0351' },
    ],
  },
  {
    course: 'Обучение по охране труда: общие вопросы охраны труда и функционирования СУОТ (программа А)', provider: TRAINING_CENTRE,
    topic: 'labour_protection', hours: 16, startedOn: '2023-05-15', finishedOn: '2023-05-17',
    trainees: [
      { staff: 'kondratieva', certificateNumber: 'ОТ-23/1125' },
      { staff: 'golovanova', certificateNumber: 'ОТ-23/1126' },
      { staff: 'tikhonova', certificateNumber: 'ОТ-23/1127' },
    ],
  },
  {
    course: 'Подготовка должностных лиц и специалистов гражданской обороны и РСЧС',
    provider: 'Учебно-методический центр по ГО и ЧС Томской области',
    topic: 'civil_defence', hours: 36, startedOn: '2023-09-11', finishedOn: '2023-09-15',
    trainees: [
      { staff: 'kondratieva', certificateNumber: 'ГОЧС-23/0219' },
      { staff: 'golovanova', certificateNumber: 'ГОЧС-23/0220' },
    ],
  },
  {
    course: 'Противодействие коррупции в муниципальных учреждениях', provider: TRAINING_CENTRE,
    topic: 'anti_corruption', hours: 36, startedOn: '2023-10-02', finishedOn: '2023-10-13',
    trainees: [
      { staff: 'kondratieva', certificateNumber: 'ПК-23/0588' },
      { staff: 'fedorova', certificateNumber: 'ПК-23/0589' },
    ],
  },
  {
    course: 'Антитеррористическая защищённость объектов (территорий) учреждений культуры', provider: TRAINING_CENTRE,
    topic: 'anti_terrorism', hours: 16, startedOn: '2023-04-24', finishedOn: '2023-04-26',
    trainees: [
      { staff: 'golovanova', certificateNumber: 'АТЗ-23/0071' },
      { staff: 'makarova', certificateNumber: 'АТЗ-23/0072' },
      { staff: 'osipova', certificateNumber: 'АТЗ-23/0073' },
      { staff: 'belova', certificateNumber: 'АТЗ-23/0074' },
    ],
  },
  {
    course: 'Оказание первой помощи пострадавшим', provider: TRAINING_CENTRE,
    topic: 'first_aid', hours: 16, startedOn: '2023-11-07', finishedOn: '2023-11-09',
    trainees: [
      { staff: 'ponomareva', certificateNumber: 'ПП-23/0904' },
      { staff: 'lukina', certificateNumber: 'ПП-23/0905' },
      { staff: 'kuznetsova', certificateNumber: 'ПП-23/0906' },
      { staff: 'grigorieva', certificateNumber: 'ПП-23/0907' },
      { staff: 'nikitina', certificateNumber: 'ПП-23/0908' },
      { staff: 'lapteva', certificateNumber: 'ПП-23/0909' },
      { staff: 'efimova', certificateNumber: 'ПП-23/0910' },
    ],
  },
  {
    course: 'Финансовое консультирование: основы финансовой грамотности для специалистов библиотек',
    provider: 'Региональный центр финансовой грамотности (г. Томск)',
    topic: 'financial_literacy', hours: 24, startedOn: '2023-06-05', finishedOn: '2023-06-16',
    trainees: [
      { staff: 'shestakova', certificateNumber: 'ФГ-23/0356' },
      { staff: 'smirnova', certificateNumber: 'ФГ-23/0357' },
      { staff: 'kuznetsova', certificateNumber: 'ФГ-23/0358' },
    ],
  },
] as const satisfies readonly DemoCourse[];
