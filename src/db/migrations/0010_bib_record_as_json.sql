-- Import speed (issue 4, ≥ 10,000 records/s): the stored MARC record becomes `json` (its text, checked
-- for syntax) instead of `jsonb` (a parsed binary tree). Measured on a batch of 1,000 records: building
-- jsonb was the largest single cost of the INSERT (docs/drafts/performance.md). Nothing queries inside the
-- record — it is read whole (export, merge, the record page) and the projection columns serve search —
-- so jsonb's operators and indexes bring nothing here. Equality (re-import with replace writes nothing
-- for an identical record) compares the values as jsonb in the UPDATE only (catalogue.queries.ts).
ALTER TABLE bib_records ALTER COLUMN record TYPE json USING record::json;
