import { randomInt } from 'node:crypto';
import { CliError } from './errors.js';

/** Letters and digits that cannot be mistaken for one another when read off a screen. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of three groups of four characters (about 70 bits), easy to retype. */
export function generatePassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

export const canPrompt = () => Boolean(process.stdin.isTTY && process.stderr.isTTY);

/** Reads a line from the terminal without echoing it. */
export function readHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new CliError('Ввод пароля прерван'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The password for a new account: from the environment variable if set, else typed
 * twice at the terminal (an empty answer asks for a generated one), else generated.
 * `generated` tells the caller to show it, once.
 */
export async function choosePassword(fromEnv: string | undefined): Promise<{ password: string; generated: boolean }> {
  if (fromEnv !== undefined && fromEnv !== '') return { password: fromEnv, generated: false };
  if (canPrompt()) {
    const typed = await readHidden('Пароль (пустой — сгенерировать): ');
    if (typed !== '') {
      if ((await readHidden('Повторите пароль: ')) !== typed) throw new CliError('Пароли не совпадают');
      return { password: typed, generated: false };
    }
  }
  return { password: generatePassword(), generated: true };
}
