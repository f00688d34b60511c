-- Contents (issue 4, "Records"): the works a collection holds — RUSMARC 464, MARC21 505 — projected for
-- display and searched with the other fields (weight D of search_vector).
ALTER TABLE bib_records ADD COLUMN contents text[] NOT NULL DEFAULT '{}';

-- The projection is derived from the stored record by code (catalogue/projection/): when that code changes
-- (new fields, new mappings), the records stored before keep the old projection until brought up to date.
-- Each row says which projection version it has; the statements that write a row set the current one
-- (catalogue.queries.ts), and `refreshCatalogueProjection` re-projects the rows below it when the program
-- opens the database. Rows whose writer did not say (those stored before this migration, SQL copies) are
-- version 1: re-projected, never wrongly taken for current. The index answers «is anything stale?» at
-- once and hands the refresh its batches in id order. In a row, not in a table of its own, so a backup
-- restored into a newer program carries the version of each record it holds.
ALTER TABLE bib_records ADD COLUMN projection_version smallint NOT NULL DEFAULT 1;
CREATE INDEX bib_records_projection_version ON bib_records (projection_version, id);
