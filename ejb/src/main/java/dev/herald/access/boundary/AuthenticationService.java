package dev.herald.access.boundary;

import dev.herald.access.control.LockoutPolicy;
import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.SecurityGroups;
import dev.herald.access.control.TokenSecrets;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.ApiToken;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks passwords and API tokens for the identity stores of the console, the portal and the API.
 * Counting failures and locking accounts happen here, under a row lock, so that parallel guesses
 * are all counted. Successful API calls do not write on every request: the last-use time is kept to
 * the minute.
 */
@Stateless
@PermitAll
public class AuthenticationService {

    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    public Authentication authenticate(String username, String password, Channel channel, String remoteAddress) {
        String name = UserAccount.normalizeUsername(username);
        Optional<UserAccount> found = findUser(name);
        if (found.isEmpty()) {
            passwordHasher.verifyNothing(password);
            auditLog.record(AuditRecord.of(name, "login.failed", remoteAddress).withDetail(channel + ": unknown user"));
            return Authentication.invalid();
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.isLockedAt(now)) {
            auditLog.record(
                    AuditRecord.of(name, "login.refused.locked", remoteAddress).withDetail(channel.name()));
            return Authentication.locked();
        }
        if (!passwordHasher.verify(password, user.getPasswordHash())) {
            em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            boolean lockedNow = LockoutPolicy.recordFailure(user, now);
            auditLog.record(
                    AuditRecord.of(name, "login.failed", remoteAddress).withDetail(channel + ": wrong password"));
            if (lockedNow) {
                auditLog.record(AuditRecord.of(name, "user.locked", remoteAddress)
                        .about("user", user.getId())
                        .withDetail(LockoutPolicy.MAX_FAILURES + " failed sign-ins; locked until "
                                + user.getLockedUntil()));
                return Authentication.locked();
            }
            return Authentication.invalid();
        }
        if (!user.isEnabled()) {
            auditLog.record(
                    AuditRecord.of(name, "login.failed", remoteAddress).withDetail(channel + ": account disabled"));
            return Authentication.invalid();
        }
        recordSuccess(user, now);
        if (channel.isInteractive()) {
            auditLog.record(AuditRecord.of(name, "login", remoteAddress).withDetail(channel.name()));
        }
        return valid(user);
    }

    public Authentication authenticateToken(String secret, String remoteAddress) {
        if (!TokenSecrets.looksLikeSecret(secret)) {
            auditLog.record(AuditRecord.of(null, "token.refused", remoteAddress).withDetail("malformed token"));
            return Authentication.invalid();
        }
        Instant now = clock.instant();
        Optional<ApiToken> found = em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", TokenSecrets.digest(secret))
                .getResultStream()
                .findFirst();
        if (found.isEmpty() || !found.get().isUsableAt(now)) {
            auditLog.record(AuditRecord.of(null, "token.refused", remoteAddress)
                    .withDetail(
                            found.isEmpty()
                                    ? "unknown token"
                                    : "revoked or expired token " + found.get().getId()));
            return Authentication.invalid();
        }
        ApiToken token = found.get();
        UserAccount owner = token.getOwner();
        if (!owner.isEnabled() || owner.isLockedAt(now)) {
            auditLog.record(AuditRecord.of(owner.getUsername(), "token.refused", remoteAddress)
                    .about("apiToken", token.getId())
                    .withDetail("owner disabled or locked"));
            return Authentication.invalid();
        }
        if (token.getLastUsedAt() == null
                || token.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            token.setLastUsedAt(now);
        }
        return valid(owner);
    }

    private Optional<UserAccount> findUser(String username) {
        return UserAccounts.byUsername(em, username);
    }

    private void recordSuccess(UserAccount user, Instant now) {
        boolean hadFailures = user.getFailedLogins() > 0 || user.getLockedUntil() != null;
        boolean lastLoginStale = user.getLastLoginAt() == null
                || user.getLastLoginAt().plus(LAST_USE_PRECISION).isBefore(now);
        if (hadFailures || lastLoginStale) {
            em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            LockoutPolicy.recordSuccess(user);
            user.setLastLoginAt(now);
        }
    }

    private static Authentication valid(UserAccount user) {
        return new Authentication(
                Authentication.Outcome.VALID,
                user.getUsername(),
                user.getDisplayName(),
                SecurityGroups.of(
                        user.permissions(),
                        user.getRoles().stream().anyMatch(role -> Role.SUPER_ADMINISTRATOR.equals(role.getName()))),
                user.isMustChangePassword());
    }
}
