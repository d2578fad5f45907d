package dev.herald.access.control;

import dev.herald.access.control.SignInThrottle.Counter;
import dev.herald.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@link SignInThrottle}'s counters in the database, shared by every instance: one row per
 * (account, address) in {@code sign_in_account_throttle} and one per address in
 * {@code sign_in_address_throttle}, each read under a row lock so that attempts arriving together
 * on several instances are all counted. Rows are locked address first, then account, always in that
 * order, so that two attempts never wait on each other in a circle. Plain JDBC in the caller's
 * transaction, the same on PostgreSQL and H2.
 */
public final class SignInCounters {

    /** Whether an attempt may have its password checked, and if not, what stops it. */
    public enum Admission {
        ADMITTED,
        /** The account is blocked from this address. */
        ACCOUNT_BLOCKED,
        /** The address is blocked. */
        ADDRESS_BLOCKED,
        /**
         * No block, but the (account, address) window has no room left: attempts still being
         * checked have taken it. Not a failure: it starts no block (see {@link SignInThrottle}).
         */
        ACCOUNT_FULL,
        /** No block, but the address's window has no room left. Not a failure either. */
        ADDRESS_FULL;

        /** Refused for want of room, not by a block: the caller does not count it as a failure. */
        public boolean isFull() {
            return this == ACCOUNT_FULL || this == ADDRESS_FULL;
        }
    }

    /** A block that a failure has just started, for the audit log. */
    public record Started(Long userId, String address, Instant until) {

        public boolean isAddressBlock() {
            return userId == null;
        }
    }

    /** An account's block from one address, as staff see it. */
    public record Block(String address, Instant until) {}

    private static final String ADDRESS_TABLE = "sign_in_address_throttle";
    private static final String ACCOUNT_TABLE = "sign_in_account_throttle";
    private static final String ADDRESS_SELECT =
            "SELECT failures, window_start, blocked_until FROM " + ADDRESS_TABLE + " WHERE address = ? FOR UPDATE";
    private static final String ACCOUNT_SELECT = "SELECT failures, window_start, blocked_until FROM " + ACCOUNT_TABLE
            + " WHERE user_id = ? AND address = ? FOR UPDATE";

    private SignInCounters() {}

    /**
     * Decides whether the attempt may go on to the password check and counts it: against the
     * address, and, when the user name is an account's, against the pair. An attempt refused
     * because of its pair still counts for the address; one refused because of its address does not.
     * A refusal says whether a block in force made it or only a window with no room left.
     */
    public static Admission admit(Connection connection, Long userId, String address, Instant now) throws SQLException {
        Counter byAddress = lockAddress(connection, address, now);
        if (byAddress.refuses(now, SignInThrottle.ADDRESS_FAILURES)) {
            return byAddress.isFull(now, SignInThrottle.ADDRESS_FAILURES)
                    ? Admission.ADDRESS_FULL
                    : Admission.ADDRESS_BLOCKED;
        }
        writeAddress(connection, address, byAddress.counted(now));
        if (userId == null) {
            return Admission.ADMITTED;
        }
        Counter byAccount = lockAccount(connection, userId, address, now);
        if (byAccount.refuses(now, SignInThrottle.ACCOUNT_FAILURES)) {
            return byAccount.isFull(now, SignInThrottle.ACCOUNT_FAILURES)
                    ? Admission.ACCOUNT_FULL
                    : Admission.ACCOUNT_BLOCKED;
        }
        writeAccount(connection, userId, address, byAccount.counted(now));
        return Admission.ADMITTED;
    }

    /**
     * After a failed attempt (wrong, or refused by a block): starts the blocks whose limit is
     * reached. Not for an attempt refused for want of room ({@link Admission#isFull}): that is no
     * failure, and its caller does not call this.
     */
    public static List<Started> failed(Connection connection, Long userId, String address, Instant now)
            throws SQLException {
        List<Started> started = new ArrayList<>();
        Counter byAddress = readLocked(connection, ADDRESS_SELECT, addressKey(address));
        Counter addressAfter = byAddress == null ? null : byAddress.afterFailure(now, SignInThrottle.ADDRESS_FAILURES);
        if (addressAfter != null && !addressAfter.equals(byAddress)) {
            writeAddress(connection, address, addressAfter);
            started.add(new Started(null, address, addressAfter.blockedUntil()));
        }
        if (userId != null) {
            Counter byAccount = readLocked(connection, ACCOUNT_SELECT, accountKey(userId, address));
            Counter accountAfter =
                    byAccount == null ? null : byAccount.afterFailure(now, SignInThrottle.ACCOUNT_FAILURES);
            if (accountAfter != null && !accountAfter.equals(byAccount)) {
                writeAccount(connection, userId, address, accountAfter);
                started.add(new Started(userId, address, accountAfter.blockedUntil()));
            }
        }
        return started;
    }

