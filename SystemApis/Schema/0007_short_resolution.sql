-- A reservation a count took back stays 'short' for the record; short_resolved_at says its reference was re-sourced
-- or backordered, so the process finds every short one it has not dealt with, whoever posted the count.
ALTER TABLE reservations ADD COLUMN short_resolved_at BIGINT NULL;
CREATE INDEX reservations_by_state ON reservations (state, short_resolved_at);
