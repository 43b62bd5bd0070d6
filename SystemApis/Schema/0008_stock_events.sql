-- The ERP's outbox of stock.changed events: one row per balance change, written in the transaction of the change
-- (beside its ledger row) with every bucket as it was at commit. position is commit order: rows are appended
-- under the ledger's append lock, so a reader paging by position never passes a row that commits later.
CREATE TABLE stock_events (
    position       {{identity}},
    event_id       VARCHAR(120) NOT NULL UNIQUE,
    sku            VARCHAR(64)  NOT NULL,
    location       VARCHAR(32)  NOT NULL,
    sku_class      VARCHAR(32)  NOT NULL,
    on_hand        INTEGER      NOT NULL,
    reserved       INTEGER      NOT NULL,
    allocated      INTEGER      NOT NULL,
    damaged        INTEGER      NOT NULL,
    inspection     INTEGER      NOT NULL,
    in_transit     INTEGER      NOT NULL,
    inbound        INTEGER      NOT NULL,
    safety_stock   INTEGER      NOT NULL,
    version        BIGINT       NOT NULL,
    correlation_id VARCHAR(128) NULL,
    occurred_at    BIGINT       NOT NULL
);
CREATE INDEX stock_events_by_time ON stock_events (occurred_at);

-- Every balance that exists before this script is one event, so a consumer that starts from the beginning of the
-- feed learns every position without asking for a snapshot.
INSERT INTO stock_events (event_id, sku, location, sku_class, on_hand, reserved, allocated, damaged, inspection,
                          in_transit, inbound, safety_stock, version, correlation_id, occurred_at)
SELECT 'initial-' || b.sku || '@' || b.location, b.sku, b.location, i.sku_class, b.on_hand, b.reserved, b.allocated,
       b.damaged, b.inspection, b.in_transit, b.inbound, b.safety_stock, b.version, NULL, 0
FROM balances b JOIN items i ON i.sku = b.sku
ORDER BY b.sku, b.location;
