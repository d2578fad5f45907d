package dev.herald.access.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * V11 makes e-mail addresses unique without case on a database that already holds one address on
 * several accounts: the oldest account keeps it, the others lose it, and each loss is in the audit log.
 */
class UniqueEmailMigrationTest {

    private static final MigrationVersion UNIQUE_EMAILS = MigrationVersion.fromVersion("11");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void duplicatesLeftByAnEarlierVersionStayOnTheOldestAccountOnly(TestDatabase database) throws SQLException {
        DataSource dataSource = database.emptyDataSource();
        migrate(dataSource, versionBefore(dataSource, UNIQUE_EMAILS));
        long ann = insertUser(dataSource, "ann", "ann@example.org");
        long annAgain = insertUser(dataSource, "ann-again", "ANN@example.org");
        long annOnceMore = insertUser(dataSource, "ann-once-more", "Ann@Example.ORG");
        long bob = insertUser(dataSource, "bob", "Bob@Example.org");
        long nobody = insertUser(dataSource, "nobody", null);
        long nobodyEither = insertUser(dataSource, "nobody-either", null);

        migrate(dataSource, MigrationVersion.LATEST);

        assertThat(emailOf(dataSource, ann)).isEqualTo("ann@example.org");
        assertThat(emailOf(dataSource, annAgain)).isNull();
        assertThat(emailOf(dataSource, annOnceMore)).isNull();
        assertThat(emailOf(dataSource, bob)).isEqualTo("Bob@Example.org");
        assertThat(emailOf(dataSource, nobody)).isNull();
        assertThat(emailOf(dataSource, nobodyEither)).isNull();
        assertThat(rows(
                        dataSource,
                        "SELECT target_id || ' ' || before_state || ' ' || after_state FROM audit_event"
                                + " WHERE action = 'user.email.cleared' ORDER BY target_id"))
                .containsExactly(
                        annAgain + " {\"email\":\"ANN@example.org\"} {\"email\":null}",
                        annOnceMore + " {\"email\":\"Ann@Example.ORG\"} {\"email\":null}");
        assertThatThrownBy(() -> insertUser(dataSource, "bob-again", "bob@example.org"))
                .as("a new duplicate after the migration")
                .isInstanceOf(SQLException.class);
    }

    /** The newest migration older than {@code version}, whatever other migrations exist by then. */
    private static MigrationVersion versionBefore(DataSource dataSource, MigrationVersion version) {
        return Arrays.stream(flyway(dataSource, MigrationVersion.LATEST).info().all())
                .map(MigrationInfo::getVersion)
                .filter(candidate -> candidate != null && candidate.compareTo(version) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
    }

    private static void migrate(DataSource dataSource, MigrationVersion target) {
        flyway(dataSource, target).migrate();
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(target)
                .load();
    }

    /** A user as a version before V11 stored it: no e-mail key yet, the key is the migration's to add. */
    private static long insertUser(DataSource dataSource, String username, String email) throws SQLException {
        boolean keyed = !rows(
                        dataSource,
                        "SELECT column_name FROM information_schema.columns"
                                + " WHERE LOWER(table_name) = 'app_user' AND LOWER(column_name) = 'email_key'")
                .isEmpty();
        String sql = keyed
                ? "INSERT INTO app_user (username, display_name, email, email_key, password_hash, enabled,"
                        + " must_change_password, created_at, version) VALUES (?, ?, ?, LOWER(?), 'hash', TRUE, FALSE,"
                        + " CURRENT_TIMESTAMP, 0)"
                : "INSERT INTO app_user (username, display_name, email, password_hash, enabled, must_change_password,"
                        + " failed_logins, created_at, version) VALUES (?, ?, ?, 'hash', TRUE, FALSE, 0,"
                        + " CURRENT_TIMESTAMP, 0)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, username);
            insert.setString(2, username);
            insert.setString(3, email);
            if (keyed) {
                insert.setString(4, email);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }

    private static String emailOf(DataSource dataSource, long id) throws SQLException {
        List<String> found = rows(dataSource, "SELECT COALESCE(email, '(none)') FROM app_user WHERE id = " + id);
        return "(none)".equals(found.get(0)) ? null : found.get(0);
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
