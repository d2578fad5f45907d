package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.SystemTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The deployed Herald on PostgreSQL runs every report as the account it made for them, which may
 * only read the reporting schema: what an SQL report tries beyond that the database refuses, and an
 * account that is given more than reading switches reports off until it is taken away again.
 */
@SystemTest
class ReportingAccountSystemIT {

    private static final String ACCOUNT = "herald_reporting";

    private final Api admin = Api.admin().withToken();

    @Test
    void reportsRunAsAnAccountThatOnlyReadsTheReportingSchema() throws SQLException {
        assertThat(check(admin.json(admin.get("/api/v1/health")), "reporting").getString("status"))
                .isEqualTo("UP");

        String key = "who-runs-reports-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.post("/api/v1/reports", """
                {"key": "%s", "name": "Who runs reports",
                 "sql": "SELECT current_user AS account, current_setting('default_transaction_read_only') AS read_only, current_setting('search_path') AS search_path, (SELECT COUNT(*) FROM usage_tenant) AS tenants"}""".formatted(key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonArray row = admin.json(admin.post("/api/v1/reports/" + key + "/preview", "{}"))
                .getJsonArray("rows")
                .getJsonArray(0);
        assertThat(row.getString(0)).isEqualTo(ACCOUNT);
        assertThat(row.getString(1)).isEqualTo("on");
        assertThat(row.getString(2)).isEqualTo("reporting");
        assertThat(row.getJsonNumber(3).longValue()).isPositive();

        for (String sql : new String[] {
            "SELECT pg_read_file('/etc/hostname')",
            "SELECT * FROM public.app_user",
            "SELECT * FROM public.run_file_chunk",
            "SELECT lo_import('/etc/hostname')",
            "SELECT * FROM pg_authid"
        }) {
            HttpResponse<String> refused = admin.post(
                    "/api/v1/reports",
                    "{\"key\": \"refused-" + UUID.randomUUID().toString().substring(0, 6)
                            + "\", \"name\": \"Refused\", \"sql\": \"" + sql.replace("'", "\\u0027") + "\"}");
            assertThat(refused.statusCode()).as(sql).isEqualTo(400);
            assertThat(admin.json(refused)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("message"))
                    .as(sql)
                    .startsWith("The query does not run")
                    .containsIgnoringCase("permission denied");
        }
        assertThat(admin.delete("/api/v1/reports/" + key).statusCode()).isEqualTo(204);
    }

    @Test
    void anAccountThatCanWriteSwitchesReportsOffUntilItOnlyReadsAgain() throws SQLException {
        String preview = "/api/v1/reports/tenant-list/preview";
        assertThat(admin.post(preview, "{}").statusCode()).isEqualTo(200);
        try {
            execute("GRANT INSERT ON reporting.usage_tenant TO " + ACCOUNT);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> off = admin.post(preview, "{}");
                assertThat(off.statusCode()).isEqualTo(503);
                assertThat(admin.json(off).getString("detail"))
                        .startsWith("Reports are switched off")
                        .contains("may change tables: reporting.usage_tenant");
            });
            HttpResponse<String> health = admin.get("/api/v1/health");
            assertThat(health.statusCode())
                    .as("the instance still serves everything else")
                    .isEqualTo(200);
            assertThat(admin.json(health).getString("status")).isEqualTo("DEGRADED");
            assertThat(check(admin.json(health), "reporting").getString("detail"))
                    .contains("reporting.usage_tenant");
        } finally {
            execute("REVOKE INSERT ON reporting.usage_tenant FROM " + ACCOUNT);
        }
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(
                        () -> assertThat(admin.post(preview, "{}").statusCode()).isEqualTo(200));
        assertThat(admin.json(admin.get("/api/v1/health")).getString("status")).isEqualTo("UP");
    }

    @Test
    void theAccountHasNoPowersAndCannotReachHeraldsTables() throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT rolsuper OR rolcreaterole OR rolcreatedb,"
                        + " has_table_privilege('" + ACCOUNT + "', 'public.app_user', 'SELECT'),"
                        + " has_table_privilege('" + ACCOUNT + "', 'public.run_file_chunk', 'SELECT'),"
                        + " has_table_privilege('" + ACCOUNT + "', 'reporting.usage_tenant', 'SELECT'),"
                        + " has_table_privilege('" + ACCOUNT + "', 'reporting.usage_tenant', 'INSERT'),"
                        + " has_schema_privilege('" + ACCOUNT + "', 'public', 'CREATE')"
                        + " FROM pg_roles WHERE rolname = '" + ACCOUNT + "'")) {
            assertThat(row.next()).as("the account exists").isTrue();
            assertThat(row.getBoolean(1)).as("no role powers").isFalse();
            assertThat(row.getBoolean(2)).as("reads app_user").isFalse();
            assertThat(row.getBoolean(3)).as("reads run files").isFalse();
            assertThat(row.getBoolean(4)).as("reads the reporting data").isTrue();
            assertThat(row.getBoolean(5)).as("writes the reporting data").isFalse();
            assertThat(row.getBoolean(6)).as("creates in Herald's schema").isFalse();
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
