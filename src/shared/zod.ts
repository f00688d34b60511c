/**
 * Zod configured once for the whole system (server, CLI and web): Russian messages,
 * with plainer wording for the errors users meet most.
 */
import { z } from 'zod';

z.config(z.locales.ru());
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return 'обязательное поле';
    if (issue.code === 'invalid_format' && issue.format === 'date') return 'нужна дата в формате ГГГГ-ММ-ДД';
    if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return 'не может быть пустым';
    if (issue.code === 'unrecognized_keys') return `неизвестные поля: ${issue.keys.join(', ')}`;
    return undefined;
  },
});

export { z };

/** A calendar date, 'YYYY-MM-DD'. */
export const isoDate = () => z.iso.date();
export const requiredText = (max = 500) => z.string().trim().min(1).max(max);
export const optionalText = (max = 500) => z.string().trim().max(max);
/** An id in a JSON body. */
export const id = () => z.number().int().positive();
/** An id in a path or query string, where every value arrives as text. */
export const idParam = () => z.coerce.number().int().positive();
export const idParams = z.object({ id: idParam() });
/** A calendar year in a JSON body (reports, achievements); yearParam in a path or query string. */
export const year = () => z.number().int().min(1900).max(2100);
export const yearParam = () => z.coerce.number().int().min(1900).max(2100);

export const paginationQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  field: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** A date as Russian users read it: 'YYYY-MM-DD' → 'DD.MM.YYYY' (for messages). */
export const russianDate = (isoDate: string) => isoDate.split('-').reverse().join('.');
