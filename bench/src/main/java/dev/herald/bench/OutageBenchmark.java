package dev.herald.bench;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import jakarta.json.Json;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The mail server refusing, measured: a burst of runs (each mailing a 10,000-row CSV to one address,
 * started one after another through the API as fast as it answers) while partners run on-demand reports, first with mail healthy, then with the
 * SMTP server answering 421 to every connection. It prints, side by side, how many runs per minute
 * got through their attempt (sent with mail up; tried and waiting for their next try with mail down)
 * and the partners' on-demand p50 and p95. Herald runs as it ships (./herald start, PostgreSQL).
 */
public final class OutageBenchmark {

    private OutageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int partners = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try {
            HeraldServer server = HeraldServer.startWith(Map.of());
            server.deployHerald();
            OnDemandBenchmark.Partners setUp = OnDemandBenchmark.Partners.make(partners, 10_000);
            List<Long> up = schedules(setUp, runs, "up");
            List<Long> down = schedules(setUp, runs, "down");
            HttpClient client = HttpClient.newBuilder().build();
            // Warm-up, not counted.
            for (int r = 0; r < 3; r++) {
                OnDemandBenchmark.round(
                        client,
                        server.baseUrl(),
                        setUp.tokens(),
                        setUp.item(),
                        10_000,
                        new Timings(partners),
                        new AtomicInteger());
            }
            System.out.printf(
                    "Mail outage: a burst of %d runs (one e-mail each) while %d partners run a 10,000-row"
                            + " CSV on demand, %d rounds%n",
                    runs, partners, rounds);
            System.out.println("Mail up:   " + phase(server, client, setUp, up, "SUCCEEDED", rounds));
            server.smtpGate().busy(true);
            try {
                System.out.println("Mail down: " + phase(server, client, setUp, down, "WAITING", rounds));
            } finally {
                server.smtpGate().busy(false);
            }
        } finally {
            HeraldServer.stopIfStarted();
        }
    }

    /** Makes the schedules due now, runs the partners' rounds meanwhile, and waits for every run to reach {@code status}. */
    private static String phase(
            HeraldServer server,
            HttpClient client,
            OnDemandBenchmark.Partners setUp,
            List<Long> schedules,
            String status,
            int rounds)
            throws Exception {
        DataSource database = server.database();
        long started = System.nanoTime();
        startAll(schedules);
        Timings timings = new Timings(setUp.tokens().size() * rounds);
        AtomicInteger errors = new AtomicInteger();
        for (int r = 0; r < rounds; r++) {
            OnDemandBenchmark.round(client, server.baseUrl(), setUp.tokens(), setUp.item(), 10_000, timings, errors);
        }
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (count(database, schedules, status) < schedules.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int through = count(database, schedules, status);
        return String.format(
                "%d of %d runs %s in %.1f s (%.0f runs/min); on demand p50 %.0f ms, p95 %.0f ms, errors %d",
                through,
                schedules.size(),
                status.equals("SUCCEEDED") ? "sent" : "tried and waiting for their next try",
                seconds,
                through / seconds * 60,
                timings.percentile(50),
                timings.percentile(95),
                errors.get());
    }

    private static List<Long> schedules(OnDemandBenchmark.Partners setUp, int count, String name) {
        Api admin = Api.admin();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> created = admin.post(
                    "/api/v1/schedules",
                    Json.createObjectBuilder()
                            .add("name", "Outage " + name + " " + i + " " + System.nanoTime())
                            .add("runOnDemand", true)
                            .add("runAsSchedule", false)
                            .add(
                                    "items",
                                    Json.createArrayBuilder()
                                            .add(Json.createObjectBuilder()
                                                    .add("reportKey", setUp.reportKey())
                                                    .add("criteriaSetId", setUp.criteriaSet())
                                                    .add("displayName", "Rows")
                                                    .add(
                                                            "recipients",
                                                            Json.createArrayBuilder()
                                                                    .add("outage-" + name + "-" + i + "@example.org"))
                                                    .add("deliverAs", "ATTACHMENT")
                                                    .add("format", "CSV")))
                            .build());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Schedule not made: " + created.body());
            }
            ids.add(Api.parse(created.body()).getJsonNumber("id").longValue());
        }
        return ids;
    }

    /** Starts a run of each schedule now through the API. */
    private static void startAll(List<Long> schedules) {
        Api admin = Api.admin();
        for (long id : schedules) {
            HttpResponse<String> started = admin.post("/api/v1/schedules/" + id + "/run", "{}");
            if (started.statusCode() != 202) {
                throw new IllegalStateException("Run not started: " + started.body());
            }
        }
    }

    private static int count(DataSource database, List<Long> schedules, String status) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM run WHERE status = ? AND schedule_id = ANY (?)")) {
            query.setString(1, status);
            query.setArray(2, connection.createArrayOf("bigint", schedules.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
