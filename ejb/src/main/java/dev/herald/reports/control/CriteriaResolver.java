package dev.herald.reports.control;

import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.control.Criterion;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks criteria (a JSON object keyed by parameter name) against a report's parameters and
 * resolves them for a run on a given day in the organisation's zone. Every problem is reported on
 * its field ({@code criteria.paymentDate}), all at once.
 *
 * <p>What the SQL can bind, for a parameter {@code p}: {@code :p} (its value; for a date range the
 * first day), {@code :p_set} (whether a value was given), and for DATE and DATE_RANGE also
 * {@code :p_from} and {@code :p_to}, the instants the first day starts and the day after the last
 * starts (compare timestamps with {@code >= :p_from AND < :p_to}), and {@code :p_first},
 * {@code :p_last}, the days themselves (compare dates with {@code BETWEEN :p_first AND :p_last}).
 */
public final class CriteriaResolver {

    public static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** The most options a multiple choice takes in one criterion. */
    public static final int MAX_CHOICES = 1000;

    /** A number criterion's digits before the decimal point, at most. */
    public static final int MAX_INTEGER_DIGITS = 18;

    /** A number criterion's digits after the decimal point, at most. */
    public static final int MAX_FRACTION_DIGITS = 10;

    private final ReportSpec report;
    private final Function<ParameterSpec, List<String>> choices;
    private final String field;

    /**
     * @param choices the options of a CHOICE or MULTI_CHOICE parameter (its fixed list, or what its
     *     lookup query answers)
     * @param field the prefix of field names in errors ("criteria", "items[0].criteria")
     */
    public CriteriaResolver(ReportSpec report, Function<ParameterSpec, List<String>> choices, String field) {
        this.report = report;
        this.choices = choices;
        this.field = field;
    }

    /** Checks criteria without resolving them (for saving a criteria set). */
    public JsonObject check(JsonObject criteria) {
        return resolve(criteria, LocalDate.of(2000, 1, 3), ZoneId.of("UTC")).effective();
    }

    public ResolvedCriteria resolve(JsonObject criteria, LocalDate today, ZoneId zone) {
        return resolve(criteria, today, zone, null);
    }

    /**
     * Resolves criteria for a recipient: a bound parameter takes the recipient's values of its scope
     * kind ({@code scopes}), or, made for nobody in particular ({@code scopes} null), covers every
     * value. Criteria can never set a bound parameter; a recipient without a value of the kind is an
     * error, never "every value".
     */
    public ResolvedCriteria resolve(JsonObject criteria, LocalDate today, ZoneId zone, RecipientScopes scopes) {
        JsonObject given = criteria == null ? JsonValue.EMPTY_JSON_OBJECT : criteria;
        ValidationException.Builder errors = ValidationException.builder();
        for (String name : given.keySet()) {
            if (report.parameter(name).isEmpty()) {
                errors.add(field + "." + name, "This report has no parameter called " + name);
            }
        }
        Map<String, Binding> bindings = new HashMap<>();
        List<Criterion> shown = new ArrayList<>();
        JsonObjectBuilder effective = Json.createObjectBuilder();
        for (ParameterSpec parameter : report.parameters()) {
            JsonValue value = given.get(parameter.name());
            if (parameter.isBound()) {
                String path = field + "." + parameter.name();
                if (value != null) {
                    errors.add(
                            path,
                            parameter.label() + " is filled from each recipient's own values; criteria cannot set it");
                } else {
                    shown.add(bindScope(parameter, scopes, path, bindings, errors));
                }
                continue;
            }
            if (isAbsent(value) && parameter.defaultValue() != null) {
                value = parameter.defaultValue();
            }
            String path = field + "." + parameter.name();
            if (isAbsent(value)) {
                if (parameter.required()) {
                    errors.add(path, parameter.label() + " is required");
                } else {
                    bindAbsent(parameter, bindings);
                    shown.add(new Criterion(parameter.name(), parameter.label(), "Any", null, null));
                }
                continue;
            }
            effective.add(parameter.name(), value);
            try {
                shown.add(bind(parameter, value, today, zone, bindings));
            } catch (PartProblems e) {
                e.messages.forEach((part, message) -> errors.add(path + "." + part, message));
            } catch (IllegalArgumentException e) {
                errors.add(path, e.getMessage());
            }
        }
        errors.throwIfAny();
        return new ResolvedCriteria(Map.copyOf(bindings), List.copyOf(shown), effective.build());
    }

