package dev.herald.audit.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.entity.AuditEvent;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reading the audit log, newest first, filtered and paged in the database. */
@Stateless
@RolesAllowed(SecurityRoles.VIEW_AUDIT_LOG)
public class AuditTrail {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Page<AuditEventView> search(AuditFilter filter, Integer page, Integer size) {
        if (filter != null) {
            ValidationException.Builder problems = ValidationException.builder();
            AcceptedDates.check(filter.from(), "from", problems);
            AcceptedDates.check(filter.to(), "to", problems);
            problems.throwIfAny();
        }
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter != null) {
            if (present(filter.actor())) {
                conditions.add("e.actor = :actor");
                parameters.put("actor", filter.actor().strip().toLowerCase(Locale.ROOT));
            }
            if (present(filter.action())) {
                conditions.add("(e.action = :action OR e.action LIKE :actionPrefix ESCAPE '\\')");
                String action = filter.action().strip();
                parameters.put("action", action);
                parameters.put(
                        "actionPrefix",
                        action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%");
            }
            if (present(filter.targetType())) {
                conditions.add("e.targetType = :targetType");
                parameters.put("targetType", filter.targetType().strip());
            }
            if (present(filter.targetId())) {
                conditions.add("e.targetId = :targetId");
                parameters.put("targetId", filter.targetId().strip());
            }
            if (filter.from() != null) {
                conditions.add("e.occurredAt >= :from");
                parameters.put("from", filter.from());
            }
            if (filter.to() != null) {
                conditions.add("e.occurredAt < :to");
                parameters.put("to", filter.to());
            }
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<AuditEvent> query = em.createQuery(
                "SELECT e FROM AuditEvent e" + where + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<AuditEventView> items = query.setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(AuditEventView::of)
                .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
