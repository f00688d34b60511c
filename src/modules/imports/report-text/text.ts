/**
 * The pasted text made regular: one kind of quotes, dashes and spaces, lines broken by a PDF
 * joined again. Matching works on a folded copy of the same length (lower case, «ё» → «е»), so
 * that a position found in the copy is the same position in the text shown to the user.
 */

/** Lower case with «ё» folded to «е», character for character (the length never changes). */
export function fold(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    folded += lower.length === char.length ? (lower === 'ё' ? 'е' : lower) : char;
  }
  return folded;
}

/** A word of the text: letters and digits, hyphenated words kept whole («Усть-Тымская»). */
export interface Word {
  /** Folded. */
  text: string;
  start: number;
  end: number;
}

export function wordsOf(text: string): Word[] {
  return [...fold(text).matchAll(/[\p{L}\d]+(?:-[\p{L}\d]+)*/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** Endings of Russian adjectives, nouns and surnames, longest first: enough to match declined names. */
const ENDINGS = ['ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'ая', 'яя', 'ой', 'ей', 'ую', 'юю', 'ое', 'ее', 'ые', 'ие', 'ых', 'их',
  'ым', 'им', 'ом', 'ем', 'ый', 'ий', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о'];

/** «Нововасюганской» → «нововасюганск», «Вяловой» → «вялов»: the same stem for every case. */
export function stem(word: string): string {
  const folded = fold(word);
  const ending = ENDINGS.find((e) => folded.endsWith(e) && folded.length - e.length >= 3);
  return ending ? folded.slice(0, -ending.length) : folded;
}

/** A line ends a clause when it ends with these and the next one starts like a new clause. */
const CLAUSE_END = /[;:.!?]$/;
const CLAUSE_START = /^[\p{Lu}«\d]/u;

/**
 * Regular text from a pasted report: artefacts of conversion dropped («[bookmark: …]»), quotes
 * as «», dashes between words as « – », «...» as «…», spaces folded. A line break stays (as \n)
 * only where a clause ends; elsewhere it was the PDF's and the line is joined to the next.
 */
export function normaliseReportText(raw: string): string {
  const text = raw
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[“„]/g, '«').replace(/”/g, '»')
    .replace(/(^|[\s(«])"/gm, '$1«').replace(/"/g, '»')
    .replace(/[‐‑‒–—―−]/g, '–')
    .replace(/\.\.\./g, '…');
  const lines = text.split('\n').map((line) => line.replace(/ {2,}/g, ' ').trim()).filter(Boolean);
  let joined = '';
  for (const line of lines) {
    if (!joined) joined = line;
    else joined += CLAUSE_END.test(joined) && CLAUSE_START.test(line) ? `\n${line}` : ` ${line}`;
  }
  // A hyphen with a space on either side is a dash: «библиотека- Диплом», «1 степени -Нововасюганская».
  return joined
    .replace(/ *(?: -|- |–) */g, ' – ')
    .replace(/ {2,}/g, ' ')
    .replace(/^ – /gm, '– ');
}

/** The year the report is about: «В 2023 году…», else the year named most often. */
export function detectYear(text: string): number | null {
  const stated = /в\s+((?:19|20)\d\d)\s+год/iu.exec(text);
  if (stated) return Number(stated[1]);
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? best[0] : null;
}
