/**
 * The divisions of the ББК (Библиотечно-библиографическая классификация) a reader browses by: the
 * main divisions of the tables for public libraries, with the social sciences (60–79) and philology
 * and the arts (80–88) split into their own classes. Data, reused by the facets, the public catalogue
 * and the staff UI. A record's divisions come from its ББК indexes (`bbkDivisionsOf`): numeric
 * indexes by their leading digits, indexes of the full (lettered) tables by their first letter.
 */
export interface BbkDivision {
  code: string;
  label: string;
}

export const BBK_DIVISIONS: readonly BbkDivision[] = [
  { code: '1', label: 'Общенаучное и междисциплинарное знание' },
  { code: '2', label: 'Естественные науки' },
  { code: '3', label: 'Техника. Технические науки' },
  { code: '4', label: 'Сельское и лесное хозяйство' },
  { code: '5', label: 'Здравоохранение. Медицинские науки' },
  { code: '60', label: 'Общественные науки в целом' },
  { code: '63', label: 'История. Исторические науки' },
  { code: '65', label: 'Экономика. Экономические науки' },
  { code: '66', label: 'Политика. Политические науки' },
  { code: '67', label: 'Право. Юридические науки' },
  { code: '68', label: 'Военное дело. Военная наука' },
  { code: '71', label: 'Культура. Культурология' },
  { code: '72', label: 'Наука. Науковедение' },
  { code: '74', label: 'Образование. Педагогика' },
  { code: '75', label: 'Физическая культура и спорт' },
  { code: '76', label: 'Средства массовой информации. Книжное дело' },
  { code: '77', label: 'Социально-культурная деятельность' },
  { code: '78', label: 'Библиотечное дело. Библиографоведение' },
  { code: '79', label: 'Музейное дело. Охрана памятников' },
  { code: '80', label: 'Филология в целом' },
  { code: '81', label: 'Языкознание' },
  { code: '82', label: 'Фольклор. Фольклористика' },
  { code: '83', label: 'Литературоведение' },
  { code: '84', label: 'Художественная литература' },
  { code: '85', label: 'Искусство. Искусствознание' },
  { code: '86', label: 'Религия. Мистика. Свободомыслие' },
  { code: '87', label: 'Философия' },
  { code: '88', label: 'Психология' },
  { code: '9', label: 'Издания универсального содержания' },
];

const LABELS = new Map(BBK_DIVISIONS.map((division) => [division.code, division.label]));

/** The label of a division code, or the code itself when the table has no such division. */
export const bbkDivisionLabel = (code: string) => LABELS.get(code) ?? code;
export const isBbkDivision = (code: string) => LABELS.has(code);

/** Two-digit classes of the table, and where the others (61, 62, 64, 69, 70, 73, 89…) belong. */
const TWO_DIGIT_FALLBACK: Record<string, string> = { '6': '60', '7': '71', '8': '80' };
const TWO_DIGIT_EXCEPTIONS: Record<string, string> = { '70': '71', '73': '72' };

/** Lettered indexes of the full tables (Т3(2)…, Ч617ц.я8, Ш5(2=411.2)…): the first letter, sometimes a digit more. */
const LETTERED: Record<string, string> = {
  А: '1', Б: '2', В: '2', Г: '2', Д: '2', Е: '2', Ж: '3', З: '3', И: '3', К: '3', Л: '3', М: '3', Н: '3', О: '3',
  П: '4', Р: '5', С: '60', Т: '63', У: '65', Ф: '66', Х: '67', Ц: '68', Щ: '85', Э: '86', Я: '9',
};
const LETTERED_BY_TWO: Record<string, string> = {
  Ч1: '71', Ч2: '72', Ч3: '74', Ч4: '74', Ч5: '75', Ч6: '76', Ч7: '78', Ч8: '79',
  Ш1: '81', Ш3: '83', Ш4: '83', Ш5: '83', Ш6: '84', Ш7: '82', Ю9: '88',
};
const LETTERED_DEFAULT: Record<string, string> = { Ч: '71', Ш: '80', Ю: '87' };

/** The division of one ББК index, or undefined when it is not one. */
export function bbkDivisionOf(index: string): string | undefined {
  const text = index.trim().toUpperCase();
  const digits = /^\d+/.exec(text)?.[0];
  if (digits) {
    const first = digits[0]!;
    if (first === '0') return undefined;
    if (!TWO_DIGIT_FALLBACK[first]) return first;
    if (digits.length < 2) return TWO_DIGIT_FALLBACK[first];
    const two = digits.slice(0, 2);
    return TWO_DIGIT_EXCEPTIONS[two] ?? (LABELS.has(two) ? two : TWO_DIGIT_FALLBACK[first]);
  }
  const letter = text[0] ?? '';
  return LETTERED_BY_TWO[text.slice(0, 2)] ?? LETTERED_DEFAULT[letter] ?? LETTERED[letter];
}

/** The distinct divisions of a record's ББК indexes, in table order. */
export function bbkDivisionsOf(indexes: readonly string[]): string[] {
  const found = new Set(indexes.map(bbkDivisionOf).filter((code): code is string => code !== undefined));
  return BBK_DIVISIONS.map((division) => division.code).filter((code) => found.has(code));
}
