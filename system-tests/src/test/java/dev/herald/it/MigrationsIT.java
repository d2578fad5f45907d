package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.InContainerTest;
import dev.herald.testing.TestDeployments;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** Flyway has brought the server's PostgreSQL database to the current schema at start-up. */
@InContainerTest
class MigrationsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestDeployments.heraldWith(MigrationsIT.class);
    }

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Test
    void everyMigrationIsAppliedOnPostgreSql() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            List<String> applied = column(
                    connection,
                    "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank");
            assertThat(applied)
                    .isNotEmpty()
                    .allMatch(row -> row.endsWith(":true"))
                    .first()
                    .isEqualTo("1:true");
        }
    }

    @Test
    void builtInRolesAndTheFirstAdministratorExist() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(column(connection, "SELECT name FROM app_role WHERE built_in ORDER BY name"))
                    .containsExactly("Administrator", "Collect Reports", "Super Administrator");
            assertThat(column(connection, """
                    SELECT u.username FROM app_user u
                    JOIN user_role ur ON ur.user_id = u.id JOIN app_role r ON r.id = ur.role_id
                    WHERE r.name = 'Super Administrator'""")).contains("admin");
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
