import { describe, expect, it } from 'vitest';
import type { Proposal } from '../imports.schemas.js';
import { parseReportText } from './parse-report-text.js';
import { dropRepeatedPassages } from './repeated-passages.js';
import { normaliseReportText, stem } from './text.js';

/** A small network unlike the demo's, so that nothing here depends on the seed's names. */
const network = {
  branches: [
    { id: 10, name: 'Заречная центральная библиотека', type: 'central', isPublicAccessCentre: false },
    { id: 11, name: 'Заречная детская библиотека', type: 'children', isPublicAccessCentre: false },
    { id: 12, name: 'Ключевская сельская библиотека', type: 'rural', isPublicAccessCentre: true },
    { id: 13, name: 'Берёзовская сельская библиотека', type: 'rural', isPublicAccessCentre: false },
    { id: 14, name: 'Библиотека «Родник»', type: 'rural', isPublicAccessCentre: false },
  ],
  staff: [
    { id: 100, lastName: 'Петрова', firstName: 'Ольга', middleName: 'Ивановна', branchId: 12 },
    { id: 101, lastName: 'Кузнецов', firstName: 'Игорь', middleName: 'Павлович', branchId: 10 },
  ],
};

const awards = (text: string) => parseReportText(text, network).proposals.filter((p): p is Extract<Proposal, { kind: 'award' }> => p.kind === 'award');
const brief = (text: string) => awards(text).map((a) => ({
  competition: a.competition, level: a.level, who: a.participant && (a.participant.staffMemberId ?? a.participant.branchId),
  results: a.results.map((r) => (r.rank ? `${r.result} ${r.rank}` : r.result)),
}));

describe('normalising pasted text', () => {
  it('joins lines broken by a PDF but keeps a line break that ends a clause', () => {
    expect(normaliseReportText('Филиал «Ключевская\n\nсельская библиотека» признан победителем;\nОбластной конкурс')).toBe(
      'Филиал «Ключевская сельская библиотека» признан победителем;\nОбластной конкурс');
  });

  it('makes quotes, dashes and ellipses one kind', () => {
    expect(normaliseReportText('проекта "Пушкинский венок» — библиотека- Диплом 1 степени, «Была война...»')).toBe(
      'проекта «Пушкинский венок» – библиотека – Диплом 1 степени, «Была война…»');
  });

  it('gives declined names one stem', () => {
    expect(stem('Ключевской')).toBe(stem('Ключевская'));
    expect(stem('Петровой')).toBe(stem('Петрова'));
  });
});

describe('repeated passages', () => {
  const passage = 'Ключевская сельская библиотека заняла 1 место в областном конкурсе «Читаем вместе» в номинации «Лучший проект» '
    + 'и получила благодарность от департамента по культуре Томской области за активную работу с читателями всех возрастов и поколений';

  it('drops a passage pasted again with other line breaks, even cut mid-sentence', () => {
    const words = passage.split(' ');
    const repeat = `${words.slice(4, 14).join('\n')}\n\n${words.slice(14).join(' ')}`;
    const { text, repeated } = dropRepeatedPassages(normaliseReportText(`${passage}.\nДалее новый текст. ${repeat}`));
    expect(repeated).toHaveLength(1);
    expect(text).toBe(`${passage}.\nДалее новый текст.`);
  });

  it('keeps a short phrase that recurs legitimately', () => {
    const text = 'Конкурс «А» – Ключевская сельская библиотека – Диплом 1 степени; Конкурс «Б» – Ключевская сельская библиотека – Диплом 1 степени';
    expect(dropRepeatedPassages(text).repeated).toEqual([]);
  });
});

