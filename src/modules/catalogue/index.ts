/**
 * The catalogue module's public API: what other modules, the CLI, the demo and the benchmarks use —
 * nothing more (the module's own files and tests import from the files themselves). The MARC layer
 * (`marc/`) is a pure library with no database and no HTTP: records held losslessly, ISO 2709 and
 * MARCXML readers and writers, encoding and schema detection.
 *
 * Reading never throws on bad input: every record comes out as a `MarcReadRecord` (possibly with
 * warnings) or a `MarcReadError` with its 1-based number, byte offset, a stable code and a Russian reason.
 */

export type { DataField, MarcEncoding, MarcField, MarcRecord, Subfield } from './marc/record.js';
/** `isControlField(field)`: narrows a field to a control field. */
export { isControlField } from './marc/record.js';

/**
 * `readIso2709(stream, { encoding })`: streams ISO 2709 records from a Node Readable or any async
 * iterable of byte chunks, in constant memory; the encoding (UTF-8, Windows-1251, MARC-8) is detected
 * per record unless forced. `readIso2709Buffer(bytes)`: the same over bytes in memory.
 */
export { readIso2709, readIso2709Buffer } from './marc/iso2709-reader.js';

/**
 * `writeIso2709Record(record)`: one record as ISO 2709 in UTF-8 (leader/09 'a', lengths computed);
 * throws `MarcWriteError` for what ISO 2709 cannot hold.
 */
export { MarcWriteError, writeIso2709Record } from './marc/iso2709-writer.js';

/**
 * `readMarcXml(stream)`: streams MARCXML records (any namespace prefix, any attribute order, a collection,
 * a single record or records inside an envelope). `readMarcXmlString(xml)`: the same over a string.
 */
export { readMarcXml, readMarcXmlString } from './marc/marcxml-reader.js';

/**
 * `writeMarcXml(records)`: a MARCXML collection document. For streaming, write
 * `MARCXML_COLLECTION_START`, `writeMarcXmlRecord(record)` for each record, then `MARCXML_COLLECTION_END`.
 */
export { MARCXML_COLLECTION_END, MARCXML_COLLECTION_START, writeMarcXml, writeMarcXmlRecord } from './marc/marcxml-writer.js';

/** `detectSchema(record)`: 'marc21' (245), 'rusmarc' (RUSMARC/UNIMARC: 200 without 245), or undefined. */
export { detectSchema, type MarcSchema } from './marc/schema.js';

/**
 * Catalogue records in the database. `saveBibRecords({ trx, actor, records, onMatch })` stores a batch
 * losslessly with its projection, matching re-imports by 001+003, ISBN, else title+author+year.
 */
export { saveBibRecords, type OnMatch } from './save-bib-records.js';
export { countBibRecords, findBibRecord } from './catalogue.queries.js';
/** `project(record, schema)`: the projection for search and display; the mapping tables are data. */
export { project, type AgeRating } from './projection/project.js';
/** `refreshCatalogueProjection({ db, onProgress })`: stored records brought up to the current projection code. */
export { refreshCatalogueProjection } from './refresh-catalogue-projection.js';

/**
 * Catalogue search (Contract 1): `parseSearchBox(text)` → a `SearchNode` tree (also built by SRU's CQL
 * parser), `formatSearchBox(node)` back to box text; `searchCatalogue(db, networkId, request)`: Russian
 * morphology, phrases, field terms, filters, facets, sorts, exact matches first, typo correction.
 * `catalogueSearchRoutes`: `GET /api/catalogue/search` (open to anyone).
 */
export { formatSearchBox, parseSearchBox, type SearchField, type SearchNode } from './search/query.js';
export {
  searchCatalogue,
  type CatalogueFacets, type CatalogueHit, type CatalogueSearchRequest, type CatalogueSearchResult, type CatalogueSort, type FacetValue,
} from './search/search-catalogue.js';
export { catalogueSearchRoutes } from './search/search.routes.js';
/** Loads the search index ahead of the first search (a server at start): its record count. */
export { loadCatalogueSearchIndex } from './search/in-memory/index-sync.js';
/** Russian labels of the facet values, for every display. */
export { documentKindLabel, languageLabel } from './search/labels.js';

/** `GET /api/catalogue/records/:id` (`catalogueRoutes`); `presentBibRecord(row)`: a stored record as its view. */
export { catalogueRoutes } from './catalogue.routes.js';
export type { BibRecordView } from './catalogue.schemas.js';
export { presentBibRecord } from './present.js';

/**
 * `headingName`: an author as the bibliographic description heads it, «Пушкин, А. С.». The description itself (ГОСТ Р
 * 7.0.100-2018) comes with each record's view (`presentBibRecord(row).description`).
 */
export { headingName, RELATOR_LABELS } from './description/bibliographic-description.js';

/**
 * Import (Contract 4). `importMarc({ db, actor, source, options })`: a MARC file streamed into the
 * catalogue in batches, each its own transaction; bad records reported, the rest imported.
 * `runCatalogueImport`: the same, recorded in catalogue_imports (progress, error reports) — what the
 * CLI and the upload use; `failInterruptedUploads(db)` at the server's start. `catalogueImportRoutes`:
 * upload, list, progress, the error report as CSV; export.
 */
export { importMarc, type ImportMarcSummary } from './import/import-marc.js';
export { failInterruptedUploads, runCatalogueImport } from './import/run-catalogue-import.js';
export { catalogueImportRoutes } from './import/import.routes.js';
/** `exportMarc({ db, networkId, selection, format })`: the records as one ISO 2709 or MARCXML file, chunk by chunk. */
export { exportMarc, type ExportSelection } from './import/export-marc.js';

/**
 * The cataloguing form (Contract 2): `recordFromForm(form, schema, { controlNumber, agency, now })` makes a
 * new record (the demo catalogue is built with it). `cataloguingRoutes`: create, edit, delete, duplicates
 * and the form's options under /api/catalogue.
 */
export { recordFromForm, type BibForm, type BibFormPerson } from './cataloguing/bib-form.js';
export { cataloguingRoutes } from './cataloguing/cataloguing.routes.js';
