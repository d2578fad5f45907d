package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mails;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Usage reports on PostgreSQL with the demo tenants: each tenant's figures in the CSV are those in
 * the database, pipe-delimited files parse, a large export is cancelled within seconds and keeps no
 * file, a scheduled task mails its CSV when its time comes, and wrong input is named field by field.
 */
@SystemTest
class UsageReportsSystemIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static Api admin;

    @BeforeAll
    static void deploy() {
        HeraldServer.get().deployHerald();
        admin = Api.admin().withToken();
    }

    @Test
    void everyTenantsFiguresInThePipeDelimitedFileAreThoseInTheDatabase() throws Exception {
        JsonObject report = generate(Json.createObjectBuilder()
                .add("name", "All tenants, last 30 days")
                .add("description", "Checked against the database")
                .add("scope", "ALL")
                .add("delimiter", "PIPE")
                .add("period", "LAST_30_DAYS")
                .build());
        JsonObject done = awaitStatus(report.getInt("id"), "COMPLETE");
        assertThat(done.getInt("percent")).isEqualTo(100);
        LocalDate from = LocalDate.parse(done.getString("from"));
        LocalDate to = LocalDate.parse(done.getString("to"));
        LocalDate today = LocalDate.now(LONDON);
        assertThat(from).isEqualTo(today.minusDays(30));
        assertThat(to).isEqualTo(today.minusDays(1));

        List<String[]> rows = csv(file(report.getInt("id")), "\\|");
        assertThat(rows.get(0))
                .containsExactly(
                        "Tenant id",
                        "Tenant",
                        "Status",
                        "Plan",
                        "Region",
                        "From",
                        "To",
                        "Peak active users",
                        "Average active users",
                        "Voice credits",
                        "SMS credits");
        Map<Long, Figures> expected = figures(from, to, null);
        assertThat(expected.values())
                .as("the demo data has tenants without usage in the period: they are in the file too")
                .anyMatch(figures -> figures.peak() == 0);
        assertThat(rows).hasSize(expected.size() + 1);
        assertThat(done.getJsonObject("file").getInt("rows")).isEqualTo(expected.size());
        for (String[] row : rows.subList(1, rows.size())) {
            assertThat(row).hasSize(11);
            Figures figures = expected.get(Long.parseLong(row[0]));
            assertThat(figures).as("tenant " + row[0]).isNotNull();
            assertThat(row[1]).isEqualTo(figures.name());
            assertThat(Long.parseLong(row[7])).as("peak users of " + row[1]).isEqualTo(figures.peak());
            assertThat(new BigDecimal(row[9])).as("voice credits of " + row[1]).isEqualByComparingTo(figures.voice());
            assertThat(new BigDecimal(row[10])).as("SMS credits of " + row[1]).isEqualByComparingTo(figures.sms());
        }
    }

    @Test
    void oneTenantDayByDayAndAFilteredListEachHoldOnlyTheirTenants() throws Exception {
        long tenantId = firstLong(
                "SELECT tenant_id FROM reporting.usage_daily GROUP BY tenant_id ORDER BY COUNT(*) DESC LIMIT 1");
        LocalDate to = LocalDate.now(LONDON).minusDays(1);
        LocalDate from = to.minusDays(13);
        JsonObject daily = generate(Json.createObjectBuilder()
                .add("name", "One tenant per day")
                .add("scope", "TENANT")
                .add("tenantId", tenantId)
                .add("delimiter", "COMMA")
                .add("period", "CUSTOM")
                .add("from", from.toString())
                .add("to", to.toString())
                .add("daily", true)
                .build());
        awaitStatus(daily.getInt("id"), "COMPLETE");
        List<String[]> days = csv(file(daily.getInt("id")), ",");
        long usageDays = firstLong("SELECT COUNT(*) FROM reporting.usage_daily WHERE tenant_id = " + tenantId
                + " AND usage_day BETWEEN DATE '" + from + "' AND DATE '" + to + "'");
        assertThat(days).hasSize((int) usageDays + 1);
        for (String[] day : days.subList(1, days.size())) {
            assertThat(Long.parseLong(day[0])).isEqualTo(tenantId);
            assertThat(day[5]).as("one day per row").isEqualTo(day[6]);
            assertThat(new BigDecimal(day[9]))
                    .isEqualByComparingTo(
                            firstDecimal("SELECT voice_credits FROM reporting.usage_daily WHERE tenant_id = " + tenantId
                                    + " AND usage_day = DATE '" + day[5] + "'"));
        }

        JsonObject filtered = generate(Json.createObjectBuilder()
                .add("name", "Active enterprise tenants")
                .add("scope", "FILTERED")
                .add(
                        "filter",
                        Json.createObjectBuilder()
                                .add("status", Json.createArrayBuilder().add("ACTIVE"))
                                .add("plan", Json.createArrayBuilder().add("ENTERPRISE")))
                .add("period", "LAST_MONTH")
                .build());
        JsonObject done = awaitStatus(filtered.getInt("id"), "COMPLETE");
        List<String[]> rows = csv(file(filtered.getInt("id")), ",");
        Map<Long, Figures> expected = figures(
                LocalDate.parse(done.getString("from")),
                LocalDate.parse(done.getString("to")),
                "tn.status = 'ACTIVE' AND tn.plan = 'ENTERPRISE'");
        assertThat(rows).hasSize(expected.size() + 1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
            assertThat(row[2]).isEqualTo("ACTIVE");
            assertThat(row[3]).isEqualTo("ENTERPRISE");
        });
        String list = admin.get("/api/v1/usage-reports/export?delimiter=PIPE").body();
        assertThat(list.lines().findFirst().orElseThrow()).startsWith("Id|Name|Description|Tenants");
        assertThat(list)
                .contains("Active enterprise tenants|")
                .contains("Tenants whose status Active, plan Enterprise");
    }

    @Test
    void cancellingALargeExportStopsItWithinSecondsAndKeepsNoFile() throws Exception {
        String prefix = "Bulk-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        int tenants = 3000;
        LocalDate to = LocalDate.now(LONDON).minusDays(1);
        LocalDate from = to.minusDays(399);
        try {
            bulkTenants(prefix, tenants, from, to);

            // Cancelled while the database is still aggregating, before any row: the query itself is cancelled.
            JsonObject early = generate(Json.createObjectBuilder()
                    .add("name", "Everything, every day, stopped early")
                    .add("scope", "FILTERED")
                    .add("filter", Json.createObjectBuilder().add("name", prefix))
                    .add("period", "CUSTOM")
                    .add("from", from.toString())
                    .add("to", to.toString())
                    .add("daily", true)
                    .build());
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> exportQueriesRunning() > 0);
            HttpResponse<String> stoppedEarly =
                    admin.post("/api/v1/usage-reports/" + early.getInt("id") + "/cancel", "{}");
            assertThat(stoppedEarly.statusCode()).as(stoppedEarly.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> exportQueriesRunning() == 0);
            long earlyItem = admin.json(stoppedEarly).getJsonNumber("itemId").longValue();
            assertThat(firstLong("SELECT COUNT(*) FROM run_file_chunk WHERE run_item_id = " + earlyItem))
                    .isZero();

            // Cancelled while writing rows: the writing stops at the next progress report.
            JsonObject report = generate(Json.createObjectBuilder()
                    .add("name", "Everything, every day")
                    .add("scope", "FILTERED")
                    .add("filter", Json.createObjectBuilder().add("name", prefix))
                    .add("period", "CUSTOM")
                    .add("from", from.toString())
                    .add("to", to.toString())
                    .add("daily", true)
                    .build());
            int id = report.getInt("id");
            assertThat(report.getJsonNumber("expectedRows").longValue()).isEqualTo(tenants * 400L);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> admin.json(admin.get("/api/v1/usage-reports/" + id))
                                    .getJsonNumber("rows")
                                    .longValue()
                            > 0);

            Instant asked = Instant.now();
            HttpResponse<String> cancelled = admin.post("/api/v1/usage-reports/" + id + "/cancel", "{}");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertThat(admin.json(cancelled).getString("status")).isEqualTo("CANCELLED");
            long itemId = admin.json(cancelled).getJsonNumber("itemId").longValue();
            // The worker notices at its next progress report (every half second) and stops writing.
            AtomicLong lastSeen = new AtomicLong(-1);
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200))
                    .during(Duration.ofSeconds(1))
                    .until(() -> {
                        long rows = firstLong("SELECT COALESCE(row_count, 0) FROM run_item WHERE id = " + itemId);
                        return lastSeen.getAndSet(rows) == rows;
                    });
            Duration stopped = Duration.between(asked, Instant.now());
            assertThat(stopped).isLessThan(Duration.ofSeconds(5));
            JsonObject after = admin.json(admin.get("/api/v1/usage-reports/" + id));
            assertThat(after.getString("status")).isEqualTo("CANCELLED");
            assertThat(absent(after, "file")).isTrue();
            assertThat(after.getJsonNumber("rows").longValue()).isLessThan(tenants * 400L);
            assertThat(firstLong("SELECT COUNT(*) FROM run_file_chunk WHERE run_item_id = " + itemId))
                    .as("no part of the file is kept")
                    .isZero();
            assertThat(admin.post("/api/v1/usage-reports/" + id + "/cancel", "{}")
                            .statusCode())
                    .isEqualTo(409);
            assertThat(admin.get("/api/v1/usage-reports/" + id + "/file").statusCode())
                    .isEqualTo(404);
        } finally {
            execute(
                    "DELETE FROM reporting.usage_daily WHERE tenant_id IN (SELECT id FROM reporting.usage_tenant WHERE name LIKE '"
                            + prefix + "%')");
            execute("DELETE FROM reporting.usage_tenant WHERE name LIKE '" + prefix + "%'");
        }
    }

    @Test
    void aScheduledTaskMailsItsCsvWhenItsTimeComesAndCanBeChangedSwitchedAndDeleted() throws Exception {
        String to = "usage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = admin.post(
                "/api/v1/scheduled-tasks",
                Json.createObjectBuilder()
                        .add("name", "Weekly usage " + to)
                        .add("description", "For finance")
                        .add("email", to)
                        .add("taskType", "USAGE_REPORT")
                        .add("recurrence", "WEEKLY")
                        .add("dayOfWeek", "WEDNESDAY")
                        .add("delimiter", "PIPE")
                        .add("enabled", true)
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject task = admin.json(created);
        long id = task.getJsonNumber("id").longValue();
        Instant next = Instant.parse(task.getString("nextRunAt"));
        assertThat(next.atZone(LONDON).getDayOfWeek()).hasToString("WEDNESDAY");
        assertThat(next.atZone(LONDON).getHour()).isBetween(5, 6);
        assertThat(admin.get("/api/v1/schedules?size=200").body()).doesNotContain("Weekly usage " + to);

        // Its time comes: the scheduler finds it due, like every schedule.
        execute("UPDATE schedule SET next_run_at = CURRENT_TIMESTAMP - INTERVAL '1 second' WHERE id = " + id);
        await().atMost(Duration.ofSeconds(90)).until(() -> Mails.to(to).size() == 1);
        MimeMessage mail = Mails.to(to).get(0);
        String csv = new String(Mails.attachment(mail), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Tenant id|Tenant|Status|Plan|Region|From|To");
        assertThat(csv.lines().count()).isGreaterThan(1);

        HttpResponse<String> changed = admin.put(
                "/api/v1/scheduled-tasks/" + id,
                Json.createObjectBuilder()
                        .add("name", "Monthly usage " + to)
                        .add("email", to)
                        .add("taskType", "USAGE_REPORT")
                        .add("recurrence", "MONTHLY")
                        .add("delimiter", "COMMA")
                        .add("enabled", true)
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(Instant.parse(admin.json(changed).getString("nextRunAt"))
                        .atZone(LONDON)
                        .getDayOfMonth())
                .isEqualTo(1);
        // Its address changed to another and back: each a plain 200 (the second was a 500, a duplicate key).
        for (String address : List.of("elsewhere-" + to, to)) {
            HttpResponse<String> readdressed = admin.put(
                    "/api/v1/scheduled-tasks/" + id,
                    Json.createObjectBuilder()
                            .add("name", "Monthly usage " + to)
                            .add("email", address)
                            .add("taskType", "USAGE_REPORT")
                            .add("recurrence", "MONTHLY")
                            .add("delimiter", "COMMA")
                            .add("enabled", true)
                            .build());
            assertThat(readdressed.statusCode()).as(readdressed.body()).isEqualTo(200);
            assertThat(admin.json(readdressed).getString("email")).isEqualTo(address);
        }
        JsonObject disabled = admin.json(admin.post("/api/v1/scheduled-tasks/" + id + "/disable", "{}"));
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(absent(disabled, "nextRunAt")).isTrue();
        assertThat(admin.json(admin.post("/api/v1/scheduled-tasks/" + id + "/enable", "{}"))
                        .getBoolean("enabled"))
                .isTrue();
        assertThat(admin.delete("/api/v1/scheduled-tasks/" + id).statusCode()).isEqualTo(204);
        assertThat(admin.get("/api/v1/scheduled-tasks/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void wrongInputIsNamedFieldByField() {
        HttpResponse<String> report = admin.post(
                "/api/v1/usage-reports",
                Json.createObjectBuilder()
                        .add("name", "")
                        .add("scope", "TENANT")
                        .add("tenantId", 987654321)
                        .add("delimiter", "TAB")
                        .add("period", "CUSTOM")
                        .add("from", "2026-05-10")
                        .add("to", "2026-05-01")
                        .build());
        assertThat(report.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(report))).containsOnly("name", "tenantId", "delimiter", "to");

        HttpResponse<String> task = admin.post(
                "/api/v1/scheduled-tasks",
                Json.createObjectBuilder()
                        .add("name", "x")
                        .add("email", "not-an-address")
                        .add("taskType", "DELETE_EVERYTHING")
                        .add("recurrence", "WEEKLY")
                        .add("dayOfWeek", "FUNDAY")
                        .build());
        assertThat(task.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(task))).containsOnly("email", "taskType", "dayOfWeek");
    }

    @Test
    void theConsoleGeneratesAReportForTheFilteredListAndManagesAScheduledTask() {
        WebDriver browser = Browser.open();
        try {
            Page page = new Page(browser);
            browser.get(HeraldServer.get().baseUrl() + "/console/");
            page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
            page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));

            page.click("navTenants");
            page.waiting().until(ExpectedConditions.urlContains("/console/tenants.xhtml"));
            page.search("tenants:name", "aurora");
            page.waiting()
                    .until(driver ->
                            driver.findElement(By.id("tenants:table")).getText().contains("Aurora"));
            assertThat(browser.findElement(By.id("tenants:table")).getText()).doesNotContain("Beacon");
            page.click("tenants:generateFiltered");
            page.waitForText("generateForm", "name contains “aurora”");
            String name = "Aurora tenants " + UUID.randomUUID().toString().substring(0, 6);
            page.type("generateForm:reportName", name);
            Browser.screenshot(browser, "console-tenants-generate-dialog");
            page.click("generateForm:confirm");
            page.waitForText("growl_container", "is being made");

            page.click("navUsageReports");
            page.waiting().until(ExpectedConditions.urlContains("/console/usage-reports.xhtml"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                browser.navigate().refresh();
                String table = browser.findElement(By.id("reports:table")).getText();
                return table.contains(name) && table.contains("Complete");
            });
            assertThat(browser.findElement(By.id("reports:table")).getText())
                    .contains("Tenants whose name contains “aurora”");
            Browser.screenshot(browser, "console-usage-reports");

            page.click("navTasks");
            page.waiting().until(ExpectedConditions.urlContains("/console/scheduled-tasks.xhtml"));
            page.click("tasks:add");
            String task = "Console task " + UUID.randomUUID().toString().substring(0, 6);
            page.type("taskForm:name", task);
            page.type("taskForm:email", "not-an-address");
            page.click("taskForm:confirm");
            page.waitForText("taskForm:emailMessage", "not an e-mail address");
            page.type("taskForm:email", "finance@example.org");
            page.click("taskForm:confirm");
            page.waitForText("growl_container", "is saved");
            page.waitForText("tasks:table", task);
            Browser.screenshot(browser, "console-scheduled-tasks");
            browser.findElement(By.xpath("//tr[contains(., '" + task + "')]//button[contains(@id, ':delete')]"))
                    .click();
            page.click("tasks:confirmYes");
            page.waitForText("growl_container", "is deleted");
            page.waiting()
                    .until(driver ->
                            !driver.findElement(By.id("tasks:table")).getText().contains(task));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aOneTenantReportAndItsScheduledTaskReadTheTenantsNameNotItsId() throws Exception {
        long tenantId = firstLong("SELECT id FROM reporting.usage_tenant ORDER BY name LIMIT 1");
        String tenant = figures(LocalDate.now(LONDON), LocalDate.now(LONDON), "tn.id = " + tenantId)
                .get(tenantId)
                .name();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        JsonObject report = generate(Json.createObjectBuilder()
                .add("name", "One tenant " + suffix)
                .add("scope", "TENANT")
                .add("tenantId", tenantId)
                .add("delimiter", "COMMA")
                .add("period", "LAST_7_DAYS")
                .add(
                        "schedule",
                        Json.createObjectBuilder()
                                .add("name", "One tenant task " + suffix)
                                .add("email", "finance@example.org")
                                .add("taskType", "USAGE_REPORT")
                                .add("recurrence", "WEEKLY")
                                .add("dayOfWeek", "FRIDAY")
                                .add("delimiter", "COMMA")
                                .add("enabled", true))
                .build());
        awaitStatus(report.getInt("id"), "COMPLETE");
        String tasks = admin.get("/api/v1/scheduled-tasks?size=200").body();
        assertThat(tasks).contains(tenant).doesNotContain("\"Tenant " + tenantId + "\"");

        WebDriver browser = Browser.open();
        try {
            Page page = new Page(browser);
            browser.get(HeraldServer.get().baseUrl() + "/console/scheduled-tasks.xhtml");
            page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
            page.waiting().until(ExpectedConditions.urlContains("/console/scheduled-tasks.xhtml"));
            page.waitForText("tasks:table", "One tenant task " + suffix);
            String row = browser.findElement(By.xpath("//tr[contains(., 'One tenant task " + suffix + "')]"))
                    .getText();
            assertThat(row)
                    .as("the task in people's words: the tenant's name, the weekday, the organisation's zone")
                    .contains(tenant, "Weekly on Friday")
                    .doesNotContain("Tenant " + tenantId, "FRIDAY", "WEEKLY");

            page.click("navUsageReports");
            page.waiting().until(ExpectedConditions.urlContains("/console/usage-reports.xhtml"));
            String listed = browser.findElement(By.xpath("//tr[contains(., 'One tenant " + suffix + "')]"))
                    .getText();
            assertThat(listed).contains(tenant, "Complete").doesNotContain("Tenant " + tenantId, "COMPLETE");
            Browser.screenshot(browser, "console-usage-reports-one-tenant");
        } finally {
            browser.quit();
        }
    }

    // --- helpers

    private static JsonObject generate(JsonObject input) {
        HttpResponse<String> response = admin.post("/api/v1/usage-reports", input);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return admin.json(response);
    }

    private static JsonObject awaitStatus(int id, String status) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            last[0] = admin.json(admin.get("/api/v1/usage-reports/" + id));
            return !last[0].getString("status").equals("RUNNING");
        });
        assertThat(last[0].getString("status")).as(last[0].toString()).isEqualTo(status);
        return last[0];
    }

    private static String file(int id) {
        HttpResponse<String> file = admin.get("/api/v1/usage-reports/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return file.body();
    }

    private static List<String[]> csv(String text, String delimiter) {
        return text.lines()
                .filter(line -> !line.isEmpty())
                .map(line -> line.split(delimiter, -1))
                .toList();
    }

    private record Figures(String name, long peak, BigDecimal voice, BigDecimal sms) {}

    private static Map<Long, Figures> figures(LocalDate from, LocalDate to, String condition) throws Exception {
        Map<Long, Figures> figures = new TreeMap<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        // Every tenant, those without usage in the period with zeros.
                        "SELECT tn.id, tn.name, COALESCE(MAX(u.active_users), 0), COALESCE(SUM(u.voice_credits), 0),"
                                + " COALESCE(SUM(u.sms_credits), 0)"
                                + " FROM reporting.usage_tenant tn LEFT JOIN reporting.usage_daily u ON u.tenant_id = tn.id"
                                + " AND u.usage_day BETWEEN ? AND ?" + (condition == null ? "" : " WHERE " + condition)
                                + " GROUP BY tn.id, tn.name")) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    figures.put(
                            row.getLong(1),
                            new Figures(row.getString(2), row.getLong(3), row.getBigDecimal(4), row.getBigDecimal(5)));
                }
            }
        }
        return figures;
    }

    private static void bulkTenants(String prefix, int tenants, LocalDate from, LocalDate to) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO reporting.usage_tenant (id, name, status, plan, region, created_at)"
                    + " SELECT 900000000 + g + (SELECT COALESCE(MAX(id), 0) FROM reporting.usage_tenant WHERE id >= 900000000),"
                    + " '" + prefix + "' || g, 'ACTIVE', 'BUSINESS', 'Test', CURRENT_TIMESTAMP"
                    + " FROM generate_series(1, " + tenants + ") g");
            statement.execute(
                    "INSERT INTO reporting.usage_daily (tenant_id, usage_day, active_users, voice_credits, sms_credits)"
                            + " SELECT tn.id, d::date, 10, 12.50, 3.25 FROM reporting.usage_tenant tn"
                            + " CROSS JOIN generate_series(DATE '" + from + "', DATE '" + to + "', INTERVAL '1 day') d"
                            + " WHERE tn.name LIKE '" + prefix + "%'");
        }
    }

    /** Queries of the usage export the database is working on now (other than this one). */
    /** Export queries the database is working on; they run as the reporting account, seen by the superuser. */
    private static long exportQueriesRunning() throws Exception {
        try (Connection connection = HeraldServer.get().superuserDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%AS bucket%' AND pid <> pg_backend_pid()")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long firstLong(String sql) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static BigDecimal firstDecimal(String sql) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getBigDecimal(1);
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** JSON-B leaves out what is null. */
    private static boolean absent(JsonObject object, String key) {
        return !object.containsKey(key) || object.isNull(key);
    }

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .toList();
    }
}
