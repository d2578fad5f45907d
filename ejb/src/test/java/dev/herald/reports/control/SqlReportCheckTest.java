package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.herald.platform.boundary.ValidationException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second wall: what reads as one query passes, what hides a second statement or writes does
 * not. (The first wall, the database account, is {@code ReportingAccountTest}.)
 */
class SqlReportCheckTest {

    private static List<ValidationException.FieldError> errors(String sql, List<ParameterSpec> parameters) {
        ValidationException.Builder errors = ValidationException.builder();
        SqlReportCheck.check(sql, parameters, errors);
        return errors.errors();
    }

    private static List<ValidationException.FieldError> errors(String sql) {
        return errors(sql, List.of());
    }

    static Stream<ReportSpec> builtIn() {
        return BuiltInReports.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("builtIn")
    void everyBuiltInReportPasses(ReportSpec report) {
        assertThat(errors(report.sql(), report.parameters())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 1",
                "select 1;",
                "SELECT 1; -- done",
                "SELECT 1 /* the one */ ;",
                "WITH t AS (SELECT id, plan FROM usage_tenant) SELECT plan, COUNT(*) FROM t GROUP BY plan",
                "SELECT region, COUNT(*) FILTER (WHERE plan = 'ENTERPRISE') AS big FROM usage_tenant GROUP BY region",
                "SELECT name, created_at::date AS joined, EXTRACT(YEAR FROM created_at) FROM usage_tenant",
                "SELECT date_trunc('month', usage_day) AS m, SUM(sms_credits) FROM usage_daily GROUP BY 1 ORDER BY 1",
                "SELECT name, RANK() OVER (PARTITION BY region ORDER BY created_at DESC) FROM usage_tenant",
                "SELECT DISTINCT ON (region) region, name FROM usage_tenant ORDER BY region, created_at",
                "SELECT name FROM usage_tenant WHERE name ILIKE '%a%' AND status IS DISTINCT FROM 'CLOSED'",
                "SELECT 'it''s -- not a comment; nor /* this */', \"odd name\" FROM usage_tenant AS \"odd name\"",
                "SELECT 'http://example.org/a//b' AS link",
                "SELECT COALESCE(NULL, 'x'), CASE WHEN 1 > 0 THEN 'yes' ELSE 'no' END",
                "SELECT n FROM (VALUES (1), (2)) AS v(n)",
                "SELECT a.id FROM usage_tenant a JOIN usage_daily d ON d.tenant_id = a.id"
                        + " WHERE d.usage_day >= CURRENT_DATE - INTERVAL '7 days'",
                "SELECT id FROM usage_tenant UNION ALL SELECT tenant_id FROM usage_daily",
            })
    void ordinaryQueriesPass(String sql) {
        assertThat(errors(sql)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // more than one statement, however it is hidden
                "SELECT 1; DELETE FROM usage_tenant",
                "SELECT 1;DELETE FROM usage_tenant;",
                "SELECT 1 // ' \n; CREATE ALIAS X AS 'String x() { return \"\"; }' --'",
                "SELECT 1 /* a /* nested */ ; DROP TABLE usage_tenant; */",
                "SELECT $$ ; $$ ; UPDATE delivery SET status = 'SENT'",
                "SELECT $tag$ x $tag$",
                "SELECT E'\\' ; DELETE FROM usage_tenant; --'",
                "SELECT 1; COMMIT",
                "SELECT 'unclosed",
                "SELECT \"unclosed",
                "SELECT 1 /* unclosed",
                "SELECT `app_user` FROM x",
                "SELECT 1\u0000; DROP TABLE x",
                // not a query
                "UPDATE usage_tenant SET name = 'x'",
                "DELETE FROM usage_tenant",
                "INSERT INTO usage_tenant (id) VALUES (1)",
                "CREATE ALIAS EXEC AS 'String exec(String c) { return c; }'",
                "CALL FILE_READ('/etc/hostname')",
                "DROP TABLE usage_tenant",
                "COPY usage_tenant TO PROGRAM 'id'",
                "SET search_path = public",
                "GRANT SELECT ON app_user TO PUBLIC",
                // a query that writes or locks
                "SELECT * INTO stolen FROM usage_tenant",
                "SELECT * FROM usage_tenant FOR UPDATE",
                "SELECT * FROM usage_tenant FOR SHARE",
                "WITH gone AS (DELETE FROM usage_tenant RETURNING *) SELECT * FROM gone",
                "WITH x AS (UPDATE usage_tenant SET name = 'x' RETURNING id) SELECT id FROM x",
                // not SQL
                "SELECT FROM WHERE",
                "hello",
            })
    void whatHidesAStatementOrWritesIsRefused(String sql) {
        assertThat(errors(sql)).as(sql).isNotEmpty().allSatisfy(error -> assertThat(error.field())
                .isEqualTo("sql"));
    }

    @Test
    void onlyDeclaredParametersAreUsed() {
        assertThat(errors("SELECT * FROM usage_tenant WHERE plan = :plan"))
                .extracting(ValidationException.FieldError::message)
                .containsExactly("The query uses :plan, which is not a declared parameter (line 1)");
    }

    @Test
    void tooLongOrTooDeepIsRefusedWithoutHanging() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(errors("SELECT " + "1 + ".repeat(6000) + "1"))
                    .extracting(ValidationException.FieldError::message)
                    .containsExactly("At most 20,000 characters");
            assertThat(errors("SELECT " + "(".repeat(500) + "1" + ")".repeat(500)))
                    .extracting(ValidationException.FieldError::message)
                    .singleElement()
                    .asString()
                    .startsWith("Brackets are nested");
            assertThat(errors("SELECT 1" + ";".repeat(19_000))).isEmpty();
            assertThat(errors("SELECT 1" + "; --\n".repeat(3_000) + "SELECT 2"))
                    .extracting(ValidationException.FieldError::message)
                    .containsExactly("One statement only: remove the semicolons between statements (line 3001)");
        });
    }
}
