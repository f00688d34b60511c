/**
 * A report's run-on text cut into clauses, each about one thing: at kept line breaks, at «;»,
 * at the end of a sentence, and before a level heading run into the previous line
 * («… 1 место Межрайонный фестиваль …»). Quotes, the participants found in a clause and its
 * comma-separated items are what the extractor reads.
 */
import { fold } from './text.js';

/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(['им', 'ул', 'г', 'с', 'п', 'д', 'т', 'пр', 'рус', 'обл']);

/** A heading in the nominative run into the text: «Межрайонный фестиваль», «Областной конкурс». */
const RUN_IN_HEADING = /(?<=\S )(?=(?:Международн|Всероссийск|Российск|Областн|Региональн|Межрайонн|Районн)(?:ый|ий|ой|ые|ая|ое)\s+(?:[\p{L}-]+\s+){0,2}?(?:конкурс|фестивал))/gu;

function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const m of text.matchAll(/\.\s+(?=[\p{Lu}«])/gu)) {
    const word = /(\p{L}+)$/u.exec(text.slice(from, m.index))?.[1] ?? '';
    if (word.length === 1 || ABBREVIATIONS.has(fold(word))) continue;
    sentences.push(text.slice(from, m.index + 1));
    from = m.index + m[0].length;
  }
  sentences.push(text.slice(from));
  return sentences;
}

export function splitClauses(text: string): string[] {
  return text.split('\n')
    .flatMap((line) => line.split(';'))
    .flatMap(splitSentences)
    .flatMap((part) => part.split(RUN_IN_HEADING))
    .map((clause) => clause.trim().replace(/[.;,]$/, '').trim())
    .filter((clause) => /\p{L}/u.test(clause));
}

export interface Span {
  start: number;
  end: number;
}

export interface Quote extends Span {
  /** The quoted title without its outer quotes; inner quotes balanced. */
  inner: string;
}

/** Stands for a participant in the masked text, so that quotes and items are read around them. */
export const MASK = '\uE000';

export const inside = (position: number, spans: readonly Span[]) => spans.some((s) => position >= s.start && position < s.end);

/**
 * The «…» of a clause. Pasted reports lose closing quotes («Друг детей – Михалков Сергей! –
 * Новоюгинская…»), so an open quote also ends where a participant starts, at «в номинации», or at
 * the end of the clause; a closing quote with no opening one («…в Сталинградской битве»)
 * is reported apart, as the end of an unquoted title.
 */
export function findQuotes(text: string, masked: string): { quotes: Quote[]; strayCloses: number[] } {
  const folded = fold(masked);
  const quotes: Quote[] = [];
  const strayCloses: number[] = [];
  let i = 0;
  while (i < masked.length) {
    if (masked[i] === '»') strayCloses.push(i);
    if (masked[i] !== '«') {
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    let end = masked.length;
    let closed = false;
    for (let j = i; j < masked.length; j++) {
      const char = masked[j];
      if (char === '«') depth++;
      else if (char === '»' && --depth === 0) {
        end = j + 1;
        closed = true;
        break;
      } else if (j > start && (char === MASK || folded.startsWith(' в номинации', j))) {
        end = j;
        break;
      }
    }
    let inner = closed ? text.slice(start + 1, end - 1) : text.slice(start + 1, end).replace(/[\s–,.:]+$/u, '');
    const open = (inner.match(/«/g) ?? []).length - (inner.match(/»/g) ?? []).length;
    if (open > 0) inner += '»'.repeat(open);
    quotes.push({ start, end, inner: inner.trim() });
    i = end;
  }
  return { quotes, strayCloses };
}

/** Items of a clause: its parts between commas and colons that are not inside quotes or participants. */
export function itemBounds(masked: string, quotes: readonly Quote[]): Span[] {
  const items: Span[] = [];
  let from = 0;
  for (let i = 0; i < masked.length; i++) {
    if ((masked[i] === ',' || masked[i] === ':') && !inside(i, quotes)) {
      items.push({ start: from, end: i });
      from = i + 1;
    }
  }
  items.push({ start: from, end: masked.length });
  return items;
}
