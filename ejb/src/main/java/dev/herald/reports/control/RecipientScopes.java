package dev.herald.reports.control;

import java.util.List;
import java.util.Map;

/**
 * The scope values a report is made with, by kind: one recipient's (a per-recipient file, a partner's
 * on-demand run) or the union of several recipients' (one pass split into their files). A report made
 * for nobody in particular has none ({@code null} where one is taken), and its bound parameters cover
 * every value.
 */
public record RecipientScopes(Map<String, Scope> byKind) {

    /** The values of one kind, with their names as the kind's lookup gives them (the value when it has none). */
    public record Scope(String kind, String label, boolean numeric, List<String> values, List<String> names) {

        public Scope {
            values = List.copyOf(values);
            names = List.copyOf(names);
        }
    }

    public RecipientScopes {
        byKind = Map.copyOf(byKind);
    }

    public Scope of(String kind) {
        return byKind.get(kind);
    }
}
