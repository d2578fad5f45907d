package dev.herald.access.control;

import dev.herald.access.control.SignInThrottle.Counter;
import dev.herald.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The database's word on whether a password verified a moment ago (see {@link VerifiedPasswords})
 * would still be accepted now without verifying it again: one statement over primary and unique
 * keys, far cheaper than PBKDF2, asked on every request that would use the remembered verification,
 * so that every instance sees a change made through any other at once.
 */
public final class SignInChecks {

    private SignInChecks() {}

    /**
     * True only while the sign-in name still means this one account and no other, the account is
     * enabled and still at the version it had when its password was verified (every change to it
     * raises the version: password, enabled, must-change-password, roles, a role's permissions, its
     * names), and neither the account from this address nor the address is blocked or has no room
     * left for another attempt. Anything else, a deleted account included, is false.
     */
    public static boolean isUnchanged(
            Connection connection, long userId, long version, String signInName, String address, Instant now)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT u.id, u.version, u.enabled,"
                + " t.failures AS account_failures, t.window_start AS account_window,"
                + " t.blocked_until AS account_blocked,"
                + " a.failures AS address_failures, a.window_start AS address_window,"
                + " a.blocked_until AS address_blocked"
                + " FROM app_user u"
                + " LEFT JOIN sign_in_account_throttle t ON t.user_id = u.id AND t.address = ?"
                + " LEFT JOIN sign_in_address_throttle a ON a.address = ?"
                + " WHERE u.id = ? OR u.username = ? OR u.email_key = ?")) {
            query.setString(1, address);
            query.setString(2, address);
            query.setLong(3, userId);
            query.setString(4, signInName);
            query.setString(5, signInName);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
                boolean current = row.getLong("id") == userId
                        && row.getLong("version") == version
                        && row.getBoolean("enabled")
                        && !counter(row, "account").refuses(now, SignInThrottle.ACCOUNT_FAILURES)
                        && !counter(row, "address").refuses(now, SignInThrottle.ADDRESS_FAILURES);
                // A second row: the name is now also another account's user name or address.
                return current && !row.next();
            }
        }
    }

    private static Counter counter(ResultSet row, String prefix) throws SQLException {
        Instant windowStart = Jdbc.instant(row, prefix + "_window");
        return windowStart == null && Jdbc.instant(row, prefix + "_blocked") == null
                ? Counter.NONE
                : new Counter(row.getInt(prefix + "_failures"), windowStart, Jdbc.instant(row, prefix + "_blocked"));
    }
}
