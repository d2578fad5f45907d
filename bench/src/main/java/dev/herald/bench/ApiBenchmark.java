package dev.herald.bench;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cheap authenticated GET, {@code GET /api/v1/me}, asked by C clients at once (default 8), each
 * on its own connection, one request after another, for S seconds (default 20) after a warm-up of
 * half as long: first with HTTP Basic, then with a Bearer token, as the same user. The user is made
 * through the API, so that Herald hashes its password as it hashes every password (PBKDF2, 210,000
 * iterations). Herald runs in Payara Server as it ships ({@code ./herald start}) on PostgreSQL.
 * Prints requests per second and p50/p99 latency for each; an error is any answer but 200.
 */
public final class ApiBenchmark {

    private static final String PATH = "/api/v1/me";

    private ApiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try {
            HeraldServer server = HeraldServer.startWith(Map.of());
            server.deployHerald();
            String username = "bench-" + UUID.randomUUID().toString().substring(0, 8);
            String password = "Bench Password " + UUID.randomUUID();
            makeUser(username, password);
            String basic = Http.basic(username, password);
            String bearer = "Bearer " + token(username, password);

            System.out.printf(
                    "API: GET %s, %d clients, %d s after a %d s warm-up, %d cores (client and server on one machine)%n",
                    PATH,
                    clients,
                    seconds,
                    warmUp(seconds),
                    Runtime.getRuntime().availableProcessors());
            for (String[] way : List.of(new String[] {"Basic", basic}, new String[] {"Bearer", bearer})) {
                drive(server.baseUrl(), way[1], clients, warmUp(seconds));
                Result result = drive(server.baseUrl(), way[1], clients, seconds);
                System.out.printf(
                        "%-6s: %,d requests, %.1f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n",
                        way[0],
                        result.timings().count(),
                        result.timings().count() / result.seconds(),
                        result.timings().percentile(50),
                        result.timings().percentile(99),
                        result.timings().max(),
                        result.errors());
            }
        } finally {
            HeraldServer.stopIfStarted();
        }
    }

    private static int warmUp(int seconds) {
        return Math.max(5, seconds / 2);
    }

    record Result(Timings timings, int errors, double seconds) {}

    /** Every client asks again as soon as it has its answer, until the time is up. */
    static Result drive(String baseUrl, String authorization, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        long end = started + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<Timings>> answers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            answers.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PATH))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", authorization)
                        .GET()
                        .build();
                List<Long> took = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                    took.add(System.nanoTime() - start);
                    if (answer.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
                Timings mine = new Timings(took.size());
                took.forEach(mine::addNanos);
                return mine;
            }));
        }
        List<Timings> each = new ArrayList<>();
        for (Future<Timings> answer : answers) {
            each.add(answer.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Timings all = new Timings(each.stream().mapToInt(Timings::count).sum());
        each.forEach(all::addAll);
        return new Result(all, errors.get(), elapsed);
    }

    /** A user with no duty to change the password first, made by the administrator through the API. */
    private static void makeUser(String username, String password) {
        HttpResponse<String> created = Api.admin()
                .post(
                        "/api/v1/users",
                        Json.createObjectBuilder()
                                .add("username", username)
                                .add("displayName", "API benchmark")
                                .add("email", username + "@example.org")
                                .add("password", password)
                                .add("mustChangePassword", false)
                                .add("roles", Json.createArrayBuilder().add("Collect Reports"))
                                .build());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not make the benchmark user: " + created.body());
        }
    }

    private static String token(String username, String password) {
        HttpResponse<String> token = Api.as(username, password).post("/api/v1/api-tokens", "{\"name\": \"benchmark\"}");
        if (token.statusCode() != 201) {
            throw new IllegalStateException("Could not make a token: " + token.body());
        }
        return Api.parse(token.body()).getString("secret");
    }
}
