package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs that fall due together are begun together: a worker takes a share of a claim and begins it
 * in one transaction. Runs with nothing to make (every item of their schedule removed) end there,
 * each exactly as alone: FAILED with the reason, its start and end recorded, the owner told once.
 * Runs with reports in the same claim go on, each on its own worker, and deliver exactly once.
 */
@SystemTest
class RunsBegunTogetherSystemIT {

    private static final int EMPTY = 24;
    private static final int WITH_REPORTS = 6;

    @Test
    void aClaimOfManyRunsEndsTheEmptyOnesTogetherAndTheOthersDeliverOnce() throws Exception {
        TestUser owner = TestUsers.create("Administrator");
        Api asOwner = Api.as(owner.username(), owner.password());
        String prefix = "together-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> empty = new ArrayList<>();
        for (int i = 0; i < EMPTY; i++) {
            empty.add(create(asOwner, prefix + "-empty-" + i + "@example.org"));
        }
        List<Long> withReports = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < WITH_REPORTS; i++) {
            String to = prefix + "-full-" + i + "@example.org";
            recipients.add(to);
            withReports.add(create(asOwner, to));
        }
        removeItems(empty);
        List<Long> all = new ArrayList<>(empty);
        all.addAll(withReports);
        dueNow(all);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> ended(all) == all.size());

        Map<Long, List<Run>> runs = runs(all);
        for (long schedule : all) {
            assertThat(runs.get(schedule)).as("one run of schedule " + schedule).hasSize(1);
        }
        for (long schedule : empty) {
            Run run = runs.get(schedule).get(0);
            assertThat(run.status()).isEqualTo("FAILED");
            assertThat(run.detail()).contains("The run had no reports");
            assertThat(run.startedAt()).isNotNull();
            assertThat(run.finishedAt()).isNotNull();
            assertThat(run.ownerNotified())
                    .as("the owner is told of run " + run.id())
                    .isTrue();
        }
        for (long schedule : withReports) {
            assertThat(runs.get(schedule).get(0).status()).isEqualTo("SUCCEEDED");
        }
        for (String to : recipients) {
            assertThat(Mailbox.messagesTo(to)).as(to).hasSize(1);
        }

        // One notice per failed run reaches the owner, none twice.
        String ownerAddress = owner.username() + "@example.org";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Mailbox.messagesTo(ownerAddress).size() >= EMPTY);
        List<MimeMessage> notices = Mailbox.messagesTo(ownerAddress);
        assertThat(notices).hasSize(EMPTY);
        Set<String> runsTold = new HashSet<>();
        for (MimeMessage notice : notices) {
            assertThat(notice.getSubject()).contains("failed");
            runsTold.add(notice.getMessageID());
        }
        assertThat(runsTold).as("distinct notices").hasSize(EMPTY);
    }

    private static long create(Api api, String to) {
        JsonObject schedule = Json.createObjectBuilder(
                        Schedules.dailyAt(Schedules.uniqueName("Together"), LocalTime.of(3, 0)))
                .add(
                        "items",
                        Json.createArrayBuilder().add(Schedules.lastWeekPayments("Payments", "CSV", "ATTACHMENT", to)))
                .build();
        HttpResponse<String> created = api.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.json(created).getJsonNumber("id").longValue();
    }

    /** Removes every item of these schedules, as removing the reports they held would. */
    private static void removeItems(List<Long> schedules) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection()) {
            Array ids = connection.createArrayOf("bigint", schedules.toArray());
            try (PreparedStatement recipients = connection.prepareStatement(
                            "DELETE FROM scheduled_report_recipient WHERE scheduled_report_id IN"
                                    + " (SELECT id FROM scheduled_report WHERE schedule_id = ANY (?))");
                    PreparedStatement items =
                            connection.prepareStatement("DELETE FROM scheduled_report WHERE schedule_id = ANY (?)")) {
                recipients.setArray(1, ids);
                recipients.executeUpdate();
                items.setArray(1, ids);
                assertThat(items.executeUpdate()).isEqualTo(schedules.size());
            }
        }
    }

    /** Makes the schedules due at the database's current second, all at once. */
    private static void dueNow(List<Long> schedules) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE schedule SET next_run_at = date_trunc('second', CURRENT_TIMESTAMP) WHERE id = ANY (?)")) {
            update.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            assertThat(update.executeUpdate()).isEqualTo(schedules.size());
        }
    }

    private static int ended(List<Long> schedules) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM run WHERE schedule_id = ANY (?) AND finished_at IS NOT NULL")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private record Run(
            long id, String status, String detail, Instant startedAt, Instant finishedAt, boolean ownerNotified) {}

    private static Map<Long, List<Run>> runs(List<Long> schedules) throws Exception {
        Map<Long, List<Run>> runs = new HashMap<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id, schedule_id, status, detail, started_at, finished_at, owner_notified_at"
                                + " FROM run WHERE schedule_id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.computeIfAbsent(rows.getLong("schedule_id"), s -> new ArrayList<>())
                            .add(new Run(
                                    rows.getLong("id"),
                                    rows.getString("status"),
                                    rows.getString("detail"),
                                    instant(rows, "started_at"),
                                    instant(rows, "finished_at"),
                                    rows.getObject("owner_notified_at") != null));
                }
            }
        }
        return runs;
    }

    private static Instant instant(ResultSet rows, String column) throws Exception {
        java.time.OffsetDateTime value = rows.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
