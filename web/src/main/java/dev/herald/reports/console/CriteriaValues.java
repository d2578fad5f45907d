package dev.herald.reports.console;

import dev.herald.reports.boundary.ParameterView;
import dev.herald.reports.control.RelativeDate;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A report's criteria as a form holds them: per parameter the text of its field, or for a multiple
 * choice what is chosen; to and from their JSON form (as schedules and criteria sets keep them). A
 * date range is a relative metric ("LAST_WEEK") or two dates written "2026-11-01..2026-11-30". The
 * server checks the values when they are used. The schedule editor and the Report Explorer share it,
 * with the fields of {@code /WEB-INF/includes/criteria.xhtml}. A parameter bound to a scope kind is
 * shown without a field and never written into the criteria: the server refuses criteria for it.
 */
public class CriteriaValues implements Serializable {

    private static final String RANGE = "..";
    private static final Map<String, String> RELATIVE_DATES = relativeDates();

    private List<ParameterView> parameters = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    /** Per multiple-choice parameter, what is chosen: a list, or the array Faces sets from the form. */
    private final Map<String, Object> multiValues = new LinkedHashMap<>();

    public CriteriaValues copy() {
        CriteriaValues copy = new CriteriaValues();
        copy.parameters = new ArrayList<>(parameters);
        copy.values.putAll(values);
        multiValues.forEach((name, chosen) -> copy.multiValues.put(name, chosen(chosen)));
        return copy;
    }

    /** Shows these parameters with the given criteria, each missing one with its default. */
    public void fill(List<ParameterView> parameters, JsonObject criteria) {
        this.parameters = new ArrayList<>(parameters);
        values.clear();
        multiValues.clear();
        for (ParameterView parameter : parameters) {
            if (isBound(parameter)) {
                continue; // filled from each recipient; criteria never set it
            }
            JsonValue value = criteria == null ? null : criteria.get(parameter.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                value = parameter.defaultValue();
            }
            if ("MULTI_CHOICE".equals(parameter.type())) {
                List<String> chosen = new ArrayList<>();
                if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
                    value.asJsonArray().forEach(v -> chosen.add(text(v)));
                }
                multiValues.put(parameter.name(), chosen);
            } else {
                values.put(parameter.name(), value == null ? null : text(value));
            }
        }
    }

    public JsonObject toJson() {
        JsonObjectBuilder criteria = Json.createObjectBuilder();
        for (ParameterView parameter : parameters) {
            String name = parameter.name();
            if (isBound(parameter)) {
                continue;
            }
            if ("MULTI_CHOICE".equals(parameter.type())) {
                JsonArrayBuilder chosen = Json.createArrayBuilder();
                chosen(multiValues.get(name)).forEach(chosen::add);
                criteria.add(name, chosen);
                continue;
            }
            String text = values.get(name);
            if (text == null || text.isBlank()) {
                continue;
            }
            String value = text.strip();
            switch (parameter.type()) {
                case "BOOLEAN" -> criteria.add(name, Boolean.parseBoolean(value));
                case "NUMBER" -> {
                    try {
                        criteria.add(name, new BigDecimal(value));
                    } catch (NumberFormatException notANumber) {
                        criteria.add(name, value);
                    }
                }
                case "DATE_RANGE" -> {
                    int dots = value.indexOf(RANGE);
                    if (dots > 0) {
                        criteria.add(
                                name,
                                Json.createObjectBuilder()
                                        .add("from", value.substring(0, dots).strip())
                                        .add(
                                                "to",
                                                value.substring(dots + RANGE.length())
                                                        .strip()));
                    } else {
                        criteria.add(name, value);
                    }
                }
                default -> criteria.add(name, value);
            }
        }
        return criteria.build();
    }

    /** The criteria in a line, for lists. */
    public String summary() {
        StringJoiner line = new StringJoiner("; ");
        for (ParameterView parameter : parameters) {
            if (isBound(parameter)) {
                continue;
            }
            String shown = "MULTI_CHOICE".equals(parameter.type())
                    ? String.join(", ", chosen(multiValues.get(parameter.name())))
                    : values.get(parameter.name());
            if (shown != null && !shown.isBlank()) {
                line.add(parameter.label() + ": " + relativeLabel(shown));
            }
        }
        return line.toString();
    }

    private static String relativeLabel(String value) {
        return Arrays.stream(RelativeDate.values())
                .filter(date -> date.name().equals(value))
                .map(RelativeDate::label)
                .findFirst()
                .orElse(value);
    }

    /** The options chosen in a multiple choice, whichever form the value arrived in. */
    private static List<String> chosen(Object value) {
        List<String> chosen = new ArrayList<>();
        if (value instanceof Object[] array) {
            for (Object option : array) {
                chosen.add(String.valueOf(option));
            }
        } else if (value instanceof Iterable<?> options) {
            options.forEach(option -> chosen.add(String.valueOf(option)));
        }
        return chosen;
    }

    private static Map<String, String> relativeDates() {
        Map<String, String> dates = new LinkedHashMap<>();
        for (RelativeDate date : RelativeDate.values()) {
            dates.put(date.label(), date.name());
        }
        return Collections.unmodifiableMap(dates);
    }

    /** The date metrics a date range may be, label to name, for the fields' choices. */
    public Map<String, String> getRelativeDates() {
        return RELATIVE_DATES;
    }

    /** The id of the field that edits a parameter in {@code criteria.xhtml}, for its label. */
    public String fieldOf(ParameterView parameter) {
        return switch (parameter.type()) {
            case "DATE_RANGE" -> "criterionRange";
            case "CHOICE" -> "criterionChoice";
            case "MULTI_CHOICE" -> "criterionMulti";
            case "BOOLEAN" -> "criterionBoolean";
            default -> "criterionText";
        };
    }

    /** A parameter filled from each recipient's values of a scope kind: no field, and never in the criteria. */
    public static boolean isBound(ParameterView parameter) {
        return parameter.scope() != null;
    }

    /** The scope kinds the report's parameters are bound to, in their order. */
    public List<String> getBoundKinds() {
        return parameters.stream()
                .filter(CriteriaValues::isBound)
                .map(ParameterView::scope)
                .distinct()
                .toList();
    }

    public List<ParameterView> getParameters() {
        return parameters;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Map<String, Object> getMultiValues() {
        return multiValues;
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
            case TRUE -> "true";
            case FALSE -> "false";
            case OBJECT -> {
                JsonObject range = value.asJsonObject();
                yield range.getString("from", "") + RANGE + range.getString("to", "");
            }
            default -> value.toString();
        };
    }
}
