package dev.herald.schedules.boundary;

/** At which times, as the API shows it; BEFORE_8AM shows the time Herald picked in {@code at}. */
public record DailyFrequencyView(String type, String at, Integer minutes, String from, String until) {}
