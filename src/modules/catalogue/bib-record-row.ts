import { rowPayload, type BibRecordRow } from './catalogue.queries.js';
import type { MarcRecord } from './marc/record.js';
import type { MarcSchema } from './marc/schema.js';
import { matchKeyOf } from './projection/match-key.js';
import { project } from './projection/project.js';

/** A record ready for the catalogue's insert/update statements: with its projection, match key and payload. */
export function bibRecordRow(record: MarcRecord, schema: MarcSchema): BibRecordRow {
  const projection = project(record, schema);
  const row = { schema, record, projection, matchKey: matchKeyOf(projection, record) };
  return { ...row, payload: rowPayload(row) };
}
