import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ProblemError } from '../../server/problem.js';
import { countRecentLoginFailures, deleteLoginFailures, findUserForLogin, insertLoginFailure } from './auth.queries.js';
import { verifyPassword } from './password.js';
import { startSession } from './sessions.js';

export const LOGIN_FAILURE_LIMIT = 10;
const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Checks the password and starts a session. After LOGIN_FAILURE_LIMIT failures for a
 * login within 15 minutes further attempts are refused (429), whatever the password,
 * counted in the database so that every server process sees the same count.
 */
export async function logIn(options: { db: Kysely<DB>; login: string; password: string }): Promise<string> {
  const { db, login, password } = options;
  const since = new Date(Date.now() - LOGIN_FAILURE_WINDOW_MS);
  if ((await countRecentLoginFailures(db, login, since)) >= LOGIN_FAILURE_LIMIT) {
    throw new ProblemError(429, 'Слишком много попыток', 'Слишком много неудачных попыток входа. Попробуйте через 15 минут');
  }
  const user = await findUserForLogin(db, login);
  const valid = user !== undefined && user.is_active && (await verifyPassword(user.password_hash, password));
  if (!valid) {
    await insertLoginFailure(db, login);
    throw new ProblemError(401, 'Вход не выполнен', 'Неверный логин или пароль', [{ field: 'password', message: 'неверный логин или пароль' }]);
  }
  await deleteLoginFailures(db, login);
  return startSession(db, user.network_id, user.id);
}
