-- Schedule changes are audited in the style of every other action (lower case, dotted), so that a
-- search for "schedule" finds them.

UPDATE audit_event SET action = 'schedule.create' WHERE action = 'SCHEDULE_CREATED';
UPDATE audit_event SET action = 'schedule.update' WHERE action = 'SCHEDULE_UPDATED';
UPDATE audit_event SET action = 'schedule.delete' WHERE action = 'SCHEDULE_DELETED';
UPDATE audit_event SET action = 'schedule.enable' WHERE action = 'SCHEDULE_ENABLED';
UPDATE audit_event SET action = 'schedule.disable' WHERE action = 'SCHEDULE_DISABLED';
