package dev.herald.runs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.RetryPolicy;
import dev.herald.mail.control.SmtpFailure;
import dev.herald.platform.control.Jdbc;
import dev.herald.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The delivery ledger's SQL on H2 and PostgreSQL: leave to send, outcomes, back-off, the fence that
 * stops an owner who lost its run, e-mails left in doubt by a dead owner, and files in chunks.
 */
class DeliveryLedgerTest {

    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), 2);
    private static final Clock CLOCK = Clock.systemUTC();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void leaveToSendRecordsTheLastOutcomeAndGivesLinksAFreshToken(TestDatabase database) throws SQLException {
        DeliveryLedger ledger =
                fixture(database, "a@example.org", "b@example.org").ledger();

        List<MailDispatcher.Outgoing> due = ledger.due();
        assertThat(due)
                .extracting(MailDispatcher.Outgoing::recipient)
                .containsExactly("a@example.org", "b@example.org");
        MailDispatcher.Outgoing first = due.get(0);
        MailDispatcher.Outgoing second = due.get(1);

        Optional<MailDispatcher.Leave> leave = ledger.advance(null, first);
        assertThat(leave).hasValueSatisfying(l -> assertThat(l.linkToken()).isNull());
        assertThat(status(database, first.deliveryId())).isEqualTo("SENDING");

        Optional<MailDispatcher.Leave> link =
                ledger.advance(new MailDispatcher.Outcome(first, "250 2.0.0 OK", null), second);
        assertThat(status(database, first.deliveryId())).isEqualTo("SENT");
        assertThat(link).hasValueSatisfying(l -> {
            assertThat(LinkTokens.looksLikeToken(l.linkToken())).isTrue();
            assertThat(l.linkExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(29)));
        });
        assertThat(text(database, "SELECT link_token_hash FROM delivery WHERE id = " + second.deliveryId()))
                .isEqualTo(LinkTokens.digest(link.get().linkToken()));

        SmtpFailure refused = new SmtpFailure(550, "550 5.1.1 mailbox unavailable", true, false);
        ledger.advance(new MailDispatcher.Outcome(second, null, refused), null);
        assertThat(status(database, second.deliveryId())).isEqualTo("FAILED");
        assertThat(text(database, "SELECT last_error FROM delivery WHERE id = " + second.deliveryId()))
                .contains("550");
        assertThat(ledger.due()).isEmpty();
        assertThat(ledger.nextRetry()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnreachableServerMeansRetryWithBackOffUntilTheTriesRunOut(TestDatabase database) throws SQLException {
        Fixture fixture = fixture(database, "a@example.org");
        long itemId = fixture.itemId();
        DeliveryLedger ledger = fixture.ledger();
        SmtpFailure down = SmtpFailure.unreachable(new java.net.ConnectException("Connection refused"));

        Instant before = Instant.now();
        ledger.unreachable(ledger.due(), down);
        long id = deliveryIds(database, itemId).get(0);
        assertThat(status(database, id)).isEqualTo("RETRY");
        assertThat(ledger.nextRetry()).hasValueSatisfying(next -> assertThat(next)
                .isBetween(before.plusMillis(900), Instant.now().plusMillis(1100)));
        assertThat(ledger.due()).as("not due before its time").isEmpty();

        execute(database, "UPDATE delivery SET next_attempt_at = CURRENT_TIMESTAMP WHERE id = " + id);
        ledger.unreachable(ledger.due(), down);
        assertThat(status(database, id)).isEqualTo("FAILED");
        assertThat(text(database, "SELECT last_error FROM delivery WHERE id = " + id))
                .contains("could not be reached", "gave up after 2 tries");
        assertThat(text(database, "SELECT attempts FROM delivery WHERE id = " + id))
                .isEqualTo("2");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNewOwnerMarksUnrecordedSendsInDoubtAndTheOldOwnerChangesNothing(TestDatabase database) throws SQLException {
        Fixture fixture = fixture(database, "a@example.org", "b@example.org");
        long runId = fixture.runId();
        DeliveryLedger old = fixture.ledger();
        List<MailDispatcher.Outgoing> due = old.due();
        old.advance(null, due.get(0));

        execute(database, "UPDATE run SET instance = 'node-b', attempt = 2 WHERE id = " + runId);
        DeliveryLedger successor = ledger(database, runId, "node-b", 2);
        int marked = Jdbc.inTransaction(
                database.dataSource(), c -> DeliveryLedger.markInDoubt(c, runId, java.time.Instant.now()));
        assertThat(marked).isEqualTo(1);

        assertThat(old.advance(new MailDispatcher.Outcome(due.get(0), "250 OK", null), due.get(1)))
                .isEmpty();
        assertThat(status(database, due.get(0).deliveryId())).isEqualTo("FAILED");
        assertThat(text(
                        database,
                        "SELECT in_doubt FROM delivery WHERE id = " + due.get(0).deliveryId()))
                .isIn("true", "TRUE", "t");
        assertThat(status(database, due.get(1).deliveryId())).isEqualTo("PENDING");
        assertThat(successor.due())
                .as("the one in doubt is not sent again by itself")
                .extracting(MailDispatcher.Outgoing::recipient)
                .containsExactly("b@example.org");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCancelledRunGivesNoMoreLeaveButKeepsWhatWasAccepted(TestDatabase database) throws SQLException {
        Fixture fixture = fixture(database, "a@example.org", "b@example.org");
        DeliveryLedger ledger = fixture.ledger();
        List<MailDispatcher.Outgoing> due = ledger.due();
        ledger.advance(null, due.get(0));

        execute(database, "UPDATE run SET status = 'CANCELLED' WHERE id = " + fixture.runId());

        assertThat(ledger.advance(new MailDispatcher.Outcome(due.get(0), "250 OK", null), due.get(1)))
                .isEmpty();
        assertThat(status(database, due.get(0).deliveryId())).isEqualTo("SENT");
        assertThat(status(database, due.get(1).deliveryId())).isEqualTo("PENDING");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileGoesInAndComesBackInChunks(TestDatabase database) throws Exception {
        long runId = run(database, "node-a", 1);
        long itemId = item(database, runId);
        byte[] content = new byte[RunFiles.CHUNK * 2 + 12345];
        new Random(7).nextBytes(content);
        Path file = Files.createTempFile("ledger-test", ".bin");
        try {
            Files.write(file, content);
            Jdbc.inTransaction(database.dataSource(), c -> {
                try {
                    RunFiles.store(c, itemId, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } finally {
            Files.delete(file);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RunFiles.copy(database.dataSource(), itemId, out)).isEqualTo(content.length);
        assertThat(out.toByteArray()).isEqualTo(content);
        assertThat(text(database, "SELECT COUNT(*) FROM run_file_chunk WHERE run_item_id = " + itemId))
                .isEqualTo("3");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theTallyNeverCallsARunWithAFailureASuccess(TestDatabase database) throws SQLException {
        Fixture fixture = fixture(database, "a@example.org", "b@example.org");
        long runId = fixture.runId();
        execute(database, "UPDATE run_item SET status = 'RENDERED' WHERE id = " + fixture.itemId());
        DeliveryLedger ledger = fixture.ledger();
        List<MailDispatcher.Outgoing> due = ledger.due();
        ledger.advance(null, due.get(0));
        ledger.advance(new MailDispatcher.Outcome(due.get(0), "250 OK", null), due.get(1));
        ledger.advance(
                new MailDispatcher.Outcome(due.get(1), null, new SmtpFailure(550, "550 no such user", true, false)),
                null);

        RunTally tally = Jdbc.inTransaction(database.dataSource(), c -> RunTally.of(c, runId));

        assertThat(tally.status()).isEqualTo("PARTIALLY_FAILED");
        assertThat(tally.summary()).isEqualTo("Sent 1 of 2 e-mails; 1 failed.");
        assertThat(tally.problems()).containsExactly("“Daily sales” to b@example.org: 550 no such user");
    }

    // --- fixtures

    /** A run owned by node-a at attempt 1, with one report and a pending e-mail per recipient. */
    private record Fixture(long runId, long itemId, DeliveryLedger ledger) {}

    private static Fixture fixture(TestDatabase database, String... recipients) throws SQLException {
        long runId = run(database, "node-a", 1);
        long itemId = item(database, runId);
        deliveries(database, runId, itemId, recipients);
        return new Fixture(runId, itemId, ledger(database, runId, "node-a", 1));
    }

    private static DeliveryLedger ledger(TestDatabase database, long runId, String instance, int attempt) {
        return new DeliveryLedger(
                database.dataSource(), new RunFence(runId, instance, attempt), RETRY, CLOCK, Duration.ofDays(30));
    }

    private static long run(TestDatabase database, String instance, int attempt) throws SQLException {
        return insert(
                database,
                "INSERT INTO run (schedule_name, run_trigger, scheduled_for, status, instance, attempt, created_at,"
                        + " heartbeat_at) VALUES ('Ledger test', 'MANUAL', CURRENT_TIMESTAMP, 'RUNNING', '" + instance
                        + "', " + attempt + ", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    }

    private static long item(TestDatabase database, long runId) throws SQLException {
        return insert(
                database,
                "INSERT INTO run_item (run_id, position, display_name, report_key, report_name, file_format,"
                        + " csv_delimiter, deliver_as, skip_when_empty, subject, criteria, recipients, status)"
                        + " VALUES (" + runId + ", 0, 'Daily sales', 'sales', 'Sales', 'CSV', 'COMMA', 'ATTACHMENT',"
                        + " FALSE, 'Sales', '{}', '', 'PENDING')");
    }

    /** The first recipient by attachment, the others by link. */
    private static void deliveries(TestDatabase database, long runId, long itemId, String... recipients)
            throws SQLException {
        Jdbc.inTransaction(database.dataSource(), c -> {
            List<DeliveryLedger.NewDelivery> deliveries = new ArrayList<>();
            for (int i = 0; i < recipients.length; i++) {
                deliveries.add(new DeliveryLedger.NewDelivery(
                        recipients[i],
                        MailComposer.messageId(runId, itemId, i, Instant.EPOCH, "herald@example.org"),
                        i > 0,
                        null));
            }
            DeliveryLedger.create(c, itemId, deliveries, Instant.now());
            return null;
        });
    }

    private static List<Long> deliveryIds(TestDatabase database, long itemId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT id FROM delivery WHERE run_item_id = ? ORDER BY id")) {
            query.setLong(1, itemId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    private static String status(TestDatabase database, long deliveryId) throws SQLException {
        return text(database, "SELECT status FROM delivery WHERE id = " + deliveryId);
    }

    private static String text(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static long insert(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
