import type { MarcRecord } from './marc/record.js';

/**
 * The fields that say which record this is (001, its source 003): never taken from another record — the
 * stored record would then claim the other's identity (and collide with the record that has it).
 */
const IDENTITY_TAGS = ['001', '003'];

/**
 * The 'merge' policy of a re-import: the stored record stays as it is and gains the fields of the
 * incoming record whose tags it lacks (a new ISBN field, an annotation, an age rating), each placed
 * after the stored fields with a tag not greater than its own, so tag order is kept. 001 and 003 excepted.
 */
export function mergeRecords(stored: MarcRecord, incoming: MarcRecord): MarcRecord {
  const storedTags = new Set([...IDENTITY_TAGS, ...stored.fields.map((field) => field.tag)]);
  const fields = [...stored.fields];
  for (const field of incoming.fields) {
    if (storedTags.has(field.tag)) continue;
    let at = fields.length;
    while (at > 0 && fields[at - 1]!.tag > field.tag) at--;
    fields.splice(at, 0, field);
  }
  return { leader: stored.leader, fields };
}
