/**
 * Russian labels of the facet values: document types (the projection's values; plural for a facet,
 * singular for one record), languages (MARC codes, the common ones) and age ratings. Data, reused by the public catalogue and the staff UI;
 * a value without a label is shown as it is.
 */
import type { AgeRating } from '../projection/project.js';

const DOCUMENT_TYPE_LABELS: Record<string, string> = {
  book: 'Книги',
  serial: 'Периодические и продолжающиеся издания',
  article: 'Статьи',
  music: 'Ноты',
  map: 'Карты',
  video: 'Видеозаписи',
  audio: 'Аудиозаписи',
  electronic: 'Электронные ресурсы',
  image: 'Изобразительные издания',
  manuscript: 'Рукописи',
  kit: 'Комплекты',
  object: 'Предметы',
  text: 'Тексты',
  other: 'Другое',
};

/** One record's document type, in the singular (the record page's «Вид издания: Книга»). */
const DOCUMENT_KIND_LABELS: Record<string, string> = {
  book: 'Книга',
  serial: 'Периодическое или продолжающееся издание',
  article: 'Статья',
  music: 'Ноты',
  map: 'Карта',
  video: 'Видеозапись',
  audio: 'Аудиозапись',
  electronic: 'Электронный ресурс',
  image: 'Изобразительное издание',
  manuscript: 'Рукопись',
  kit: 'Комплект',
  object: 'Предмет',
  text: 'Текст',
  other: 'Другое',
};

export const LANGUAGE_LABELS: Record<string, string> = {
  rus: 'русский', eng: 'английский', ger: 'немецкий', fre: 'французский', spa: 'испанский', ita: 'итальянский',
  por: 'португальский', pol: 'польский', cze: 'чешский', bul: 'болгарский', srp: 'сербский', ukr: 'украинский',
  bel: 'белорусский', kaz: 'казахский', uzb: 'узбекский', kir: 'киргизский', tgk: 'таджикский', tuk: 'туркменский',
  aze: 'азербайджанский', arm: 'армянский', geo: 'грузинский', lit: 'литовский', lav: 'латышский', est: 'эстонский',
  fin: 'финский', swe: 'шведский', nor: 'норвежский', dan: 'датский', dut: 'нидерландский', gre: 'греческий',
  lat: 'латинский', grc: 'древнегреческий', chu: 'церковнославянский', heb: 'иврит', yid: 'идиш', ara: 'арабский',
  tur: 'турецкий', per: 'персидский', chi: 'китайский', jpn: 'японский', kor: 'корейский', hin: 'хинди',
  tat: 'татарский', bak: 'башкирский', chv: 'чувашский', sah: 'якутский', udm: 'удмуртский', kom: 'коми',
  mhr: 'марийский', myv: 'эрзянский', mdf: 'мокшанский', oss: 'осетинский', che: 'чеченский', bua: 'бурятский',
  kbd: 'кабардино-черкесский', krl: 'карельский', sel: 'селькупский', fiu: 'финно-угорские (хантыйский, мансийский…)',
  hun: 'венгерский', rum: 'румынский', mul: 'несколько языков',
  und: 'язык не определён', zxx: 'без языка',
};

export const AGE_RATING_LABELS: Record<AgeRating, string> = {
  '0+': '0+ (для любого возраста)',
  '6+': '6+ (для детей старше 6 лет)',
  '12+': '12+ (для детей старше 12 лет)',
  '16+': '16+ (для детей старше 16 лет)',
  '18+': '18+ (запрещено для детей)',
};
export const AGE_RATINGS: readonly AgeRating[] = ['0+', '6+', '12+', '16+', '18+'];

export const documentTypeLabel = (value: string) => DOCUMENT_TYPE_LABELS[value] ?? value;
export const documentKindLabel = (value: string) => DOCUMENT_KIND_LABELS[value] ?? value;
export const languageLabel = (code: string) => LANGUAGE_LABELS[code] ?? code;
export const ageRatingLabel = (value: string) => AGE_RATING_LABELS[value as AgeRating] ?? value;
/** A decade facet value '1990' → '1990-е'. */
export const decadeLabel = (value: string) => `${value}-е`;
