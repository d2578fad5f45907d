package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Schedules;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail server refusing, as users live it. While it answers 421 to every connection, runs wait
 * for their next try as rows, not threads: a partner's on-demand file comes as fast as with mail
 * healthy, a usage export completes, a schedule due meanwhile starts on time, health says mail is
 * failing; once the server is back every e-mail is sent exactly once (counted at the server). When
 * the relay stops offering STARTTLS, which Herald requires, that is a fault of the settings: the
 * deliveries fail at once with the reason, administrators are told once, and after the fix
 * "resend failed" sends each e-mail once.
 */
@SystemTest
class MailOutageSystemIT {

    private static final int SCHEDULES = 60;
    private static final List<String> GOING = List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING");

    private static Api admin;

    @BeforeAll
    static void adminToken() {
        admin = Api.admin().withToken();
    }

    @AfterEach
    void mailServerBack() {
        HeraldServer.get().smtpGate().busy(false);
        HeraldServer.get().smtpGate().offerStartTls(true);
    }

    @Test
    void whileTheServerAnswers421NothingElseWaitsAndAfterwardsEachEmailIsSentOnce() throws Exception {
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        long onDemandItem = SqlReports.onDemandSchedule(
                        admin, SqlReports.tenants(admin), "LINK", partner.username() + "@example.org")
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        List<Long> healthy = onDemandTimes(asPartner, onDemandItem);

        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> schedules = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            schedules.add(schedule(prefix + "-" + i + "@example.org", "SKIP"));
        }
        // A schedule whose report fails whenever it runs (a division by zero): its run
        // fails during the outage, and its owner's notice must wait for the mail server too.
        TestUser owner = TestUsers.create("Administrator");
        String ownerAddress = owner.username() + "@example.org";
        long failing = failingSchedule(owner, prefix + "-failing@example.org");

        HeraldServer.get().smtpGate().busy(true);
        dueIn(schedules, Duration.ofSeconds(2));
        dueIn(List.of(failing), Duration.ofSeconds(2));
        // Every e-mail has been refused twice: the runs wait as rows between tries.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> refusedTwice(schedules) == SCHEDULES);
        assertThat(runStatuses(schedules).keySet()).isSubsetOf("WAITING", "CLAIMED", "RUNNING");

        // The outage goes on: every run waits as a row, and the workers are free for everything else.
        List<Long> duringOutage = onDemandTimes(asPartner, onDemandItem);
        HttpResponse<String> export = admin.post(
                "/api/v1/usage-reports",
                Json.createObjectBuilder()
                        .add("name", "During the outage")
                        .add("scope", "ALL")
                        .add("period", "CUSTOM")
                        .add("from", LocalDate.now().minusDays(7).toString())
                        .add("to", LocalDate.now().minusDays(1).toString())
                        .build());
        assertThat(export.statusCode()).as(export.body()).isEqualTo(202);
        int exportId = admin.json(export).getInt("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.json(admin.get("/api/v1/usage-reports/" + exportId))
                .getString("status")
                .equals("RUNNING"));
        assertThat(admin.json(admin.get("/api/v1/usage-reports/" + exportId)).getString("status"))
                .isEqualTo("COMPLETE");
        long later = schedule(prefix + "-later@example.org", "SKIP");
        dueIn(List.of(later), Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(20)).until(() -> lagSeconds(later) != null);
        double lag = lagSeconds(later);

