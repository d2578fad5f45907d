package dev.herald.access.boundary;

import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.PasswordPolicy;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;

/** What every signed-in person may do to their own account, in the console, the portal or the API. */
@Stateless
@RolesAllowed({SecurityRoles.STAFF, SecurityRoles.COLLECT_REPORTS})
public class AccountService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    ApiSignIns apiSignIns;

    /** Whether the caller still has to replace a password that staff set for them. */
    public boolean mustChangePassword() {
        return caller().isMustChangePassword();
    }

    /**
     * Replaces the caller's password after checking the current one. This also ends a
     * must-change-password demand, and the caller's other console and portal sessions: the answer is
     * the new session stamp, for the session that made the change to remember.
     */
    public long changePassword(PasswordChange change, String remoteAddress) {
        UserAccount user = caller();
        ValidationException.Builder problems = ValidationException.builder();
        String current = change == null ? null : change.currentPassword();
        String next = change == null ? null : change.newPassword();
        if (current == null || current.isEmpty()) {
            problems.add("currentPassword", "Enter your current password.");
        } else if (!passwordHasher.verify(current, user.getPasswordHash())) {
            problems.add("currentPassword", "Your current password is not correct.");
        }
        PasswordPolicy.problem(next, user.getUsername()).ifPresent(message -> problems.add("newPassword", message));
        if (next != null && next.equals(current) && !problems.hasErrorOn("newPassword")) {
            problems.add("newPassword", "Choose a password different from the current one.");
        }
        problems.throwIfAny();
        em.lock(user, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        user.setPasswordHash(passwordHasher.hash(next));
        user.setPasswordChangedAt(now);
        user.setMustChangePassword(false);
        user.endSessions();
        apiSignIns.forgetAccount(user.getId());
        auditLog.record(AuditRecord.of(user.getUsername(), "user.password.change", remoteAddress)
                .about("user", user.getId())
                .withDetail(user.getUsername() + " changed their own password"));
        return user.getSessionStamp();
    }

    private UserAccount caller() {
        String username = session.getCallerPrincipal().getName();
        return UserAccounts.byUsername(em, username).orElseThrow(() -> new NotFoundException("user", username));
    }
}
