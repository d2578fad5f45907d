package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each problem with a report's SQL names the line it is on, as the person typed the text. */
class SqlLinesTest {

    private static List<String> problems(String sql, List<ParameterSpec> parameters) {
        ValidationException.Builder errors = ValidationException.builder();
        SqlReportCheck.check(sql, parameters, errors);
        return errors.errors().stream()
                .map(ValidationException.FieldError::message)
                .toList();
    }

    @Test
    void theParsersComplaintIsOnItsLineEvenAfterBlankLinesAndAMultiLineComment() {
        String sql = "\n\n/* three\n lines\n here */\nSELECT id,\n  name\nFROM FROM usage_tenant";
        List<String> problems = problems(sql, List.of());
        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem).startsWith("Herald cannot read this as one query");
            assertThat(SqlLines.lineOf(problem)).hasValue(8);
        });
    }

    @Test
    void anUndeclaredParameterIsOnTheLineOfItsFirstUse() {
        List<String> problems =
                problems("SELECT id\nFROM usage_tenant\n-- :plan in a comment\nWHERE plan = :plan", List.of());
        assertThat(problems).containsExactly("The query uses :plan, which is not a declared parameter (line 4)");
    }

    @Test
    void anUnclosedQuoteAndASecondStatementAreOnTheirLines() {
        assertThat(problems("SELECT id\nFROM usage_tenant\nWHERE name = 'open", List.of()))
                .containsExactly("A text in quotes (') is not closed (line 3)");
        assertThat(problems("SELECT 1;\n\nDELETE FROM usage_tenant", List.of()))
                .containsExactly("One statement only: remove the semicolons between statements (line 3)");
    }

    @Test
    void aMessageWithoutALineNamesNone() {
        assertThat(SqlLines.lineOf("A report's query is a SELECT (or WITH … SELECT): it only reads"))
                .isEmpty();
        assertThat(SqlLines.withoutLine("Bad (line 12)")).isEqualTo("Bad");
        assertThat(SqlLines.lineOf(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDatabasesErrorIsOnTheLineItPointsAt(TestDatabase database) throws SQLException {
        String statement = "SELECT 1 AS one,\n  2 AS two,\n  no_such_column\nFROM (SELECT 1 AS x) t";
        String message = errorOf(database, statement);
        assertThat(SqlLines.databaseLine(statement, message)).as(message).hasValue(3);
        assertThat(SqlLines.databaseMessage(message))
                .as(message)
                .contains("no_such_column")
                .doesNotContain("\n")
                .doesNotContain("Position:");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSyntaxErrorOfTheDatabaseIsOnItsLine(TestDatabase database) throws SQLException {
        String statement = "SELECT 1\nFROM (SELECT 1 AS x) t\nWHERE x = = 1";
        String message = errorOf(database, statement);
        assertThat(SqlLines.databaseLine(statement, message)).as(message).hasValue(3);
    }

    @Test
    void aMessageWithoutAPositionHasNoLine() {
        assertThat(SqlLines.databaseLine("SELECT 1", "ERROR: permission denied for table app_user"))
                .isEqualTo(OptionalInt.empty());
    }

    private static String errorOf(TestDatabase database, String statement) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement query = connection.createStatement()) {
            query.executeQuery(statement);
        } catch (SQLException e) {
            return e.getMessage();
        }
        throw new AssertionError("The statement ran: " + statement);
    }
}
