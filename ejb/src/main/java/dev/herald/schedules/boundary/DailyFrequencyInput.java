package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.DailyFrequencyType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * At which times: {@code type} ONCE (with {@code at}), EVERY (with {@code minutes}, {@code from},
 * {@code until}) or BEFORE_8AM. Times are HH:mm.
 */
public record DailyFrequencyInput(
        @Schema(implementation = DailyFrequencyType.class) String type,

        @Schema(description = "The time of day (ONCE)", pattern = "^[0-2][0-9]:[0-5][0-9]$", example = "07:30")
        String at,

        Integer minutes,

        @Schema(
                description = "The first time of day (EVERY_MINUTES)",
                pattern = "^[0-2][0-9]:[0-5][0-9]$",
                example = "08:00")
        String from,

        @Schema(
                description = "The last time of day (EVERY_MINUTES)",
                pattern = "^[0-2][0-9]:[0-5][0-9]$",
                example = "18:00")
        String until) {}
