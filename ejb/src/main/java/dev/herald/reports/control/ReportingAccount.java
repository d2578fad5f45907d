package dev.herald.reports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Makes the database account that every report query runs as, in Herald's own database, from
 * Herald's own (administrator) connection: it may log in and read the tables of the
 * {@value #SCHEMA} schema, and nothing else. Run at every start, so a changed password or a table
 * added by a later migration is granted again; running it twice changes nothing.
 *
 * <ul>
 *   <li><b>H2</b>: a user without admin rights (so no aliases, file functions, scripts, links or
 *       settings) with SELECT on the reporting schema.
 *   <li><b>PostgreSQL</b>: a login role without any attribute (not superuser, no CREATEROLE, …) that
 *       has USAGE on the reporting schema, SELECT on its tables (also tables made later), and in this
 *       database read-only transactions by default, a statement time-out and the reporting schema as
 *       its search path. Making it needs CREATEROLE; several instances starting together take turns
 *       (an advisory lock). Where Herald owns the schema {@code public}, PUBLIC loses CREATE on it
 *       (PostgreSQL 15's default; older servers grant it to every role).
 * </ul>
 */
public final class ReportingAccount {

    /** Where the reporting data lives (migration V10). */
    public static final String SCHEMA = "reporting";

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** Any number will do, as long as it is always the same: it names the advisory lock. */
    private static final long PROVISIONING_LOCK = 0x4865_7261_6c64_5231L;

    private ReportingAccount() {}

    /** Makes or updates the account; throws with the database's words when this account may not. */
    public static void provide(Connection admin, String account, String password, Duration statementTimeout)
            throws SQLException {
        if (!NAME.matcher(account).matches()) {
            throw new IllegalArgumentException("The reporting account's name must be lower-case letters, digits and"
                    + " underscores (at most 63), not '" + account + "'");
        }
        if (password == null || password.length() < 16) {
            throw new IllegalArgumentException("The reporting account needs a password of at least 16 characters");
        }
        try (Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("SELECT CURRENT_USER")) {
            row.next();
            if (account.equalsIgnoreCase(row.getString(1))) {
                throw new IllegalArgumentException("The reporting account must be an account of its own, not Herald's");
            }
        }
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try {
            if (ReportingPrivileges.isPostgreSql(admin)) {
                providePostgreSql(admin, account, password, statementTimeout);
            } else {
                provideH2(admin, account, password);
            }
            admin.commit();
        } catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(autoCommit);
        }
    }

    private static void provideH2(Connection admin, String account, String password) throws SQLException {
        try (PreparedStatement create =
                admin.prepareStatement("CREATE USER IF NOT EXISTS " + account + " PASSWORD ?")) {
            create.setString(1, password);
            create.execute();
        }
        try (PreparedStatement set = admin.prepareStatement("ALTER USER " + account + " SET PASSWORD ?")) {
            set.setString(1, password);
            set.execute();
        }
        try (Statement statement = admin.createStatement()) {
            statement.execute("ALTER USER " + account + " ADMIN FALSE");
            statement.execute("GRANT SELECT ON SCHEMA " + SCHEMA + " TO " + account);
        }
    }

    private static void providePostgreSql(Connection admin, String account, String password, Duration timeout)
            throws SQLException {
        String role = quoted(account);
        String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT PASSWORD "
                + literal(password);
        try (Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + PROVISIONING_LOCK + ")");
            statement.execute((roleExists(admin, account) ? "ALTER ROLE " : "CREATE ROLE ") + role + attributes);
            String database = quoted(currentDatabase(admin));
            String inDatabase = "ALTER ROLE " + role + " IN DATABASE " + database + " SET ";
            statement.execute(inDatabase + "default_transaction_read_only = on");
            statement.execute(inDatabase + "statement_timeout = '" + Math.max(1, timeout.toSeconds()) + "s'");
            statement.execute(inDatabase + "idle_in_transaction_session_timeout = '"
                    + Math.max(60, timeout.toSeconds() + 60) + "s'");
            statement.execute(inDatabase + "search_path = " + SCHEMA);
            statement.execute("GRANT CONNECT ON DATABASE " + database + " TO " + role);
            statement.execute("GRANT USAGE ON SCHEMA " + SCHEMA + " TO " + role);
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + SCHEMA + " TO " + role);
            statement.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA " + SCHEMA + " GRANT SELECT ON TABLES TO " + role);
            if (ownsPublicSchema(admin)) {
                statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            }
        }
    }

    private static boolean roleExists(Connection admin, String account) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, account);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String currentDatabase(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static boolean ownsPublicSchema(Connection admin) throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_has_role(current_user, n.nspowner, 'USAGE')"
                        + " FROM pg_namespace n WHERE n.nspname = 'public'")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
