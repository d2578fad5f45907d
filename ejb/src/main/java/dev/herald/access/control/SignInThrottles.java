package dev.herald.access.control;

import dev.herald.access.control.SignInCounters.Admission;
import dev.herald.access.control.SignInCounters.Block;
import dev.herald.access.control.SignInCounters.Started;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The sign-in counters' steps, each in a short transaction of its own: an attempt's count is
 * committed before its password is checked (a quarter of a second of PBKDF2), so that attempts made
 * at the same time on any instance see it, and no row stays locked while a password is hashed.
 * Clearing an account's blocks is part of the caller's change (staff unlocking), so it commits with it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottles {

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    Clock clock;

    public Admission admit(Long userId, String address) {
        return inConnection(connection -> SignInCounters.admit(connection, userId, address, clock.instant()));
    }

    public List<Started> failed(Long userId, String address) {
        return inConnection(connection -> SignInCounters.failed(connection, userId, address, clock.instant()));
    }

    public void succeeded(long userId, String address) {
        inConnection(connection -> {
            SignInCounters.succeeded(connection, userId, address, clock.instant());
            return null;
        });
    }

    /** Lifts the account's blocks from every address; answers how many were in force. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int clear(long userId) {
        return inConnection(connection -> SignInCounters.clear(connection, userId, clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Map<Long, List<Block>> blocks(Collection<Long> userIds) {
        return inConnection(connection -> SignInCounters.blocks(connection, userIds, clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isSessionCurrent(String username, long stamp, String address) {
        return inConnection(
                connection -> SessionStamps.isCurrent(connection, username, stamp, address, clock.instant()));
    }

    /**
     * Whether a password verified a moment ago for this account at this version would still be
     * accepted from this address without verifying it again (see {@link SignInChecks#isUnchanged}).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isUnchanged(long userId, long version, String signInName, String address) {
        return inConnection(connection ->
                SignInChecks.isUnchanged(connection, userId, version, signInName, address, clock.instant()));
    }

    /** Every instance tidies up; deleting what another instance deleted first costs nothing. */
    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void purge() {
        inConnection(connection -> SignInCounters.purge(connection, clock.instant()));
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T inConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Sign-in counters: " + e.getMessage(), e);
        }
    }
}
