package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Misfire is "Herald was not running": a Herald of its own (its own database, one instance) is
 * stopped, two schedules fall due while it is down, and it is started again more than the misfire
 * threshold later. The SKIP schedule records one skipped run that says why; the RUN_ONCE schedule
 * catches up once, saying so, and mails once. Neither runs again for that due time.
 */
@SystemTest
class DowntimeMisfireSystemIT {

    /** The separate Herald counts a due time as missed when it is claimed over 10 s late. */
    private static final Duration THRESHOLD = Duration.ofSeconds(10);

    /** How long after an instance's last heartbeat its life still covers a due time (InstanceLives.GRACE). */
    private static final Duration GRACE = Duration.ofSeconds(20);

    @Test
    void dueTimesThatFellWhileHeraldWasStoppedAreSkippedOrCaughtUpOnce() throws Exception {
        HeraldServer.Separate herald = HeraldServer.get()
                .startSeparate(
                        "downtime",
                        Map.of(
                                "HERALD_SCHEDULER_MISFIRE_THRESHOLD",
                                "PT" + THRESHOLD.toSeconds() + "S",
                                // A new Herald's first administrator can be given an address at once.
                                "HERALD_ADMIN_EMAIL",
                                "first-admin@example.org"));
        try {
            Api api = Api.admin().at(herald.baseUrl());
            assertThat(api.json(api.get("/api/v1/users?size=100")).getJsonArray("items").stream()
                            .map(JsonValue::asJsonObject)
                            .filter(user -> user.getString("username").equals("admin"))
                            .map(user -> user.getString("email"))
                            .toList())
                    .as("HERALD_ADMIN_EMAIL")
                    .containsExactly("first-admin@example.org");
            long criteriaSet = Schedules.lastWeekCriteriaSet(herald.database());
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String skipTo = "skip-" + tag + "@example.org";
            String onceTo = "once-" + tag + "@example.org";
            // Both fall due at a whole minute well after this Herald will have stopped.
            Instant due = single(herald.database(), "SELECT CURRENT_TIMESTAMP")
                    .plusSeconds(60)
                    .truncatedTo(ChronoUnit.MINUTES)
                    .plus(1, ChronoUnit.MINUTES);
            long skip = create(api, criteriaSet, "SKIP", due, skipTo);
            long once = create(api, criteriaSet, "RUN_ONCE", due, onceTo);
            DataSource database = herald.database();
            for (long schedule : List.of(skip, once)) {
                assertThat(single(database, "SELECT next_run_at FROM schedule WHERE id = " + schedule))
                        .isEqualTo(due);
            }

            herald.stop();
            Instant lastBeat = single(database, "SELECT MAX(beat_at) FROM instance_life");
            assertThat(lastBeat.plus(GRACE))
                    .as("the due time falls after the last life of this Herald ended")
                    .isBefore(due);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> single(database, "SELECT CURRENT_TIMESTAMP")
                            .isAfter(due.plus(THRESHOLD).plusSeconds(2)));
            herald.start();

            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> ended(database, skip) == 1 && ended(database, once) == 1);

            List<Run> skipped = runs(database, skip);
            assertThat(skipped).hasSize(1);
            assertThat(skipped.get(0).status()).isEqualTo("SKIPPED");
            assertThat(skipped.get(0).scheduledFor()).isEqualTo(due);
            assertThat(skipped.get(0).detail())
                    .contains("while Herald was not running", "skipped (misfire policy SKIP)");

            List<Run> caughtUp = runs(database, once);
            assertThat(caughtUp).hasSize(1);
            assertThat(caughtUp.get(0).status()).isEqualTo("SUCCEEDED");
            assertThat(caughtUp.get(0).scheduledFor()).isEqualTo(due);
            assertThat(caughtUp.get(0).detail())
                    .contains("while Herald was not running", "catching up once (misfire policy RUN_ONCE)");

            assertThat(Mailbox.messagesTo(onceTo))
                    .as("the catch-up run mails once")
                    .hasSize(1);
            assertThat(Mailbox.messagesTo(skipTo))
                    .as("the skipped run mails nobody")
                    .isEmpty();
            for (long schedule : List.of(skip, once)) {
                assertThat(single(database, "SELECT next_run_at FROM schedule WHERE id = " + schedule))
                        .as("the next due time is after now")
                        .isAfter(due.plus(THRESHOLD));
            }
        } finally {
            herald.stop();
        }
    }

    private static long create(Api api, long criteriaSet, String misfirePolicy, Instant due, String to) {
        JsonObject schedule = Json.createObjectBuilder(Schedules.dailyAt(
                        Schedules.uniqueName("Downtime " + misfirePolicy),
                        LocalTime.ofInstant(due, ZoneOffset.UTC),
                        misfirePolicy))
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Schedules.lastWeekPayments(criteriaSet, "Payments", "CSV", "ATTACHMENT", to)))
                .build();
        HttpResponse<String> created = api.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.json(created).getJsonNumber("id").longValue();
    }

    private static Instant single(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    private static int ended(DataSource database, long schedule) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM run WHERE schedule_id = ? AND finished_at IS NOT NULL")) {
            query.setLong(1, schedule);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private record Run(String status, Instant scheduledFor, String detail) {}

    private static List<Run> runs(DataSource database, long schedule) throws Exception {
        List<Run> runs = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status, scheduled_for, detail FROM run WHERE schedule_id = ? ORDER BY id")) {
            query.setLong(1, schedule);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(new Run(
                            rows.getString("status"),
                            rows.getObject("scheduled_for", OffsetDateTime.class)
                                    .toInstant(),
                            rows.getString("detail")));
                }
            }
        }
        return runs;
    }
}
