-- ERP schema: master data, balances per SKU x location with every canonical bucket, reservations,
-- the append-only movement ledger, and idempotency records. Portable SQL; {{identity}} is the dialect's.
CREATE TABLE locations (
    code        VARCHAR(32)  PRIMARY KEY,
    region      VARCHAR(16)  NOT NULL,
    priority    INTEGER      NOT NULL
);

CREATE TABLE items (
    sku         VARCHAR(64)  PRIMARY KEY,
    description VARCHAR(200) NOT NULL,
    scarce      INTEGER      NOT NULL DEFAULT 0,
    updated_at  BIGINT       NOT NULL
);

-- Invariant 1 of DESIGN.md is also a constraint: whatever the code does, the store refuses an oversold row.
CREATE TABLE balances (
    sku          VARCHAR(64) NOT NULL REFERENCES items (sku),
    location     VARCHAR(32) NOT NULL REFERENCES locations (code),
    on_hand      INTEGER     NOT NULL DEFAULT 0,
    reserved     INTEGER     NOT NULL DEFAULT 0,
    allocated    INTEGER     NOT NULL DEFAULT 0,
    damaged      INTEGER     NOT NULL DEFAULT 0,
    inspection   INTEGER     NOT NULL DEFAULT 0,
    in_transit   INTEGER     NOT NULL DEFAULT 0,
    inbound      INTEGER     NOT NULL DEFAULT 0,
    safety_stock INTEGER     NOT NULL DEFAULT 0,
    version      BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (sku, location),
    CONSTRAINT balances_buckets_not_negative CHECK (on_hand >= 0 AND reserved >= 0 AND allocated >= 0 AND damaged >= 0
        AND inspection >= 0 AND in_transit >= 0 AND inbound >= 0 AND safety_stock >= 0),
    CONSTRAINT balances_no_oversell CHECK (reserved + allocated <= on_hand - damaged - inspection)
);

CREATE TABLE reservations (
    id          VARCHAR(40) PRIMARY KEY,
    reference   VARCHAR(64) NOT NULL,
    sku         VARCHAR(64) NOT NULL,
    location    VARCHAR(32) NOT NULL,
    quantity    INTEGER     NOT NULL CHECK (quantity > 0),
    state       VARCHAR(16) NOT NULL,
    created_at  BIGINT      NOT NULL,
    released_at BIGINT      NULL,
    FOREIGN KEY (sku, location) REFERENCES balances (sku, location)
);
CREATE INDEX reservations_by_reference ON reservations (reference, state);

CREATE TABLE ledger (
    id                 {{identity}},
    sku                VARCHAR(64)  NOT NULL,
    location           VARCHAR(32)  NOT NULL,
    movement_type      VARCHAR(32)  NOT NULL,
    on_hand_delta      INTEGER      NOT NULL DEFAULT 0,
    reserved_delta     INTEGER      NOT NULL DEFAULT 0,
    allocated_delta    INTEGER      NOT NULL DEFAULT 0,
    damaged_delta      INTEGER      NOT NULL DEFAULT 0,
    inspection_delta   INTEGER      NOT NULL DEFAULT 0,
    in_transit_delta   INTEGER      NOT NULL DEFAULT 0,
    inbound_delta      INTEGER      NOT NULL DEFAULT 0,
    safety_stock_delta INTEGER      NOT NULL DEFAULT 0,
    reason             VARCHAR(200) NULL,
    reference          VARCHAR(64)  NULL,
    idempotency_key    VARCHAR(100) NULL,
    correlation_id     VARCHAR(64)  NULL,
    created_at         BIGINT       NOT NULL
);
CREATE INDEX ledger_by_sku_location ON ledger (sku, location, id);

CREATE TABLE idempotency_keys (
    idempotency_key VARCHAR(100) PRIMARY KEY,
    fingerprint     VARCHAR(64)  NOT NULL,
    status_code     INTEGER      NOT NULL,
    content_type    VARCHAR(64)  NOT NULL,
    response_body   TEXT         NOT NULL,
    created_at      BIGINT       NOT NULL
);
