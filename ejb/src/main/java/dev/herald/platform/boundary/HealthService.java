package dev.herald.platform.boundary;

import dev.herald.schedules.control.SchedulerClock;
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

/** Answers whether this instance can do its work: the database answers and the scheduler clock ticks. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    SchedulerClock schedulerClock;

    public Health check() {
        return Health.of(List.of(database(), scheduler()));
    }

    private Health.Check database() {
        try (Connection connection = dataSource.getConnection()) {
            boolean valid = connection.isValid(DATABASE_TIMEOUT_SECONDS);
            String product = connection.getMetaData().getDatabaseProductName();
            return new Health.Check("database", valid ? Health.Status.UP : Health.Status.DOWN, product);
        } catch (SQLException e) {
            return new Health.Check("database", Health.Status.DOWN, e.getMessage());
        }
    }

    private Health.Check scheduler() {
        return schedulerClock
                .lastTick()
                .map(tick -> new Health.Check("scheduler", Health.Status.UP, "last tick " + tick))
                .orElseGet(() -> new Health.Check("scheduler", Health.Status.UP, "starting"));
    }
}
