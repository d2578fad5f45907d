package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Mails;
import dev.herald.testing.PortalSession;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Storage returns to its level once the retention has passed, on PostgreSQL. The test measures
 * Herald's file storage ({@code pg_total_relation_size} of the file chunk table: heap, TOAST and
 * indexes) and the rows of everything a run leaves (runs, reports, e-mails, chunks, summary pages,
 * usage-report rows); makes runs with files of every kind (a report sent by link, a partner's
 * on-demand run, both summaries, a usage report), about 15 MB; then lets time pass.
 *
 * <p>Time passes in the data, not on the clock: the test moves every instant of its own runs into
 * the past (as if they had been made that long ago) and leaves the rest to Herald's housekeeping,
 * which wakes every two seconds in the test server (an hour by default). First 100 days: past the
 * 90-day file retention (and the 24-hour on-demand lifetime), so the files go and the runs stay;
 * the link then answers 410. Then 400 days: past the 365-day run history, so the runs go with all
 * that hangs off them, and the link is unknown (404).
 *
 * <p>PostgreSQL gives space back to the file system only from the end of a table, when VACUUM finds
 * enough free pages there (1,000, or a sixteenth of the table); space freed elsewhere stays in the
 * table and is reused by the next files. Housekeeping vacuums the file table after a purge, and the
 * files here are appended at its end and large enough to be cut off, so the TOAST table that holds
 * their bytes comes back to its size. The index of the TOAST table keeps its pages (a B-tree does not
 * shrink; the next files reuse them): about 1.2 % of what was written, so the whole table is allowed
 * 2 % (at least 256 KiB) above where it started.
 */
@SystemTest
class HousekeepingSystemIT {

    private static final List<String> TABLES =
            List.of("run", "run_item", "delivery", "run_file_chunk", "summary_report", "usage_report");
    private static final long PAGE = 8192;
    private static final Pattern FILE_LINK = Pattern.compile("http://localhost:\\d+(/partner/files/[A-Za-z0-9_-]{43})");

    /**
     * The file table's size (all of it, and its TOAST table's data alone), the rows of every table a
     * run leaves, and (for the record) where the bytes are.
     */
    private record Storage(long fileBytes, long toastBytes, Map<String, Long> rows, String parts) {}

    @Test
    void storageReturnsToItsLevelOnceTheRetentionHasPassed() throws Exception {
        Api admin = Api.admin().withToken();
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        String email = partner.username() + "@example.org";
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> count("SELECT COUNT(*) FROM run WHERE status IN ('QUEUED', 'CLAIMED', 'RUNNING')") == 0);
        Storage before = measure();

        List<Long> runs = new ArrayList<>();
        JsonObject schedule = SqlReports.onDemandSchedule(admin, SqlReports.numbers(admin, 100_000), "LINK", email);
        runs.add(runNow(admin, schedule.getJsonNumber("id").longValue()));
        long item = schedule.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        HttpResponse<byte[]> onDemand = asPartner.postForFile("/api/v1/on-demand/" + item + "/run?wait=60", "{}");
        assertThat(onDemand.statusCode()).isEqualTo(200);
        runs.add(Long.parseLong(onDemand.headers().firstValue("X-Herald-Run").orElseThrow()));
        HttpResponse<String> summaries = admin.post("/api/v1/summary-reports/test", "{\"to\": [\"" + email + "\"]}");
        assertThat(summaries.statusCode()).as(summaries.body()).isEqualTo(202);
        runs.add(awaitEnd(admin, admin.json(summaries).getJsonNumber("id").longValue()));
        runs.add(usageReport(admin));
        String link = fileLink(email);
        PortalSession portal = PortalSession.signIn(partner.username(), partner.password());
        assertThat(portal.getBytes(link + "/download").statusCode()).isEqualTo(200);

        Storage withFiles = measure();
        long fileBytes = count("SELECT SUM(byte_count) FROM run_item WHERE run_id IN (" + ids(runs) + ")");
        report("before", before);
        report("with files of " + fileBytes + " bytes", withFiles);
        assertThat(fileBytes).as("the runs made files of some size").isGreaterThan(10_000_000);
        assertThat(withFiles.fileBytes() - before.fileBytes())
                .as("the files are stored uncompressed")
                .isGreaterThanOrEqualTo(fileBytes * 9 / 10);
        assertThat(withFiles.rows().get("run") - before.rows().get("run")).isEqualTo(runs.size());
        assertThat(withFiles.rows().get("summary_report") - before.rows().get("summary_report"))
                .isEqualTo(2);
        assertThat(withFiles.rows().get("usage_report") - before.rows().get("usage_report"))
                .isEqualTo(1);
        // What stays: the pages of the TOAST table's index (a B-tree keeps them for the next files; about
        // 1.2 % of what was written) and the free-space and visibility maps made meanwhile (a few pages).
        long margin = Math.max(256 * 1024, fileBytes / 50);

