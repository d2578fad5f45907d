package dev.herald.reports.control;

import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The reporting account of a test database, made once per run as Herald makes it at start-up. */
final class TestReportingAccount {

    static final String NAME = "herald_reporting";
    static final String PASSWORD = "reporting-" + UUID.randomUUID();
    private static final Map<TestDatabase, DataSource> MADE = new EnumMap<>(TestDatabase.class);

    private TestReportingAccount() {}

    /** Connections as the reporting account: what every report query runs as. */
    static synchronized DataSource of(TestDatabase database) throws SQLException {
        DataSource reporting = MADE.get(database);
        if (reporting == null) {
            try (Connection admin = database.dataSource().getConnection()) {
                ReportingAccount.provide(admin, NAME, PASSWORD, Duration.ofSeconds(60));
            }
            reporting = database.dataSource(NAME, PASSWORD, ReportingAccount.SCHEMA);
            MADE.put(database, reporting);
        }
        return reporting;
    }
}
