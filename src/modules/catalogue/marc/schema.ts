import type { MarcRecord } from './record.js';

export type MarcSchema = 'marc21' | 'rusmarc';

/**
 * Tells MARC21 from RUSMARC/UNIMARC by the title field: 245 (MARC21) or 200 (RUSMARC/UNIMARC).
 * With neither, the leader decides: MARC21 writes "4500" at leader/20–23, UNIMARC "450 ".
 * Returns undefined when nothing tells (the importer then needs `--schema`).
 */
export function detectSchema(record: MarcRecord): MarcSchema | undefined {
  let has200 = false;
  for (const field of record.fields) {
    if (field.tag === '245') return 'marc21';
    if (field.tag === '200') has200 = true;
  }
  if (has200) return 'rusmarc';
  const entryMap = record.leader.slice(20, 24);
  if (entryMap === '4500') return 'marc21';
  if (entryMap === '450 ') return 'rusmarc';
  return undefined;
}
