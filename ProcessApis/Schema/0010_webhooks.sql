-- Webhooks for channel connectors (Standard Webhooks v1), fed from outbox_events (DESIGN.md, Events).
--
-- webhook_subscriptions: a channel's subscriptions. start_position is the outbox position at subscribe time: the
-- stream after it is delivered. A disabled subscription keeps its messages; a replay enables it again.
CREATE TABLE webhook_subscriptions (
    id                    VARCHAR(40)   PRIMARY KEY,
    channel_id            VARCHAR(64)   NOT NULL,
    url                   VARCHAR(2000) NOT NULL,
    events                TEXT          NOT NULL,
    secret                VARCHAR(100)  NOT NULL,
    previous_secret       VARCHAR(100)  NULL,
    previous_secret_until BIGINT        NULL,
    enabled               INTEGER       NOT NULL CHECK (enabled IN (0, 1)),
    disabled_reason       VARCHAR(500)  NULL,
    failing_since         BIGINT        NULL,
    start_position        BIGINT        NOT NULL,
    created_at            BIGINT        NOT NULL
);
CREATE INDEX webhook_subscriptions_by_channel ON webhook_subscriptions (channel_id, created_at);

-- webhook_messages: what is to be delivered, one row per webhook-id. Messages of one subscription x order key (the SKU,
-- else the subject) go out one at a time in id order. A message not yet attempted (attempts = 0, no live lease) absorbs
-- newer events of its SKU (the newest figure supersedes, first_sequence..last_sequence is what it covers); once
-- attempted, its body and webhook-id never change. lease_owner/lease_until keep two instances from sending one message.
CREATE TABLE webhook_messages (
    id              {{identity}},
    subscription_id VARCHAR(40)  NOT NULL,
    order_key       VARCHAR(200) NOT NULL,
    webhook_id      VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    mergeable       INTEGER      NOT NULL CHECK (mergeable IN (0, 1)),
    first_sequence  BIGINT       NULL,
    last_sequence   BIGINT       NULL,
    previous        INTEGER      NULL,
    body            TEXT         NOT NULL,
    attempts        INTEGER      NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    lease_owner     VARCHAR(64)  NULL,
    lease_until     BIGINT       NULL,
    created_at      BIGINT       NOT NULL,
    delivered_at    BIGINT       NULL
);
CREATE INDEX webhook_messages_due ON webhook_messages (state, next_attempt_at);
CREATE INDEX webhook_messages_by_key ON webhook_messages (subscription_id, order_key, state, id);
CREATE INDEX webhook_messages_by_webhook_id ON webhook_messages (subscription_id, webhook_id);

-- webhook_attempts: every attempt, shown to the subscription's owner newest first.
CREATE TABLE webhook_attempts (
    id              {{identity}},
    subscription_id VARCHAR(40)  NOT NULL,
    message_id      BIGINT       NOT NULL,
    webhook_id      VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    first_sequence  BIGINT       NULL,
    last_sequence   BIGINT       NULL,
    attempt         INTEGER      NOT NULL,
    attempted_at    BIGINT       NOT NULL,
    status_code     INTEGER      NULL,
    error           VARCHAR(500) NULL,
    next_attempt_at BIGINT       NULL
);
CREATE INDEX webhook_attempts_by_subscription ON webhook_attempts (subscription_id, id);
