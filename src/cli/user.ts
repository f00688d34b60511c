import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createUser, createUserBody, ROLE_LABELS, systemActor } from '../modules/auth/index.js';
import { findBranchIdByCode } from '../modules/network/index.js';
import { resolveNetwork } from './network.js';
import { ProblemError } from '../server/problem.js';
import type { ConfigFlags } from '../server/config.js';
import { addDatabaseOptions, withDatabase } from './database.js';
import { CliError } from './errors.js';
import { choosePassword } from './password.js';

const PASSWORD_ENV = 'BIBLIOSET_USER_PASSWORD';

interface UserAddFlags extends ConfigFlags {
  login: string;
  role: string;
  name: string;
  branch?: string[];
  network?: string;
}

/** The schema's and use-case's field names, as the user typed them on the command line. */
const FLAG_OF_FIELD: Record<string, string> = {
  login: '--login',
  role: '--role',
  fullName: '--name',
  branchIds: '--branch',
  password: 'пароль',
};
const flagMessage = (field: string, message: string) => `${FLAG_OF_FIELD[field] ?? field}: ${message}`;

async function resolveBranchIds(db: Kysely<DB>, networkId: number, codes: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const code of codes) {
    const id = await findBranchIdByCode(db, networkId, code);
    if (id === undefined) throw new CliError(`--branch: в сети нет филиала с кодом «${code}»`);
    ids.push(id);
  }
  return ids;
}

async function addUser(flags: UserAddFlags): Promise<void> {
  await withDatabase(flags, { mustExist: true, migrate: true }, async ({ db }) => {
    const network = await resolveNetwork(db, flags.network);
    const branchIds = await resolveBranchIds(db, network.id, flags.branch ?? []);
    const checked = createUserBody
      .omit({ password: true })
      .safeParse({ login: flags.login, fullName: flags.name, role: flags.role, branchIds });
    if (!checked.success) {
      throw new CliError(checked.error.issues.map((issue) => flagMessage(String(issue.path[0] ?? ''), issue.message)).join('\n'));
    }
    const { password, generated } = await choosePassword(process.env[PASSWORD_ENV]);
    const withPassword = createUserBody.safeParse({ ...checked.data, password });
    if (!withPassword.success) throw new CliError(flagMessage('password', withPassword.error.issues[0]?.message ?? 'неверный пароль'));
    try {
      await db.transaction().execute((trx) => createUser({ trx, actor: systemActor(network.id), input: withPassword.data }));
    } catch (error) {
      if (error instanceof ProblemError && error.errors.length) {
        throw new CliError(error.errors.map((e) => flagMessage(e.field, e.message)).join('\n'));
      }
      throw error;
    }
    console.log(`Создана учётная запись «${withPassword.data.login}» (${ROLE_LABELS[withPassword.data.role]}) в сети «${network.name}»`);
    if (generated) console.log(`  пароль: ${password}\n  Запишите его: больше он показан не будет.`);
  });
}

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean),
];

export function registerUser(program: Command): void {
  const user = program.command('user').description('учётные записи сотрудников');
  addDatabaseOptions(user.command('add'))
    .description(`создать учётную запись; пароль берётся из ${PASSWORD_ENV}, иначе спрашивается (пустой — сгенерировать и показать)`)
    .requiredOption('--login <логин>', 'логин: латинские буквы, цифры, точки, дефисы')
    .requiredOption(
      '--role <роль>',
      `роль: ${Object.entries(ROLE_LABELS)
        .map(([role, label]) => `${role} — ${label.toLowerCase()}`)
        .join(', ')}`,
    )
    .requiredOption('--name <ФИО>', 'фамилия, имя, отчество')
    .option('--branch <код>', 'код филиала библиотекаря (можно повторять или перечислить через запятую)', collect)
    .option('--network <код>', 'код сети (можно не указывать, если сеть одна)')
    .action((flags: UserAddFlags) => addUser(flags));
}
