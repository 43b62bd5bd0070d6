-- Provenance on every ledger row: the system a change came from, that system's id and sequence for the event,
-- and the business document it belongs to. Portable: both engines add a nullable column in place.
ALTER TABLE ledger ADD COLUMN source_system VARCHAR(32) NULL;
ALTER TABLE ledger ADD COLUMN source_event_id VARCHAR(100) NULL;
ALTER TABLE ledger ADD COLUMN source_sequence BIGINT NULL;
ALTER TABLE ledger ADD COLUMN reference_document VARCHAR(64) NULL;

-- A source event moves each balance at most once, whatever retries and redeliveries do. One event may move
-- several balances (a release gives back every reservation of a reference), so the balance is part of the key.
-- Rows without a source event id never collide: NULLs are distinct in a unique index on both engines.
CREATE UNIQUE INDEX ledger_by_source_event ON ledger (source_system, source_event_id, sku, location);
