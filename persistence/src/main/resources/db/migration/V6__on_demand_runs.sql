-- On-demand runs: a partner runs one item of a schedule made available to them; the file is kept
-- for them to download, nobody is mailed. Fair use keeps at most two of a person's on-demand runs
-- going at once; the rest wait as QUEUED, in the order they were asked for.
ALTER TABLE run ADD COLUMN only_item_id BIGINT;
CREATE INDEX ix_run_requester ON run (requested_by, run_trigger, status);
