package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.boundary.Channel;
import dev.herald.access.control.LockoutPolicy;
import dev.herald.access.control.PasswordHasher;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.testing.InContainerTest;
import dev.herald.testing.TestDeployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The check behind both identity stores, in the real server: PBKDF2 through the container's
 * Pbkdf2PasswordHash, groups from roles, lock-out counted in the database.
 */
@InContainerTest
class AuthenticationServiceIT {

    private static final String PASSWORD = "correct horse battery staple";

    @Deployment
    static EnterpriseArchive deployment() {
        return TestDeployments.heraldWith(AuthenticationServiceIT.class);
    }

    @Inject
    AuthenticationService authentication;

    @Inject
    PasswordHasher passwordHasher;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Test
    void theRightPasswordSignsInWithTheGroupsOfTheRoles() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);

        Authentication result =
                authentication.authenticate("  " + username.toUpperCase() + " ", PASSWORD, Channel.CONSOLE, "10.0.0.1");

        assertThat(result.outcome()).isEqualTo(Authentication.Outcome.VALID);
        assertThat(result.username()).isEqualTo(username);
        assertThat(result.groups())
                .contains(SecurityRoles.STAFF, SecurityRoles.MANAGE_USERS, SecurityRoles.MANAGE_SCHEDULES)
                .doesNotContain(SecurityRoles.MANAGE_ROLES, SecurityRoles.COLLECT_REPORTS);
        assertThat(passwordHasher.hash(PASSWORD)).startsWith("PBKDF2WithHmacSHA512:210000:");
    }

    @Test
    void aPartnerIsNotStaff() throws Exception {
        String username = newUser(Role.COLLECT_REPORTS, true);

        Authentication result = authentication.authenticate(username, PASSWORD, Channel.PORTAL, "10.0.0.2");

        assertThat(result.groups()).containsExactly(SecurityRoles.COLLECT_REPORTS);
    }

    @Test
    void aWrongPasswordAnUnknownUserAndADisabledAccountAreRefusedAlike() throws Exception {
        String enabled = newUser(Role.ADMINISTRATOR, true);
        String disabled = newUser(Role.ADMINISTRATOR, false);

        assertThat(authentication.authenticate(enabled, "wrong password!", Channel.API, "10.0.0.3"))
                .isEqualTo(Authentication.invalid());
        assertThat(authentication.authenticate("nobody-" + UUID.randomUUID(), PASSWORD, Channel.API, "10.0.0.3"))
                .isEqualTo(Authentication.invalid());
        assertThat(authentication.authenticate(disabled, PASSWORD, Channel.API, "10.0.0.3"))
                .isEqualTo(Authentication.invalid());
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);

        for (int attempt = 1; attempt < LockoutPolicy.MAX_FAILURES; attempt++) {
            assertThat(authentication
                            .authenticate(username, "guess " + attempt, Channel.CONSOLE, "10.0.0.4")
                            .outcome())
                    .isEqualTo(Authentication.Outcome.INVALID);
        }
        Authentication fifth = authentication.authenticate(username, "guess 5", Channel.CONSOLE, "10.0.0.4");
        Authentication afterwards = authentication.authenticate(username, PASSWORD, Channel.CONSOLE, "10.0.0.4");

        assertThat(fifth.outcome()).isEqualTo(Authentication.Outcome.LOCKED);
        assertThat(afterwards.outcome()).isEqualTo(Authentication.Outcome.LOCKED);
        long lockAudits = em.createQuery(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.actor = :actor AND e.action = 'user.locked'",
                        Long.class)
                .setParameter("actor", username)
                .getSingleResult();
        assertThat(lockAudits).isEqualTo(1);
    }

    private String newUser(String roleName, boolean enabled) throws Exception {
        String username = "it-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.begin();
        UserAccount user = new UserAccount(
                username, "IT " + roleName, username + "@example.org", passwordHasher.hash(PASSWORD), Instant.now());
        user.setEnabled(enabled);
        user.getRoles()
                .add(em.createNamedQuery(Role.BY_NAME, Role.class)
                        .setParameter("name", roleName)
                        .getSingleResult());
        em.persist(user);
        transaction.commit();
        return username;
    }
}
