package dev.herald.audit.boundary;

import dev.herald.audit.entity.AuditEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Adds lines to the audit log, in the caller's transaction: a change and its audit line are
 * committed together or not at all.
 */
@Stateless
@PermitAll
public class AuditLog {

    private static final int MAX_DETAIL = 4000;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    public void record(AuditRecord entry) {
        em.persist(new AuditEvent(
                clock.instant(),
                truncate(entry.actor(), 100),
                entry.action(),
                entry.targetType(),
                truncate(entry.targetId(), 100),
                truncate(entry.detail(), MAX_DETAIL),
                truncate(entry.remoteAddress(), 64)));
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
