package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two Payara instances on one PostgreSQL. Hundreds of schedules fall due in the same minute: the
 * database hands each (schedule, instant) to exactly one instance, and each e-mail (Message-ID)
 * reaches the SMTP server once. Then one instance is killed with SIGKILL while it holds runs in
 * progress, and the other finishes them without sending anything twice.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSystemIT {

    private static final int SCHEDULES = 300;
    private static final int SCHEDULES_DURING_KILL = 100;

    private static HeraldServer.SecondInstance second;
    private static Api first;

    @BeforeAll
    static void startTheSecondInstance() {
        second = HeraldServer.get().startSecondInstance();
        first = Api.admin().withToken();
    }

    @AfterAll
    static void stopTheSecondInstance() {
        if (second != null && second.isAlive()) {
            second.kill();
        }
    }

    @Test
    @Order(1)
    void everyDueRunHappensExactlyOnceAcrossTwoInstances() throws Exception {
        Instant due = nextMinuteAtLeast(Duration.ofSeconds(45));
        List<Long> ids = createDailyAt(due, SCHEDULES, "Storm");

        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> succeeded(ids, due) == SCHEDULES);

        Map<Long, Integer> runsPerSchedule = runsPerSchedule(ids, due);
        assertThat(runsPerSchedule).hasSize(SCHEDULES).allSatisfy((id, runs) -> assertThat(runs)
                .isEqualTo(1));
        assertThat(instancesThatRan(ids, due))
                .anyMatch(name -> name.startsWith("node-1/"))
                .anyMatch(name -> name.startsWith("node-2/"));
        List<String> sent = messageIds(ids, due, "SENT");
        assertThat(sent).as("two e-mails per run, all accepted").hasSize(2 * SCHEDULES);
        assertThat(timesReceived(sent))
                .allSatisfy((id, times) ->
                        assertThat(times).as("Message-ID %s received", id).isEqualTo(1));
    }

    @Test
    @Order(2)
    void runsOfAnInstanceKilledMidRunAreFinishedByTheOther() throws Exception {
        Instant due = nextMinuteAtLeast(Duration.ofSeconds(45));
        List<Long> ids = createDailyAt(due, SCHEDULES_DURING_KILL, "Takeover");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> activeOnSecond(ids, due) > 0);
        second.kill();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> ended(ids, due) == SCHEDULES_DURING_KILL);
        assertThat(runsPerSchedule(ids, due)).hasSize(SCHEDULES_DURING_KILL).allSatisfy((id, runs) -> assertThat(runs)
                .isEqualTo(1));
        // An e-mail the killed instance had begun and not recorded is reported in doubt, not sent
        // again: the only failures allowed here. Everything else was sent, each Message-ID once.
        assertThat(messageIds(ids, due, "FAILED"))
                .as("failed e-mails that were not in doubt")
                .hasSameSizeAs(messageIds(ids, due, "IN_DOUBT"));
        List<String> sent = messageIds(ids, due, "SENT");
        assertThat(sent.size() + messageIds(ids, due, "IN_DOUBT").size()).isEqualTo(2 * SCHEDULES_DURING_KILL);
        Map<String, Integer> received = timesReceived(sent);
        assertThat(received)
                .allSatisfy((id, times) ->
                        assertThat(times).as("Message-ID %s received", id).isEqualTo(1));
        assertThat(timesReceived(messageIds(ids, due, "IN_DOUBT")).values())
                .as("an e-mail in doubt arrived at most once")
                .allSatisfy(times -> assertThat(times).isLessThanOrEqualTo(1));
        List<String> details = takenOverDetails(ids, due);
        report("kill -9 with " + SCHEDULES_DURING_KILL + " due, " + details.size() + " taken over", ids, due);
        assertThat(details).isNotEmpty().allSatisfy(detail -> assertThat(detail).startsWith("Taken over from node-2/"));
        assertThat(instancesThatRan(ids, due)).allMatch(name -> name.startsWith("node-1/"));
    }

    @Test
    @Order(3)
    void deliveriesWaitingForTheirNextTryAreSentByTheOtherInstanceWhenTheirsIsKilled() throws Exception {
        if (!second.isAlive()) {
            second = HeraldServer.get().startSecondInstance();
        }
        Api viaSecond = first.at(second.baseUrl());
        List<Long> runs = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        HeraldServer.get().smtpGate().busy(true);
        try {
            for (int i = 0; i < 10; i++) {
                String to = "waiting-" + i + "-" + System.nanoTime() + "@example.org";
                recipients.add(to);
                var created = viaSecond.post(
                        "/api/v1/schedules",
                        Schedules.onDemand(
                                Schedules.uniqueName("Waiting " + i),
                                Schedules.lastWeekPayments("Sales", "CSV", "ATTACHMENT", to)));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                long scheduleId = viaSecond.json(created).getJsonNumber("id").longValue();
                var started = viaSecond.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                runs.add(viaSecond.json(started).getJsonNumber("id").longValue());
            }
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> countRuns("status = 'WAITING'", runs) == runs.size()
                            && countRuns("status = 'WAITING' AND instance LIKE 'node-2/%'", runs) > 0);
            second.kill();
        } finally {
            HeraldServer.get().smtpGate().busy(false);
        }

        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> countRuns("status = 'SUCCEEDED'", runs) == runs.size());
        assertThat(countRuns("instance LIKE 'node-1/%'", runs))
                .as("the living instance sent them")
                .isEqualTo(runs.size());
        for (String to : recipients) {
            long received = java.util.Arrays.stream(HeraldServer.get().mail().getReceivedMessages())
                    .filter(message -> {
                        try {
                            return message.getAllRecipients()[0].toString().equals(to);
                        } catch (jakarta.mail.MessagingException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
            assertThat(received).as("e-mails to " + to).isEqualTo(1);
        }
    }

    private static int countRuns(String condition, List<Long> runIds) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM run WHERE " + condition + " AND id = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("bigint", runIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** A whole minute at least {@code lead} away, so that every schedule is saved before it falls due. */
    private static Instant nextMinuteAtLeast(Duration lead) {
        return Instant.now().plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    /** Schedules made half through each instance's API, all due at one instant. */
    private List<Long> createDailyAt(Instant due, int count, String prefix) throws Exception {
        LocalTime at = LocalTime.ofInstant(due, ZoneOffset.UTC);
        Api viaSecond = first.at(second.baseUrl());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Long>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Api api = i % 2 == 0 ? first : viaSecond;
            String name = Schedules.uniqueName(prefix + " " + i);
            created.add(pool.submit(() -> {
                var response = api.post("/api/v1/schedules", Schedules.dailyAt(name, at));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                var schedule = api.json(response);
                assertThat(Instant.parse(schedule.getString("nextRunAt"))).isEqualTo(due);
                return schedule.getJsonNumber("id").longValue();
            }));
        }
        List<Long> ids = new ArrayList<>();
        for (Future<Long> id : created) {
            ids.add(id.get());
        }
        pool.shutdown();
        assertThat(Instant.now()).as("all schedules saved before they fall due").isBefore(due);
        return ids;
    }

    private static int succeeded(List<Long> ids, Instant due) throws SQLException {
        return count(
                "SELECT COUNT(*) FROM run WHERE status = 'SUCCEEDED' AND scheduled_key = ? AND schedule_id = ANY (?)",
                ids,
                due);
    }

    private static int ended(List<Long> ids, Instant due) throws SQLException {
        return count(
                "SELECT COUNT(*) FROM run WHERE status NOT IN ('CLAIMED', 'RUNNING', 'WAITING') AND scheduled_key = ?"
                        + " AND schedule_id = ANY (?)",
                ids,
                due);
    }

    /** The Message-IDs of the runs' e-mails in a state: SENT, FAILED, or IN_DOUBT (failed, in doubt). */
    private static List<String> messageIds(List<Long> ids, Instant due, String state) throws SQLException {
        String condition =
                state.equals("IN_DOUBT") ? "d.status = 'FAILED' AND d.in_doubt" : "d.status = '" + state + "'";
        List<String> messageIds = new ArrayList<>();
        query(
                "SELECT d.message_id FROM delivery d JOIN run_item i ON i.id = d.run_item_id JOIN run r ON r.id = i.run_id"
                        + " WHERE " + condition + " AND r.scheduled_key = ? AND r.schedule_id = ANY (?)",
                ids,
                due,
                row -> messageIds.add(row.getString(1)));
        return messageIds;
    }

    /** How often GreenMail received a message with each of these Message-IDs. */
    private static Map<String, Integer> timesReceived(List<String> messageIds) throws Exception {
        Map<String, Integer> times = new HashMap<>();
        messageIds.forEach(id -> times.put(id, 0));
        for (MimeMessage message : HeraldServer.get().mail().getReceivedMessages()) {
            times.computeIfPresent(message.getMessageID(), (id, n) -> n + 1);
        }
        return times;
    }

    private static int activeOnSecond(List<Long> ids, Instant due) throws SQLException {
        return count(
                "SELECT COUNT(*) FROM run WHERE status = 'RUNNING' AND instance LIKE 'node-2/%'"
                        + " AND scheduled_key = ? AND schedule_id = ANY (?)",
                ids, due);
    }

    private static Map<Long, Integer> runsPerSchedule(List<Long> ids, Instant due) throws SQLException {
        Map<Long, Integer> runs = new HashMap<>();
        query(
                "SELECT schedule_id, COUNT(*) FROM run WHERE scheduled_for = ? AND schedule_id = ANY (?) GROUP BY schedule_id",
                ids,
                due,
                row -> runs.put(row.getLong(1), row.getInt(2)));
        return runs;
    }

    private static List<String> instancesThatRan(List<Long> ids, Instant due) throws SQLException {
        List<String> instances = new ArrayList<>();
        query(
                "SELECT DISTINCT instance FROM run WHERE scheduled_key = ? AND schedule_id = ANY (?)",
                ids,
                due,
                row -> instances.add(row.getString(1)));
        return instances;
    }

    private static List<String> takenOverDetails(List<Long> ids, Instant due) throws SQLException {
        List<String> details = new ArrayList<>();
        query(
                "SELECT detail FROM run WHERE attempt > 1 AND scheduled_key = ? AND schedule_id = ANY (?)",
                ids,
                due,
                row -> details.add(row.getString(1)));
        return details;
    }

    /** Prints how late the runs started, and where: figures for the README and the closing notes. */
    private static void report(String what, List<Long> ids, Instant due) throws SQLException {
        StringBuilder line = new StringBuilder("Cluster " + what + ":");
        query(
                "SELECT instance, COUNT(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM started_at - scheduled_for)),"
                        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM started_at - scheduled_for))"
                        + " FROM run WHERE scheduled_key = ? AND schedule_id = ANY (?) GROUP BY instance",
                ids,
                due,
                row -> line.append(String.format(
                        " %s ran %d (start lag p50 %.2f s, p99 %.2f s);",
                        row.getString(1), row.getInt(2), row.getDouble(3), row.getDouble(4))));
        System.out.println(line);
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static int count(String sql, List<Long> ids, Instant due) throws SQLException {
        int[] count = new int[1];
        query(sql, ids, due, row -> count[0] = row.getInt(1));
        return count[0];
    }

    private static void query(String sql, List<Long> ids, Instant due, Row reader) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, due.atOffset(ZoneOffset.UTC));
            query.setArray(2, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
