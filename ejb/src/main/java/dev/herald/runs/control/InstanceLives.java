package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When instances were alive: each life of each instance is a row from its first heartbeat to its
 * last, beaten with the scheduler's housekeeping (every few seconds, in the database's time). A due
 * time that no life covers fell while Herald was not running; one that a life covers was only late.
 */
@ApplicationScoped
public class InstanceLives {

    private static final Logger LOG = Logger.getLogger(InstanceLives.class.getName());

    /** How far past its last heartbeat a life still counts: a few missed beats of a busy instance. */
    public static final Duration GRACE = Duration.ofSeconds(20);

    /** Lives are kept this long, far beyond any misfire question. */
    private static final Duration KEPT = Duration.ofDays(30);

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    InstanceName instance;

    private volatile Long life;
    private volatile Instant lastPurge = Instant.EPOCH;

    /** One life: from its first heartbeat to its last. */
    public record Life(Instant startedAt, Instant beatAt) {

        public boolean covers(Instant at) {
            return !at.isBefore(startedAt) && !at.isAfter(beatAt.plus(GRACE));
        }
    }

    /** Records that this instance is alive now. */
    public void beat() {
        try (Connection connection = dataSource.getConnection()) {
            if (life == null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO instance_life (instance, started_at, beat_at)"
                                + " VALUES (?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                        new String[] {"id"})) {
                    insert.setString(1, instance.get());
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        life = key.getLong(1);
                    }
                }
                return;
            }
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE instance_life SET beat_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                update.setLong(1, life);
                update.executeUpdate();
            }
            Instant now = Instant.now();
            if (Duration.between(lastPurge, now).toHours() >= 1) {
                lastPurge = now;
                try (Statement purge = connection.createStatement()) {
                    purge.executeUpdate("DELETE FROM instance_life WHERE beat_at < CURRENT_TIMESTAMP - INTERVAL '"
                            + KEPT.toDays() + "' DAY");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not record that this instance is alive: " + e.getMessage(), e);
        }
    }

    /** The lives that may cover instants from {@code from} on, in the caller's connection. */
    public static List<Life> since(Connection connection, Instant from) throws SQLException {
        List<Life> lives = new ArrayList<>();
        try (PreparedStatement query =
                connection.prepareStatement("SELECT started_at, beat_at FROM instance_life WHERE beat_at >= ?")) {
            Jdbc.setInstant(query, 1, from.minus(GRACE));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    lives.add(new Life(Jdbc.instant(rows, "started_at"), Jdbc.instant(rows, "beat_at")));
                }
            }
        }
        return lives;
    }
}
