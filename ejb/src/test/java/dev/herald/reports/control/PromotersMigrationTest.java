package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V18 over demo data that an earlier version wrote: each promoter name becomes a promoter, each event
 * points at the one of its name and keeps the name in its old column; the reporting account, made
 * before the migration, reads the new table without being made again (H2: its grant is on the schema;
 * PostgreSQL: default privileges), and can look the promoter scope's values up.
 */
class PromotersMigrationTest {

    private static final MigrationVersion PROMOTERS = MigrationVersion.fromVersion("18");
    private static final String ACCOUNT = "herald_reporting_upgrade";
    private static final String PASSWORD = "upgrade-" + UUID.randomUUID();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eventsLeftByAnEarlierVersionKeepTheirPromoters(TestDatabase database) throws SQLException {
        DataSource admin = database.emptyDataSource();
        migrate(admin, versionBefore(admin, PROMOTERS));
        execute(
                admin,
                "INSERT INTO reporting.ticketing_event (id, name, genre, venue, promoter, status) VALUES"
                        + " (1, 'Hamlet', 'Drama', 'Main House', 'Harbour Arts', 'LIVE'),"
                        + " (2, 'Carmen', 'Opera', 'Studio', 'In-house', 'ARCHIVED'),"
                        + " (3, 'Tosca', 'Opera', 'Studio', 'Harbour Arts', 'LIVE'),"
                        + " (4, 'Cabaret', 'Musical', 'Main House', 'Blue Door Theatre Co.', 'LIVE')");
        try (Connection connection = admin.getConnection()) {
            ReportingAccount.provide(connection, ACCOUNT, PASSWORD, Duration.ofSeconds(60));
        }

        migrate(admin, MigrationVersion.LATEST);

        assertThat(rows(
                        admin,
                        "SELECT id || ' ' || name || ' ' || COALESCE(email, '-') || ' ' || booking_fee || ' '"
                                + " || commission_percent FROM reporting.ticketing_promoter ORDER BY id"))
                .containsExactly(
                        "1 Blue Door Theatre Co. - 1.50 10.00",
                        "2 Harbour Arts - 1.50 10.00",
                        "3 In-house - 1.50 10.00");
        assertThat(rows(
                        admin,
                        "SELECT e.id || ' ' || e.promoter_id || ' ' || e.promoter FROM reporting.ticketing_event e"
                                + " ORDER BY e.id"))
                .containsExactly("1 2 Harbour Arts", "2 3 In-house", "3 2 Harbour Arts", "4 1 Blue Door Theatre Co.");
        assertThatThrownBy(() -> execute(
                        admin,
                        "INSERT INTO reporting.ticketing_event (id, name, genre, venue, promoter, status)"
                                + " VALUES (5, 'Macbeth', 'Drama', 'Studio', 'Nobody', 'LIVE')"))
                .as("an event without a promoter")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> execute(
                        admin,
                        "INSERT INTO reporting.ticketing_event (id, name, genre, venue, promoter, promoter_id, status)"
                                + " VALUES (5, 'Macbeth', 'Drama', 'Studio', 'Nobody', 99, 'LIVE')"))
                .as("an event of a promoter that does not exist")
                .isInstanceOf(SQLException.class);
        assertThat(rows(
                        admin,
                        "SELECT COUNT(*) FROM reporting.ticketing_event e"
                                + " JOIN reporting.ticketing_promoter p ON p.id = e.promoter_id WHERE p.id = 2"))
                .containsExactly("2");

        DataSource reporting = reporting(database, admin);
        assertThat(rows(reporting, "SELECT LOWER(CURRENT_USER)")).containsExactly(ACCOUNT);
        String lookup = rows(admin, "SELECT lookup_sql FROM scope_kind WHERE kind = 'promoter'")
                .get(0);
        assertThat(rows(reporting, lookup.replace("SELECT id, name", "SELECT id || ' ' || name")))
                .as("as the reporting account, before it is made again")
                .containsExactly("1 Blue Door Theatre Co.", "2 Harbour Arts", "3 In-house");

        try (Connection connection = admin.getConnection()) {
            ReportingAccount.provide(connection, ACCOUNT, PASSWORD, Duration.ofSeconds(60));
        }
        try (Connection connection = reporting.getConnection();
                Connection adminConnection = admin.getConnection()) {
            connection.setReadOnly(true);
            assertThat(ReportingPrivileges.problems(connection, adminConnection))
                    .isEmpty();
        }
        assertThatThrownBy(
                        () -> execute(reporting, "UPDATE ticketing_promoter SET commission_percent = 0 WHERE id = 1"))
                .isInstanceOf(SQLException.class);
    }

    /** Connections as the reporting account to the same database, as the server's reporting pool makes them. */
    private static DataSource reporting(TestDatabase database, DataSource admin) {
        if (database == TestDatabase.H2) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(((JdbcDataSource) admin).getURL().replace(";DB_CLOSE_DELAY=-1", "") + ";SCHEMA=reporting");
            h2.setUser(ACCOUNT);
            h2.setPassword(PASSWORD);
            return h2;
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(((PGSimpleDataSource) admin).getURL());
        postgres.setUser(ACCOUNT);
        postgres.setPassword(PASSWORD);
        return postgres;
    }

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

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
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
