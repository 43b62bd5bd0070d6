-- Fulfilment: where each unit of an order stands (reserved at a location, allocated to a WMS pick, shipped) and
-- the units that wait for stock. Placements replace order_allocations: an order may now hold several rows at one
-- location (re-sourced or backfilled units), each moving on its own.
CREATE TABLE order_placements (
    id         {{identity}},
    order_id   VARCHAR(40) NOT NULL REFERENCES orders (id),
    sku        VARCHAR(64) NOT NULL,
    location   VARCHAR(32) NOT NULL,
    quantity   INTEGER     NOT NULL CHECK (quantity > 0),
    state      VARCHAR(16) NOT NULL,
    pick_id    VARCHAR(40) NULL,
    updated_at BIGINT      NOT NULL
);
CREATE INDEX order_placements_by_order ON order_placements (order_id, sku, location);
CREATE INDEX order_placements_by_pick ON order_placements (pick_id);

INSERT INTO order_placements (order_id, sku, location, quantity, state, updated_at)
SELECT order_id, sku, location, quantity, 'reserved', 0 FROM order_allocations;
DROP TABLE order_allocations;

-- Units of an order no location could fill, oldest first: the filler serves them in id order as stock arrives.
CREATE TABLE backorders (
    id         {{identity}},
    order_id   VARCHAR(40) NOT NULL REFERENCES orders (id),
    sku        VARCHAR(64) NOT NULL,
    quantity   INTEGER     NOT NULL CHECK (quantity >= 0),
    state      VARCHAR(16) NOT NULL,
    created_at BIGINT      NOT NULL
);
CREATE INDEX backorders_by_state ON backorders (state, id);
CREATE INDEX backorders_by_order ON backorders (order_id, state);

-- Re-sourcing and backorder filling source again for the order's own ship-to region.
ALTER TABLE orders ADD COLUMN ship_to_region VARCHAR(16) NULL;
