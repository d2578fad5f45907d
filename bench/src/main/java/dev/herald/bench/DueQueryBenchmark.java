package dev.herald.bench;

import dev.herald.runs.control.DueRuns;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Random;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The scheduler's tick with 100,000 stored schedules on PostgreSQL: the due query when nothing is
 * due (what every instance does every second), a whole claim of 200 due schedules, and, to show
 * what the index buys, the idle query without it.
 */
public final class DueQueryBenchmark {

    private static final int SCHEDULES = Integer.getInteger("schedules", 100_000);
    private static final int ITERATIONS = 500;
    private static final String DUE_QUERY =
            "SELECT id FROM schedule WHERE next_run_at <= ? ORDER BY next_run_at LIMIT 200 FOR UPDATE SKIP LOCKED";

    private DueQueryBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource database = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            insertSchedules(database);
            try (Connection connection = database.getConnection()) {
                connection.setAutoCommit(false);
                Statement statement = connection.createStatement();
                statement.execute("ANALYZE schedule");
                connection.commit();
                System.out.printf("%,d schedules stored; next runs spread over the coming week.%n", SCHEDULES);
                explain(connection);
                System.out.println("Idle tick, due query (nothing due):        "
                        + idleQuery(connection).summary("ms"));
                System.out.println("Idle tick, whole claim (nothing due):      "
                        + claims(connection, false).summary("ms"));
                System.out.println("Busy tick, claim 200 due (rolled back):    "
                        + claims(connection, true).summary("ms"));
                statement.execute("DROP INDEX ix_schedule_next_run");
                connection.commit();
                System.out.println("Idle tick, due query without the index:    "
                        + idleQuery(connection).summary("ms"));
                connection.rollback();
            }
        }
    }

    private static void insertSchedules(DataSource database) throws Exception {
        Random random = new Random(7);
        Instant now = Instant.now();
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schedule (name, name_key, enabled,"
                                + " run_on_demand, run_as_schedule, time_zone, run_from, occurs_type, occurs_every, frequency_type,"
                                + " frequency_at, misfire_policy, next_run_at, created_at, updated_at, version)"
                                + " VALUES (?, ?, TRUE, FALSE, TRUE, 'UTC', ?, 'DAILY', 1, 'ONCE', ?, 'RUN_ONCE', ?, ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < SCHEDULES; i++) {
                Instant next = now.plusSeconds(60 + random.nextInt(7 * 24 * 3600));
                insert.setString(1, "Schedule " + i);
                insert.setString(2, "schedule " + i);
                insert.setObject(3, LocalDate.now(ZoneOffset.UTC).minusDays(1));
                insert.setObject(
                        4,
                        LocalTime.ofInstant(next, ZoneOffset.UTC).withSecond(0).withNano(0));
                insert.setObject(5, next.atOffset(ZoneOffset.UTC));
                insert.setObject(6, now.atOffset(ZoneOffset.UTC));
                insert.setObject(7, now.atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static void explain(Connection connection) throws Exception {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + DUE_QUERY)) {
            explain.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
            try (ResultSet plan = explain.executeQuery()) {
                System.out.println("Plan of the due query:");
                while (plan.next()) {
                    System.out.println("  " + plan.getString(1));
                }
            }
        }
        connection.rollback();
    }

    private static Timings idleQuery(Connection connection) throws Exception {
        Timings timings = new Timings(ITERATIONS);
        try (PreparedStatement query = connection.prepareStatement(DUE_QUERY)) {
            for (int i = -50; i < ITERATIONS; i++) {
                long start = System.nanoTime();
                query.setObject(1, Instant.now().atOffset(ZoneOffset.UTC));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                    }
                }
                connection.rollback();
                if (i >= 0) {
                    timings.addNanos(System.nanoTime() - start);
                }
            }
        }
        return timings;
    }

    private static Timings claims(Connection connection, boolean busy) throws Exception {
        Timings timings = new Timings(ITERATIONS);
        for (int i = -20; i < ITERATIONS; i++) {
            if (busy) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE schedule SET next_run_at = CURRENT_TIMESTAMP - INTERVAL '1' SECOND"
                            + " WHERE id IN (SELECT id FROM schedule ORDER BY id LIMIT 200)");
                }
            }
            long start = System.nanoTime();
            DueRuns.Batch batch = DueRuns.claim(connection, "bench", 200, Duration.ofSeconds(60));
            long elapsed = System.nanoTime() - start;
            if (busy && batch.claimed().size() != 200) {
                throw new IllegalStateException(
                        "Expected 200 claims, got " + batch.claimed().size());
            }
            connection.rollback();
            if (i >= 0) {
                timings.addNanos(elapsed);
            }
        }
        return timings;
    }
}
