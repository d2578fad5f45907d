package dev.herald.runs.control;

import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.RetryPolicy;
import dev.herald.mail.control.SmtpFailure;
import dev.herald.platform.control.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The deliveries of one run attempt, in SQL: which e-mails are due, leave to send one, and how each
 * send ended. Every write holds the run's {@link RunFence}: an instance that lost the run (taken
 * over, cancelled) changes nothing, so the same e-mail is never being sent by two instances.
 *
 * <p>The one gap SMTP leaves open: an instance that dies after the server accepted a message and
 * before it recorded that, leaves the delivery SENDING. Whoever takes the run over marks it FAILED
 * and in doubt, and does not send it again on its own; "resend failed" sends it again (with the
 * same Message-ID) when a person decides so. Herald thus sends each e-mail at most once by itself,
 * and reports every e-mail it cannot vouch for.
 */
public final class DeliveryLedger implements MailDispatcher.Journal {

    private static final String OF_RUN = " run_item_id IN (SELECT id FROM run_item WHERE run_id = ?)";

    private final DataSource dataSource;
    private final RunFence fence;
    private final RetryPolicy retry;
    private final Clock clock;
    private final Duration linkLifetime;

    public DeliveryLedger(
            DataSource dataSource, RunFence fence, RetryPolicy retry, Clock clock, Duration linkLifetime) {
        this.dataSource = dataSource;
        this.fence = fence;
        this.retry = retry;
        this.clock = clock;
        this.linkLifetime = linkLifetime;
    }

    /** A delivery to make for a rendered file: the recipient, and a link's reason when it is one. */
    public record NewDelivery(String recipient, String messageId, boolean asLink, String linkReason) {}

