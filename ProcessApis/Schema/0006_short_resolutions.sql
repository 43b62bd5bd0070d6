-- Each reservation a count took back is dealt with once (re-sourced, backordered or released), whether the count came
-- through the process or straight to the ERP: the first to claim the reservation id resolves it; a claim left by a
-- crash is taken over once it is stale.
CREATE TABLE short_resolutions (
    reservation_id VARCHAR(40) PRIMARY KEY,
    outcome        VARCHAR(16) NULL,
    claimed_at     BIGINT      NOT NULL,
    resolved_at    BIGINT      NULL
);
