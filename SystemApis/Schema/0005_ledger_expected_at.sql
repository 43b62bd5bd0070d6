-- The supplier's ETA of a purchase-order row (unix milliseconds): inbound is expected stock with a date.
ALTER TABLE ledger ADD COLUMN expected_at BIGINT NULL;
