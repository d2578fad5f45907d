package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.boundary.Channel;
import dev.herald.access.control.PasswordHasher;
import dev.herald.access.control.SignInThrottle;
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
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The check behind both identity stores, in the real server: PBKDF2 through the container's
 * Pbkdf2PasswordHash, groups from roles, failures counted in the database per (account, address)
 * and per address, with the address given as the servlet container would give it, and the session
 * check the console's and portal's guards ask at each request.
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
                authentication.authenticate("  " + username.toUpperCase() + " ", PASSWORD, Channel.CONSOLE, ipv4());

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

        Authentication result = authentication.authenticate(username, PASSWORD, Channel.PORTAL, ipv4());

        assertThat(result.groups()).containsExactly(SecurityRoles.COLLECT_REPORTS);
    }

    @Test
    void aWrongPasswordAnUnknownUserADisabledAccountAndABlockedOneAreRefusedAlike() throws Exception {
        String enabled = newUser(Role.ADMINISTRATOR, true);
        String disabled = newUser(Role.ADMINISTRATOR, false);
        String blocked = newUser(Role.ADMINISTRATOR, true);
        String address = ipv4();
        failTimes(blocked, address, SignInThrottle.ACCOUNT_FAILURES);

        assertThat(authentication.authenticate(enabled, "wrong password!", Channel.API, address))
                .isEqualTo(Authentication.invalid());
        assertThat(authentication.authenticate("nobody-" + UUID.randomUUID(), PASSWORD, Channel.API, address))
                .isEqualTo(Authentication.invalid());
        assertThat(authentication.authenticate(disabled, PASSWORD, Channel.API, address))
                .isEqualTo(Authentication.invalid());
        assertThat(authentication.authenticate(blocked, PASSWORD, Channel.API, address))
                .as("the right password, blocked")
                .isEqualTo(Authentication.invalid());
    }

    @Test
    void fiveFailuresFromOneAddressBlockTheAccountThereButNotElsewhere() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);
        String stranger = ipv4();

        failTimes(username, stranger, SignInThrottle.ACCOUNT_FAILURES);

        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.CONSOLE, stranger)
                        .isValid())
                .as("the right password from the guesser's address")
                .isFalse();
        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.CONSOLE, ipv4())
                        .isValid())
                .as("the owner from another address")
                .isTrue();
        assertThat(audits(username, "user.blocked")).isEqualTo(1);
        assertThat(audits(username, "login.refused.blocked")).isEqualTo(1);
        assertThat(audits(username, "login.failed")).isEqualTo(SignInThrottle.ACCOUNT_FAILURES);
    }

    @Test
    void anIPv6NetworkIsCountedAsOneAddress() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);
        String network =
                "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":1:";

        for (int i = 1; i <= SignInThrottle.ACCOUNT_FAILURES; i++) {
            authentication.authenticate(username, "guess " + i, Channel.API, network + "abcd::" + i);
        }

        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.API, network + "ffff::99")
                        .isValid())
                .as("another address of the same /64")
                .isFalse();
        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.API, "2001:db8:ffff:2::1")
                        .isValid())
                .isTrue();
    }

    @Test
    void manyFailuresFromOneAddressBlockItForEveryAccountUnknownNamesIncluded() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);
        String sprayer = ipv4();

        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            authentication.authenticate("sprayed-" + i + "-" + UUID.randomUUID(), "Summer2026!", Channel.API, sprayer);
        }

        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.CONSOLE, sprayer)
                        .isValid())
                .isFalse();
        assertThat(authentication
                        .authenticate(username, PASSWORD, Channel.CONSOLE, ipv4())
                        .isValid())
                .isTrue();
        long addressBlocks = em.createQuery(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = 'address.blocked' AND e.targetId = :address",
                        Long.class)
                .setParameter("address", sprayer)
                .getSingleResult();
        assertThat(addressBlocks).isEqualTo(1);
    }

    @Test
    void aSessionHoldsUntilTheAccountEndsItsSessions() throws Exception {
        String username = newUser(Role.COLLECT_REPORTS, true);
        String address = ipv4();
        Authentication signedIn = authentication.authenticate(username, PASSWORD, Channel.PORTAL, address);

        assertThat(authentication.isSessionCurrent(username, signedIn.sessionStamp(), address))
                .isTrue();
        transaction.begin();
        em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getSingleResult()
                .endSessions();
        transaction.commit();

        assertThat(authentication.isSessionCurrent(username, signedIn.sessionStamp(), address))
                .isFalse();
        Authentication again = authentication.authenticate(username, PASSWORD, Channel.PORTAL, address);
        assertThat(again.sessionStamp()).isEqualTo(signedIn.sessionStamp() + 1);
        assertThat(authentication.isSessionCurrent(username, again.sessionStamp(), address))
                .isTrue();
    }

    @Test
    void aBlockEndsTheSessionsFromItsAddressOnly() throws Exception {
        String username = newUser(Role.ADMINISTRATOR, true);
        String office = ipv4();
        String home = ipv4();
        long stamp = authentication
                .authenticate(username, PASSWORD, Channel.CONSOLE, office)
                .sessionStamp();

        failTimes(username, office, SignInThrottle.ACCOUNT_FAILURES);

        assertThat(authentication.isSessionCurrent(username, stamp, office)).isFalse();
        assertThat(authentication.isSessionCurrent(username, stamp, home))
                .as("a session from elsewhere goes on")
                .isTrue();
    }

    private void failTimes(String username, String address, int times) {
        for (int attempt = 1; attempt <= times; attempt++) {
            assertThat(authentication
                            .authenticate(username, "guess " + attempt, Channel.API, address)
                            .isValid())
                    .isFalse();
        }
    }

    private long audits(String actor, String action) {
        return em.createQuery(
                        "SELECT COUNT(e) FROM AuditEvent e WHERE e.actor = :actor AND e.action = :action", Long.class)
                .setParameter("actor", actor)
                .setParameter("action", action)
                .getSingleResult();
    }

    /** An address of its own for each use, so that tests do not count for each other. */
    private static String ipv4() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
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
