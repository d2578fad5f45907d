package dev.herald.platform.console;

import dev.herald.platform.boundary.AcceptedDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How the console writes instants: in a named time zone, day and time, with the zone's short name,
 * so that "10:00" never leaves anyone guessing which 10:00. (Faces' date converter of this server
 * does not take {@link Instant}.)
 */
@Named
@ApplicationScoped
public class ConsoleFormat {

    private static final List<String> TIME_ZONES = Stream.concat(
                    Stream.of("UTC"),
                    ZoneId.getAvailableZoneIds().stream()
                            .filter(zone ->
                                    zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
                            .sorted())
            .toList();

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.UK);

    public String instant(Instant instant, String zone) {
        if (instant == null) {
            return "";
        }
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            zoneId = ZoneId.of("UTC");
        }
        return WHEN.format(instant.atZone(zoneId));
    }

    /** The first day a date picker offers: the first of the dates Herald accepts. */
    public LocalDate getFirstAcceptedDate() {
        return AcceptedDates.FIRST;
    }

    /** The last day a date picker offers. */
    public LocalDate getLastAcceptedDate() {
        return AcceptedDates.LAST;
    }

    /** The time zones to choose from: UTC, then the region/city names in alphabetical order. */
    /** MONDAY…SUNDAY, for the day a summary is sent or a task runs. */
    public List<String> getWeekdays() {
        return Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
    }

    public List<String> getTimeZones() {
        return TIME_ZONES;
    }

    /** Every currency people may choose, by code: "GBP · British Pound". */
    public List<jakarta.faces.model.SelectItem> getCurrencies() {
        return CURRENCIES;
    }

    private static final List<jakarta.faces.model.SelectItem> CURRENCIES =
            java.util.Currency.getAvailableCurrencies().stream()
                    .sorted(java.util.Comparator.comparing(java.util.Currency::getCurrencyCode))
                    .map(c -> new jakarta.faces.model.SelectItem(
                            c.getCurrencyCode(), c.getCurrencyCode() + " · " + c.getDisplayName(Locale.UK)))
                    .toList();

    /**
     * An amount as people read it: with the currency's symbol, thousands separated and the
     * currency's decimals (£1,234.50; €-12.00 is written -€12.00).
     */
    public static String money(java.math.BigDecimal amount, String currencyCode) {
        java.util.Currency currency;
        try {
            currency = java.util.Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return String.format(Locale.UK, "%,.2f", amount);
        }
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        String number = String.format(Locale.UK, "%,." + digits + "f", amount.abs());
        return (amount.signum() < 0 ? "-" : "") + currency.getSymbol(Locale.UK) + number;
    }
}
