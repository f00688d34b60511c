import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createUser, createUserBody, listUsers, systemActor } from '../modules/auth/index.js';
import { listNetworks } from '../modules/network/index.js';
import { CliError } from './errors.js';
import { generatePassword } from './password.js';

export const ADMIN_LOGIN = 'admin';
export const ADMIN_PASSWORD_ENV = 'BIBLIOSET_ADMIN_PASSWORD';

export interface CreatedAdministrator {
  login: string;
  networkName: string;
  /** The generated password to show once; null when it came from BIBLIOSET_ADMIN_PASSWORD. */
  generatedPassword: string | null;
}

/** Checks BIBLIOSET_ADMIN_PASSWORD before anything is written, so a bad one stops the start cleanly. */
export function adminPasswordFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  const password = env[ADMIN_PASSWORD_ENV] || undefined;
  if (password === undefined) return undefined;
  const checked = createUserBody.shape.password.safeParse(password);
  if (!checked.success) throw new CliError(`${ADMIN_PASSWORD_ENV}: ${checked.error.issues[0]?.message ?? 'неверный пароль'}`);
  return password;
}

/** True when no library network exists yet: the first start of a new installation. */
export async function isEmptyDatabase(db: Kysely<DB>): Promise<boolean> {
  return (await listNetworks(db)).length === 0;
}

/**
 * Creates the administrator account 'admin' in the first network when the database
 * has no accounts at all (a new installation, or one whose first start was cut short
 * after the demo was loaded). Returns undefined when there was nothing to do.
 */
export async function ensureAdministrator(db: Kysely<DB>, passwordFromEnv: string | undefined): Promise<CreatedAdministrator | undefined> {
  const networks = await listNetworks(db);
  const network = networks[0];
  if (!network) return undefined;
  for (const { id } of networks) {
    if ((await listUsers(db, id)).length > 0) return undefined;
  }
  const password = passwordFromEnv ?? generatePassword();
  const input = createUserBody.parse({ login: ADMIN_LOGIN, password, fullName: 'Администратор', role: 'admin' });
  await db.transaction().execute((trx) => createUser({ trx, actor: systemActor(network.id), input }));
  return { login: ADMIN_LOGIN, networkName: network.name, generatedPassword: passwordFromEnv === undefined ? password : null };
}

/** The administrator's credentials, printed once in a frame that stands out in the log. */
export function formatAdministrator(admin: CreatedAdministrator): string {
  const password = admin.generatedPassword ?? `из переменной ${ADMIN_PASSWORD_ENV}`;
  return [
    '',
    `  Создана учётная запись администратора сети «${admin.networkName}»:`,
    `    логин:  ${admin.login}`,
    `    пароль: ${password}`,
    ...(admin.generatedPassword ? ['  Запишите пароль: больше он показан не будет.'] : []),
    '',
  ].join('\n');
}
