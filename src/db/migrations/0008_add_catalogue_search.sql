-- Catalogue search (issue 4, item 5). Columns derived from the projection on every write (catalogue.queries.ts,
-- built by catalogue/search/keys.ts), and the dictionary of words typo correction picks from.
ALTER TABLE bib_records
  -- the title folded (lower case, ё → е, punctuation → space): exact-title ranking and the title sort
  ADD COLUMN title_key text NOT NULL DEFAULT '',
  -- the primary authors folded: surname, heading, name in reading order — exact-author ranking
  ADD COLUMN author_keys text[] NOT NULL DEFAULT '{}',
  -- codes of search/bbk-divisions.ts the ББК indexes fall into: the division filter and facet
  ADD COLUMN bbk_divisions text[] NOT NULL DEFAULT '{}',
  -- ' ' || each ББК index upper-cased without spaces: the ббк: prefix search (LIKE '% 84(2%')
  ADD COLUMN bbk_key text NOT NULL DEFAULT '';

-- Rows stored before this migration: the keys SQL can spell the same way (author keys and divisions
-- follow when a record is next saved; the catalogue had no production data before this release).
UPDATE bib_records SET
  title_key = btrim(regexp_replace(lower(translate(title, 'ёЁ', 'еЕ')), '[^0-9a-zа-я]+', ' ', 'g')),
  bbk_key = coalesce((SELECT string_agg(' ' || upper(regexp_replace(b, '\s+', '', 'g')), '') FROM unnest(bbk) AS b), '');

CREATE INDEX bib_records_title_key ON bib_records (network_id, title_key, id);
-- «newest first» browsing; the other sorts of a browse are rarer and sort what they read
CREATE INDEX bib_records_year ON bib_records (network_id, year DESC NULLS LAST, id DESC);
CREATE INDEX bib_records_author_keys ON bib_records USING gin (author_keys);
CREATE INDEX bib_records_bbk_divisions ON bib_records USING gin (bbk_divisions);
CREATE INDEX bib_records_invalid_isbns ON bib_records USING gin (invalid_isbns);
CREATE INDEX bib_records_bbk_key ON bib_records USING gin (bbk_key gin_trgm_ops);

-- Words of titles and person names per network (lower case, ё → е, letters only, ≥ 3): a word of a query
-- that matches nothing is replaced by the most similar one here («пушкн» → «пушкин»). Only grows: a word
-- of a deleted record stays (correction checks that its choice still finds something).
CREATE TABLE catalogue_words (
  network_id bigint NOT NULL REFERENCES networks(id),
  word text NOT NULL,
  PRIMARY KEY (network_id, word)
);
CREATE INDEX catalogue_words_trgm ON catalogue_words USING gin (word gin_trgm_ops);

INSERT INTO catalogue_words (network_id, word)
SELECT DISTINCT r.network_id, w.word
FROM bib_records r,
  regexp_split_to_table(lower(translate(
    concat_ws(' ', r.title, r.subtitle, array_to_string(r.parallel_titles, ' '),
      (SELECT string_agg(p->>'name', ' ') FROM jsonb_array_elements(r.persons) AS p)),
    'ёЁ', 'еЕ')), '[^a-zа-я]+') AS w(word)
WHERE length(w.word) BETWEEN 3 AND 40
ON CONFLICT DO NOTHING;
