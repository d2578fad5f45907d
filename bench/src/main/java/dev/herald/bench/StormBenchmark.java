package dev.herald.bench;

import dev.herald.testing.HeraldServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * A storm: N schedules (default 10,000) due in the same minute, on one instance with PostgreSQL.
 * Herald runs in Payara Server exactly as it ships (./herald start); Quartz 2.5 runs the same number
 * of one-shot jobs with its clustered JDBCJobStore (the scheduler of JasperReports Server and
 * Metabase) in the same PostgreSQL database, with as many threads as Herald has workers, first with
 * its default settings and then with batch trigger acquisition turned on. Both measure lag from the
 * due instant to the start of the run, and when the last run started.
 */
public final class StormBenchmark {

    private static final int WORKERS = 8;

    private StormBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try {
            Map<String, String> environment = new HashMap<>(
                    Map.of("HERALD_RUNS_SIMULATED_WORK", "PT0S", "HERALD_RUNS_WORKERS", String.valueOf(WORKERS)));
            // As it ships (a claim takes up to 1000 due schedules) unless -Dbatch=N tries another size.
            if (System.getProperty("batch") != null) {
                environment.put("HERALD_SCHEDULER_BATCH_SIZE", System.getProperty("batch"));
            }
            HeraldServer server = HeraldServer.startWith(environment);
            server.deployHerald();
            DataSource database = server.database();
            System.out.printf(
                    "Storm of %,d runs due in one minute, %d workers/threads, PostgreSQL %s%n",
                    count, WORKERS, version(database));
            System.out.println("Herald:                          " + herald(database, count));
            if (args.length > 1 && args[1].equals("--herald-only")) {
                return;
            }
            createQuartzTables(database);
            System.out.println("Quartz 2.5, defaults:            " + quartz(database, count, false));
            System.out.println("Quartz 2.5, batch acquisition:   " + quartz(database, count, true));
        } finally {
            HeraldServer.stopIfStarted();
        }
    }

    private static String herald(DataSource database, int count) throws Exception {
        Instant due = minuteAtLeast(Duration.ofSeconds(40));
        LocalTime at = LocalTime.ofInstant(due, ZoneOffset.UTC);
        try (Connection connection = database.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO schedule (name, name_key, enabled,"
                                + " run_on_demand, run_as_schedule, time_zone, run_from, occurs_type, occurs_every, frequency_type,"
                                + " frequency_at, misfire_policy, next_run_at, created_at, updated_at, version)"
                                + " VALUES (?, ?, TRUE, FALSE, TRUE, 'UTC', ?, 'DAILY', 1, 'ONCE', ?, 'RUN_ONCE', ?, ?, ?, 0)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String name = "Storm " + due + " " + i;
                insert.setString(1, name);
                insert.setString(2, name.toLowerCase());
                insert.setObject(3, LocalDate.now(ZoneOffset.UTC).minusDays(1));
                insert.setObject(4, at);
                insert.setObject(5, due.atOffset(ZoneOffset.UTC));
                insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                insert.setObject(7, Instant.now().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        }
        require(Instant.now().isBefore(due), "schedules stored before they fall due");
        Instant deadline = due.plus(Duration.ofMinutes(20));
        while (started(database, due) < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*),"
                        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM started_at - scheduled_for)),"
                        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM started_at - scheduled_for)),"
                        + " EXTRACT(EPOCH FROM MAX(started_at) - MIN(scheduled_for)),"
                        + " COUNT(DISTINCT schedule_id),"
                        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM created_at - scheduled_for)),"
                        + " percentile_cont(0.99) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM started_at - created_at))"
                        + " FROM run WHERE scheduled_key = ? AND started_at IS NOT NULL")) {
            query.setObject(1, due.atOffset(ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return String.format(
                        "%,d runs started (%,d schedules), lag p50 %.2f s, p99 %.2f s, last run started %.2f s after due"
                                + " (p99 due to claimed %.2f s, claimed to started %.2f s)",
                        row.getInt(1),
                        row.getInt(5),
                        row.getDouble(2),
                        row.getDouble(3),
                        row.getDouble(4),
                        row.getDouble(6),
                        row.getDouble(7));
            }
        }
    }

    private static int started(DataSource database, Instant due) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM run WHERE scheduled_key = ? AND started_at IS NOT NULL")) {
            query.setObject(1, due.atOffset(ZoneOffset.UTC));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Quartz's job: notes when it was due and when it started. */
    public static class RecordingJob implements Job {
        static final ConcurrentLinkedQueue<long[]> STARTS = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(JobExecutionContext context) {
            // Quartz moves the fire time of a trigger it judges misfired; lag counts from the due instant.
            STARTS.add(new long[] {DUE.get(), System.currentTimeMillis()});
        }

        static final java.util.concurrent.atomic.AtomicLong DUE = new java.util.concurrent.atomic.AtomicLong();
    }

    private static String quartz(DataSource database, int count, boolean batchAcquisition) throws Exception {
        RecordingJob.STARTS.clear();
        String name = batchAcquisition ? "HeraldBenchBatch" : "HeraldBenchDefault";
        Scheduler scheduler =
                new StdSchedulerFactory(quartzProperties(database, name, batchAcquisition)).getScheduler();
        Instant due = minuteAtLeast(Duration.ofSeconds(60));
        RecordingJob.DUE.set(due.toEpochMilli());
        Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
        for (int i = 0; i < count; i++) {
            JobDetail job = JobBuilder.newJob(RecordingJob.class)
                    .withIdentity("job-" + i, name)
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger()
                    .withIdentity("trigger-" + i, name)
                    .startAt(Date.from(due))
                    .build();
            jobs.put(job, Set.of(trigger));
        }
        scheduler.scheduleJobs(jobs, true);
        require(Instant.now().isBefore(due), "jobs stored before they fall due");
        scheduler.start();
        Instant deadline = due.plus(Duration.ofMinutes(30));
        while (RecordingJob.STARTS.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(1000);
        }
        scheduler.shutdown(true);
        Timings lag = new Timings(RecordingJob.STARTS.size());
        long last = 0;
        for (long[] start : RecordingJob.STARTS) {
            lag.add((start[1] - start[0]) / 1000.0);
            last = Math.max(last, start[1]);
        }
        return String.format(
                "%,d runs started, lag p50 %.2f s, p99 %.2f s, last run started %.2f s after due",
                lag.count(), lag.percentile(50), lag.percentile(99), (last - due.toEpochMilli()) / 1000.0);
    }

    private static Properties quartzProperties(DataSource database, String name, boolean batchAcquisition)
            throws Exception {
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", name);
        properties.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        properties.setProperty("org.quartz.threadPool.threadCount", String.valueOf(WORKERS));
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty(
                "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.dataSource", "bench");
        if (batchAcquisition) {
            properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(WORKERS));
            properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        }
        try (Connection connection = database.getConnection()) {
            properties.setProperty(
                    "org.quartz.dataSource.bench.URL", connection.getMetaData().getURL());
            properties.setProperty(
                    "org.quartz.dataSource.bench.user", connection.getMetaData().getUserName());
        }
        properties.setProperty("org.quartz.dataSource.bench.driver", "org.postgresql.Driver");
        properties.setProperty("org.quartz.dataSource.bench.password", HeraldServer.databasePassword());
        properties.setProperty("org.quartz.dataSource.bench.provider", "hikaricp");
        properties.setProperty("org.quartz.dataSource.bench.maxConnections", String.valueOf(WORKERS + 4));
        return properties;
    }

    private static void createQuartzTables(DataSource database) throws Exception {
        String script;
        try (InputStream in =
                Scheduler.class.getResourceAsStream("/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank() && !sql.strip().equalsIgnoreCase("commit")) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String version(DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductVersion();
        }
    }

    private static Instant minuteAtLeast(Duration lead) {
        return Instant.now().plus(lead).truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("The benchmark needs " + what);
        }
    }
}
