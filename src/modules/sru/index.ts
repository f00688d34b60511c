/**
 * SRU 1.2 (Search/Retrieve via URL) for other libraries' systems: explain and searchRetrieve at `/sru`
 * over the public network's catalogue, queries in CQL, records as MARCXML in their own schema.
 * See docs/ARCHITECTURE.md, «SRU», for the choices (CQL relations, diagnostics).
 */

/** The Fastify plugin serving `/sru` (registered outside /api): `{ db, publicNetwork }`. */
export { sruRoutes, type SruRoutesOptions } from './sru.routes.js';
/** `parseCql(text)`: CQL 1.2 → the catalogue's search AST and sort, or an SRU diagnostic. Pure. */
export { CQL_INDEXES, parseCql, type CqlIndex, type CqlResult } from './cql.js';
export { diagnostic, type SruDiagnostic } from './diagnostics.js';
/** `searchRetrieve({ db, networkId, input })`: the search behind the HTTP operation, without the XML. */
export { searchRetrieve, type SearchRetrieveResult } from './search-retrieve.js';
