package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.RawHttp;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The team's hostile-input corpus over every operation the OpenAPI document publishes, sent as a
 * Super Administrator: extreme dates and instants, huge, negative and exploding numbers, wrong
 * types, broken and deeply nested JSON, invalid UTF-8, and bodies over the limit with and without
 * Content-Length. Every answer must come within {@link #PROMPT}, never be a 5xx, and be a 4xx
 * problem wherever the input is the body an operation reads; afterwards the Payara process must
 * be idle, so no request left a thread spinning.
 *
 * <p>Operations that change something are aimed at ids that do not exist (they must still read and
 * refuse the body), except where a real schedule, criteria set or report lets the body reach the
 * checks that matter; none of the corpus is valid, so nothing is changed.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputSystemIT {

    private static final Duration PROMPT = Duration.ofSeconds(5);
    private static final String MISSING = "987654321";
    private static final String REPORT = "payments-activities-detailed";
    private static final List<String> EXTREME_DATES = List.of("-999999999-01-01", "+999999999-12-31");
    private static final List<String> EXTREME_INSTANTS =
            List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z");

    /** One operation of the OpenAPI document. */
    private record Operation(String method, String path, boolean hasBody, List<String> query) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Api admin;
    private static String bearer;
    private static List<Operation> operations;
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final List<String> wrong = new ArrayList<>();
    private static int sent;

    @BeforeAll
    static void readTheDocumentAndMakeTargets() {
        admin = Api.admin().withToken();
        HttpResponse<String> token = Api.admin().post("/api/v1/api-tokens", "{\"name\": \"hostile input\"}");
        bearer = "Bearer " + Http.json(token).getString("secret");

        HttpResponse<String> schedule =
                admin.post("/api/v1/schedules", Schedules.weekly(Schedules.uniqueName("Hostile")));
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        ids.put("schedule", admin.json(schedule).getJsonNumber("id").toString());
        HttpResponse<String> set = admin.post(
                "/api/v1/reports/" + REPORT + "/criteria-sets",
                Json.createObjectBuilder()
                        .add("name", "Hostile " + UUID.randomUUID())
                        .add("criteria", Json.createObjectBuilder().add("paymentDate", "LAST_WEEK"))
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        ids.put("criteriaSet", admin.json(set).getJsonNumber("id").toString());

        HttpResponse<String> document = Http.send(
                Http.request("/openapi").header("Accept", "application/json").GET());
        assertThat(document.statusCode()).isEqualTo(200);
        operations = new ArrayList<>();
        Http.json(document).getJsonObject("paths").forEach((path, methods) -> methods.asJsonObject()
                .forEach((method, operation) -> {
                    if (!Set.of("get", "post", "put", "delete").contains(method)) {
                        return;
                    }
                    JsonObject op = operation.asJsonObject();
                    List<String> query = new ArrayList<>();
                    if (op.containsKey("parameters")) {
                        op.getJsonArray("parameters").stream()
                                .map(JsonValue::asJsonObject)
                                .filter(p -> "query".equals(p.getString("in")))
                                .forEach(p -> query.add(p.getString("name")));
                    }
                    operations.add(new Operation(method.toUpperCase(), path, op.containsKey("requestBody"), query));
                }));
        assertThat(operations).as("operations published").hasSizeGreaterThan(80);
    }

    /** Each test's calls are judged together, so that one report lists every answer that broke the rules. */
    @AfterEach
    void everyAnswerWasPromptAndNoneA5xx() {
        List<String> broken = List.copyOf(wrong);
        int calls = sent;
        wrong.clear();
        sent = 0;
        assertThat(broken)
                .as("answers out of " + calls + " that broke the rules")
                .isEmpty();
    }

    @Test
    @Order(1)
    void theProbesOfTheIssueAreRefusedAtOnceOnTheirFields() {
        JsonObject monthlyOn30th = recurrence("2026-03-01", null).build();
        for (String after : EXTREME_INSTANTS) {
            expectFieldErrors(
                    "POST",
                    "/api/v1/recurrence/preview",
                    Json.createObjectBuilder()
                            .add("recurrence", monthlyOn30th)
                            .add("after", after)
                            .add("count", 500)
                            .build()
                            .toString(),
                    "after");
        }
        expectFieldErrors(
                "POST",
                "/api/v1/reports/" + REPORT + "/render",
                "{\"criteria\": {\"paymentDate\": {\"from\": \"-999999999-01-01\", \"to\": \"+999999999-12-31\"}},"
                        + " \"format\": \"CSV\"}",
                "criteria.paymentDate.from",
                "criteria.paymentDate.to");
    }

    @Test
    @Order(2)
    void everyDateAndInstantTheApiTakesIsBoundedAndNamed() {
        for (String date : EXTREME_DATES) {
            String range = "{\"from\": \"" + date + "\", \"to\": \"" + date + "\"}";
            expectFieldErrors(
                    "POST",
                    "/api/v1/recurrence/preview",
                    Json.createObjectBuilder()
                            .add("recurrence", recurrence(date, date))
                            .build()
                            .toString(),
                    "recurrence.runFrom",
                    "recurrence.runUntil");
            JsonObject schedule = Schedules.weekly(Schedules.uniqueName("Hostile dates"));
            JsonObjectBuilder changed = Json.createObjectBuilder(schedule)
                    .add(
                            "recurrence",
                            Json.createObjectBuilder(schedule.getJsonObject("recurrence"))
                                    .add("runFrom", date)
                                    .add("runUntil", date));
            changed.add(
                    "items",
                    Json.createArrayBuilder()
                            .add(Json.createObjectBuilder(
                                            schedule.getJsonArray("items").getJsonObject(0))
                                    .add(
                                            "criteria",
                                            Json.createObjectBuilder()
                                                    .add(
                                                            "paymentDate",
                                                            Json.createReader(new java.io.StringReader(range))
                                                                    .readObject()))));
            String body = changed.build().toString();
            expectFieldErrors(
                    "POST",
                    "/api/v1/schedules",
                    body,
                    "recurrence.runFrom",
                    "recurrence.runUntil",
                    "items[0].criteria.paymentDate.from",
                    "items[0].criteria.paymentDate.to");
            expectFieldErrors(
                    "PUT",
                    "/api/v1/schedules/" + ids.get("schedule"),
                    body,
                    "recurrence.runFrom",
                    "recurrence.runUntil",
                    "items[0].criteria.paymentDate.from",
                    "items[0].criteria.paymentDate.to");
            String criteria = "{\"paymentDate\": " + range + "}";
            expectFieldErrors(
                    "POST",
                    "/api/v1/reports/" + REPORT + "/preview",
                    "{\"criteria\": " + criteria + "}",
                    "criteria.paymentDate.from",
                    "criteria.paymentDate.to");
            expectFieldErrors(
                    "POST",
                    "/api/v1/reports/" + REPORT + "/criteria-sets",
                    "{\"name\": \"Hostile " + UUID.randomUUID() + "\", \"criteria\": " + criteria + "}",
                    "criteria.paymentDate.from",
                    "criteria.paymentDate.to");
            expectFieldErrors(
                    "PUT",
                    "/api/v1/criteria-sets/" + ids.get("criteriaSet"),
                    "{\"name\": \"Hostile " + UUID.randomUUID() + "\", \"criteria\": " + criteria + "}",
                    "criteria.paymentDate.from",
                    "criteria.paymentDate.to");
            expectFieldErrors(
                    "POST",
                    "/api/v1/usage-reports",
                    "{\"name\": \"Hostile\", \"scope\": \"ALL\", \"period\": \"CUSTOM\", \"from\": \"" + date
                            + "\", \"to\": \"" + date + "\"}",
                    "from",
                    "to");
        }
        for (String instant : EXTREME_INSTANTS) {
            expectFieldErrors(
                    "POST",
                    "/api/v1/api-tokens",
                    "{\"name\": \"Hostile\", \"expiresAt\": \"" + instant + "\"}",
                    "expiresAt");
            expectFieldErrors(
                    "GET", "/api/v1/audit?from=" + encode(instant) + "&to=" + encode(instant), null, "from", "to");
        }
    }

    @Test
    @Order(3)
    void countsAndSizesAreBoundedAndNamed() {
        expectFieldErrors("GET", "/api/v1/schedules?page=2147483647&size=200", null, "page");
        expectFieldErrors("GET", "/api/v1/runs?size=-1", null, "size");
        expectFieldErrors("GET", "/api/v1/audit?page=-1", null, "page");
        expectFieldErrors("GET", "/api/v1/users?size=abc", null, "size");
        expectFieldErrors(
                "GET", "/api/v1/schedules/" + ids.get("schedule") + "/next-runs?count=2147483647", null, "count");
        expectFieldErrors(
                "POST", "/api/v1/reports/" + REPORT + "/preview?rows=2147483647", "{\"criteria\": {}}", "rows");
        expectFieldErrors("POST", "/api/v1/on-demand/" + MISSING + "/run?wait=2147483647", null, "wait");
        expectFieldErrors(
                "POST",
                "/api/v1/recurrence/preview",
                Json.createObjectBuilder()
                        .add("recurrence", recurrence("2026-03-01", null))
                        .add("count", 2147483647)
                        .build()
                        .toString(),
                "count");
    }

    /**
     * JSON-B stops reading a body at its first value of the wrong type. Over HTTP/2 the bytes left
     * unread were never credited back to the connection, so the third or fourth such answer on one
     * connection never came (a 30-second time-out): every body is now read to its end (within the
     * bound). One HTTP/2 client, so one connection, for all of them.
     */
    @Test
    @Order(3)
    void bodiesReadOnlyInPartDoNotStallTheConnection() {
        HttpClient oneConnection = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        // the first field is of the wrong type; the 900 KB after it are what JSON-B leaves unread
        String wrongType = "{\"promoter\": \"x\", \"rest\": [\"" + "x".repeat(900_000) + "\"]}";
        for (int i = 0; i < 8; i++) {
            String call =
                    "PUT /api/v1/users/{id}/scopes with 900 KB left unread, answer " + (i + 1) + " on one connection";
            HttpResponse<String> answer = timed(call, () -> {
                try {
                    return oneConnection.send(
                            Http.request("/api/v1/users/" + MISSING + "/scopes")
                                    .header("Authorization", bearer)
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(wrongType))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            if (answer != null) {
                expectProblem(call, answer.statusCode(), contentType(answer), answer.body());
            }
        }
    }

    @Test
    @Order(3)
    void theNulCharacterNeverReachesTheDatabase() {
        String call = "POST /api/v1/api-tokens with NUL in the name";
        HttpResponse<String> token =
                timed(call, () -> admin.post("/api/v1/api-tokens", "{\"name\": \"Box\\u0000office\"}"));
        if (token != null) {
            expectProblem(call, token.statusCode(), contentType(token), token.body());
        }
        expectFieldErrors("GET", "/api/v1/schedules?q=" + encode("Box\u0000office"), null, "q");
        expectFieldErrors("GET", "/api/v1/audit?actor=%00", null, "actor");
    }

    @Test
    @Order(4)
    void everyBodyOfTheCorpusIsRefusedWithAProblem() {
        for (Operation operation : operations) {
            if (!operation.hasBody()) {
                continue;
            }
            String path = fill(operation);
            for (Map.Entry<String, Supplier<byte[]>> body : bodies().entrySet()) {
                HttpResponse<String> answer = timed(
                        operation + " with " + body.getKey(),
                        () -> Http.send(Http.request(path)
                                .header("Authorization", bearer)
                                .header("Content-Type", "application/json")
                                .method(
                                        operation.method(),
                                        HttpRequest.BodyPublishers.ofByteArray(
                                                body.getValue().get()))));
                if (answer != null) {
                    expectProblem(
                            operation + " with " + body.getKey(),
                            answer.statusCode(),
                            contentType(answer),
                            answer.body());
                }
            }
        }
    }

    @Test
    @Order(5)
    void everyQueryParameterTakesHostileValuesWithoutA5xx() {
        List<String> values = List.of(
                "-1",
                "0",
                "2147483648",
                "-2147483649",
                "99999999999999999999999",
                "1e999999999",
                "abc",
                "",
                EXTREME_DATES.get(0),
                EXTREME_INSTANTS.get(1),
                "x".repeat(4000),
                "%00",
                "\u0000\uFFFF");
        for (Operation operation : operations) {
            if (operation.query().isEmpty() || !safeToCall(operation)) {
                continue;
            }
            String path = fill(operation);
            for (String parameter : operation.query()) {
                for (String value : values) {
                    String call = operation + "?" + parameter + "=" + abbreviate(value);
                    HttpResponse<String> answer = timed(
                            call,
                            () -> admin.call(
                                    operation.method(),
                                    path + "?" + parameter + "=" + encode(value),
                                    operation.hasBody() ? "{}" : null));
                    if (answer != null) {
                        expectNo5xx(call, answer.statusCode(), contentType(answer), answer.body());
                    }
                }
            }
        }
    }

    @Test
    @Order(6)
    void hostilePathValuesAreNotFoundOrRefused() {
        for (Operation operation : operations) {
            if (!operation.path().contains("{")) {
                continue;
            }
            for (String value : List.of("-1", "0", "99999999999999999999", "abc", "1e999", "%2e%2e")) {
                String path = operation.path().replaceAll("\\{[^}]+}", value);
                String call = operation.method() + " " + path;
                HttpResponse<String> answer =
                        timed(call, () -> admin.call(operation.method(), path, operation.hasBody() ? "{}" : null));
                if (answer != null) {
                    int status = answer.statusCode();
                    if (status < 400 || status >= 500) {
                        wrong.add(call + ": " + status + " " + abbreviate(answer.body()));
                    }
                }
            }
        }
    }

    @Test
    @Order(7)
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        for (Operation operation : operations) {
            String path = fill(operation);
            if (!takesPayload(operation)) {
                // Payara refuses any body on GET and DELETE (400, before Herald sees the request).
                for (long length : new long[] {50_000_000L, -1}) {
                    String call = operation + (length < 0 ? " chunked 8 MB" : " with Content-Length 50 MB");
                    RawHttp.Answer answer =
                            timedRaw(call, () -> RawHttp.send(operation.method(), path, bearer, length, 8L << 20));
                    if (answer != null && (answer.status() < 400 || answer.status() >= 500)) {
                        wrong.add(call + ": " + answer.status() + " " + abbreviate(answer.body()));
                    }
                }
                continue;
            }
            // Content-Length promises 50 MB: refused before the body is read, whatever the operation.
            String withLength = operation + " with Content-Length 50 MB";
            RawHttp.Answer declared =
                    timedRaw(withLength, () -> RawHttp.send(operation.method(), path, bearer, 50_000_000L, 8L << 20));
            if (declared != null) {
                if (declared.status() != 413) {
                    wrong.add(withLength + ": " + declared.status() + " " + abbreviate(declared.body()));
                }
                expectProblem(withLength, declared.status(), declared.header("Content-Type"), declared.body());
            }
            // Chunked, without a length: an operation that reads a body stops at the limit; one that
            // reads none answers as it would without it.
            String chunkedCall = operation + " chunked 8 MB";
            RawHttp.Answer chunked =
                    timedRaw(chunkedCall, () -> RawHttp.send(operation.method(), path, bearer, -1, 8L << 20));
            if (chunked == null) {
                continue;
            }
            if (operation.hasBody()) {
                if (chunked.status() != 413) {
                    wrong.add(chunkedCall + ": " + chunked.status() + " " + abbreviate(chunked.body()));
                }
                expectProblem(chunkedCall, chunked.status(), chunked.header("Content-Type"), chunked.body());
            } else {
                expectNo5xx(chunkedCall, chunked.status(), chunked.header("Content-Type"), chunked.body());
            }
        }
    }

    @Test
    @Order(8)
    void theServerIsIdleAfterwards() {
        long pid = HeraldServer.get().pid();
        List<long[]> samples = new ArrayList<>();
        // Whatever the corpus started must have ended: over three seconds in a row, the process
        // uses (almost) no CPU. A request still spinning would use a whole core.
        await().atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    samples.add(new long[] {System.nanoTime(), cpuTicks(pid)});
                    assertThat(coresOverLast(samples, Duration.ofSeconds(3)))
                            .as("share of a core the Payara process used over the last three seconds")
                            .isLessThan(0.25);
                });
    }

    // --- the corpus

    /** Bodies no operation takes; each must be refused with a 4xx problem. */
    private static Map<String, Supplier<byte[]>> bodies() {
        Map<String, Supplier<byte[]>> bodies = new LinkedHashMap<>();
        bodies.put("dates far in the past", () -> utf8(kitchenSink(EXTREME_DATES.get(0), EXTREME_INSTANTS.get(0))));
        bodies.put("dates far in the future", () -> utf8(kitchenSink(EXTREME_DATES.get(1), EXTREME_INSTANTS.get(1))));
        bodies.put("extreme numbers", () -> utf8(extremeNumbers()));
        bodies.put(
                "numbers with huge exponents",
                () -> utf8("{\"name\": \"\", \"count\": 1e999999999, \"every\": 1e999999999,"
                        + " \"attachmentLimitBytes\": 1e999999999, \"criteriaSetId\": -1e999999999,"
                        + " \"criteria\": {\"paymentDate\": 1e999999999, \"min\": 1e-999999999},"
                        + " \"items\": [{\"criteria\": {\"x\": 1e999999999}}]}"));
        bodies.put(
                "wrong types",
                () -> utf8("{\"name\": [\"x\"], \"recurrence\": \"x\", \"items\": {\"a\": 1},"
                        + " \"criteria\": [1], \"to\": 5, \"count\": \"many\", \"expiresAt\": true, \"from\": {\"a\": 1},"
                        + " \"roles\": \"all\", \"permissions\": 7, \"enabled\": \"yes\"}"));
        bodies.put("an array", () -> utf8("[]"));
        bodies.put("a string", () -> utf8("\"x\""));
        bodies.put("a number", () -> utf8("5"));
        bodies.put("broken JSON", () -> utf8("{\"name\":"));
        bodies.put("a stray comma", () -> utf8("{\"name\": \"x\",}"));
        bodies.put("single quotes", () -> utf8("{'name': 'x'}"));
        bodies.put("10,000 nested arrays", () -> utf8("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put(
                "nesting in a criterion",
                () -> utf8("{\"criteria\": {\"paymentDate\": " + "{\"a\": ".repeat(40) + "1" + "}".repeat(40) + "}}"));
        bodies.put(
                "the NUL character in text",
                () -> utf8("{\"name\": \"Box\\u0000office\", \"description\": \"\\u0000\","
                        + " \"criteria\": {\"city\": \"\\u0000\"}, \"to\": [\"a\\u0000@example.org\"]}"));
        bodies.put("a million characters in five fields", () -> {
            String long190k = "\"" + "x".repeat(190_000) + "\"";
            return utf8("{\"name\": " + long190k + ", \"description\": " + long190k + ", \"format\": " + long190k
                    + ", \"criteria\": {\"paymentDate\": " + long190k + "}, \"to\": [" + long190k + "]}");
        });
        bodies.put("invalid UTF-8", () -> new byte[] {
            '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, (byte) 0xC0, (byte) 0xAF, '"', '}'
        });
        bodies.put(
                "a UTF-16 surrogate in UTF-8", () -> new byte[] {
                    '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
                });
        return bodies;
    }

    /** One object with every field the API reads, well typed, with the given extreme date and instant. */
    private static String kitchenSink(String date, String instant) {
        JsonObject range =
                Json.createObjectBuilder().add("from", date).add("to", date).build();
        return Json.createObjectBuilder()
                .add("name", "")
                .add("username", "")
                .add("key", "")
                .add("sql", "")
                .add("clientName", "")
                .add("organisationName", "")
                .add("ownerEmails", Json.createArrayBuilder().add("not an address"))
                .add("timeZone", "Nowhere/Never")
                .add("recurrence", recurrence(date, date))
                .add("after", instant)
                .add("count", 500)
                .add("runOnDemand", false)
                .add("runAsSchedule", true)
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reportKey", REPORT)
                                        .add("criteriaSetId", Long.parseLong(ids.get("criteriaSet")))
                                        .add(
                                                "criteria",
                                                Json.createObjectBuilder().add("paymentDate", range))
                                        .add(
                                                "recipients",
                                                Json.createArrayBuilder().add("hostile@example.org"))
                                        .add("format", "CSV")))
                .add("criteria", Json.createObjectBuilder().add("paymentDate", range))
                .add("format", "CSV")
                .add("period", "CUSTOM")
                .add("scope", "ALL")
                .add("from", date)
                .add("to", date)
                .add("expiresAt", instant)
                .add("enabled", false)
                .build()
                .toString();
    }

    private static String extremeNumbers() {
        return Json.createObjectBuilder()
                .add("name", "")
                .add("count", Integer.MAX_VALUE)
                .add(
                        "recurrence",
                        recurrence("2026-03-01", null)
                                .add(
                                        "occurs",
                                        Json.createObjectBuilder()
                                                .add("type", "MONTHLY_DAY")
                                                .add("every", Integer.MIN_VALUE)
                                                .add("day", Integer.MAX_VALUE))
                                .add(
                                        "dailyFrequency",
                                        Json.createObjectBuilder()
                                                .add("type", "EVERY")
                                                .add("minutes", Integer.MAX_VALUE)
                                                .add("from", "00:00")
                                                .add("until", "23:59")))
                .add("criteriaSetId", Long.MIN_VALUE)
                .add("tenantId", Long.MAX_VALUE)
                .add("periodDays", -1)
                .add("attachmentLimitBytes", Long.MAX_VALUE)
                .add("linkLifetimeDays", Integer.MAX_VALUE)
                .add("fileRetentionDays", Integer.MIN_VALUE)
                .add("criteria", Json.createObjectBuilder().add("paymentDate", Long.MAX_VALUE))
                .build()
                .toString();
    }

    private static JsonObjectBuilder recurrence(String runFrom, String runUntil) {
        JsonObjectBuilder recurrence = Json.createObjectBuilder()
                .add("timeZone", "Europe/London")
                .add("runFrom", runFrom)
                .add(
                        "occurs",
                        Json.createObjectBuilder()
                                .add("type", "MONTHLY_DAY")
                                .add("every", 1)
                                .add("day", 30))
                .add(
                        "dailyFrequency",
                        Json.createObjectBuilder().add("type", "ONCE").add("at", "10:00"));
        if (runUntil != null) {
            recurrence.add("runUntil", runUntil);
        }
        return recurrence;
    }

    // --- calling and judging

    /**
     * The path with real ids where a real thing lets a body or parameter reach its checks (reading,
     * or a body that is refused anyway); ids that do not exist for everything else that changes things.
     */
    private static String fill(Operation operation) {
        boolean reads = operation.method().equals("GET") || operation.hasBody();
        String path = operation.path();
        if (reads && path.startsWith("/api/v1/schedules/{id}")) {
            path = path.replace("{id}", ids.get("schedule"));
        } else if (reads && path.startsWith("/api/v1/criteria-sets/{id}")) {
            path = path.replace("{id}", ids.get("criteriaSet"));
        } else if (path.startsWith("/api/v1/reports/{key}")) {
            path = path.replace("{key}", reads ? REPORT : "no-such-report-" + MISSING);
        }
        return path.replaceAll("\\{[^}]+}", MISSING);
    }

    /** POST and PUT carry a body; HTTP gives GET and DELETE none, and Payara refuses one there. */
    private static boolean takesPayload(Operation operation) {
        return operation.method().equals("POST") || operation.method().equals("PUT");
    }

    /** Calls that start something when they succeed are not repeated with many parameter values. */
    private static boolean safeToCall(Operation operation) {
        return operation.method().equals("GET") || operation.path().contains("/preview");
    }

    private static <T> T timed(String call, Supplier<T> request) {
        sent++;
        long started = System.nanoTime();
        try {
            T answer = request.get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (took.compareTo(PROMPT) > 0) {
                wrong.add(call + ": answered after " + took.toMillis() + " ms");
            }
            return answer;
        } catch (RuntimeException e) {
            wrong.add(call + ": no answer (" + e + ")");
            return null;
        }
    }

    private static RawHttp.Answer timedRaw(String call, Supplier<RawHttp.Answer> request) {
        RawHttp.Answer answer = timed(call, request);
        if (answer != null && answer.took().compareTo(PROMPT) > 0) {
            wrong.add(call + ": answered after " + answer.took().toMillis() + " ms");
        }
        return answer;
    }

    private static void expectFieldErrors(String method, String path, String body, String... fields) {
        String call = method + " " + abbreviate(path);
        // A PUT is made against whatever version is there (If-Match: *), so that the body is what is judged.
        String ifMatch = method.equals("PUT") ? "*" : null;
        HttpResponse<String> answer = timed(call, () -> admin.call(method, path, body, ifMatch));
        if (answer == null) {
            return;
        }
        if (answer.statusCode() != 400 || !contentType(answer).startsWith("application/problem+json")) {
            wrong.add(call + ": expected a 400 problem, got " + answer.statusCode() + " " + abbreviate(answer.body()));
            return;
        }
        JsonObject problem = Http.json(answer);
        List<String> named = problem.containsKey("errors")
                ? problem.getJsonArray("errors").stream()
                        .map(error -> error.asJsonObject().getString("field"))
                        .toList()
                : List.of();
        for (String field : fields) {
            if (!named.contains(field)) {
                wrong.add(call + ": no error on " + field + " in " + abbreviate(answer.body()));
            }
        }
        problem.getJsonArray("errors").stream()
                .map(error -> error.asJsonObject().getString("message"))
                .filter(message -> message.contains("outside the dates"))
                .filter(message -> !message.contains("1900-01-01 to 2200-12-31"))
                .forEach(message -> wrong.add(call + ": the message does not state the range: " + message));
    }

    private static void expectProblem(String call, int status, String contentType, String body) {
        if (status < 400 || status >= 500) {
            wrong.add(call + ": expected a 4xx problem, got " + status + " " + abbreviate(body));
        } else {
            expectProblemShape(call, contentType, body);
        }
    }

    private static void expectNo5xx(String call, int status, String contentType, String body) {
        if (status >= 500) {
            wrong.add(call + ": " + status + " " + abbreviate(body));
        } else if (status >= 400) {
            expectProblemShape(call, contentType, body);
        }
    }

    /** A problem document, whose words name no Java class or package. */
    private static void expectProblemShape(String call, String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            wrong.add(call + ": not a problem (" + contentType + ") " + abbreviate(body));
            return;
        }
        for (String internal : List.of(
                "java.",
                "jakarta.",
                "org.eclipse",
                "org.glassfish",
                "org.apache",
                "yasson",
                "Exception",
                "dev.herald")) {
            if (body.contains(internal)) {
                wrong.add(call + ": the problem names '" + internal + "': " + abbreviate(body));
            }
        }
    }

    private static String contentType(HttpResponse<String> answer) {
        return answer.headers().firstValue("Content-Type").orElse("");
    }

    /**
     * The share of one core used between the latest sample and the newest one at least
     * {@code window} before it; more than a core (failing the check) until the samples span the window.
     */
    private static double coresOverLast(List<long[]> samples, Duration window) {
        long[] latest = samples.get(samples.size() - 1);
        for (int i = samples.size() - 2; i >= 0; i--) {
            long[] earlier = samples.get(i);
            double seconds = (latest[0] - earlier[0]) / 1e9;
            if (seconds >= window.toMillis() / 1000.0) {
                return (latest[1] - earlier[1]) / 100.0 / seconds;
            }
        }
        return Double.MAX_VALUE;
    }

    /** utime + stime of /proc/pid/stat, in clock ticks (100 a second on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
