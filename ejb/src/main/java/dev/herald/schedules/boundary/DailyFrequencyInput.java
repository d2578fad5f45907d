package dev.herald.schedules.boundary;

/**
 * At which times: {@code type} ONCE (with {@code at}), EVERY (with {@code minutes}, {@code from},
 * {@code until}) or BEFORE_8AM. Times are HH:mm.
 */
public record DailyFrequencyInput(String type, String at, Integer minutes, String from, String until) {}
