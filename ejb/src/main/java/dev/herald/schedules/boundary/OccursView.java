package dev.herald.schedules.boundary;

import java.util.List;

/** On which days, as the API shows it; {@code day} is a number or "LAST". */
public record OccursView(String type, int every, List<String> days, Object day, String ordinal, String weekday) {}
