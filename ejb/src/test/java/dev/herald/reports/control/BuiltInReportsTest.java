package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.demo.control.DemoDataGenerator;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import dev.herald.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every built-in report runs on the demo data, on H2 and on PostgreSQL, and finds rows. */
class BuiltInReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Map<TestDatabase, Long> GENERATED = new EnumMap<>(TestDatabase.class);

    /** Keeps every row, for checking. */
    static final class Collector implements Renderer {
        final List<Object[]> rows = new ArrayList<>();
        Object[] totals;

        @Override
        public void begin(RenderHeader header) {}

        @Override
        public void row(Object[] values) {
            rows.add(values.clone());
        }

        @Override
        public void finish(Object[] totals, long rowCount) {
            this.totals = totals;
        }
    }

    /** The demo data, written once by Herald's own account; read, as on the server, by the reporting account. */
    private static synchronized Connection demo(TestDatabase database) throws SQLException {
        if (!GENERATED.containsKey(database)) {
            try (Connection admin = database.dataSource().getConnection()) {
                admin.setAutoCommit(false);
                try (PreparedStatement clear =
                                admin.prepareStatement("SELECT COUNT(*) FROM reporting.ticketing_event");
                        ResultSet count = clear.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        GENERATED.put(database, new DemoDataGenerator(admin, 1, TODAY, LONDON).generate());
                    } else {
                        GENERATED.put(database, -1L);
                    }
                }
                admin.commit();
            }
        }
        Connection connection = TestReportingAccount.of(database).getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    private static Collector run(Connection connection, ReportSpec report, JsonObject criteria) throws Exception {
        CriteriaResolver resolver =
                new CriteriaResolver(report, parameter -> choices(connection, parameter), "criteria");
        ResolvedCriteria resolved = resolver.resolve(criteria, TODAY, LONDON);
        Collector collector = new Collector();
        RenderHeader header = new RenderHeader(
                report.name(),
                report.key(),
                report.name(),
                "Test",
                ZonedDateTime.now(LONDON),
                resolved.criteria(),
                report.columns());
        new QueryRunner(500, 60).run(connection, report, resolved, header, collector, LONDON, 0);
        return collector;
    }

    private static List<String> choices(Connection connection, ParameterSpec parameter) {
        if (parameter.lookupSql() == null) {
            return parameter.options();
        }
        try (PreparedStatement query = connection.prepareStatement(parameter.lookupSql());
                ResultSet rows = query.executeQuery()) {
            List<String> options = new ArrayList<>();
            while (rows.next()) {
                options.add(rows.getString(1));
            }
            return options;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyReportFindsRowsWithItsDefaultCriteria(TestDatabase database) throws Exception {
        try (Connection connection = demo(database)) {
            assertThat(GENERATED.get(database)).isGreaterThan(40_000L);
            for (ReportSpec report : BuiltInReports.ALL) {
                JsonObject criteria = report.key().equals("customer-list-by-event-attribute")
                        ? Json.createObjectBuilder()
                                .add("eventAttribute", "Festival")
                                .build()
                        : JsonObject.EMPTY_JSON_OBJECT;
                Collector result = run(connection, report, criteria);
                assertThat(result.rows).as(report.key() + " on " + database).isNotEmpty();
                assertThat(result.rows.get(0)).hasSize(report.columns().size());
            }
            connection.rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lastWeekMeansMondayToSundayOnTheOrganisationsClock(TestDatabase database) throws Exception {
        ReportSpec payments = BuiltInReports.ALL.get(0);
        try (Connection connection = demo(database)) {
            Collector result = run(
                    connection,
                    payments,
                    Json.createObjectBuilder().add("paymentDate", "LAST_WEEK").build());
            assertThat(result.rows).isNotEmpty();
            for (Object[] row : result.rows) {
                LocalDateTime paidAt = (LocalDateTime) row[0];
                assertThat(paidAt).isAfterOrEqualTo(LocalDateTime.of(2026, 11, 16, 0, 0));
                assertThat(paidAt).isBefore(LocalDateTime.of(2026, 11, 23, 0, 0));
            }
            BigDecimal sum =
                    result.rows.stream().map(row -> (BigDecimal) row[8]).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(result.totals[8]).isEqualTo(sum);

            Collector cash = run(
                    connection,
                    payments,
                    Json.createObjectBuilder()
                            .add("paymentDate", "LAST_WEEK")
                            .add("method", Json.createArrayBuilder().add("CASH"))
                            .build());
            assertThat(cash.rows).isNotEmpty().allSatisfy(row -> assertThat(row[6])
                    .isEqualTo("CASH"));
            assertThat(cash.rows.size()).isLessThan(result.rows.size());
            connection.rollback();
        }
    }
}
