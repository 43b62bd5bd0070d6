-- Inbound events from source systems (WMS, ERP batches): applied once per (source, event id), in each source's
-- order per SKU x location; an event older than one applied is kept for people to review, never applied.

-- The first answer to each applied event, so a redelivery under any Idempotency-Key gets it again.
CREATE TABLE source_events (
    source        VARCHAR(32)  NOT NULL,
    event_id      VARCHAR(100) NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    status_code   INTEGER      NOT NULL,
    response_body TEXT         NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (source, event_id)
);

-- The highest sequence applied per source and balance; moves in the transaction that moves the balance.
CREATE TABLE source_sequences (
    source        VARCHAR(32) NOT NULL,
    sku           VARCHAR(64) NOT NULL,
    location      VARCHAR(32) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (source, sku, location)
);

CREATE TABLE stale_events (
    id                     {{identity}},
    source                 VARCHAR(32)  NOT NULL,
    event_id               VARCHAR(100) NOT NULL,
    event_sequence         BIGINT       NOT NULL,
    sku                    VARCHAR(64)  NOT NULL,
    location               VARCHAR(32)  NOT NULL,
    kind                   VARCHAR(16)  NOT NULL,
    quantity               INTEGER      NOT NULL,
    received_at            BIGINT       NOT NULL,
    superseded_by_sequence BIGINT       NOT NULL
);
-- A redelivered stale event is recorded once.
CREATE UNIQUE INDEX stale_events_by_source_event ON stale_events (source, event_id);
CREATE INDEX stale_events_by_source ON stale_events (source, id);
