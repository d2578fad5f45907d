package dev.herald.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.access.entity.ApiToken;
import dev.herald.access.entity.Permission;
import dev.herald.access.entity.Role;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.entity.AuditEvent;
import dev.herald.testing.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Flyway schema and the JPA mappings agree, on H2 and on PostgreSQL. */
class MappingTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void builtInRolesCarryTheirPermissions(TestDatabase database) {
        List<Role> roles = read(database, em -> em.createQuery("SELECT r FROM Role r ORDER BY r.name", Role.class)
                .getResultList());

        assertThat(roles)
                .extracting(Role::getName)
                .containsExactly(Role.ADMINISTRATOR, Role.COLLECT_REPORTS, Role.SUPER_ADMINISTRATOR);
        Role superAdministrator = roles.get(2);
        Role administrator = roles.get(0);
        assertThat(superAdministrator.getPermissions())
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Permission.class));
        assertThat(superAdministrator.isManageAllRoles()).isTrue();
        assertThat(administrator.getPermissions())
                .doesNotContain(Permission.MANAGE_ROLES, Permission.COLLECT_REPORTS)
                .contains(Permission.MANAGE_USERS, Permission.MANAGE_SCHEDULES);
        assertThat(administrator.getAssignableRoles())
                .extracting(Role::getName)
                .containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.COLLECT_REPORTS);
        assertThat(roles.get(1).getPermissions()).containsExactly(Permission.COLLECT_REPORTS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void instantsRoundTripExactlyAndCanBeQueried(TestDatabase database) {
        Instant created = Instant.parse("2026-03-29T00:59:59.123456Z");
        String username = "user-" + UUID.randomUUID();
        write(database, em -> {
            UserAccount user = new UserAccount(username, "Ann Example", username + "@Example.org", "hash", created);
            user.endSessions();
            user.getRoles().add(roleNamed(em, Role.COLLECT_REPORTS));
            em.persist(user);
        });

        UserAccount found = read(database, em -> em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", username)
                .getSingleResult());
        List<UserAccount> createdSince = read(database, em -> em.createQuery(
                        "SELECT u FROM UserAccount u WHERE u.username = :username AND u.createdAt >= :since",
                        UserAccount.class)
                .setParameter("username", username)
                .setParameter("since", created)
                .getResultList());
        List<UserAccount> createdAfter = read(database, em -> em.createQuery(
                        "SELECT u FROM UserAccount u WHERE u.username = :username AND u.createdAt > :since",
                        UserAccount.class)
                .setParameter("username", username)
                .setParameter("since", created)
                .getResultList());

        assertThat(found.getId()).isNotNull();
        assertThat(found.getCreatedAt()).isEqualTo(created);
        assertThat(found.getSessionStamp()).isEqualTo(1);
        assertThat(found.getEmail()).isEqualTo(username + "@Example.org");
        assertThat(found.permissions()).containsExactly(Permission.COLLECT_REPORTS);
        assertThat(createdSince).hasSize(1);
        assertThat(createdAfter).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tokensAndAuditEventsAreStoredAndFound(TestDatabase database) {
        String username = "owner-" + UUID.randomUUID();
        String hash = UUID.randomUUID().toString().replace("-", "") + "0123456789abcdef0123456789abcdef";
        Instant now = Instant.parse("2026-11-25T10:15:30.5Z");
        write(database, em -> {
            UserAccount owner = new UserAccount(username, "Owner", null, "hash", now);
            em.persist(owner);
            em.persist(new ApiToken(owner, "build server", hash.substring(0, 64), "hrld_abcdefg", now, null));
            em.persist(new AuditEvent(now, username, "TOKEN_CREATED", "apiToken", "1", "build server", "127.0.0.1"));
        });

        ApiToken token = read(database, em -> em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
                .setParameter("hash", hash.substring(0, 64))
                .getSingleResult());
        long superAdministrators =
                read(database, em -> em.createNamedQuery(UserAccount.COUNT_ENABLED_WITH_ROLE, Long.class)
                        .setParameter("role", Role.SUPER_ADMINISTRATOR)
                        .getSingleResult());
        List<AuditEvent> events = read(
                database, em -> em.createQuery("SELECT e FROM AuditEvent e WHERE e.actor = :actor", AuditEvent.class)
                        .setParameter("actor", username)
                        .getResultList());

        assertThat(token.getOwner().getUsername()).isEqualTo(username);
        assertThat(token.isUsableAt(now)).isTrue();
        assertThat(superAdministrators).isZero();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.getOccurredAt()).isEqualTo(now);
            assertThat(event.getAction()).isEqualTo("TOKEN_CREATED");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void userNamesAreStoredInOneCase(TestDatabase database) {
        String username = "Mixed.Case-" + UUID.randomUUID();
        write(database, em -> em.persist(new UserAccount("  " + username + " ", "Mixed", null, "hash", Instant.now())));

        long found = read(database, em -> em.createQuery(
                        "SELECT COUNT(u) FROM UserAccount u WHERE u.username = :username", Long.class)
                .setParameter("username", UserAccount.normalizeUsername(username))
                .getSingleResult());

        assertThat(found).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEMailAddressBelongsToOneAccountWhateverItsCase(TestDatabase database) {
        String address = "Shared-" + UUID.randomUUID() + "@Example.org";
        write(
                database,
                em -> em.persist(
                        new UserAccount("first-" + UUID.randomUUID(), "First", address, "hash", Instant.now())));

        assertThatThrownBy(() -> write(
                        database,
                        em -> em.persist(new UserAccount(
                                "second-" + UUID.randomUUID(),
                                "Second",
                                address.toUpperCase(),
                                "hash",
                                Instant.now()))))
                .as("the same address in capitals")
                .isInstanceOf(PersistenceException.class);
        assertThatThrownBy(() -> execute(
                        database,
                        "INSERT INTO app_user (username, display_name, email, email_key, password_hash, enabled,"
                                + " must_change_password, created_at, version) VALUES ('third-"
                                + UUID.randomUUID() + "', 'Third', 'third@example.org', 'someone-else@example.org',"
                                + " 'hash', TRUE, FALSE, CURRENT_TIMESTAMP, 0)"))
                .as("a key that is not the address, written past the application")
                .isInstanceOf(SQLException.class);
        long holders = read(database, em -> em.createNamedQuery(UserAccount.BY_EMAIL_KEY, UserAccount.class)
                .setParameter("emailKey", UserAccount.emailKey(address))
                .getResultList()
                .size());
        assertThat(holders).isEqualTo(1);
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Role roleNamed(EntityManager em, String name) {
        return em.createNamedQuery(Role.BY_NAME, Role.class)
                .setParameter("name", name)
                .getSingleResult();
    }

    private static void write(TestDatabase database, Consumer<EntityManager> work) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            em.getTransaction().begin();
            work.accept(em);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    private static <T> T read(TestDatabase database, Function<EntityManager, T> query) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            return query.apply(em);
        } finally {
            em.close();
        }
    }
}
