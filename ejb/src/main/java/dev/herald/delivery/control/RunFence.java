package dev.herald.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Leave to write for a run: held by one (instance, attempt) at a time. Each of the owner's
 * transactions first locks the run's row and checks that it still owns it, so a take-over or a
 * cancel (which change that row) and the owner's writes happen one after the other, never across
 * each other.
 */
public record RunFence(long runId, String instance, int attempt) {

    /** True when this owner may go on with the run: it owns it and the run is still active. */
    public boolean hold(Connection connection) throws SQLException {
        return check(connection, " AND status IN ('CLAIMED', 'RUNNING')");
    }

    /**
     * True when this owner still owns the run, active or not: enough to record how something it
     * began has ended (an e-mail accepted just before a cancel), not to begin anything new.
     */
    public boolean owns(Connection connection) throws SQLException {
        return check(connection, "");
    }

    private boolean check(Connection connection, String condition) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM run WHERE id = ? AND instance = ? AND attempt = ?" + condition + " FOR UPDATE")) {
            query.setLong(1, runId);
            query.setString(2, instance);
            query.setInt(3, attempt);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