        JsonObject mail = mailCheck();
        System.out.printf(
                "Mail outage (421): on-demand file in %s ms with mail healthy, %s ms during the outage;"
                        + " a run due during the outage started %.2f s after its time; health: %s%n",
                healthy, duringOutage, lag, mail);
        assertThat(lag).as("a run due during the outage starts on time").isLessThan(5.0);
        assertThat(maxOf(duringOutage))
                .as("on-demand during the outage (%s ms) as fast as with mail healthy (%s ms)", duringOutage, healthy)
                .isLessThanOrEqualTo(2 * maxOf(healthy) + 1000);
        assertThat(mail.getString("status")).isEqualTo("DEGRADED");
        assertThat(mail.getJsonObject("facts").getInt("consecutiveFailures")).isPositive();
        assertThat(mail.getJsonObject("facts")
                        .getJsonNumber("deliveriesWaiting")
                        .longValue())
                .isGreaterThanOrEqualTo(SCHEDULES);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> noticeTries(failing) > 0);
        assertThat(runStatuses(List.of(failing))).isEqualTo(Map.of("FAILED", 1));
        assertThat(messagesTo(ownerAddress)).isEmpty();

        HeraldServer.get().smtpGate().busy(false);
        List<Long> all = new ArrayList<>(schedules);
        all.add(later);
        await().atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Map<String, Integer> statuses = runStatuses(all);
                    return statuses.getOrDefault("SUCCEEDED", 0) == all.size();
                });
        assertThat(runStatuses(all)).as("none skipped, none twice").isEqualTo(Map.of("SUCCEEDED", all.size()));
        for (int i = 0; i < SCHEDULES; i++) {
            assertThat(messagesTo(prefix + "-" + i + "@example.org"))
                    .as("exactly one e-mail to recipient " + i)
                    .hasSize(1);
        }
        assertThat(messagesTo(prefix + "-later@example.org")).hasSize(1);
        // The owner is an administrator too, so the outage's alert may reach them as well: the
        // notice of the failed run is the one that is not the alert.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !ownerNotices(ownerAddress).isEmpty());
        List<MimeMessage> notices = ownerNotices(ownerAddress);
        assertThat(notices)
                .as("the owner's notice arrives once the mail server is back, once")
                .hasSize(1);
        assertThat(notices.get(0).getSubject()).contains("failed");
        assertThat(alerts(ownerAddress))
                .as("at most one alert per administrator")
                .hasSizeLessThanOrEqualTo(1);
        assertThat(messagesTo(prefix + "-failing@example.org")).isEmpty();
        assertThat(mailCheck().getString("status")).isEqualTo("UP");
    }

    /** The messages to this address that are not the administrators' alert. */
    private static List<MimeMessage> ownerNotices(String address) throws Exception {
        List<MimeMessage> notices = new ArrayList<>();
        for (MimeMessage message : messagesTo(address)) {
            if (!"Herald cannot send e-mail".equals(message.getSubject())) {
                notices.add(message);
            }
        }
        return notices;
    }

    /** A schedule owned by {@code owner} whose one report fails at run time; its id. */
    private static long failingSchedule(TestUser owner, String recipient) throws Exception {
        // The first row is fine (the check on saving reads one row); the second divides by zero.
        String report = SqlReports.create(
                admin,
                "failing",
                "SELECT CASE WHEN n < 2 THEN n ELSE 1 / (n - n) END AS broken FROM (SELECT generate_series(1, 10) AS n) s");
        long criteriaSet = Api.parseArray(admin.get("/api/v1/reports/" + report + "/criteria-sets")
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        JsonObject schedule = Json.createObjectBuilder(
                        Schedules.dailyAt(Schedules.uniqueName("Failing"), LocalTime.of(3, 0)))
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reportKey", report)
                                        .add("criteriaSetId", criteriaSet)
                                        .add("displayName", "Broken")
                                        .add(
                                                "recipients",
                                                Json.createArrayBuilder().add(recipient))
                                        .add("deliverAs", "ATTACHMENT")
                                        .add("format", "CSV")
                                        .add("csvDelimiter", "COMMA")))
                .build();
        HttpResponse<String> created = admin.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        // The owner is whoever the schedule names (the test user, who has an e-mail address).
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE schedule SET owner_id = (SELECT id FROM app_user WHERE username = ?) WHERE id = ?")) {
            update.setString(1, owner.username());
            update.setLong(2, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    /** How many times the owner's notice of the schedule's run has been tried. */
    private static int noticeTries(long schedule) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COALESCE(MAX(n.tries), 0) FROM notice n"
                        + " JOIN run r ON r.id = n.run_id WHERE r.schedule_id = ? AND n.kind = 'OWNER_NOTICE'")) {
            query.setLong(1, schedule);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void withoutStartTlsDeliveriesFailAtOnceAdministratorsAreToldOnceAndResendSendsEachOnce() throws Exception {
        TestUser administrator = TestUsers.create("Administrator");
        String prefix = "notls-" + UUID.randomUUID().toString().substring(0, 8);
        HeraldServer.get().smtpGate().offerStartTls(false);
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long schedule = schedule(prefix + "-" + i + "@example.org", "RUN_ONCE");
            HttpResponse<String> started = admin.post("/api/v1/schedules/" + schedule + "/run", "{}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            runs.add(admin.json(started).getJsonNumber("id").longValue());
        }
        for (long run : runs) {
            JsonObject ended = awaitEnd(run);
            assertThat(ended.getString("status")).as(ended.toString()).isEqualTo("FAILED");
            JsonObject delivery = ended.getJsonArray("items")
                    .getJsonObject(0)
                    .getJsonArray("deliveries")
                    .getJsonObject(0);
            assertThat(delivery.getString("status")).isEqualTo("FAILED");
            assertThat(delivery.getInt("attempts"))
                    .as("not retried: no try can help")
                    .isEqualTo(1);
            assertThat(delivery.getString("lastError")).contains("does not offer STARTTLS");
        }
        JsonObject mail = mailCheck();
        assertThat(mail.getString("status")).isEqualTo("DEGRADED");
        assertThat(mail.getString("detail")).contains("STARTTLS");

        HeraldServer.get().smtpGate().offerStartTls(true);
        String administratorAddress = administrator.username() + "@example.org";
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !alerts(administratorAddress).isEmpty());
        for (long run : runs) {
            HttpResponse<String> resend = admin.post("/api/v1/runs/" + run + "/resend-failed", "{}");
            assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
        }
        for (long run : runs) {
            assertThat(awaitEnd(run).getString("status")).isEqualTo("SUCCEEDED");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(messagesTo(prefix + "-" + i + "@example.org")).hasSize(1);
        }
        assertThat(alerts(administratorAddress))
                .as("told once, not once per run")
                .hasSize(1);
        assertThat(mailCheck().getString("status")).isEqualTo("UP");
    }

    // --- helpers

    private static long schedule(String recipient, String misfirePolicy) {
        JsonObject schedule = Json.createObjectBuilder(
                        Schedules.dailyAt(Schedules.uniqueName("Outage"), LocalTime.of(3, 0), misfirePolicy))
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Schedules.lastWeekPayments("Sales", "CSV", "ATTACHMENT", recipient)))
                .build();
        HttpResponse<String> created = admin.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created).getJsonNumber("id").longValue();
    }

    /** Makes the schedules fall due {@code in} from now (the database's time). */
    private static void dueIn(List<Long> schedules, Duration in) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE schedule SET next_run_at = date_trunc('second', CURRENT_TIMESTAMP) + ? * INTERVAL '1 second'"
                                + " WHERE id = ?")) {
            for (long id : schedules) {
                update.setLong(1, in.toSeconds());
                update.setLong(2, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static Map<String, Integer> runStatuses(List<Long> schedules) throws Exception {
        Map<String, Integer> statuses = new HashMap<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT status, COUNT(*) FROM run WHERE schedule_id = ANY (?)"
                                + " AND run_trigger = 'SCHEDULED' GROUP BY status")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return statuses;
    }

    /** How many of the schedules' e-mails wait for another try after at least two refusals. */
    private static int refusedTwice(List<Long> schedules) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM delivery d"
                        + " JOIN run_item i ON i.id = d.run_item_id JOIN run r ON r.id = i.run_id"
                        + " WHERE r.schedule_id = ANY (?) AND d.status = 'RETRY' AND d.tries >= 2")) {
            query.setArray(1, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Seconds from the scheduled run's due time to its start; null until it started. */
    private static Double lagSeconds(long schedule) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT EXTRACT(EPOCH FROM started_at - scheduled_for) FROM run WHERE schedule_id = ?"
                                + " AND started_at IS NOT NULL")) {
            query.setLong(1, schedule);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getDouble(1) : null;
            }
        }
    }

    /** Three on-demand runs one after another, each timed from the request to the file in hand. */
    private static List<Long> onDemandTimes(Api asPartner, long item) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> file = asPartner.postForFile("/api/v1/on-demand/" + item + "/run", "{}");
            times.add((System.nanoTime() - started) / 1_000_000);
            assertThat(file.statusCode()).as(new String(file.body())).isEqualTo(200);
        }
        return times;
    }

    private static long maxOf(List<Long> times) {
        return times.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static JsonObject mailCheck() {
        JsonObject health = admin.json(admin.get("/api/v1/health"));
        for (JsonValue check : health.getJsonArray("checks")) {
            if (check.asJsonObject().getString("name").equals("mail")) {
                return check.asJsonObject();
            }
        }
        throw new AssertionError("No mail check in " + health);
    }

    private static JsonObject awaitEnd(long runId) {
        JsonObject[] run = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    run[0] = admin.json(admin.get("/api/v1/runs/" + runId));
                    return !GOING.contains(run[0].getString("status"));
                });
        return run[0];
    }

    private static List<MimeMessage> alerts(String address) throws Exception {
        List<MimeMessage> alerts = new ArrayList<>();
        for (MimeMessage message : messagesTo(address)) {
            if ("Herald cannot send e-mail".equals(message.getSubject())) {
                alerts.add(message);
            }
        }
        return alerts;
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        return Mailbox.messagesTo(address);
    }
}
