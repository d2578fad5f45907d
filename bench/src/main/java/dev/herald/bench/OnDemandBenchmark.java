package dev.herald.bench;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partners at once: P partners (default 50), each asking for the same on-demand item, a CSV of R
 * rows (default 10,000), through {@code POST /api/v1/on-demand/{item}/run} with their own API token,
 * all released together, for several rounds. Herald runs in Payara Server as it ships
 * ({@code ./herald start}) on PostgreSQL with no simulated work. Latency is from the request to the
 * last byte of the file; an error is any answer but 200 with the whole file. Five rounds first warm
 * the server up and are not counted.
 */
public final class OnDemandBenchmark {

    private static final int WARM_UP_ROUNDS = 5;

    private OnDemandBenchmark() {}

    public static void main(String[] args) throws Exception {
        int partners = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try {
            Map<String, String> settings = new HashMap<>(Map.of("HERALD_RUNS_SIMULATED_WORK", "PT0S"));
            // -Dworkers=N tries another number of run workers than the shipped default.
            if (System.getProperty("workers") != null) {
                settings.put("HERALD_RUNS_WORKERS", System.getProperty("workers"));
            }
            HeraldServer server = HeraldServer.startWith(settings);
            server.deployHerald();
            Partners setUp = Partners.make(partners, rows);
            List<String> tokens = setUp.tokens();
            long item = setUp.item();

            HttpClient client = HttpClient.newBuilder().build();
            System.out.printf(
                    "On demand: %d partners at once, a %,d-row CSV each, %d rounds, %d cores%n",
                    partners, rows, rounds, Runtime.getRuntime().availableProcessors());
            // Warm-up rounds, not counted: the server's JIT compiles the path first.
            for (int r = 0; r < WARM_UP_ROUNDS; r++) {
                round(client, server.baseUrl(), tokens, item, rows, new Timings(partners), new AtomicInteger());
            }
            Timings timings = new Timings(partners * rounds);
            AtomicInteger errors = new AtomicInteger();
            long started = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                round(client, server.baseUrl(), tokens, item, rows, timings, errors);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "Herald: %d requests, p50 %.0f ms, p95 %.0f ms, max %.0f ms, errors %d, %.1f files/s%n",
                    timings.count(),
                    timings.percentile(50),
                    timings.percentile(95),
                    timings.max(),
                    errors.get(),
                    timings.count() / seconds);
        } finally {
            HeraldServer.stopIfStarted();
        }
    }

    /** Every partner asks at the same moment; waits for all the answers. */
    static void round(
            HttpClient client,
            String baseUrl,
            List<String> tokens,
            long item,
            int rows,
            Timings timings,
            AtomicInteger errors)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tokens.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> answers = new ArrayList<>();
        for (String token : tokens) {
            answers.add(pool.submit(() -> {
                HttpRequest request = Http.request(baseUrl, "/api/v1/on-demand/" + item + "/run")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build();
                go.await();
                long start = System.nanoTime();
                HttpResponse<byte[]> answer = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - start;
                long lines = new String(answer.body(), StandardCharsets.UTF_8)
                        .lines()
                        .count();
                synchronized (timings) {
                    timings.addNanos(took);
                }
                if (answer.statusCode() != 200 || lines != rows + 1) {
                    errors.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> answer : answers) {
            answer.get();
        }
        pool.shutdown();
    }

    /** Partners with API tokens, and the on-demand item (a CSV of {@code rows} rows) each of them may run. */
    record Partners(List<String> tokens, long item, String reportKey, long criteriaSet) {

        static Partners make(int partners, int rows) throws Exception {
            Api admin = Api.admin();
            String key = "bench-rows-" + UUID.randomUUID().toString().substring(0, 6);
            HttpResponse<String> report = admin.post("/api/v1/reports", """
                        {"key": "%s", "name": "Benchmark rows", "category": "Benchmark",
                         "sql": "SELECT g AS row_number, 'Row ' || g AS label, g * 1.25 AS amount, DATE '2026-01-01' + (g %% 365) AS day FROM generate_series(1, %d) AS g ORDER BY g"}""".formatted(key, rows));
            require(report.statusCode() == 201, "benchmark report made: " + report.body());
            HttpResponse<String> set = admin.post(
                    "/api/v1/reports/" + key + "/criteria-sets", "{\"name\": \"Every row\", \"criteria\": {}}");
            require(set.statusCode() == 201, "criteria set made: " + set.body());
            long criteriaSet = Api.parse(set.body()).getJsonNumber("id").longValue();

            List<String> tokens = new ArrayList<>();
            JsonArrayBuilder recipients = Json.createArrayBuilder();
            for (int i = 0; i < partners; i++) {
                TestUser partner = TestUsers.create("Collect Reports");
                recipients.add(partner.username() + "@example.org");
                HttpResponse<String> token = Api.as(partner.username(), partner.password())
                        .post("/api/v1/api-tokens", "{\"name\": \"benchmark\"}");
                tokens.add(Api.parse(token.body()).getString("secret"));
            }
            HttpResponse<String> schedule = admin.post(
                    "/api/v1/schedules",
                    Json.createObjectBuilder()
                            .add("name", "On-demand benchmark " + key)
                            .add("runOnDemand", true)
                            .add("runAsSchedule", false)
                            .add(
                                    "items",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("reportKey", key)
                                                    .add("criteriaSetId", criteriaSet)
                                                    .add("displayName", "Rows for partners")
                                                    .add("recipients", recipients)
                                                    .add("deliverAs", "ATTACHMENT")
                                                    .add("format", "CSV")))
                            .build());
            require(schedule.statusCode() == 201, "schedule made: " + schedule.body());
            long item = Api.parse(schedule.body())
                    .getJsonArray("items")
                    .getJsonObject(0)
                    .getJsonNumber("id")
                    .longValue();
            return new Partners(tokens, item, key, criteriaSet);
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Failed: " + what);
        }
    }
}
