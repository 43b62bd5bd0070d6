-- WMS schema: pick tasks released to the warehouse floor and the SKU x location pairs its pickers found short and
-- want counted. The WMS tables are the WMS's own; nothing here reads or writes the ERP's balances.
CREATE TABLE wms_picks (
    id         VARCHAR(40)  PRIMARY KEY,
    reference  VARCHAR(64)  NOT NULL,
    sku        VARCHAR(64)  NOT NULL,
    location   VARCHAR(32)  NOT NULL,
    quantity   INTEGER      NOT NULL CHECK (quantity > 0),
    state      VARCHAR(16)  NOT NULL,
    reason     VARCHAR(200) NULL,
    created_at BIGINT       NOT NULL,
    updated_at BIGINT       NOT NULL
);
CREATE INDEX wms_picks_by_reference ON wms_picks (reference, created_at);

CREATE TABLE wms_count_flags (
    id          {{identity}},
    sku         VARCHAR(64)  NOT NULL,
    location    VARCHAR(32)  NOT NULL,
    pick_id     VARCHAR(40)  NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    flagged_at  BIGINT       NOT NULL,
    resolved_by VARCHAR(64)  NULL
);
CREATE INDEX wms_count_flags_by_state ON wms_count_flags (state, id);
CREATE INDEX wms_count_flags_by_balance ON wms_count_flags (sku, location, state);
