package dev.herald.access.boundary;

import dev.herald.access.control.ClientAddress;
import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.SecurityGroups;
import dev.herald.access.control.SignInCounters.Admission;
import dev.herald.access.control.SignInCounters.Started;
import dev.herald.access.control.SignInThrottle;
import dev.herald.access.control.SignInThrottles;
import dev.herald.access.control.TokenSecrets;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.control.VerifiedPasswords;
import dev.herald.access.entity.ApiToken;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks passwords and API tokens for the identity stores of the console, the portal and the API,
 * and tells the console's and portal's guards whether a session may go on.
 *
 * <p>A person signs in with their user name or their e-mail address (e-mails with links ask them to
 * sign in as the address they were sent to). A name that is one account's user name and another's
 * address signs in to neither and is refused like any failed sign-in: guessing which was meant could
 * hand one person's reports to another.
 *
 * <p>Password sign-ins are throttled by {@link SignInThrottle}. Every refusal looks and costs the
 * same, whether the user is unknown, the password wrong, the account disabled or the attempt
 * blocked: one {@link Authentication#invalid()} answer after one full PBKDF2 verification. Only the
 * audit log keeps the real reason. Successful API calls do not write on every request: the last-use
 * time is kept to the minute.
 *
 * <p>An API call with HTTP Basic whose user name and password were verified in the last minute on
 * this instance ({@link ApiSignIns}) skips the PBKDF2 verification when one read of the account's
 * row finds it unchanged since, enabled, and not blocked from the caller's address; anything else goes
 * the whole way as above. Such a call does not move the account's last sign-in time: the next full
 * verification does, at most a minute later.
 *
 * <p>Basic calls with the same name and password that arrive together while nothing is remembered
 * share one full verification ({@link VerifiedPasswords#begin}): the others wait for it (a few
 * seconds at most) and are answered as above from what it remembered, which it does only once its
 * transaction has committed. After its failure, or when the wait runs out, each goes the whole way
 * itself and is counted. An attempt refused only because attempts still being checked have taken
 * the throttle's room is answered as every refusal, but is no failure and starts no block.
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
    SignInThrottles throttles;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    ApiSignIns apiSignIns;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public Authentication authenticate(String username, String password, Channel channel, String remoteAddress) {
        String name = Objects.requireNonNullElse(UserAccount.normalizeUsername(username), "");
        String address = ClientAddress.group(remoteAddress);
        if (channel != Channel.API) {
            return verify(name, password, channel, remoteAddress, address, null);
        }
        Optional<Authentication> remembered = recall(name, password, address);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        VerifiedPasswords<Authentication>.Turn turn = apiSignIns.verified().begin(name, password);
        if (!turn.leads()) {
            // The same name and password are being verified now: its answer, once committed, is ours.
            if (turn.awaitSuccess()) {
                remembered = recall(name, password, address);
                if (remembered.isPresent()) {
                    return remembered.get();
                }
            }
            // Its verification failed, no longer holds, or is taking too long: the whole way, counted.
            return verify(name, password, channel, remoteAddress, address, turn);
        }
        try {
            // Remembered between the first look and leading, by a verification that has just ended.
            remembered = recall(name, password, address);
            if (remembered.isPresent()) {
                turn.found();
                return remembered.get();
            }
            return verify(name, password, channel, remoteAddress, address, turn);
        } finally {
            // Unless its answer is to be remembered when the transaction commits (refused, failed,
            // not to be remembered, or an exception): whoever waits for it goes the whole way.
            turn.release();
        }
    }

    /**
     * The full verification: throttled, PBKDF2, audited. For the API, a right password is remembered
     * through the turn once this transaction has committed (see {@link #rememberAfterCommit}).
     */
    private Authentication verify(
            String name,
            String password,
            Channel channel,
            String remoteAddress,
            String address,
            VerifiedPasswords<Authentication>.Turn turn) {
        UserAccounts.Found lookup = UserAccounts.bySignInName(em, name);
        Optional<UserAccount> found = lookup.account();
        Long userId = found.map(UserAccount::getId).orElse(null);
        Admission admission = throttles.admit(userId, address);
        // The password is checked whatever happens next, against a stand-in hash for an unknown
        // user: each answer costs one verification, so that its time tells nothing.
        boolean passwordRight = found.isPresent()
                ? passwordHasher.verify(password, found.get().getPasswordHash())
                : passwordHasher.verifyNothing(password);
        if (admission.isFull()) {
            return turnAway(name, address, channel, remoteAddress, admission);
        }
        if (admission != Admission.ADMITTED) {
            return refuse(
                    name,
                    userId,
                    address,
                    channel,
                    remoteAddress,
                    "login.refused.blocked",
                    blockReason(admission, address));
        }
        if (lookup.ambiguous()) {
            return refuse(
                    name,
                    null,
                    address,
                    channel,
                    remoteAddress,
                    "login.failed",
                    "the name is one account's user name and another account's e-mail address");
        }
        if (found.isEmpty()) {
            return refuse(name, null, address, channel, remoteAddress, "login.failed", "unknown user");
        }
        if (!passwordRight) {
            return refuse(name, userId, address, channel, remoteAddress, "login.failed", "wrong password");
        }
        UserAccount user = found.get();
        if (!user.isEnabled()) {
            return refuse(name, userId, address, channel, remoteAddress, "login.failed", "account disabled");
        }
        throttles.succeeded(userId, address);
        Instant now = clock.instant();
        // The version of the row whose hash was verified: an entry may only ever name that one.
        long verifiedVersion = user.getVersion();
        boolean wrote = recordSuccess(user, now);
        if (channel.isInteractive()) {
            auditLog.record(AuditRecord.of(user.getUsername(), "login", remoteAddress)
                    .withDetail(
                            name.equals(user.getUsername()) ? channel.name() : channel + ", with the e-mail address"));
        }
        Authentication valid = valid(user);
        // The version as this transaction leaves it (recordSuccess flushed its own change): one more
        // than the verified one after that write, unless someone else changed the account meanwhile.
        long leftAt = wrote ? verifiedVersion + 1 : verifiedVersion;
        if (turn != null && user.getVersion() == leftAt) {
            rememberAfterCommit(turn, userId, leftAt, valid, now);
        }
        return valid;
    }

    /**
     * Remembers the answer once this transaction has committed, and never if it rolls back, so that
     * no one (a sign-in waiting for this verification least of all) is answered from a verification
     * whose transaction did not hold. Without a transaction there is nothing to wait for.
     */
    private void rememberAfterCommit(
            VerifiedPasswords<Authentication>.Turn turn, long userId, long version, Authentication valid, Instant now) {
        if (transactions == null || transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            turn.succeeded(userId, version, valid, now);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    turn.succeeded(userId, version, valid, now);
                } else {
                    turn.failed();
                }
            }
        });
        turn.handOver();
    }

    /**
     * The answer of a full verification of this name and password made a moment ago on this
     * instance, when the account's row says it still holds; otherwise nothing, and the entry goes.
     */
    private Optional<Authentication> recall(String name, String password, String address) {
        Optional<VerifiedPasswords.Entry<Authentication>> entry =
                apiSignIns.verified().find(name, password, clock.instant());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        if (!throttles.isUnchanged(entry.get().userId(), entry.get().version(), name, address)) {
            apiSignIns.verified().forget(name, password);
            return Optional.empty();
        }
        return Optional.of(entry.get().answer());
    }

    /** Whether a console or portal session that signed in with this stamp may go on (see SessionStamps). */
    public boolean isSessionCurrent(String username, long sessionStamp, String remoteAddress) {
        return throttles.isSessionCurrent(
                UserAccount.normalizeUsername(username), sessionStamp, ClientAddress.group(remoteAddress));
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
        if (!owner.isEnabled()) {
            auditLog.record(AuditRecord.of(owner.getUsername(), "token.refused", remoteAddress)
                    .about("apiToken", token.getId())
                    .withDetail("owner disabled"));
            return Authentication.invalid();
        }
        if (token.getLastUsedAt() == null
                || token.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            token.setLastUsedAt(now);
        }
        return valid(owner);
    }

    /**
     * Counts a refused attempt, audits its real reason and any block it starts, and answers as every
     * refusal does.
     */
    private Authentication refuse(
            String name,
            Long userId,
            String address,
            Channel channel,
            String remoteAddress,
            String action,
            String reason) {
        List<Started> blocks = throttles.failed(userId, address);
        auditLog.record(AuditRecord.of(name, action, remoteAddress).withDetail(channel + ": " + reason));
        for (Started block : blocks) {
            AuditRecord record = block.isAddressBlock()
                    ? AuditRecord.of(name, "address.blocked", remoteAddress)
                            .about("address", address)
                            .withDetail(SignInThrottle.ADDRESS_FAILURES + " failed sign-ins from " + address
                                    + " within " + SignInThrottle.WINDOW.toMinutes() + " minutes; blocked until "
                                    + block.until())
                    : AuditRecord.of(name, "user.blocked", remoteAddress)
                            .about("user", block.userId())
                            .withDetail(SignInThrottle.ACCOUNT_FAILURES + " failed sign-ins from " + address
                                    + " within " + SignInThrottle.WINDOW.toMinutes() + " minutes; blocked from "
                                    + address + " until " + block.until());
            auditLog.record(record);
        }
        return Authentication.invalid();
    }

    /**
     * An attempt refused only because attempts still being checked have taken the window's room:
     * audited, answered as every refusal is, but not counted as a failure, so that it starts no block.
     */
    private Authentication turnAway(
            String name, String address, Channel channel, String remoteAddress, Admission admission) {
        String reason = admission == Admission.ADDRESS_FULL
                ? "too many sign-ins from " + address + " being checked at once"
                : "too many sign-ins for this account from " + address + " being checked at once";
        auditLog.record(
                AuditRecord.of(name, "login.refused.busy", remoteAddress).withDetail(channel + ": " + reason));
        return Authentication.invalid();
    }

    private static String blockReason(Admission admission, String address) {
        return admission == Admission.ADDRESS_BLOCKED
                ? "too many failed sign-ins from " + address
                : "too many failed sign-ins for this account from " + address;
    }

    /** Keeps the last sign-in time to the minute; answers whether it wrote the account's row. */
    private boolean recordSuccess(UserAccount user, Instant now) {
        if (user.getLastLoginAt() == null
                || user.getLastLoginAt().plus(LAST_USE_PRECISION).isBefore(now)) {
            em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
            user.setLastLoginAt(now);
            // Written now, so that the version the caller reads is the one the row will have.
            em.flush();
            return true;
        }
        return false;
    }

    private static Authentication valid(UserAccount user) {
        return new Authentication(
                Authentication.Outcome.VALID,
                user.getUsername(),
                user.getDisplayName(),
                SecurityGroups.of(
                        user.permissions(),
                        user.getRoles().stream().anyMatch(role -> Role.SUPER_ADMINISTRATOR.equals(role.getName()))),
                user.isMustChangePassword(),
                user.getSessionStamp());
    }
}
