package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A hostile-SQL corpus against both walls, on H2 and on PostgreSQL. The first wall, the reporting
 * account, is tried alone: every statement goes straight to a connection of that account, as if
 * the SQL check did not exist. Afterwards nothing of Herald's tables has been read (no answer holds
 * a canary value planted in them), nothing written (every table's content is as before), no file
 * read or made, no routine created. The second wall, {@link SqlReportCheck}, then refuses every
 * statement of the corpus that is not a plain read.
 */
class HostileSqlTest {

    private static final String ACCOUNT = TestReportingAccount.NAME;
    private static final String CANARY = "CANARY-" + UUID.randomUUID();
    private static final Path PROBE =
            Path.of(System.getProperty("java.io.tmpdir"), "herald-probe-" + UUID.randomUUID());

    /** Herald's tables that hold what an attacker wants, and the reporting tables. */
    private static final List<String> WATCHED = List.of(
            "public.app_user",
            "public.api_token",
            "public.audit_event",
            "public.run_file_chunk",
            "public.organisation_settings",
            "public.sign_in_address_throttle",
            "reporting.usage_tenant",
            "reporting.servicedesk_company");

    /** Statements both databases take (or refuse) the same way. */
    private static final List<String> COMMON = List.of(
            "SELECT * FROM public.app_user",
            "SELECT * FROM \"app_user\"",
            "SELECT * FROM app_user",
            "SELECT * FROM PUBLIC.APP_USER",
            "SELECT * FROM \"public\".\"api_token\"",
            "SELECT * FROM U&\"app\\0075ser\"",
            "SELECT * FROM public.run_file_chunk",
            "SELECT * FROM public.audit_event",
            "SELECT (SELECT password_hash FROM public.app_user LIMIT 1)",
            "SELECT id FROM usage_tenant WHERE EXISTS (SELECT 1 FROM public.app_user)",
            "SELECT 1; SELECT * FROM public.app_user",
            "SELECT 1; UPDATE public.app_user SET password_hash = 'pwned'",
            "SELECT 1; DELETE FROM public.audit_event",
            "SELECT 1 // '\n; UPDATE public.app_user SET password_hash = 'pwned' --'",
            "SELECT 1 /* /* */ ; DELETE FROM public.api_token; */",
            "UPDATE public.app_user SET password_hash = 'pwned'",
            "DELETE FROM public.audit_event",
            "INSERT INTO public.api_token (id) VALUES (999)",
            "DELETE FROM reporting.usage_tenant",
            "UPDATE usage_tenant SET name = 'pwned'",
            "TRUNCATE TABLE reporting.servicedesk_company",
            "DROP TABLE reporting.usage_daily",
            "DROP TABLE public.app_user",
            "CREATE TABLE reporting.loot (x VARCHAR(100))",
            "CREATE TABLE public.loot (x VARCHAR(100))",
            "CREATE SCHEMA loot",
            "CREATE VIEW reporting.v AS SELECT * FROM public.app_user",
            "CREATE USER intruder PASSWORD 'intruder-password'",
            "GRANT SELECT ON public.app_user TO " + ACCOUNT,
            "ALTER TABLE reporting.usage_tenant ADD COLUMN x INTEGER",
            "SELECT 1; COMMIT; CREATE TABLE public.loot (x VARCHAR(100))",
            "SELECT * INTO loot FROM usage_tenant",
            "SELECT * FROM usage_tenant FOR UPDATE");

    private static final List<String> H2_ONLY = List.of(
            "SELECT FILE_READ('/etc/hostname')",
            "SELECT * FROM CSVREAD('/etc/hostname')",
            "SELECT FILE_WRITE('x', '" + PROBE + "')",
            "CALL CSVWRITE('" + PROBE + "', 'SELECT 1')",
            "CREATE ALIAS EXEC AS 'String exec(String c) throws Exception { Runtime.getRuntime().exec(c); return c; }'",
            "SELECT 1 // '\n; CREATE ALIAS EXEC2 AS 'String e(String c) { return c; }' --'",
            "CALL LINK_SCHEMA('loot', '', 'jdbc:h2:mem:loot', 'sa', '', 'public')",
            "SCRIPT TO '" + PROBE + "'",
            "RUNSCRIPT FROM '/etc/hostname'",
            "BACKUP TO '" + PROBE + "'",
            "SET EXCLUSIVE 1",
            "SHUTDOWN",
            "ALTER USER " + ACCOUNT + " ADMIN TRUE",
            "SET SCHEMA public",
            "SELECT * FROM information_schema.users",
            "SELECT * FROM information_schema.rights");

    private static final List<String> POSTGRESQL_ONLY = List.of(
            "SELECT pg_read_file('/etc/hostname')",
            "SELECT pg_read_binary_file('/etc/hostname')",
            "SELECT pg_ls_dir('.')",
            "SELECT lo_import('/etc/hostname')",
            "SELECT lo_from_bytea(0, 'x')",
            "COPY (SELECT 1) TO PROGRAM 'touch " + PROBE + "'",
            "COPY reporting.usage_tenant FROM '/etc/hostname'",
            "COPY (SELECT * FROM reporting.usage_tenant) TO '" + PROBE + "'",
            "DO $$ BEGIN EXECUTE 'DELETE FROM public.audit_event'; END $$",
            "SELECT $$ ; $$; DELETE FROM public.audit_event",
            "SELECT E'\\'; DELETE FROM public.audit_event; --'",
            "CREATE FUNCTION public.lower(text) RETURNS text LANGUAGE sql AS 'SELECT ''pwned'''",
            "CREATE EXTENSION IF NOT EXISTS dblink",
            "SET ROLE postgres",
            "SET SESSION AUTHORIZATION postgres",
            "ALTER ROLE " + ACCOUNT + " SUPERUSER",
            "SELECT set_config('default_transaction_read_only', 'off', false)",
            "SELECT set_config('search_path', 'public', false); SELECT * FROM app_user",
            "SELECT * FROM pg_authid",
            "SELECT * FROM pg_shadow",
            "SELECT query FROM pg_stat_activity",
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()",
            "SELECT nextval('public.app_user_id_seq')",
            "SELECT txid_current()",
            "CREATE TEMP TABLE loot AS SELECT 1",
            "VACUUM reporting.usage_tenant",
            "NOTIFY herald, 'x'",
            "LOCK TABLE reporting.usage_tenant");

    static Stream<String> corpus(TestDatabase database) {
        return Stream.concat(COMMON.stream(), (database == TestDatabase.H2 ? H2_ONLY : POSTGRESQL_ONLY).stream());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReportingAccountReadsTheReportingSchemaAndNothingElse(TestDatabase database) throws Exception {
        DataSource admin = database.dataSource();
        plantCanaries(admin);
        DataSource reporting = TestReportingAccount.of(database);
        try (Connection connection = reporting.getConnection();
                Connection adminConnection = admin.getConnection()) {
            connection.setReadOnly(true);
            assertThat(ReportingPrivileges.problems(connection, adminConnection))
                    .isEmpty();
        }
        Map<String, String> before = contents(admin);
        String hostname = Files.exists(Path.of("/etc/hostname"))
                ? Files.readString(Path.of("/etc/hostname")).strip()
                : "no hostname file";

        for (String sql : corpus(database).toList()) {
            try (Connection connection = reporting.getConnection()) {
                connection.setReadOnly(true);
                connection.setAutoCommit(false);
                List<String> cells = run(connection, sql);
                if (cells == null) {
                    continue;
                }
                assertThat(cells).as(sql).noneMatch(cell -> cell.contains(CANARY));
                if (!hostname.isBlank()) {
                    assertThat(cells).as(sql).noneMatch(cell -> cell.contains(hostname));
                }
                connection.rollback();
            }
        }

        assertThat(contents(admin))
                .as("Herald's and the reporting tables are as they were")
                .isEqualTo(before);
        assertThat(PROBE).doesNotExist();
        assertThat(routines(admin)).as("no routine made").isZero();
    }

    /**
     * What the first wall does not stop on PostgreSQL: any role may make large objects, and a text
     * of several statements can commit one (the reporting account owns it; it reads nothing). The
     * second wall refuses such a text; a single statement is always rolled back by Herald.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void statementsThatCommitAreRefusedByTheSqlCheck(TestDatabase database) {
        for (String sql : List.of(
                "SELECT lo_from_bytea(0, 'x'); COMMIT",
                "SELECT 1; COMMIT; SELECT lo_from_bytea(0, 'x')",
                "SELECT set_config('default_transaction_read_only', 'off', false); COMMIT; SELECT 1")) {
            ValidationException.Builder errors = ValidationException.builder();
            SqlReportCheck.check(sql, List.of(), errors);
            assertThat(errors.errors()).as(sql).isNotEmpty();
        }
    }

    @Test
    void aReportLeavesNothingBehindInItsPooledSession() throws Exception {
        DataSource reporting = TestReportingAccount.of(TestDatabase.POSTGRESQL);
        try (Connection pooled = reporting.getConnection()) {
            Connection borrowed = SessionReset.around(keptOpen(pooled));
            borrowed.setReadOnly(true);
            borrowed.setAutoCommit(false);
            run(
                    borrowed,
                    "SELECT set_config('search_path', 'public', false),"
                            + " set_config('default_transaction_read_only', 'off', false), pg_advisory_lock(77431708279161)");
            borrowed.close();

            assertThat(
                            run(
                                    pooled,
                                    "SELECT current_setting('search_path'),"
                                            + " current_setting('default_transaction_read_only'),"
                                            + " (SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())"))
                    .containsExactly(ReportingAccount.SCHEMA, "on", "0");
        }
    }

    /** The connection as a pool hands it out: closing it leaves the session open. */
    private static Connection keptOpen(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                HostileSqlTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if ("close".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSqlCheckRefusesEveryStatementThatIsNotOneRead(TestDatabase database) {
        List<String> passed = corpus(database)
                .filter(sql -> {
                    ValidationException.Builder errors = ValidationException.builder();
                    SqlReportCheck.check(sql, List.of(), errors);
                    return errors.isEmpty();
                })
                .toList();
        assertThat(passed)
                .as("what reads as one query (left to the account: it reads nothing it may not)")
                .allSatisfy(sql -> assertThat(sql).startsWith("SELECT").doesNotContain(";"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAccountThatCanDoMoreThanReadIsNamed(TestDatabase database) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            assertThat(ReportingPrivileges.problems(connection, connection))
                    .as("Herald's own account, as a reporting account")
                    .isNotEmpty()
                    .anySatisfy(problem -> assertThat(problem).containsAnyOf("administrator", "superuser"));
        }
    }

    /** The answer's cells, or null when the database refused the statement. */
    private static List<String> run(Connection connection, String sql) {
        List<String> cells = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(10);
            boolean rows = statement.execute(sql);
            while (true) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        int columns = result.getMetaData().getColumnCount();
                        while (result.next()) {
                            for (int i = 1; i <= columns; i++) {
                                cells.add(String.valueOf(result.getString(i)));
                            }
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    break;
                }
                rows = statement.getMoreResults();
            }
        } catch (SQLException refused) {
            return null;
        }
        return cells;
    }

    private static void plantCanaries(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM public.audit_event WHERE action = 'canary'");
            try (PreparedStatement audit = connection.prepareStatement(
                    "INSERT INTO public.audit_event (occurred_at, actor, action, detail) VALUES (CURRENT_TIMESTAMP, ?,"
                            + " 'canary', ?)")) {
                audit.setString(1, CANARY);
                audit.setString(2, CANARY);
                audit.executeUpdate();
            }
            statement.execute("UPDATE public.organisation_settings SET client_name = '" + CANARY + "'");
            statement.execute("DELETE FROM public.app_user WHERE username = 'canary'");
            statement.execute("INSERT INTO public.app_user (username, display_name, password_hash, enabled,"
                    + " must_change_password, created_at, version) VALUES ('canary', 'Canary', '"
                    + CANARY + "', TRUE, FALSE, CURRENT_TIMESTAMP, 0)");
            statement.execute("DELETE FROM reporting.usage_tenant WHERE id = 987654321");
            statement.execute("INSERT INTO reporting.usage_tenant (id, name, status, plan, region, created_at)"
                    + " VALUES (987654321, 'Canary tenant', 'ACTIVE', 'STARTER', 'EU', CURRENT_TIMESTAMP)");
        }
    }

    /** Every watched table's rows, as text, in a stable order. */
    private static Map<String, String> contents(DataSource admin) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            for (String table : WATCHED) {
                StringBuilder text = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY 1")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            text.append(rows.getString(i)).append('|');
                        }
                        text.append('\n');
                    }
                }
                contents.put(table, text.toString());
            }
            try (ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema IN ('public', 'reporting')")) {
                tables.next();
                contents.put("tables", tables.getString(1));
            }
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                try (ResultSet objects = statement.executeQuery("SELECT COUNT(*) FROM pg_largeobject_metadata")) {
                    objects.next();
                    contents.put("large objects", objects.getString(1));
                }
            }
        }
        return contents;
    }

    private static long routines(DataSource admin) throws SQLException {
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM information_schema.routines WHERE"
                        + " routine_schema IN ('public', 'reporting') AND routine_name IN ('exec', 'exec2',"
                        + " 'lower', 'EXEC', 'EXEC2')")) {
            row.next();
            return row.getLong(1);
        }
    }
}
