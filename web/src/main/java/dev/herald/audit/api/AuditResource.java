package dev.herald.audit.api;

import dev.herald.audit.boundary.AuditEventView;
import dev.herald.audit.boundary.AuditFilter;
import dev.herald.audit.boundary.AuditTrail;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for holders of View Audit Log. */
@Tag(name = "Audit", description = "The audit log, for holders of View Audit Log.")
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Operation(
            summary = "Audit lines, newest first; filter by actor, action (and the actions under it), targetType,"
                    + " targetId, from (inclusive) and to (exclusive) as ISO-8601 instants")
    public Page<AuditEventView> search(
            @QueryParam("actor") String actor,
            @QueryParam("action") String action,
            @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        ValidationException.Builder problems = ValidationException.builder();
        Instant fromInstant = instant(from, "from", problems);
        Instant toInstant = instant(to, "to", problems);
        problems.throwIfAny();
        return trail.search(new AuditFilter(actor, action, targetType, targetId, fromInstant, toInstant), page, size);
    }

    private static Instant instant(String text, String field, ValidationException.Builder problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field, "Give an instant with its offset, such as 2026-11-25T09:00:00Z.");
            return null;
        }
    }
}
