package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderers;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.testing.TestDatabase;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A split render against one render per value, on H2 and PostgreSQL: CSV and XML byte for byte,
 * XLSX cell for cell (with each cell's format) and PDF page text for page text (their containers
 * carry the moment they were written). A value without rows, totals, and the refusals: rows not
 * ordered by the value, a value not asked for, a query without the trailing value.
 */
class SplitRenderTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime MADE = ZonedDateTime.of(2026, 11, 25, 6, 0, 0, 0, LONDON);
    private static final Set<TestDatabase> FILLED = EnumSet.noneOf(TestDatabase.class);

    /** Promoters 1, 2, 4 and 5 have rows; 3 has none; 9 has rows but is never asked for. */
    private static final long[] PROMOTERS = {1, 2, 3, 4, 5};

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("id", "Id", ColumnType.INTEGER),
            new ColumnSpec("customer", "Customer", ColumnType.TEXT),
            new ColumnSpec("quantity", "Quantity", ColumnType.INTEGER).totalled(),
            new ColumnSpec("amount", "Amount", ColumnType.MONEY).totalled(),
            new ColumnSpec("day", "Day", ColumnType.DATE),
            new ColumnSpec("paidAt", "Paid at", ColumnType.DATETIME),
            new ColumnSpec("optIn", "Opt in", ColumnType.BOOLEAN));

    private static final String SELECT =
            "SELECT id, customer, quantity, amount, sold_on, paid_at, opt_in, promoter FROM split_rows";
    private static final String ORDERED =
            SELECT + " WHERE (NOT :promoter_set OR promoter IN (:promoter))" + " ORDER BY promoter, id";

    private static ReportSpec report(String sql, List<ParameterSpec> parameters) {
        return new ReportSpec("split-test", "Sales by promoter", null, null, false, sql, parameters, COLUMNS);
    }

    private static ReportSpec report(String sql) {
        return report(sql, List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")));
    }

    private static synchronized Connection connection(TestDatabase database) throws SQLException {
        if (FILLED.add(database)) {
            try (Connection admin = database.dataSource().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE TABLE split_rows (id BIGINT PRIMARY KEY, promoter BIGINT NOT NULL,"
                        + " customer VARCHAR(100), quantity BIGINT, amount NUMERIC(12, 2), sold_on DATE,"
                        + " paid_at TIMESTAMP WITH TIME ZONE, opt_in BOOLEAN)");
                // 4 promoters' rows interleaved by id (so ordering by id alone mixes them), 9's too.
                try (var insert = admin.prepareStatement("INSERT INTO split_rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    long[] promoterOf = {1, 2, 4, 5, 9};
                    for (long x = 1; x <= 600; x++) {
                        insert.setLong(1, x);
                        insert.setLong(2, promoterOf[(int) (x % 5)]);
                        insert.setString(
                                3, x % 7 == 0 ? "=SUM(A1)" : x % 11 == 0 ? "Zoë, \"quoted\"" : "Customer " + x);
                        if (x % 13 == 0) {
                            insert.setNull(4, Types.BIGINT);
                        } else {
                            insert.setLong(4, x % 4);
                        }
                        insert.setBigDecimal(5, java.math.BigDecimal.valueOf(x * 37 % 10000, 2));
                        insert.setObject(6, java.time.LocalDate.of(2026, 1, 1).plusDays(x));
                        insert.setObject(
                                7,
                                java.time.OffsetDateTime.of(2026, 3, 29, 0, 0, 0, 0, java.time.ZoneOffset.UTC)
                                        .plusMinutes(x * 7));
                        insert.setBoolean(8, x % 3 == 0);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
        Connection connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    /** Criteria resolved with these promoters bound, as the caller resolves a recipient's (or all of theirs). */
    private static ResolvedCriteria bound(long... promoters) {
        List<Long> values = new ArrayList<>();
        for (long promoter : promoters) {
            values.add(promoter);
        }
        return new ResolvedCriteria(
                Map.of("promoter", Binding.of(List.copyOf(values), Types.BIGINT), "promoter_set", Binding.bool(true)),
                List.of(stated(promoters)),
                JsonValue.EMPTY_JSON_OBJECT);
    }

    private static Criterion stated(long... promoters) {
        StringBuilder value = new StringBuilder();
        for (long promoter : promoters) {
            value.append(value.length() == 0 ? "" : ", ").append("Promoter ").append(promoter);
        }
        return new Criterion("promoter", "Promoter", value.toString(), null, null);
    }

    private static RenderHeader header(ReportSpec report, ResolvedCriteria criteria) {
        return new RenderHeader(
                "Sales for you", report.key(), report.name(), "Herald", MADE, criteria.criteria(), report.columns());
    }

    private static QueryRunner runner() {
        return new QueryRunner(7, 60); // a small fetch size, so that rows come in many fetches
    }

    /** A render for one promoter alone, as the run engine makes each recipient's file today. */
    private static byte[] alone(Connection connection, ReportSpec report, FileFormat format, long promoter)
            throws Exception {
        ResolvedCriteria criteria = bound(promoter);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        runner().run(
                        connection,
                        report,
                        criteria,
                        header(report, criteria),
                        Renderers.of(format, CsvDelimiter.PIPE, true, out),
                        LONDON,
                        0);
        return out.toByteArray();
    }

    private record Split(List<SplitRender.Made> made, Map<String, ByteArrayOutputStream> files, List<String> opened) {}

    private static Split split(Connection connection, ReportSpec report, FileFormat format, boolean emptyFiles)
            throws Exception {
        return split(connection, report, format, emptyFiles, null);
    }

    private static Split split(
            Connection connection,
            ReportSpec report,
            FileFormat format,
            boolean emptyFiles,
            WatchedRenderer.Watcher watcher)
            throws Exception {
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        List<String> opened = new ArrayList<>();
        List<SplitRender.File> parts = new ArrayList<>();
        for (long promoter : PROMOTERS) {
            String value = Long.toString(promoter);
            parts.add(new SplitRender.File(value, header(report, bound(promoter)), () -> {
                opened.add(value);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                files.put(value, out);
                return out;
            }));
        }
        ResolvedCriteria union = bound(PROMOTERS);
        List<SplitRender.Made> made = new SplitRender(format, CsvDelimiter.PIPE, true, parts, emptyFiles)
                .run(runner(), connection, report, union, header(report, union), LONDON, watcher);
        return new Split(made, files, opened);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void csvAndXmlFilesAreByteForByteThoseOfSeparateRenders(TestDatabase database) throws Exception {
        ReportSpec report = report(ORDERED);
        try (Connection connection = connection(database)) {
            for (FileFormat format : List.of(FileFormat.CSV, FileFormat.XML)) {
                Split split = split(connection, report, format, true);
                assertThat(split.opened())
                        .as("one file at a time, in the rows' order; then the empty one")
                        .containsExactly("1", "2", "4", "5", "3");
                for (long promoter : PROMOTERS) {
                    byte[] alone = alone(connection, report, format, promoter);
                    assertThat(split.files().get(Long.toString(promoter)).toByteArray())
                            .as(format + " for promoter " + promoter + " on " + database)
                            .isEqualTo(alone);
                }
                assertThat(split.made())
                        .containsExactly(
                                new SplitRender.Made("1", 120, true),
                                new SplitRender.Made("2", 120, true),
                                new SplitRender.Made("3", 0, true),
                                new SplitRender.Made("4", 120, true),
                                new SplitRender.Made("5", 120, true));
            }
            String csv = new String(alone(connection, report, FileFormat.CSV, 2), StandardCharsets.UTF_8);
            assertThat(csv.lines().findFirst().orElseThrow())
                    .as("the trailing value is never rendered")
                    .isEqualTo("\uFEFFId|Customer|Quantity|Amount|Day|Paid at|Opt in");
            assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("1|Customer 1|1|0.37|2026-01-02|");
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void xlsxAndPdfHoldWhatSeparateRendersHoldTotalsIncluded(TestDatabase database) throws Exception {
        ReportSpec report = report(ORDERED);
        try (Connection connection = connection(database)) {
            for (FileFormat format : List.of(FileFormat.EXCEL_FORMATTED, FileFormat.EXCEL_UNFORMATTED)) {
                Split split = split(connection, report, format, true);
                for (long promoter : PROMOTERS) {
                    List<String> alone = cells(alone(connection, report, format, promoter));
                    assertThat(cells(split.files().get(Long.toString(promoter)).toByteArray()))
                            .as(format + " for promoter " + promoter + " on " + database)
                            .isEqualTo(alone);
                    if (format == FileFormat.EXCEL_FORMATTED && promoter != 3) {
                        assertThat(String.join("\n", alone))
                                .as("the criteria stated for this promoter alone, and the totals")
                                .contains("Promoter " + promoter)
                                .doesNotContain("Promoter 1, Promoter 2")
                                .contains("SUBTOTAL(109");
                    }
                }
            }
            Split split = split(connection, report, FileFormat.PDF, true);
            for (long promoter : PROMOTERS) {
                String alone = text(alone(connection, report, FileFormat.PDF, promoter));
                assertThat(text(split.files().get(Long.toString(promoter)).toByteArray()))
                        .as("PDF for promoter " + promoter + " on " + database)
                        .isEqualTo(alone);
                assertThat(alone).contains("Promoter: Promoter " + promoter).contains("Total");
            }
            assertThat(text(split.files().get("1").toByteArray()))
                    .as("promoter 1's totals: its own rows only")
                    .contains(total(connection, 1));
            connection.rollback();
        }
    }

    /** Promoter's amount total as the PDF writes it (1,234.56). */
    private static String total(Connection connection, long promoter) throws SQLException {
        try (var query = connection.prepareStatement("SELECT SUM(amount) FROM split_rows WHERE promoter = ?")) {
            query.setLong(1, promoter);
            try (var rows = query.executeQuery()) {
                rows.next();
                return String.format(java.util.Locale.UK, "%,.2f", rows.getBigDecimal(1));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recipientsHoldingTheSameValueEachGetTheirOwnFile(TestDatabase database) throws Exception {
        ReportSpec report = report(ORDERED);
        try (Connection connection = connection(database)) {
            List<ByteArrayOutputStream> outs = new ArrayList<>();
            List<SplitRender.File> parts = new ArrayList<>();
            for (long promoter : new long[] {4, 1, 4}) {
                parts.add(new SplitRender.File(Long.toString(promoter), header(report, bound(promoter)), () -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    outs.add(out);
                    return out;
                }));
            }
            ResolvedCriteria union = bound(1, 4);
            List<SplitRender.Made> made = new SplitRender(FileFormat.CSV, CsvDelimiter.COMMA, false, parts, true)
                    .run(runner(), connection, report, union, header(report, union), LONDON, null);
            assertThat(made)
                    .containsExactly(
                            new SplitRender.Made("4", 120, true),
                            new SplitRender.Made("1", 120, true),
                            new SplitRender.Made("4", 120, true));
            assertThat(outs).hasSize(3);
            ResolvedCriteria four = bound(4);
            ByteArrayOutputStream alone = new ByteArrayOutputStream();
            runner().run(
                            connection,
                            report,
                            four,
                            header(report, four),
                            Renderers.of(FileFormat.CSV, CsvDelimiter.COMMA, false, alone),
                            LONDON,
                            0);
            assertThat(outs.get(1).toByteArray()).isEqualTo(alone.toByteArray());
            assertThat(outs.get(2).toByteArray()).isEqualTo(alone.toByteArray());
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aValueWithoutRowsIsReportedWithoutAFileWhenAskedSo(TestDatabase database) throws Exception {
        try (Connection connection = connection(database)) {
            Split split = split(connection, report(ORDERED), FileFormat.CSV, false);
            assertThat(split.opened()).containsExactly("1", "2", "4", "5");
            assertThat(split.made()).contains(new SplitRender.Made("3", 0, false));
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsNotOrderedByTheValueStopThePass(TestDatabase database) throws Exception {
        ReportSpec interleaved = report(SELECT + " WHERE (NOT :promoter_set OR promoter IN (:promoter)) ORDER BY id");
        try (Connection connection = connection(database)) {
            List<String> opened = new ArrayList<>();
            assertThatThrownBy(() -> opened.addAll(
                            split(connection, interleaved, FileFormat.CSV, true).opened()))
                    .isInstanceOfSatisfying(SplitRender.NotSplittable.class, e -> assertThat(e.reason())
                            .isEqualTo(SplitRender.NotSplittable.Reason.OUT_OF_ORDER))
                    .hasMessageContaining("The rows of 2 came again after those of 1");
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aValueNotAskedForOrNoTrailingValueStopThePass(TestDatabase database) throws Exception {
        try (Connection connection = connection(database)) {
            assertThatThrownBy(() -> split(connection, report(SELECT + " ORDER BY promoter, id"), FileFormat.CSV, true))
                    .isInstanceOfSatisfying(SplitRender.NotSplittable.class, e -> assertThat(e.reason())
                            .isEqualTo(SplitRender.NotSplittable.Reason.UNKNOWN_VALUE))
                    .hasMessageContaining("the value 9, which was not asked for");
            String withoutKey = "SELECT id, customer, quantity, amount, sold_on, paid_at, opt_in FROM split_rows"
                    + " WHERE (NOT :promoter_set OR promoter IN (:promoter)) ORDER BY promoter, id";
            assertThatThrownBy(() -> split(connection, report(withoutKey), FileFormat.CSV, true))
                    .isInstanceOfSatisfying(SplitRender.NotSplittable.class, e -> assertThat(e.reason())
                            .isEqualTo(SplitRender.NotSplittable.Reason.NO_KEY));
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyAReportWithABoundParameterMaySelectOneMoreColumn(TestDatabase database) throws Exception {
        ReportSpec unbound = report(SELECT + " ORDER BY promoter, id", List.of());
        try (Connection connection = connection(database)) {
            ResolvedCriteria none = new ResolvedCriteria(Map.of(), List.of(), JsonValue.EMPTY_JSON_OBJECT);
            assertThatThrownBy(() -> runner().run(
                                    connection,
                                    unbound,
                                    none,
                                    header(unbound, none),
                                    Renderers.of(
                                            FileFormat.CSV, CsvDelimiter.COMMA, false, new ByteArrayOutputStream()),
                                    LONDON,
                                    0))
                    .isInstanceOf(SQLException.class)
                    .hasMessage("The query answers 8 columns; the report declares 7");
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theWatcherIsToldThePassAndCanStopIt(TestDatabase database) throws Exception {
        ReportSpec report = report(ORDERED);
        try (Connection connection = connection(database)) {
            List<Long> told = new ArrayList<>();
            List<Statement> statements = new ArrayList<>();
            WatchedRenderer.Watcher counting = new WatchedRenderer.Watcher() {
                @Override
                public void rows(long written) {
                    told.add(written);
                }

                @Override
                public void executing(Statement statement) {
                    statements.add(statement);
                }
            };
            split(connection, report, FileFormat.CSV, true, counting);
            assertThat(told).last().isEqualTo(480L);
            assertThat(statements).hasSize(2).last().isNull();

            List<ByteArrayOutputStream> closed = new ArrayList<>();
            // Asked at every 256th row (no wait between askings): first at row 256, in the third file.
            WatchedRenderer.Watcher stopping = new WatchedRenderer.Watcher() {
                @Override
                public void rows(long written) throws IOException {
                    throw new IOException("cancelled");
                }

                @Override
                public long everyMillis() {
                    return 0;
                }
            };
            List<SplitRender.File> parts = new ArrayList<>();
            List<String> opened = new ArrayList<>();
            for (long promoter : PROMOTERS) {
                parts.add(new SplitRender.File(Long.toString(promoter), header(report, bound(promoter)), () -> {
                    opened.add(Long.toString(promoter));
                    ByteArrayOutputStream out = new ByteArrayOutputStream() {
                        @Override
                        public void close() {
                            closed.add(this);
                        }
                    };
                    return out;
                }));
            }
            ResolvedCriteria union = bound(PROMOTERS);
            assertThatThrownBy(() -> new SplitRender(FileFormat.CSV, CsvDelimiter.COMMA, false, parts, true)
                            .run(runner(), connection, report, union, header(report, union), LONDON, stopping))
                    .hasMessage("cancelled");
            assertThat(opened).containsExactly("1", "2", "4");
            assertThat(closed)
                    .as("every file opened is closed, the unfinished one too")
                    .hasSize(3);
            connection.rollback();
        }
    }

    /** Every cell of every sheet as text, with its number format: what a reader of the file sees. */
    private static List<String> cells(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                var panes = sheet.getPaneInformation();
                cells.add("sheet " + sheet.getSheetName() + " frozen "
                        + (panes == null
                                ? "no"
                                : panes.getHorizontalSplitPosition() + "/" + panes.getVerticalSplitPosition()));
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.getAddress() + " " + cell.getCellType() + " "
                                + (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                                        ? cell.getCellFormula()
                                        : formatter.formatCellValue(cell))
                                + " " + cell.getCellStyle().getDataFormatString());
                    }
                }
            }
        }
        return cells;
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages() + " pages\n" + new PDFTextStripper().getText(document);
        }
    }
}
