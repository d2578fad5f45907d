package dev.herald.runs.control;

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

    /** Where this owner stands with the run, read under the run's row lock. */
    public enum Standing {
        /** It owns the run and the run is active: it may begin new work. */
        ACTIVE,
        /**
         * It owns the run but the run has ended (cancelled): it may record how something it began
         * has ended (an e-mail accepted just before the cancel), not begin anything new.
         */
        ENDED,
        /** Another attempt owns the run now: it changes nothing. */
        LOST
    }

    /** True when this owner may go on with the run: it owns it and the run is still active. */
    public boolean hold(Connection connection) throws SQLException {
        return standing(connection) == Standing.ACTIVE;
    }

    /** Locks the run's row and says where this owner stands. */
    public Standing standing(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT status FROM run WHERE id = ? AND instance = ? AND attempt = ? FOR UPDATE")) {
            query.setLong(1, runId);
            query.setString(2, instance);
            query.setInt(3, attempt);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Standing.LOST;
                }
                String status = row.getString(1);
                return "CLAIMED".equals(status) || "RUNNING".equals(status) ? Standing.ACTIVE : Standing.ENDED;
            }
        }
    }
}
