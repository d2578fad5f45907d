package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Schedules;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Misfire means "Herald was not running", never "Herald was busy". Sixty schedules with the SKIP
 * policy fall due in the same second, with reports that cannot finish for over a minute (they read a
 * table the test holds locked): far more than the instance takes on at once (the test server holds
 * at most 20 runs in flight), so most are claimed over a minute after their due time. Herald was
 * alive throughout, so every one of them runs, late, and none is skipped.
 */
@SystemTest
class LateIsNotMissedSystemIT {

    private static final int SCHEDULES = 60;
    private static final Duration HELD = Duration.ofSeconds(75);

    private static Api admin;

    @BeforeAll
    static void adminToken() {
        admin = Api.admin().withToken();
    }

    @Test
    void sixtySkipSchedulesDueAtOnceBehindHeavyReportsAllRunLateNoneSkipped() throws Exception {
        String report = SqlReports.tenants(admin);
        long criteriaSet = Api.parseArray(admin.get("/api/v1/reports/" + report + "/criteria-sets")
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String prefix = "late-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> schedules = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            schedules.add(schedule(report, criteriaSet, prefix + "-" + i + "@example.org"));
        }
        try (Connection gate = HeraldServer.get().database().getConnection()) {
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("LOCK TABLE reporting.usage_tenant IN ACCESS EXCLUSIVE MODE");
            }
            try {
                java.time.Instant due = dueNow(schedules);
                // Well past the misfire threshold (60 s) for the runs still waiting to be claimed.
                await().atMost(HELD.plusSeconds(30))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> databaseNow().isAfter(due.plus(HELD)));
                Map<String, Integer> whileHeld = statuses(schedules);
                System.out.printf("Late, not missed: after %d s behind a lock, runs %s%n", HELD.toSeconds(), whileHeld);
                assertThat(whileHeld.getOrDefault("SKIPPED", 0)).isZero();
                assertThat(whileHeld.values().stream()
                                .mapToInt(Integer::intValue)
                                .sum())
                        .as("runs made so far: fewer than the schedules, so some were claimed over a minute late")
                        .isLessThan(SCHEDULES);
            } finally {
                gate.rollback();
            }
        }
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> statuses(schedules).getOrDefault("SUCCEEDED", 0) == SCHEDULES);
        assertThat(statuses(schedules)).isEqualTo(Map.of("SUCCEEDED", SCHEDULES));
        double latest = latestLagSeconds(schedules);
        System.out.printf("Late, not missed: all %d ran, the latest %.1f s after its due time%n", SCHEDULES, latest);
        assertThat(latest).as("some ran over a minute late, and still ran").isGreaterThan(60);
    }

    private static long schedule(String report, long criteriaSet, String recipient) {
        JsonObject schedule = Json.createObjectBuilder(
                        Schedules.dailyAt(Schedules.uniqueName("Late"), LocalTime.of(3, 0), "SKIP"))
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reportKey", report)
                                        .add("criteriaSetId", criteriaSet)
                                        .add("displayName", "Tenants")
                                        .add(
                                                "recipients",
                                                Json.createArrayBuilder().add(recipient))
                                        .add("deliverAs", "ATTACHMENT")
                                        .add("format", "CSV")
                                        .add("csvDelimiter", "COMMA")))
                .build();
        HttpResponse<String> created = admin.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created).getJsonNumber("id").longValue();
    }

    /** Makes the schedules due now; answers when that is, in the database's time. */
    private static java.time.Instant dueNow(List<Long> schedules) throws Exception {
        java.time.Instant due = databaseNow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE schedule SET next_run_at = ? WHERE id = ANY (?)")) {
            update.setObject(1, due.atOffset(java.time.ZoneOffset.UTC));
            update.setArray(2, connection.createArrayOf("bigint", schedules.toArray()));
            update.executeUpdate();
        }
        return due;
    }

    private static java.time.Instant databaseNow() throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement query = connection.createStatement();
                ResultSet row = query.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            row.next();
            return row.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private static Map<String, Integer> statuses(List<Long> schedules) throws Exception {
        Map<String, Integer> statuses = new HashMap<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status, COUNT(*) FROM run WHERE schedule_id = ANY (?) GROUP BY status")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return statuses;
    }

    private static double latestLagSeconds(List<Long> schedules) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT MAX(EXTRACT(EPOCH FROM created_at - scheduled_for)) FROM run WHERE schedule_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getDouble(1);
            }
        }
    }
}
