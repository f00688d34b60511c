import { ProblemError, type FieldError } from '../../../server/problem.js';
import { parseIsbn } from '../../../shared/isbn.js';
import { normaliseContentsItem, type BibForm } from './bib-form.js';

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

/**
 * Checks a form before it is saved; every problem names its field in Russian. On a change, ISBNs that
 * were already in the record are not checked again (a wrong ISBN printed in the book stays as printed),
 * and an age label once given may not be taken away.
 */
export function bibFormProblems(form: BibForm, options: { previous: BibForm | null; now: Date }): FieldError[] {
  const { previous, now } = options;
  const problems: FieldError[] = [];
  if (form.title.trim() === '') problems.push({ field: 'title', message: 'Заглавие: обязательное поле' });
  if (form.year !== null && (form.year < MIN_YEAR || form.year > maxYear(now))) {
    problems.push({ field: 'year', message: `Год издания: от ${MIN_YEAR} до ${maxYear(now)}` });
  }
  form.isbns.forEach((isbn, index) => {
    if (isbn.trim() === '' || previous?.isbns.includes(isbn.trim())) return;
    const problem = isbnProblem(isbn.trim());
    if (problem) problems.push({ field: `isbns.${index}`, message: problem });
  });
  if (form.ageRating === null && (previous === null || previous.ageRating !== null)) {
    problems.push({ field: 'ageRating', message: 'Возрастное ограничение: обязательное поле (маркировка по закону 436-ФЗ)' });
  }
  form.persons.forEach((person, index) => {
    if (person.name.trim() === '' && person.role.trim() !== '') problems.push({ field: `persons.${index}.name`, message: 'Лицо: укажите имя' });
  });
  // A line with words but no title would be dropped silently on saving (the projection keeps no work without one).
  form.contents.forEach((item, index) => {
    if (item.trim() !== '' && normaliseContentsItem(item) === '') {
      problems.push({ field: `contents.${index}`, message: `Содержание, строка ${index + 1} («${item.trim()}»): нет заглавия произведения — пишите «Заглавие / Авторы»` });
    }
  });
  if (form.language !== '' && !/^[a-z]{3}$/.test(form.language.trim().toLowerCase())) {
    problems.push({ field: 'language', message: 'Язык: код из трёх латинских букв (rus, eng…)' });
  }
  return problems;
}

export function assertValidBibForm(form: BibForm, options: { previous: BibForm | null; now: Date; prefix?: string }): void {
  const problems = bibFormProblems(form, options).map((problem) => ({ ...problem, field: `${options.prefix ?? 'form'}.${problem.field}` }));
  if (problems.length > 0) throw new ProblemError(400, 'Ошибка в данных', problems.map((problem) => problem.message).join('; '), problems);
}
