package dev.herald.bench;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import de.siegmar.fastcsv.writer.CsvWriter;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.control.CsvRenderer;
import dev.herald.rendering.control.PdfRenderer;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import dev.herald.rendering.control.XlsxRenderer;
import dev.herald.rendering.control.XmlRenderer;
import dev.herald.reports.control.Binding;
import dev.herald.reports.control.QueryRunner;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ResolvedCriteria;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Renders N rows × 10 columns (numbers, text, dates) in every format, with Herald's renderers and
 * with the libraries a user would otherwise pick, each case in its own JVM so that its peak heap is
 * its own. Rows come from memory or from PostgreSQL (embedded, the same table for every case).
 * Files go to a counting sink, so disk speed does not enter. Herald's cases run with a 128 MB heap;
 * the peers get 4 GB, and a peer that runs out of memory at N rows is measured again at 200,000.
 *
 * <pre>bench/run render [rows] [memory|postgresql|both] [cases known to run out of memory, e.g. 7,9,12]</pre>
 */
public final class RenderBenchmark {

    static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("id", "Id", ColumnType.INTEGER, "0", false, 9),
            new ColumnSpec("customer", "Customer", ColumnType.TEXT),
            new ColumnSpec("city", "City", ColumnType.TEXT).width(12),
            new ColumnSpec("quantity", "Quantity", ColumnType.INTEGER).totalled(),
            new ColumnSpec("amount", "Amount", ColumnType.MONEY).totalled(),
            new ColumnSpec("ratio", "Ratio", ColumnType.DECIMAL),
            new ColumnSpec("day", "Day", ColumnType.DATE),
            new ColumnSpec("paidAt", "Paid at", ColumnType.DATETIME),
            new ColumnSpec("optIn", "Opt in", ColumnType.BOOLEAN),
            new ColumnSpec("reference", "Reference", ColumnType.TEXT).width(14));

    static final String QUERY = "SELECT id, customer, city, quantity, amount, ratio, day, paid_at, opt_in, reference"
            + " FROM bench_rows ORDER BY id";
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** One way of writing one format. */
    record Case(String format, String name, boolean herald, Writer writer) {}

    @FunctionalInterface
    interface Writer {
        void write(Source source, OutputStream out) throws Exception;
    }

    /** Rows, as Herald's renderers take them. */
    interface Source {
        void forEach(RowConsumer consumer) throws Exception;

        /** Herald's own path: the query runner straight into a renderer (for the database source). */
        default void intoHerald(Renderer renderer) throws Exception {
            renderer.begin(header());
            long[] count = {0};
            forEach(row -> {
                renderer.row(row);
                count[0]++;
            });
            renderer.finish(null, count[0]);
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Object[] row) throws Exception;
    }

    static RenderHeader header() {
        return new RenderHeader(
                "Benchmark",
                "benchmark",
                "Benchmark rows",
                "Herald",
                ZonedDateTime.of(2026, 11, 25, 6, 0, 0, 0, ZONE),
                List.of(new Criterion(
                        "period",
                        "Period",
                        "Last week: 16 Nov 2026 – 22 Nov 2026",
                        LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 22))),
                COLUMNS);
    }

    // --- sources

    static final class MemorySource implements Source {
        private final long rows;
        private static final String[] CITIES = {"London", "Leeds", "Zürich", "Kraków", "Αθήνα"};
        private final String[] customers = new String[1000];
        private final BigDecimal[] amounts = new BigDecimal[10000];
        private final BigDecimal[] ratios = new BigDecimal[997];

        MemorySource(long rows) {
            this.rows = rows;
            for (int i = 0; i < customers.length; i++) {
                customers[i] = "Customer " + i + (i % 10 == 0 ? ", \"quoted\"" : "");
            }
            for (int i = 0; i < amounts.length; i++) {
                amounts[i] = BigDecimal.valueOf(i, 2);
            }
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = BigDecimal.valueOf(i * 10000L / 997, 4);
            }
        }

        @Override
        public void forEach(RowConsumer consumer) throws Exception {
            LocalDate start = LocalDate.of(2026, 1, 1);
            LocalDateTime at = LocalDateTime.of(2026, 1, 1, 0, 0);
            Object[] row = new Object[10];
            for (long g = 1; g <= rows; g++) {
                row[0] = g;
                row[1] = customers[(int) (g % 1000)];
                row[2] = CITIES[(int) (g % 5)];
                row[3] = g % 7;
                row[4] = amounts[(int) (g % 10000)];
                row[5] = ratios[(int) (g % 997)];
                row[6] = start.plusDays(g % 365);
                row[7] = at.plusMinutes(g);
                row[8] = g % 2 == 0;
                row[9] = "REF-" + g;
                consumer.accept(row);
            }
        }
    }

    /** The same rows from PostgreSQL, read with plain JDBC (the peers) or Herald's query runner. */
    static final class DatabaseSource implements Source {
        private final String url;
        private final long rows;

        DatabaseSource(String url, long rows) {
            this.url = url;
            this.rows = rows;
        }

        private Connection connect() throws Exception {
            Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return connection;
        }

        private String sql() {
            return QUERY.replace("ORDER BY id", "WHERE id <= " + rows + " ORDER BY id");
        }

        @Override
        public void forEach(RowConsumer consumer) throws Exception {
            try (Connection connection = connect();
                    PreparedStatement query = connection.prepareStatement(sql())) {
                query.setFetchSize(1000);
                try (ResultSet rs = query.executeQuery()) {
                    Object[] row = new Object[10];
                    while (rs.next()) {
                        row[0] = rs.getLong(1);
                        row[1] = rs.getString(2);
                        row[2] = rs.getString(3);
                        row[3] = rs.getLong(4);
                        row[4] = rs.getBigDecimal(5);
                        row[5] = rs.getBigDecimal(6);
                        row[6] = rs.getObject(7, LocalDate.class);
                        row[7] = rs.getObject(8, OffsetDateTime.class)
                                .atZoneSameInstant(ZONE)
                                .toLocalDateTime();
                        row[8] = rs.getBoolean(9);
                        row[9] = rs.getString(10);
                        consumer.accept(row);
                    }
                }
                connection.rollback();
            }
        }

        @Override
        public void intoHerald(Renderer renderer) throws Exception {
            ReportSpec report =
                    new ReportSpec("benchmark", "Benchmark rows", null, null, true, sql(), List.of(), COLUMNS);
            ResolvedCriteria criteria =
                    new ResolvedCriteria(Map.<String, Binding>of(), header().criteria(), JsonValue.EMPTY_JSON_OBJECT);
            try (Connection connection = connect()) {
                new QueryRunner(1000, 3600).run(connection, report, criteria, header(), renderer, ZONE, 0);
                connection.rollback();
            }
        }
    }

    // --- the cases

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(
                "CSV", "Herald CsvRenderer", true, (s, out) -> s.intoHerald(new CsvRenderer(out, ',', false))));
        cases.add(new Case("CSV", "FastCSV 4.4", false, (s, out) -> {
            try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                csv.writeRecord(labels());
                String[] fields = new String[10];
                s.forEach(row -> {
                    texts(row, fields);
                    csv.writeRecord(fields);
                });
            }
        }));
        cases.add(new Case("CSV", "Commons CSV 1.14", false, (s, out) -> {
            try (CSVPrinter csv = new CSVPrinter(
                    new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.RFC4180)) {
                csv.printRecord((Object[]) labels());
                String[] fields = new String[10];
                s.forEach(row -> {
                    texts(row, fields);
                    csv.printRecord((Object[]) fields);
                });
            }
        }));
        cases.add(new Case(
                "Excel, unformatted",
                "Herald XlsxRenderer",
                true,
                (s, out) -> s.intoHerald(new XlsxRenderer(out, false))));
        cases.add(new Case(
                "Excel, unformatted",
                "fastexcel 0.19 (its default compression)",
                false,
                (s, out) -> fastexcel(s, out, -1)));
        cases.add(new Case(
                "Excel, unformatted",
                "fastexcel 0.19 (deflate level 1, as Herald)",
                false,
                (s, out) -> fastexcel(s, out, 1)));
        cases.add(new Case("Excel, unformatted", "POI 5.5 SXSSF (streaming)", false, (s, out) -> {
            SXSSFWorkbook workbook = new SXSSFWorkbook(100);
            try {
                poiRows(workbook, s, false);
                workbook.write(out);
            } finally {
                workbook.close();
            }
        }));
        cases.add(new Case("Excel, unformatted", "POI 5.5 XSSF (in memory)", false, (s, out) -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                poiRows(workbook, s, false);
                workbook.write(out);
            }
        }));
        cases.add(new Case(
                "Excel, formatted",
                "Herald XlsxRenderer",
                true,
                (s, out) -> s.intoHerald(new XlsxRenderer(out, true))));
        cases.add(new Case("Excel, formatted", "POI 5.5 XSSF (in memory)", false, (s, out) -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                poiRows(workbook, s, true);
                workbook.write(out);
            }
        }));
        cases.add(new Case("XML", "Herald XmlRenderer", true, (s, out) -> s.intoHerald(new XmlRenderer(out))));
        cases.add(new Case(
                "PDF",
                "Herald PdfRenderer (OpenPDF, in slices)",
                true,
                (s, out) -> s.intoHerald(new PdfRenderer(out))));
        cases.add(new Case("PDF", "OpenPDF 2.0 table built whole", false, RenderBenchmark::wholePdf));
        return cases;
    }

    static String[] labels() {
        return COLUMNS.stream().map(ColumnSpec::label).toArray(String[]::new);
    }

    static void texts(Object[] row, String[] fields) {
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            fields[i] = v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        }
    }

    static void fastexcel(Source s, OutputStream out, int level) throws Exception {
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "Herald", "1.0");
        if (level > 0) {
            workbook.setCompressionLevel(level);
        }
        org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet("Benchmark");
        String[] labels = labels();
        for (int c = 0; c < labels.length; c++) {
            sheet.value(0, c, labels[c]);
        }
        int[] r = {0};
        s.forEach(row -> {
            int n = ++r[0];
            sheet.value(n, 0, (Long) row[0]);
            sheet.value(n, 1, (String) row[1]);
            sheet.value(n, 2, (String) row[2]);
            sheet.value(n, 3, (Long) row[3]);
            sheet.value(n, 4, (BigDecimal) row[4]);
            sheet.value(n, 5, (BigDecimal) row[5]);
            sheet.value(n, 6, (LocalDate) row[6]);
            sheet.style(n, 6).format("yyyy-mm-dd").set();
            sheet.value(n, 7, (LocalDateTime) row[7]);
            sheet.style(n, 7).format("yyyy-mm-dd hh:mm").set();
            sheet.value(n, 8, (Boolean) row[8]);
            sheet.value(n, 9, (String) row[9]);
            if (n % 1000 == 0) {
                sheet.flush();
            }
        });
        workbook.finish();
    }

    static void poiRows(Workbook workbook, Source s, boolean formatted) throws Exception {
        Sheet sheet = workbook.createSheet("Benchmark");
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        CellStyle money = workbook.createCellStyle();
        money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
        CellStyle header = workbook.createCellStyle();
        int first = 0;
        if (formatted) {
            org.apache.poi.ss.usermodel.Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Benchmark");
            sheet.createRow(1)
                    .createCell(0)
                    .setCellValue("Benchmark rows · Herald · made 2026-11-25 06:00:00 Europe/London");
            sheet.createRow(2).createCell(0).setCellValue("Period: Last week: 16 Nov 2026 – 22 Nov 2026");
            first = 4;
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, (COLUMNS.get(c).effectiveWidth() + 1) * 256);
            }
        }
        Row head = sheet.createRow(first);
        String[] labels = labels();
        for (int c = 0; c < labels.length; c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(labels[c]);
            if (formatted) {
                cell.setCellStyle(header);
            }
        }
        int[] r = {first};
        s.forEach(row -> {
            Row line = sheet.createRow(++r[0]);
            line.createCell(0).setCellValue((Long) row[0]);
            line.createCell(1).setCellValue((String) row[1]);
            line.createCell(2).setCellValue((String) row[2]);
            line.createCell(3).setCellValue((Long) row[3]);
            Cell amount = line.createCell(4);
            amount.setCellValue(((BigDecimal) row[4]).doubleValue());
            if (formatted) {
                amount.setCellStyle(money);
            }
            line.createCell(5).setCellValue(((BigDecimal) row[5]).doubleValue());
            Cell day = line.createCell(6);
            day.setCellValue((LocalDate) row[6]);
            day.setCellStyle(date);
            Cell at = line.createCell(7);
            at.setCellValue((LocalDateTime) row[7]);
            at.setCellStyle(dateTime);
            line.createCell(8).setCellValue((Boolean) row[8]);
            line.createCell(9).setCellValue((String) row[9]);
        });
        if (formatted) {
            sheet.createFreezePane(0, first + 1);
            sheet.setAutoFilter(new CellRangeAddress(first, r[0], 0, COLUMNS.size() - 1));
            Row totals = sheet.createRow(r[0] + 1);
            totals.createCell(0).setCellValue("Total");
            totals.createCell(3).setCellFormula("SUBTOTAL(109,D" + (first + 2) + ":D" + (r[0] + 1) + ")");
            totals.createCell(4).setCellFormula("SUBTOTAL(109,E" + (first + 2) + ":E" + (r[0] + 1) + ")");
        }
    }

    static void wholePdf(Source s, OutputStream out) throws Exception {
        BaseFont font;
        try (var in = RenderBenchmark.class
                .getClassLoader()
                .getResourceAsStream("net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf")) {
            font = BaseFont.createFont(
                    "DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
        Font cell = new Font(font, 8);
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 30, 36);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Phrase("Benchmark", new Font(font, 15)));
        PdfPTable table = new PdfPTable(COLUMNS.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String label : labels()) {
            table.addCell(new Phrase(label, cell));
        }
        String[] fields = new String[10];
        s.forEach(row -> {
            texts(row, fields);
            for (String field : fields) {
                table.addCell(new Phrase(field, cell));
            }
        });
        document.add(table);
        document.close();
    }

    // --- measuring, in the child JVM

    /** Counts bytes and drops them. */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }

    /**
     * The live heap: a second run of the same case in which a daemon thread collects all garbage
     * every 200 ms and notes the heap still in use. Collections on their own would not do: a large
     * heap keeps dead objects in its old generation long after they die.
     */
    static long liveHeap(Case c, String url, long rows) throws Exception {
        AtomicLong peak = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-heap-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(
                () -> {
                    System.gc();
                    peak.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max);
                },
                0,
                200,
                TimeUnit.MILLISECONDS);
        try {
            c.writer().write(url == null ? new MemorySource(rows) : new DatabaseSource(url, rows), new CountingSink());
        } finally {
            sampler.shutdownNow();
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        }
        return peak.get();
    }

    static void child(String[] args) throws Exception {
        int index = Integer.parseInt(args[1]);
        long rows = Long.parseLong(args[2]);
        String url = args.length > 3 ? args[3] : null;
        Case c = cases().get(index);
        // Warm up on a small run, so that the timed run is not mostly the JIT compiler.
        c.writer().write(url == null ? new MemorySource(20_000) : new DatabaseSource(url, 20_000), new CountingSink());
        System.gc();
        CountingSink sink = new CountingSink();
        long started = System.nanoTime();
        long millis;
        long live;
        try {
            c.writer().write(url == null ? new MemorySource(rows) : new DatabaseSource(url, rows), sink);
            millis = (System.nanoTime() - started) / 1_000_000;
            System.gc();
            live = liveHeap(c, url, rows);
        } catch (OutOfMemoryError e) {
            System.out.println("RESULT OOM");
            System.exit(3);
            return;
        }
        System.out.println("RESULT " + millis + " " + live + " " + sink.bytes);
    }

    // --- the orchestrator

    record Result(
            String format,
            String name,
            String source,
            long rows,
            Long millis,
            Long peakBytes,
            Long fileBytes,
            String heap) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args);
            return;
        }
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        String which = args.length > 1 ? args[1] : "both";
        if (args.length > 2) {
            // Case numbers already seen to run out of memory at this row count (from an earlier run).
            for (String index : args[2].split(",")) {
                OUT_OF_MEMORY.add(Integer.parseInt(index.strip()));
            }
        }
        List<Result> results = new ArrayList<>();
        if (!which.equals("postgresql")) {
            run(rows, null, "memory", results);
        }
        if (!which.equals("memory")) {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
                String url = postgres.getJdbcUrl("postgres", "postgres");
                try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                        Statement statement = connection.createStatement()) {
                    statement.execute("""
                            CREATE TABLE bench_rows AS
                            SELECT g::bigint AS id, 'Customer ' || (g % 1000) AS customer,
                                   (ARRAY['London','Leeds','Zürich','Kraków','Αθήνα'])[1 + g % 5] AS city,
                                   (g % 7)::bigint AS quantity, round((g % 10000) / 100.0, 2)::numeric(10, 2) AS amount,
                                   round((g % 997) / 997.0, 4)::numeric(8, 4) AS ratio, DATE '2026-01-01' + (g % 365) AS day,
                                   TIMESTAMPTZ '2026-01-01 00:00:00+00' + g * INTERVAL '1 minute' AS paid_at,
                                   g % 2 = 0 AS opt_in, 'REF-' || g AS reference
                            FROM generate_series(1, ROWS) g""".replace("ROWS", Long.toString(rows)));
                    statement.execute("ALTER TABLE bench_rows ADD PRIMARY KEY (id)");
                    statement.execute("ANALYZE bench_rows");
                }
                run(rows, url, "PostgreSQL", results);
            }
        }
        StringBuilder table = new StringBuilder(
                "| format | writer | source | rows | time | live heap (peak) | file | -Xmx |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result r : results) {
            table.append("| ")
                    .append(r.format())
                    .append(" | ")
                    .append(r.name())
                    .append(" | ")
                    .append(r.source())
                    .append(" | ")
                    .append(String.format("%,d", r.rows()))
                    .append(" | ")
                    .append(r.millis() == null ? "out of memory" : String.format("%.1f s", r.millis() / 1000.0))
                    .append(" | ")
                    .append(r.peakBytes() == null ? "–" : String.format("%d MB", r.peakBytes() / (1024 * 1024)))
                    .append(" | ")
                    .append(r.fileBytes() == null ? "–" : String.format("%.0f MB", r.fileBytes() / 1e6))
                    .append(" | ")
                    .append(r.heap())
                    .append(" |\n");
        }
        System.out.println();
        System.out.print(table);
        Path out = Path.of("bench", "target", "render-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println("(also in " + out + ")");
    }

    /** Cases that ran out of memory at the full row count: on the next source they start at 200,000. */
    private static final Set<Integer> OUT_OF_MEMORY = new HashSet<>();

    private static void run(long rows, String url, String source, List<Result> results) throws Exception {
        List<Case> cases = cases();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String heap = c.herald() ? "128m" : "4g";
            if (OUT_OF_MEMORY.contains(i)) {
                results.add(new Result(
                        c.format(),
                        c.name(),
                        source,
                        rows,
                        null,
                        null,
                        null,
                        heap + " (not tried: out of memory from memory)"));
                results.add(fork(i, 200_000, url, heap, c, source));
                continue;
            }
            Result result = fork(i, rows, url, heap, c, source);
            results.add(result);
            if (result.millis() == null && rows > 200_000) {
                OUT_OF_MEMORY.add(i);
                results.add(fork(i, 200_000, url, heap, c, source));
            }
        }
    }

    private static Result fork(int index, long rows, String url, String heap, Case c, String source) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                RenderBenchmark.class.getName(),
                "--child",
                String.valueOf(index),
                String.valueOf(rows)));
        if (url != null) {
            command.add(url);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String line;
        String result = null;
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring(7);
                }
            }
        }
        process.waitFor();
        System.out.println(c.format() + " / " + c.name() + " / " + source + " / " + rows + " rows / -Xmx" + heap + ": "
                + (result == null ? "failed (exit " + process.exitValue() + ")" : result));
        if (result == null || result.equals("OOM")) {
            return new Result(c.format(), c.name(), source, rows, null, null, null, heap);
        }
        String[] parts = result.split(" ");
        return new Result(
                c.format(),
                c.name(),
                source,
                rows,
                Long.parseLong(parts[0]),
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                heap);
    }

    private RenderBenchmark() {}
}
