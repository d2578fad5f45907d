package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency over the API (issue 20). For schedules, criteria sets, roles, users,
 * settings, summary settings and scheduled tasks: GET answers the version as a strong ETag, PUT
 * answers the new one, If-Match that is not an entity-tag list is a 400, a stale one a 412 with the
 * current version and ETag (and the other change is kept), and two PUTs sent at once against the
 * same ETag never both succeed. Schedules and criteria sets require If-Match (428 without it); the
 * five others still accept a change without it.
 */
@SystemTest
class ConcurrentEditsSystemIT {

    private static final Api admin = Api.admin();
    private static final ExecutorService TWO = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        TWO.shutdownNow();
    }

    /**
     * One kind of versioned resource: where it lives, the text field a change sets, how to make a
     * changed body of it, and whether a change needs If-Match.
     */
    private record Kind(String path, String field, Function<String, JsonObject> named, boolean required) {}

    private static Kind schedule() {
        HttpResponse<String> created = admin.post("/api/v1/schedules", Schedules.weekly(unique("Concurrent")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        JsonObject body = admin.json(created);
        return new Kind(
                "/api/v1/schedules/" + id,
                "name",
                name -> Json.createObjectBuilder(body).add("name", name).build(),
                true);
    }

    private static Kind criteriaSet() {
        HttpResponse<String> created = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                "{\"name\": \"" + unique("Concurrent set") + "\", \"criteria\": {\"paymentDate\": \"LAST_MONTH\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        return new Kind(
                "/api/v1/criteria-sets/" + id,
                "name",
                name -> Json.createObjectBuilder()
                        .add("name", name)
                        .add("criteria", Json.createObjectBuilder().add("paymentDate", "LAST_WEEK"))
                        .build(),
                true);
    }

    private static Kind role() {
        HttpResponse<String> created = admin.post(
                "/api/v1/roles",
                Json.createObjectBuilder()
                        .add("name", unique("Concurrent role"))
                        .add("permissions", Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                        .add("manageAllRoles", false)
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        return new Kind(
                "/api/v1/roles/" + id,
                "name",
                name -> Json.createObjectBuilder()
                        .add("name", name)
                        .add("permissions", Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                        .add("manageAllRoles", false)
                        .build(),
                false);
    }

    private static Kind user() {
        String username = "concurrent-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", username)
                        .add("email", username + "@example.org")
                        .add("password", "Orchestra Pit 2026")
                        .add("roles", Json.createArrayBuilder().add("Administrator"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        return new Kind(
                "/api/v1/users/" + id,
                "displayName",
                name -> Json.createObjectBuilder()
                        .add("displayName", name)
                        .add("email", username + "@example.org")
                        .add("roles", Json.createArrayBuilder().add("Administrator"))
                        .build(),
                false);
    }

    private static Kind scheduledTask() {
        HttpResponse<String> created = admin.post("/api/v1/scheduled-tasks", task(unique("Concurrent task")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        return new Kind("/api/v1/scheduled-tasks/" + id, "name", ConcurrentEditsSystemIT::task, false);
    }

    private static JsonObject task(String name) {
        return Json.createObjectBuilder()
                .add("name", name)
                .add("email", "usage-concurrent@example.org")
                .add("taskType", "USAGE_REPORT")
                .add("recurrence", "WEEKLY")
                .add("dayOfWeek", "WEDNESDAY")
                .add("delimiter", "PIPE")
                .add("enabled", false)
                .build();
    }

    /** The organisation's settings, as they are now: a change sets the client name. */
    private static Kind settings() {
        JsonObject now = admin.json(admin.get(SETTINGS));
        return new Kind(
                SETTINGS,
                "clientName",
                name -> Json.createObjectBuilder(now).add("clientName", name).build(),
                false);
    }

    /** The summary settings as they are now: a change sets their title. */
    private static Kind summarySettings() {
        JsonObject now = admin.json(admin.get(SUMMARY_SETTINGS));
        return new Kind(
                SUMMARY_SETTINGS,
                "organisationName",
                name -> Json.createObjectBuilder(now)
                        .add("organisationName", name)
                        .build(),
                false);
    }

    private static final String SETTINGS = "/api/v1/settings";
    private static final String SUMMARY_SETTINGS = "/api/v1/summary-reports/settings";

    @Test
    void schedulesAnswerTheirVersionAndRefuseStaleMissingAndMalformedPreconditions() {
        checkPreconditions(schedule());
    }

    @Test
    void criteriaSetsAnswerTheirVersionAndRefuseStaleMissingAndMalformedPreconditions() {
        checkPreconditions(criteriaSet());
    }

    @Test
    void rolesUsersAndScheduledTasksHonourIfMatch() throws Exception {
        for (Kind kind : List.of(role(), user(), scheduledTask())) {
            checkPreconditions(kind);
            racePuts(kind);
        }
    }

    @Test
    void theSettingsAndTheSummarySettingsHonourIfMatch() throws Exception {
        for (Kind kind : List.of(settings(), summarySettings())) {
            JsonObject before = admin.json(admin.get(kind.path()));
            try {
                checkPreconditions(kind);
                racePuts(kind);
            } finally {
                HttpResponse<String> restored = admin.put(kind.path(), before, "*");
                assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
            }
        }
    }

    @Test
    void aRoleWhosePermissionsAloneChangeHasANewEtag() {
        Kind role = role();
        String before = admin.etag(role.path());
        HttpResponse<String> changed = admin.put(
                role.path(),
                Json.createObjectBuilder(role.named()
                                .apply(admin.json(admin.get(role.path())).getString("name")))
                        .add(
                                "permissions",
                                Json.createArrayBuilder().add("VIEW_SCHEDULES").add("VIEW_AUDIT_LOG"))
                        .build(),
                before);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(admin.etag(role.path()))
                .isNotEqualTo(before)
                .isEqualTo(changed.headers().firstValue("ETag").get());
        assertProblem(admin.delete(role.path(), before), 412);
        assertThat(admin.delete(role.path(), admin.etag(role.path())).statusCode())
                .isEqualTo(204);
    }

    @Test
    void twoSchedulePutsAtOnceWithOneEtagNeverBothSucceed() throws Exception {
        racePuts(schedule());
    }

    @Test
    void twoCriteriaSetPutsAtOnceWithOneEtagNeverBothSucceed() throws Exception {
        racePuts(criteriaSet());
    }

    @Test
    void deletesNeedTheCurrentVersion() {
        for (Kind kind : List.of(schedule(), criteriaSet())) {
            String read = admin.etag(kind.path());
            assertProblem(admin.delete(kind.path()), 428);
            HttpResponse<String> changed = admin.put(kind.path(), kind.named().apply(unique("Changed first")), read);
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

            HttpResponse<String> stale = admin.delete(kind.path(), read);
            assertProblem(stale, 412);
            assertThat(admin.get(kind.path()).statusCode()).as("still there").isEqualTo(200);

            HttpResponse<String> deleted = admin.delete(
                    kind.path(), changed.headers().firstValue("ETag").orElseThrow());
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
            assertThat(admin.get(kind.path()).statusCode()).isEqualTo(404);
            // A precondition on what is not there is not met either: 404, not a delete of nothing.
            assertThat(admin.delete(kind.path(), "*").statusCode()).isEqualTo(404);
        }
    }

    private static void checkPreconditions(Kind kind) {
        HttpResponse<String> read = admin.get(kind.path());
        assertThat(read.statusCode()).isEqualTo(200);
        long version = admin.json(read).getJsonNumber("version").longValue();
        String etag = read.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("GET has no ETag"));
        assertThat(etag).as("a strong tag of the version").isEqualTo("\"" + version + "\"");

        if (kind.required()) {
            // Without If-Match: 428, and nothing changed.
            HttpResponse<String> unconditional =
                    admin.put(kind.path(), kind.named().apply(unique("Blind")), null);
            assertProblem(unconditional, 428);
            assertThat(admin.json(unconditional).getString("detail")).contains("If-Match");
            assertThat(admin.etag(kind.path())).isEqualTo(etag);
        }

        // Not an entity-tag list: 400 on If-Match.
        HttpResponse<String> malformed = admin.put(kind.path(), kind.named().apply(unique("Bad tag")), "" + version);
        assertProblem(malformed, 400);
        assertThat(admin.json(malformed).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("If-Match");

        // The first change against the ETag read: 200 and the new ETag.
        String theirs = unique("Theirs");
        HttpResponse<String> first = admin.put(kind.path(), kind.named().apply(theirs), etag);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String newEtag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("PUT has no ETag"));
        long newVersion = admin.json(first).getJsonNumber("version").longValue();
        assertThat(newEtag).isEqualTo("\"" + newVersion + "\"").isNotEqualTo(etag);
        assertThat(admin.etag(kind.path()))
                .as("GET agrees with what PUT answered")
                .isEqualTo(newEtag);

        // The second change against the same, now stale, ETag: 412 with the current version; theirs is kept.
        HttpResponse<String> stale = admin.put(kind.path(), kind.named().apply(unique("Mine")), etag);
        assertProblem(stale, 412);
        assertThat(admin.json(stale).getJsonNumber("currentVersion").longValue())
                .isEqualTo(newVersion);
        assertThat(stale.headers().firstValue("ETag")).hasValue(newEtag);
        assertThat(admin.json(admin.get(kind.path())).getString(kind.field())).isEqualTo(theirs);

        // A weak tag never matches (If-Match compares strongly); a list with the current tag does.
        assertProblem(admin.put(kind.path(), kind.named().apply(unique("Weak")), "W/" + newEtag), 412);
        HttpResponse<String> listed =
                admin.put(kind.path(), kind.named().apply(unique("Listed")), etag + ", " + newEtag);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

        // If-Match: * changes whatever version is there.
        String forced = unique("Forced");
        HttpResponse<String> any = admin.put(kind.path(), kind.named().apply(forced), "*");
        assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
        assertThat(admin.json(admin.get(kind.path())).getString(kind.field())).isEqualTo(forced);

        if (!kind.required()) {
            // The rule for the kinds that do not require it yet: no If-Match, no check.
            String blind = unique("Unconditional");
            HttpResponse<String> unconditional =
                    admin.put(kind.path(), kind.named().apply(blind), null);
            assertThat(unconditional.statusCode()).as(unconditional.body()).isEqualTo(200);
            assertThat(admin.json(admin.get(kind.path())).getString(kind.field()))
                    .isEqualTo(blind);
        }
    }

    /** Ten rounds of two PUTs released together with the same ETag: each round one 200 and one 412. */
    private static void racePuts(Kind kind) throws Exception {
        for (int round = 0; round < 10; round++) {
            String etag = admin.etag(kind.path());
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> puts = new ArrayList<>();
            for (String who : List.of("Anna", "Ben")) {
                JsonObject body = kind.named().apply(unique(who + " round " + round));
                puts.add(CompletableFuture.supplyAsync(
                        () -> {
                            ready.countDown();
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                            return admin.put(kind.path(), body, etag);
                        },
                        TWO));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (CompletableFuture<HttpResponse<String>> put : puts) {
                HttpResponse<String> answer = put.get();
                statuses.add(answer.statusCode());
                if (answer.statusCode() == 200) {
                    winner = admin.json(answer).getString(kind.field());
                }
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
            assertThat(admin.json(admin.get(kind.path())).getString(kind.field()))
                    .isEqualTo(winner);
        }
    }

    private static void assertProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
