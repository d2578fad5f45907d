package dev.herald.schedules.boundary;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * On which days: {@code type} DAILY, WEEKLY (with {@code days}), MONTHLY_DAY (with {@code day}: 1–31
 * or "LAST") or MONTHLY_WEEKDAY (with {@code ordinal} and {@code weekday}); every {@code every} (1–99).
 */
public record OccursInput(
        String type, Integer every, List<String> days, JsonValue day, String ordinal, String weekday) {}
