package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Schedule bodies for the API, built the way API.md writes them. */
public final class Schedules {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private Schedules() {}

    /** A schedule that runs once a day at {@code at} UTC, from today. */
    public static JsonObject dailyAt(String name, LocalTime at) {
        return schedule(
                name,
                Json.createObjectBuilder()
                        .add("timeZone", "UTC")
                        .add("runFrom", LocalDate.now(ZoneOffset.UTC).toString())
                        .add(
                                "occurs",
                                Json.createObjectBuilder().add("type", "DAILY").add("every", 1))
                        .add(
                                "dailyFrequency",
                                Json.createObjectBuilder().add("type", "ONCE").add("at", HH_MM.format(at))));
    }

    /** The same, with the given misfire policy (SKIP or RUN_ONCE). */
    public static JsonObject dailyAt(String name, LocalTime at, String misfirePolicy) {
        JsonObject base = dailyAt(name, at);
        return Json.createObjectBuilder(base)
                .add(
                        "recurrence",
                        Json.createObjectBuilder(base.getJsonObject("recurrence"))
                                .add("misfirePolicy", misfirePolicy))
                .build();
    }

    public static JsonObject weekly(String name) {
        return schedule(
                name,
                Json.createObjectBuilder()
                        .add("timeZone", "Europe/London")
                        .add("runFrom", "2026-03-01")
                        .add(
                                "occurs",
                                Json.createObjectBuilder()
                                        .add("type", "WEEKLY")
                                        .add("every", 2)
                                        .add(
                                                "days",
                                                Json.createArrayBuilder()
                                                        .add("MONDAY")
                                                        .add("THURSDAY")))
                        .add(
                                "dailyFrequency",
                                Json.createObjectBuilder().add("type", "ONCE").add("at", "10:00"))
                        .add("misfirePolicy", "RUN_ONCE"));
    }

    /** The id of the demo criteria set "Last week" of Payments & Activities (detailed). */
    public static long lastWeekCriteriaSet() {
        return lastWeekCriteriaSet(HeraldServer.get().database());
    }

    /** The same criteria set in another Herald's database. */
    public static long lastWeekCriteriaSet(javax.sql.DataSource database) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT c.id FROM criteria_set c"
                        + " JOIN report_definition r ON r.id = c.report_id"
                        + " WHERE r.report_key = 'payments-activities-detailed' AND c.name = 'Last week'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schedule that only runs on demand (no timetable), holding the given items. */
    public static JsonObject onDemand(String name, JsonObject... items) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject item : items) {
            list.add(item);
        }
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "Made by a system test")
                .add("runOnDemand", true)
                .add("runAsSchedule", false)
                .add("items", list)
                .build();
    }

    /** An item of Payments & Activities (detailed) for last week, in a format, to the given addresses. */
    public static JsonObject lastWeekPayments(String displayName, String format, String deliverAs, String... to) {
        return lastWeekPayments(lastWeekCriteriaSet(), displayName, format, deliverAs, to);
    }

    /** The same item with the given criteria set (another Herald's). */
    public static JsonObject lastWeekPayments(
            long criteriaSet, String displayName, String format, String deliverAs, String... to) {
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        for (String address : to) {
            recipients.add(address);
        }
        return Json.createObjectBuilder()
                .add("reportKey", "payments-activities-detailed")
                .add("criteriaSetId", criteriaSet)
                .add("displayName", displayName)
                .add("recipients", recipients)
                .add("deliverAs", deliverAs)
                .add("format", format)
                .add("csvDelimiter", "COMMA")
                .build();
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject schedule(String name, JsonObjectBuilder recurrence) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("description", "Made by a system test")
                .add("runOnDemand", false)
                .add("runAsSchedule", true)
                .add("recurrence", recurrence)
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reportKey", "payments-activities-detailed")
                                        .add("criteriaSetId", lastWeekCriteriaSet())
                                        .add("displayName", "Yesterday's Sales")
                                        .add(
                                                "recipients",
                                                Json.createArrayBuilder()
                                                        .add("finance@example.org")
                                                        .add("promoter@example.com"))
                                        .add("deliverAs", "ATTACHMENT")
                                        .add("format", "EXCEL_FORMATTED")))
                .build();
    }
}
