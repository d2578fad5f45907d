package dev.herald.delivery.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends e-mails one after another over one SMTP connection, opening a new one only when the server
 * drops it. Before each message it asks the journal for leave to send, and the journal records the
 * previous message's outcome in the same breath: one short transaction per message, and at most one
 * message at a time whose fate an instance that dies leaves unrecorded.
 */
public final class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());

    /**
     * One e-mail to send: its delivery row and item, to whom, with which Message-ID, as a link (and
     * why) or an attachment, and how often it has been tried in this round.
     */
    public record Outgoing(
            long deliveryId,
            long itemId,
            String recipient,
            String messageId,
            boolean asLink,
            String linkReason,
            int tries) {}

    /** Leave to send: for a link, the new token that the e-mail must carry, and its expiry. */
    public record Leave(String linkToken, Instant linkExpiresAt) {}

    /** How one send ended: accepted with the server's reply, or failed. */
    public record Outcome(Outgoing letter, String reply, SmtpFailure failure) {

        public boolean accepted() {
            return failure == null;
        }
    }

    /** Where the dispatcher records what it does. */
    public interface Journal {

        /**
         * Records the previous outcome (if any) and, if {@code next} is not null, marks it as being
         * sent. Empty when {@code next} must not be sent: the run was cancelled or is no longer
         * this instance's. Both happen in one transaction.
         */
        Optional<Leave> advance(Outcome previous, Outgoing next);

        /** Records that these e-mails could not be tried: the server could not be reached. */
        void unreachable(List<Outgoing> letters, SmtpFailure failure);
    }

    /** Makes the message of an e-mail once leave to send it is given. */
    @FunctionalInterface
    public interface Messages {
        MimeMessage of(Outgoing letter, Leave leave) throws MessagingException;
    }

    /** What a dispatch did: messages accepted and failed, connections opened, and whether it stopped early. */
    public record Summary(int accepted, int failed, int connections, boolean stopped) {}

    private final Session session;

    public MailDispatcher(Session session) {
        this.session = session;
    }

    public Summary send(List<Outgoing> letters, Messages messages, Journal journal) {
        Transport transport = null;
        Outcome pending = null;
        int accepted = 0;
        int failed = 0;
        int connections = 0;
        boolean stopped = false;
        try {
            for (int i = 0; i < letters.size(); i++) {
                Outgoing letter = letters.get(i);
                if (transport == null || !transport.isConnected()) {
                    close(transport);
                    try {
                        transport = session.getTransport("smtp");
                        transport.connect();
                        connections++;
                    } catch (MessagingException e) {
                        transport = null;
                        SmtpFailure failure = SmtpFailure.unreachable(e);
                        if (pending != null) {
                            journal.advance(pending, null);
                            pending = null;
                        }
                        List<Outgoing> rest = letters.subList(i, letters.size());
                        journal.unreachable(rest, failure);
                        failed += rest.size();
                        LOG.info(() -> rest.size() + " e-mails not sent: " + failure.message());
                        break;
                    }
                }
                Optional<Leave> leave = journal.advance(pending, letter);
                pending = null;
                if (leave.isEmpty()) {
                    stopped = true;
                    break;
                }
                try {
                    MimeMessage message = messages.of(letter, leave.get());
                    transport.sendMessage(message, message.getAllRecipients());
                    pending = new Outcome(letter, reply(transport), null);
                    accepted++;
                } catch (MessagingException | RuntimeException e) {
                    SmtpFailure failure = SmtpFailure.of(e);
                    pending = new Outcome(letter, null, failure);
                    failed++;
                    if (failure.connectionLost()) {
                        close(transport);
                        transport = null;
                    }
                }
            }
        } finally {
            if (pending != null) {
                journal.advance(pending, null);
            }
            close(transport);
        }
        return new Summary(accepted, failed, connections, stopped);
    }

    private static String reply(Transport transport) {
        if (transport instanceof SMTPTransport smtp) {
            String response = smtp.getLastServerResponse();
            return response == null ? null : response.strip();
        }
        return null;
    }

    private static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "Closing the SMTP connection failed: " + e.getMessage());
            }
        }
    }
}