    private static Criterion bindScope(
            ParameterSpec parameter,
            RecipientScopes scopes,
            String path,
            Map<String, Binding> bindings,
            ValidationException.Builder errors) {
        String name = parameter.name();
        if (scopes == null) {
            bindAbsent(parameter, bindings);
            return new Criterion(
                    name, parameter.label(), "Every " + parameter.label().toLowerCase(Locale.ROOT), null, null);
        }
        RecipientScopes.Scope scope = scopes.of(parameter.scope());
        if (scope == null || scope.values().isEmpty()) {
            errors.add(path, "The recipient has no " + parameter.label().toLowerCase(Locale.ROOT) + " value");
            bindAbsent(parameter, bindings);
            return new Criterion(name, parameter.label(), "None", null, null);
        }
        List<Object> values = new ArrayList<>();
        for (String value : scope.values()) {
            if (scope.numeric()) {
                try {
                    values.add(Long.valueOf(value));
                } catch (NumberFormatException e) {
                    errors.add(path, "The " + scope.kind() + " value " + value + " is not a whole number");
                }
            } else {
                values.add(value);
            }
        }
        bindings.put(name, Binding.of(List.copyOf(values), scope.numeric() ? Types.BIGINT : Types.VARCHAR));
        bindings.put(name + "_set", Binding.bool(true));
        return new Criterion(name, parameter.label(), String.join(", ", scope.names()), null, null);
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null
                || value.getValueType() == JsonValue.ValueType.NULL
                || (value instanceof JsonString s && s.getString().isBlank());
    }

    private static void bindAbsent(ParameterSpec parameter, Map<String, Binding> bindings) {
        String name = parameter.name();
        bindings.put(name + "_set", Binding.bool(false));
        switch (parameter.type()) {
            case DATE, DATE_RANGE -> {
                bindings.put(name, Binding.of(null, Types.DATE));
                bindings.put(name + "_first", Binding.of(null, Types.DATE));
                bindings.put(name + "_last", Binding.of(null, Types.DATE));
                bindings.put(name + "_from", Binding.of(null, Types.TIMESTAMP_WITH_TIMEZONE));
                bindings.put(name + "_to", Binding.of(null, Types.TIMESTAMP_WITH_TIMEZONE));
            }
            case NUMBER -> bindings.put(name, Binding.of(null, Types.NUMERIC));
            case BOOLEAN -> bindings.put(name, Binding.of(null, Types.BOOLEAN));
            case MULTI_CHOICE -> bindings.put(name, Binding.of(List.of(), Types.VARCHAR));
            case TEXT, CHOICE -> bindings.put(name, Binding.of(null, Types.VARCHAR));
        }
    }

