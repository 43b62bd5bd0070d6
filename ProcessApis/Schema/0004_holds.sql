-- Cart holds: each row is units of a SKU held at one location for a cart, under the ERP reservation reference
-- of the hold request that made it. The ERP reservation is the hold; this row records when it expires, so
-- availability can count it free from that moment on even before the sweeper releases it at the ERP.
CREATE TABLE holds (
    reference  VARCHAR(64) NOT NULL,
    cart_id    VARCHAR(48) NOT NULL,
    channel    VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    location   VARCHAR(32) NOT NULL,
    quantity   INTEGER     NOT NULL CHECK (quantity > 0),
    expires_at BIGINT      NOT NULL,
    state      VARCHAR(16) NOT NULL,
    created_at BIGINT      NOT NULL,
    PRIMARY KEY (reference, sku, location)
);
CREATE INDEX holds_by_cart ON holds (cart_id, state);
CREATE INDEX holds_by_expiry ON holds (state, expires_at);
CREATE INDEX holds_by_sku ON holds (sku, state);
