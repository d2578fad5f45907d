package dev.herald.runs.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Each of the scheduler's database steps in its own short transaction: claiming due runs, heartbeat,
 * take-over, and the start and end of a run. Short transactions keep the row locks brief, so that
 * other instances and people editing schedules wait as little as possible.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunLedger {

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    InstanceName instance;

    @Inject
    SchedulerSettings settings;

    public DueRuns.Batch claimDue(int limit) {
        return inConnection(
                connection -> DueRuns.claim(connection, instance.get(), limit, settings.misfireThreshold()));
    }

    public int heartbeat(java.util.Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return 0;
        }
        return inConnection(connection -> RunOwnership.heartbeat(connection, instance.get(), runIds));
    }

    public List<RunOwnership.Owned> takeOverStale(int limit) {
        return inConnection(connection ->
                RunOwnership.takeOverStale(connection, instance.get(), settings.heartbeatTimeout(), limit));
    }

    public List<RunOwnership.Owned> wakeDue(int limit) {
        return inConnection(connection -> RunOwnership.wake(connection, instance.get(), limit));
    }

    public int release() {
        return inConnection(connection -> RunOwnership.release(connection, instance.get()));
    }

    private interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private <T> T inConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Scheduler database step failed: " + e.getMessage(), e);
        }
    }
}
