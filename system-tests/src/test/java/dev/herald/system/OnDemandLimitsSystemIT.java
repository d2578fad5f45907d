package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Page;
import dev.herald.testing.Schedules;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The bounds on what one partner makes on demand. A person's line holds at most ten waiting runs
 * (herald.ondemand.max-waiting, the default here) besides the two going: the eleventh waiting one is
 * refused with 429 and Retry-After, also when several are asked for at the same moment (the line is
 * counted under the lock that fair use takes), and the portal says so plainly. The file of an
 * on-demand run is kept for 24 hours (herald.ondemand.file-lifetime), stated in the run's view, and
 * deleted by housekeeping once that has passed.
 */
@SystemTest
class OnDemandLimitsSystemIT {

    private static final int MAX_WAITING = 10;
    private static final List<String> GOING = List.of("QUEUED", "CLAIMED", "RUNNING");

    private static Api admin;

    @BeforeAll
    static void adminToken() {
        admin = Api.admin().withToken();
    }

    @Test
    void aPersonsLineHoldsAtMostTenWaitingRunsEvenWhenAskedForAtOnce() throws Exception {
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        long item = onDemandItem(SqlReports.tenants(admin), email(partner));
        // The report reads a table the test holds locked: the two runs that go wait in the database until
        // they are cancelled, so the line stays full for as long as the test needs (and costs no CPU).
        try (Connection gate = HeraldServer.get().database().getConnection()) {
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("LOCK TABLE reporting.usage_tenant IN ACCESS EXCLUSIVE MODE");
            }
            try {
                fillTheLine(partner, asPartner, item);
            } finally {
                cancelEverything(asPartner);
                gate.rollback();
            }
        }
    }

    private static void fillTheLine(TestUser partner, Api asPartner, long item) {
        List<JsonObject> accepted = new ArrayList<>();
        int going = 2;
        int waiting = MAX_WAITING - 2;
        for (int i = 0; i < going + waiting; i++) {
            accepted.add(start(asPartner, item));
        }
        assertThat(accepted.subList(0, going))
                .allSatisfy(run -> assertThat(run.getString("status")).isIn("CLAIMED", "RUNNING"));
        assertThat(accepted.get(going + waiting - 1).getInt("placeInLine")).isEqualTo(waiting);

        // Six at once while eight wait: exactly two more fit.
        ExecutorService callers = Executors.newFixedThreadPool(6);
        List<HttpResponse<String>> answers;
        try {
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> asPartner.post("/api/v1/on-demand/" + item + "/run?wait=0", "{}"), callers));
            }
            answers = calls.stream().map(CompletableFuture::join).toList();
        } finally {
            callers.shutdown();
        }
        assertThat(answers)
                .extracting(HttpResponse::statusCode)
                .containsExactlyInAnyOrder(202, 202, 429, 429, 429, 429);

        HttpResponse<String> refused = asPartner.post("/api/v1/on-demand/" + item + "/run?wait=0", "{}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        JsonObject problem = Http.json(refused);
        assertThat(problem.getInt("status")).isEqualTo(429);
        assertThat(problem.getString("detail")).contains("10 reports waiting", "(10)");

        List<JsonObject> mine = runs(asPartner);
        assertThat(mine.stream().filter(run -> run.getString("status").equals("QUEUED")))
                .hasSize(MAX_WAITING);
        assertThat(mine.stream().filter(run -> List.of("CLAIMED", "RUNNING").contains(run.getString("status"))))
                .as("the two going are still going: nothing ended meanwhile to make room")
                .hasSize(2);

        portalSaysTheLineIsFull(partner);

        long lastWaiting = mine.stream()
                .filter(run -> run.getString("status").equals("QUEUED"))
                .mapToLong(run -> run.getJsonNumber("runId").longValue())
                .max()
                .orElseThrow();
        assertThat(asPartner
                        .post("/api/v1/on-demand/runs/" + lastWaiting + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(start(asPartner, item).getInt("placeInLine"))
                .as("a cancelled run makes room for one more")
                .isEqualTo(MAX_WAITING);
    }

    @Test
    void anOnDemandFileIsKeptForADayThenDeletedByHousekeeping() throws Exception {
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        JsonObject schedule = admin.json(admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("Kept a day"),
                        Schedules.lastWeekPayments("Payments", "CSV", "ATTACHMENT", email(partner)))));
        long item = schedule.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        HttpResponse<byte[]> file = asPartner.postForFile("/api/v1/on-demand/" + item + "/run?wait=60", "{}");
        assertThat(file.statusCode()).isEqualTo(200);
        long runId = Long.parseLong(file.headers().firstValue("X-Herald-Run").orElseThrow());
        JsonObject run = asPartner.json(asPartner.get("/api/v1/on-demand/runs/" + runId));
        Instant finished = Instant.parse(run.getString("finishedAt"));
        Instant keptUntil = Instant.parse(run.getJsonObject("file").getString("keptUntil"));
        assertThat(Duration.between(finished, keptUntil))
                .as("kept for 24 hours from when it was made, not for the organisation's 90-day file retention")
                .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24));

        // The day passes in the data: the file's keep-until moves into the past; housekeeping does the rest.
        execute("UPDATE run_item SET file_kept_until = file_kept_until - INTERVAL '25 hours' WHERE run_id = " + runId);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT COUNT(*) FROM run_file_chunk c JOIN run_item i ON i.id = c.run_item_id"
                                + " WHERE i.run_id = " + runId)
                        == 0);
        assertThat(count("SELECT COUNT(*) FROM run_item WHERE file_purged_at IS NOT NULL AND run_id = " + runId))
                .isEqualTo(1);
        JsonObject after = asPartner.json(asPartner.get("/api/v1/on-demand/runs/" + runId));
        assertThat(after.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(after.containsKey("file") && !after.isNull("file")).isFalse();
        HttpResponse<String> gone = asPartner.get("/api/v1/on-demand/runs/" + runId + "/file");
        assertThat(gone.statusCode()).isEqualTo(409);
        assertThat(Http.json(gone).getString("detail")).contains("no longer kept");
    }

    // --- helpers

    private static void portalSaysTheLineIsFull(TestUser partner) {
        WebDriver browser = Browser.open();
        try {
            Page page = new Page(browser);
            browser.get(HeraldServer.get().baseUrl() + "/partner/");
            page.signIn(partner.username(), partner.password());
            page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));
            page.click("reports:items:0:run");
            page.waitForText("flash", "10 reports waiting in line, the most one person may have");
            Browser.screenshot(browser, "portal-line-full");
        } finally {
            browser.quit();
        }
    }

    /** An on-demand item of the report, as CSV to the given address; its id. */
    private static long onDemandItem(String reportKey, String to) {
        return SqlReports.onDemandSchedule(admin, reportKey, "LINK", to)
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private static JsonObject start(Api api, long item) {
        HttpResponse<String> answer = api.post("/api/v1/on-demand/" + item + "/run?wait=0", "{}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return api.json(answer);
    }

    private static List<JsonObject> runs(Api api) {
        return Api.parseArray(api.get("/api/v1/on-demand/runs").body()).getValuesAs(JsonObject.class);
    }

    /** Cancels the partner's runs, the waiting ones first (newest first), so that none of them starts meanwhile. */
    private static void cancelEverything(Api api) {
        List<JsonObject> going = runs(api).stream()
                .filter(run -> GOING.contains(run.getString("status")))
                .sorted((a, b) -> Boolean.compare(
                        !a.getString("status").equals("QUEUED"),
                        !b.getString("status").equals("QUEUED")))
                .toList();
        for (JsonObject run : going) {
            api.post("/api/v1/on-demand/runs/" + run.getJsonNumber("runId") + "/cancel", "{}");
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runs(api).stream().noneMatch(run -> GOING.contains(run.getString("status"))));
    }

    private static String email(TestUser user) {
        return user.username() + "@example.org";
    }

    private static void execute(String sql) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
