package dev.herald.mail.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends e-mails over a few SMTP connections kept open for all of them (four by default, each
 * carrying one message after another), opening a new one only when the server drops one. Before
 * each message a connection asks the journal for leave to send, and the journal records that
 * connection's previous outcome in the same breath: one short transaction per message, and at most
 * one message per connection whose fate an instance that dies leaves unrecorded.
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

    /**
     * What a dispatch did: messages accepted and failed, connections opened, whether it stopped
     * early, and the last failure that was the server's or the settings' (not one recipient's), if any.
     */
    public record Summary(int accepted, int failed, int connections, boolean stopped, SmtpFailure serverFailure) {}

    private final Session session;
    private final Executor executor;
    private final int connections;

    /** A dispatcher that sends over one connection, on the calling thread. */
    public MailDispatcher(Session session) {
        this(session, Runnable::run, 1);
    }

    /**
     * A dispatcher that sends over up to {@code connections} connections at once: one on the calling
     * thread, the others on threads of the executor. It returns when all are done.
     */
    public MailDispatcher(Session session, Executor executor, int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("At least one connection is needed, not " + connections);
        }
        this.session = session;
        this.executor = executor;
        this.connections = connections;
    }

    public Summary send(List<Outgoing> letters, Messages messages, Journal journal) throws InterruptedException {
        Dispatch dispatch = new Dispatch(new ConcurrentLinkedDeque<>(letters), messages, journal);
        int lanes = Math.max(1, Math.min(connections, letters.size()));
        dispatch.live.set(lanes);
        CountDownLatch others = new CountDownLatch(lanes - 1);
        for (int i = 1; i < lanes; i++) {
            executor.execute(() -> {
                try {
                    dispatch.lane();
                } finally {
                    others.countDown();
                }
            });
        }
        // The calling thread is a lane too: a busy executor slows a dispatch down, never stops it.
        dispatch.lane();
        others.await();
        return new Summary(
                dispatch.accepted.get(),
                dispatch.failed.get(),
                dispatch.opened.get(),
                dispatch.stopped.get(),
                dispatch.serverFailure.get());
    }

    /** One dispatch: a queue of letters that its lanes take from, one SMTP connection each. */
    private final class Dispatch {
        final Deque<Outgoing> queue;
        final Messages messages;
        final Journal journal;
        final AtomicInteger live = new AtomicInteger();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicReference<SmtpFailure> serverFailure = new AtomicReference<>();

        Dispatch(Deque<Outgoing> queue, Messages messages, Journal journal) {
            this.queue = queue;
            this.messages = messages;
            this.journal = journal;
        }

        /**
         * Sends letters from the queue until it is empty or leave is refused. A lane that cannot
         * connect leaves the queue to the others; the last one standing records what is left as
         * unreachable.
         */
        void lane() {
            Transport transport = null;
            Outcome pending = null;
            boolean counted = false;
            try {
                Outgoing letter;
                while (!stopped.get() && (letter = queue.poll()) != null) {
                    if (transport == null || !transport.isConnected()) {
                        close(transport);
                        transport = null;
                        try {
                            transport = session.getTransport("smtp");
                            transport.connect();
                            opened.incrementAndGet();
                        } catch (MessagingException e) {
                            transport = null;
                            queue.addFirst(letter);
                            if (pending != null) {
                                journal.advance(pending, null);
                                pending = null;
                            }
                            counted = true;
                            if (live.decrementAndGet() == 0) {
                                unreachable(SmtpFailure.connecting(e));
                            }
                            return;
                        }
                    }
                    Optional<Leave> leave = journal.advance(pending, letter);
                    pending = null;
                    if (leave.isEmpty()) {
                        stopped.set(true);
                        break;
                    }
                    try {
                        MimeMessage message = messages.of(letter, leave.get());
                        transport.sendMessage(message, message.getAllRecipients());
                        pending = new Outcome(letter, reply(transport), null);
                        accepted.incrementAndGet();
                    } catch (MessagingException | RuntimeException e) {
                        SmtpFailure failure = SmtpFailure.of(e);
                        pending = new Outcome(letter, null, failure);
                        failed.incrementAndGet();
                        if (!failure.permanent() || failure.configuration()) {
                            serverFailure.set(failure);
                        }
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
                if (!counted) {
                    live.decrementAndGet();
                }
            }
        }

        private void unreachable(SmtpFailure failure) {
            List<Outgoing> rest = new ArrayList<>();
            Outgoing letter;
            while ((letter = queue.poll()) != null) {
                rest.add(letter);
            }
            serverFailure.set(failure);
            if (!rest.isEmpty()) {
                journal.unreachable(rest, failure);
                failed.addAndGet(rest.size());
                LOG.info(() -> rest.size() + " e-mails not sent: " + failure.message());
            }
        }
    }

    private static String reply(Transport transport) {
        if (transport instanceof SMTPTransport smtp) {
            String response = smtp.getLastServerResponse();
            return response == null ? null : response.strip();
        }
        return null;
    }

    /** Closes a connection, if open; a failure to close says nothing about what was sent. */
    static void close(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "Closing the SMTP connection failed: " + e.getMessage());
            }
        }
    }
}
