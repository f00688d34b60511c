/**
 * Russian plural forms, one rule for the server, the command line and the staff app.
 * plural(5, 'год', 'года', 'лет') → 'лет'; countOf(3, ['запись', 'записи', 'записей']) → '3 записи'.
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100;
  const units = Math.abs(n) % 10;
  if (!Number.isInteger(n)) return few;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

/** The number (in Russian digit grouping) and its word: «1 таблица», «3 таблицы», «12 таблиц». */
export function countOf(n: number, [one, few, many]: [string, string, string]): string {
  return `${n.toLocaleString('ru-RU')} ${plural(n, one, few, many)}`;
}
