package dev.herald.audit.boundary;

/**
 * What to write to the audit log; the time is added when it is written. A change carries the changed
 * thing before and after it (records or maps, written as JSON), never a secret or a password hash.
 */
public record AuditRecord(
        String actor,
        String action,
        String targetType,
        String targetId,
        String detail,
        String remoteAddress,
        Object before,
        Object after) {

    public static AuditRecord of(String actor, String action, String remoteAddress) {
        return new AuditRecord(actor, action, null, null, null, remoteAddress, null, null);
    }

    public AuditRecord about(String type, Object id) {
        return new AuditRecord(
                actor, action, type, id == null ? null : id.toString(), detail, remoteAddress, before, after);
    }

    public AuditRecord withDetail(String text) {
        return new AuditRecord(actor, action, targetType, targetId, text, remoteAddress, before, after);
    }

    public AuditRecord change(Object beforeState, Object afterState) {
        return new AuditRecord(actor, action, targetType, targetId, detail, remoteAddress, beforeState, afterState);
    }
}
