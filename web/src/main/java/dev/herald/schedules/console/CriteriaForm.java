package dev.herald.schedules.console;

import dev.herald.reports.boundary.ParameterView;
import dev.herald.reports.control.RelativeDate;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Criteria between their JSON form (as schedules and criteria sets keep them) and the text the
 * editor's fields hold. A date range is a relative metric ("LAST_WEEK") or two dates written
 * "2026-11-01..2026-11-30". The server checks the values when the schedule is saved.
 */
final class CriteriaForm {

    private static final String RANGE = "..";

    private CriteriaForm() {}

    static void fill(ItemDraft draft, List<ParameterView> parameters, JsonObject criteria) {
        draft.setParameters(new ArrayList<>(parameters));
        draft.getValues().clear();
        draft.getMultiValues().clear();
        for (ParameterView parameter : parameters) {
            JsonValue value = criteria == null ? null : criteria.get(parameter.name());
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                value = parameter.defaultValue();
            }
            if ("MULTI_CHOICE".equals(parameter.type())) {
                List<String> chosen = new ArrayList<>();
                if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
                    value.asJsonArray().forEach(v -> chosen.add(text(v)));
                }
                draft.getMultiValues().put(parameter.name(), chosen);
            } else {
                draft.getValues().put(parameter.name(), value == null ? null : text(value));
            }
        }
    }

    static JsonObject toJson(ItemDraft draft) {
        JsonObjectBuilder criteria = Json.createObjectBuilder();
        for (ParameterView parameter : draft.getParameters()) {
            String name = parameter.name();
            if ("MULTI_CHOICE".equals(parameter.type())) {
                JsonArrayBuilder chosen = Json.createArrayBuilder();
                chosen(draft.getMultiValues().get(name)).forEach(chosen::add);
                criteria.add(name, chosen);
                continue;
            }
            String text = draft.getValues().get(name);
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

    /** The criteria in a line, for the list of a schedule's reports. */
    static String summary(ItemDraft draft) {
        StringJoiner line = new StringJoiner("; ");
        for (ParameterView parameter : draft.getParameters()) {
            String shown = "MULTI_CHOICE".equals(parameter.type())
                    ? String.join(", ", chosen(draft.getMultiValues().get(parameter.name())))
                    : draft.getValues().get(parameter.name());
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
    static List<String> chosen(Object value) {
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
