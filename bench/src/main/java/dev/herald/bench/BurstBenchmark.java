package dev.herald.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderers;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.Binding;
import dev.herald.reports.control.ParameterSpec;
import dev.herald.reports.control.QueryRunner;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ResolvedCriteria;
import dev.herald.reports.control.SplitRender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * One report item to many recipients (issue 19): a table of ROWS rows spread over RECIPIENTS values
 * of a bound parameter (a promoter; each value's rows scattered through the table, as rows inserted
 * over time are), an index on the value; then, for N recipients, (a) one split pass ({@link
 * SplitRender}: one query with the N values, rows routed by the trailing value, N files) against (b)
 * N separate renders (each its own query with {@code promoter IN (?)}, as the run engine made every
 * recipient's file before the split). Both through Herald's query runner and renderers, fetch size
 * 1,000, files to counting sinks (no disk). Each way and N runs in a JVM of its own ({@code
 * -Xmx1g}) after a warm-up of both ways, twice, on 20 recipients; small N are timed 5 times (median).
 *
 * <p>Heap: "live" is the most heap in use right after any collection during the timed run (what
 * the run holds on to: one file's renderer, or the row buffer), read from the collectors'
 * notifications; "used" is the peak of the heap pools, garbage included. Both measured the same way
 * for both ways.
 *
 * <pre>bench/run burst [rows] [recipients] [CSV|XLSX|PDF|XML, or several: CSV,XLSX] [sweep|nosweep|plans]</pre>
 *
 * <p>The sweep is made in the first format only.
 *
 * <p>{@code plans} only makes the table and prints the split query's plans, run, at 1 to 50 recipients.
 */
public final class BurstBenchmark {

    static final ZoneId ZONE = RenderBenchmark.ZONE;
    /** Whether the promoter is indexed ({@code -Dburst.index=false}: each separate query then reads the whole table). */
    static final boolean INDEXED = Boolean.parseBoolean(System.getProperty("burst.index", "true"));

    static final int[] SWEEP = {1, 2, 5, 10, 20, 50, 100};

    /** The benchmark's columns (those of the render benchmark), then the promoter: the bound value. */
    static ReportSpec report() {
        String sql = RenderBenchmark.QUERY.replace(
                        "reference FROM bench_rows ORDER BY id", "reference, promoter FROM burst_rows")
                + " WHERE (NOT :promoter_set OR promoter IN (:promoter)) ORDER BY promoter, id";
        return new ReportSpec(
                "burst",
                "Sales by promoter",
                null,
                null,
                false,
                sql,
                List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")),
                RenderBenchmark.COLUMNS);
    }

    static ResolvedCriteria bound(List<Long> promoters) {
        return new ResolvedCriteria(
                Map.of(
                        "promoter",
                        Binding.of(List.copyOf(promoters), Types.BIGINT),
                        "promoter_set",
                        Binding.bool(true)),
                List.of(new Criterion(
                        "promoter",
                        "Promoter",
                        promoters.size() == 1 ? "Promoter " + promoters.get(0) : promoters.size() + " promoters",
                        null,
                        null)),
                JsonValue.EMPTY_JSON_OBJECT);
    }

    static RenderHeader header(ReportSpec report, ResolvedCriteria criteria) {
        return new RenderHeader(
                "Your sales",
                report.key(),
                report.name(),
                "Herald",
                ZonedDateTime.of(2026, 12, 5, 6, 0, 0, 0, ZONE),
                criteria.criteria(),
                report.columns());
    }

    static FileFormat format(String name) {
        return switch (name.toUpperCase()) {
            case "XLSX" -> FileFormat.EXCEL_FORMATTED;
            default -> FileFormat.valueOf(name.toUpperCase());
        };
    }

    // --- in the child JVM

    /** What one way made: rows, bytes and files. */
    record Made(long rows, long bytes, int files) {}

    static Made split(Connection connection, FileFormat format, List<Long> promoters) throws Exception {
        ReportSpec report = report();
        List<SplitRender.File> files = new ArrayList<>();
        List<RenderBenchmark.CountingSink> sinks = new ArrayList<>();
        for (long promoter : promoters) {
            files.add(new SplitRender.File(Long.toString(promoter), header(report, bound(List.of(promoter))), () -> {
                RenderBenchmark.CountingSink sink = new RenderBenchmark.CountingSink();
                sinks.add(sink);
                return sink;
            }));
        }
        ResolvedCriteria union = bound(promoters);
        List<SplitRender.Made> made = new SplitRender(format, CsvDelimiter.COMMA, false, files, true)
                .run(new QueryRunner(1000, 3600), connection, report, union, header(report, union), ZONE, null);
        connection.rollback();
        long rows = made.stream().mapToLong(SplitRender.Made::rows).sum();
        return new Made(rows, sinks.stream().mapToLong(s -> s.bytes).sum(), sinks.size());
    }

    static Made separate(Connection connection, FileFormat format, List<Long> promoters) throws Exception {
        ReportSpec report = report();
        QueryRunner runner = new QueryRunner(1000, 3600);
        long rows = 0;
        long bytes = 0;
        for (long promoter : promoters) {
            ResolvedCriteria criteria = bound(List.of(promoter));
            RenderBenchmark.CountingSink sink = new RenderBenchmark.CountingSink();
            rows += runner.run(
                    connection,
                    report,
                    criteria,
                    header(report, criteria),
                    Renderers.of(format, CsvDelimiter.COMMA, false, sink),
                    ZONE,
                    0);
            connection.rollback();
            bytes += sink.bytes;
        }
        return new Made(rows, bytes, promoters.size());
    }

    /** The most heap in use right after a collection, since {@link #reset}. */
    static final AtomicLong LIVE = new AtomicLong();

    static void listenToCollections() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                                        .mapToLong(usage -> usage.getUsed())
                                        .sum();
                                LIVE.accumulateAndGet(after, Math::max);
                            },
                            null,
                            null);
        }
    }

    static void reset() {
        System.gc();
        LIVE.set(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static long peakUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                used += pool.getPeakUsage().getUsed();
            }
        }
        return used;
    }

    /**
     * The promoters of n recipients, spread over all of them (1, 21, 41, … for 50 of 1,000): rows of
     * neighbouring promoters share pages in this table, recipients chosen side by side would share
     * them too, which real recipients do not.
     */
    static long[] spaced(int n, int recipients) {
        long[] promoters = new long[n];
        for (int i = 0; i < n; i++) {
            promoters[i] = 1 + (long) i * recipients / n;
        }
        return promoters;
    }

    static void child(String[] args) throws Exception {
        String way = args[1];
        int n = Integer.parseInt(args[2]);
        int recipients = Integer.parseInt(args[3]);
        FileFormat format = format(args[4]);
        String url = args[5];
        List<Long> promoters = new ArrayList<>();
        for (long p : spaced(n, recipients)) {
            promoters.add(p);
        }
        List<Long> warmUp = new ArrayList<>();
        for (long p = Math.max(1, recipients - 19); p <= recipients; p++) {
            warmUp.add(p);
        }
        listenToCollections();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            // Warm up both ways (the compiler, the driver's prepared statements), twice.
            for (int i = 0; i < 2; i++) {
                split(connection, format, warmUp);
                separate(connection, format, warmUp);
            }
            int times = n <= 10 ? 5 : 1;
            long[] millis = new long[times];
            Made made = null;
            reset();
            for (int t = 0; t < times; t++) {
                long started = System.nanoTime();
                made = way.equals("split")
                        ? split(connection, format, promoters)
                        : separate(connection, format, promoters);
                millis[t] = (System.nanoTime() - started) / 1_000_000;
            }
            long used = peakUsed();
            Arrays.sort(millis);
            System.out.println("RESULT " + millis[times / 2] + " " + made.rows() + " " + made.bytes() + " "
                    + made.files() + " " + LIVE.get() + " " + used + " " + times);
        }
    }

    // --- the orchestrator

    record Result(
            String format,
            String way,
            int n,
            long millis,
            long rows,
            long bytes,
            int files,
            long live,
            long used,
            int times) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args);
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000;
        int recipients = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String format = args.length > 2 ? args[2] : "CSV";
        boolean sweep = args.length <= 3 || args[3].equals("sweep");
        List<Result> results = new ArrayList<>();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                long started = System.nanoTime();
                statement.execute(
                        """
                        CREATE TABLE burst_rows AS
                        SELECT g::bigint AS id, (1 + g % RECIPIENTS)::bigint AS promoter,
                               'Customer ' || (g % 1000) AS customer,
                               (ARRAY['London','Leeds','Zürich','Kraków','Αθήνα'])[1 + g % 5] AS city,
                               (g % 7)::bigint AS quantity, round((g % 10000) / 100.0, 2)::numeric(10, 2) AS amount,
                               round((g % 997) / 997.0, 4)::numeric(8, 4) AS ratio, DATE '2026-01-01' + (g % 365) AS day,
                               TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute' AS paid_at,
                               g % 2 = 0 AS opt_in, 'REF-' || g AS reference
                        FROM generate_series(1, ROWS) g""".replace("ROWS", Long.toString(rows)).replace("RECIPIENTS", Integer.toString(recipients)));
                if (INDEXED) {
                    statement.execute("CREATE INDEX burst_rows_promoter ON burst_rows (promoter)");
                }
                statement.execute("VACUUM ANALYZE burst_rows");
                System.out.printf(
                        "%,d rows over %,d promoters made and indexed in %.1f s%n",
                        rows, recipients, (System.nanoTime() - started) / 1e9);
                boolean analyse = !sweep && args.length > 3 && args[3].equals("plans");
                for (int n : analyse ? new int[] {1, 2, 5, 10, 20, 50, recipients} : new int[] {1, recipients}) {
                    explain(connection, n, analyse);
                }
                if (analyse) {
                    return;
                }
            }
            List<Integer> ns = new ArrayList<>();
            if (sweep) {
                for (int n : SWEEP) {
                    if (n < recipients) {
                        ns.add(n);
                    }
                }
            }
            ns.add(recipients);
            String[] formats = format.split(",");
            for (int f = 0; f < formats.length; f++) {
                for (int n : f == 0 ? ns : List.of(recipients)) {
                    for (String way : List.of("split", "separate")) {
                        results.add(fork(way, n, recipients, formats[f], url));
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                "%,d rows over %,d promoters (about %,d rows each), %s%n%n",
                rows, recipients, rows / recipients, INDEXED ? "promoter indexed" : "no index"));
        table.append("| format | recipients | way | files | rows | time | rows/s | live heap (peak after GC)"
                + " | heap used (peak) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            table.append(String.format(
                    "| %s | %,d | %s | %,d | %,d | %s%s | %,.0f | %.1f MB | %.0f MB |%n",
                    r.format(),
                    r.n(),
                    r.way().equals("split") ? "one split pass" : "separate renders",
                    r.files(),
                    r.rows(),
                    r.millis() < 10_000
                            ? String.format("%d ms", r.millis())
                            : String.format("%.1f s", r.millis() / 1e3),
                    r.times() > 1 ? " (median of " + r.times() + ")" : "",
                    r.rows() * 1000.0 / Math.max(1, r.millis()),
                    r.live() / 1048576.0,
                    r.used() / 1048576.0));
        }
        table.append(
                "\n| format | recipients | split | separate | separate ÷ split |\n| --- | --- | --- | --- | --- |\n");
        for (int i = 0; i + 1 < results.size(); i += 2) {
            Result split = results.get(i);
            Result separate = results.get(i + 1);
            table.append(String.format(
                    "| %s | %,d | %d ms | %d ms | %.2f |%n",
                    split.format(),
                    split.n(),
                    split.millis(),
                    separate.millis(),
                    separate.millis() / (double) Math.max(1, split.millis())));
        }
        System.out.println();
        System.out.print(table);
        Path out = Path.of("bench", "target", "burst-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println("(also in " + out + ")");
    }

    /** The split query's plan for the first n promoters (run, with its buffers, when analysed). */
    private static void explain(Connection connection, int n, boolean analyse) throws Exception {
        String in = String.join(", ", java.util.Collections.nCopies(n, "?"));
        try (var explain = connection.prepareStatement((analyse ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ")
                + report().sql().replace("NOT :promoter_set", "NOT TRUE").replace(":promoter", in))) {
            long[] promoters = spaced(n, 1000);
            for (int i = 1; i <= n; i++) {
                explain.setLong(i, promoters[i - 1]);
            }
            try (ResultSet plan = explain.executeQuery()) {
                System.out.println("Plan with " + n + " promoters:");
                while (plan.next()) {
                    String line = plan.getString(1);
                    System.out.println("    " + (line.length() > 160 ? line.substring(0, 160) + " …" : line));
                }
            }
        }
    }

    private static Result fork(String way, int n, int recipients, String format, String url) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                BurstBenchmark.class.getName(),
                "--child",
                way,
                String.valueOf(n),
                String.valueOf(recipients),
                format,
                url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line;
        String result = null;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        process.waitFor();
        System.out.println(way + " / " + n + " recipients: " + (result == null ? "failed" : result));
        if (result == null) {
            throw new IllegalStateException(way + " with " + n + " recipients failed");
        }
        String[] p = result.split(" ");
        return new Result(
                format,
                way,
                n,
                Long.parseLong(p[0]),
                Long.parseLong(p[1]),
                Long.parseLong(p[2]),
                Integer.parseInt(p[3]),
                Long.parseLong(p[4]),
                Long.parseLong(p[5]),
                Integer.parseInt(p[6]));
    }

    private BurstBenchmark() {}
}
