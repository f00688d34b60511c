/**
 * A MARC record as editable text, one field a line, as experts write it (MarcEdit-like):
 *   LDR 00000nam0#2200000#i#450#
 *   001 kargasok-12
 *   200 1#$aКапитанская дочка$eповесть
 * Blanks in the leader, control fields and indicators are «#»; a «$» inside a value is written «{dollar}».
 */
import type { MarcRecordView, UpdateBibRecordBody } from '../../lib/contract.js';

/** The record as the API takes it (subfields as [code, value] pairs). */
export type MarcRecordInput = NonNullable<UpdateBibRecordBody['record']>;
type Field = MarcRecordInput['fields'][number];

const blanks = (text: string) => text.replace(/ /g, '#');
const unblank = (text: string) => text.replace(/#/g, ' ');
const escape = (text: string) => text.replace(/\$/g, '{dollar}');
const unescape = (text: string) => text.replace(/\{dollar\}/g, '$');

export function marcToText(record: MarcRecordView | MarcRecordInput): string {
  const lines = [`LDR ${blanks(record.leader)}`];
  for (const field of record.fields) {
    if ('value' in field) lines.push(`${field.tag} ${blanks(field.value)}`);
    else lines.push(`${field.tag} ${blanks(field.ind1 || ' ')}${blanks(field.ind2 || ' ')}${field.subfields.map(([code = '', value = '']) => (code ? `$${code}${escape(value)}` : escape(value))).join('')}`);
  }
  return lines.join('\n');
}

export type MarcTextResult = { record: MarcRecordInput } | { errors: string[] };

/** Reads the text back; every line that cannot be read is named with its number, in Russian. */
export function textToMarc(text: string): MarcTextResult {
  const errors: string[] = [];
  let leader: string | undefined;
  const fields: Field[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const n = index + 1;
    const match = /^([0-9A-Za-z]{3}) ?(.*)$/.exec(line);
    if (!match) {
      errors.push(`Строка ${n}: нужна метка поля из трёх знаков`);
      return;
    }
    const [, tag, rest] = match as unknown as [string, string, string];
    if (tag === 'LDR') {
      const value = unblank(rest);
      if (value.length !== 24) errors.push(`Строка ${n}: маркер записи должен быть из 24 знаков, а не ${value.length}`);
      leader = value;
    } else if (tag.startsWith('00')) {
      fields.push({ tag, value: unblank(rest) });
    } else {
      if (rest.length < 2) {
        errors.push(`Строка ${n}: поле ${tag} без индикаторов`);
        return;
      }
      const body = rest.slice(2);
      if (!body.startsWith('$')) {
        errors.push(`Строка ${n}: в поле ${tag} после индикаторов нужно подполе ($a…)`);
        return;
      }
      const subfields = body.slice(1).split('$').map((part): [string, string] => [part.charAt(0), unescape(part.slice(1))]);
      if (subfields.some(([code]) => code === '')) {
        errors.push(`Строка ${n}: в поле ${tag} пустой код подполя`);
        return;
      }
      fields.push({ tag, ind1: unblank(rest.charAt(0)), ind2: unblank(rest.charAt(1)), subfields });
    }
  });
  if (leader === undefined) errors.push('Нет строки LDR (маркер записи)');
  return errors.length || leader === undefined ? { errors } : { record: { leader, fields } };
}
