import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { project, readIso2709Buffer, type MarcRecord } from '../index.js';
import { describeBibRecord, headingName, hyphenatedIsbn } from './bibliographic-description.js';

const corpus = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/data/marc');
const aut = (name: string) => ({ name, kind: 'person', roles: ['aut'], primary: true });

describe('the bibliographic description (ГОСТ Р 7.0.100-2018)', () => {
  it('puts a single author in the heading and gives every area with its separator', () => {
    expect(describeBibRecord({
      title: 'Капитанская дочка', subtitle: 'роман', responsibility: 'Александр Пушкин',
      persons: [aut('Пушкин, Александр Сергеевич')],
      place: 'Москва', publisher: 'Эксмо', year: 2019, extent: '320 с.', series: ['Классика в школе'],
      isbns: ['9785699120147'], documentType: 'book',
    })).toBe('Пушкин, А. С. Капитанская дочка : роман / Александр Пушкин. – Москва : Эксмо, 2019. – 320 с. – '
      + '(Классика в школе). – ISBN 978-5-699-12014-7. – Текст : непосредственный.');
  });

  it('describes a work of four or more authors under its title, naming the first with «[и др.]»', () => {
    const book = {
      title: 'История России', subtitle: 'учебник', edition: '4-е изд., перераб. и доп.',
      persons: ['Орлов, Александр Сергеевич', 'Георгиев, Владимир Анатольевич', 'Георгиева, Наталья Георгиевна', 'Сивохина, Татьяна Александровна'].map(aut),
      place: 'Москва', publisher: 'Проспект', year: 2014, extent: '528 с.', documentType: 'book',
    };
    const expected = 'История России : учебник / А. С. Орлов [и др.]. – 4-е изд., перераб. и доп. – Москва : Проспект, 2014. – 528 с. – Текст : непосредственный.';
    expect(describeBibRecord({ ...book, responsibility: 'А. С. Орлов, В. А. Георгиев, Н. Г. Георгиева, Т. А. Сивохина' })).toBe(expected);
    expect(describeBibRecord({ ...book, responsibility: '' })).toBe(expected);
  });

  it('gives every series in one area, each in its parentheses', () => {
    expect(describeBibRecord({
      title: 'Сказки', persons: [aut('Пушкин, Александр Сергеевич')], place: 'Москва', publisher: 'Махаон', year: 2014,
      extent: '96 с.', series: ['Любимые сказки ; 3', 'Библиотека детской классики'],
    })).toBe('Пушкин, А. С. Сказки / А. С. Пушкин. – Москва : Махаон, 2014. – 96 с. – (Любимые сказки ; 3) (Библиотека детской классики).');
  });

  it('names two or three authors in the statement and only the first in the heading', () => {
    expect(describeBibRecord({
      title: 'Двенадцать стульев', responsibility: '', persons: [aut('Ильф, Илья Арнольдович'), aut('Петров, Евгений Петрович')],
      place: 'Москва', publisher: 'АСТ', year: 2017, extent: '416 с.',
    })).toBe('Ильф, И. А. Двенадцать стульев / И. А. Ильф, Е. П. Петров. – Москва : АСТ, 2017. – 416 с.');
  });

  it('describes a collection under its title with the compiler in the statement of responsibility', () => {
    expect(describeBibRecord({
      title: 'Русские народные сказки', responsibility: '',
      persons: [{ name: 'Афанасьев, Александр Николаевич', kind: 'person', roles: ['com'], primary: false }],
      place: 'Москва', publisher: 'Детская литература', year: 2020, extent: '191 с. : ил.', series: ['Школьная библиотека'],
      isbns: ['9785080062548'], documentType: 'book',
    })).toBe('Русские народные сказки / составитель А. Н. Афанасьев. – Москва : Детская литература, 2020. – 191 с. : ил. – '
      + '(Школьная библиотека). – ISBN 9785080062548. – Текст : непосредственный.');
  });

  it('gives a translation its parallel title and the translator after the author', () => {
    const book = {
      title: 'Гарри Поттер и философский камень', parallelTitles: ["Harry Potter and the Philosopher's Stone"], subtitle: 'роман',
      persons: [aut('Роулинг, Дж. К.'), { name: 'Оранский, Игорь Владимирович', kind: 'person', roles: ['trl'], primary: false }],
      place: 'Москва', publisher: 'Росмэн', year: 2002, extent: '399 с.', isbns: ['9785845103730'], invalidIsbns: ['5845103731'],
    };
    expect(describeBibRecord({ ...book, responsibility: 'Дж. К. Роулинг ; перевод с английского И. В. Оранского' }))
      .toBe("Роулинг, Дж. К. Гарри Поттер и философский камень = Harry Potter and the Philosopher's Stone : роман / "
        + 'Дж. К. Роулинг ; перевод с английского И. В. Оранского. – Москва : Росмэн, 2002. – 399 с. – ISBN 9785845103730. – ISBN 5845103731 (ошибоч.).');
    expect(describeBibRecord({ ...book, responsibility: '' })).toContain(' : роман / Дж. К. Роулинг ; переводчик И. В. Оранский. – Москва');
  });

  it('describes one volume of a multi-volume edition by the common title and the volume', () => {
    const volume: MarcRecord = {
      leader: '00000nam0 2200000   450 ',
      fields: [
        { tag: '200', ind1: '1', ind2: ' ', subfields: [['a', 'Собрание сочинений'], ['h', 'Т. 3'], ['i', 'Поэмы. Сказки'], ['f', 'А. С. Пушкин']] },
        { tag: '210', ind1: ' ', ind2: ' ', subfields: [['a', 'Москва'], ['c', 'Художественная литература'], ['d', '1975']] },
        { tag: '215', ind1: ' ', ind2: ' ', subfields: [['a', '543 с.'], ['c', 'ил.']] },
        { tag: '700', ind1: ' ', ind2: '1', subfields: [['a', 'Пушкин'], ['g', 'Александр Сергеевич'], ['4', '070']] },
      ],
    };
    expect(describeBibRecord(project(volume, 'rusmarc'))).toBe('Пушкин, А. С. Собрание сочинений. Т. 3. Поэмы. Сказки / А. С. Пушкин. – '
      + 'Москва : Художественная литература, 1975. – 543 с. : ил. – Текст : непосредственный.');
  });

  it('writes [Б. м.], [б. и.] and [б. г.] for a missing place, publisher and year', () => {
    expect(describeBibRecord({ title: 'Наш край', publisher: 'Районная типография', year: null, extent: '48 с.' }))
      .toBe('Наш край. – [Б. м.] : Районная типография, [б. г.]. – 48 с.');
    expect(describeBibRecord({ title: 'Наш край', place: 'Каргасок', year: 1998 })).toBe('Наш край. – Каргасок : [б. и.], 1998.');
  });

  it('describes a real RUSMARC record of the corpus (Российская книжная палата)', () => {
    const read = [...readIso2709Buffer(readFileSync(path.join(corpus, 'ndlrf-rnd_neb-catalog/01003120729.iso')))][0]!;
    if (read.kind !== 'record') throw new Error('corpus record unreadable');
    expect(describeBibRecord(project(read.record, 'rusmarc'))).toBe('Международный стандартный книжный номер (ISBN) : пособие для издателей / '
      + 'сост.: С. Ю. Калинин, И. И. Ильина, В. П. Борисова. – Москва : РКП, 2007. – 27 с. : ил., к. ; 21 см. – '
      + '(Библиотека Российской книжной палаты ; вып. 3). – ISBN 978-5-901202-50-0. – Текст : непосредственный.');
  });

  it('accepts a search hit, whose authors come as names', () => {
    expect(describeBibRecord({ title: 'Муму', authors: ['Тургенев, Иван Сергеевич'], responsibility: 'И. С. Тургенев', place: 'Москва', publisher: 'Дрофа', year: 2010 }))
      .toBe('Тургенев, И. С. Муму / И. С. Тургенев. – Москва : Дрофа, 2010.');
  });
});

