/**
 * The catalogue module's public API. For now: the MARC layer (`marc/`), a pure library with no
 * database and no HTTP — records held losslessly, ISO 2709 and MARCXML readers and writers,
 * encoding and schema detection. Tables, search and routes come later.
 *
 * Reading never throws on bad input: every record comes out as a `MarcReadRecord` (possibly with
 * warnings) or a `MarcReadError` with its 1-based number, byte offset, a stable code and a Russian reason.
 */

export type {
  ControlField,
  DataField,
  MarcEncoding,
  MarcErrorCode,
  MarcField,
  MarcReadError,
  MarcReadRecord,
  MarcReadResult,
  MarcRecord,
  MarcWarning,
  MarcWarningCode,
  Subfield,
} from './marc/record.js';
/** `isControlField(field)`: narrows a field to a control field; `isControlTag('005')`; `fieldsByTag(record, '200')`. */
export { fieldsByTag, isControlField, isControlTag } from './marc/record.js';

/**
 * `readIso2709(stream, { encoding })`: streams ISO 2709 records from a Node Readable or any async
 * iterable of byte chunks, in constant memory; the encoding (UTF-8, Windows-1251, MARC-8) is detected
 * per record unless forced. `readIso2709Buffer(bytes)`: the same over bytes in memory.
 */
export { readIso2709, readIso2709Buffer, type Iso2709ReadOptions } from './marc/iso2709-reader.js';

/**
 * `writeIso2709Record(record)`: one record as ISO 2709 in UTF-8 (leader/09 'a', lengths computed);
 * throws `MarcWriteError` for what ISO 2709 cannot hold. `writeIso2709(records)`: a whole file.
 */
export { MarcWriteError, writeIso2709, writeIso2709Record } from './marc/iso2709-writer.js';

/**
 * `readMarcXml(stream)`: streams MARCXML records (any namespace prefix, any attribute order, a collection,
 * a single record or records inside an envelope). `readMarcXmlString(xml)`: the same over a string.
 */
export { readMarcXml, readMarcXmlString } from './marc/marcxml-reader.js';

/**
 * `writeMarcXml(records)`: a MARCXML collection document. For streaming, write
 * `MARCXML_COLLECTION_START`, `writeMarcXmlRecord(record)` for each record, then `MARCXML_COLLECTION_END`.
 */
export {
  MARCXML_COLLECTION_END,
  MARCXML_COLLECTION_START,
  MARCXML_NAMESPACE,
  writeMarcXml,
  writeMarcXmlRecord,
} from './marc/marcxml-writer.js';

/** `detectSchema(record)`: 'marc21' (245), 'rusmarc' (RUSMARC/UNIMARC: 200 without 245), or undefined. */
export { detectSchema, type MarcSchema } from './marc/schema.js';

/**
 * Catalogue records in the database (issue 4, "Records"). `saveBibRecords({ trx, actor, records, onMatch })`
 * stores a batch losslessly with its projection, matching re-imports by 001+003, ISBN, else title+author+year.
 */
export { saveBibRecords, type OnMatch, type SaveBibRecordsResult } from './save-bib-records.js';
/** `searchBibRecords(db, networkId, query)`: Russian full-text search; `findSimilarTitles`: trigram typo tolerance. */
export { countBibRecords, findBibRecord, findSimilarTitles, searchBibRecords, type BibSearchHit } from './catalogue.queries.js';
/** `project(record, schema)`: the projection for search and display; the mapping tables are data. */
export { project, type AgeRating, type BibProjection, type ProjectedPerson } from './projection/project.js';
export { isbn10To13, isValidIsbn10, isValidIsbn13, parseIsbn, parseIssn, type ParsedIsbn } from './projection/isbn.js';
/** `GET /api/catalogue/records/:id`: the projection and the record as stored. */
export { catalogueRoutes } from './catalogue.routes.js';
export { bibRecordSchema, marcRecordSchema, type BibRecordView } from './catalogue.schemas.js';
