package dev.herald.schedules.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail subjects with placeholders: {ClientName}, {ReportName}, {ScheduleName}, {RunDate}. A
 * subject is checked when it is saved, so that a typo is found then and not in a recipient's inbox.
 */
public final class SubjectTemplate {

    public static final Set<String> PLACEHOLDERS = Set.of("ClientName", "ReportName", "ScheduleName", "RunDate");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private SubjectTemplate() {}

    /** What is wrong with a subject, one message per problem; empty when it is fine. */
    public static List<String> problems(String subject) {
        List<String> problems = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(subject);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                problems.add("Unknown placeholder {" + matcher.group(1)
                        + "}; use {ClientName}, {ReportName}, {ScheduleName} or {RunDate}.");
            }
        }
        String withoutPlaceholders = PLACEHOLDER.matcher(subject).replaceAll("");
        if (withoutPlaceholders.contains("{") || withoutPlaceholders.contains("}")) {
            problems.add("A brace is not closed; placeholders are written like {ReportName}.");
        }
        return problems;
    }

    /** The subject with its placeholders filled in. */
    public static String fill(String subject, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(subject);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
