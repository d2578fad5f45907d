-- Recipient scopes (issue 19). A scope kind names a kind of thing in the reporting data that an
-- account can be limited to (a promoter, a company, a tenant); its lookup query (run as the
-- reporting account) gives the values and their names. Accounts hold values of kinds; a report
-- parameter bound to a kind is filled from the recipient's values and from nothing else.
CREATE TABLE scope_kind (
    kind       VARCHAR(40)   NOT NULL PRIMARY KEY,
    label      VARCHAR(100)  NOT NULL,
    value_type VARCHAR(10)   NOT NULL,
    lookup_sql VARCHAR(4000) NOT NULL,
    version    BIGINT        NOT NULL,
    CONSTRAINT ck_scope_kind_value_type CHECK (value_type IN ('TEXT', 'NUMBER'))
);
INSERT INTO scope_kind (kind, label, value_type, lookup_sql, version) VALUES
    ('promoter', 'Promoter', 'NUMBER', 'SELECT id, name FROM ticketing_promoter ORDER BY name, id', 0),
    ('company', 'Company', 'NUMBER', 'SELECT id, name FROM servicedesk_company ORDER BY name, id', 0),
    ('tenant', 'Tenant', 'NUMBER', 'SELECT id, name FROM usage_tenant ORDER BY name, id', 0);

CREATE TABLE account_scope (
    user_id     BIGINT       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind        VARCHAR(40)  NOT NULL REFERENCES scope_kind (kind),
    scope_value VARCHAR(200) NOT NULL,
    PRIMARY KEY (user_id, kind, scope_value)
);
CREATE INDEX ix_account_scope_kind ON account_scope (kind, user_id);

-- A schedule item made once per recipient, each with their own scope values; its recipients are
-- those listed, or every enabled account holding a value of recipient_scope_kind.
ALTER TABLE scheduled_report ADD COLUMN per_recipient BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE scheduled_report ADD COLUMN recipient_scope_kind VARCHAR(40) REFERENCES scope_kind (kind);

-- A run item made for one recipient: the scope values it was made with ({"promoter": ["12"]}),
-- and the account it was made for.
ALTER TABLE run_item ADD COLUMN scope_values VARCHAR(4000);
ALTER TABLE run_item ADD COLUMN made_for VARCHAR(100);
