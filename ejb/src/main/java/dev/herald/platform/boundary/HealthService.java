package dev.herald.platform.boundary;

import dev.herald.platform.control.HealthIndicator;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/**
 * Answers whether this instance can do its work: the database answers, and every component's own
 * check ({@link HealthIndicator}: the scheduler clock ticks, reports have a safe account, …).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HealthService {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    @Any
    Instance<HealthIndicator> indicators;

    public Health check() {
        List<Health.Check> checks = new ArrayList<>();
        checks.add(database());
        indicators.stream()
                .map(HealthIndicator::check)
                .sorted(Comparator.comparing(Health.Check::name))
                .forEach(checks::add);
        return Health.of(checks);
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
}
