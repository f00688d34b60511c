-- The catalogue search runs on the in-memory index since session 5 (catalogue/search/in-memory/): these indexes
-- served only the SQL search it replaced — the full-text GIN index, the title and year sorts, the exact-author,
-- ББК-division and ББК-prefix lookups, the age-rating filter. Every record written paid for all of them. The ISBN
-- indexes stay: the search still asks the database for the records an ISBN names (and the re-import matching does).
DROP INDEX bib_records_search;
DROP INDEX bib_records_title_key;
DROP INDEX bib_records_year;
DROP INDEX bib_records_year_ascending;
DROP INDEX bib_records_author_keys;
DROP INDEX bib_records_bbk_divisions;
DROP INDEX bib_records_bbk_key;
DROP INDEX bib_records_age_rating;
