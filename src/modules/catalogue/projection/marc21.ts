import type { SchemaMapping } from './mapping.js';

/** MARC21 bibliographic → projection (https://www.loc.gov/marc/bibliographic/), with Russian cataloguing practice (RSL, RKP). */
export const MARC21_MAPPING: SchemaMapping = {
  title: { tag: '245', title: 'a', subtitle: 'b', responsibility: 'c', parts: 'np' },
  parallelTitles: [{ tag: '246', code: 'a', ind2: '1' }],
  persons: [
    { tag: '100', kind: 'person', primary: true },
    { tag: '110', kind: 'organisation', primary: true },
    { tag: '111', kind: 'meeting', primary: true },
    { tag: '700', kind: 'person', primary: false },
    { tag: '710', kind: 'organisation', primary: false },
    { tag: '711', kind: 'meeting', primary: false },
  ],
  nameStyle: 'marc21',
  organisationSubunits: 'b',
  relatorCodeSubfield: '4',
  // MARC21 $4 is already a MARC relator code.
  relatorCodes: {},
  relatorTermSubfield: 'e',
  // Russian relator terms as abbreviated in $e (ГОСТ Р 7.0.12).
  relatorTerms: {
    'авт.': 'aut', 'автор': 'aut', 'сост.': 'com', 'составитель': 'com', 'пер.': 'trl', 'переводчик': 'trl',
    'ред.': 'edt', 'редактор': 'edt', 'отв. ред.': 'edt', 'гл. ред.': 'edt', 'науч. ред.': 'edt',
    'ил.': 'ill', 'иллюстратор': 'ill', 'худож.': 'ill', 'художник': 'ill', 'авт. предисл.': 'aui',
    'авт. вступ. ст.': 'aui', 'коммент.': 'ann', 'комментатор': 'ann', 'фот.': 'pht', 'фотограф': 'pht',
    'изд.': 'pbl', 'издатель': 'pbl', 'чтец': 'nrt', 'исп.': 'prf', 'композитор': 'cmp',
    // and the RDA terms of English-language records
    'author': 'aut', 'compiler': 'com', 'translator': 'trl', 'editor': 'edt', 'illustrator': 'ill', 'photographer': 'pht',
    'publisher': 'pbl', 'narrator': 'nrt', 'composer': 'cmp',
  },
  edition: { tag: '250', codes: 'ab' },
  publication: { tags: ['260', '264'], place: 'a', publisher: 'b', date: 'c' },
  yearFallback: { tag: '008', start: 7, end: 11 },
  extent: { tag: '300', parts: [['a', ''], ['b', ' : '], ['c', ' ; '], ['e', ' + ']] },
  series: [{ tag: '490', title: 'a', number: 'v' }, { tag: '830', title: 'a', number: 'v' }],
  // 505 basic ($a: «Стихотворения -- Поэмы») or enhanced ($g v. 1. $t title $r author …).
  contents: [{ tag: '505', title: 't', number: 'g', responsibility: 'r', text: 'a' }],
  isbn: { tag: '020', valid: 'a', cancelled: 'z' },
  issn: { tag: '022', codes: 'a' },
  languages: { tag: '041', code: 'a' },
  languageFallback: { tag: '008', start: 35, end: 38 },
  typeOfRecord: {
    a: 'text', t: 'manuscript', c: 'music', d: 'music', e: 'map', f: 'map', g: 'video', i: 'audio', j: 'audio',
    k: 'image', m: 'electronic', o: 'kit', p: 'kit', r: 'object',
  },
  bbk: { tag: '084', number: 'a', itemNumber: 'b', systemCode: '2', systemPrefix: 'rubbk' },
  bbkPlain: [],
  authorMark: [],
  udc: { tag: '080', code: 'a' },
  subjects: { tags: ['600', '610', '611', '630', '648', '650', '651'], main: 'a', subdivisions: 'bvxyz' },
  keywords: { tag: '653', code: 'a' },
  annotation: { tag: '520', code: 'a' },
  // Russian practice writes the age label (Federal Law 436-FZ) in 521 $a; 385 $a (audience) also carries it.
  ageRating: [{ tag: '521', code: 'a' }, { tag: '385', code: 'a' }],
};
