package dev.herald.mail.control;

import dev.herald.platform.control.Jdbc;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Herald's own e-mails to people who look after it (a run owner's failure notice, administrators'
 * mail alerts) and to partners who asked for a new-password link, in SQL. A notice is made once, in the transaction that decides it is needed, with
 * its whole message stored; {@link NoticeSender} sends what is due, on any instance, and records
 * how each try ended, retrying like a delivery. So a notice made while the mail server is down
 * arrives once it is back, and one whose fate a stopped instance did not record is never sent twice.
 */
public final class Notices {

    /** What a notice is about. */
    public enum Kind {
        OWNER_NOTICE,
        MAIL_ALERT,
        PASSWORD_RESET
    }

    /** A notice claimed for sending: its row, the stored message and how often it was tried. */
    public record Outgoing(long id, String recipient, byte[] mime, int tries) {}

    private Notices() {}

    /**
     * Stores a notice to send, in the caller's transaction. A notice with the same Message-ID and
     * recipient exists at most once: storing it again does nothing. Answers whether it was new.
     */
    public static boolean add(
            Connection connection, Kind kind, Long runId, String recipient, MimeMessage message, Instant now)
            throws SQLException {
        try (PreparedStatement exists =
                connection.prepareStatement("SELECT 1 FROM notice WHERE message_id = ? AND recipient = ?")) {
            exists.setString(1, messageId(message));
            exists.setString(2, recipient);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notice (kind, run_id, recipient, subject, message_id, mime, status, tries, in_doubt,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, FALSE, ?)")) {
            insert.setString(1, kind.name());
            if (runId == null) {
                insert.setNull(2, java.sql.Types.BIGINT);
            } else {
                insert.setLong(2, runId);
            }
            insert.setString(3, recipient);
            insert.setString(4, truncate(subject(message), 1000));
            insert.setString(5, messageId(message));
            insert.setBytes(6, bytes(message));
            Jdbc.setInstant(insert, 7, now);
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Notices whose instance stopped while sending them: FAILED and in doubt, never sent again by
     * Herald itself (the server may have accepted them).
     */
    public static int markInDoubt(Connection connection, Instant sendingBefore, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE notice SET status = 'FAILED', in_doubt = TRUE, sending_since = NULL, last_error = ?"
                        + " WHERE status = 'SENDING' AND sending_since < ?")) {
            update.setString(
                    1,
                    "The instance sending this notice stopped before it recorded the mail server's answer;"
                            + " it may have arrived, so Herald does not send it again.");
            Jdbc.setInstant(update, 2, sendingBefore);
            return update.executeUpdate();
        }
    }

    /** Claims up to {@code limit} due notices for sending, in the caller's transaction. */
    public static List<Outgoing> claimDue(Connection connection, int limit, Instant now) throws SQLException {
        List<Outgoing> due = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, recipient, mime, tries FROM notice WHERE status IN ('PENDING', 'RETRY')"
                        + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED")) {
            Jdbc.setInstant(query, 1, now);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    due.add(new Outgoing(rows.getLong(1), rows.getString(2), rows.getBytes(3), rows.getInt(4)));
                }
            }
        }
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE notice SET status = 'SENDING', sending_since = ? WHERE id = ?")) {
            for (Outgoing notice : due) {
                Jdbc.setInstant(update, 1, now);
                update.setLong(2, notice.id());
                update.addBatch();
            }
            if (!due.isEmpty()) {
                update.executeBatch();
            }
        }
        return due;
    }

    public static void sent(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE notice SET status = 'SENT', sent_at = ?, sending_since = NULL, next_attempt_at = NULL,"
                        + " tries = tries + 1, last_error = NULL WHERE id = ? AND status = 'SENDING'")) {
            Jdbc.setInstant(update, 1, now);
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    /** Records a failed try: another one later when it may help and tries are left, FAILED otherwise. */
    public static void failed(
            Connection connection, Outgoing notice, SmtpFailure failure, RetryPolicy retry, Instant now)
            throws SQLException {
        int tries = notice.tries() + 1;
        // A fault of the settings fails a delivery at once; a notice waits for the settings to be
        // mended, as telling people is what it is for (and the alert about the fault is one).
        boolean again = !(failure.permanent() && !failure.configuration()) && !retry.exhausted(tries);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE notice SET status = ?, tries = ?, next_attempt_at = ?, last_error = ?, sending_since = NULL"
                        + " WHERE id = ? AND status = 'SENDING'")) {
            update.setString(1, again ? "RETRY" : "FAILED");
            update.setInt(2, tries);
            Jdbc.setInstant(update, 3, again ? retry.nextTry(tries, now) : null);
            update.setString(4, truncate(failure.message(), 4000));
            update.setLong(5, notice.id());
            update.executeUpdate();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("A notice needs a Message-ID", e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject() == null ? "" : message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static byte[] bytes(MimeMessage message) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("The notice could not be written: " + e.getMessage(), e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
