import type { MarcRecord } from './marc/record.js';

/**
 * The 'merge' policy of a re-import: the stored record stays as it is and gains the fields of the
 * incoming record whose tags it lacks (a new ISBN field, an annotation, an age rating), each placed
 * after the stored fields with a tag not greater than its own, so tag order is kept.
 */
export function mergeRecords(stored: MarcRecord, incoming: MarcRecord): MarcRecord {
  const storedTags = new Set(stored.fields.map((field) => field.tag));
  const fields = [...stored.fields];
  for (const field of incoming.fields) {
    if (storedTags.has(field.tag)) continue;
    let at = fields.length;
    while (at > 0 && fields[at - 1]!.tag > field.tag) at--;
    fields.splice(at, 0, field);
  }
  return { leader: stored.leader, fields };
}
