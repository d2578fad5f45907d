package dev.herald.reports.boundary;

import jakarta.json.JsonValue;
import java.util.List;

/** A report parameter as the API shows it, with the options of a choice filled in. */
public record ParameterView(
        String name, String label, String type, boolean required, JsonValue defaultValue, List<String> options) {}
