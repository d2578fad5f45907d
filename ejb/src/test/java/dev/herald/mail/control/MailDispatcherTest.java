package dev.herald.mail.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dispatcher against a real SMTP server: one connection for many messages, outcomes in order. */
class MailDispatcherTest {

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @Test
    void manyMessagesGoOverOneConnectionAndEachOutcomeIsRecordedBeforeTheNextIsBegun() throws Exception {
        List<MailDispatcher.Outgoing> letters = IntStream.range(0, 25)
                .mapToObj(i -> letter(i, "r" + i + "@example.org"))
                .toList();
        RecordingJournal journal = new RecordingJournal();

        MailDispatcher.Summary summary =
                new MailDispatcher(session(SMTP.getSmtp().getPort())).send(letters, this::message, journal);

        assertThat(summary.accepted()).isEqualTo(25);
        assertThat(summary.connections()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(25);
        assertThat(SMTP.getReceivedMessages()[3].getMessageID()).isEqualTo("<m3@test>");
        assertThat(journal.steps).hasSize(26);
        assertThat(journal.steps.get(0)).isEqualTo("begin 0");
        assertThat(journal.steps.get(1)).startsWith("accepted 0 250").endsWith("begin 1");
        assertThat(journal.steps.get(25)).startsWith("accepted 24 250").doesNotContain("begin");
    }

    @Test
    void severalConnectionsShareTheLettersAndEachIsSentOnce() throws Exception {
        List<MailDispatcher.Outgoing> letters = IntStream.range(0, 40)
                .mapToObj(i -> letter(i, "p" + i + "@example.org"))
                .toList();
        RecordingJournal journal = new RecordingJournal();
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            MailDispatcher.Summary summary = new MailDispatcher(
                            session(SMTP.getSmtp().getPort()), threads, 3)
                    .send(letters, this::message, journal);

            assertThat(summary.accepted()).isEqualTo(40);
            assertThat(summary.connections()).isEqualTo(3);
        } finally {
            threads.shutdown();
        }
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).map(m -> {
                    try {
                        return m.getMessageID();
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .hasSize(40)
                .doesNotHaveDuplicates();
        assertThat(journal.steps.stream().filter(step -> step.contains("accepted")))
                .as("every outcome recorded")
                .hasSize(40);
    }

    @Test
    void whenTheServerCannotBeReachedEveryLetterIsRecordedAsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RecordingJournal journal = new RecordingJournal();

        MailDispatcher.Summary summary = new MailDispatcher(session(closedPort))
                .send(List.of(letter(0, "a@example.org"), letter(1, "b@example.org")), this::message, journal);

        assertThat(summary.accepted()).isZero();
        assertThat(summary.failed()).isEqualTo(2);
        assertThat(journal.steps).containsExactly("unreachable 0,1");
        assertThat(journal.failure.permanent()).isFalse();
        assertThat(journal.failure.message()).contains("could not be reached");
    }

    @Test
    void whenTheJournalRefusesLeaveNothingMoreIsSent() throws Exception {
        RecordingJournal journal = new RecordingJournal();
        journal.refuseAfter = 2;

        MailDispatcher.Summary summary = new MailDispatcher(
                        session(SMTP.getSmtp().getPort()))
                .send(
                        IntStream.range(0, 5)
                                .mapToObj(i -> letter(i, "s" + i + "@example.org"))
                                .toList(),
                        this::message,
                        journal);

        assertThat(summary.stopped()).isTrue();
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
    }

    private MimeMessage message(MailDispatcher.Outgoing letter, MailDispatcher.Leave leave) throws MessagingException {
        ReportMail mail = new ReportMail(
                "Herald Demo Theatre",
                "Daily",
                "Sales",
                "Sales",
                ZonedDateTime.of(2026, 11, 25, 7, 5, 0, 0, ZoneId.of("Europe/London")),
                List.of(),
                "sales.csv",
                dev.herald.rendering.entity.FileFormat.CSV,
                10,
                1,
                false);
        return new MailComposer(session(SMTP.getSmtp().getPort()), new InternetAddress("herald@test"))
                .report(
                        mail,
                        new ReportMail.Copy(letter.recipient(), letter.messageId(), "Sales", false, null, null, null),
                        Attachment.of("sales.csv", "text/csv", "a,b\n1,2\n".getBytes()));
    }

    private static MailDispatcher.Outgoing letter(int i, String to) {
        return new MailDispatcher.Outgoing(i, 1, to, "<m" + i + "@test>", false, null, 0);
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "2000");
        return Session.getInstance(properties);
    }

    /** Writes down what the dispatcher asked for, in order. */
    private static final class RecordingJournal implements MailDispatcher.Journal {
        final List<String> steps = new ArrayList<>();
        SmtpFailure failure;
        int refuseAfter = Integer.MAX_VALUE;
        int begun;

        @Override
        public synchronized Optional<MailDispatcher.Leave> advance(
                MailDispatcher.Outcome previous, MailDispatcher.Outgoing next) {
            String step = previous == null
                    ? ""
                    : (previous.accepted() ? "accepted " : "failed ")
                            + previous.letter().deliveryId() + " "
                            + (previous.accepted()
                                    ? previous.reply()
                                    : previous.failure().message());
            if (next != null) {
                if (begun == refuseAfter) {
                    steps.add(step + " refused " + next.deliveryId());
                    return Optional.empty();
                }
                begun++;
                step = (step.isEmpty() ? "" : step + " then ") + "begin " + next.deliveryId();
            }
            steps.add(step);
            return Optional.of(new MailDispatcher.Leave(null, null));
        }

        @Override
        public synchronized void unreachable(List<MailDispatcher.Outgoing> letters, SmtpFailure failure) {
            this.failure = failure;
            steps.add("unreachable "
                    + String.join(
                            ",",
                            letters.stream()
                                    .map(l -> String.valueOf(l.deliveryId()))
                                    .toList()));
        }
    }
}
