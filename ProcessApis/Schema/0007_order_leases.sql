-- One writer per order at a time: fulfilment steps, cancels, short resolutions and backorder fills of one order each
-- take the order's lease first, so no two of them interleave their calls to the ERP and the WMS. A lease ends when
-- its holder is done, or by itself at lease_until if the holder crashed.
ALTER TABLE orders ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN lease_owner VARCHAR(40) NULL;
