package dev.herald.access.control;

import dev.herald.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The database's word on whether a console or portal session may go on, asked at each of its
 * requests: one statement over two primary keys, so that every instance asks the same truth cheaply.
 */
public final class SessionStamps {

    private SessionStamps() {}

    /**
     * True while the account exists and is enabled, its session stamp is still the one the session
     * signed in with, and it is not blocked from the address this request comes from (a block from
     * another address leaves the session alone, so that a stranger's guessing cannot sign the owner out).
     */
    public static boolean isCurrent(Connection connection, String username, long stamp, String address, Instant now)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT u.enabled, u.session_stamp, t.blocked_until"
                + " FROM app_user u LEFT JOIN sign_in_account_throttle t ON t.user_id = u.id AND t.address = ?"
                + " WHERE u.username = ?")) {
            query.setString(1, address);
            query.setString(2, username);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                Instant blockedUntil = Jdbc.instant(row, "blocked_until");
                return row.getBoolean("enabled")
                        && row.getLong("session_stamp") == stamp
                        && (blockedUntil == null || !now.isBefore(blockedUntil));
            }
        }
    }
}
