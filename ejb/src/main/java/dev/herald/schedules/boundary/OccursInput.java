package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.WeekOrdinal;
import jakarta.json.JsonValue;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * On which days: {@code type} DAILY, WEEKLY (with {@code days}), MONTHLY_DAY (with {@code day}: 1–31
 * or "LAST") or MONTHLY_WEEKDAY (with {@code ordinal} and {@code weekday}); every {@code every} (1–99).
 */
public record OccursInput(
        @Schema(implementation = OccursType.class) String type,
        Integer every,
        @Schema(implementation = DayOfWeek.class) List<String> days,

        @Schema(description = "MONTHLY_DAY: the day of the month, 1 to 31, or \"LAST\"", example = "15")
        JsonValue day,

        @Schema(implementation = WeekOrdinal.class) String ordinal,
        @Schema(implementation = DayOfWeek.class) String weekday) {}
