package dev.herald.access.boundary;

import dev.herald.access.control.TokenSecrets;
import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.ApiToken;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The caller's own API tokens: make, list, revoke. Any signed-in user may hold tokens; a token
 * carries exactly its owner's permissions, read afresh on every call, so a permission taken from the
 * owner is taken from the token too.
 */
@Stateless
@RolesAllowed({SecurityRoles.STAFF, SecurityRoles.COLLECT_REPORTS})
public class ApiTokenService {

    private static final int MAX_NAME = 100;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    public NewApiToken create(String name, Instant expiresAt, String remoteAddress) {
        UserAccount owner = caller();
        String trimmed = name == null ? "" : name.strip();
        Instant now = clock.instant();
        ValidationException.Builder problems = ValidationException.builder();
        if (trimmed.isEmpty()) {
            problems.add("name", "Give the token a name, so that you can tell it apart later.");
        } else if (trimmed.length() > MAX_NAME) {
            problems.add("name", "A token name has at most " + MAX_NAME + " characters.");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            problems.add("expiresAt", "The expiry must be in the future.");
        } else {
            AcceptedDates.check(expiresAt, "expiresAt", problems);
        }
        problems.throwIfAny();

        String secret = TokenSecrets.newSecret();
        ApiToken token = new ApiToken(
                owner, trimmed, TokenSecrets.digest(secret), TokenSecrets.shownPrefix(secret), now, expiresAt);
        em.persist(token);
        em.flush();
        ApiTokenDetails details = ApiTokenDetails.of(token);
        auditLog.record(AuditRecord.of(owner.getUsername(), "token.create", remoteAddress)
                .about("apiToken", token.getId())
                .withDetail(trimmed)
                .change(null, details));
        return new NewApiToken(details, secret);
    }

    public List<ApiTokenDetails> mine() {
        return em.createNamedQuery(ApiToken.BY_OWNER, ApiToken.class)
                .setParameter("owner", caller())
                .getResultStream()
                .map(ApiTokenDetails::of)
                .toList();
    }

    public ApiTokenDetails revoke(long id, String remoteAddress) {
        UserAccount owner = caller();
        ApiToken token = em.find(ApiToken.class, id);
        if (token == null || !token.getOwner().getId().equals(owner.getId())) {
            throw new NotFoundException("apiToken", id);
        }
        if (token.getRevokedAt() == null) {
            ApiTokenDetails before = ApiTokenDetails.of(token);
            token.setRevokedAt(clock.instant());
            auditLog.record(AuditRecord.of(owner.getUsername(), "token.revoke", remoteAddress)
                    .about("apiToken", id)
                    .withDetail(token.getName())
                    .change(before, ApiTokenDetails.of(token)));
        }
        return ApiTokenDetails.of(token);
    }

    private UserAccount caller() {
        String username = session.getCallerPrincipal().getName();
        return UserAccounts.byUsername(em, username).orElseThrow(() -> new NotFoundException("user", username));
    }
}
