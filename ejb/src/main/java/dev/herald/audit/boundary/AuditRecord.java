package dev.herald.audit.boundary;

/** What to write to the audit log; the time is added when it is written. */
public record AuditRecord(
        String actor, String action, String targetType, String targetId, String detail, String remoteAddress) {

    public static AuditRecord of(String actor, String action, String remoteAddress) {
        return new AuditRecord(actor, action, null, null, null, remoteAddress);
    }

    public AuditRecord about(String type, Object id) {
        return new AuditRecord(actor, action, type, id == null ? null : id.toString(), detail, remoteAddress);
    }

    public AuditRecord withDetail(String text) {
        return new AuditRecord(actor, action, targetType, targetId, text, remoteAddress);
    }
}
