-- stock.changed carries the ETA of what is inbound at the balance, as at commit, so the process API can publish a
-- channel's backorder ETA when stock changes instead of asking the ERP when a buyer reads (unix ms, NULL when
-- nothing is inbound).
ALTER TABLE stock_events ADD COLUMN inbound_eta BIGINT NULL;

-- A change that moves no inbound units carries the ETA of the balance's latest event forward; this finds that event.
CREATE INDEX stock_events_by_balance ON stock_events (sku, location, position);

-- Balances with units inbound when this script runs: their latest event has no ETA. At start-up the ERP writes each
-- one's event again with its ETA (InboundEtaBackfill) and deletes its row here, in one transaction.
CREATE TABLE stock_event_eta_backfill (
    sku      VARCHAR(64) NOT NULL,
    location VARCHAR(32) NOT NULL,
    PRIMARY KEY (sku, location)
);
INSERT INTO stock_event_eta_backfill (sku, location) SELECT sku, location FROM balances WHERE inbound > 0;
