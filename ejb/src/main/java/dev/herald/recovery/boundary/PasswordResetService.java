package dev.herald.recovery.boundary;

import dev.herald.access.boundary.ApiSignIns;
import dev.herald.access.control.ClientAddress;
import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.PasswordPolicy;
import dev.herald.access.control.PasswordResetRules;
import dev.herald.access.control.PasswordResetRules.Decision;
import dev.herald.access.control.SignInThrottles;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.PasswordReset;
import dev.herald.access.entity.Permission;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.Notices;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.Jdbc;
import dev.herald.platform.control.PublicLinks;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Forgotten passwords, for partners: a request mails a one-time link to the account's address, the
 * link's page sets a new password. Whoever asks hears the same thing whether or not a link went out
 * (only the audit log says why not), so the page tells nobody which names or addresses exist.
 *
 * <p>The e-mail is stored as a notice in the request's transaction and sent by {@code NoticeSender}
 * on a pooled thread right after the commit, so that no request waits for a mail server, and a mail
 * server that is down delays the link rather than losing it. Staff accounts get no link: a link
 * would make a mailbox the key to the console, and administrators set staff passwords.
 */
@Stateless
@PermitAll
public class PasswordResetService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Resource(lookup = "mail/herald")
    Session mailSession;

    @Inject
    @ConfigProperty(name = "herald.password-reset.lifetime", defaultValue = "PT30M")
    Duration lifetime;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    ApiSignIns apiSignIns;

    @Inject
    SignInThrottles throttles;

    @Inject
    SettingsService settings;

    @Inject
    PublicLinks links;

    @Inject
    AuditLog auditLog;

    @Inject
    Event<ResetMailStored> stored;

    @Inject
    Clock clock;

    /**
     * Mails a new-password link to the account with this user name or e-mail address, when it may
     * have one and neither it nor the client has asked too often; otherwise does nothing the caller
     * can see. Either way it answers nothing.
     */
    public void request(String typed, String remoteAddress) {
        String name = UserAccount.normalizeUsername(typed);
        if (name == null || name.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String address = ClientAddress.group(remoteAddress);
        boolean clientOverLimit = countRequest(address, now) > PasswordResetRules.CLIENT_REQUESTS;
        UserAccounts.Found found =
                clientOverLimit ? new UserAccounts.Found(Optional.empty(), false) : UserAccounts.bySignInName(em, name);
        UserAccount user = found.account().orElse(null);
        long recent = 0;
        if (user != null) {
            // One request at a time per account, so that racing requests cannot pass the limit together.
            em.lock(user, LockModeType.PESSIMISTIC_WRITE);
            recent = em.createNamedQuery(PasswordReset.COUNT_SINCE, Long.class)
                    .setParameter("user", user)
                    .setParameter("since", now.minus(PasswordResetRules.ACCOUNT_WINDOW))
                    .getSingleResult();
        }
        Decision decision = PasswordResetRules.decide(new PasswordResetRules.Request(
                clientOverLimit,
                user != null,
                found.ambiguous(),
                user != null && user.getEmail() != null && !user.getEmail().isBlank(),
                user != null && user.isEnabled(),
                user != null && user.permissions().equals(Set.of(Permission.COLLECT_REPORTS)),
                user != null && blocked(user, address, now),
                recent));
        if (decision != Decision.SEND) {
            auditLog.record(AuditRecord.of(
                            user == null ? name : user.getUsername(), "user.password.reset.refused", remoteAddress)
                    .about("user", user == null ? null : user.getId())
                    .withDetail("No new-password link: " + decision.reason()));
            return;
        }
        em.createNamedQuery(PasswordReset.OPEN_OF_USER, PasswordReset.class)
                .setParameter("user", user)
                .getResultList()
                .forEach(older -> older.end(PasswordReset.Ended.REPLACED, now));
        String secret = PasswordResetRules.newSecret();
        PasswordReset link =
                new PasswordReset(user, PasswordResetRules.digest(secret), address, now, now.plus(lifetime));
        em.persist(link);
        em.flush();
        storeMail(user, secret, link);
        auditLog.record(AuditRecord.of(user.getUsername(), "user.password.reset.request", remoteAddress)
                .about("user", user.getId())
                .withDetail("New-password link " + link.getId() + " mailed to " + user.getEmail() + ", working until "
                        + link.getExpiresAt()));
        stored.fire(new ResetMailStored(link.getId()));
    }

    /** How long a new link works (herald.password-reset.lifetime). */
    public Duration lifetime() {
        return lifetime;
    }

    /** What the link with this secret can do now. */
    public LinkState check(String secret) {
        Optional<PasswordReset> link = find(secret);
        return new LinkState(
                status(link.orElse(null)),
                link.map(l -> l.getUser().getUsername()).orElse(null));
    }

    /**
     * Sets the account's new password with a usable link: the same rules as any password, the link
     * used up, the account's sessions (and any other link) ended, a pending demand to change the
     * password met. A link that does not work changes nothing.
     */
    public void reset(String secret, String newPassword, String remoteAddress) {
        Optional<PasswordReset> found = find(secret);
        if (found.isPresent()) {
            em.lock(found.get().getUser(), LockModeType.PESSIMISTIC_WRITE);
            em.refresh(found.get());
        }
        LinkState.Status status = status(found.orElse(null));
        if (status != LinkState.Status.USABLE) {
            auditLog.record(AuditRecord.of(
                            found.map(l -> l.getUser().getUsername()).orElse(null),
                            "user.password.reset.link.refused",
                            remoteAddress)
                    .about("user", found.map(l -> l.getUser().getId()).orElse(null))
                    .withDetail("A new-password link that is " + status.name().toLowerCase(java.util.Locale.ROOT)
                            + " was used to set a password"));
            throw new LinkRefusedException(status);
        }
        PasswordReset link = found.get();
        UserAccount user = link.getUser();
        PasswordPolicy.problem(newPassword, user.getUsername()).ifPresent(message -> {
            throw ValidationException.of("newPassword", message);
        });
        if (passwordHasher.verify(newPassword, user.getPasswordHash())) {
            throw ValidationException.of("newPassword", "Choose a password different from the current one.");
        }
        Instant now = clock.instant();
        user.setPasswordHash(passwordHasher.hash(newPassword));
        user.setPasswordChangedAt(now);
        user.setMustChangePassword(false);
        user.endSessions();
        apiSignIns.forgetAccount(user.getId());
        link.end(PasswordReset.Ended.USED, now);
        auditLog.record(AuditRecord.of(user.getUsername(), "user.password.reset", remoteAddress)
                .about("user", user.getId())
                .withDetail(user.getUsername() + " chose a new password with new-password link " + link.getId()
                        + "; their sessions end"));
    }

    private Optional<PasswordReset> find(String secret) {
        if (!PasswordResetRules.looksLikeSecret(secret)) {
            return Optional.empty();
        }
        return em.createNamedQuery(PasswordReset.BY_HASH, PasswordReset.class)
                .setParameter("hash", PasswordResetRules.digest(secret))
                .getResultStream()
                .findFirst();
    }

    private LinkState.Status status(PasswordReset link) {
        PasswordResetRules.LinkState state = link == null
                ? PasswordResetRules.LinkState.UNKNOWN
                : PasswordResetRules.state(
                        link, link.getUser().isEnabled(), link.getUser().getSessionStamp(), clock.instant());
        return LinkState.Status.valueOf(state.name());
    }

    /** Whether sign-ins to this account from this client, or from this client at all, are blocked now. */
    private boolean blocked(UserAccount user, String address, Instant now) {
        boolean accountBlocked = throttles.blocks(List.of(user.getId())).getOrDefault(user.getId(), List.of()).stream()
                .anyMatch(block -> block.address().equals(address));
        if (accountBlocked) {
            return true;
        }
        return sql(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT 1 FROM sign_in_address_throttle WHERE address = ? AND blocked_until > ?")) {
                query.setString(1, address);
                Jdbc.setInstant(query, 2, now);
                try (ResultSet row = query.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Records this request and answers how many came from the address within the window, this one included. */
    private long countRequest(String address, Instant now) {
        return sql(c -> {
            try (PreparedStatement forget =
                    c.prepareStatement("DELETE FROM password_reset_request WHERE requested_at < ?")) {
                Jdbc.setInstant(forget, 1, now.minus(PasswordResetRules.KEPT));
                forget.executeUpdate();
            }
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO password_reset_request (address, requested_at) VALUES (?, ?)")) {
                insert.setString(1, address);
                Jdbc.setInstant(insert, 2, now);
                insert.executeUpdate();
            }
            try (PreparedStatement count = c.prepareStatement(
                    "SELECT COUNT(*) FROM password_reset_request WHERE address = ? AND requested_at > ?")) {
                count.setString(1, address);
                Jdbc.setInstant(count, 2, now.minus(PasswordResetRules.CLIENT_WINDOW));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    private void storeMail(UserAccount user, String secret, PasswordReset link) {
        OrganisationView organisation = settings.organisation();
        InternetAddress from = MailComposer.sender(organisation.fromAddress(), mailSession);
        String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
        String messageId = "<herald.password-reset." + link.getId() + "@" + domain + ">";
        sql(c -> {
            try {
                return Notices.add(
                        c,
                        Notices.Kind.PASSWORD_RESET,
                        null,
                        user.getEmail(),
                        new MailComposer(mailSession, from)
                                .passwordReset(
                                        user.getEmail(),
                                        organisation.clientName(),
                                        user.getUsername(),
                                        links.partnerPasswordReset(secret),
                                        link.getExpiresAt().atZone(ZoneId.of(organisation.timeZone())),
                                        messageId),
                        link.getCreatedAt());
            } catch (MessagingException e) {
                throw new IllegalStateException("Could not write the new-password e-mail: " + e.getMessage(), e);
            }
        });
    }

    /** Runs SQL on a connection of the caller's transaction. */
    private <T> T sql(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
