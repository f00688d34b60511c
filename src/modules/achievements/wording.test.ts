import { describe, expect, it } from 'vitest';
import { awardWording, competitionLine, formatRoubles, honourLine, juryLine, participantLabel, shortName } from './wording.js';

describe('the wording of results', () => {
  it('names each result as the annual report does', () => {
    const wording = (result: Parameters<typeof awardWording>[0]['result'], rank: number | null = null, amountKopecks: number | null = null) =>
      awardWording({ result, rank, amountKopecks });
    expect(wording('place', 1)).toBe('1 место');
    expect(wording('diploma', 2)).toBe('Диплом 2 степени');
    expect(wording('winner_diploma')).toBe('Диплом победителя');
    expect(wording('laureate_diploma')).toBe('Диплом лауреата');
    expect(wording('participation_certificate')).toBe('Сертификат участника');
    expect(wording('thanks_letter')).toBe('Благодарность');
    expect(wording('monetary', null, 5_000_000)).toBe('Денежное поощрение 50\u00a0000\u00a0руб.');
    expect(wording('grant')).toBe('Грант');
    expect(wording('grant', null, 30_000_050)).toBe('Грант 300\u00a0000\u00a0руб. 50\u00a0коп.');
  });

  it('groups roubles by thousands and shows kopecks only when there are any', () => {
    expect(formatRoubles(100)).toBe('1\u00a0руб.');
    expect(formatRoubles(123_456_789)).toBe('1\u00a0234\u00a0567\u00a0руб. 89\u00a0коп.');
  });
});

describe('the participants', () => {
  const base = { branchName: 'Детская библиотека', staffNames: [], readerName: '', preparedByName: null, teamName: '' };

  it('shortens a staff member’s name to initials, without a missing patronymic', () => {
    expect(shortName({ lastName: 'Вялова', firstName: 'анастасия', middleName: 'Викторовна' })).toBe('Вялова А. В.');
    expect(shortName({ lastName: 'Smith', firstName: 'John', middleName: '' })).toBe('Smith J.');
  });

  it('names a branch, staff with their branch, a reader with who prepared them, and a team', () => {
    expect(participantLabel({ ...base, participantKind: 'branch' })).toBe('Детская библиотека');
    expect(participantLabel({ ...base, participantKind: 'staff', staffNames: ['Санина С. А.'] })).toBe('Санина С. А. (Детская библиотека)');
    expect(participantLabel({ ...base, participantKind: 'reader', readerName: 'Штрак Владимир', preparedByName: 'Санина С. А.' }))
      .toBe('читатель Штрак Владимир, подготовил(а) Санина С. А. (Детская библиотека)');
    expect(participantLabel({ ...base, participantKind: 'team', teamName: 'Книжные совы' })).toBe('команда «Книжные совы» (Детская библиотека)');
  });
});

describe('a competition as a line of the report', () => {
  it('lists the entries with their results, entries without a nomination first, then by the competition’s nominations', () => {
    const line = competitionLine({
      name: 'Моя Россия',
      organiser: '',
      nominations: ['Конкурс видеоочерков', 'Творческие проекты'],
      entries: [
        { nomination: 'Творческие проекты', workTitle: '', participantLabel: 'Нововасюганская сельская библиотека', awards: ['Диплом 2 степени'] },
        { nomination: 'Конкурс видеоочерков', workTitle: 'Край родной', participantLabel: 'Детская библиотека', awards: ['Диплом 2 степени'] },
        { nomination: '', workTitle: '', participantLabel: 'Павловская сельская библиотека', awards: [] },
      ],
    });
    expect(line).toBe('«Моя Россия»: Павловская сельская библиотека — участие; '
      + 'в номинации «Конкурс видеоочерков»: Детская библиотека, работа «Край родной» — Диплом 2 степени; '
      + 'в номинации «Творческие проекты»: Нововасюганская сельская библиотека — Диплом 2 степени.');
  });

  it('puts the first nomination right after the name and keeps a title that has its own quotes', () => {
    const line = competitionLine({
      name: 'Краеведы России',
      organiser: 'РГБ',
      nominations: ['История'],
      entries: [{ nomination: 'История', workTitle: '', participantLabel: 'Детская библиотека', awards: ['Диплом победителя'] }],
    });
    expect(line).toBe('«Краеведы России» (РГБ) в номинации «История»: Детская библиотека — Диплом победителя.');
    expect(competitionLine({ name: 'Фестиваль «Медвежий угол»', organiser: '', nominations: [], entries: [] })).toBe('Фестиваль «Медвежий угол».');
  });

  it('ends with one full stop after a sum in roubles', () => {
    const line = competitionLine({
      name: 'Лучшее учреждение культуры', organiser: '', nominations: [],
      entries: [{ nomination: '', workTitle: '', participantLabel: 'Нововасюганская сельская библиотека', awards: ['Денежное поощрение 100\u00a0000\u00a0руб.'] }],
    });
    expect(line.endsWith('руб.')).toBe(true);
  });
});

describe('jury work and honours', () => {
  it('names the jury’s competition, its level and the members with their branches', () => {
    expect(juryLine({
      competitionName: 'Живая классика', level: 'national', organiser: '',
      members: [{ staffName: 'Вялова А. В.', branchName: 'Центральная библиотека' }, { staffName: 'Санина С. А.', branchName: 'Детская библиотека' }],
    })).toBe('«Живая классика» (всероссийский уровень) — Вялова А. В. (Центральная библиотека), Санина С. А. (Детская библиотека).');
  });

  it('says who sent a letter of thanks and why, without declining the organisation', () => {
    expect(honourLine({
      title: 'Благодарственное письмо', fromOrganisation: 'Федеральный центр развития программ социализации подростков', receivedOn: '2023-12-01',
      reason: 'за участие во Всероссийской уличной акции «ДАРЮТЕПЛО»', recipients: [{ staffName: null, branchName: 'Центральная библиотека' }],
    })).toBe('Благодарственное письмо (Федеральный центр развития программ социализации подростков, 01.12.2023) '
      + 'за участие во Всероссийской уличной акции «ДАРЮТЕПЛО» — Центральная библиотека.');
  });
});
