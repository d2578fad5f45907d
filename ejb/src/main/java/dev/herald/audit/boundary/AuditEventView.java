package dev.herald.audit.boundary;

import dev.herald.audit.entity.AuditEvent;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** One line of the audit log, with the changed thing before and after as JSON (null when not a change). */
public record AuditEventView(
        long id,
        Instant occurredAt,
        String actor,
        String action,
        String targetType,
        String targetId,
        String detail,
        String remoteAddress,
        JsonValue before,
        JsonValue after) {

    static AuditEventView of(AuditEvent event) {
        return new AuditEventView(
                event.getId(),
                event.getOccurredAt(),
                event.getActor(),
                event.getAction(),
                event.getTargetType(),
                event.getTargetId(),
                event.getDetail(),
                event.getRemoteAddress(),
                parse(event.getBeforeState()),
                parse(event.getAfterState()));
    }

    private static JsonValue parse(String json) {
        if (json == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
