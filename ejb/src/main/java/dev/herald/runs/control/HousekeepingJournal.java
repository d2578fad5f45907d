package dev.herald.runs.control;

import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.control.Jdbc;
import dev.herald.runs.control.RunPurge.Purged;
import dev.herald.settings.boundary.OrganisationView;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What housekeeping did: each pass ends here, in one transaction that gives the lease back, notes the
 * pass and, when something was removed, writes the audit line ({@code housekeeping.purge}, with what
 * and how many). Passes that found nothing are not audited, only noted as the last look.
 */
@Stateless
@PermitAll
public class HousekeepingJournal {

    private static final Logger LOG = Logger.getLogger(HousekeepingJournal.class.getName());
    static final String ACTOR = "system:housekeeping";

    /** The housekeeping row as it stands. */
    public record State(
            Instant lastPassAt,
            Instant lastPurgeAt,
            String lastPurgeInstance,
            long lastPurgeFiles,
            long lastPurgeBytes,
            long lastPurgeRuns) {}

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    public void endPass(String instance, Instant now, Purged purged, OrganisationView organisation) {
        try {
            Jdbc.inCallersTransaction(dataSource, c -> {
                RunPurge.endPass(c, instance, now, purged);
                return null;
            });
        } catch (SQLException e) {
            LOG.warning(() -> "Could not record the housekeeping pass (its lease lapses by itself): " + e.getMessage());
            return;
        }
        if (!purged.isNothing()) {
            auditLog.record(AuditRecord.of(ACTOR, "housekeeping.purge", null)
                    .about("housekeeping", instance)
                    .withDetail("{\"files\":" + purged.files() + ",\"bytes\":" + purged.bytes() + ",\"runs\":"
                            + purged.runs() + ",\"reports\":" + purged.reports() + ",\"deliveries\":"
                            + purged.deliveries() + ",\"usageReports\":" + purged.usageReports()
                            + ",\"fileRetentionDays\":" + organisation.fileRetentionDays()
                            + ",\"runHistoryRetentionDays\":" + organisation.runHistoryRetentionDays() + "}"));
        }
    }

    public State state() {
        try {
            return Jdbc.inCallersTransaction(dataSource, c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT last_pass_at, last_purge_at,"
                                + " last_purge_instance, last_purge_files, last_purge_bytes, last_purge_runs"
                                + " FROM housekeeping WHERE id = 1");
                        ResultSet row = query.executeQuery()) {
                    row.next();
                    return new State(
                            Jdbc.instant(row, "last_pass_at"),
                            Jdbc.instant(row, "last_purge_at"),
                            row.getString("last_purge_instance"),
                            row.getLong("last_purge_files"),
                            row.getLong("last_purge_bytes"),
                            row.getLong("last_purge_runs"));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The housekeeping record could not be read: " + e.getMessage(), e);
        }
    }
}
