package dev.herald.reports.control;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.reports.entity.ReportDefinition;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's parameters and columns as the JSON kept in {@code report_definition}:
 * {@code [{"name","label","type","required","default","options","lookupSql","scope"}]} and
 * {@code [{"name","label","type","format","total","width"}]}.
 */
public final class ReportSpecs {

    private ReportSpecs() {}

    public static ReportSpec of(ReportDefinition definition) {
        return new ReportSpec(
                definition.getKey(),
                definition.getName(),
                definition.getDescription(),
                definition.getCategory(),
                definition.isBuiltIn(),
                definition.getQuerySql(),
                parameters(definition.getParametersJson()),
                columns(definition.getColumnsJson()));
    }

    public static String parametersJson(List<ParameterSpec> parameters) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ParameterSpec p : parameters) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("name", p.name())
                    .add("label", p.label())
                    .add("type", p.type().name())
                    .add("required", p.required());
            if (p.defaultValue() != null) {
                o.add("default", p.defaultValue());
            }
            if (!p.options().isEmpty()) {
                o.add("options", Json.createArrayBuilder(p.options()));
            }
            if (p.lookupSql() != null) {
                o.add("lookupSql", p.lookupSql());
            }
            if (p.scope() != null) {
                o.add("scope", p.scope());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    public static String columnsJson(List<ColumnSpec> columns) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (ColumnSpec c : columns) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("name", c.name())
                    .add("label", c.label())
                    .add("type", c.type().name())
                    .add("total", c.total())
                    .add("width", c.width());
            if (c.format() != null) {
                o.add("format", c.format());
            }
            array.add(o);
        }
        return array.build().toString();
    }

    public static List<ParameterSpec> parameters(String json) {
        List<ParameterSpec> parameters = new ArrayList<>();
        for (JsonValue value : array(json)) {
            JsonObject o = value.asJsonObject();
            List<String> options = new ArrayList<>();
            if (o.containsKey("options")) {
                o.getJsonArray("options").getValuesAs(JsonString.class).forEach(s -> options.add(s.getString()));
            }
            parameters.add(new ParameterSpec(
                    o.getString("name"),
                    o.getString("label"),
                    ParameterType.valueOf(o.getString("type")),
                    o.getBoolean("required", false),
                    o.get("default"),
                    options,
                    o.getString("lookupSql", null),
                    o.getString("scope", null)));
        }
        return parameters;
    }

    public static List<ColumnSpec> columns(String json) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (JsonValue value : array(json)) {
            JsonObject o = value.asJsonObject();
            columns.add(new ColumnSpec(
                    o.getString("name"),
                    o.getString("label"),
                    ColumnType.valueOf(o.getString("type")),
                    o.getString("format", null),
                    o.getBoolean("total", false),
                    o.getInt("width", 0)));
        }
        return columns;
    }

    private static JsonArray array(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readArray();
        }
    }

    public static JsonObject object(String json) {
        if (json == null || json.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** The scope kinds a report's parameters (as kept in report_definition) are bound to, sorted. */
    public static java.util.Set<String> boundKinds(String parametersJson) {
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (ParameterSpec parameter : parameters(parametersJson)) {
            if (parameter.scope() != null) {
                kinds.add(parameter.scope());
            }
        }
        return kinds;
    }
}
