package dev.herald.mail.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.MailHealth;
import dev.herald.mail.control.SmtpFailure;
import dev.herald.mail.control.SmtpSessions;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * The mail server in use, for staff (host, port, TLS, user, sender; never the password), and a test
 * e-mail to an address typed in the console, sent at once with short time-outs so that the page
 * answers within seconds whatever the server does.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MailServerService {

    private static final Logger LOG = Logger.getLogger(MailServerService.class.getName());
    private static final String CONNECT_TIMEOUT_MILLIS = "5000";
    private static final String READ_TIMEOUT_MILLIS = "10000";

    @Resource(lookup = "mail/herald")
    Session mailSession;

    @Inject
    SettingsService settings;

    @Inject
    MailHealth health;

    @Inject
    Clock clock;

    @RolesAllowed(SecurityRoles.STAFF)
    public MailServerView server() {
        Properties p = mailSession.getProperties();
        boolean ssl = "true".equalsIgnoreCase(p.getProperty("mail.smtp.ssl.enable"));
        boolean startTlsRequired = "true".equalsIgnoreCase(p.getProperty("mail.smtp.starttls.required"));
        boolean startTls = "true".equalsIgnoreCase(p.getProperty("mail.smtp.starttls.enable"));
        String tls = ssl
                ? "TLS from the start (SMTPS)"
                : startTlsRequired ? "STARTTLS, required" : startTls ? "STARTTLS when offered" : "none";
        boolean auth = "true".equalsIgnoreCase(p.getProperty("mail.smtp.auth"));
        String user = p.getProperty("mail.smtp.user", p.getProperty("mail.user"));
        MailHealth.State state = health.state();
        return new MailServerView(
                p.getProperty("mail.smtp.host", p.getProperty("mail.host", "localhost")),
                Integer.parseInt(p.getProperty("mail.smtp.port", ssl ? "465" : "25")),
                tls,
                auth ? user : null,
                sender().getAddress(),
                state.failing() ? "FAILING" : "OK",
                state.lastSuccessAt(),
                state.lastFailureAt(),
                state.lastFailure(),
                state.consecutiveFailures(),
                state.incidentSince(),
                state.incidentReason(),
                state.deliveriesWaiting(),
                state.noticesWaiting());
    }

    /** Sends a test e-mail now; a bad address is a 400 on field {@code to}, a refusing server an answer saying why. */
    @RolesAllowed(SecurityRoles.MANAGE_SETTINGS)
    public TestMailResult sendTest(String to) {
        String address = to == null ? "" : to.strip();
        if (address.isEmpty() || address.length() > 320 || !EmailAddresses.isValid(address)) {
            throw ValidationException.of("to", "Type one e-mail address, such as you@example.org.");
        }
        Properties properties = new Properties();
        properties.putAll(mailSession.getProperties());
        properties.setProperty("mail.smtp.connectiontimeout", CONNECT_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", READ_TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", READ_TIMEOUT_MILLIS);
        Session session = SmtpSessions.forSending(Session.getInstance(properties));
        long started = System.nanoTime();
        Transport transport = null;
        try {
            InternetAddress from = sender();
            String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
            message.setSubject("Herald test e-mail", StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(
                    "This is a test e-mail from Herald for "
                            + settings.organisation().clientName()
                            + ". If you can read it, Herald's mail settings work.\n",
                    StandardCharsets.UTF_8.name());
            message.saveChanges();
            message.setHeader("Message-ID", "<herald.test." + UUID.randomUUID() + "@" + domain + ">");
            transport = session.getTransport("smtp");
            try {
                transport.connect();
            } catch (MessagingException e) {
                return failed(address, SmtpFailure.connecting(e), started);
            }
            transport.sendMessage(message, message.getAllRecipients());
            String reply = transport instanceof SMTPTransport smtp ? smtp.getLastServerResponse() : null;
            health.observe(1, null);
            LOG.info(() -> "Test e-mail to " + address + " accepted");
            return new TestMailResult(address, true, reply == null ? null : reply.strip(), null, millis(started));
        } catch (MessagingException e) {
            return failed(address, SmtpFailure.of(e), started);
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.fine(() -> "Closing the SMTP connection failed: " + e.getMessage());
                }
            }
        }
    }

    private TestMailResult failed(String address, SmtpFailure failure, long started) {
        if (!failure.permanent() || failure.configuration()) {
            health.observe(0, failure);
        }
        LOG.info(() -> "Test e-mail to " + address + " not sent: " + failure.message());
        return new TestMailResult(address, false, null, failure.message(), millis(started));
    }

    private InternetAddress sender() {
        OrganisationView organisation = settings.organisation();
        return MailComposer.sender(organisation.fromAddress(), mailSession);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
