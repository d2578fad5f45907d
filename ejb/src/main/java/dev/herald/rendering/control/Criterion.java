package dev.herald.rendering.control;

import java.time.LocalDate;

/**
 * One criterion as an output states it: the parameter's label and the value used, with a relative
 * date resolved ("Last week: 16 Nov 2026 – 22 Nov 2026"). {@code first}/{@code last} are the
 * resolved days of a date criterion, null otherwise.
 */
public record Criterion(String name, String label, String value, LocalDate first, LocalDate last) {}
