-- The report catalog in full (query, parameters, columns), organisation settings, and the demo
-- reporting schema: venue ticketing, service desk and tenant usage. The demo rows themselves are
-- written by Herald's generator at start-up (dev.herald.demo), so that their dates follow "now".

ALTER TABLE report_definition ADD COLUMN query_sql VARCHAR(20000);
ALTER TABLE report_definition ADD COLUMN parameters_json VARCHAR(20000);
ALTER TABLE report_definition ADD COLUMN columns_json VARCHAR(20000);
ALTER TABLE report_definition ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;

-- One row: the organisation Herald works for.
CREATE TABLE organisation_settings (
    id                      INTEGER        NOT NULL PRIMARY KEY,
    client_name             VARCHAR(200)   NOT NULL,
    time_zone               VARCHAR(64)    NOT NULL,
    from_address            VARCHAR(320),
    attachment_limit_bytes  BIGINT         NOT NULL,
    link_lifetime_days      INTEGER        NOT NULL,
    file_retention_days     INTEGER        NOT NULL,
    version                 BIGINT         NOT NULL,
    CONSTRAINT ck_organisation_settings_one CHECK (id = 1)
);
INSERT INTO organisation_settings (id, client_name, time_zone, from_address, attachment_limit_bytes,
                                   link_lifetime_days, file_retention_days, version)
VALUES (1, 'Herald Demo Theatre', 'Europe/London', NULL, 10485760, 30, 90, 0);

-- Which generator filled the demo tables, and for which day; its primary key lets only one of
-- several instances starting together do it.
CREATE TABLE demo_data_load (
    id         INTEGER                  NOT NULL PRIMARY KEY,
    scale      INTEGER                  NOT NULL,
    anchor_day DATE                     NOT NULL,
    row_count  BIGINT                   NOT NULL,
    loaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Venue ticketing
CREATE TABLE ticketing_event (
    id        BIGINT       NOT NULL PRIMARY KEY,
    name      VARCHAR(200) NOT NULL,
    genre     VARCHAR(60)  NOT NULL,
    venue     VARCHAR(100) NOT NULL,
    promoter  VARCHAR(100) NOT NULL,
    status    VARCHAR(10)  NOT NULL
);
CREATE TABLE ticketing_event_attribute (
    event_id  BIGINT      NOT NULL REFERENCES ticketing_event (id),
    attribute VARCHAR(60) NOT NULL,
    PRIMARY KEY (event_id, attribute)
);
CREATE INDEX ix_ticketing_event_attribute ON ticketing_event_attribute (attribute);
CREATE TABLE ticketing_performance (
    id        BIGINT                   NOT NULL PRIMARY KEY,
    event_id  BIGINT                   NOT NULL REFERENCES ticketing_event (id),
    starts_at TIMESTAMP WITH TIME ZONE NOT NULL,
    capacity  INTEGER                  NOT NULL
);
CREATE INDEX ix_ticketing_performance_starts ON ticketing_performance (starts_at);
CREATE INDEX ix_ticketing_performance_event ON ticketing_performance (event_id);
CREATE TABLE ticketing_customer (
    id               BIGINT                   NOT NULL PRIMARY KEY,
    first_name       VARCHAR(100)             NOT NULL,
    last_name        VARCHAR(100)             NOT NULL,
    email            VARCHAR(320)             NOT NULL,
    city             VARCHAR(100)             NOT NULL,
    postcode         VARCHAR(20)              NOT NULL,
    marketing_opt_in BOOLEAN                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE ticketing_order (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    customer_id BIGINT                   NOT NULL REFERENCES ticketing_customer (id),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    channel     VARCHAR(20)              NOT NULL
);
CREATE INDEX ix_ticketing_order_created ON ticketing_order (created_at);
CREATE INDEX ix_ticketing_order_customer ON ticketing_order (customer_id);
CREATE TABLE ticketing_ticket (
    id             BIGINT         NOT NULL PRIMARY KEY,
    order_id       BIGINT         NOT NULL REFERENCES ticketing_order (id),
    performance_id BIGINT         NOT NULL REFERENCES ticketing_performance (id),
    price_band     VARCHAR(20)    NOT NULL,
    price          NUMERIC(10, 2) NOT NULL,
    status         VARCHAR(10)    NOT NULL
);
CREATE INDEX ix_ticketing_ticket_order ON ticketing_ticket (order_id);
CREATE INDEX ix_ticketing_ticket_performance ON ticketing_ticket (performance_id);
CREATE TABLE ticketing_payment (
    id       BIGINT                   NOT NULL PRIMARY KEY,
    order_id BIGINT                   NOT NULL REFERENCES ticketing_order (id),
    paid_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    amount   NUMERIC(10, 2)           NOT NULL,
    method   VARCHAR(20)              NOT NULL,
    kind     VARCHAR(10)              NOT NULL
);
CREATE INDEX ix_ticketing_payment_paid ON ticketing_payment (paid_at);
CREATE INDEX ix_ticketing_payment_order ON ticketing_payment (order_id);

-- Service desk
CREATE TABLE servicedesk_company (
    id       BIGINT       NOT NULL PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    industry VARCHAR(60)  NOT NULL
);
CREATE TABLE servicedesk_technician (
    id   BIGINT       NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    team VARCHAR(60)  NOT NULL
);
CREATE TABLE servicedesk_ticket (
    id                     BIGINT                   NOT NULL PRIMARY KEY,
    company_id             BIGINT                   NOT NULL REFERENCES servicedesk_company (id),
    technician_id          BIGINT                   REFERENCES servicedesk_technician (id),
    subject                VARCHAR(300)             NOT NULL,
    category               VARCHAR(60)              NOT NULL,
    priority               VARCHAR(10)              NOT NULL,
    status                 VARCHAR(20)              NOT NULL,
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    first_response_at      TIMESTAMP WITH TIME ZONE,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    first_response_minutes INTEGER,
    resolution_minutes     INTEGER,
    escalated              BOOLEAN                  NOT NULL,
    escalation_level       INTEGER                  NOT NULL,
    automated              BOOLEAN                  NOT NULL,
    sentiment              NUMERIC(4, 2)            NOT NULL,
    satisfaction           INTEGER
);
CREATE INDEX ix_servicedesk_ticket_opened ON servicedesk_ticket (opened_at);

-- Tenant usage
CREATE TABLE usage_tenant (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    status     VARCHAR(20)              NOT NULL,
    plan       VARCHAR(20)              NOT NULL,
    region     VARCHAR(40)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE usage_daily (
    tenant_id     BIGINT         NOT NULL REFERENCES usage_tenant (id),
    usage_day     DATE           NOT NULL,
    active_users  INTEGER        NOT NULL,
    voice_credits NUMERIC(12, 2) NOT NULL,
    sms_credits   NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (tenant_id, usage_day)
);
CREATE INDEX ix_usage_daily_day ON usage_daily (usage_day);
