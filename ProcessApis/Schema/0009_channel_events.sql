-- Event-driven channel availability (DESIGN.md, Events).
--
-- stock_positions: this service's copy of the ERP's balances, kept from the ERP's stock.changed events (never read
-- from the ERP on a read path). A row is replaced only by an event of a higher ERP version, so a late or repeated
-- event never overwrites newer state.
CREATE TABLE stock_positions (
    sku          VARCHAR(64) NOT NULL,
    location     VARCHAR(32) NOT NULL,
    sku_class    VARCHAR(32) NOT NULL,
    on_hand      INTEGER     NOT NULL,
    reserved     INTEGER     NOT NULL,
    allocated    INTEGER     NOT NULL,
    damaged      INTEGER     NOT NULL,
    inspection   INTEGER     NOT NULL,
    safety_stock INTEGER     NOT NULL,
    in_transit   INTEGER     NOT NULL,
    inbound      INTEGER     NOT NULL,
    version      BIGINT      NOT NULL,
    PRIMARY KEY (sku, location)
);

-- channel_availability: what each channel was last told of each SKU. sequence grows by one per published change of
-- that channel x SKU, so a consumer that sees n+2 after n knows it missed one.
CREATE TABLE channel_availability (
    channel_id     VARCHAR(64) NOT NULL,
    sku            VARCHAR(64) NOT NULL,
    sequence       BIGINT      NOT NULL CHECK (sequence >= 1),
    available      INTEGER     NOT NULL CHECK (available >= 0),
    locations      TEXT        NOT NULL,
    source_version BIGINT      NOT NULL,
    updated_at     BIGINT      NOT NULL,
    PRIMARY KEY (channel_id, sku)
);

-- outbox_events: every event this service emits, written in the transaction of the change it reports, with its
-- data as it was at commit. position is commit order (appends are serialised), which is the order of the change
-- feed; published_at is set by a broker relay (NATS) once the broker has the event; rows are pruned after the
-- retention, which is also the replay horizon.
CREATE TABLE outbox_events (
    position       {{identity}},
    event_id       VARCHAR(64)  NOT NULL UNIQUE,
    type           VARCHAR(64)  NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    channel_id     VARCHAR(64)  NULL,
    sku            VARCHAR(64)  NULL,
    sequence       BIGINT       NULL,
    data           TEXT         NOT NULL,
    correlation_id VARCHAR(128) NULL,
    occurred_at    BIGINT       NOT NULL,
    published_at   BIGINT       NULL
);
CREATE INDEX outbox_events_by_channel_sku ON outbox_events (channel_id, sku, sequence);
CREATE INDEX outbox_events_by_time ON outbox_events (occurred_at);
CREATE INDEX outbox_events_unpublished ON outbox_events (published_at, position);

-- consumer_cursors: how far a consumer inside this service has read a feed (the ERP's stock events, this
-- service's own outbox for webhook fan-out), so a restart resumes where it stopped.
-- cursor holds the opaque cursor of a feed read from another service; position the last position read of our own.
CREATE TABLE consumer_cursors (
    consumer   VARCHAR(64)  PRIMARY KEY,
    position   BIGINT       NOT NULL,
    cursor     VARCHAR(200) NULL,
    updated_at BIGINT       NOT NULL
);

-- availability_marks: SKUs (sku '*' = every SKU) whose channel figures (channel_id '*' = every channel) must be
-- recomputed, written in the transaction of the change that makes them so; the publisher deletes what it handled.
CREATE TABLE availability_marks (
    id         {{identity}},
    sku        VARCHAR(64) NOT NULL,
    channel_id VARCHAR(64) NOT NULL,
    marked_at  BIGINT      NOT NULL
);
