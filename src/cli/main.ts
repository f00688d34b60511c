/**
 * The `biblioset` command: one file per command beside this one; each calls the
 * modules' APIs and the db functions, never SQL.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import '../shared/zod.js';
import { registerBackup } from './backup.js';
import { registerDemo } from './demo.js';
import { registerExport } from './export-marc.js';
import { registerImport } from './import-marc.js';
import { describeError } from './errors.js';
import { registerMigrate } from './migrate.js';
import { registerRestore } from './restore.js';
import { registerServe } from './serve.js';
import { registerUser } from './user.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const TITLES: Record<string, string> = {
  'Usage:': 'Использование:',
  'Options:': 'Параметры:',
  'Commands:': 'Команды:',
  'Arguments:': 'Аргументы:',
  'Global Options:': 'Общие параметры:',
};

/** Commander's own messages, in Russian. */
const MESSAGES: [RegExp, string][] = [
  [/^error: unknown option '(.+)'(.*)$/s, 'ошибка: неизвестный параметр $1'],
  [/^error: unknown command '(.+)'(.*)$/s, 'ошибка: неизвестная команда $1'],
  [/^error: required option '(.+)' not specified/s, 'ошибка: не указан обязательный параметр $1'],
  [/^error: missing required argument '(.+)'/s, 'ошибка: не указан аргумент $1'],
  [/^error: option '(.+)' argument missing/s, 'ошибка: у параметра $1 не указано значение'],
  [/^error: too many arguments(.*)$/s, 'ошибка: лишние аргументы'],
];

const ENVIRONMENT = `
Переменные окружения:
  DATABASE_URL               PostgreSQL (postgres://…) вместо встроенной базы PGlite
  BIBLIOSET_DATA             папка встроенной базы (по умолчанию ./data)
  PORT, HOST                 порт (3000) и адрес (127.0.0.1; 0.0.0.0 — доступ из сети) сервера
  BIBLIOSET_SECURE_COOKIES=1 сервер работает за HTTPS
  BIBLIOSET_ADMIN_PASSWORD   пароль администратора, создаваемого при первом запуске
  BIBLIOSET_USER_PASSWORD    пароль для «user add» без вопроса
  BIBLIOSET_LOG_REQUESTS=0   не выводить строку о каждом запросе

Начать: biblioset serve — и открыть http://localhost:3000/app/`;

const usageInRussian = (usage: string) => usage.replace('[options]', '[параметры]').replace('[command]', '<команда>');

function translateCommanderMessage(message: string): string {
  for (const [pattern, russian] of MESSAGES) {
    if (pattern.test(message)) return `${message.replace(pattern, russian).trimEnd()}\n`;
  }
  return message;
}

export function buildProgram(): Command {
  const program = new Command('biblioset')
    .description('Biblioset — информационная система муниципальной библиотечной сети (ЦБС)')
    .version(version, '-V, --version', 'показать версию')
    .helpOption('-h, --help', 'показать справку')
    .helpCommand('help [команда]', 'справка по команде')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      styleUsage: usageInRussian,
      styleSubcommandTerm: usageInRussian,
    })
    .configureOutput({ outputError: (message, write) => write(translateCommanderMessage(message)) })
    .showHelpAfterError('(справка: biblioset --help)')
    .addHelpText('after', ENVIRONMENT);
  registerServe(program);
  registerMigrate(program);
  registerUser(program);
  registerDemo(program);
  registerBackup(program);
  registerRestore(program);
  registerImport(program);
  registerExport(program);
  return program;
}

try {
  await buildProgram().parseAsync(process.argv);
} catch (error) {
  console.error(describeError(error));
  process.exitCode = 1;
}