    private Criterion bind(
            ParameterSpec parameter, JsonValue value, LocalDate today, ZoneId zone, Map<String, Binding> bindings) {
        String name = parameter.name();
        bindings.put(name + "_set", Binding.bool(true));
        return switch (parameter.type()) {
            case DATE -> {
                Dated dated = date(value, today);
                bindDays(name, dated.range(), zone, bindings);
                yield criterion(parameter, dated);
            }
            case DATE_RANGE -> {
                Dated dated = dateRange(value, today);
                bindDays(name, dated.range(), zone, bindings);
                yield criterion(parameter, dated);
            }
            case NUMBER -> {
                if (!(value instanceof JsonNumber number)) {
                    throw new IllegalArgumentException("Enter a number");
                }
                BigDecimal decimal = number.bigDecimalValue();
                if (!isOrdinary(decimal)) {
                    throw new IllegalArgumentException("A number has at most " + MAX_INTEGER_DIGITS
                            + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after it");
                }
                bindings.put(name, Binding.of(decimal, Types.NUMERIC));
                yield new Criterion(name, parameter.label(), decimal.toPlainString(), null, null);
            }
            case BOOLEAN -> {
                if (value.getValueType() != JsonValue.ValueType.TRUE
                        && value.getValueType() != JsonValue.ValueType.FALSE) {
                    throw new IllegalArgumentException("Choose yes or no (true or false)");
                }
                boolean yes = value.getValueType() == JsonValue.ValueType.TRUE;
                bindings.put(name, Binding.of(yes, Types.BOOLEAN));
                yield new Criterion(name, parameter.label(), yes ? "Yes" : "No", null, null);
            }
            case TEXT -> {
                String text = text(value, "Enter text");
                if (text.length() > 500) {
                    throw new IllegalArgumentException("At most 500 characters");
                }
                bindings.put(name, Binding.of(text, Types.VARCHAR));
                yield new Criterion(name, parameter.label(), text, null, null);
            }
            case CHOICE -> {
                String choice = text(value, "Choose one of the options");
                requireOption(choices.apply(parameter), choice);
                bindings.put(name, Binding.of(choice, Types.VARCHAR));
                yield new Criterion(name, parameter.label(), choice, null, null);
            }
            case MULTI_CHOICE -> {
                if (!(value instanceof JsonArray array)) {
                    throw new IllegalArgumentException("Choose a list of options");
                }
                if (array.size() > MAX_CHOICES) {
                    throw new IllegalArgumentException("Choose at most " + MAX_CHOICES + " options");
                }
                // The options are read once: a lookup parameter's options come from a query.
                List<String> options = choices.apply(parameter);
                List<String> chosen = new ArrayList<>();
                for (JsonValue element : array) {
                    String choice = text(element, "Each choice must be text");
                    requireOption(options, choice);
                    chosen.add(choice);
                }
                bindings.put(name, Binding.of(List.copyOf(chosen), Types.VARCHAR));
                bindings.put(name + "_set", Binding.bool(!chosen.isEmpty()));
                yield new Criterion(
                        name, parameter.label(), chosen.isEmpty() ? "Any" : String.join(", ", chosen), null, null);
            }
        };
    }

    private static void requireOption(List<String> options, String choice) {
        if (!options.contains(choice)) {
            String listed = options.size() <= 12 ? ": " + String.join(", ", options) : "";
            throw new IllegalArgumentException("'" + choice + "' is not one of the options" + listed);
        }
    }

    private static String text(JsonValue value, String message) {
        if (!(value instanceof JsonString string)) {
            throw new IllegalArgumentException(message);
        }
        return string.getString().strip();
    }

    private record Dated(DateRange range, String metricLabel) {}

    private static Dated date(JsonValue value, LocalDate today) {
        String text = text(value, "Enter a date (2026-11-25), TODAY or YESTERDAY");
        if (RelativeDate.isMetric(text)) {
            RelativeDate metric = RelativeDate.valueOf(text);
            if (!metric.isSingleDay()) {
                throw new IllegalArgumentException(
                        metric.label() + " is a range of days; this criterion takes one day");
            }
            return new Dated(metric.resolve(today), metric.label());
        }
        LocalDate day = day(text);
        return new Dated(new DateRange(day, day), null);
    }

    private static Dated dateRange(JsonValue value, LocalDate today) {
        if (value instanceof JsonString string) {
            String text = string.getString().strip();
            if (!RelativeDate.isMetric(text)) {
                throw new IllegalArgumentException("Unknown date metric '" + text + "'; use one of "
                        + String.join(", ", metricNames()) + ", or {\"from\": …, \"to\": …}");
            }
            RelativeDate metric = RelativeDate.valueOf(text);
            return new Dated(metric.resolve(today), metric.label());
        }
        if (value instanceof JsonObject range) {
            Map<String, String> problems = new LinkedHashMap<>();
            LocalDate first = end(range, "from", "Enter the first day (from)", problems);
            LocalDate last = end(range, "to", "Enter the last day (to)", problems);
            if (!problems.isEmpty()) {
                throw new PartProblems(problems);
            }
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("The last day (" + last + ") is before the first (" + first + ")");
            }
            return new Dated(new DateRange(first, last), null);
        }
        throw new IllegalArgumentException("Enter a date metric (LAST_WEEK, …) or {\"from\": …, \"to\": …}");
    }

