/** Writing the audit log (AuditLog, in the caller's transaction) and reading it (AuditTrail, with View Audit Log). */
package dev.herald.audit.boundary;
