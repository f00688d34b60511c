/**
 * Passages pasted twice. A report copied out of a PDF often repeats a page, with its lines
 * broken differently and some lines lost; the repeat may start and end mid-sentence. Comparing
 * words, not characters, makes line breaks and punctuation irrelevant: every run of SHINGLE words
 * already seen earlier marks its words as repeated; runs that meet, with at most a few unseen
 * words between them (where a lost line joined two pieces), form one repeated passage, and a
 * passage of REPEAT_MIN_WORDS or more is dropped. Shorter coincidences — the same «Новоюгинская
 * сельская библиотека – Диплом 1 степени; Всероссийский конкурс» in two places — stay.
 */
import { wordsOf } from './text.js';

const SHINGLE = 8;
const REPEAT_MIN_WORDS = 25;

export interface RepeatedPassage {
  /** The dropped text, as it was pasted (normalised). */
  text: string;
  words: number;
}

export function dropRepeatedPassages(text: string): { text: string; repeated: RepeatedPassage[] } {
  const words = wordsOf(text);
  const seen = new Map<string, number>();
  const repeated = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const key = words.slice(i, i + SHINGLE).map((w) => w.text).join(' ');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (first + SHINGLE <= i) repeated.fill(true, i, i + SHINGLE);
  }

  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!repeated[i]) continue;
    const last = runs.at(-1);
    if (last && i - last.to <= SHINGLE) last.to = i + 1;
    else runs.push({ from: i, to: i + 1 });
  }
  const dropped = runs.filter((run) => run.to - run.from >= REPEAT_MIN_WORDS);

  let kept = '';
  let cursor = 0;
  const passages: RepeatedPassage[] = [];
  for (const run of dropped) {
    const start = words[run.from]!.start;
    // The passage takes the punctuation after its last word, up to the next word.
    const end = run.to < words.length ? words[run.to]!.start : text.length;
    kept += text.slice(cursor, start);
    passages.push({ text: text.slice(start, end).trim(), words: run.to - run.from });
    cursor = end;
  }
  kept += text.slice(cursor);
  return { text: kept.replace(/ {2,}/g, ' ').trim(), repeated: passages };
}
