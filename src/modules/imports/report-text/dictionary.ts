/**
 * The words of annual reports the parser knows, as data: levels, results, the names of
 * campaigns and training topics. Patterns run on folded text (lower case, «ё» → «е»).
 * A new campaign or a new way of writing a result is a line here, not a change of the parser.
 */
import type { AwardResult, CompetitionLevel } from '../../achievements/index.js';
import type { CreateTrainingInput } from '../../staff/index.js';

type TrainingTopic = NonNullable<CreateTrainingInput['topic']>;

/** A word starts here: no letter or digit just before (JavaScript's \b knows only Latin). */
const W = '(?<![\\p{L}\\d])';

/** Level adjectives by stem; «межрайонн» is listed before «районн», which it contains. */
export const LEVEL_WORDS: readonly { pattern: RegExp; level: CompetitionLevel }[] = [
  { pattern: /^международн/u, level: 'international' },
  { pattern: /^(?:все)?российск|^федеральн/u, level: 'national' },
  { pattern: /^межрайонн|^межмуниципальн/u, level: 'inter_district' },
  { pattern: /^областн|^региональн|^краев(?:ой|ого|ом|ых|ые)$/u, level: 'regional' },
  { pattern: /^районн|^муниципальн/u, level: 'district' },
];

export function levelOfWord(word: string): CompetitionLevel | null {
  return LEVEL_WORDS.find(({ pattern }) => pattern.test(word))?.level ?? null;
}

export interface ResultPattern {
  pattern: RegExp;
  result: AwardResult;
  /** The place or the degree, from the pattern's first group. */
  ranked?: boolean;
}

/**
 * Results as reports write them. Where several match at one place the longest wins:
 * «Диплом 3 место» is a place, «Победитель 1 место» a place, «диплом победителя» a winner's diploma.
 */
export const RESULT_PATTERNS: readonly ResultPattern[] = [
  { pattern: new RegExp(`${W}диплом\\p{L}*\\s+(?:за\\s+)?([1-3])(?:-?(?:е|го))?\\s+мест\\p{L}*`, 'gu'), result: 'place', ranked: true },
  { pattern: new RegExp(`${W}диплом\\p{L}*\\s+([1-3])(?:-?(?:й|ой))?\\s+степен\\p{L}*`, 'gu'), result: 'diploma', ranked: true },
  { pattern: new RegExp(`${W}(?:победител\\p{L}*\\s+)?([1-3])(?:-?(?:е|го))?\\s+мест\\p{L}*`, 'gu'), result: 'place', ranked: true },
  { pattern: new RegExp(`${W}([1-3])(?:-?(?:й|ой))?\\s+степен\\p{L}*`, 'gu'), result: 'diploma', ranked: true },
  { pattern: new RegExp(`${W}диплом\\p{L}*\\s+победител\\p{L}*`, 'gu'), result: 'winner_diploma' },
  { pattern: new RegExp(`${W}(?:диплом\\p{L}*\\s+)?лауреат\\p{L}*`, 'gu'), result: 'laureate_diploma' },
  { pattern: new RegExp(`${W}(?:признан\\p{L}*\\s+)?победител\\p{L}*`, 'gu'), result: 'winner_diploma' },
  { pattern: new RegExp(`${W}денежн\\p{L}*\\s+(?:поощрени|преми)\\p{L}*`, 'gu'), result: 'monetary' },
  { pattern: new RegExp(`${W}грант\\p{L}*`, 'gu'), result: 'grant' },
  { pattern: new RegExp(`${W}сертификат\\p{L}*(?:\\s+(?:за\\s+участие|участник\\p{L}*))?`, 'gu'), result: 'participation_certificate' },
  { pattern: new RegExp(`${W}(?:благодарност\\p{L}*|благодарственн\\p{L}*\\s+письм\\p{L}*)`, 'gu'), result: 'thanks_letter' },
  { pattern: new RegExp(`${W}диплом\\p{L}*`, 'gu'), result: 'diploma' },
];

/** The word that names a competition, in the singular cases a name follows («конкурсах» names none). */
export const COMPETITION_HEAD = new RegExp(
  `${W}(?:смотр-)?(?:конкурс(?:а|е|у|ом)?|фестивал(?:ь|я|е|ю|ем))(?![\\p{L}-])`, 'gu');
/** «Всероссийские конкурсы:» — a heading: it gives the level of what follows, not a name. */
export const COMPETITION_SECTION = new RegExp(`${W}конкурсы(?=\\s*:)`, 'gu');
export const CONFERENCE_HEAD = new RegExp(`${W}конференци(?:я|и|ю|ей)(?![\\p{L}-])`, 'gu');

/** How a head word reads as the start of a name: «конкурса по финансовому…» → «Конкурс по финансовому…». */
export const HEAD_NOMINATIVE: readonly [RegExp, string][] = [
  [/^смотр\p{L}*-конкурс\p{L}*/u, 'Смотр-конкурс'],
  [/^конкурс\p{L}*/u, 'Конкурс'],
  [/^фестивал\p{L}*/u, 'Фестиваль'],
  [/^конференци\p{L}*/u, 'Конференция'],
];

