-- Process schema: orders with their lines and where each line was reserved, and the Idempotency-Keys of
-- the commands channels sent. The ERP stays the authority on stock; these rows say what was asked and done.
CREATE TABLE idempotency_keys (
    scope           VARCHAR(64)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    fingerprint     VARCHAR(64)  NOT NULL,
    status_code     INTEGER      NOT NULL,
    content_type    VARCHAR(64)  NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);

CREATE TABLE orders (
    id         VARCHAR(40) PRIMARY KEY,
    channel    VARCHAR(64) NOT NULL,
    order_ref  VARCHAR(64) NOT NULL,
    -- The key that placed the order, so recovery can free it for a retry.
    idempotency_key VARCHAR(100) NOT NULL,
    state      VARCHAR(16) NOT NULL,
    created_at BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL
);
CREATE INDEX orders_by_state ON orders (state, updated_at);

CREATE TABLE order_lines (
    order_id VARCHAR(40) NOT NULL REFERENCES orders (id),
    line_no  INTEGER     NOT NULL,
    sku      VARCHAR(64) NOT NULL,
    quantity INTEGER     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE order_allocations (
    order_id VARCHAR(40) NOT NULL REFERENCES orders (id),
    sku      VARCHAR(64) NOT NULL,
    location VARCHAR(32) NOT NULL,
    quantity INTEGER     NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, sku, location)
);
