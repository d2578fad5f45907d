package dev.herald.reports.control;

import dev.herald.rendering.control.Criterion;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Criteria checked against a report's parameters and resolved for one run: the values the SQL binds,
 * the criteria as the output states them, and the criteria as given with defaults filled in.
 */
public record ResolvedCriteria(Map<String, Binding> bindings, List<Criterion> criteria, JsonObject effective) {}
