package dev.herald.reports.control;

/**
 * What a report parameter takes, and how a criteria value for it is written in JSON.
 *
 * <ul>
 *   <li>{@code DATE}: {@code "TODAY"}, {@code "YESTERDAY"} or {@code "2026-11-25"}
 *   <li>{@code DATE_RANGE}: a relative metric ({@code "LAST_WEEK"}, …) or {@code {"from": "…", "to": "…"}}
 *   <li>{@code NUMBER}: a JSON number; {@code TEXT}: a string; {@code BOOLEAN}: true or false
 *   <li>{@code CHOICE}: one of the options; {@code MULTI_CHOICE}: an array of options (empty: all)
 * </ul>
 */
public enum ParameterType {
    DATE,
    DATE_RANGE,
    NUMBER,
    TEXT,
    CHOICE,
    MULTI_CHOICE,
    BOOLEAN
}
