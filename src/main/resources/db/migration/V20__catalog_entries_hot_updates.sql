-- Every song change rewrites a catalog entry (now playing, listeners), and each projection pass used to set
-- checked_at on every entry it looked at, which is indexed: so each rewrite was a non-HOT update, inserting into the
-- primary key and this index. Nothing needs the index: the reconcile job sorts the check times once a minute for its
-- stale slice (a scan of at most ~100,000 narrow rows). Without it an update that keeps the station id is a HOT update
-- (no index work) when its page has room, which the lower fill factor leaves for it.
DROP INDEX catalog_entries_checked_idx;
ALTER TABLE catalog_entries SET (fillfactor = 70);
