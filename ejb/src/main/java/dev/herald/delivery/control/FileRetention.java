package dev.herald.delivery.control;

import dev.herald.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Deletes the files of runs once they are past the organisation's file retention (or the link
 * lifetime, if that is longer), every hour on every instance: deleting twice deletes nothing more.
 * The items keep their figures (rows, bytes, checksum); only the bytes go.
 */
@Singleton
public class FileRetention {

    private static final Logger LOG = Logger.getLogger(FileRetention.class.getName());

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        try {
            int purged = Jdbc.inTransaction(dataSource, c -> RunFiles.purgeExpired(c, Instant.now()));
            if (purged > 0) {
                LOG.info(() -> "Deleted the files of " + purged + " run items past their retention");
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not delete expired files; trying again next hour: " + e.getMessage());
        }
    }
}
