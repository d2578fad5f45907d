package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NamedSqlTest {

    @Test
    void namesBecomePlaceholdersInOrder() {
        NamedSql sql = NamedSql.parse("SELECT * FROM t WHERE a >= :from AND a < :to AND b = :from");
        NamedSql.Statement statement =
                sql.bind(Map.of("from", Binding.of(1, Types.INTEGER), "to", Binding.of(2, Types.INTEGER)));

        assertThat(sql.names()).containsExactly("from", "to");
        assertThat(statement.sql()).isEqualTo("SELECT * FROM t WHERE a >= ? AND a < ? AND b = ?");
        assertThat(statement.values()).extracting(Binding::value).containsExactly(1, 2, 1);
    }

    @Test
    void quotesCommentsAndCastsAreLeftAlone() {
        NamedSql sql = NamedSql.parse(
                "SELECT ':not', \"col:x\", a::date -- :comment\n FROM t /* :block */ WHERE x = :real AND y = 'it''s :no'");

        assertThat(sql.names()).containsExactly("real");
        assertThat(sql.bind(Map.of("real", Binding.of("v", Types.VARCHAR))).sql())
                .isEqualTo(
                        "SELECT ':not', \"col:x\", a::date -- :comment\n FROM t /* :block */ WHERE x = ? AND y = 'it''s :no'");
    }

    @Test
    void listsExpandAndAnEmptyListIsNull() {
        NamedSql sql = NamedSql.parse("SELECT 1 WHERE s IN (:status)");

        assertThat(sql.bind(Map.of("status", Binding.of(List.of("A", "B", "C"), Types.VARCHAR)))
                        .sql())
                .isEqualTo("SELECT 1 WHERE s IN (?, ?, ?)");
        assertThat(sql.bind(Map.of("status", Binding.of(List.of(), Types.VARCHAR)))
                        .sql())
                .isEqualTo("SELECT 1 WHERE s IN (NULL)");
    }

    @Test
    void aNameWithoutAValueIsAnError() {
        assertThatThrownBy(() -> NamedSql.parse("SELECT :x").bind(Map.of())).hasMessageContaining(":x");
    }
}