        // 100 days on: past the file retention (90 days) and the link lifetime, within the run history.
        Instant filesPurgedAfter = Instant.now();
        moveIntoThePast(runs, 100);
        JsonObject firstPurge = awaitPurgeAfter(admin, filesPurgedAfter);
        Storage withoutFiles = measure();
        report("files purged", withoutFiles);
        assertThat(firstPurge.getJsonNumber("files").longValue()).isGreaterThanOrEqualTo(5);
        assertThat(withoutFiles.rows().get("run_file_chunk"))
                .isEqualTo(before.rows().get("run_file_chunk"));
        assertThat(withoutFiles.toastBytes())
                .as("the files' bytes are given back to the file system")
                .isLessThanOrEqualTo(before.toastBytes() + PAGE);
        assertThat(withoutFiles.fileBytes()).isBetween(before.fileBytes() - margin, before.fileBytes() + margin);
        assertThat(withoutFiles.rows().get("run"))
                .as("the runs stay")
                .isEqualTo(withFiles.rows().get("run"));
        HttpResponse<String> expired = portal.get(link + "/download");
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("expired");
        JsonObject run = admin.json(admin.get("/api/v1/runs/" + runs.get(0)));
        assertThat(run.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonObject("file")
                        .getBoolean("available"))
                .isFalse();
        assertThat(purgeAudited(filesPurgedAfter)).anySatisfy(detail -> assertThat(detail)
                .contains("\"files\":" + firstPurge.getJsonNumber("files"), "\"bytes\":"));