    private static List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (RelativeDate metric : RelativeDate.values()) {
            names.add(metric.name());
        }
        return names;
    }

    /** One end of a date range, or null with its problem kept under its name ("from", "to"). */
    private static LocalDate end(JsonObject range, String part, String missing, Map<String, String> problems) {
        try {
            return day(text(range.get(part) == null ? JsonValue.NULL : range.get(part), missing));
        } catch (IllegalArgumentException e) {
            problems.put(part, e.getMessage());
            return null;
        }
    }

    /**
     * A typed day, within the dates Herald accepts; relative metrics resolve near the day of the run
     * and need no check.
     */
    private static LocalDate day(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date (YYYY-MM-DD)");
        }
        if (!AcceptedDates.contains(day)) {
            throw new IllegalArgumentException(AcceptedDates.outside(text));
        }
        return day;
    }

    /**
     * Whether a number is one a report can be asked about. Checked on the unscaled digits and the
     * scale, never by writing the number out: {@code 1e999999999} is a few bytes of JSON and a
     * billion digits of text.
     */
    private static boolean isOrdinary(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        int fraction = Math.max(0, stripped.scale());
        long integer = (long) stripped.precision() - stripped.scale();
        return fraction <= MAX_FRACTION_DIGITS && integer <= MAX_INTEGER_DIGITS;
    }

    /** Problems with the ends of a date range, each named on its own field ({@code criteria.paymentDate.from}). */
    private static final class PartProblems extends IllegalArgumentException {
        private final Map<String, String> messages;

        PartProblems(Map<String, String> messages) {
            super(String.join("; ", messages.values()));
            this.messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
        }
    }

    private static void bindDays(String name, DateRange range, ZoneId zone, Map<String, Binding> bindings) {
        bindings.put(name, Binding.of(range.first(), Types.DATE));
        bindings.put(name + "_first", Binding.of(range.first(), Types.DATE));
        bindings.put(name + "_last", Binding.of(range.last(), Types.DATE));
        bindings.put(name + "_from", Binding.of(range.startIn(zone), Types.TIMESTAMP_WITH_TIMEZONE));
        bindings.put(name + "_to", Binding.of(range.endIn(zone), Types.TIMESTAMP_WITH_TIMEZONE));
    }

    private static Criterion criterion(ParameterSpec parameter, Dated dated) {
        DateRange range = dated.range();
        String days = range.first().equals(range.last())
                ? SHOWN_DATE.format(range.first())
                : SHOWN_DATE.format(range.first()) + " – " + SHOWN_DATE.format(range.last());
        String value = dated.metricLabel() == null ? days : dated.metricLabel() + ": " + days;
        return new Criterion(parameter.name(), parameter.label(), value, range.first(), range.last());
    }

    /** The names SQL may use for a parameter. */
    public static List<String> bindableNames(ParameterSpec parameter) {
        String name = parameter.name();
        List<String> names = new ArrayList<>(List.of(name, name + "_set"));
        if (parameter.type() == ParameterType.DATE || parameter.type() == ParameterType.DATE_RANGE) {
            names.addAll(List.of(name + "_first", name + "_last", name + "_from", name + "_to"));
        }
        return names;
    }
}
