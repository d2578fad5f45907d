-- Bounded growth: runs (with their items, deliveries, summary pages and usage-report rows) are kept
-- for the organisation's run-history retention, and one housekeeping job on the instances purges
-- files and runs past their time.

-- At least as long as files and links are kept, so that a run never goes before its file or a link
-- before it expires; an organisation that keeps files longer than a year keeps its runs as long.
ALTER TABLE organisation_settings ADD COLUMN run_history_retention_days INTEGER DEFAULT 365 NOT NULL;
UPDATE organisation_settings
SET run_history_retention_days = GREATEST(365, file_retention_days, link_lifetime_days);

-- The one row of housekeeping: a lease (so that one instance purges at a time; another takes over
-- once it lapses), when it last looked, and what its last purge removed.
CREATE TABLE housekeeping (
    id                  INTEGER                  NOT NULL PRIMARY KEY,
    lease_holder        VARCHAR(200),
    lease_until         TIMESTAMP WITH TIME ZONE,
    last_pass_at        TIMESTAMP WITH TIME ZONE,
    last_purge_at       TIMESTAMP WITH TIME ZONE,
    last_purge_instance VARCHAR(200),
    last_purge_files    BIGINT                   NOT NULL,
    last_purge_bytes    BIGINT                   NOT NULL,
    last_purge_runs     BIGINT                   NOT NULL,
    CONSTRAINT ck_housekeeping_one CHECK (id = 1)
);
INSERT INTO housekeeping (id, last_purge_files, last_purge_bytes, last_purge_runs) VALUES (1, 0, 0, 0);

-- Finding the runs past the history retention; deleting a run clears its usage-report row by this key.
CREATE INDEX ix_run_finished ON run (finished_at);
CREATE INDEX ix_usage_report_run ON usage_report (run_id);