        // 400 days on: past the run history (365 days) as well.
        Instant runsPurgedAfter = Instant.now();
        moveIntoThePast(runs, 300);
        JsonObject secondPurge = awaitPurgeAfter(admin, runsPurgedAfter);
        Storage after = measure();
        report("runs purged", after);
        assertThat(secondPurge.getJsonNumber("runs").longValue()).isGreaterThanOrEqualTo(runs.size());
        assertThat(count("SELECT COUNT(*) FROM run WHERE id IN (" + ids(runs) + ")"))
                .isZero();
        assertThat(after.rows()).as("every row the runs left is gone").isEqualTo(before.rows());
        assertThat(after.fileBytes())
                .as(
                        "the file table is back to its size before the runs (%d bytes), within %d",
                        before.fileBytes(), margin)
                .isBetween(before.fileBytes() - margin, before.fileBytes() + margin);
        assertThat(portal.get(link + "/download").statusCode())
                .as("a link whose run is gone is unknown")
                .isEqualTo(404);
        assertThat(purgeAudited(runsPurgedAfter)).anySatisfy(detail -> assertThat(detail)
                .contains("\"runs\":" + secondPurge.getJsonNumber("runs"), "\"usageReports\":1", "\"deliveries\":"));
        JsonObject settings = admin.json(admin.get("/api/v1/settings/housekeeping"));
        assertThat(settings.getInt("runHistoryRetentionDays")).isEqualTo(365);
        assertThat(settings.getString("onDemandFileLifetime")).isEqualTo("PT24H");
    }

    @Test
    void theRunHistoryIsBoundedCheckedOnItsFieldAndAudited() {
        Api admin = Api.admin();
        JsonObject settings = admin.json(admin.get("/api/v1/settings"));
        int history = settings.getInt("runHistoryRetentionDays");

        for (int wrong : new int[] {0, 3651, settings.getInt("fileRetentionDays") - 1}) {
            HttpResponse<String> refused = admin.put(
                    "/api/v1/settings",
                    Json.createObjectBuilder(settings)
                            .add("runHistoryRetentionDays", wrong)
                            .build());
            assertThat(refused.statusCode()).as("%d days", wrong).isEqualTo(400);
            assertThat(Http.json(refused).getJsonArray("errors").getValuesAs(JsonObject.class))
                    .extracting(error -> error.getString("field"))
                    .containsExactly("runHistoryRetentionDays");
        }
        HttpResponse<String> withoutIt = admin.put(
                "/api/v1/settings",
                Json.createObjectBuilder(settings)
                        .remove("runHistoryRetentionDays")
                        .build());
        assertThat(withoutIt.statusCode()).as(withoutIt.body()).isEqualTo(200);
        assertThat(Http.json(withoutIt).getInt("runHistoryRetentionDays"))
                .as("a client that does not know the field keeps it as it is")
                .isEqualTo(history);

        HttpResponse<String> changed = admin.put(
                "/api/v1/settings",
                Json.createObjectBuilder(settings)
                        .add("runHistoryRetentionDays", history + 1)
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(admin.put("/api/v1/settings", settings).statusCode()).isEqualTo(200);
        JsonObject line = admin.json(admin.get("/api/v1/audit?action=settings.update&size=2"))
                .getJsonArray("items")
                .getJsonObject(1);
        assertThat(line.getJsonObject("before").getInt("runHistoryRetentionDays"))
                .isEqualTo(history);
        assertThat(line.getJsonObject("after").getInt("runHistoryRetentionDays"))
                .isEqualTo(history + 1);
    }

    // --- runs

    private static long runNow(Api admin, long scheduleId) {
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return awaitEnd(admin, admin.json(started).getJsonNumber("id").longValue());
    }

    private static long awaitEnd(Api admin, long runId) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> admin.json(admin.get("/api/v1/runs/" + runId))
                        .getString("status")
                        .equals("SUCCEEDED"));
        return runId;
    }

    /** A usage report of every tenant's last week; the run that made it. */
    private static long usageReport(Api admin) {
        HttpResponse<String> made = admin.post(
                "/api/v1/usage-reports",
                Json.createObjectBuilder()
                        .add("name", "Housekeeping test")
                        .add("scope", "ALL")
                        .add("delimiter", "COMMA")
                        .add("period", "LAST_7_DAYS")
                        .build());
        assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
        long id = admin.json(made).getJsonNumber("id").longValue();
        JsonObject[] report = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    report[0] = admin.json(admin.get("/api/v1/usage-reports/" + id));
                    return report[0].getString("status").equals("COMPLETE");
                });
        return report[0].getJsonNumber("runId").longValue();
    }

    /**
     * Moves every instant of the runs (and of their reports, e-mails and usage-report rows) the given
     * number of days into the past: the runs look as if they had been made that long ago.
     */
    private static void moveIntoThePast(List<Long> runs, int days) throws SQLException {
        String by = "INTERVAL '" + days + " days'";
        String in = ids(runs);
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.executeUpdate(
                    "UPDATE run SET created_at = created_at - " + by + ", scheduled_for = scheduled_for - "
                            + by + ", started_at = started_at - " + by + ", finished_at = finished_at - " + by
                            + ", heartbeat_at = heartbeat_at - " + by + " WHERE id IN (" + in + ")");
            statement.executeUpdate("UPDATE run_item SET rendered_at = rendered_at - " + by + ", file_kept_until"
                    + " = file_kept_until - " + by + " WHERE run_id IN (" + in + ")");
            statement.executeUpdate("UPDATE delivery SET sent_at = sent_at - " + by + ", link_expires_at"
                    + " = link_expires_at - " + by + ", updated_at = updated_at - " + by
                    + " WHERE run_item_id IN (SELECT id FROM run_item WHERE run_id IN (" + in + "))");
            statement.executeUpdate(
                    "UPDATE usage_report SET created_at = created_at - " + by + " WHERE run_id IN (" + in + ")");
            connection.commit();
        }
    }

    /** Waits for a purge that housekeeping records after the instant; answers it as Settings shows it. */
    private static JsonObject awaitPurgeAfter(Api admin, Instant after) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonObject housekeeping = admin.json(admin.get("/api/v1/settings/housekeeping"));
                    if (!housekeeping.containsKey("lastPurge") || housekeeping.isNull("lastPurge")) {
                        return false;
                    }
                    last[0] = housekeeping.getJsonObject("lastPurge");
                    return Instant.parse(last[0].getString("at")).isAfter(after);
                });
        return last[0];
    }

    private static List<String> purgeAudited(Instant after) {
        return Api.admin()
                .json(Api.admin().get("/api/v1/audit?action=housekeeping.purge&from=" + after))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(line -> line.getString("detail"))
                .toList();
    }

    private static String fileLink(String address) throws Exception {
        for (MimeMessage mail : Mails.to(address)) {
            Matcher link = FILE_LINK.matcher(Mails.text(mail));
            if (link.find()) {
                return link.group(1);
            }
        }
        throw new AssertionError("No file link sent to " + address);
    }

    // --- the database

    private static Storage measure() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            rows.put(table, count("SELECT COUNT(*) FROM " + table));
        }
        return new Storage(
                count("SELECT pg_total_relation_size('run_file_chunk')"),
                count("SELECT pg_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'run_file_chunk'"),
                rows,
                parts());
    }

    /** Where the file table's bytes are, for the README's figures. */
    private static String parts() throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT pg_table_size(c.oid)"
                        + " - pg_table_size(c.reltoastrelid) - pg_indexes_size(c.reltoastrelid),"
                        + " pg_relation_size(c.reltoastrelid),"
                        + " pg_table_size(c.reltoastrelid) - pg_relation_size(c.reltoastrelid),"
                        + " pg_indexes_size(c.reltoastrelid), pg_indexes_size(c.oid)"
                        + " FROM pg_class c WHERE c.relname = 'run_file_chunk'");
                ResultSet row = query.executeQuery()) {
            row.next();
            return "heap " + row.getLong(1) + " with its maps, TOAST " + row.getLong(2) + " + " + row.getLong(3)
                    + " of maps, TOAST index " + row.getLong(4) + ", primary key " + row.getLong(5);
        }
    }

    private static void report(String when, Storage storage) {
        System.out.println("Housekeeping test, " + when + ": file table " + storage.fileBytes() + " bytes ("
                + storage.parts() + "), rows " + storage.rows());
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