describe('the heading form of a name', () => {
  it('turns forenames into initials, keeping particles, hyphens and initials already given', () => {
    expect(headingName('Пушкин, Александр Сергеевич')).toBe('Пушкин, А. С.');
    expect(headingName('Сент-Экзюпери, Антуан де')).toBe('Сент-Экзюпери, А. де');
    expect(headingName('Сартр, Жан-Поль')).toBe('Сартр, Ж.-П.');
    expect(headingName('Роулинг, Дж. К.')).toBe('Роулинг, Дж. К.');
    expect(headingName('Акулова З.М.')).toBe('Акулова, З. М.');
    expect(headingName('Екатерина II')).toBe('Екатерина II');
  });
});

describe('an ISBN as printed', () => {
  it('puts the hyphens where the ISBN ranges put them, for Russian and foreign publishers alike', () => {
    expect(hyphenatedIsbn('9785699120147')).toBe('978-5-699-12014-7');
    expect(hyphenatedIsbn('9785901202500')).toBe('978-5-901202-50-0');
    expect(hyphenatedIsbn('9780140449266')).toBe('978-0-14-044926-6');
  });

  it('leaves a number the ranges do not know as it is', () => {
    expect(hyphenatedIsbn('9785845103730')).toBe('9785845103730');
  });
});
