package dev.herald.demo.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills the demo reporting tables on the first start ({@code herald.demo.data}, default true;
 * {@code herald.demo.scale}, default 1). It claims the job by inserting the one row of
 * {@code demo_data_load} in the same transaction as the data, so of several instances starting
 * together exactly one writes it; the others wait on that row's key and then find it taken.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "herald.demo.data", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "herald.demo.scale", defaultValue = "1")
    int scale;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (loaded(connection)) {
                return;
            }
            connection.setAutoCommit(false);
            try {
                ZoneId zone = organisationZone(connection);
                LocalDate today = LocalDate.now(zone);
                try (PreparedStatement claim = connection.prepareStatement(
                        "INSERT INTO demo_data_load (id, scale, anchor_day, row_count, loaded_at) VALUES (1, ?, ?, 0, ?)")) {
                    claim.setInt(1, scale);
                    claim.setObject(2, today);
                    claim.setObject(3, Instant.now().atOffset(ZoneOffset.UTC));
                    claim.executeUpdate();
                }
                long rows = new DemoDataGenerator(connection, scale, today, zone).generate();
                try (PreparedStatement done =
                        connection.prepareStatement("UPDATE demo_data_load SET row_count = ? WHERE id = 1")) {
                    done.setLong(1, rows);
                    done.executeUpdate();
                }
                connection.commit();
                LOG.info(() -> "Demo data: " + rows + " rows at scale " + scale + " around " + today + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
            } catch (SQLException e) {
                connection.rollback();
                if (loaded(connection)) {
                    LOG.info("Demo data was written by another instance");
                    return;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the demo data: " + e.getMessage(), e);
        }
    }

    private static boolean loaded(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM demo_data_load");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1) > 0;
        }
    }

    private static ZoneId organisationZone(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement("SELECT time_zone FROM organisation_settings WHERE id = 1");
                ResultSet row = query.executeQuery()) {
            return row.next() ? ZoneId.of(row.getString(1)) : ZoneId.of("UTC");
        }
    }
}
