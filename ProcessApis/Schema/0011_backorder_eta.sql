-- The backorder ETA is part of what a channel is told (DESIGN.md, Events): worked out when stock changes, from the
-- inbound ETA each ERP stock.changed event carries, and republished when it changes. Both unix ms, NULL when none.
-- Rows from before this script get theirs from the ERP's next event of the balance (the ERP sends one for every
-- balance with units inbound once it has the ETAs) and the publisher's full recompute at start.
ALTER TABLE stock_positions ADD COLUMN inbound_eta BIGINT NULL;
ALTER TABLE channel_availability ADD COLUMN backorder_eta BIGINT NULL;