    /**
     * After the right password: the address forgets this attempt, and the pair forgets its earlier
     * failures (most likely the owner's own typing), unless a block began meanwhile.
     */
    public static void succeeded(Connection connection, long userId, String address, Instant now) throws SQLException {
        Counter byAddress = lockAddress(connection, address, now);
        writeAddress(connection, address, byAddress.forgiven());
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + ACCOUNT_TABLE
                + " WHERE user_id = ? AND address = ? AND (blocked_until IS NULL OR blocked_until <= ?)")) {
            delete.setLong(1, userId);
            delete.setString(2, address);
            Jdbc.setInstant(delete, 3, now);
            delete.executeUpdate();
        }
    }

    /** Staff unlocking an account: its blocks and counts from every address go. Answers how many blocks were in force. */
    public static int clear(Connection connection, long userId, Instant now) throws SQLException {
        int blocked = blocks(connection, List.of(userId), now)
                .getOrDefault(userId, List.of())
                .size();
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + ACCOUNT_TABLE + " WHERE user_id = ?")) {
            delete.setLong(1, userId);
            delete.executeUpdate();
        }
        return blocked;
    }

    /** The blocks in force now for each of these accounts, latest end first. */
    public static Map<Long, List<Block>> blocks(Connection connection, Collection<Long> userIds, Instant now)
            throws SQLException {
        Map<Long, List<Block>> blocks = new HashMap<>();
        if (userIds.isEmpty()) {
            return blocks;
        }
        StringJoiner ids = new StringJoiner(", ", "(", ")");
        userIds.forEach(id -> ids.add("?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT user_id, address, blocked_until FROM "
                + ACCOUNT_TABLE + " WHERE user_id IN " + ids + " AND blocked_until > ?"
                + " ORDER BY blocked_until DESC, address")) {
            int index = 1;
            for (Long id : userIds) {
                query.setLong(index++, id);
            }
            Jdbc.setInstant(query, index, now);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    blocks.computeIfAbsent(rows.getLong("user_id"), id -> new ArrayList<>())
                            .add(new Block(rows.getString("address"), Jdbc.instant(rows, "blocked_until")));
                }
            }
        }
        return blocks;
    }

    /** Deletes the rows that remember nothing any more: no block in force and their window over. */
    public static int purge(Connection connection, Instant now) throws SQLException {
        int deleted = 0;
        for (String table : List.of(ACCOUNT_TABLE, ADDRESS_TABLE)) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE (blocked_until IS NULL OR blocked_until <= ?) AND window_start <= ?")) {
                Jdbc.setInstant(delete, 1, now);
                Jdbc.setInstant(delete, 2, now.minus(SignInThrottle.WINDOW));
                deleted += delete.executeUpdate();
            }
        }
        return deleted;
    }

    private static Parameters addressKey(String address) {
        return statement -> statement.setString(1, address);
    }

    private static Parameters accountKey(long userId, String address) {
        return statement -> {
            statement.setLong(1, userId);
            statement.setString(2, address);
        };
    }

    /** The address's row, locked; made first (with nothing counted) when there is none. */
    private static Counter lockAddress(Connection connection, String address, Instant now) throws SQLException {
        Counter counter = readLocked(connection, ADDRESS_SELECT, addressKey(address));
        if (counter != null) {
            return counter;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ADDRESS_TABLE
                + " (address, failures, window_start) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, address);
            Jdbc.setInstant(insert, 2, now);
            insert.executeUpdate();
        }
        return readLocked(connection, ADDRESS_SELECT, addressKey(address));
    }

    /** The pair's row, locked; made first (with nothing counted) when there is none. */
    private static Counter lockAccount(Connection connection, long userId, String address, Instant now)
            throws SQLException {
        Counter counter = readLocked(connection, ACCOUNT_SELECT, accountKey(userId, address));
        if (counter != null) {
            return counter;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + ACCOUNT_TABLE
                + " (user_id, address, failures, window_start) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING")) {
            insert.setLong(1, userId);
            insert.setString(2, address);
            Jdbc.setInstant(insert, 3, now);
            insert.executeUpdate();
        }
        return readLocked(connection, ACCOUNT_SELECT, accountKey(userId, address));
    }

    private static void writeAddress(Connection connection, String address, Counter counter) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ADDRESS_TABLE
                + " SET failures = ?, window_start = ?, blocked_until = ? WHERE address = ?")) {
            setCounter(update, counter);
            update.setString(4, address);
            update.executeUpdate();
        }
    }

    private static void writeAccount(Connection connection, long userId, String address, Counter counter)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + ACCOUNT_TABLE
                + " SET failures = ?, window_start = ?, blocked_until = ? WHERE user_id = ? AND address = ?")) {
            setCounter(update, counter);
            update.setLong(4, userId);
            update.setString(5, address);
            update.executeUpdate();
        }
    }

    private static void setCounter(PreparedStatement statement, Counter counter) throws SQLException {
        statement.setInt(1, counter.failures());
        Jdbc.setInstant(statement, 2, counter.windowStart());
        Jdbc.setInstant(statement, 3, counter.blockedUntil());
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private static Counter readLocked(Connection connection, String sql, Parameters parameters) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            parameters.set(query);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Counter(
                        row.getInt("failures"), Jdbc.instant(row, "window_start"), Jdbc.instant(row, "blocked_until"));
            }
        }
    }
}
