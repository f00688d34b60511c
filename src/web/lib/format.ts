/** How values are shown: dates as DD.MM.YYYY, as Russian staff write them. */
import { t } from './messages.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2023-07-01' → '01.07.2023'; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = ISO_DATE.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

/** An instant in the user's local time: '05.03.2024 14:07'. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A span of dates: '01.02.2024 – 15.02.2024', or just the end. */
export function formatDateRange(from: string | null, to: string | null): string {
  if (from && to && from !== to) return `${formatDate(from)} – ${formatDate(to)}`;
  return formatDate(to ?? from);
}

export const formatYesNo = (value: boolean) => (value ? t.yes : t.no);

/** A figure with up to two decimals, as Russian forms write it: 0,5; 32,25. */
export const formatDecimal = (value: number) => value.toLocaleString('ru-RU', { maximumFractionDigits: 2 });

/** Today as 'YYYY-MM-DD' in the user's time zone (what a date input holds). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value);
}
