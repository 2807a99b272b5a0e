-- Search moved from PostgreSQL into each instance's memory (org.ondes.catalog.SearchIndex): a GIN scan plus a top-N
-- sort cost 1-7 ms of database time per search on a churned table and topped out far below the 2,000 searches/s
-- the catalog must serve on two cores (docs/performance.md). Instances keep their index in step through this change
-- log: every projection write that changes entries bumps catalog_meta.version (a row lock, so versions commit in
-- order) and records the stations it touched at that version. An instance that has applied version N asks for the
-- stations changed after N and re-reads just those rows.
CREATE TABLE catalog_changes (
    version    bigint      NOT NULL,
    station_id uuid        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_changes_version_idx ON catalog_changes (version);
CREATE INDEX catalog_changes_created_at_idx ON catalog_changes (created_at);

-- Changes are kept for a few minutes; an instance that is further behind than the pruned log reloads everything.
ALTER TABLE catalog_meta ADD COLUMN changes_pruned_through bigint NOT NULL DEFAULT 0;

-- The database no longer answers searches: the search vector, its GIN index and the sort indexes only slowed every
-- catalog write down (a listener count change rewrote GIN entries).
DROP INDEX catalog_entries_search_idx;
DROP INDEX catalog_entries_listeners_idx;
DROP INDEX catalog_entries_name_idx;
DROP INDEX catalog_entries_live_since_idx;
DROP INDEX catalog_entries_bitrate_idx;
ALTER TABLE catalog_entries DROP COLUMN search;
