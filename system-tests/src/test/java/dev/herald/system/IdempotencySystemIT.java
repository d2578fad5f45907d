package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Schedules;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key on each POST that starts work or creates things: the same key and body again answers
 * the first answer (with Idempotent-Replayed: true) and makes nothing new, counted through the API;
 * another body, query or operation with the key is 422; the same key sent many times at once makes
 * one thing; keys are per caller; a refused request is not kept; a bad key is 400; the OpenAPI
 * document lists the header.
 */
@SystemTest
class IdempotencySystemIT {

    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";

    private static Api admin;

    @BeforeAll
    static void adminToken() {
        admin = Api.admin().withToken();
    }

    @Test
    void createScheduleTwiceMakesOneSchedule() {
        String name = Schedules.uniqueName("Idem create");
        String body = Schedules.dailyAt(name, LocalTime.of(3, 0)).toString();
        String key = key();

        HttpResponse<String> first = admin.postWithHeaders("/api/v1/schedules", body, KEY, key);
        HttpResponse<String> second = admin.postWithHeaders("/api/v1/schedules", body, KEY, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertSameAnswer(first, second);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(schedulesNamed(name)).isEqualTo(1);

        String other = Schedules.dailyAt(name + " bis", LocalTime.of(3, 0)).toString();
        HttpResponse<String> mismatch = admin.postWithHeaders("/api/v1/schedules", other, KEY, key);
        assertNamesTheHeader(mismatch, 422);
        assertThat(schedulesNamed(name + " bis")).isZero();

        HttpResponse<String> without = admin.post("/api/v1/schedules", body);
        assertThat(without.statusCode())
                .as("without the header the request is made again, as before: the name is taken")
                .isEqualTo(400);
        assertThat(without.body()).contains("already exists");
        assertThat(without.headers().firstValue(REPLAYED)).isEmpty();
    }

    @Test
    void keysArePerCaller() {
        TestUser other = TestUsers.create("Administrator");
        Api asOther = Api.as(other.username(), other.password()).withToken();
        String name = Schedules.uniqueName("Idem caller");
        String theirName = name + " theirs";
        String key = key();

        HttpResponse<String> mine = admin.postWithHeaders(
                "/api/v1/schedules", Schedules.dailyAt(name, LocalTime.of(4, 0)).toString(), KEY, key);
        HttpResponse<String> theirs = asOther.postWithHeaders(
                "/api/v1/schedules",
                Schedules.dailyAt(theirName, LocalTime.of(4, 0)).toString(),
                KEY,
                key);

        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        assertThat(theirs.statusCode())
                .as("another body with the key is 422 for the same caller only: %s", theirs.body())
                .isEqualTo(201);
        assertThat(theirs.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(schedulesNamed(name)).isEqualTo(1);
        assertThat(schedulesNamed(theirName)).isEqualTo(1);
    }

    @Test
    void aRefusedRequestIsNotKeptAndMayBeRetriedWithTheKey() {
        String name = Schedules.uniqueName("Idem refused");
        String key = key();
        JsonObject good = Schedules.dailyAt(name, LocalTime.of(5, 0));
        String bad = Json.createObjectBuilder(good).add("name", "").build().toString();

        HttpResponse<String> refused = admin.postWithHeaders("/api/v1/schedules", bad, KEY, key);
        HttpResponse<String> retried = admin.postWithHeaders("/api/v1/schedules", good.toString(), KEY, key);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(retried.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(schedulesNamed(name)).isEqualTo(1);
    }

    @Test
    void runNowTwiceStartsOneRun() {
        long schedule = schedule("Idem run");
        long another = schedule("Idem run other");
        String key = key();

        HttpResponse<String> first = admin.postWithHeaders("/api/v1/schedules/" + schedule + "/run", null, KEY, key);
        HttpResponse<String> second = admin.postWithHeaders("/api/v1/schedules/" + schedule + "/run", null, KEY, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertSameAnswer(first, second);
        assertThat(runsOf(schedule)).isEqualTo(1);

        HttpResponse<String> elsewhere = admin.postWithHeaders("/api/v1/schedules/" + another + "/run", null, KEY, key);
        assertNamesTheHeader(elsewhere, 422);
        assertThat(runsOf(another)).as("another operation with the key").isZero();
    }

    @Test
    void testSendTwiceStartsOneRun() {
        long schedule = schedule("Idem test");
        String key = key();
        String body = "{\"to\": [\"idem-tester@example.org\"]}";

        HttpResponse<String> first = admin.postWithHeaders("/api/v1/schedules/" + schedule + "/test", body, KEY, key);
        HttpResponse<String> second = admin.postWithHeaders("/api/v1/schedules/" + schedule + "/test", body, KEY, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertSameAnswer(first, second);
        assertThat(runsOf(schedule)).isEqualTo(1);

        HttpResponse<String> otherBody = admin.postWithHeaders(
                "/api/v1/schedules/" + schedule + "/test", "{\"to\": [\"someone-else@example.org\"]}", KEY, key);
        assertNamesTheHeader(otherBody, 422);
        assertThat(runsOf(schedule)).isEqualTo(1);
    }

    @Test
    void usageReportTwiceMakesOneReport() {
        String name = Schedules.uniqueName("Idem usage");
        String body = usageReport(name);
        String key = key();

        HttpResponse<String> first = admin.postWithHeaders("/api/v1/usage-reports", body, KEY, key);
        HttpResponse<String> second = admin.postWithHeaders("/api/v1/usage-reports", body, KEY, key);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertSameAnswer(first, second);
        assertThat(usageReportsNamed(name)).isEqualTo(1);

        HttpResponse<String> otherBody =
                admin.postWithHeaders("/api/v1/usage-reports", usageReport(name + " bis"), KEY, key);
        assertNamesTheHeader(otherBody, 422);
        assertThat(usageReportsNamed(name + " bis")).isZero();
    }

    @Test
    void onDemandRunTwiceRunsOnceAndAnswersTheSameFile() {
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        long item = SqlReports.onDemandSchedule(
                        admin, SqlReports.tenants(admin), "LINK", partner.username() + "@example.org")
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        String key = key();

        HttpResponse<byte[]> first =
                asPartner.postForFileWithHeaders("/api/v1/on-demand/" + item + "/run", "{}", KEY, key);
        HttpResponse<byte[]> second =
                asPartner.postForFileWithHeaders("/api/v1/on-demand/" + item + "/run", "{}", KEY, key);

        assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body()).isNotEmpty();
        assertThat(second.headers().firstValue("Content-Type"))
                .isEqualTo(first.headers().firstValue("Content-Type"));
        assertThat(second.headers().firstValue("X-Herald-Run"))
                .isEqualTo(first.headers().firstValue("X-Herald-Run"));
        assertThat(onDemandRuns(asPartner)).isEqualTo(1);

        HttpResponse<byte[]> otherQuery =
                asPartner.postForFileWithHeaders("/api/v1/on-demand/" + item + "/run?wait=0", "{}", KEY, key);
        assertThat(otherQuery.statusCode()).isEqualTo(422);
        assertThat(new String(otherQuery.body())).contains("\"field\":\"Idempotency-Key\"");
        assertThat(onDemandRuns(asPartner)).isEqualTo(1);
    }

    @Test
    void oneKeySentManyTimesAtOnceCreatesOneSchedule() throws Exception {
        String name = Schedules.uniqueName("Idem at once");
        String body = Schedules.dailyAt(name, LocalTime.of(6, 0)).toString();
        String key = key();

        List<HttpResponse<String>> answers =
                atOnce(8, () -> admin.postWithHeaders("/api/v1/schedules", body, KEY, key));

        assertOneDidTheWork(answers, 201);
        assertThat(schedulesNamed(name)).isEqualTo(1);
    }

    @Test
    void oneKeySentManyTimesAtOnceStartsOneRun() throws Exception {
        long schedule = schedule("Idem run at once");
        String key = key();

        List<HttpResponse<String>> answers =
                atOnce(8, () -> admin.postWithHeaders("/api/v1/schedules/" + schedule + "/run", null, KEY, key));

        assertOneDidTheWork(answers, 202);
        assertThat(runsOf(schedule)).isEqualTo(1);
    }

    /**
     * The first request is held inside its work (the test locks the schedule table), so the second
     * with the key certainly comes while the first is being processed: 409, and nothing made by it.
     */
    @Test
    void theSecondRequestWhileTheFirstIsBeingProcessedIs409() throws Exception {
        String name = Schedules.uniqueName("Idem held");
        String body = Schedules.dailyAt(name, LocalTime.of(8, 0)).toString();
        String key = key();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection gate = HeraldServer.get().database().getConnection()) {
            gate.setAutoCommit(false);
            try (Statement lock = gate.createStatement()) {
                lock.execute("LOCK TABLE schedule IN ACCESS EXCLUSIVE MODE");
            }
            Future<HttpResponse<String>> first =
                    pool.submit(() -> admin.postWithHeaders("/api/v1/schedules", body, KEY, key));
            await().atMost(Duration.ofSeconds(30)).until(() -> claimed(key));

            HttpResponse<String> second = admin.postWithHeaders("/api/v1/schedules", body, KEY, key);

            gate.rollback();
            assertNamesTheHeader(second, 409);
            assertThat(second.body()).contains("still being processed");
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            HttpResponse<String> answer = first.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        } finally {
            pool.shutdownNow();
        }
        assertThat(schedulesNamed(name)).isEqualTo(1);
        HttpResponse<String> third = admin.postWithHeaders("/api/v1/schedules", body, KEY, key);
        assertThat(third.statusCode()).isEqualTo(201);
        assertThat(third.headers().firstValue(REPLAYED)).hasValue("true");
    }

    /**
     * A first request that never answered (its instance died) left its claim: for five minutes the key
     * answers 409, after that the next request with it retakes it and does the work. A key first used
     * more than 24 hours ago is free again, whatever it was used for. (The rows are written as the
     * server writes them, with the database's clock moved back.)
     */
    @Test
    void anAbandonedClaimIsRetakenAfterFiveMinutesAndAnOldKeyIsFree() throws Exception {
        String name = Schedules.uniqueName("Idem abandoned");
        String body = Schedules.dailyAt(name, LocalTime.of(9, 0)).toString();
        String abandoned = key();
        String recent = key();
        String expired = key();
        claim(abandoned, "POST schedules", fingerprint(body), "6 minutes", false);
        claim(recent, "POST schedules", fingerprint(body), "1 minute", false);
        claim(expired, "POST schedules", fingerprint("{\"something\": \"else\"}"), "25 hours", true);

        HttpResponse<String> stillGoing = admin.postWithHeaders("/api/v1/schedules", body, KEY, recent);
        HttpResponse<String> retaken = admin.postWithHeaders("/api/v1/schedules", body, KEY, abandoned);
        HttpResponse<String> replayed = admin.postWithHeaders("/api/v1/schedules", body, KEY, abandoned);
        String later = Schedules.dailyAt(name + " later", LocalTime.of(9, 0)).toString();
        HttpResponse<String> reused = admin.postWithHeaders("/api/v1/schedules", later, KEY, expired);

        assertNamesTheHeader(stillGoing, 409);
        assertThat(retaken.statusCode()).as(retaken.body()).isEqualTo(201);
        assertSameAnswer(retaken, replayed);
        assertThat(reused.statusCode()).as(reused.body()).isEqualTo(201);
        assertThat(reused.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(schedulesNamed(name)).isEqualTo(1);
        assertThat(schedulesNamed(name + " later")).isEqualTo(1);
    }

    /** A claim of the Super Administrator's key as the server writes one, made {@code ago} (SQL interval). */
    private static void claim(String key, String operation, String fingerprint, String ago, boolean answered)
            throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key"
                        + " (caller, idem_key, operation, fingerprint, claim_token, created_at, claimed_at,"
                        + " completed_at, status, content_type, body)"
                        + " VALUES ('admin', ?, ?, ?, ?, CURRENT_TIMESTAMP - CAST(? AS INTERVAL),"
                        + " CURRENT_TIMESTAMP - CAST(? AS INTERVAL), "
                        + (answered
                                ? "CURRENT_TIMESTAMP - CAST(? AS INTERVAL), 201, 'application/json', '{}'"
                                : "?, NULL, NULL, NULL")
                        + ")")) {
            insert.setString(1, key);
            insert.setString(2, operation);
            insert.setString(3, fingerprint);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setString(5, ago);
            insert.setString(6, ago);
            if (answered) {
                insert.setString(7, ago);
            } else {
                insert.setNull(7, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            }
            insert.executeUpdate();
        }
    }

    /** The SHA-256 of an empty query and the body, as the server takes it. */
    private static String fingerprint(String body) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        sha.update(body.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static boolean claimed(String key) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1) == 1;
            }
        }
    }

    @Test
    void aKeyOutsideItsBoundIs400NamingTheHeader() {
        String name = Schedules.uniqueName("Idem bound");
        String body = Schedules.dailyAt(name, LocalTime.of(7, 0)).toString();

        assertNamesTheHeader(admin.postWithHeaders("/api/v1/schedules", body, KEY, "k".repeat(256)), 400);
        assertThat(schedulesNamed(name)).isZero();
        assertThat(admin.postWithHeaders("/api/v1/schedules", body, KEY, "k".repeat(255))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void theOpenApiDocumentListsTheHeaderOnEachOperation() {
        HttpResponse<String> document = Http.send(
                Http.request("/openapi").header("Accept", "application/json").GET());
        JsonObject paths = Api.parse(document.body()).getJsonObject("paths");
        for (String path : List.of(
                "/api/v1/schedules",
                "/api/v1/schedules/{id}/run",
                "/api/v1/schedules/{id}/test",
                "/api/v1/on-demand/{itemId}/run",
                "/api/v1/usage-reports")) {
            JsonObject post = paths.getJsonObject(path).getJsonObject("post");
            assertThat(post.getJsonArray("parameters").getValuesAs(JsonObject.class))
                    .as(path)
                    .anySatisfy(parameter -> {
                        assertThat(parameter.getString("name")).isEqualTo(KEY);
                        assertThat(parameter.getString("in")).isEqualTo("header");
                        assertThat(parameter.getBoolean("required", false)).isFalse();
                    });
        }
        assertThat(paths.getJsonObject("/api/v1/schedules/{id}/enable")
                        .getJsonObject("post")
                        .toString())
                .doesNotContain(KEY);
    }

    private static void assertSameAnswer(HttpResponse<String> first, HttpResponse<String> second) {
        assertThat(first.headers().firstValue(REPLAYED)).isEmpty();
        assertThat(second.statusCode()).isEqualTo(first.statusCode());
        assertThat(second.headers().firstValue(REPLAYED)).hasValue("true");
        assertThat(second.body()).isEqualTo(first.body());
    }

    private static void assertNamesTheHeader(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"field\":\"Idempotency-Key\"");
    }

    /** Exactly one answer did the work; every other one is a 409 (still in progress) or a replay of it. */
    private static void assertOneDidTheWork(List<HttpResponse<String>> answers, int status) {
        List<HttpResponse<String>> fresh = answers.stream()
                .filter(a -> a.statusCode() == status
                        && a.headers().firstValue(REPLAYED).isEmpty())
                .toList();
        assertThat(fresh).hasSize(1);
        for (HttpResponse<String> answer : answers) {
            if (answer == fresh.get(0)) {
                continue;
            }
            if (answer.statusCode() == 409) {
                assertThat(answer.body()).contains("still being processed");
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
                assertThat(answer.body()).isEqualTo(fresh.get(0).body());
            }
        }
        System.out.printf(
                "%d requests at once: %d answered 409, %d replayed%n",
                answers.size(),
                answers.stream().filter(a -> a.statusCode() == 409).count(),
                answers.stream()
                        .filter(a -> a.headers().firstValue(REPLAYED).isPresent())
                        .count());
    }

    private static List<HttpResponse<String>> atOnce(int requests, Supplier<HttpResponse<String>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long schedule(String prefix) {
        HttpResponse<String> created =
                admin.post("/api/v1/schedules", Schedules.dailyAt(Schedules.uniqueName(prefix), LocalTime.of(2, 0)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created).getJsonNumber("id").longValue();
    }

    private static String usageReport(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("scope", "ALL")
                .add("delimiter", "COMMA")
                .add("period", "LAST_30_DAYS")
                .build()
                .toString();
    }

    private static int schedulesNamed(String name) {
        return admin
                .json(admin.get("/api/v1/schedules?size=200&q="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(schedule -> schedule.getString("name").equals(name))
                .toList()
                .size();
    }

    private static int runsOf(long schedule) {
        return admin.json(admin.get("/api/v1/runs?scheduleId=" + schedule)).getInt("total");
    }

    private static int usageReportsNamed(String name) {
        return admin
                .json(admin.get("/api/v1/usage-reports?size=200"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(report -> report.getString("name").equals(name))
                .toList()
                .size();
    }

    private static int onDemandRuns(Api partner) {
        return Api.parseArray(partner.get("/api/v1/on-demand/runs").body()).size();
    }

    private static String key() {
        return "system-test " + UUID.randomUUID();
    }
}
