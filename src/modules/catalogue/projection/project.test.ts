import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readIso2709Buffer, type MarcRecord } from '../index.js';
import { ageRatingOf, project } from './project.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const neb = path.resolve(repoRoot, '../shared/data/marc/ndlrf-rnd_neb-catalog');
const irbis = path.resolve(repoRoot, '../shared/data/marc/amironov73_ManagedIrbis');

function readFirst(file: string): MarcRecord {
  for (const result of readIso2709Buffer(readFileSync(path.join(neb, file)))) {
    if (result.kind === 'record') return result.record;
  }
  throw new Error(`no record in ${file}`);
}

const comparable = (record: MarcRecord, schema: 'marc21' | 'rusmarc') => {
  const projection = project(record, schema);
  return {
    title: projection.title, subtitle: projection.subtitle, responsibility: projection.responsibility,
    year: projection.year, isbns: projection.isbns, place: projection.place, publisher: projection.publisher,
    persons: projection.persons.map(({ name, roles }) => ({ name, roles })),
    bbk: projection.bbk, udc: projection.udc, subjects: projection.subjects, keywords: projection.keywords,
    languages: projection.languages, controlNumber: projection.controlNumber, documentType: projection.documentType,
  };
};

describe('projection of the same book catalogued in MARC21 and in RUSMARC (National Electronic Library)', () => {
  it('agrees on title, responsibility, year, ISBN, persons with roles, ББК, УДК and subjects', () => {
    const marc21 = comparable(readFirst('01003120729.mrc'), 'marc21');
    const rusmarc = comparable(readFirst('01003120729.iso'), 'rusmarc');
    expect(marc21).toEqual(rusmarc);
    expect(marc21).toMatchObject({
      title: 'Международный стандартный книжный номер (ISBN)',
      subtitle: 'пособие для издателей',
      year: 2007,
      isbns: ['9785901202500'],
      place: 'Москва',
      publisher: 'РКП',
      persons: [{ name: 'Калинин, Сергей Юрьевич', roles: ['com'] }, { name: 'Российская книжная палата', roles: [] }],
      bbk: ['Ч617ц.я8', 'Ч751.22я8'],
      udc: ['655.535.2'],
      keywords: ['ISBN'],
      languages: ['rus'],
      documentType: 'book',
    });
  });

  it('agrees on a multi-volume edition of 1804–1807 with three translators', () => {
    const marc21 = comparable(readFirst('01002988236_marc21.mrc'), 'marc21');
    const rusmarc = comparable(readFirst('01002988236_rusmarc.iso'), 'rusmarc');
    expect({ ...marc21, subjects: [] }).toEqual({ ...rusmarc, subjects: [] });
    expect(marc21.year).toBe(1804);
    expect(marc21.persons).toEqual([
      { name: 'Озеров, Петр Петрович', roles: ['trl'] },
      { name: 'Паренаго, Михаил Алексеевич', roles: ['trl'] },
      { name: 'Дмитревский, Дмитрий Иванович', roles: ['trl'] },
    ]);
    expect(marc21.responsibility).toBe('Перевод с немецкаго');
  });

  it('agrees on a volume of a set (title «Ч. 1», year from the publication field)', () => {
    const marc21 = project(readFirst('RuMoRGB.01003543129.1.marc21.mrc'), 'marc21');
    const rusmarc = project(readFirst('RuMoRGB.01003543129.1.rusmarc.iso'), 'rusmarc');
    expect([marc21.title, marc21.year, marc21.extent, marc21.controlNumber]).toEqual(['Ч. 1', 1848, 'II, 128 с.', '003543129']);
    expect([rusmarc.title, rusmarc.year, rusmarc.extent, rusmarc.controlNumber]).toEqual(['Ч. 1', 1848, 'II, 128 с.', '003543129']);
    expect(marc21.controlNumberSource).toBe(null);
  });
});

