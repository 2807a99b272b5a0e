-- Search filters (genres, codecs, content types, language) become lexemes of the search vector, so a filtered text
-- search is one GIN index scan instead of a BitmapAnd of three indexes (measured: ~12 ms -> ~1 ms on 60,000 entries,
-- docs/performance.md). A term is a tilde, a one-letter kind, a space and the lower-cased value: the text parser never
-- makes a lexeme with a space, and search words (letters and digits, matched as prefixes) never start with a tilde.
-- org.ondes.catalog.FilterTerms writes the same spelling.
UPDATE catalog_entries e SET search = e.search || array_to_tsvector(ARRAY(
        SELECT '~g ' || lower(btrim(v)) FROM unnest(e.genres) v WHERE btrim(v) <> ''
        UNION SELECT '~c ' || lower(btrim(v)) FROM unnest(e.codecs) v WHERE btrim(v) <> ''
        UNION SELECT '~t ' || lower(btrim(v)) FROM unnest(e.content_types) v WHERE btrim(v) <> ''
        UNION SELECT '~l ' || lower(btrim(e.language)) WHERE btrim(e.language) <> ''));

DROP INDEX catalog_entries_genres_idx;
DROP INDEX catalog_entries_codecs_idx;

-- fastupdate off: with the default pending list, every re-projected row (a listener count changes every few minutes
-- per station) lands in an unsorted list that each search scans linearly until the next vacuum; that alone made a
-- filtered search 4-10 times slower. Writes happen in batches off the request path, so they pay the cost instead.
DROP INDEX catalog_entries_search_idx;
CREATE INDEX catalog_entries_search_idx ON catalog_entries USING gin (search) WITH (fastupdate = off);
