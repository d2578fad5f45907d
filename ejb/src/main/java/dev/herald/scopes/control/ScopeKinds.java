package dev.herald.scopes.control;

import dev.herald.access.control.ScopeValues;
import dev.herald.access.entity.ScopeKind;
import dev.herald.access.entity.UserAccount;
import dev.herald.reports.control.RecipientScopes;
import dev.herald.reports.control.ReportEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scope kinds and the names of their values. A kind's values come from its lookup query over the
 * reporting data, run as the reporting account; they are kept for a minute, so that a run making a
 * thousand recipients' files asks once per kind, and forgotten at once when the kind changes.
 */
@ApplicationScoped
public class ScopeKinds implements ScopeValues {

    /** The most values a kind can have (its lookup answers no more). */
    public static final int MAX_VALUES = 10_000;

    private static final Duration KEPT = Duration.ofMinutes(1);

    private record Looked(Map<String, String> names, Instant at) {}

    private final Map<String, Looked> looked = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    ReportEngine engine;

    @Inject
    Clock clock;

    public List<ScopeKind> all() {
        return em.createNamedQuery(ScopeKind.ALL, ScopeKind.class).getResultList();
    }

    public ScopeKind find(String kind) {
        return kind == null ? null : em.find(ScopeKind.class, kind);
    }

    /** The kind's values and their names, in the lookup's order. */
    public Map<String, String> names(ScopeKind kind) throws SQLException {
        Looked kept = looked.get(kind.getKind());
        Instant now = clock.instant();
        if (kept != null && kept.at().plus(KEPT).isAfter(now)) {
            return kept.names();
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (ReportEngine.Named named : engine.lookup(kind.getLookupSql(), MAX_VALUES)) {
            names.putIfAbsent(named.value(), named.name());
        }
        Map<String, String> fixed = java.util.Collections.unmodifiableMap(names);
        looked.put(kind.getKind(), new Looked(fixed, now));
        return fixed;
    }

    @Override
    public String label(String kind) {
        ScopeKind found = find(kind);
        return found == null ? null : found.getLabel();
    }

    /**
     * The kind's values as its lookup answers them now (for checking values given to an account: a
     * promoter added to the data a moment ago can be given at once); what is kept is renewed.
     */
    @Override
    public Map<String, String> names(String kind) throws SQLException {
        ScopeKind found = find(kind);
        if (found == null) {
            return Map.of();
        }
        forget(kind);
        return names(found);
    }

    /** Forgets what a kind's lookup answered (its query changed, or it was removed). */
    public void forget(String kind) {
        looked.remove(kind);
    }

    /**
     * Scope values as a report binds them, with their names; a value the lookup no longer answers
     * keeps its value as its name (it still limits the rows, to ones that may no longer exist).
     */
    public RecipientScopes scopes(Map<String, List<String>> values) throws SQLException {
        Map<String, RecipientScopes.Scope> byKind = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            ScopeKind kind = find(entry.getKey());
            if (kind == null) {
                continue; // a removed kind: the report's bound parameter then finds no value and refuses
            }
            Map<String, String> names = names(kind);
            List<String> shown = new ArrayList<>();
            for (String value : entry.getValue()) {
                shown.add(names.getOrDefault(value, value));
            }
            byKind.put(
                    kind.getKind(),
                    new RecipientScopes.Scope(
                            kind.getKind(), kind.getLabel(), kind.isNumeric(), entry.getValue(), shown));
        }
        return new RecipientScopes(byKind);
    }

    /** The addresses among these whose accounts hold a value of one of these kinds (without case). */
    public List<String> limitedAmong(List<String> emails, java.util.Set<String> kinds) {
        if (emails.isEmpty() || kinds.isEmpty()) {
            return List.of();
        }
        List<String> keys =
                emails.stream().map(UserAccount::emailKey).distinct().toList();
        List<String> found = em.createQuery(
                        "SELECT DISTINCT u.emailKey FROM UserAccount u JOIN u.scopes s"
                                + " WHERE u.emailKey IN :keys AND s.kind IN :kinds",
                        String.class)
                .setParameter("keys", keys)
                .setParameter("kinds", List.copyOf(kinds))
                .getResultList();
        java.util.Set<String> limited = new java.util.HashSet<>(found);
        return emails.stream()
                .filter(email -> limited.contains(UserAccount.emailKey(email)))
                .toList();
    }
}
