package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.RenderHeader;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A report with a recipient-bound parameter selects one column more than it declares, last (the split
 * key); the runner takes exactly that one more and never renders it. Any other report answers exactly
 * its columns.
 */
class QueryRunnerTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final String SQL = """
            SELECT x.name, x.amount, x.promoter_id
            FROM (VALUES ('Hamlet', 12.50, 7), ('Carmen', 20.00, 7), ('Tosca', 5.25, 9)) AS x(name, amount, promoter_id)
            WHERE (NOT :promoter_set OR x.promoter_id IN (:promoter))
            ORDER BY x.promoter_id, x.name""";

    private static final List<ColumnSpec> COLUMNS = List.of(
            new ColumnSpec("event", "Event", ColumnType.TEXT),
            new ColumnSpec("amount", "Amount", ColumnType.MONEY).totalled());

    private static ReportSpec report(String sql, List<ParameterSpec> parameters) {
        return new ReportSpec("sample", "Sample", null, "Test", true, sql, parameters, COLUMNS);
    }

    private static final ReportSpec BOUND =
            report(SQL, List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")));

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL");
    }

    private static BuiltInReportsTest.Collector run(ReportSpec report, Map<String, Binding> bindings) throws Exception {
        BuiltInReportsTest.Collector collector = new BuiltInReportsTest.Collector();
        RenderHeader header = new RenderHeader(
                report.name(), report.key(), report.name(), "Test", ZonedDateTime.now(LONDON), List.of(), COLUMNS);
        try (Connection connection = h2()) {
            new QueryRunner(100, 10)
                    .run(
                            connection,
                            report,
                            new ResolvedCriteria(bindings, List.of(), JsonObject.EMPTY_JSON_OBJECT),
                            header,
                            collector,
                            LONDON,
                            0);
        }
        return collector;
    }

    private static Map<String, Binding> madeFor(List<Long> promoters) {
        return Map.of(
                "promoter_set", Binding.bool(promoters != null),
                "promoter", Binding.of(promoters == null ? List.of() : promoters, Types.BIGINT));
    }

    @Test
    void aBoundReportsSplitKeyIsReadButNeverRendered() throws Exception {
        BuiltInReportsTest.Collector everyone = run(BOUND, madeFor(null));
        assertThat(everyone.rows)
                .extracting(row -> List.of(row))
                .containsExactly(
                        List.of("Carmen", new BigDecimal("20.00")),
                        List.of("Hamlet", new BigDecimal("12.50")),
                        List.of("Tosca", new BigDecimal("5.25")));
        assertThat(everyone.totals).containsExactly(null, new BigDecimal("37.75"));

        BuiltInReportsTest.Collector one = run(BOUND, madeFor(List.of(9L)));
        assertThat(one.rows).hasSize(1);
        assertThat(one.rows.get(0)).containsExactly("Tosca", new BigDecimal("5.25"));
    }

    @Test
    void aBoundReportWithoutItsSplitKeyIsRefused() {
        ReportSpec keyless = report(
                SQL.replace(", x.promoter_id\n", "\n"),
                List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")));
        assertThatThrownBy(() -> run(keyless, madeFor(null)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("answers 2 columns; the report declares 2 and, as it has a recipient-bound"
                        + " parameter, selects the split key last");
    }

    @Test
    void aReportWithoutABoundParameterAnswersExactlyItsColumns() throws Exception {
        ReportSpec unbound = report(
                SQL,
                List.of(new ParameterSpec(
                        "promoter", "Promoter", ParameterType.MULTI_CHOICE, false, null, List.of("7", "9"), null)));
        assertThat(QueryRunner.hasBoundParameter(unbound)).isFalse();
        assertThat(QueryRunner.hasBoundParameter(BOUND)).isTrue();
        assertThatThrownBy(() -> run(unbound, madeFor(null)))
                .isInstanceOf(SQLException.class)
                .hasMessage("The query answers 3 columns; the report declares 2");

        ReportSpec plain = report(SQL.replace(", x.promoter_id\n", "\n"), List.of());
        assertThat(run(plain, madeFor(null)).rows).hasSize(3);
    }
}
