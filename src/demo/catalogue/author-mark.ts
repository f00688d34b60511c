/**
 * Author marks (авторский знак) for the demo catalogue. Libraries take them from Хавкина's tables;
 * those tables are not in this repository, so the marks of a few authors are written as libraries
 * print them and all the others are an APPROXIMATION computed from the heading (first letter, then
 * a two-digit number growing with the next letters, as the tables do) — illustrative, to be checked
 * against the tables before any real use.
 */
const KNOWN: Record<string, string> = {
  Пушкин: 'П91', Лермонтов: 'Л49', Гоголь: 'Г58', Толстой: 'Т53', Достоевский: 'Д70', Чехов: 'Ч56',
  Тургенев: 'Т87', Есенин: 'Е83', Булгаков: 'Б90', Шолохов: 'Ш78',
};

const ALPHABET = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя';

/** The mark for a heading: an author «Фамилия, Имя…» or, for works under their title, the title's first word. */
export function authorMark(heading: string): string {
  const word = (heading.split(/[,\s]/)[0] ?? '').replace(/[«»"'.:]/g, '');
  if (KNOWN[word]) return KNOWN[word];
  const letters = word.toLowerCase().replace(/ё/g, 'е');
  const first = (letters[0] ?? 'а').toUpperCase();
  const position = (index: number) => Math.max(0, ALPHABET.indexOf(letters[index] ?? 'а')) / ALPHABET.length;
  const rank = position(1) + position(2) / ALPHABET.length;
  return `${first}${Math.min(99, 11 + Math.floor(rank * 89))}`;
}
