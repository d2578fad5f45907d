package dev.herald.mail.control;

import dev.herald.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Sends the {@link Notices} that are due, a few at a time, on a pooled thread (never the scheduler's
 * clock): one pass at a time per instance, each notice claimed in the database first so that two
 * instances never send the same one.
 */
@ApplicationScoped
public class NoticeSender {

    private static final Logger LOG = Logger.getLogger(NoticeSender.class.getName());
    private static final int BATCH = 50;
    /** A notice SENDING for longer than this was left by a stopped instance (the SMTP time-outs are far shorter). */
    private static final Duration ABANDONED = Duration.ofMinutes(10);
    /** Notices wait out longer outages than deliveries: telling people is what they are for. */
    private static final int MIN_TRIES = 20;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource(lookup = "mail/herald")
    Session mailSession;

    @Resource
    ManagedExecutorService executor;

    @Inject
    DeliverySettings delivery;

    @Inject
    MailHealth health;

    @Inject
    Clock clock;

    private final AtomicBoolean sending = new AtomicBoolean();

    /** Starts a pass over the due notices unless one is under way; returns at once. */
    public void sendDue() {
        if (!sending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    pass();
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Sending notices failed; the next pass tries again", e);
                } finally {
                    sending.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            sending.set(false);
        }
    }

    void pass() throws SQLException {
        Instant now = clock.instant();
        List<Notices.Outgoing> due = Jdbc.inTransaction(dataSource, c -> {
            int abandoned = Notices.markInDoubt(c, now.minus(ABANDONED), now);
            if (abandoned > 0) {
                LOG.warning(() -> abandoned + " notices were being sent by a stopped instance; marked in doubt");
            }
            return Notices.claimDue(c, BATCH, now);
        });
        if (due.isEmpty()) {
            return;
        }
        RetryPolicy policy = delivery.retryPolicy();
        RetryPolicy retry = new RetryPolicy(policy.initial(), Math.max(MIN_TRIES, policy.maxTries()));
        Session session = SmtpSessions.forSending(mailSession);
        Transport transport = null;
        int accepted = 0;
        SmtpFailure serverFailure = null;
        try {
            for (Notices.Outgoing notice : due) {
                SmtpFailure failure;
                if (serverFailure != null && serverFailure.connectionLost() && transport == null) {
                    failure = serverFailure; // the server could not be reached for the previous one either
                } else {
                    try {
                        if (transport == null) {
                            transport = session.getTransport("smtp");
                            try {
                                transport.connect();
                            } catch (MessagingException e) {
                                transport = null;
                                throw new ConnectFailed(e);
                            }
                        }
                        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(notice.mime()));
                        transport.sendMessage(message, new InternetAddress[] {new InternetAddress(notice.recipient())});
                        Instant at = clock.instant();
                        Jdbc.inTransaction(dataSource, c -> {
                            Notices.sent(c, notice.id(), at);
                            return null;
                        });
                        accepted++;
                        continue;
                    } catch (ConnectFailed e) {
                        failure = SmtpFailure.connecting(e.cause);
                    } catch (MessagingException e) {
                        failure = SmtpFailure.of(e);
                        if (failure.connectionLost()) {
                            MailDispatcher.close(transport);
                            transport = null;
                        }
                    }
                }
                if (!failure.permanent() || failure.configuration()) {
                    serverFailure = failure;
                }
                SmtpFailure why = failure;
                Instant at = clock.instant();
                Jdbc.inTransaction(dataSource, c -> {
                    Notices.failed(c, notice, why, retry, at);
                    return null;
                });
            }
        } finally {
            MailDispatcher.close(transport);
        }
        health.observe(accepted, serverFailure);
        int sent = accepted;
        LOG.info(() -> "Notices: " + sent + " of " + due.size() + " sent");
    }

    private static final class ConnectFailed extends Exception {
        final MessagingException cause;

        ConnectFailed(MessagingException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
