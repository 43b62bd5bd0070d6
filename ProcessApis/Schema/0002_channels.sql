-- Channels are data: what each channel is, how its orders are sourced, which locations serve it (none listed
-- means every ERP location, in the ERP's priority order) and its publishing rules per SKU class ('*' for the
-- rest). The process cannot read ERP tables, so location codes are plain values checked when a channel is put.
CREATE TABLE channels (
    id                VARCHAR(64) PRIMARY KEY,
    channel_type      VARCHAR(16) NOT NULL,
    sourcing_strategy VARCHAR(16) NOT NULL,
    updated_at        BIGINT      NOT NULL
);

CREATE TABLE channel_locations (
    channel_id VARCHAR(64) NOT NULL REFERENCES channels (id),
    location   VARCHAR(32) NOT NULL,
    priority   INTEGER     NOT NULL CHECK (priority >= 0),
    PRIMARY KEY (channel_id, location)
);

CREATE TABLE channel_rules (
    channel_id    VARCHAR(64) NOT NULL REFERENCES channels (id),
    sku_class     VARCHAR(32) NOT NULL,
    stock_percent INTEGER     NOT NULL CHECK (stock_percent >= 0 AND stock_percent <= 100),
    buffer_units  INTEGER     NOT NULL CHECK (buffer_units >= 0),
    max_published INTEGER     NULL CHECK (max_published >= 0),
    end_when      INTEGER     NOT NULL DEFAULT 0 CHECK (end_when >= 0),
    PRIMARY KEY (channel_id, sku_class)
);
