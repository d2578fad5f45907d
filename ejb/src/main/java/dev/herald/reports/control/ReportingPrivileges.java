package dev.herald.reports.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks the database what the account that report queries run as may do, and answers in plain words
 * everything that is more than reading: Herald refuses to run report SQL on such an account (it does
 * not trust its own checks of the SQL to make up for it). The questions go to the database's
 * catalog, so they hold for any account, whether Herald made it or an administrator did.
 *
 * <p>Refused: an administrator or superuser; any power over roles, databases, replication or row
 * security; the built-in roles that read or write server files, run programs, read or write all
 * data, signal other sessions or read their queries; any right to insert, update, delete, truncate
 * or reference a table, to move a sequence, or to create in a schema or the database; a default of
 * read-write transactions (PostgreSQL); and any right to read Herald's own tables when they are in
 * the same database.
 */
public final class ReportingPrivileges {

    private static final String DANGEROUS_ROLES = "'pg_read_server_files', 'pg_write_server_files',"
            + " 'pg_execute_server_program', 'pg_read_all_data', 'pg_write_all_data', 'pg_signal_backend',"
            + " 'pg_monitor', 'pg_read_all_stats', 'pg_read_all_settings', 'pg_checkpoint',"
            + " 'pg_use_reserved_connections', 'pg_create_subscription'";

    private ReportingPrivileges() {}

    static boolean isPostgreSql(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * What the reporting account may do beyond reading, each in a sentence; empty when it only reads.
     * {@code admin} is a connection of Herald's own account, used to find Herald's tables and (on H2,
     * where an account cannot see its own rights) the reporting account's rights.
     */
    public static List<String> problems(Connection reporting, Connection admin) throws SQLException {
        return isPostgreSql(reporting) ? postgreSql(reporting, admin) : h2(reporting, admin);
    }

    private static List<String> postgreSql(Connection reporting, Connection admin) throws SQLException {
        List<String> problems = new ArrayList<>();
        String account = single(reporting, "SELECT current_user");
        try (Statement statement = reporting.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles"
                                + " WHERE rolname = current_user")) {
            if (row.next()) {
                String[] powers = {
                    "superuser", "may create roles", "may create databases", "may replicate", "bypasses row security"
                };
                for (int i = 0; i < powers.length; i++) {
                    if (row.getBoolean(i + 1)) {
                        problems.add(account + " " + (i == 0 ? "is a " : "") + powers[i]);
                    }
                }
            }
        }
        List<String> roles = list(
                reporting,
                "SELECT rolname FROM pg_roles WHERE rolname IN (" + DANGEROUS_ROLES + ")"
                        + " AND pg_has_role(current_user, oid, 'MEMBER') ORDER BY rolname");
        if (!roles.isEmpty()) {
            problems.add(account + " is a member of " + String.join(", ", roles));
        }
        List<String> writable = list(
                reporting,
                "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog',"
                        + " 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE"
                        + " 'pg\\_temp%' AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid,"
                        + " 'UPDATE') OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid,"
                        + " 'TRUNCATE') OR has_table_privilege(c.oid, 'REFERENCES') OR has_table_privilege(c.oid,"
                        + " 'TRIGGER')) ORDER BY 1 LIMIT 6");
        if (!writable.isEmpty()) {
            problems.add(account + " may change tables: " + names(writable));
        }
        List<String> sequences = list(
                reporting,
                "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relkind = 'S' AND (has_sequence_privilege(c.oid, 'UPDATE') OR"
                        + " has_sequence_privilege(c.oid, 'USAGE')) ORDER BY 1 LIMIT 6");
        if (!sequences.isEmpty()) {
            problems.add(account + " may move sequences: " + names(sequences));
        }
        List<String> schemas = list(
                reporting,
                "SELECT nspname FROM pg_namespace WHERE has_schema_privilege(oid, 'CREATE') AND nspname NOT LIKE"
                        + " 'pg\\_temp%' AND nspname NOT LIKE 'pg\\_toast\\_temp%' ORDER BY 1");
        if (!schemas.isEmpty()) {
            problems.add(account + " may create objects in schema " + String.join(", ", schemas));
        }
        if (Boolean.parseBoolean(single(reporting, "SELECT has_database_privilege(current_database(), 'CREATE')"))) {
            problems.add(account + " may create schemas in the database");
        }
        if (!"on".equals(single(reporting, "SELECT current_setting('default_transaction_read_only')"))) {
            problems.add(account + " starts read-write transactions (set default_transaction_read_only = on for it)");
        }
        if (admin != null && sameDatabase(reporting, admin)) {
            String schema = single(admin, "SELECT current_schema()");
            try (PreparedStatement query = reporting.prepareStatement(
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p', 'v', 'm')"
                            + " AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1 LIMIT 6")) {
                query.setString(1, schema);
                List<String> readable = strings(query);
                if (!readable.isEmpty()) {
                    problems.add(account + " may read Herald's own tables: " + names(readable));
                }
            }
        }
        return problems;
    }

    private static boolean sameDatabase(Connection reporting, Connection admin) throws SQLException {
        String identity = "SELECT current_database() || '|' || COALESCE(inet_server_port(), 0)"
                + " || '|' || pg_postmaster_start_time()";
        return isPostgreSql(admin) && single(reporting, identity).equals(single(admin, identity));
    }

    private static List<String> h2(Connection reporting, Connection admin) throws SQLException {
        List<String> problems = new ArrayList<>();
        String account = single(reporting, "SELECT CURRENT_USER");
        try (PreparedStatement query =
                admin.prepareStatement("SELECT is_admin FROM information_schema.users WHERE UPPER(user_name) = ?")) {
            query.setString(1, account.toUpperCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    problems.add(account + " is not a user of Herald's database");
                    return problems;
                }
                if (row.getBoolean(1)) {
                    problems.add(account + " is a database administrator");
                }
            }
        }
        try (PreparedStatement query = admin.prepareStatement(
                "SELECT grantee, grantedrole, rights, table_schema, table_name FROM information_schema.rights"
                        + " WHERE UPPER(grantee) IN (?, 'PUBLIC') ORDER BY table_schema, table_name")) {
            query.setString(1, account.toUpperCase(Locale.ROOT));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String role = row.getString(2);
                    String rights = row.getString(3);
                    String schema = row.getString(4);
                    String table = row.getString(5);
                    String on = table == null || table.isEmpty() ? "schema " + schema : schema + "." + table;
                    String who = "PUBLIC".equalsIgnoreCase(row.getString(1)) ? "everyone (PUBLIC)" : account;
                    if (role != null) {
                        problems.add(who + " holds the role " + role);
                    } else if (!"SELECT".equalsIgnoreCase(rights)) {
                        problems.add(who + " may " + rights + " on " + on);
                    } else if (!ReportingAccount.SCHEMA.equalsIgnoreCase(schema)) {
                        problems.add(who + " may read " + on + ", outside the reporting schema");
                    }
                }
            }
        }
        return problems;
    }

    private static String names(List<String> names) {
        return names.size() > 5 ? String.join(", ", names.subList(0, 5)) + " and more" : String.join(", ", names);
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            return strings(query);
        }
    }

    private static List<String> strings(PreparedStatement query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }
}
