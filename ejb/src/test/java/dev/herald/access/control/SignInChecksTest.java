package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.control.Jdbc;
import dev.herald.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one read that lets a remembered password verification stand, on H2 and PostgreSQL: any change
 * to the account, made by whichever instance, refuses it at once.
 */
class SignInChecksTest {

    private static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anUnchangedEnabledAccountStands(TestDatabase database) throws SQLException {
        Account ann = account(database);

        assertThat(unchanged(database, ann, ann.username(), address(), NINE)).isTrue();
        assertThat(unchanged(database, ann, ann.email(), address(), NINE))
                .as("signed in with the address")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyChangeToTheAccountRefusesAtOnce(TestDatabase database) throws SQLException {
        for (String change : new String[] {
            "password_hash = 'another'",
            "enabled = FALSE",
            "must_change_password = TRUE",
            "session_stamp = session_stamp + 1",
            "display_name = 'Renamed'",
        }) {
            Account ann = account(database);
            // As EclipseLink writes any change to the row (and RoleService's bulk update for a role's permissions).
            execute(database, "UPDATE app_user SET " + change + ", version = version + 1 WHERE id = " + ann.id());

            assertThat(unchanged(database, ann, ann.username(), address(), NINE))
                    .as(change)
                    .isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDisabledAccountIsRefusedEvenAtItsVersion(TestDatabase database) throws SQLException {
        Account ann = account(database);
        execute(database, "UPDATE app_user SET enabled = FALSE WHERE id = " + ann.id());

        assertThat(unchanged(database, ann, ann.username(), address(), NINE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeletedAccountIsRefused(TestDatabase database) throws SQLException {
        Account ann = account(database);
        execute(database, "DELETE FROM app_user WHERE id = " + ann.id());

        assertThat(unchanged(database, ann, ann.username(), address(), NINE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNameThatNowAlsoMeansAnotherAccountIsRefused(TestDatabase database) throws SQLException {
        Account ann = account(database);
        Account bob = account(database);
        execute(database, "UPDATE app_user SET username = '" + ann.email() + "' WHERE id = " + bob.id());

        assertThat(unchanged(database, ann, ann.email(), address(), NINE)).isFalse();
        assertThat(unchanged(database, ann, ann.username(), address(), NINE)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBlockFromTheCallersAddressRefusesAndOneFromElsewhereDoesNot(TestDatabase database) throws SQLException {
        Account ann = account(database);
        String stranger = address();
        String owner = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FAILURES; i++) {
            Instant at = NINE.plusSeconds(i);
            Jdbc.inTransaction(database.dataSource(), c -> SignInCounters.admit(c, ann.id(), stranger, at));
            Jdbc.inTransaction(database.dataSource(), c -> SignInCounters.failed(c, ann.id(), stranger, at));
        }

        assertThat(unchanged(database, ann, ann.username(), stranger, NINE.plusSeconds(10)))
                .isFalse();
        assertThat(unchanged(database, ann, ann.username(), owner, NINE.plusSeconds(10)))
                .isTrue();
        assertThat(unchanged(
                        database,
                        ann,
                        ann.username(),
                        stranger,
                        NINE.plus(SignInThrottle.BLOCK).plusSeconds(10)))
                .as("after the block")
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBlockedAddressRefusesEveryAccountFromIt(TestDatabase database) throws SQLException {
        Account ann = account(database);
        String crowded = address();
        execute(
                database,
                "INSERT INTO sign_in_address_throttle (address, failures, window_start, blocked_until)"
                        + " VALUES ('" + crowded + "', 0, TIMESTAMP WITH TIME ZONE '2026-12-05 08:59:00+00',"
                        + " TIMESTAMP WITH TIME ZONE '2026-12-05 09:14:00+00')");

        assertThat(unchanged(database, ann, ann.username(), crowded, NINE)).isFalse();
        assertThat(unchanged(database, ann, ann.username(), address(), NINE)).isTrue();
    }

    private record Account(long id, String username, String email, long version) {}

    private static boolean unchanged(TestDatabase database, Account account, String name, String address, Instant at)
            throws SQLException {
        return Jdbc.inTransaction(
                database.dataSource(),
                c -> SignInChecks.isUnchanged(c, account.id(), account.version(), name, address, at));
    }

    private static String address() {
        return "test-" + UUID.randomUUID();
    }

    private static Account account(TestDatabase database) throws SQLException {
        String username = "checked-" + UUID.randomUUID();
        String email = username + "@example.org";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO app_user (username, display_name, email, email_key, password_hash, enabled,"
                                + " must_change_password, created_at, version)"
                                + " VALUES (?, 'Checked', ?, ?, 'hash', TRUE, FALSE, CURRENT_TIMESTAMP, 4)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, username);
            insert.setString(2, email);
            insert.setString(3, email);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new Account(keys.getLong("id"), username, email, 4);
            }
        }
    }

    private static void execute(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