/** What a clause is about, decided in this order (a jury clause names a competition too). */
export const CLAUSE_KINDS = {
  seminar: /семинар/u,
  jury: /жюри/u,
  training: /(?:прош(?:ли|ел|ла)|окончил\p{L}*)\s+(?:курс|обучени)|(?:повышени|повешени)\p{L}*\s+квалификац/u,
  conference: /конференци/u,
} as const;

/** Campaigns known by name; any «акция «…»» is recognised as well. */
export const CAMPAIGNS: readonly { pattern: RegExp; level: CompetitionLevel }[] = [
  { pattern: /библионоч/u, level: 'national' },
  { pattern: /библиосумерк/u, level: 'national' },
  { pattern: /ночь искусств/u, level: 'national' },
  { pattern: /диктант победы/u, level: 'national' },
  { pattern: /окна победы/u, level: 'national' },
  { pattern: /георгиевская ленточка/u, level: 'national' },
  { pattern: /бессмертный полк/u, level: 'national' },
  { pattern: /свеча памяти/u, level: 'national' },
  { pattern: /дарю\s*тепло/u, level: 'national' },
  { pattern: /тотальн\p{L}* диктант/u, level: 'international' },
  { pattern: /этнографическ\p{L}* диктант/u, level: 'national' },
  { pattern: /правов\p{L}* диктант/u, level: 'national' },
  { pattern: /читаем детям о войне/u, level: 'international' },
];
export const CAMPAIGN_WORD = new RegExp(`${W}акци(?:я|и|ю|ей)\\s+«`, 'gu');

/** Topics of courses named in reports («…о повышении квалификации по пожарной безопасности…»). */
export const TRAINING_TOPICS: readonly { pattern: RegExp; topic: TrainingTopic; course: string }[] = [
  { pattern: /пожарн\p{L}* безопасн/u, topic: 'fire_safety', course: 'Пожарная безопасность' },
  { pattern: /финансов\p{L}* (?:консультир|грамотн)/u, topic: 'financial_literacy', course: 'Финансовое консультирование' },
  { pattern: /охран\p{L}* труда/u, topic: 'labour_protection', course: 'Охрана труда' },
  { pattern: /го и чс|гражданск\p{L}* оборон/u, topic: 'civil_defence', course: 'Гражданская оборона и ЧС' },
  { pattern: /коррупц/u, topic: 'anti_corruption', course: 'Противодействие коррупции' },
  { pattern: /антитеррор|терроризм/u, topic: 'anti_terrorism', course: 'Антитеррористическая защищённость' },
  { pattern: /перв\p{L}* (?:медицинск\p{L}* )?помощ/u, topic: 'first_aid', course: 'Оказание первой помощи' },
];

/** Months as reports name them («в марте 2023 года»), by stem. */
export const MONTHS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];

/** Words of branch names that do not tell one branch from another (stems). */
export const GENERIC_NAME_STEMS = new Set([
  'сельск', 'библиотек', 'центральн', 'районн', 'детск', 'городск', 'модельн', 'филиал', 'бдц', 'цод', 'им', 'поселк', 'сел',
  'централизованн', 'систем', 'муниципальн', 'мбук', 'мук', 'цбс', 'црб', 'центр', 'информационн', 'досугов', 'библиотечн',
]);

/** After a name, the words that make a match certain: «Нововасюганская сельская библиотека», «Большегривский БДЦ». */
export const BRANCH_NAME_TAIL = /^»?(?:\s+(?:сельск|модельн|детск)\p{L}*)?(?:\s+(?:библиотек\p{L}*|бдц|филиал\p{L}*))»?/u;
/** Before a name: «Филиал «…», «Библиотека «…», «филиала «Библиотека «…». */
export const BRANCH_NAME_HEAD = /(?:филиал\p{L}*\s*«?\s*)?(?:библиотек\p{L}*\s*«\s*)?$/u;

/** The central library (and the network as a whole, which reports name by its legal name) and the children's library. */
export const CENTRAL_LIBRARY = [
  new RegExp(`${W}мбук\\s*«[^«»]{0,40}?(?:црб|цбс)»`, 'gu'),
  new RegExp(`${W}(?:црб|цбс)(?![\\p{L}])`, 'gu'),
  new RegExp(`${W}центральн(?:ая|ой|ую|ою)(?:\\s+районн(?:ая|ой|ую))?(?:\\s+(?:библиотек(?:а|и|е|у|ой)|района))?(?![\\p{L}])`, 'gu'),
];
export const CHILDREN_LIBRARY = [new RegExp(`${W}детск(?:ая|ой|ую)\\s+библиотек(?:а|и|е|у|ой)(?![\\p{L}])`, 'gu')];
/** «нашу читательницу», «читатель»: a reader, prepared by the branch named beside. */
export const READER = new RegExp(`${W}(?:наш(?:у|его|ей|а|и|их)\\s+)?читател\\p{L}*`, 'gu');
/** «участника Новоюгинской СОШ Штрак Владимира»: a named reader from an organisation. */
export const NAMED_READER = /(?<![\p{L}\d])участник(?:а|у|ом|ов|и)?\s+(.{2,60}?)\s+(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)(?=\s*(?:[,;.–:]|$))/gu;
/** «Вялова А.В.», «Смирновой Е. С.». */
export const STAFF_NAME = /(?<![\p{L}])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s+(\p{Lu})\.\s?(\p{Lu})\.?/gu;
