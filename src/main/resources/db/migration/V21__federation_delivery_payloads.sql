-- Issue 6, delivery queue: an activity's bytes are stored once per fan-out, not once per inbox.
-- Until now each row of fed_deliveries carried its own copy of the body: a go-live to 1,000 inboxes stored (and
-- PostgreSQL compressed, wrote to the WAL and read back at each claim) 1,000 copies of the same 2 KB in one
-- statement (36-481 ms in the fan-out benchmark, on the cores serving YP touches). A payload lives as long as a
-- delivery of it is queued: settling the last one removes it (and a sweep catches what two instances settling at
-- once leave).
CREATE TABLE fed_payloads (
    id          bigserial   PRIMARY KEY,
    activity_id text        NOT NULL,
    signer      text        NOT NULL,
    body        bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- rows queued before this migration keep exactly the bytes and signer they had
INSERT INTO fed_payloads (id, activity_id, signer, body, created_at)
SELECT id, activity_id, signer, body, created_at FROM fed_deliveries;
SELECT setval(pg_get_serial_sequence('fed_payloads', 'id'), (SELECT COALESCE(max(id), 0) + 1 FROM fed_payloads), false);

ALTER TABLE fed_deliveries ADD COLUMN payload_id bigint;
UPDATE fed_deliveries SET payload_id = id;
ALTER TABLE fed_deliveries
    ALTER COLUMN payload_id SET NOT NULL,
    ADD CONSTRAINT fed_deliveries_payload_fk FOREIGN KEY (payload_id) REFERENCES fed_payloads (id),
    DROP COLUMN signer,
    DROP COLUMN body;
CREATE INDEX fed_deliveries_payload_idx ON fed_deliveries (payload_id);
