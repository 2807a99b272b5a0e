-- Issue 6, delivery queue: two columns V16 lacks.
-- leased_until: while a worker (on any instance) is sending the row. Claiming sets it with next_try_at, so the row is
--   neither claimed twice nor lost when that instance dies (the lease runs out, the row is due again); counting the
--   leased rows of a host is how every instance keeps to the per-host cap of concurrent sends.
-- not_found: how many attempts the inbox answered 404; the third counts as gone, as a 410 does.
ALTER TABLE fed_deliveries
    ADD COLUMN leased_until timestamptz,
    ADD COLUMN not_found    integer NOT NULL DEFAULT 0;
CREATE INDEX fed_deliveries_leased_idx ON fed_deliveries (host) WHERE leased_until IS NOT NULL;
