import type { SchemaMapping } from './mapping.js';

/** RUSMARC (and UNIMARC) bibliographic → projection (rusmarc.ru), with Russian cataloguing practice. */
export const RUSMARC_MAPPING: SchemaMapping = {
  title: { tag: '200', title: 'a', subtitle: 'e', responsibility: 'f', parts: 'hi', parallel: 'd' },
  volumeOfSet: { titleInd1: '0', tag: '461', embedded: '200', title: 'a' },
  parallelTitles: [{ tag: '510', code: 'a' }],
  persons: [
    { tag: '700', kind: 'person', primary: true },
    { tag: '701', kind: 'person', primary: true },
    { tag: '710', kind: 'organisation', primary: true },
    { tag: '702', kind: 'person', primary: false },
    { tag: '711', kind: 'organisation', primary: false },
    { tag: '712', kind: 'organisation', primary: false },
  ],
  nameStyle: 'rusmarc',
  organisationSubunits: 'b',
  relatorCodeSubfield: '4',
  // UNIMARC relator codes (Appendix C) → MARC relator codes, so both schemas speak of roles alike.
  relatorCodes: {
    '010': 'adp', '020': 'ann', '070': 'aut', '072': 'aut', '075': 'aft', '080': 'aui', '205': 'clb',
    '212': 'cwt', '220': 'com', '230': 'cmp', '273': 'cur', '340': 'edt', '395': 'fnd', '440': 'ill',
    '557': 'orm', '570': 'oth', '600': 'pht', '605': 'pre', '650': 'pbl', '651': 'edt', '673': 'rth',
    '710': 'red', '727': 'ths', '730': 'trl', '755': 'voc',
  },
  relatorTerms: {},
  edition: { tag: '205', codes: 'ab' },
  publication: { tags: ['210', '214'], place: 'a', publisher: 'c', date: 'd' },
  yearFallback: { tag: '100', code: 'a', start: 9, end: 13 },
  extent: { tag: '215', parts: [['a', ''], ['c', ' : '], ['d', ' ; '], ['e', ' + ']] },
  // 225 as transcribed; 410 the series and 461 the multi-volume set the record belongs to, as linking fields
  // (IRBIS: 461 $1 2001 $a Задачи и этюды $v Вып. 13). The same series in 225 and 410 is kept once.
  series: [
    { tag: '225', title: 'a', number: 'v' },
    { tag: '410', title: 'a', number: 'v', embedded: '200' },
    { tag: '461', title: 'a', number: 'v', embedded: '200' },
  ],
  // 464: one analytic unit (a work of the collection) per field, its 200 embedded ($1 2001 $a title $f author).
  contents: [{ tag: '464', title: 'a', number: 'vhi', responsibility: 'f', numbersFollowTitle: true, embedded: '200' }],
  isbn: { tag: '010', valid: 'a', cancelled: 'z' },
  issn: { tag: '011', codes: 'a' },
  languages: { tag: '101', code: 'a' },
  typeOfRecord: {
    a: 'text', b: 'manuscript', c: 'music', d: 'music', e: 'map', f: 'map', g: 'video', i: 'audio', j: 'audio',
    k: 'image', l: 'electronic', m: 'kit', r: 'object',
  },
  bbk: { tag: '686', number: 'a', itemNumber: 'b', systemCode: '2', systemPrefix: 'rubbk' },
  // IRBIS keeps the ББК index in its own field 621 too.
  bbkPlain: [{ tag: '621', codes: 'a' }],
  // IRBIS exports the author mark in 908 $a.
  authorMark: [{ tag: '908', code: 'a' }],
  udc: { tag: '675', code: 'a' },
  subjects: { tags: ['600', '601', '602', '605', '606', '607'], main: 'a', subdivisions: 'bjxyz' },
  keywords: { tag: '610', code: 'a' },
  annotation: { tag: '330', code: 'a' },
  // Russian practice: 333 "note on use and distribution" holds the age label ("12+").
  ageRating: [{ tag: '333', code: 'a' }],
};
