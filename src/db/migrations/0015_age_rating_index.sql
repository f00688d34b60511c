-- Search filtered by age rating (issue 4, facets): without an index the rating was tested on every row the
-- words found, so a rating few records have («12+» among a common word's 41,000 records, none of them 12+)
-- read all 41,000 to return nothing (100–130 ms on 1,000,000 records). With it, the planner can AND its
-- tiny bitmap into the words'; `filterAccessFor` (search.queries.ts) keeps a common rating from being
-- read that way when testing rows is cheaper. Only rated records are indexed.
CREATE INDEX bib_records_age_rating ON bib_records (network_id, age_rating) WHERE age_rating IS NOT NULL;
