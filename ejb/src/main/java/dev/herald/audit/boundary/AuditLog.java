package dev.herald.audit.boundary;

import dev.herald.audit.entity.AuditEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;

/**
 * Adds lines to the audit log, in the caller's transaction: a change and its audit line are
 * committed together or not at all.
 */
@Stateless
@PermitAll
public class AuditLog {

    private static final int MAX_DETAIL = 4000;
    private static final int MAX_STATE = 8000;

    /** Made on first use, so that loading the class needs no JSON-B provider (unit tests replace the log). */
    private static final class Json {
        static final Jsonb JSONB = JsonbBuilder.create();
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(AuditRecord entry) {
        AuditEvent event = new AuditEvent(
                clock.instant(),
                truncate(entry.actor(), 100),
                entry.action(),
                entry.targetType(),
                truncate(entry.targetId(), 100),
                truncate(entry.detail(), MAX_DETAIL),
                truncate(entry.remoteAddress(), 64));
        event.setStates(json(entry.before()), json(entry.after()));
        em.persist(event);
    }

    /** A state too large for its column is cut and marked, rather than failing the change it describes. */
    private static String json(Object state) {
        if (state == null) {
            return null;
        }
        String text = Json.JSONB.toJson(state);
        return text.length() <= MAX_STATE
                ? text
                : Json.JSONB.toJson(Map.of("truncated", text.substring(0, MAX_STATE / 2)));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