describe('projection rules', () => {
  const rusmarc = (fields: MarcRecord['fields'], leader = '00000nam0 2200000   450 '): MarcRecord => ({ leader, fields });

  it('keeps an invalid ISBN flagged and a cancelled one apart from the valid ones', () => {
    const projection = project(rusmarc([
      { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '5-93093-342-1'], ['b', 'в пер.'], ['d', '50 р.']] },
      { tag: '010', ind1: ' ', ind2: ' ', subfields: [['a', '5-93093-342-9'], ['z', '978-5-901202-50-0']] },
    ]), 'rusmarc');
    expect(projection.isbns).toEqual(['9785930933420']);
    expect(projection.invalidIsbns).toEqual(['5930933429', '9785901202500']);
  });

  it('reads the age rating from RUSMARC 333 and MARC21 521', () => {
    expect(project(rusmarc([{ tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', 'Для детей старше 12 лет (12+)']] }]), 'rusmarc').ageRating).toBe('12+');
    expect(project({ leader: '00000nam a2200000 i 4500', fields: [{ tag: '521', ind1: ' ', ind2: ' ', subfields: [['a', '16+']] }] }, 'marc21').ageRating).toBe('16+');
    expect(ageRatingOf('для взрослых')).toBe(null);
  });

  it('takes the author mark with the ББК index, the year from 100 when 210 has none, and primary authors first', () => {
    const projection = project(rusmarc([
      { tag: '100', ind1: ' ', ind2: ' ', subfields: [['a', '20070522d2007    u  y|rus|50      ||']] },
      { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Капитанская дочка'], ['d', 'The Captain\'s Daughter'], ['f', 'А. С. Пушкин']] },
      { tag: '333', ind1: ' ', ind2: ' ', subfields: [['a', '6+']] },
      { tag: '686', ind1: ' ', ind2: ' ', subfields: [['a', '84(2Рос=Рус)1'], ['b', 'П91'], ['2', 'rubbk']] },
      { tag: '700', ind1: ' ', ind2: '1', subfields: [['a', 'Пушкин'], ['b', 'А. С.'], ['g', 'Александр Сергеевич'], ['f', '1799-1837'], ['4', '070']] },
      { tag: '702', ind1: ' ', ind2: '1', subfields: [['a', 'Кузьмин'], ['b', 'Н. В.'], ['4', '440']] },
    ]), 'rusmarc');
    expect(projection).toMatchObject({
      title: 'Капитанская дочка', parallelTitles: ['The Captain\'s Daughter'], year: 2007, bbk: ['84(2Рос=Рус)1'], authorMark: 'П91',
      ageRating: '6+', documentType: 'book',
      persons: [
        { name: 'Пушкин, Александр Сергеевич', roles: ['aut'], primary: true, dates: '1799-1837' },
        { name: 'Кузьмин Н. В.', roles: ['ill'], primary: false },
      ],
    });
  });

  it('reads the series and the multi-volume set of RUSMARC linking fields (410, 461) and IRBIS\'s ББК field 621', () => {
    const records = (file: string) => [...readIso2709Buffer(readFileSync(path.join(irbis, file)))]
      .flatMap((result) => (result.kind === 'record' ? [result.record] : []));
    const test1 = records('TEST1.ISO');
    // 200 0 $a Вып. 13. with 461 $1 2001 $a Задачи и этюды $v Вып. 13: a title that is only the volume's
    // designation (first indicator 0) takes the set's in front, as ГОСТ describes a volume; the set is not a series then.
    expect(project(test1[0]!, 'rusmarc')).toMatchObject({ title: 'Задачи и этюды. Вып. 13', series: [] });
    // A volume with a title of its own (first indicator 1) keeps it, its set in the series area.
    expect(project(test1[22]!, 'rusmarc').title).toBe('Пьесы. Киносценарии. Публицистика. Статьи. Выступления. Письма');
    expect(project(test1[22]!, 'rusmarc').series).toEqual(['Собрание сочинений ; Т. 2']);
    // 621 holds the index as text before any subfield code.
    expect(project(records('ibis32_derived_utf8.iso')[6]!, 'rusmarc').bbk).toEqual(['15.20']);

    const linked = rusmarc([
      { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Стихотворения']] },
      { tag: '225', ind1: '1', ind2: ' ', subfields: [['a', 'Библиотека поэта'], ['v', '12']] },
      // The same series as a linking field, with an author embedded before the title: kept once, author left out.
      { tag: '410', ind1: ' ', ind2: '0', subfields: [['1', '7001 '], ['a', 'Пушкин'], ['1', '2001 '], ['a', 'Библиотека поэта'], ['v', '12']] },
      { tag: '461', ind1: ' ', ind2: '0', subfields: [['1', '001RU\\NLR\\bibl\\1'], ['1', '2001 '], ['a', 'Собрание сочинений'], ['v', 'Т. 3']] },
    ]);
    expect(project(linked, 'rusmarc').series).toEqual(['Библиотека поэта ; 12', 'Собрание сочинений ; Т. 3']);
  });

  it('reads the contents of a collection: RUSMARC 464 (embedded 200, or plain) and MARC21 505 (a note, or titles with authors)', () => {
    const test1 = [...readIso2709Buffer(readFileSync(path.join(repoRoot, '../shared/data/marc/loge-gh_rusmarc/TEST1.ISO')))]
      .flatMap((result) => (result.kind === 'record' ? [result.record] : []));
    const uniforms = test1.map((record) => project(record, 'rusmarc')).find((p) => p.title.startsWith('Общевоинские уставы'))!;
    expect(uniforms.contents).toEqual(['Устав внутренней службы', 'Дисциплинарный устав', 'Устав гарнизонной и караульной служб', 'Строевой устав']);

    const collection = rusmarc([
      { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Повести и рассказы']] },
      { tag: '464', ind1: ' ', ind2: '0', subfields: [['1', '7001 '], ['a', 'Пушкин'], ['1', '2001 '], ['a', 'Выстрел'], ['f', 'А. С. Пушкин']] },
      { tag: '464', ind1: ' ', ind2: '0', subfields: [['1', '2001 '], ['a', 'Собрание сочинений'], ['v', 'Т. 3'], ['1', '210  '], ['d', '1805']] },
      { tag: '464', ind1: ' ', ind2: '0', subfields: [['1', '2001 '], ['v', 'Ч. 2']] },
      // No $1 at all (xbib's periouni.mrc): the field is read as it is.
      { tag: '464', ind1: '1', ind2: ' ', subfields: [['a', 'Antigone']] },
    ]);
    expect(project(collection, 'rusmarc').contents).toEqual(['Выстрел / А. С. Пушкин', 'Собрание сочинений. Т. 3', 'Ч. 2', 'Antigone']);

    const marc21 = (subfields: [string, string][]): MarcRecord => ({
      leader: '00000nam a2200000 a 4500',
      fields: [{ tag: '245', ind1: '1', ind2: '0', subfields: [['a', 'Сборник']] }, { tag: '505', ind1: '0', ind2: '0', subfields }],
    });
    expect(project(marc21([['a', 'Geo J Lo -- The wild east -- Serene.']]), 'marc21').contents).toEqual(['Geo J Lo', 'The wild east', 'Serene']);
    expect(project(marc21([['g', 'Т. 1.'], ['t', 'Эмма /'], ['r', 'Дж. Остин --'], ['g', 'Т. 2.'], ['t', 'Доводы рассудка']]), 'marc21').contents)
      .toEqual(['Т. 1. Эмма / Дж. Остин', 'Т. 2. Доводы рассудка']);
  });
});
