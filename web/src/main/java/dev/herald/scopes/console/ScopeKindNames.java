package dev.herald.scopes.console;

import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.scopes.boundary.ScopeKindView;
import dev.herald.scopes.boundary.ScopeService;
import dev.herald.scopes.boundary.ScopeValueView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The declared scope kinds as the console's pages name them: a kind's label for its key ("Company"
 * for company), read once per request, and values with their names. A kind removed since keeps its
 * key as its label, and a value whose name cannot be read (the lookup fails) is shown as itself.
 */
@Named
@RequestScoped
public class ScopeKindNames {

    @Inject
    ScopeService scopes;

    private List<ScopeKindView> kinds;

    /** Kinds whose lookup failed in this request: not asked again until the next one. */
    private final java.util.Set<String> failing = new java.util.HashSet<>();

    /** Every declared kind, by label. */
    public List<ScopeKindView> getKinds() {
        if (kinds == null) {
            kinds = scopes.list();
        }
        return kinds;
    }

    /** The kind's label, or its key when it is not (or no longer) declared. */
    public String label(String kind) {
        if (kind == null) {
            return "";
        }
        return getKinds().stream()
                .filter(k -> k.kind().equals(kind))
                .map(ScopeKindView::label)
                .findFirst()
                .orElse(kind);
    }

    /** The label in lower case, for the middle of a sentence ("each recipient's company"). */
    public String lower(String kind) {
        return label(kind).toLowerCase(Locale.ROOT);
    }

    /**
     * Values by kind written out: "Company: Acme Ltd, Borealis Group; Promoter: Northern Lights".
     * Names come from each kind's lookup; when it cannot be read the values are shown as they are.
     */
    public String describe(Map<String, List<String>> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            parts.add(label(entry.getKey()) + ": " + String.join(", ", names(entry.getKey(), entry.getValue())));
        }
        return String.join("; ", parts);
    }

    /** The names of these values of a kind, in their order; the values themselves when the lookup fails. */
    public List<String> names(String kind, List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (failing.contains(kind)) {
            return values;
        }
        try {
            return scopes.named(kind, values).stream().map(ScopeValueView::name).toList();
        } catch (NotFoundException | UnavailableException e) {
            failing.add(kind);
            return values;
        }
    }

    /** Whether a kind's lookup failed while this page was made (its values are then shown as they are). */
    public boolean isFailing(String kind) {
        return failing.contains(kind);
    }

    /**
     * A short line for a list: "Company: Acme Ltd, Borealis Group and 3 more; Promoter: Northern
     * Lights". Empty when the account holds no value.
     */
    public String summary(Map<String, List<String>> values) {
        if (values == null || values.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            List<String> list = entry.getValue();
            List<String> names = names(entry.getKey(), list.subList(0, Math.min(2, list.size())));
            String more = list.size() > 2 ? " and " + (list.size() - 2) + " more" : "";
            parts.add(label(entry.getKey()) + ": " + String.join(", ", names) + more);
        }
        return String.join("; ", parts);
    }

    /** Values by kind, each with its name (for a list to choose from). */
    public Map<String, List<ScopeValueView>> named(Map<String, List<String>> values) {
        Map<String, List<ScopeValueView>> named = new LinkedHashMap<>();
        values.forEach((kind, list) -> {
            List<String> names = names(kind, list);
            List<ScopeValueView> pairs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                pairs.add(new ScopeValueView(list.get(i), names.get(i)));
            }
            named.put(kind, pairs);
        });
        return named;
    }

    /** Kinds' labels for a set of keys, joined: "Company and Promoter". */
    public String labels(List<String> keys) {
        return keys == null ? "" : keys.stream().map(this::label).collect(Collectors.joining(" and "));
    }
}
