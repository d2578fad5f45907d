package dev.herald.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Instants in and out of {@code TIMESTAMP WITH TIME ZONE} columns the same way on PostgreSQL and
 * H2, for the code that uses JDBC directly where JPA would be too slow (the scheduler's hot path).
 */
public final class Jdbc {

    private Jdbc() {}

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /**
     * Does the work in one local transaction of its own on a connection of the data source, for
     * code that runs outside a JTA transaction (a run's worker): committed when the work returns,
     * rolled back when it throws.
     */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return local(dataSource, work);
    }

    /**
     * Does the work on a connection of the data source inside the caller's JTA transaction (an EJB
     * method's): the container commits or rolls it back with everything else the method did.
     */
    public static <T> T inCallersTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        }
    }

    private static <T> T local(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    public static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    /**
     * A TIMESTAMP WITH TIME ZONE column as an instant. Read with the JDBC 4.0 getter: Payara's
     * connection wrapper serves the JDBC 4.1 {@code getObject(column, type)} by looking the method
     * up by reflection on every call, which a storm of runs pays thousands of times a second.
     */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The database's current time: every instance reads the same clock. */
    public static Instant databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }
}