describe('awards', () => {
  it('reads the level from the heading and keeps it for the clauses under it', () => {
    expect(brief('Всероссийские конкурсы: «Моя малая родина» – Ключевская сельская библиотека – 2 место; Конкурс «Осенний лист» – Берёзовская сельская библиотека – 1 место;')).toEqual([
      { competition: 'Моя малая родина', level: 'national', who: 12, results: ['place 2'] },
      { competition: 'Осенний лист', level: 'national', who: 13, results: ['place 1'] },
    ]);
  });

  it('pairs each participant with its own result, whether the result comes before or after', () => {
    expect(brief('Областной конкурс «Книжная радуга»: 2 место Ключевской сельской библиотеке, Берёзовская сельская библиотека – диплом 3 степени')).toEqual([
      { competition: 'Книжная радуга', level: 'regional', who: 12, results: ['place 2'] },
      { competition: 'Книжная радуга', level: 'regional', who: 13, results: ['diploma 3'] },
    ]);
  });

  it('gives a shared result to participants joined by «и»', () => {
    expect(brief('Межрайонный фестиваль «Северные огни» Центральная библиотека и детская библиотека – дипломы лауреата').map((a) => [a.who, a.results])).toEqual([
      [10, ['laureate_diploma']], [11, ['laureate_diploma']],
    ]);
  });

  it('finds staff by surname and initials in any case, crediting their branch', () => {
    const [award] = awards('Районный конкурс «Библиотекарь года» – сотрудник Ключевской сельской библиотеки Петровой О.И. – 1 место');
    expect(award!.participant).toEqual({ kind: 'staff', staffMemberId: 100, branchId: 12, readerName: '' });
    expect(award!.warnings).toEqual([]);
  });

  it('warns about a staff member the network does not have', () => {
    const [award] = awards('Районный конкурс «Библиотекарь года» – Сидорова А.А. – 2 место');
    expect(award!.participant).toMatchObject({ kind: 'staff', staffMemberId: null });
    expect(award!.warnings).toContain('сотрудник «Сидорова А.А.» не найден в сети');
    expect(award!.confidence).toBe('medium');
  });

  it('reads a reader prepared by a branch, matched through a school of its village, as uncertain', () => {
    const [award] = awards('Областной конкурс чтецов «Живое слово» – диплом 2 степени участника Ключевской СОШ Иванова Петра');
    expect(award!.participant).toEqual({ kind: 'reader', readerName: 'Иванова Петра', branchId: 12, staffMemberId: null });
    expect(award!.warnings.join()).toContain('похоже на «Ключевская сельская библиотека»');
  });

  it('reads «признан победителем … конкурса на получение денежного поощрения» as a winner with a monetary award', () => {
    const [award] = awards('Филиал «Берёзовская сельская библиотека» признан победителем областного конкурса на получение денежного поощрения лучшими учреждениями культуры');
    expect(award).toMatchObject({
      competition: 'Конкурс на получение денежного поощрения лучшими учреждениями культуры', level: 'regional',
      participant: { kind: 'branch', branchId: 13 },
      results: [expect.objectContaining({ result: 'winner_diploma' }), expect.objectContaining({ result: 'monetary', amountKopecks: null })],
    });
    expect(award!.warnings).toEqual(expect.arrayContaining(['сумма денежного поощрения не указана', 'название без кавычек — проверьте, где оно кончается']));
  });

  it('ends a title that lost its closing quote where the participant starts, and takes the nomination and work', () => {
    const [award] = awards('Всероссийский конкурс «Мой край родной – Библиотека «Родник» – Диплом 1 степени в номинации видеоролик «Наши истоки»');
    expect(award).toMatchObject({
      competition: 'Мой край родной', nomination: 'Видеоролик', workTitle: 'Наши истоки',
      participant: { kind: 'branch', branchId: 14 }, results: [expect.objectContaining({ result: 'diploma', rank: 1 })],
    });
  });

  it('proposes a competition without a participant with a warning, for the reviewer to complete', () => {
    const [award] = awards('Всероссийский конкурс «Зимняя сказка» – 1 место');
    expect(award).toMatchObject({ participant: null, confidence: 'low' });
    expect(award!.warnings).toContain('участник не найден');
  });

  it('carries a competition on to the next clause that names only a participant and a result', () => {
    expect(brief('Районный конкурс «Вместе»: 1 степени – Ключевская сельская библиотека; 2 степени – Берёзовская сельская библиотека').map((a) => [a.competition, a.who, a.results])).toEqual([
      ['Вместе', 12, ['diploma 1']], ['Вместе', 13, ['diploma 2']],
    ]);
  });
});

describe('other proposals', () => {
  const parsed = parseReportText([
    'В мае 2024 года прошёл «Семинар библиотекарей района». На семинаре обсуждали планы.',
    '3 сотрудника Ключевской сельской библиотеки прошли курсы повышения квалификации «Цифровая грамотность»;',
    '1 сотрудник центральной библиотеки входил в состав жюри районного конкурса чтецов «Слово»;',
    'Детская библиотека приняла участие во Всероссийской акции «Библионочь-2024».',
  ].join('\n'), network);
  const of = <K extends Proposal['kind']>(kind: K) => parsed.proposals.filter((p): p is Extract<Proposal, { kind: K }> => p.kind === kind);

  it('proposes a seminar dated by its month, with what the next sentence says of it', () => {
    expect(of('seminar')).toEqual([expect.objectContaining({
      topic: 'Семинар библиотекарей района', heldOn: '2024-05-01', description: 'На семинаре обсуждали планы',
      warnings: ['в тексте указан только месяц — уточните дату'],
    })]);
  });

  it('proposes a course with the number of people and the branches named', () => {
    expect(of('training')).toEqual([expect.objectContaining({
      course: 'Цифровая грамотность', topic: 'digital', expectedCount: 3, suggestedBranchIds: [12], staffMemberIds: [],
    })]);
  });

  it('proposes jury work without counting the competition as an award', () => {
    expect(of('jury')).toEqual([expect.objectContaining({ competition: 'Слово', level: 'district', suggestedBranchIds: [10] })]);
    expect(of('award')).toEqual([]);
  });

  it('proposes a campaign with its level and the branch that took part', () => {
    expect(of('campaign')).toEqual([expect.objectContaining({ name: 'Библионочь-2024', level: 'national', branchIds: [11] })]);
  });

  it('takes the year from the text', () => {
    expect(parsed.year).toBe(2024);
  });
});
