package dev.herald.usage.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;

/**
 * The criteria of the tenant usage export for a usage report or a scheduled task: its days (fixed
 * for a report generated now, a date metric for a task), its tenants, and whether one row per day.
 */
public final class UsageCriteria {

    private UsageCriteria() {}

    public static String of(
            JsonValue period,
            Long tenantId,
            String name,
            List<String> status,
            List<String> plan,
            List<String> region,
            boolean daily) {
        JsonObjectBuilder criteria =
                Json.createObjectBuilder().add("period", period).add("daily", daily);
        if (tenantId != null) {
            criteria.add("tenantId", tenantId);
        }
        if (name != null && !name.isBlank()) {
            criteria.add("name", name.strip());
        }
        criteria.add("status", array(status)).add("plan", array(plan)).add("region", array(region));
        return criteria.build().toString();
    }

    public static JsonValue days(LocalDate from, LocalDate to) {
        return Json.createObjectBuilder()
                .add("from", from.toString())
                .add("to", to.toString())
                .build();
    }

    public static JsonValue metric(String metric) {
        return Json.createValue(metric);
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        if (values != null) {
            values.forEach(array::add);
        }
        return array;
    }
}
