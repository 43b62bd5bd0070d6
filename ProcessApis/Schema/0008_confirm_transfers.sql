-- A confirming hold names the order it is becoming, so recovery can finish a confirm a crash interrupted: the holds'
-- reservations move to the order at the ERP in one step, and the order and its holds are recorded together.
ALTER TABLE holds ADD COLUMN order_id VARCHAR(40) NULL;
CREATE INDEX holds_by_order ON holds (order_id, state);
-- The key of the hold request that made a row, so recovery can undo a hold whose request died before answering.
ALTER TABLE holds ADD COLUMN idempotency_key VARCHAR(100) NULL;
CREATE INDEX holds_by_key ON holds (channel, idempotency_key);
-- Recovery finds Idempotency-Keys left in progress by a crash, and the order such a key placed.
CREATE INDEX idempotency_keys_in_progress ON idempotency_keys (status_code, created_at);
CREATE INDEX orders_by_key ON orders (channel, idempotency_key);
