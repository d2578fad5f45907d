-- Weekly summary reports over the service-desk data.

-- Two more facts about each ticket: who asked (a person at the client company) and whether an AI
-- assistant helped the technician. Rows loaded before this version get deterministic values; the
-- demo generator fills both for new rows.
ALTER TABLE servicedesk_ticket ADD COLUMN requester VARCHAR(200);
ALTER TABLE servicedesk_ticket ADD COLUMN ai_assisted BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE servicedesk_ticket
SET requester   = 'Contact ' || CAST(MOD(id * 7, 6) + 1 AS VARCHAR(4)) || ' of company ' || CAST(company_id AS VARCHAR(20)),
    ai_assisted = (NOT automated AND MOD(id, 3) = 0);

-- A schedule either delivers report items (REPORTS) or is the timetable of the summary reports
-- (SUMMARY, exactly one, not listed among the schedules). Names are unique per kind.
ALTER TABLE schedule ADD COLUMN kind VARCHAR(20) DEFAULT 'REPORTS' NOT NULL;
ALTER TABLE schedule DROP CONSTRAINT uq_schedule_name;
ALTER TABLE schedule ADD CONSTRAINT uq_schedule_name UNIQUE (kind, name_key);

INSERT INTO schedule (name, name_key, description, owner_id, enabled, run_on_demand, run_as_schedule, time_zone,
                      run_from, occurs_type, occurs_every, occurs_days, frequency_type, frequency_at,
                      misfire_policy, next_run_at, created_at, updated_at, version, kind)
SELECT 'Weekly summary reports', 'weekly summary reports', 'Service-desk summaries for business owners and managers',
       NULL, FALSE, FALSE, TRUE, o.time_zone, CURRENT_DATE, 'WEEKLY', 1, 'MONDAY', 'ONCE', TIME '08:00:00',
       'RUN_ONCE', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 'SUMMARY'
FROM organisation_settings o
WHERE o.id = 1;

-- The one row of summary-report settings; the schedule above is their timetable.
CREATE TABLE summary_settings (
    id                INTEGER                  NOT NULL PRIMARY KEY,
    enabled           BOOLEAN                  NOT NULL,
    organisation_name VARCHAR(200)             NOT NULL,
    -- Comma-separated, at most 50 each.
    owner_emails      VARCHAR(20000)           NOT NULL,
    manager_emails    VARCHAR(20000)           NOT NULL,
    period_days       INTEGER                  NOT NULL,
    send_day          VARCHAR(10)              NOT NULL,
    send_time         TIME                     NOT NULL,
    time_zone         VARCHAR(64)              NOT NULL,
    schedule_id       BIGINT                   NOT NULL REFERENCES schedule (id),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT ck_summary_settings_one CHECK (id = 1)
);
INSERT INTO summary_settings (id, enabled, organisation_name, owner_emails, manager_emails, period_days, send_day,
                              send_time, time_zone, schedule_id, updated_at, version)
SELECT 1, FALSE, o.client_name, '', '', 7, 'MONDAY', TIME '08:00:00', o.time_zone, s.id, CURRENT_TIMESTAMP, 0
FROM organisation_settings o
JOIN schedule s ON s.kind = 'SUMMARY'
WHERE o.id = 1;

-- A summary made by a run: one per audience. The run item's file is its PDF; this is its page.
CREATE TABLE summary_report (
    run_item_id       BIGINT       NOT NULL PRIMARY KEY REFERENCES run_item (id) ON DELETE CASCADE,
    audience          VARCHAR(10)  NOT NULL,
    organisation_name VARCHAR(200) NOT NULL,
    period_from       DATE         NOT NULL,
    period_to         DATE         NOT NULL,
    page              TEXT         NOT NULL
);

-- Links can be revoked; the first and latest openings are kept.
ALTER TABLE delivery ADD COLUMN link_revoked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN link_revoked_by VARCHAR(100);
ALTER TABLE delivery ADD COLUMN link_opened_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE delivery ADD COLUMN link_opens INTEGER DEFAULT 0 NOT NULL;
