-- User administration and a fuller audit log: what a change looked like before and after it, and
-- the action names in one style (lower case, dotted) for all of Herald.

ALTER TABLE audit_event ADD COLUMN before_state VARCHAR(8000);
ALTER TABLE audit_event ADD COLUMN after_state VARCHAR(8000);
CREATE INDEX ix_audit_event_action ON audit_event (action, occurred_at);
CREATE INDEX ix_audit_event_target ON audit_event (target_type, target_id);

UPDATE audit_event SET action = 'login' WHERE action = 'LOGIN';
UPDATE audit_event SET action = 'login.failed' WHERE action = 'LOGIN_FAILED';
UPDATE audit_event SET action = 'login.refused.locked' WHERE action = 'LOGIN_REFUSED_LOCKED';
UPDATE audit_event SET action = 'user.locked' WHERE action = 'ACCOUNT_LOCKED';
UPDATE audit_event SET action = 'token.create' WHERE action = 'TOKEN_CREATED';
UPDATE audit_event SET action = 'token.revoke' WHERE action = 'TOKEN_REVOKED';
UPDATE audit_event SET action = 'token.refused' WHERE action = 'TOKEN_REFUSED';

ALTER TABLE app_user ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_app_user_email ON app_user (email);
