-- Fanning an availability event out asks whether a subscription already has a message of the SKU covering its
-- sequence (a replay or a backfill snapshot). By (subscription, key) alone that read walked the SKU's whole delivered
-- history, which only grows; by sequence too it is one seek.
CREATE INDEX webhook_messages_by_sequence ON webhook_messages (subscription_id, order_key, last_sequence);
