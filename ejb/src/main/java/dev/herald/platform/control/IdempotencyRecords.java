package dev.herald.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} table's SQL, the same on PostgreSQL and H2, in the caller's
 * transaction. One row per (caller, key); the unique constraint decides, across every instance on one
 * database, which of two requests with one key is the first.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>A key is remembered for {@link #LIFETIME} (24 hours) from its first use; after that it is
 *       free again (its row is replaced on the way, or deleted by {@link #purge}).
 *   <li>The first request with a key claims it (a row without an answer). A second one with the same
 *       operation and fingerprint is told the first is {@link Outcome#IN_PROGRESS} while the claim is
 *       younger than {@link #ABANDONED_AFTER}; past that the first request is taken for dead (its
 *       instance stopped, or it never answered) and the second one {@link Outcome#TAKEN retakes} the
 *       key and does the work.
 *   <li>Only a 2xx answer is kept ({@link #complete}); any other answer releases the key
 *       ({@link #release}): a request that failed is never replayed as a success, and may be retried
 *       with the same key.
 *   <li>A key used with another operation or fingerprint is {@link Outcome#MISMATCH}, whatever state
 *       its first request is in.
 * </ul>
 */
public final class IdempotencyRecords {

    /** How long a key is remembered from its first use. */
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** A claim without an answer for this long was abandoned: another request with the key may retake it. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    /** What became of a claim. */
    public enum Outcome {
        /** This request holds the key: it does the work and then completes or releases the key. */
        TAKEN,
        /** The key's first request answered: its answer is to be given again. */
        REPLAY,
        /** The key was first used for another operation, query or body. */
        MISMATCH,
        /** The key's first request is still being processed. */
        IN_PROGRESS
    }

    /**
     * A kept answer: status, content type, Location, and either its body or, for an answer too large
     * to copy (a file), the address ({@code Content-Location}) it is served from again.
     */
    public record Answer(int status, String contentType, String location, String contentLocation, byte[] body) {}

    /** The outcome of a claim; the row and token for {@link Outcome#TAKEN}, the answer for {@link Outcome#REPLAY}. */
    public record Claim(Outcome outcome, long id, String token, Answer answer) {

        static Claim of(Outcome outcome) {
            return new Claim(outcome, 0, null, null);
        }
    }

    private static final String TABLE = "idempotency_key";

    private IdempotencyRecords() {}

    /**
     * Claims the caller's key for this operation and fingerprint at {@code now}, or answers why not.
     * Two claims of one key at the same moment, on any instance, never both answer {@link
     * Outcome#TAKEN}: the insert of the second waits for the first's transaction and then finds its row.
     */
    public static Claim claim(
            Connection connection, String caller, String key, String operation, String fingerprint, Instant now)
            throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            String token = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                    + " (caller, idem_key, operation, fingerprint, claim_token, created_at, claimed_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                insert.setString(1, caller);
                insert.setString(2, key);
                insert.setString(3, operation);
                insert.setString(4, fingerprint);
                insert.setString(5, token);
                Jdbc.setInstant(insert, 6, now);
                Jdbc.setInstant(insert, 7, now);
                insert.executeUpdate();
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT id, operation, fingerprint, claim_token,"
                    + " created_at, claimed_at, completed_at, status, content_type, location, content_location, body"
                    + " FROM " + TABLE + " WHERE caller = ? AND idem_key = ? FOR UPDATE")) {
                query.setString(1, caller);
                query.setString(2, key);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        continue; // deleted meanwhile (released or purged): try again
                    }
                    long id = row.getLong("id");
                    if (token.equals(row.getString("claim_token"))) {
                        return new Claim(Outcome.TAKEN, id, token, null);
                    }
                    if (!Jdbc.instant(row, "created_at").isAfter(now.minus(LIFETIME))) {
                        delete(connection, id);
                        continue; // expired: the key is free again
                    }
                    if (!operation.equals(row.getString("operation"))
                            || !fingerprint.equals(row.getString("fingerprint"))) {
                        return Claim.of(Outcome.MISMATCH);
                    }
                    if (row.getTimestamp("completed_at") != null) {
                        return new Claim(
                                Outcome.REPLAY,
                                id,
                                null,
                                new Answer(
                                        row.getInt("status"),
                                        row.getString("content_type"),
                                        row.getString("location"),
                                        row.getString("content_location"),
                                        row.getBytes("body")));
                    }
                    if (Jdbc.instant(row, "claimed_at").isAfter(now.minus(ABANDONED_AFTER))) {
                        return Claim.of(Outcome.IN_PROGRESS);
                    }
                    retake(connection, id, token, now);
                    return new Claim(Outcome.TAKEN, id, token, null);
                }
            }
        }
        // Only if the key's row was deleted between each insert and read, three times over.
        return Claim.of(Outcome.IN_PROGRESS);
    }

    /**
     * Keeps the answer of the request that holds the claim. Answers false when the claim is no longer
     * this request's (abandoned and retaken, or released): nothing is then written.
     */
    public static boolean complete(Connection connection, long id, String token, Answer answer, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + TABLE
                + " SET completed_at = ?, status = ?, content_type = ?, location = ?, content_location = ?, body = ?"
                + " WHERE id = ? AND claim_token = ? AND completed_at IS NULL")) {
            Jdbc.setInstant(update, 1, now);
            update.setInt(2, answer.status());
            update.setString(3, answer.contentType());
            update.setString(4, answer.location());
            update.setString(5, answer.contentLocation());
            if (answer.body() == null) {
                update.setNull(6, Types.VARBINARY);
            } else {
                update.setBytes(6, answer.body());
            }
            update.setLong(7, id);
            update.setString(8, token);
            return update.executeUpdate() == 1;
        }
    }

    /** Frees the key after an answer that is not kept (not 2xx), if this request still holds it. */
    public static boolean release(Connection connection, long id, String token) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + TABLE + " WHERE id = ? AND claim_token = ? AND completed_at IS NULL")) {
            delete.setLong(1, id);
            delete.setString(2, token);
            return delete.executeUpdate() == 1;
        }
    }

    /** Deletes every key first used {@link #LIFETIME} or longer ago; answers how many. */
    public static int purge(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM " + TABLE + " WHERE created_at <= ?")) {
            Jdbc.setInstant(delete, 1, now.minus(LIFETIME));
            return delete.executeUpdate();
        }
    }

    private static void retake(Connection connection, long id, String token, Instant now) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + TABLE + " SET claim_token = ?, claimed_at = ? WHERE id = ?")) {
            update.setString(1, token);
            Jdbc.setInstant(update, 2, now);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    private static void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            delete.setLong(1, id);
            delete.executeUpdate();
        }
    }
}
