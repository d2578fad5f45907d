package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Schedules;
import dev.herald.testing.ServerLog;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A per-recipient item of a report bound to the promoter, to 12 recipients holding a promoter each
 * (two the same): the run makes their 12 files in one split pass (the server says so), and each file
 * is the one the same item makes, recipient by recipient, for 3 of them (below the threshold): the
 * same rows, the same bytes. Each file is stored and delivered on its own.
 */
@SystemTest
class RecipientSplitSystemIT {

    private static final Duration RUN_TIME = Duration.ofSeconds(180);
    private final Api admin = Api.admin().withToken();

    private record Recipient(String username, String email, String promoter) {}

    @Test
    void twelveRecipientsFilesAreMadeInOnePassEachAsItWouldBeAlone() throws Exception {
        List<String> promoters = promoters();
        assertThat(promoters).hasSizeGreaterThanOrEqualTo(11);
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String promoter = promoters.get(i == 11 ? 0 : i); // the twelfth holds the first one's promoter
            String username = TestUsers.create("Collect Reports").username();
            hold(username, promoter);
            recipients.add(new Recipient(username, username + "@example.org", promoter));
        }
        Instant before = Instant.now().minusSeconds(1); // the log stamps milliseconds; the clocks are one

        long together = run(item(recipients));
        long alone = run(item(recipients.subList(0, 3)));

        Map<String, String[]> split = files(together);
        Map<String, String[]> single = files(alone);
        assertThat(split).hasSize(12);
        assertThat(single).hasSize(3);
        for (Recipient recipient : recipients.subList(0, 3)) {
            assertThat(split.get(recipient.username()))
                    .as("the file of " + recipient.username() + " (promoter " + recipient.promoter() + ")")
                    .isEqualTo(single.get(recipient.username()));
        }
        assertThat(split.get(recipients.get(11).username()))
                .as("two recipients of the same promoter: the same rows")
                .isEqualTo(split.get(recipients.get(0).username()));
        assertThat(split.values().stream().filter(f -> !f[0].equals("0")).count())
                .as("several promoters have rows")
                .isGreaterThan(1);
        String said = ServerLog.since(before);
        assertThat(said).contains("Run " + together + ": made 12 files of").contains("in one pass");
        assertThat(said).doesNotContain("Run " + alone + ": made 3 files of");
    }

    private JsonObject item(List<Recipient> recipients) {
        LocalDate today = LocalDate.now();
        JsonArrayBuilder to = Json.createArrayBuilder();
        recipients.forEach(r -> to.add(r.email()));
        return Json.createObjectBuilder()
                .add("reportKey", "sales-by-event")
                .add(
                        "criteria",
                        Json.createObjectBuilder()
                                .add(
                                        "period",
                                        Json.createObjectBuilder()
                                                .add("from", today.minusDays(90).toString())
                                                .add("to", today.toString())))
                .add("displayName", "Your sales")
                .add("recipients", to)
                .add("deliverAs", "LINK")
                .add("format", "CSV")
                .add("csvDelimiter", "COMMA")
                .add("skipWhenEmpty", false)
                .add("perRecipient", true)
                .build();
    }

    /** Makes an on-demand schedule with the item, runs it and waits for its end; answers the run. */
    private long run(JsonObject item) {
        JsonObject schedule = Json.createObjectBuilder()
                .add("name", Schedules.uniqueName("Split"))
                .add("runOnDemand", true)
                .add("runAsSchedule", false)
                .add("items", Json.createArrayBuilder().add(item))
                .build();
        HttpResponse<String> created = admin.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long scheduleId = admin.json(created).getJsonNumber("id").longValue();
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = admin.json(started).getJsonNumber("id").longValue();
        JsonObject[] run = new JsonObject[1];
        await().atMost(RUN_TIME).pollInterval(Duration.ofMillis(500)).until(() -> {
            run[0] = admin.json(admin.get("/api/v1/runs/" + runId));
            return !List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING").contains(run[0].getString("status"));
        });
        assertThat(run[0].getString("status")).as(run[0].toString()).isEqualTo("SUCCEEDED");
        return runId;
    }

    /** Each run item's recipient account → its row count and file's SHA-256, from the database. */
    private static Map<String, String[]> files(long runId) throws SQLException {
        Map<String, String[]> files = new HashMap<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT made_for, status, row_count, sha256 FROM run_item WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    assertThat(rows.getString("status")).isEqualTo("RENDERED");
                    files.put(
                            rows.getString("made_for"),
                            new String[] {Long.toString(rows.getLong("row_count")), rows.getString("sha256")});
                }
            }
        }
        return files;
    }

    private static List<String> promoters() throws SQLException {
        List<String> promoters = new ArrayList<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM reporting.ticketing_promoter ORDER BY id");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                promoters.add(rows.getString(1));
            }
        }
        return promoters;
    }

    private static void hold(String username, String promoter) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO account_scope (user_id, kind, scope_value)"
                                + " SELECT id, 'promoter', ? FROM app_user WHERE username = ?")) {
            insert.setString(1, promoter);
            insert.setString(2, username);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
