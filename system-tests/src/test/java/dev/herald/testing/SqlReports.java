package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;

/** SQL reports made for a test through the API (by the Super Administrator), each with one criteria set. */
public final class SqlReports {

    private SqlReports() {}

    /** A report of the given number of rows (a number and two MD5 digests each: about 75 bytes of CSV); its key. */
    public static String numbers(Api admin, long rows) {
        return create(
                admin,
                "numbers",
                "SELECT n, md5(CAST(n AS VARCHAR)) AS digest, md5(CAST(n + 1 AS VARCHAR)) AS next_digest"
                        + " FROM (SELECT generate_series(1, " + rows + ") AS n) s");
    }

    /** A report of the demo tenants (it reads usage_tenant); its key. */
    public static String tenants(Api admin) {
        return create(admin, "tenants", "SELECT id, name FROM usage_tenant ORDER BY id");
    }

    /**
     * A report of tickets per company whose parameter {@code company} is bound to the demo scope kind
     * {@code company} (each recipient sees only their own companies' rows; the company's id is
     * selected last, as the split key), with a criteria set "All"; its key.
     */
    public static String ticketsByCompany(Api admin) {
        String key = "company-tickets-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post(
                "/api/v1/reports",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", "Tickets by company " + key.substring(key.length() - 8))
                        .add("category", "Tests")
                        .add(
                                "sql",
                                "SELECT c.name AS company, COUNT(t.id) AS tickets, c.id AS company_id"
                                        + " FROM servicedesk_company c"
                                        + " JOIN servicedesk_ticket t ON t.company_id = c.id"
                                        + " WHERE (NOT :company_set OR c.id IN (:company))"
                                        + " GROUP BY c.id, c.name ORDER BY c.id")
                        .add(
                                "parameters",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("name", "company")
                                                .add("label", "Company")
                                                .add("type", "MULTI_CHOICE")
                                                .add("scope", "company")))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> set = admin.post(
                "/api/v1/reports/" + key + "/criteria-sets",
                Json.createObjectBuilder()
                        .add("name", "All")
                        .add("criteria", Json.createObjectBuilder())
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        return key;
    }

    /** A report with the query, no parameters, and a criteria set "All"; its key. */
    public static String create(Api admin, String prefix, String sql) {
        String key = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post(
                "/api/v1/reports",
                Json.createObjectBuilder()
                        .add("key", key)
                        .add("name", "Test " + key)
                        .add("category", "Tests")
                        .add("sql", sql)
                        .add("parameters", Json.createArrayBuilder())
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> set = admin.post(
                "/api/v1/reports/" + key + "/criteria-sets",
                Json.createObjectBuilder()
                        .add("name", "All")
                        .add("criteria", Json.createObjectBuilder())
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        return key;
    }

    /** A schedule that runs only on demand, holding one CSV item of the report sent as given to one address. */
    public static JsonObject onDemandSchedule(Api admin, String reportKey, String deliverAs, String to) {
        long criteriaSet = Api.parseArray(admin.get("/api/v1/reports/" + reportKey + "/criteria-sets")
                        .body())
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        JsonObject item = Json.createObjectBuilder()
                .add("reportKey", reportKey)
                .add("criteriaSetId", criteriaSet)
                .add("displayName", "Test " + reportKey)
                .add("recipients", Json.createArrayBuilder().add(to))
                .add("deliverAs", deliverAs)
                .add("format", "CSV")
                .add("csvDelimiter", "COMMA")
                .build();
        HttpResponse<String> created =
                admin.post("/api/v1/schedules", Schedules.onDemand(Schedules.uniqueName("Test"), item));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created);
    }
}
