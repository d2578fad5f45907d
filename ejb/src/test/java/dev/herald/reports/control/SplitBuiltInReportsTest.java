package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.demo.control.DemoDataGenerator;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderers;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every built-in report bound to the recipient's promoter, on the demo data, split in one pass into
 * every promoter's file: each file byte for byte the one rendered for that promoter alone (CSV and
 * XML, whose totals are in the file).
 */
class SplitBuiltInReportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZonedDateTime MADE = ZonedDateTime.of(2026, 11, 25, 6, 0, 0, 0, LONDON);

    /** Criteria that find rows in the demo data. */
    private static final Map<String, JsonObject> CRITERIA = Map.of(
            "promoter-payments", days("paymentDate", "2026-10-01", "2026-11-24"),
            "sales-by-event", days("period", "2026-09-01", "2026-11-24"),
            "upcoming-performances", days("period", "2026-11-01", "2027-01-31"),
            "customer-list-by-event-attribute",
                    Json.createObjectBuilder().add("eventAttribute", "Festival").build(),
            "promoter-settlement", days("period", "2026-06-01", "2026-11-24"));

    private static JsonObject days(String parameter, String from, String to) {
        return Json.createObjectBuilder()
                .add(parameter, Json.createObjectBuilder().add("from", from).add("to", to))
                .build();
    }

    private static synchronized Connection demo(TestDatabase database) throws SQLException {
        try (Connection admin = database.dataSource().getConnection()) {
            admin.setAutoCommit(false);
            try (PreparedStatement count = admin.prepareStatement("SELECT COUNT(*) FROM reporting.ticketing_event");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    new DemoDataGenerator(admin, 1, TODAY, LONDON).generate();
                }
            }
            admin.commit();
        }
        Connection connection = TestReportingAccount.of(database).getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return connection;
    }

    private static RecipientScopes scopes(List<String> promoters) {
        return new RecipientScopes(Map.of(
                "promoter",
                new RecipientScopes.Scope(
                        "promoter",
                        "Promoter",
                        true,
                        promoters,
                        promoters.stream().map(p -> "Promoter " + p).toList())));
    }

    private static ResolvedCriteria resolve(
            Connection connection, ReportSpec report, JsonObject criteria, RecipientScopes scopes) {
        return new CriteriaResolver(report, parameter -> choices(connection, parameter), "criteria")
                .resolve(criteria, TODAY, LONDON, scopes);
    }

    /** A choice parameter's options: its list, or what its lookup answers. */
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

    private static RenderHeader header(ReportSpec report, ResolvedCriteria criteria) {
        return new RenderHeader(
                "Your " + report.name(),
                report.key(),
                report.name(),
                "Herald",
                MADE,
                criteria.criteria(),
                report.columns());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachPromotersFileIsTheOneMadeForThemAlone(TestDatabase database) throws Exception {
        List<ReportSpec> bound =
                BuiltInReports.ALL.stream().filter(ReportSpec::isBound).toList();
        assertThat(bound).extracting(ReportSpec::key).containsExactlyInAnyOrderElementsOf(CRITERIA.keySet());
        try (Connection connection = demo(database)) {
            List<String> promoters = new ArrayList<>();
            try (PreparedStatement query =
                            connection.prepareStatement("SELECT id FROM ticketing_promoter ORDER BY id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    promoters.add(rows.getString(1));
                }
            }
            promoters.add("999999"); // a promoter without rows
            QueryRunner runner = new QueryRunner(100, 60);
            for (ReportSpec report : bound) {
                JsonObject criteria = CRITERIA.get(report.key());
                for (FileFormat format : List.of(FileFormat.CSV, FileFormat.XML)) {
                    Map<String, byte[]> alone = new LinkedHashMap<>();
                    List<SplitRender.File> files = new ArrayList<>();
                    Map<String, ByteArrayOutputStream> split = new LinkedHashMap<>();
                    for (String promoter : promoters) {
                        ResolvedCriteria theirs = resolve(connection, report, criteria, scopes(List.of(promoter)));
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        runner.run(
                                connection,
                                report,
                                theirs,
                                header(report, theirs),
                                Renderers.of(format, CsvDelimiter.COMMA, false, out),
                                LONDON,
                                0);
                        alone.put(promoter, out.toByteArray());
                        files.add(new SplitRender.File(promoter, header(report, theirs), () -> {
                            ByteArrayOutputStream file = new ByteArrayOutputStream();
                            split.put(promoter, file);
                            return file;
                        }));
                    }
                    ResolvedCriteria all = resolve(connection, report, criteria, scopes(promoters));
                    List<SplitRender.Made> made = new SplitRender(format, CsvDelimiter.COMMA, false, files, true)
                            .run(runner, connection, report, all, header(report, all), LONDON, null);
                    String what = report.key() + " as " + format + " on " + database;
                    assertThat(made.stream().filter(m -> m.rows() > 0).count())
                            .as(what + ": several promoters have rows")
                            .isGreaterThan(1);
                    for (String promoter : promoters) {
                        assertThat(split.get(promoter).toByteArray())
                                .as(what + " for promoter " + promoter)
                                .isEqualTo(alone.get(promoter));
                    }
                }
            }
            connection.rollback();
        }
    }
}
