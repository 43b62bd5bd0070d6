-- What each channel's feed published, and when: a version per feed request (keyed by its Idempotency-Key, so a
-- replay answers from history) and an append-only row per SKU whose published quantity changed at a version.
-- The quantity a channel was told at version v is the SKU's latest change at or before v, so the changes since
-- any earlier version can always be recomputed.
CREATE TABLE channel_feed_versions (
    channel_id      VARCHAR(64)  NOT NULL REFERENCES channels (id),
    version         BIGINT       NOT NULL CHECK (version >= 1),
    idempotency_key VARCHAR(100) NOT NULL,
    since_version   BIGINT       NULL,
    created_at      BIGINT       NOT NULL,
    PRIMARY KEY (channel_id, version),
    UNIQUE (channel_id, idempotency_key)
);

CREATE TABLE channel_feed_changes (
    channel_id VARCHAR(64) NOT NULL REFERENCES channels (id),
    sku        VARCHAR(64) NOT NULL,
    version    BIGINT      NOT NULL,
    quantity   INTEGER     NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (channel_id, sku, version)
);
