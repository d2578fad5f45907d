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
 * Optimistic concurrency over the API (issue 20) for schedules and criteria sets: GET answers the
 * version as a strong ETag, PUT and DELETE need If-Match (428 without it, 400 when it is not an
 * entity-tag list, 412 with the current version and ETag when it is stale, whose change is then
 * kept), and two PUTs sent at once against the same ETag never both succeed.
 */
@SystemTest
class ConcurrentEditsSystemIT {

    private static final Api admin = Api.admin();
    private static final ExecutorService TWO = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        TWO.shutdownNow();
    }

    /** One kind of versioned resource: where it lives and how to make a changed body of it. */
    private record Kind(String path, Function<String, JsonObject> named) {}

    private static Kind schedule() {
        HttpResponse<String> created = admin.post("/api/v1/schedules", Schedules.weekly(unique("Concurrent")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        JsonObject body = admin.json(created);
        return new Kind(
                "/api/v1/schedules/" + id,
                name -> Json.createObjectBuilder(body).add("name", name).build());
    }

    private static Kind criteriaSet() {
        HttpResponse<String> created = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                "{\"name\": \"" + unique("Concurrent set") + "\", \"criteria\": {\"paymentDate\": \"LAST_MONTH\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        return new Kind("/api/v1/criteria-sets/" + id, name -> Json.createObjectBuilder()
                .add("name", name)
                .add("criteria", Json.createObjectBuilder().add("paymentDate", "LAST_WEEK"))
                .build());
    }

    @Test
    void schedulesAnswerTheirVersionAndRefuseStaleMissingAndMalformedPreconditions() {
        checkPreconditions(schedule());
    }

    @Test
    void criteriaSetsAnswerTheirVersionAndRefuseStaleMissingAndMalformedPreconditions() {
        checkPreconditions(criteriaSet());
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

        // Without If-Match: 428, and nothing changed.
        HttpResponse<String> unconditional = admin.put(kind.path(), kind.named().apply(unique("Blind")), null);
        assertProblem(unconditional, 428);
        assertThat(admin.json(unconditional).getString("detail")).contains("If-Match");
        assertThat(admin.etag(kind.path())).isEqualTo(etag);

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

        // The second change against the same, now stale, ETag: 412 with the current version; theirs is kept.
        HttpResponse<String> stale = admin.put(kind.path(), kind.named().apply(unique("Mine")), etag);
        assertProblem(stale, 412);
        assertThat(admin.json(stale).getJsonNumber("currentVersion").longValue())
                .isEqualTo(newVersion);
        assertThat(stale.headers().firstValue("ETag")).hasValue(newEtag);
        assertThat(admin.json(admin.get(kind.path())).getString("name")).isEqualTo(theirs);

        // A weak tag never matches (If-Match compares strongly); a list with the current tag does.
        assertProblem(admin.put(kind.path(), kind.named().apply(unique("Weak")), "W/" + newEtag), 412);
        HttpResponse<String> listed =
                admin.put(kind.path(), kind.named().apply(unique("Listed")), etag + ", " + newEtag);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);

        // If-Match: * changes whatever version is there.
        String forced = unique("Forced");
        HttpResponse<String> any = admin.put(kind.path(), kind.named().apply(forced), "*");
        assertThat(any.statusCode()).as(any.body()).isEqualTo(200);
        assertThat(admin.json(admin.get(kind.path())).getString("name")).isEqualTo(forced);
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
                    winner = admin.json(answer).getString("name");
                }
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
            assertThat(admin.json(admin.get(kind.path())).getString("name")).isEqualTo(winner);
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
