import { ProblemError, type FieldError } from '../../../server/problem.js';
import { parseIsbn, parseIssn } from '../../../shared/isbn.js';
import { RELATOR_LABELS } from '../description/bibliographic-description.js';
import { LANGUAGE_LABELS } from '../search/labels.js';
import { normaliseContentsItem, ORGANISATION_ROLES, PERSON_ROLES, type BibForm } from './bib-form.js';

/** The earliest year a record may carry (incunabula are older, but not in a municipal library's catalogue). */
export const MIN_YEAR = 1000;
export const maxYear = (now: Date) => now.getUTCFullYear() + 1;

/** The Russian message for one ISBN, or null when it is good: «ISBN 978-5-… : неверная контрольная цифра». */
export function isbnProblem(isbn: string): string | null {
  const parsed = parseIsbn(isbn);
  if (!parsed || (parsed.value.length !== 10 && parsed.value.length !== 13)) return `ISBN ${isbn} : нужно 10 или 13 цифр`;
  if (parsed.value.length === 13 && !/^97[89]/.test(parsed.value)) return `ISBN ${isbn} : ISBN-13 начинается с 978 или 979`;
  if (!parsed.valid) return `ISBN ${isbn} : неверная контрольная цифра`;
  return null;
}

/** The Russian message for an ISBN to be kept as printed wrong in the book ($z), or null when it may be. */
function invalidIsbnProblem(isbn: string): string | null {
  const parsed = parseIsbn(isbn);
  if (!parsed) return `Ошибочный ISBN ${isbn} : нет номера — нужны цифры, как напечатано в книге`;
  // A good number written as wrong would hide the book from a search by its ISBN.
  if (parsed.valid) return `Ошибочный ISBN ${isbn} : номер верный — его место в поле «ISBN»`;
  return null;
}

/** The Russian message for one ISSN, or null when it is good. */
export function issnProblem(issn: string): string | null {
  const parsed = parseIssn(issn);
  if (!parsed) return `ISSN ${issn} : нужно 8 цифр (последняя может быть X), например 0131-6141`;
  return parsed.valid ? null : `ISSN ${issn} : неверная контрольная цифра`;
}

/**
 * The roles a person or an organisation may be given: the relator codes the description words, and the form's own lists (their
 * «другое», `oth`, has no wording in a description on purpose).
 */
const KNOWN_ROLES = new Set([...Object.keys(RELATOR_LABELS), ...[...PERSON_ROLES, ...ORGANISATION_ROLES].map((role) => role.code)]);

/**
 * Checks a form before it is saved; every problem names its field in Russian. On a change, what the stored
 * record already says and the form shows unchanged is not checked again — ISBNs and ISSNs (a wrong one printed in
 * the book stays as printed), the language code, a person's or an organisation's role (an imported record may use codes and words our
 * lists do not know; editing another field must still save) —, and an age label once given may not be taken away.
 */
export function bibFormProblems(form: BibForm, options: { previous: BibForm | null; now: Date; whole?: 'form' | 'record' }): FieldError[] {
  const { previous, now } = options;
  // The form offers the lists' choices; a whole MARC record is an expert's, who may rightly use a language code or a
  // role in words the lists do not hold («переводчик с английского», a code of the full MARC list): not refused there.
  const checkLists = options.whole !== 'record';
  const problems: FieldError[] = [];
  if (form.title.trim() === '') problems.push({ field: 'title', message: 'Заглавие: обязательное поле' });
  if (form.year !== null && (form.year < MIN_YEAR || form.year > maxYear(now))) {
    problems.push({ field: 'year', message: `Год издания: от ${MIN_YEAR} до ${maxYear(now)}` });
  }
  const checkNew = (key: 'isbns' | 'invalidIsbns' | 'issns', problemOf: (value: string) => string | null) => {
    (form[key] ?? []).forEach((value, index) => {
      if (value.trim() === '' || previous?.[key]?.includes(value.trim())) return;
      const problem = problemOf(value.trim());
      if (problem) problems.push({ field: `${key}.${index}`, message: problem });
    });
  };
  checkNew('isbns', isbnProblem);
  checkNew('invalidIsbns', invalidIsbnProblem);
  checkNew('issns', issnProblem);
  if (form.ageRating === null && (previous === null || previous.ageRating !== null)) {
    problems.push({ field: 'ageRating', message: 'Возрастное ограничение: обязательное поле (маркировка по закону 436-ФЗ)' });
  }
  /**
   * Persons and organisations alike: a role needs a name, and a role outside the lists is refused unless the stored
   * record already gave it to that name.
   */
  const checkRoles = (key: 'persons' | 'organisations', words: { noName: (n: number) => string; entry: string; examples: string }) => {
    (form[key] ?? []).forEach((entry, index) => {
      const name = entry.name.trim();
      const role = entry.role.trim();
      if (name === '' && role !== '') problems.push({ field: `${key}.${index}.name`, message: words.noName(index + 1) });
      const stored = previous?.[key]?.some((before) => before.name.trim() === name && before.role.trim() === role) ?? false;
      if (checkLists && name !== '' && role !== '' && !KNOWN_ROLES.has(role) && !stored) {
        problems.push({
          field: `${key}.${index}.role`,
          message: `${words.entry} ${index + 1} (${name}): роль «${role}» — не из списка ролей; выберите роль из списка (${words.examples}…)`,
        });
      }
    });
  };
  checkRoles('persons', { noName: () => 'Лицо: укажите имя', entry: 'Лицо', examples: 'автор, составитель, редактор' });
  checkRoles('organisations', { noName: (n) => `Организация ${n}: укажите наименование`, entry: 'Организация', examples: 'автор, редактор, издатель' });
  // A line with words but no title would be dropped silently on saving (the projection keeps no work without one).
  form.contents.forEach((item, index) => {
    if (item.trim() !== '' && normaliseContentsItem(item) === '') {
      problems.push({ field: `contents.${index}`, message: `Содержание, строка ${index + 1} («${item.trim()}»): нет заглавия произведения — пишите «Заглавие / Авторы»` });
    }
  });
  const language = form.language.trim().toLowerCase();
  if (checkLists && language !== '' && !Object.hasOwn(LANGUAGE_LABELS, language) && language !== previous?.language) {
    problems.push({ field: 'language', message: `Язык: код «${language}» не из списка языков каталога — выберите язык из списка (rus — русский, eng — английский…)` });
  }
  return problems;
}

/** Refuses a form (`whole` 'form') or a whole MARC record read as a form ('record') with every problem, fields named under that key. */
export function assertValidBibForm(form: BibForm, options: { previous: BibForm | null; now: Date; whole: 'form' | 'record' }): void {
  const problems = bibFormProblems(form, options).map((problem) => ({ ...problem, field: `${options.whole}.${problem.field}` }));
  if (problems.length > 0) throw new ProblemError(400, 'Ошибка в данных', problems.map((problem) => problem.message).join('; '), problems);
}
