package dev.herald.reports.control;

import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.control.Jdbc;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way to the reporting data ({@code jdbc/heraldReporting}): every report query, criteria
 * lookup, summary and tenant list reads through {@link #readOnly()}.
 *
 * <p>At start-up it makes the reporting account when Herald manages it ({@code
 * herald.reporting.account}, set by {@code ./herald} when the reports read Herald's own database;
 * its password is the {@code herald-reporting-db-password} alias the connection pool uses), then asks
 * the database what that account may do ({@link ReportingPrivileges}). An account that can do more
 * than read is refused, and so is every report until it is fixed: the reason is logged, shown by
 * the health check and answered to whoever asks for a report. The verdict is asked again when it is
 * older than {@code herald.reporting.recheck} (ten minutes; half a minute while refused), so that a
 * grant given or taken away later is noticed without a restart.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class ReportingDatabase {

    private static final Logger LOG = Logger.getLogger(ReportingDatabase.class.getName());
    private static final Duration RECHECK_REFUSED = Duration.ofSeconds(30);

    /** What the database said about the reporting account, and when. */
    public record Verdict(boolean safe, String reason, Instant checkedAt) {}

    @Resource(lookup = "jdbc/heraldReporting")
    DataSource reporting;

    @Resource(lookup = "jdbc/herald")
    DataSource herald;

    @Inject
    @ConfigProperty(name = "herald.reporting.account")
    Optional<String> managedAccount;

    @Inject
    @ConfigProperty(name = "herald-reporting-db-password")
    Optional<String> managedPassword;

    @Inject
    @ConfigProperty(name = "herald.reports.query-timeout", defaultValue = "PT5M")
    Duration queryTimeout;

    @Inject
    @ConfigProperty(name = "herald.reporting.recheck", defaultValue = "PT10M")
    Duration recheck;

    @Inject
    Clock clock;

    private volatile Verdict verdict;

    @PostConstruct
    void start() {
        managedAccount.filter(name -> !name.isBlank()).ifPresent(this::provide);
        verdict = inspect();
    }

    private void provide(String account) {
        try (Connection admin = herald.getConnection()) {
            ReportingAccount.provide(admin, account, managedPassword.orElse(""), queryTimeout);
            LOG.info(() -> "Reporting account " + account + " is ready: it may read the schema "
                    + ReportingAccount.SCHEMA + " and nothing else");
        } catch (SQLException | IllegalArgumentException e) {
            LOG.warning(() -> "Could not make or update the reporting account " + account + ": " + e.getMessage()
                    + ". If an administrator made it (README: 'Report SQL and the reporting account'), reports"
                    + " use it as it is; the check of its rights that follows decides whether they may.");
        }
    }

    /**
     * A connection to the reporting data that cannot write, outside autocommit (so PostgreSQL streams
     * from a cursor), for a reporting account that only reads; otherwise an UnavailableException
     * saying why.
     */
    public Connection readOnly() throws SQLException {
        Verdict current = current();
        if (!current.safe()) {
            throw new UnavailableException("Reports are switched off: " + current.reason());
        }
        Connection connection = reporting.getConnection();
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            return SessionReset.around(connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /** Does the work on a read-only connection to the reporting data, in a transaction of its own that it ends. */
    public <T> T read(Jdbc.Work<T> work) throws SQLException {
        try (Connection connection = readOnly()) {
            try {
                return work.apply(connection);
            } finally {
                connection.rollback();
            }
        }
    }

    /** The latest verdict, asked again when it is old. */
    public Verdict current() {
        Verdict current = verdict;
        Duration age = Duration.between(current.checkedAt(), clock.instant());
        Duration limit = current.safe() || recheck.compareTo(RECHECK_REFUSED) < 0 ? recheck : RECHECK_REFUSED;
        if (age.compareTo(limit) > 0) {
            synchronized (this) {
                if (verdict == current) {
                    verdict = inspect();
                }
            }
            current = verdict;
        }
        return current;
    }

    private Verdict inspect() {
        Instant now = clock.instant();
        try (Connection connection = reporting.getConnection();
                Connection admin = herald.getConnection()) {
            connection.setReadOnly(true);
            List<String> problems = ReportingPrivileges.problems(connection, admin);
            if (problems.isEmpty()) {
                if (verdict == null || !verdict.safe()) {
                    LOG.info("The reporting account only reads: reports are on");
                }
                return new Verdict(true, null, now);
            }
            String reason = "the reporting account can do more than read (" + String.join("; ", problems)
                    + "). Give reports an account that may only read the reporting data (README: 'Report SQL"
                    + " and the reporting account').";
            LOG.severe(() -> "Reports are switched off: " + reason);
            return new Verdict(false, reason, now);
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "Could not ask the reporting database about its account", e);
            return new Verdict(false, "the reporting database could not be reached: " + e.getMessage(), now);
        }
    }
}
