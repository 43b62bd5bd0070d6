-- The SKU class channel rules are chosen by (a share, a buffer, a cap per class). Portable: both engines add a
-- NOT NULL column with a default in place, and existing items become 'standard'.
ALTER TABLE items ADD COLUMN sku_class VARCHAR(32) NOT NULL DEFAULT 'standard';
