package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.CriteriaResolver;
import dev.herald.reports.control.ParameterSpec;
import dev.herald.reports.control.QueryRunner;
import dev.herald.reports.control.RecipientScopes;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ResolvedCriteria;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.scopes.control.ScopeKinds;
import dev.herald.testing.TestDatabase;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Recipients' files of one per-recipient item made in one pass ({@link ReportItems#makeTogether})
 * against each made alone ({@link ReportItems#make}), as the run engine makes them: the same bytes,
 * the same rows and criteria stated; and a report whose rows cannot be split is left to be made
 * item by item.
 */
class ReportItemsTogetherTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant DUE = Instant.parse("2026-12-05T06:00:00Z");
    private static final Set<TestDatabase> FILLED = EnumSet.noneOf(TestDatabase.class);

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("id", "Id", ColumnType.INTEGER),
            new ColumnSpec("customer", "Customer", ColumnType.TEXT),
            new ColumnSpec("amount", "Amount", ColumnType.MONEY).totalled());

    private static final String SELECT = "SELECT id, customer, amount, promoter FROM together_rows"
            + " WHERE (NOT :promoter_set OR promoter IN (:promoter))";

    /** The report engine over a test database, its clock stopped, its report given. */
    private static final class Engine extends ReportEngine {
        private final TestDatabase database;
        private final ReportSpec report;

        Engine(TestDatabase database, ReportSpec report) {
            this.database = database;
            this.report = report;
        }

        @Override
        public ReportSpec spec(String key) {
            return report;
        }

        @Override
        public Prepared prepare(
                ReportSpec report,
                JsonObject criteria,
                String title,
                String field,
                Instant asOf,
                RecipientScopes scopes) {
            ResolvedCriteria resolved = new CriteriaResolver(report, ParameterSpec::options, field)
                    .resolve(criteria, LocalDate.ofInstant(asOf, LONDON), LONDON, scopes);
            RenderHeader header = new RenderHeader(
                    title,
                    report.key(),
                    report.name(),
                    "Herald",
                    ZonedDateTime.of(2026, 12, 5, 6, 0, 0, 0, LONDON),
                    resolved.criteria(),
                    report.columns());
            return new Prepared(report, resolved, header, LONDON);
        }

        @Override
        public Connection readOnly() throws SQLException {
            Connection connection = database.dataSource().getConnection();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            return connection;
        }

        @Override
        public QueryRunner runner() {
            return new QueryRunner(7, 60);
        }
    }

    /** Promoters' names as the kind's lookup would give them. */
    private static final class Kinds extends ScopeKinds {
        @Override
        public RecipientScopes scopes(Map<String, List<String>> values) {
            Map<String, RecipientScopes.Scope> byKind = new LinkedHashMap<>();
            values.forEach((kind, list) -> byKind.put(
                    kind,
                    new RecipientScopes.Scope(
                            kind,
                            "Promoter",
                            true,
                            list,
                            list.stream().map(v -> "Promoter " + v).toList())));
            return new RecipientScopes(byKind);
        }
    }

    private static ReportItems maker(TestDatabase database, String sql) throws SQLException {
        fill(database);
        ReportItems maker = new ReportItems();
        maker.engine = new Engine(
                database,
                new ReportSpec(
                        "together",
                        "Sales by promoter",
                        null,
                        null,
                        false,
                        sql,
                        List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")),
                        COLUMNS));
        maker.scopeKinds = new Kinds();
        return maker;
    }

    private static synchronized void fill(TestDatabase database) throws SQLException {
        if (FILLED.add(database)) {
            try (Connection admin = database.dataSource().getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE TABLE together_rows (id BIGINT PRIMARY KEY, promoter BIGINT NOT NULL,"
                        + " customer VARCHAR(100), amount NUMERIC(12, 2))");
                try (var insert = admin.prepareStatement("INSERT INTO together_rows VALUES (?, ?, ?, ?)")) {
                    for (long x = 1; x <= 300; x++) {
                        insert.setLong(1, x);
                        insert.setLong(2, 1 + x % 4); // promoters 1 to 4, interleaved
                        insert.setString(3, x % 9 == 0 ? "=cmd|' /C calc'!A0" : "Customer " + x);
                        insert.setBigDecimal(4, java.math.BigDecimal.valueOf(x * 131 % 10000, 2));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            }
        }
    }

    private static final RunItems.Plan PLAN = new RunItems.Plan(
            1, "SCHEDULED", 3L, "Promoters", DUE, List.of(), "owner@example.com", null, null, null, "REPORTS", 0, 1);

    /** One run item per recipient of schedule item 9: promoters 2, 1, 3, 2 (two hold the same), 7 (no rows). */
    private static List<RunItems.Item> items() {
        List<RunItems.Item> items = new ArrayList<>();
        String[] promoters = {"2", "1", "3", "2", "7"};
        for (int i = 0; i < promoters.length; i++) {
            items.add(new RunItems.Item(
                    100 + i,
                    1,
                    "Your sales, user" + i,
                    "together",
                    "Sales by promoter",
                    FileFormat.CSV,
                    CsvDelimiter.COMMA,
                    DeliverAs.ATTACHMENT,
                    true,
                    "Sales",
                    "{}",
                    List.of("user" + i + "@example.com"),
                    "PENDING",
                    null,
                    null,
                    null,
                    0,
                    0,
                    9L,
                    "{\"promoter\":[\"" + promoters[i] + "\"]}",
                    "user" + i));
        }
        return items;
    }

    private static final WatchedRenderer.Watcher QUIET = written -> {};

    private record Together(Optional<List<ItemMaker.Made>> made, Map<Long, ByteArrayOutputStream> files) {}

    private static Together together(ReportItems maker, WatchedRenderer.Watcher watcher) throws Exception {
        Map<Long, ByteArrayOutputStream> files = new HashMap<>();
        Optional<List<ItemMaker.Made>> made =
                maker.makeTogether(new ItemMaker.Batch(PLAN, items(), LONDON, watcher, () -> false, item -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    files.put(item.id(), out);
                    return out;
                }));
        return new Together(made, files);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachFileIsWhatTheItemMadeAloneWouldBe(TestDatabase database) throws Exception {
        ReportItems maker = maker(database, SELECT + " ORDER BY promoter, id");
        Together together = together(maker, QUIET);
        assertThat(together.made()).isPresent();
        List<RunItems.Item> items = items();
        for (int i = 0; i < items.size(); i++) {
            RunItems.Item item = items.get(i);
            ByteArrayOutputStream alone = new ByteArrayOutputStream();
            ItemMaker.Made made = maker.make(new ItemMaker.Making(PLAN, item, LONDON, QUIET, () -> false), alone);
            assertThat(together.made().get().get(i)).as(item.displayName()).isEqualTo(made);
            assertThat(together.files().get(item.id()).toByteArray())
                    .as(item.displayName())
                    .isEqualTo(alone.toByteArray());
        }
        assertThat(together.made().get().get(0).rows()).isEqualTo(75);
        assertThat(together.made().get().get(0).criteriaStated()).contains("Promoter 2");
        assertThat(together.made().get().get(4).rows())
                .as("promoter 7 has no rows")
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rowsNotOrderedByPromoterAreLeftToBeMadeOneByOne(TestDatabase database) throws Exception {
        assertThat(together(maker(database, SELECT + " ORDER BY id"), QUIET).made())
                .isEmpty();
        String withoutKey = "SELECT id, customer, amount FROM together_rows"
                + " WHERE (NOT :promoter_set OR promoter IN (:promoter)) ORDER BY promoter, id";
        assertThat(together(maker(database, withoutKey), QUIET).made()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunStoppedMeanwhileStopsThePass(TestDatabase database) throws Exception {
        ReportItems maker = maker(database, SELECT + " ORDER BY promoter, id");
        WatchedRenderer.Watcher stopping = written -> {
            throw new ItemMaker.Stopped();
        };
        assertThatThrownBy(() -> together(maker, stopping)).isInstanceOf(ItemMaker.Stopped.class);
    }
}
