package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** On which days, as the API shows it; {@code day} is a number or "LAST". */
public record OccursView(
        @Schema(implementation = OccursType.class) String type,
        int every,
        @Schema(implementation = DayOfWeek.class) List<String> days,
        Object day,
        @Schema(implementation = WeekOrdinal.class) String ordinal,
        @Schema(implementation = DayOfWeek.class) String weekday) {}
