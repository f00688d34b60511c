import { BackupError } from '../db/backup.js';
import { ConfigError } from '../server/config.js';
import { ProblemError } from '../server/problem.js';
import { z } from '../shared/zod.js';

/** A command refused for a reason the user can act on; the message is in Russian. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

const CONNECTION_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'сервер не отвечает',
  ENOTFOUND: 'сервер не найден',
  ETIMEDOUT: 'истекло время ожидания',
  '28P01': 'неверный пароль',
  '28000': 'доступ запрещён',
  '3D000': 'нет такой базы данных',
};

/** A Russian message for an error that ends a command, with the stack only for the unexpected. */
export function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof ConfigError || error instanceof BackupError) return error.message;
  if (error instanceof ProblemError) {
    return error.errors.length ? error.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : error.message;
  }
  if (error instanceof z.ZodError) return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code in CONNECTION_ERRORS) {
    return `Не удаётся подключиться к PostgreSQL: ${CONNECTION_ERRORS[code]} (${(error as Error).message})`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `Непредвиденная ошибка: ${detail}`;
}