    /** Makes the deliveries of a rendered item, in the caller's (fenced) transaction. */
    public static void create(Connection connection, long itemId, List<NewDelivery> deliveries, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO delivery (run_item_id, recipient, delivered_as, link_reason, message_id, status,"
                        + " attempts, tries, in_doubt, updated_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, 0, FALSE, ?)")) {
            for (NewDelivery delivery : deliveries) {
                insert.setLong(1, itemId);
                insert.setString(2, delivery.recipient());
                insert.setString(3, delivery.asLink() ? "LINK" : "ATTACHMENT");
                insert.setString(4, delivery.linkReason());
                insert.setString(5, delivery.messageId());
                Jdbc.setInstant(insert, 6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The e-mails of the run to send now: never tried, or due for another try. */
    public List<MailDispatcher.Outgoing> due() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT d.id, d.run_item_id, d.recipient, d.message_id, d.delivered_as, d.link_reason, d.tries"
                                + " FROM delivery d"
                                + " JOIN run_item i ON i.id = d.run_item_id WHERE i.run_id = ?"
                                + " AND (d.status = 'PENDING' OR (d.status = 'RETRY' AND d.next_attempt_at <= ?))"
                                + " ORDER BY i.position, d.id")) {
            query.setLong(1, fence.runId());
            Jdbc.setInstant(query, 2, clock.instant());
            List<MailDispatcher.Outgoing> due = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    due.add(new MailDispatcher.Outgoing(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getString(3),
                            rows.getString(4),
                            "LINK".equals(rows.getString(5)),
                            rows.getString(6),
                            rows.getInt(7)));
                }
            }
            return due;
        }
    }

    /** When the next e-mail waiting for another try is due; empty when none waits. */
    public Optional<Instant> nextRetry() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT MIN(next_attempt_at) AS next_at FROM delivery WHERE status = 'RETRY' AND" + OF_RUN)) {
            query.setLong(1, fence.runId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return Optional.ofNullable(Jdbc.instant(row, "next_at"));
            }
        }
    }

    /**
     * Marks the e-mails that an earlier owner of the run was sending when it stopped: FAILED and in
     * doubt, since the server may have accepted them. In the caller's transaction, which holds the
     * run's fence. Answers how many.
     */
    public static int markInDoubt(Connection connection, long runId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delivery SET status = 'FAILED', in_doubt = TRUE, updated_at = ?, last_error = ?"
                        + " WHERE status = 'SENDING' AND" + OF_RUN)) {
            Jdbc.setInstant(update, 1, now);
            update.setString(
                    2,
                    "The instance sending this e-mail stopped before it recorded the SMTP server's answer;"
                            + " it may have been delivered. Herald does not send it again by itself:"
                            + " use “resend failed” to send it again.");
            update.setLong(3, runId);
            return update.executeUpdate();
        }
    }

    @Override
    public Optional<MailDispatcher.Leave> advance(MailDispatcher.Outcome previous, MailDispatcher.Outgoing next) {
        try {
            return Jdbc.inTransaction(dataSource, connection -> {
                Instant now = clock.instant();
                RunFence.Standing standing = fence.standing(connection);
                if (previous != null && standing != RunFence.Standing.LOST) {
                    record(connection, previous, now);
                }
                if (next == null || standing != RunFence.Standing.ACTIVE) {
                    return Optional.empty();
                }
                return begin(connection, next, now);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a delivery: " + e.getMessage(), e);
        }
    }

    private Optional<MailDispatcher.Leave> begin(Connection connection, MailDispatcher.Outgoing next, Instant now)
            throws SQLException {
        boolean asLink = next.asLink();
        String token = asLink ? LinkTokens.newToken() : null;
        Instant expires = asLink ? now.plus(linkLifetime) : null;
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE delivery SET status = 'SENDING', attempts = attempts + 1, run_attempt = ?,"
                        + " link_token_hash = ?, link_expires_at = ?, updated_at = ?"
                        + " WHERE id = ? AND status IN ('PENDING', 'RETRY')")) {
            update.setInt(1, fence.attempt());
            update.setString(2, token == null ? null : LinkTokens.digest(token));
            Jdbc.setInstant(update, 3, expires);
            Jdbc.setInstant(update, 4, now);
            update.setLong(5, next.deliveryId());
            if (update.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        return Optional.of(new MailDispatcher.Leave(token, expires));
    }

    private void record(Connection connection, MailDispatcher.Outcome outcome, Instant now) throws SQLException {
        if (outcome.accepted()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE delivery SET status = 'SENT', smtp_reply = ?, last_error = NULL, sent_at = ?,"
                            + " next_attempt_at = NULL, updated_at = ? WHERE id = ? AND status = 'SENDING' AND run_attempt = ?")) {
                update.setString(1, truncate(outcome.reply(), 1000));
                Jdbc.setInstant(update, 2, now);
                Jdbc.setInstant(update, 3, now);
                update.setLong(4, outcome.letter().deliveryId());
                update.setInt(5, fence.attempt());
                update.executeUpdate();
            }
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement(failure("", "status = 'SENDING' AND run_attempt = ?"))) {
            bindFailure(update, outcome.letter(), outcome.failure(), now);
            update.setInt(8, fence.attempt());
            update.executeUpdate();
        }
    }

    @Override
    public void unreachable(List<MailDispatcher.Outgoing> letters, SmtpFailure failure) {
        try {
            Jdbc.inTransaction(dataSource, connection -> {
                if (!fence.hold(connection)) {
                    return null;
                }
                Instant now = clock.instant();
                // Never begun, so never SENDING: each still counts as a try.
                try (PreparedStatement update = connection.prepareStatement(
                        failure("attempts = attempts + 1, ", "status IN ('PENDING', 'RETRY')"))) {
                    for (MailDispatcher.Outgoing letter : letters) {
                        bindFailure(update, letter, failure, now);
                        update.addBatch();
                    }
                    update.executeBatch();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record undelivered e-mails: " + e.getMessage(), e);
        }
    }

    /** The update that records a failed try; parameters 1–7 are bound by {@link #bindFailure}. */
    private static String failure(String alsoSet, String condition) {
        return "UPDATE delivery SET " + alsoSet + "status = ?, tries = ?, next_attempt_at = ?, last_error = ?,"
                + " smtp_reply = ?, updated_at = ? WHERE id = ? AND " + condition;
    }

    private void bindFailure(PreparedStatement update, MailDispatcher.Outgoing letter, SmtpFailure failure, Instant now)
            throws SQLException {
        int tries = letter.tries() + 1;
        boolean retryLater = !failure.permanent() && !retry.exhausted(tries);
        update.setString(1, retryLater ? "RETRY" : "FAILED");
        update.setInt(2, tries);
        Jdbc.setInstant(update, 3, retryLater ? retry.nextTry(tries, now) : null);
        String error = failure.message();
        if (!failure.permanent() && !retryLater) {
            error = error + " (gave up after " + tries + (tries == 1 ? " try)" : " tries)");
        }
        update.setString(4, truncate(error, 4000));
        update.setString(5, failure.code() > 0 ? truncate(failure.message(), 1000) : null);
        Jdbc.setInstant(update, 6, now);
        update.setLong(7, letter.deliveryId());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
