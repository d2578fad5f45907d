package dev.herald.reports.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Criteria sets: named, saved criteria for one report, made in the Report Explorer and chosen when
 * a report is added to a schedule. Reading needs any staff role; changing needs Manage Reports.
 */
@Stateless
@RolesAllowed(SecurityRoles.STAFF)
public class CriteriaSetService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    ReportEngine engine;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public List<CriteriaSetView> list(String reportKey) {
        ReportDefinition report = report(reportKey);
        return em
                .createQuery("SELECT c FROM CriteriaSet c WHERE c.report = :report ORDER BY c.name", CriteriaSet.class)
                .setParameter("report", report)
                .getResultList()
                .stream()
                .map(CriteriaSetService::view)
                .toList();
    }

    public CriteriaSetView get(long id) {
        return view(find(id));
    }

    @RolesAllowed(SecurityRoles.MANAGE_REPORTS)
    public CriteriaSetView create(String reportKey, CriteriaSetInput input, String remoteAddress) {
        ReportDefinition report = report(reportKey);
        Valid valid = check(report, input, null);
        CriteriaSet set = new CriteriaSet(report, valid.name(), valid.criteria().toString(), clock.instant());
        em.persist(set);
        em.flush();
        CriteriaSetView view = view(set);
        audit("criteria-set.create", view, remoteAddress);
        return view;
    }

    /**
     * Changes a set made against {@code expected}, compared under the row's lock in the transaction
     * that writes: of two changes made against one version, one is saved and the other is stale.
     */
    @RolesAllowed(SecurityRoles.MANAGE_REPORTS)
    public CriteriaSetView update(long id, CriteriaSetInput input, ExpectedVersion expected, String remoteAddress) {
        CriteriaSet set = findLocked(id);
        expected.check("criteria set", id, set.getVersion());
        Valid valid = check(set.getReport(), input, set.getId());
        set.change(valid.name(), valid.criteria().toString(), clock.instant());
        em.flush();
        CriteriaSetView view = view(set);
        audit("criteria-set.update", view, remoteAddress);
        return view;
    }

    /** Deletes a set; schedule items that were made from it keep their own copy of its criteria. */
    @RolesAllowed(SecurityRoles.MANAGE_REPORTS)
    public void delete(long id, ExpectedVersion expected, String remoteAddress) {
        CriteriaSet set = findLocked(id);
        expected.check("criteria set", id, set.getVersion());
        CriteriaSetView view = view(set);
        em.createQuery("UPDATE ScheduledReport i SET i.criteriaSet = NULL WHERE i.criteriaSet = :set")
                .setParameter("set", set)
                .executeUpdate();
        em.remove(set);
        audit("criteria-set.delete", view, remoteAddress);
    }

    private record Valid(String name, JsonObject criteria) {}

    private Valid check(ReportDefinition report, CriteriaSetInput input, Long id) {
        ValidationException.Builder errors = ValidationException.builder();
        String name = input == null || input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add("name", "Enter a name of at most 200 characters");
        } else {
            boolean taken = em.createQuery(
                            "SELECT c FROM CriteriaSet c WHERE c.report = :report AND LOWER(c.name) = :name",
                            CriteriaSet.class)
                    .setParameter("report", report)
                    .setParameter("name", name.toLowerCase(Locale.ROOT))
                    .getResultStream()
                    .anyMatch(other -> !other.getId().equals(id));
            if (taken) {
                errors.add("name", "This report already has a criteria set called '" + name + "'");
            }
        }
        JsonObject criteria =
                input == null || input.criteria() == null ? JsonValue.EMPTY_JSON_OBJECT : input.criteria();
        ReportSpec spec = ReportSpecs.of(report);
        try {
            criteria = engine.check(spec, criteria, "criteria");
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        errors.throwIfAny();
        return new Valid(name, criteria);
    }

    private ReportDefinition report(String key) {
        return engine.definition(key).orElseThrow(() -> new NotFoundException("report", key));
    }

    private CriteriaSet findLocked(long id) {
        return checked(id, em.find(CriteriaSet.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private CriteriaSet find(long id) {
        return checked(id, em.find(CriteriaSet.class, id));
    }

    private static CriteriaSet checked(long id, CriteriaSet set) {
        if (set == null) {
            throw new NotFoundException("criteria set", id);
        }
        return set;
    }

    private static CriteriaSetView view(CriteriaSet set) {
        return new CriteriaSetView(
                set.getId(),
                set.getReport().getKey(),
                set.getName(),
                ReportSpecs.object(set.getCriteria()),
                set.getUpdatedAt(),
                set.getVersion());
    }

    private void audit(String action, CriteriaSetView view, String remoteAddress) {
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), action, remoteAddress)
                .about("criteria-set", view.id())
                .withDetail("{\"report\":\"" + view.reportKey() + "\",\"criteria\":" + view.criteria() + "}"));
    }
}
