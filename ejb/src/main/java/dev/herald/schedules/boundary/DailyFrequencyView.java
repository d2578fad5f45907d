package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.DailyFrequencyType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** At which times, as the API shows it; BEFORE_8AM shows the time Herald picked in {@code at}. */
public record DailyFrequencyView(
        @Schema(implementation = DailyFrequencyType.class) String type,
        String at,
        Integer minutes,
        String from,
        String until) {}
