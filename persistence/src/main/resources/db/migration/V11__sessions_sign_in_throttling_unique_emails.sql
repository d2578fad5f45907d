-- Accounts hardening: sessions that follow the account, sign-in throttling per (account, address) and
-- per address instead of a lock-out anyone could trigger, and e-mail addresses unique without case.
-- Written once for both databases Herald runs on: PostgreSQL and H2 in PostgreSQL mode.

-- Sessions: a console or portal session remembers this stamp when it signs in and ends when the
-- account's stamp has moved on (disabled, password set by staff, roles changed, own new password).
ALTER TABLE app_user ADD COLUMN session_stamp BIGINT DEFAULT 0 NOT NULL;

-- The account-wide lock-out goes: it let a stranger lock anyone out. Failures are now counted in the
-- two tables below. A lock in force at upgrade time is forgotten (it had at most 15 minutes to run).
ALTER TABLE app_user DROP COLUMN failed_logins;
ALTER TABLE app_user DROP COLUMN first_failed_login_at;
ALTER TABLE app_user DROP COLUMN locked_until;

-- Failed sign-ins for one account from one address (IPv4, or an IPv6 /64 written as its prefix).
CREATE TABLE sign_in_account_throttle (
    user_id        BIGINT                   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    address        VARCHAR(64)              NOT NULL,
    failures       INTEGER                  NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, address)
);

-- Failed sign-ins from one address, whatever user name was typed (known or not).
CREATE TABLE sign_in_address_throttle (
    address        VARCHAR(64)              NOT NULL PRIMARY KEY,
    failures       INTEGER                  NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until  TIMESTAMP WITH TIME ZONE
);

-- Unique e-mail addresses. A database that already holds one address (in any case) on several
-- accounts keeps it on the oldest of them (the lowest id) and clears it on the others, each clearing
-- written to the audit log with the address before and none after, so that staff can give those
-- accounts their own addresses. Nothing else of theirs changes; until then they see no reports or
-- files offered by address.
INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, detail, remote_address,
                         before_state, after_state)
SELECT CURRENT_TIMESTAMP, NULL, 'user.email.cleared', 'user', CAST(u.id AS VARCHAR(20)),
       u.username || ': its e-mail address was also the address of an older account; e-mail addresses'
           || ' are unique from V11 on, so the older account kept it. Give this user their own address.',
       NULL,
       '{"email":"' || REPLACE(REPLACE(u.email, '\', '\\'), '"', '\"') || '"}',
       '{"email":null}'
FROM app_user u
WHERE u.email IS NOT NULL
  AND EXISTS (SELECT 1 FROM app_user o WHERE o.id < u.id AND LOWER(o.email) = LOWER(u.email));

UPDATE app_user
SET email = NULL
WHERE email IS NOT NULL
  AND EXISTS (SELECT 1 FROM app_user o WHERE o.id < app_user.id AND LOWER(o.email) = LOWER(app_user.email));

ALTER TABLE app_user ADD COLUMN email_key VARCHAR(320);
UPDATE app_user SET email_key = LOWER(email);
ALTER TABLE app_user ADD CONSTRAINT uq_app_user_email_key UNIQUE (email_key);
ALTER TABLE app_user ADD CONSTRAINT ck_app_user_email_key CHECK (email_key IS NOT DISTINCT FROM LOWER(email));
