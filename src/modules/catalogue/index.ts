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
export { countBibRecords, findBibRecord } from './catalogue.queries.js';
/**
 * Catalogue search (Contract 1): `parseSearchBox(text)` → a `SearchNode` tree (also built by SRU's CQL
 * parser), `formatSearchBox(node)` back to box text; `searchCatalogue(db, networkId, request)`: Russian
 * morphology, phrases, field terms, filters, facets, sorts, exact matches first, typo correction.
 * The facet labels (ББК divisions, document types, languages, age ratings) are data for every display.
 */
export { formatSearchBox, parseSearchBox, type SearchField, type SearchNode } from './search/query.js';
export {
  CATALOGUE_SORTS, searchCatalogue,
  type CatalogueFacets, type CatalogueFilters, type CatalogueHit, type CatalogueSearchRequest, type CatalogueSearchResult,
  type CatalogueSort, type FacetValue,
} from './search/search-catalogue.js';
/** `GET /api/catalogue/search` (open to anyone; the actor's network, else the public one). */
export { catalogueSearchRoutes } from './search/search.routes.js';
export { catalogueHitSchema, catalogueSearchQuery, catalogueSearchResponse } from './search/search.schemas.js';
export { BBK_DIVISIONS, bbkDivisionLabel, bbkDivisionsOf, type BbkDivision } from './search/bbk-divisions.js';
export {
  AGE_RATING_LABELS, ageRatingLabel, decadeLabel, DOCUMENT_TYPE_LABELS, documentTypeLabel, LANGUAGE_LABELS, languageLabel,
} from './search/labels.js';
/** `project(record, schema)`: the projection for search and display; the mapping tables are data. */
export { project, type AgeRating, type BibProjection, type ProjectedPerson } from './projection/project.js';
export { isbn10To13, isValidIsbn10, isValidIsbn13, parseIsbn, parseIssn, type ParsedIsbn } from './projection/isbn.js';
/** `GET /api/catalogue/records/:id`: the projection and the record as stored. */
export { catalogueRoutes } from './catalogue.routes.js';
export { bibRecordSchema, marcRecordSchema, type BibRecordView } from './catalogue.schemas.js';
/** `presentBibRecord(row)`: a stored record as its view (projection + the MARC record). */
export { presentBibRecord } from './present.js';
/**
 * `describeBibRecord(projection or hit)`: the bibliographic description per ГОСТ Р 7.0.100-2018, one line
 * («Пушкин, А. С. Капитанская дочка : роман / … – Москва : Эксмо, 2019. – 320 с. – …»). `headingName`: «Пушкин, А. С.».
 */
export { describeBibRecord, headingName, RELATOR_LABELS, type BibDescriptionInput, type BibDescriptionPerson } from './description/bibliographic-description.js';
/**
 * Import (Contract 4). `importMarc({ db, actor, source, options })`: a MARC file streamed into the
 * catalogue in batches, each its own transaction; bad records reported, the rest imported.
 * `runCatalogueImport`: the same, recorded in catalogue_imports (progress, error reports) — what the
 * CLI and the upload use. `catalogueImportRoutes`: upload, list, progress, the error report as CSV; export.
 */
export {
  importMarc, NotMarcError, DEFAULT_IMPORT_BATCH_SIZE,
  type ImportMarcOptions, type ImportMarcSummary, type ImportRecordError, type ImportMarcProgress, type ImportDetected, type MarcFileFormat,
} from './import/import-marc.js';
export { runCatalogueImport, STORED_ERRORS_MAX, type RunCatalogueImportInput } from './import/run-catalogue-import.js';
export { catalogueImportRoutes, IMPORT_BODY_LIMIT, IMPORT_MEDIA_TYPES } from './import/import.routes.js';
/** `exportMarc({ db, networkId, selection, format })`: the records as one ISO 2709 or MARCXML file, chunk by chunk. */
export { exportMarc, bibRecordPages, EXPORT_PAGE_SIZE, type ExportSelection, type ExportSkipped } from './import/export-marc.js';
/**
 * The cataloguing form (Contract 2): `recordFromForm(form, schema, { controlNumber, agency, now })` makes a new
 * record; `formFromRecord(record, schema)` reads the form back; `applyForm(record, schema, form)` rewrites the
 * form's fields and keeps every other field as it was.
 */
export {
  applyForm, BIB_FORM_DOCUMENT_TYPES, emptyBibForm, formFromRecord, normaliseBibForm, PERSON_ROLES, recordFromForm,
  responsibilityFromPersons, touchRecord, type BibForm, type BibFormDocumentType, type BibFormPerson, type RecordFromFormOptions,
} from './cataloguing/bib-form.js';
/**
 * Cataloguing use-cases and routes: `createBibRecord`, `updateBibRecord` (refuses a stale edit with 409),
 * `deleteBibRecord` (administrator and methodologist), `findDuplicates`; `cataloguingRoutes` under /api/catalogue.
 */
export { createBibRecord } from './cataloguing/create-bib-record.js';
export { updateBibRecord } from './cataloguing/update-bib-record.js';
export { deleteBibRecord } from './cataloguing/delete-bib-record.js';
export { findDuplicates } from './cataloguing/find-duplicates.js';
export { canCatalogue } from './cataloguing/cataloguing-policy.js';
export { cataloguingRoutes } from './cataloguing/cataloguing.routes.js';
export type { CreateBibRecordInput, DuplicateCandidate, UpdateBibRecordInput } from './cataloguing/cataloguing.schemas.js';
