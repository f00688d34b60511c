/**
 * Local history (краеведение) of Томская область and Каргасокский район: the shelf every district
 * library keeps and lends the most for school projects. The Васюганское болото, the Обь and the Васюган,
 * the Нарым exile, the Селькупы and the oil fields of the district are real subjects of the district.
 *
 * REAL: «Энциклопедия Томской области» and «Красная книга Томской области» exist (their editions here are
 * still generated). ILLUSTRATIVE: every other title is made up for the demo — plausible books and the
 * library's own booklets (series «Библиотека каргасокского краеведа»), not descriptions of real
 * publications; «Всему начало здесь, в краю моем родном…» is the name of the Вертикосская library's
 * prize-winning local-history work in the 2023 report, here imagined as a booklet. Editions and ISBNs
 * are generated (build.ts).
 */
import { KARGASOK_CRB, TOMSK_BOOK, TOMSK_SOVIET, TOMSK_UNIVERSITY } from '../slots.js';
import type { NonFiction } from '../types.js';

const TOMSK_HISTORY = '63.3(2Рос-4Том)';
const UDC_TOMSK = '94(571.16)';
const TOMSK = ['Томская область — история'];
const KARGASOK = ['Каргасокский район (Томская область) — история'];
const CRB = 'МБУК «Каргасокская ЦРБ», информационно-библиографический отдел';

const local = (bbk: string, udc: string, title: string, subtitle: string, pages: number, slots: NonFiction['slots'],
  subj: readonly string[], more: Partial<NonFiction> = {}): NonFiction =>
  ({ bbk, udc, title, subtitle, pages, slots, subj, age: '12+', kw: ['краеведение'], ...more });

