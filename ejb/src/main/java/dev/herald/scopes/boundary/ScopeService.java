package dev.herald.scopes.boundary;

import dev.herald.access.entity.ScopeKind;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.control.SqlReportCheck;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.scopes.control.ScopeKinds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scope kinds: staff read them and their values (to limit accounts, to choose data-driven
 * recipients); Super Administrators declare them, as their lookup is SQL over the reporting data
 * (checked as a SQL report's query is, and run as the reporting account). A kind that accounts hold,
 * a report binds or a schedule item names cannot be removed.
 */
@Stateless
@RolesAllowed(SecurityRoles.STAFF)
public class ScopeService {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final int MAX_SHOWN = 200;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    ScopeKinds kinds;

    @Inject
    ReportEngine engine;

    @Inject
    AuditLog auditLog;

    public List<ScopeKindView> list() {
        Map<String, Long> holders = holders();
        return kinds.all().stream()
                .map(kind -> view(kind, holders.getOrDefault(kind.getKind(), 0L)))
                .toList();
    }

    public ScopeKindView get(String kind) {
        ScopeKind found = find(kind);
        return view(found, holders().getOrDefault(found.getKind(), 0L));
    }

    /**
     * The kind's values whose value or name contains {@code q} (without case), at most {@code limit}
     * (200 at most), in the lookup's order.
     */
    public List<ScopeValueView> values(String kind, String q, Integer limit) {
        ScopeKind found = find(kind);
        int most = limit == null ? 50 : Math.max(1, Math.min(MAX_SHOWN, limit));
        if (q != null && q.length() > 200) {
            throw ValidationException.of("q", "At most 200 characters");
        }
        String wanted = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<ScopeValueView> values = new ArrayList<>();
        for (Map.Entry<String, String> entry : names(found).entrySet()) {
            if (wanted.isEmpty()
                    || entry.getKey().toLowerCase(Locale.ROOT).contains(wanted)
                    || entry.getValue().toLowerCase(Locale.ROOT).contains(wanted)) {
                values.add(new ScopeValueView(entry.getKey(), entry.getValue()));
                if (values.size() == most) {
                    break;
                }
            }
        }
        return values;
    }

    /** The names of these values of a kind (a value the lookup no longer answers keeps itself as its name). */
    public List<ScopeValueView> named(String kind, List<String> values) {
        Map<String, String> names = names(find(kind));
        return values.stream()
                .map(value -> new ScopeValueView(value, names.getOrDefault(value, value)))
                .toList();
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public ScopeKindView create(ScopeKindInput input, String remoteAddress) {
        ValidationException.Builder problems = ValidationException.builder();
        String key = input == null ? null : input.kind();
        if (key == null || !KIND.matcher(key).matches()) {
            problems.add("kind", "2–40 lower-case letters, digits or hyphens, beginning with a letter");
        } else if (em.find(ScopeKind.class, key) != null) {
            problems.add("kind", "There is already a scope kind called " + key);
        }
        ScopeKind kind = new ScopeKind(key);
        apply(kind, input, problems);
        problems.throwIfAny();
        em.persist(kind);
        em.flush();
        auditLog.record(AuditRecord.of(caller(), "scope-kind.create", remoteAddress)
                .about("scope-kind", key)
                .withDetail(kind.getLabel())
                .change(null, snapshot(kind)));
        return view(kind, 0);
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public ScopeKindView update(String key, ScopeKindInput input, String remoteAddress) {
        ScopeKind kind = find(key);
        if (input != null && input.kind() != null && !input.kind().equals(key)) {
            throw ValidationException.of("kind", "A scope kind's key cannot be changed");
        }
        if (input != null
                && input.valueType() != null
                && !input.valueType().equals(kind.getValueType())
                && holders().getOrDefault(key, 0L) > 0) {
            throw ValidationException.of(
                    "valueType", "Accounts hold values of this kind: its value type cannot change");
        }
        Map<String, Object> before = snapshot(kind);
        ValidationException.Builder problems = ValidationException.builder();
        apply(kind, input, problems);
        problems.throwIfAny();
        em.flush();
        kinds.forget(key);
        auditLog.record(AuditRecord.of(caller(), "scope-kind.update", remoteAddress)
                .about("scope-kind", key)
                .withDetail(kind.getLabel())
                .change(before, snapshot(kind)));
        return get(key);
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public void delete(String key, String remoteAddress) {
        ScopeKind kind = find(key);
        long holders = holders().getOrDefault(key, 0L);
        if (holders > 0) {
            throw new ConflictException(holders + " account" + (holders == 1 ? " holds" : "s hold") + " values of "
                    + kind.getLabel() + "; take them away first");
        }
        List<String> binding =
                em.createQuery("SELECT d FROM ReportDefinition d", ReportDefinition.class).getResultList().stream()
                        .filter(d -> ReportSpecs.parameters(d.getParametersJson()).stream()
                                .anyMatch(p -> key.equals(p.scope())))
                        .map(ReportDefinition::getName)
                        .toList();
        if (!binding.isEmpty()) {
            throw new ConflictException(
                    "Reports bind a parameter to " + kind.getLabel() + ": " + String.join(", ", binding));
        }
        Number items =
                (Number) em.createNativeQuery("SELECT COUNT(*) FROM scheduled_report WHERE recipient_scope_kind = ?1")
                        .setParameter(1, key)
                        .getSingleResult();
        if (items.longValue() > 0) {
            throw new ConflictException(items + " schedule item(s) send to every account holding " + kind.getLabel());
        }
        Map<String, Object> before = snapshot(kind);
        em.remove(kind);
        em.flush();
        kinds.forget(key);
        auditLog.record(AuditRecord.of(caller(), "scope-kind.delete", remoteAddress)
                .about("scope-kind", key)
                .withDetail(before.get("label").toString())
                .change(before, null));
    }

    private void apply(ScopeKind kind, ScopeKindInput input, ValidationException.Builder problems) {
        if (input == null) {
            problems.add("label", "Send the scope kind");
            return;
        }
        String label = input.label() == null ? "" : input.label().strip();
        if (label.isEmpty() || label.length() > 100) {
            problems.add("label", "Enter a name of 1–100 characters");
        }
        String valueType = input.valueType() == null ? ScopeKind.TEXT : input.valueType();
        if (!ScopeKind.TEXT.equals(valueType) && !ScopeKind.NUMBER.equals(valueType)) {
            problems.add("valueType", "TEXT or NUMBER");
        }
        String sql = input.lookupSql();
        ValidationException.Builder sqlProblems = ValidationException.builder();
        SqlReportCheck.check(sql, List.of(), "lookupSql", sqlProblems);
        if (sql != null && sql.length() > 4000) {
            sqlProblems.add("lookupSql", "At most 4,000 characters");
        }
        try {
            sqlProblems.throwIfAny();
        } catch (ValidationException e) {
            problems.addAll(e);
            return;
        }
        try {
            for (ReportEngine.Named named : engine.lookup(sql, ScopeKinds.MAX_VALUES)) {
                if (ScopeKind.NUMBER.equals(valueType) && !named.value().strip().matches("-?[0-9]{1,18}")) {
                    problems.add(
                            "lookupSql",
                            "The lookup answers " + named.value()
                                    + ", which is not a whole number: choose TEXT or a query whose first column is a number");
                    break;
                }
            }
        } catch (SQLException e) {
            problems.add("lookupSql", "The lookup failed: " + e.getMessage());
        }
        kind.setLabel(label);
        kind.setValueType(valueType);
        kind.setLookupSql(sql);
    }

    private Map<String, String> names(ScopeKind kind) {
        try {
            return kinds.names(kind);
        } catch (SQLException e) {
            throw new UnavailableException("The values of " + kind.getLabel()
                    + " could not be read from the reporting data: " + e.getMessage());
        }
    }

    private Map<String, Long> holders() {
        Map<String, Long> holders = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT kind, COUNT(DISTINCT user_id) FROM account_scope GROUP BY kind")
                .getResultList()) {
            Object[] columns = (Object[]) row;
            holders.put((String) columns[0], ((Number) columns[1]).longValue());
        }
        return holders;
    }

    private ScopeKind find(String key) {
        ScopeKind kind = kinds.find(key);
        if (kind == null) {
            throw new NotFoundException("scope kind", key);
        }
        return kind;
    }

    private static ScopeKindView view(ScopeKind kind, long accounts) {
        return new ScopeKindView(
                kind.getKind(), kind.getLabel(), kind.getValueType(), kind.getLookupSql(), accounts, kind.getVersion());
    }

    private static Map<String, Object> snapshot(ScopeKind kind) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", kind.getKind());
        state.put("label", kind.getLabel());
        state.put("valueType", kind.getValueType());
        state.put("lookupSql", kind.getLookupSql());
        return state;
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
