package dev.herald.runs.control;

import dev.herald.platform.control.Jdbc;
import dev.herald.runs.control.RunPurge.Purged;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One housekeeping pass: deletes the files of run items past the time they are kept (the
 * organisation's file retention, or the on-demand file lifetime), then the ended runs past the
 * run-history retention with everything that hangs off them, and records what it removed (in the
 * audit log and for Settings to show).
 *
 * <p>Every instance runs a pass on its own timer; a lease in the database lets one at a time do
 * the work, and another takes over if that one stops mid-pass (the lease lapses). The work is done
 * in bounded batches, each a short transaction that also renews the lease, so that a large backlog
 * never holds locks for long and a pass that lost its lease stops at the next batch. On PostgreSQL a
 * pass that deleted files then vacuums the file table, so that the space is reused at once (and
 * what lies at the table's end given back to the file system) rather than when autovacuum comes by.
 */
@Stateless
@PermitAll
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());
    static final int FILE_BATCH = 100;
    static final int RUN_BATCH = 500;
    static final Duration LEASE = Duration.ofMinutes(10);

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    InstanceName instance;

    @Inject
    SettingsService settings;

    @Inject
    HousekeepingJournal journal;

    @Inject
    Clock clock;

    /** Runs a pass if no other instance is running one; answers what it removed, or empty when it did not run. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Purged> pass() {
        String me = instance.get();
        Instant now = clock.instant();
        try {
            if (!Jdbc.inTransaction(dataSource, c -> RunPurge.takeLease(c, me, now, LEASE))) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Housekeeping could not start; trying again next time: " + e.getMessage());
            return Optional.empty();
        }
        OrganisationView organisation = settings.organisation();
        Instant endedBefore = now.minus(Duration.ofDays(organisation.runHistoryRetentionDays()));
        Purged total = Purged.NOTHING;
        try {
            total = total.plus(inBatches(me, c -> RunPurge.purgeFiles(c, now, FILE_BATCH), FILE_BATCH, true));
            total = total.plus(
                    inBatches(me, c -> RunPurge.purgeRuns(c, endedBefore, now, RUN_BATCH), RUN_BATCH, false));
        } catch (SQLException e) {
            LOG.warning(() -> "Housekeeping stopped; trying again next time: " + e.getMessage());
        }
        if (total.files() > 0) {
            vacuumFiles();
        }
        Purged purged = total;
        journal.endPass(me, clock.instant(), purged, organisation);
        if (!purged.isNothing()) {
            LOG.info(() -> "Housekeeping deleted " + purged.files() + " files (" + purged.bytes() + " bytes) and "
                    + purged.runs() + " runs");
        }
        return Optional.of(purged);
    }

    /** Repeats one batch, each in its own transaction with the lease renewed, until a batch comes up short. */
    private Purged inBatches(String me, Jdbc.Work<Purged> batch, int limit, boolean files) throws SQLException {
        Purged total = Purged.NOTHING;
        while (true) {
            Optional<Purged> done = Jdbc.inTransaction(dataSource, c -> {
                if (!RunPurge.takeLease(c, me, clock.instant(), LEASE)) {
                    return Optional.empty();
                }
                return Optional.of(batch.apply(c));
            });
            if (done.isEmpty()) {
                LOG.info("Housekeeping's lease was taken over by another instance; it carries on");
                return total;
            }
            total = total.plus(done.get());
            if ((files ? done.get().files() : done.get().runs()) < limit) {
                return total;
            }
        }
    }

    private void vacuumFiles() {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return; // H2 reuses the free space of its file by itself
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true); // VACUUM runs outside a transaction
            try (Statement vacuum = connection.createStatement()) {
                vacuum.execute("VACUUM run_file_chunk");
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not vacuum the file table; autovacuum will: " + e.getMessage());
        }
    }
}