export const localHistory: readonly NonFiction[] = [
  local('92(2Рос-4Том)', '908(571.16)(031)', 'Энциклопедия Томской области', '', 1008, [TOMSK_UNIVERSITY], ['Томская область — энциклопедии'],
    { editions: 2, age: '0+', ann: 'Универсальная региональная энциклопедия: история, природа, экономика, культура, персоналии Томской области.' }),
  local('28.088(2Рос-4Том)', '502.172(571.16)', 'Красная книга Томской области', '', 504, [TOMSK_UNIVERSITY], ['Редкие животные — Томская область', 'Редкие растения — Томская область'],
    { age: '0+', illustrated: true }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'История Томской области', 'учебное пособие для школ', 256, [TOMSK_UNIVERSITY, TOMSK_BOOK], TOMSK, { editions: 3 }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Томская губерния', 'очерки истории XIX – начала XX века', 320, [TOMSK_UNIVERSITY], TOMSK),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Томск', 'история города от основания до наших дней', 384, [TOMSK_UNIVERSITY, TOMSK_BOOK], ['Томск — история'], { editions: 2 }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Нарымский край', 'страницы истории', 288, [TOMSK_BOOK, TOMSK_SOVIET], ['Нарымский край — история'], { editions: 2 }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Нарымская ссылка', 'документы и воспоминания', 352, [TOMSK_UNIVERSITY], ['Нарымский край — ссылка', 'Политические репрессии — Томская область'], { age: '16+' }),
  local('63.3(2Рос-4Том)622', '94(571.16).084.8', 'Томичи в годы Великой Отечественной войны', '', 320, [TOMSK_BOOK, TOMSK_SOVIET],
    ['Великая Отечественная война, 1941–1945 — Томская область'], { editions: 2 }),
  local('63.3(2Рос-4Том)622', '94(571.16).084.8', 'Книга памяти', 'Томская область : погибшие в Великой Отечественной войне', 640, [TOMSK_BOOK],
    ['Великая Отечественная война, 1941–1945 — Томская область', 'Книги памяти']),
  local('26.89(2Рос-4Том)', '913(571.16)', 'Природа Томской области', '', 224, [TOMSK_UNIVERSITY, TOMSK_SOVIET], ['Томская область — природа'], { editions: 2, age: '6+', illustrated: true }),
  local('26.222.7(2Рос-4Том)', '556.56(571.16)', 'Васюганское болото', 'природа, история, люди', 192, [TOMSK_UNIVERSITY], ['Васюганское болото', 'Болота — Томская область'],
    { ann: 'Книга о крупнейшем болоте Северного полушария, большая часть которого лежит в Каргасокском районе.' }),
  local('26.222.5(2Рос-4Том)', '556.53(571.16)', 'Реки Томской области', 'Обь, Томь, Чулым, Кеть, Васюган, Тым', 176, [TOMSK_BOOK], ['Реки — Томская область']),
  local('63.5(2Рос-4Том)', '39(=511.1)', 'Селькупы', 'очерки традиционной культуры', 240, [TOMSK_UNIVERSITY], ['Селькупы — этнография'], { editions: 2 }),
  local('65.304.13(2Рос-4Том)', '622.276(571.16)', 'Нефть Васюганья', 'из истории освоения месторождений', 208, [TOMSK_BOOK], ['Нефтяная промышленность — Томская область — история']),
  local('84(2Рос-4Том)6', '821.161.1(571.16)', 'Писатели Томской земли', 'биобиблиографический справочник', 288, [TOMSK_UNIVERSITY], ['Писатели — Томская область'], { age: '12+' }),
  local('84(2Рос-4Том)6', '821.161.1(571.16)-1', 'Томские поэты', 'антология', 352, [TOMSK_BOOK], ['Поэзия русская — Томская область'], { kw: ['краеведение', 'стихи'] }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Каргасокский район', 'история и современность', 256, [KARGASOK_CRB], KARGASOK, { responsibility: CRB, editions: 2,
    ann: 'Очерк истории района от первых русских поселений на Оби до наших дней: сёла и посёлки, промыслы, люди.' }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Сёла и посёлки Каргасокского района', 'справочник', 128, [KARGASOK_CRB], [...KARGASOK, 'Населённые пункты — Каргасокский район'], { responsibility: CRB }),
  local('63.3(2Рос-4Том)622', '94(571.16).084.8', 'Каргасокцы — фронтовики', 'биобиблиографический указатель', 96, [KARGASOK_CRB],
    [...KARGASOK, 'Великая Отечественная война, 1941–1945 — участники — Каргасокский район'], { responsibility: CRB }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Всему начало здесь, в краю моем родном…', 'краеведческие материалы', 48, [KARGASOK_CRB], KARGASOK,
    { responsibility: 'Вертикосская сельская библиотека', ann: 'Название работы Вертикосской сельской библиотеки, занявшей 1-е место в конкурсе «Краеведение» (годовой отчёт ЦБС за 2023 год); брошюра — демонстрационная.' }),
  local('78.3(2Рос-4Том)', '027.52(571.16)', 'Библиотеки Каргасокского района', 'история в лицах', 80, [KARGASOK_CRB], ['Библиотеки — Каргасокский район — история'], { responsibility: CRB }),
  local(TOMSK_HISTORY, UDC_TOMSK, 'Улицы Каргаска рассказывают', '', 64, [KARGASOK_CRB], KARGASOK, { responsibility: CRB }),
  local('26.89(2Рос-4Том)', '913(571.16)', 'Природа Каргасокского района', 'календарь природы для школьников', 48, [KARGASOK_CRB], ['Каргасокский район — природа'],
    { responsibility: 'Каргасокская детская библиотека', age: '6+' }),
  local('82.3(2Рос-4Том)', '398(571.16)', 'Сказки и предания Нарымского края', '', 112, [KARGASOK_CRB, TOMSK_SOVIET], ['Фольклор — Нарымский край'], { age: '6+' }),
  local('63.3(2Рос-4Том)', UDC_TOMSK, 'Рыбацкие посёлки на Оби', 'воспоминания старожилов', 96, [KARGASOK_CRB], [...KARGASOK, 'Рыболовство — история'], { responsibility: CRB }),
];
