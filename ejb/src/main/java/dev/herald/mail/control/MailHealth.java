package dev.herald.mail.control;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.control.HealthIndicator;
import dev.herald.platform.control.Jdbc;
import dev.herald.platform.control.PublicLinks;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * How Herald's e-mail is doing, as every instance sees it (one row, {@code mail_health}): the last
 * success and failure, failures in a row, and the open incident. An incident opens at the first
 * fault of the settings (TLS, certificate, sign-in, host name) or after {@value #FAILURES_FOR_INCIDENT}
 * failed sends in a row; the first instance to open it tells the administrators, once, by a
 * {@link Notices notice} that waits for the mail server like any other. The first success closes it.
 *
 * <p>Successes are written at most every few seconds while nothing is wrong, so that a storm of
 * runs does not queue on this one row.
 */
@ApplicationScoped
public class MailHealth implements HealthIndicator {

    private static final Logger LOG = Logger.getLogger(MailHealth.class.getName());
    static final int FAILURES_FOR_INCIDENT = 10;
    private static final Duration SUCCESS_WRITES = Duration.ofSeconds(5);

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource(lookup = "mail/herald")
    Session mailSession;

    @Inject
    SettingsService settings;

    @Inject
    PublicLinks links;

    @Inject
    Clock clock;

    /** False once this instance saw a failure, until it wrote a success. */
    private volatile boolean clean;

    private volatile Instant successWritten = Instant.EPOCH;

    /** The state of mail, for health and the console. */
    public record State(
            Instant lastSuccessAt,
            Instant lastFailureAt,
            String lastFailure,
            int consecutiveFailures,
            Instant incidentSince,
            String incidentReason,
            long deliveriesWaiting,
            long noticesWaiting) {

        public boolean failing() {
            return incidentSince != null
                    || (consecutiveFailures > 0 && (lastSuccessAt == null || lastFailureAt.isAfter(lastSuccessAt)));
        }
    }

    /**
     * Records how a round of sending went: a failure of the server or the settings, or at least one
     * e-mail accepted. A recipient's own refusal (5xx for one address) says nothing about the server.
     */
    public void observe(int accepted, SmtpFailure serverFailure) {
        try {
            if (serverFailure != null) {
                failed(serverFailure);
            } else if (accepted > 0) {
                succeeded();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record the state of mail: " + e.getMessage(), e);
        }
    }

    private void succeeded() throws SQLException {
        Instant now = clock.instant();
        if (clean && Duration.between(successWritten, now).compareTo(SUCCESS_WRITES) < 0) {
            return;
        }
        Instant closed = Jdbc.inTransaction(dataSource, c -> {
            Instant since = null;
            try (PreparedStatement query =
                    c.prepareStatement("SELECT incident_since FROM mail_health WHERE id = 1 FOR UPDATE")) {
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        since = Jdbc.instant(row, "incident_since");
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE mail_health SET last_success_at = ?, consecutive_failures = 0, incident_since = NULL,"
                            + " incident_reason = NULL, incident_notified_at = NULL WHERE id = 1")) {
                Jdbc.setInstant(update, 1, now);
                update.executeUpdate();
            }
            return since;
        });
        clean = true;
        successWritten = now;
        if (closed != null) {
            LOG.info(() -> "E-mail works again (failing since " + closed + ")");
        }
    }

    private void failed(SmtpFailure failure) throws SQLException {
        clean = false;
        Instant now = clock.instant();
        Jdbc.inTransaction(dataSource, c -> {
            int failures;
            Instant since;
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT consecutive_failures, incident_since FROM mail_health WHERE id = 1 FOR UPDATE")) {
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    failures = row.getInt(1) + 1;
                    since = Jdbc.instant(row, "incident_since");
                }
            }
            boolean opens = since == null && (failure.configuration() || failures >= FAILURES_FOR_INCIDENT);
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE mail_health SET last_failure_at = ?, last_failure = ?, consecutive_failures = ?"
                            + (opens ? ", incident_since = ?, incident_reason = ?, incident_notified_at = ?" : "")
                            + " WHERE id = 1")) {
                Jdbc.setInstant(update, 1, now);
                update.setString(2, truncate(failure.message()));
                update.setInt(3, failures);
                if (opens) {
                    Jdbc.setInstant(update, 4, now);
                    update.setString(5, truncate(failure.message()));
                    Jdbc.setInstant(update, 6, now);
                }
                update.executeUpdate();
            }
            if (opens) {
                int told = tellAdministrators(c, failure.message(), now);
                LOG.warning(() -> "E-mail is failing: " + failure.message() + "; " + told
                        + " administrators will be told once the mail server takes e-mail");
            }
            return null;
        });
    }

    /** Stores one alert per administrator (holders of Manage settings with an address); answers how many. */
    private int tellAdministrators(Connection c, String reason, Instant since) throws SQLException {
        List<String> administrators = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT DISTINCT u.email FROM app_user u"
                + " JOIN user_role ur ON ur.user_id = u.id JOIN role_permission p ON p.role_id = ur.role_id"
                + " WHERE p.permission = 'MANAGE_SETTINGS' AND u.enabled = TRUE AND u.email IS NOT NULL"
                + " AND u.email <> '' ORDER BY u.email")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    administrators.add(rows.getString(1));
                }
            }
        }
        OrganisationView organisation = settings.organisation();
        InternetAddress from = MailComposer.sender(organisation.fromAddress(), mailSession);
        MailComposer composer = new MailComposer(mailSession, from);
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        String messageId = "<herald.mail-alert." + Long.toString(since.toEpochMilli(), 36) + "@" + domain + ">";
        int told = 0;
        for (String administrator : administrators) {
            try {
                if (Notices.add(
                        c,
                        Notices.Kind.MAIL_ALERT,
                        null,
                        administrator,
                        composer.mailAlert(
                                administrator,
                                organisation.clientName(),
                                reason,
                                since.atZone(ZoneId.of(organisation.timeZone())),
                                links.consoleSettings(),
                                messageId),
                        since)) {
                    told++;
                }
            } catch (MessagingException e) {
                LOG.warning(() -> "Could not write the mail alert to " + administrator + ": " + e.getMessage());
            }
        }
        return told;
    }

    public State state() {
        try (Connection c = dataSource.getConnection()) {
            long deliveries = count(c, "SELECT COUNT(*) FROM delivery WHERE status = 'RETRY'");
            long notices = count(c, "SELECT COUNT(*) FROM notice WHERE status IN ('PENDING', 'RETRY')");
            try (PreparedStatement query = c.prepareStatement("SELECT * FROM mail_health WHERE id = 1");
                    ResultSet row = query.executeQuery()) {
                row.next();
                return new State(
                        Jdbc.instant(row, "last_success_at"),
                        Jdbc.instant(row, "last_failure_at"),
                        row.getString("last_failure"),
                        row.getInt("consecutive_failures"),
                        Jdbc.instant(row, "incident_since"),
                        row.getString("incident_reason"),
                        deliveries,
                        notices);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the state of mail: " + e.getMessage(), e);
        }
    }

    @Override
    public Health.Check check() {
        State state = state();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(
                "lastSuccessAt",
                state.lastSuccessAt() == null ? null : state.lastSuccessAt().toString());
        facts.put(
                "lastFailureAt",
                state.lastFailureAt() == null ? null : state.lastFailureAt().toString());
        facts.put("lastFailure", state.lastFailure());
        facts.put("consecutiveFailures", state.consecutiveFailures());
        facts.put("deliveriesWaiting", state.deliveriesWaiting());
        facts.put("noticesWaiting", state.noticesWaiting());
        if (state.incidentSince() != null) {
            return new Health.Check(
                    "mail",
                    Health.Status.DEGRADED,
                    "E-mail is failing since " + state.incidentSince() + ": " + state.incidentReason(),
                    facts);
        }
        if (state.failing()) {
            return new Health.Check(
                    "mail",
                    Health.Status.DEGRADED,
                    state.consecutiveFailures() + " sends failed in a row, the last: " + state.lastFailure(),
                    facts);
        }
        return new Health.Check(
                "mail",
                Health.Status.UP,
                state.lastSuccessAt() == null ? "nothing sent yet" : "last e-mail accepted " + state.lastSuccessAt(),
                facts);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 4000);
    }
}
