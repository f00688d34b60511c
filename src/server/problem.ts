import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** One thing wrong with the input: the field (dotted path) and a Russian message. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * An error the client can act on, sent as application/problem+json (RFC 9457).
 * Use-cases throw it; the error handler presents it.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string) =>
  new ProblemError(400, 'Ошибка в данных', `${field}: ${message}`, [{ field, message }]);
export const notFound = (what: string) => new ProblemError(404, 'Не найдено', `${what} не найден(а)`);
export const forbidden = (why = 'Недостаточно прав для этого действия') => new ProblemError(403, 'Доступ запрещён', why);
export const unauthorized = () => new ProblemError(401, 'Требуется вход', 'Войдите в систему');
export const conflict = (field: string, message: string) =>
  new ProblemError(409, 'Конфликт', `${field}: ${message}`, [{ field, message }]);

const STATUS_TITLES: Record<number, string> = {
  400: 'Ошибка в запросе',
  404: 'Не найдено',
  413: 'Слишком большой запрос',
  415: 'Неподдерживаемый формат: отправляйте JSON',
  429: 'Слишком много запросов',
};

interface PostgresError {
  code: string;
  detail?: string;
  column?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
}

/** The column a constraint names in its detail: 'Key (network_id, code)=(1, X)' → 'code'. */
function keyColumn(detail: string | undefined): string {
  const columns = /Key \(([^)]+)\)/.exec(detail ?? '')?.[1]?.split(',') ?? [];
  return columns.at(-1)?.trim() ?? 'id';
}

function toProblem(error: FastifyError | Error, request: FastifyRequest): ProblemError {
  if (error instanceof ProblemError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      field: issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? 'body'),
      message: issue.message ?? 'неверное значение',
    }));
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return new ProblemError(400, 'Ошибка в данных', detail, errors);
  }
  if (isPostgresError(error)) {
    const field = error.column ?? keyColumn(error.detail);
    if (error.code === '23505') return conflict(field, 'такое значение уже есть');
    if (error.code === '23503') return invalid(field, 'ссылка на несуществующую запись');
    if (error.code === '23514' || error.code === '22007' || error.code === '22008') return invalid(field, 'недопустимое значение');
  }
  const code = (error as FastifyError).code ?? '';
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError) {
    return invalid('body', 'тело запроса — не корректный JSON');
  }
  const status = (error as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) {
    return new ProblemError(status, STATUS_TITLES[status] ?? 'Ошибка в запросе', STATUS_TITLES[status] ?? error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return new ProblemError(500, 'Внутренняя ошибка', 'Внутренняя ошибка сервера');
}

export function sendProblem(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const problem = toProblem(error, request);
  return reply
    .status(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      ...(problem.errors.length ? { field: problem.errors[0]!.field, errors: problem.errors } : {}),
    });
}
