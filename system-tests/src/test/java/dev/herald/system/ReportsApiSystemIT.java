package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The report catalog over HTTP, on the demo data in PostgreSQL: list, render every format, preview, criteria sets, SQL reports. */
@SystemTest
class ReportsApiSystemIT {

    private final Api admin = Api.admin().withToken();

    private static List<String> fields(JsonObject problem) {
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(error -> error.getString("field"))
                .toList();
    }

    @Test
    void theCatalogListsTheBuiltInReportsAndFindsThemByName() {
        JsonObject all = admin.json(admin.get("/api/v1/reports?size=100"));
        assertThat(all.getInt("total")).isGreaterThanOrEqualTo(9);
        JsonObject tenants = admin.json(admin.get("/api/v1/reports?q=tenant"));
        assertThat(tenants.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(report -> report.getString("key"))
                .contains("tenant-usage", "tenant-list");

        JsonObject customers = admin.json(admin.get("/api/v1/reports/customer-list-by-event-attribute"));
        JsonObject attribute = customers.getJsonArray("parameters").getJsonObject(0);
        assertThat(attribute.getString("name")).isEqualTo("eventAttribute");
        assertThat(attribute.getJsonArray("options").getValuesAs(JsonString::getString))
                .contains("Festival", "Family");
        assertThat(customers.getJsonArray("columns")).hasSize(8);
        assertThat(admin.get("/api/v1/reports/no-such-report").statusCode()).isEqualTo(404);
    }

    @Test
    void everyFormatRendersWithItsTypeNameAndCriteria() {
        String body = "{\"criteria\": {\"paymentDate\": \"LAST_WEEK\"}, \"format\": \"%s\"}";
        for (String format : List.of("CSV", "PDF", "EXCEL_FORMATTED", "EXCEL_UNFORMATTED", "XML")) {
            HttpResponse<byte[]> file =
                    admin.postForFile("/api/v1/reports/payments-activities-detailed/render", body.formatted(format));
            assertThat(file.statusCode()).as(format).isEqualTo(200);
            assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                    .startsWith("attachment; filename=\"payments-activities-detailed-"));
            assertThat(file.headers().firstValue("Herald-Criteria"))
                    .hasValueSatisfying(c -> assertThat(c).startsWith("paymentDate=Last%20week%3A%20"));
            byte[] bytes = file.body();
            String start = new String(bytes, 0, Math.min(bytes.length, 60), StandardCharsets.UTF_8);
            switch (format) {
                case "CSV" -> {
                    assertThat(file.headers().firstValue("Content-Type"))
                            .hasValueSatisfying(
                                    type -> assertThat(type.replace(" ", "")).isEqualTo("text/csv;charset=UTF-8"));
                    String csv = new String(bytes, StandardCharsets.UTF_8);
                    assertThat(csv).startsWith("Paid at,Payment,Order,Customer,E-mail,Channel,Method,Kind,Amount\r\n");
                    assertThat(csv.split("\r\n").length).isGreaterThan(20);
                }
                case "PDF" -> assertThat(start).startsWith("%PDF-");
                case "XML" ->
                    assertThat(new String(bytes, StandardCharsets.UTF_8))
                            .startsWith("<?xml")
                            .contains("<criterion name=\"paymentDate\"", "<row><paidAt>");
                default -> {
                    assertThat(start).startsWith("PK");
                    assertThat(file.headers().firstValue("Content-Type"))
                            .hasValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
            }
        }
    }

    @Test
    void badCriteriaAndFormatsAreRefusedOnTheirFields() {
        HttpResponse<String> response = admin.post(
                "/api/v1/reports/payments-activities-detailed/render",
                "{\"criteria\": {\"paymentDate\": \"LAST_FORTNIGHT\", \"colour\": \"red\"}, \"format\": \"DOCX\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(fields(admin.json(response)))
                .containsExactlyInAnyOrder("format", "criteria.colour", "criteria.paymentDate");
    }

    @Test
    void previewShowsTheFirstRowsAndTheResolvedCriteria() {
        JsonObject preview = admin.json(admin.post(
                "/api/v1/reports/service-desk-tickets/preview?rows=5",
                "{\"criteria\": {\"period\": \"LAST_30_DAYS\"}}"));
        assertThat(preview.getJsonArray("rows")).hasSize(5);
        assertThat(preview.getBoolean("truncated")).isTrue();
        assertThat(preview.getJsonArray("columns")).hasSize(13);
        JsonObject period = preview.getJsonArray("criteria").getJsonObject(0);
        assertThat(period.getString("value")).startsWith("Last 30 days: ");
        assertThat(period.getString("first")).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void criteriaSetsAreSavedCheckedChangedAndDeleted() {
        String name = "Cash last month " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                "{\"name\": \"" + name
                        + "\", \"criteria\": {\"paymentDate\": \"LAST_MONTH\", \"method\": [\"CASH\"]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/criteria-sets/" + id));

        JsonArray sets = Api.parseArray(admin.get("/api/v1/reports/payments-activities-detailed/criteria-sets")
                .body());
        assertThat(sets.getValuesAs(JsonObject.class))
                .extracting(s -> s.getString("name"))
                .contains(name, "Last week");

        HttpResponse<String> duplicate = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                "{\"name\": \"" + name + "\", \"criteria\": {\"paymentDate\": \"LAST_WEEK\"}}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(duplicate))).containsExactly("name");

        HttpResponse<String> invalid = admin.putCurrent(
                "/api/v1/criteria-sets/" + id,
                Api.parse("{\"name\": \"" + name
                        + "\", \"criteria\": {\"paymentDate\": {\"from\": \"2026-02-30\", \"to\": \"2026-03-01\"}}}"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(invalid))).containsExactly("criteria.paymentDate.from");

        HttpResponse<String> renderedFromSet =
                admin.post("/api/v1/reports/payments-activities-detailed/preview", "{\"criteriaSetId\": " + id + "}");
        assertThat(admin.json(renderedFromSet).getJsonArray("rows").getValuesAs(JsonArray.class))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row.getString(6)).isEqualTo("CASH"));

        assertThat(admin.deleteCurrent("/api/v1/criteria-sets/" + id).statusCode())
                .isEqualTo(204);
        assertThat(admin.get("/api/v1/criteria-sets/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aSuperAdministratorAddsASqlReportThatIsCheckedBeforeItIsSaved() {
        String key = "tenants-by-region-" + UUID.randomUUID().toString().substring(0, 6);
        String report = """
                {"key": "%s", "name": "Tenants by region", "category": "Service provider",
                 "sql": "SELECT region, COUNT(*) AS tenant_count FROM usage_tenant WHERE (NOT :plan_set OR plan = :plan) GROUP BY region ORDER BY region",
                 "parameters": [{"name": "plan", "label": "Plan", "type": "CHOICE", "options": ["STARTER", "BUSINESS", "ENTERPRISE"]}]}""".formatted(key);
        HttpResponse<String> created = admin.post("/api/v1/reports", report);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject detail = admin.json(created);
        assertThat(detail.getJsonArray("columns").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name") + ":" + c.getString("type"))
                .containsExactly("region:TEXT", "tenantCount:INTEGER");

        HttpResponse<byte[]> csv = admin.postForFile(
                "/api/v1/reports/" + key + "/render",
                "{\"criteria\": {\"plan\": \"ENTERPRISE\"}, \"format\": \"CSV\", \"csvDelimiter\": \"PIPE\","
                        + " \"csvByteOrderMark\": true}");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFRegion|Tenant count\r\n");

        HttpResponse<String> writes = admin.post(
                "/api/v1/reports",
                report.replace(key, key + "-x")
                        .replace("SELECT region, COUNT(*)", "DELETE FROM usage_tenant; SELECT region, COUNT(*)"));
        assertThat(writes.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(writes))).containsExactly("sql");

        for (String secret : List.of("app_user", "public.app_user", "\\\"public\\\".\\\"api_token\\\"")) {
            HttpResponse<String> secrets = admin.post(
                    "/api/v1/reports", report.replace(key, key + "-y").replace("FROM usage_tenant", "FROM " + secret));
            assertThat(secrets.statusCode()).as(secret).isEqualTo(400);
            assertThat(admin.json(secrets)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("message"))
                    .as("the database refuses the reporting account, not a word list")
                    .startsWith("The query does not run");
        }

        HttpResponse<String> broken = admin.post(
                "/api/v1/reports",
                report.replace(key, key + "-z").replace("GROUP BY region", "GROUP BY no_such_column"));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(admin.json(broken).getJsonArray("errors").getJsonObject(0).getString("message"))
                .startsWith("The query does not run");

        assertThat(admin.delete("/api/v1/reports/" + key).statusCode()).isEqualTo(204);
        assertThat(admin.delete("/api/v1/reports/payments-activities-detailed").statusCode())
                .isEqualTo(409);
    }

    @Test
    void aScheduleItemsCriteriaAreCheckedAgainstItsReport() {
        JsonObject schedule = Schedules.weekly(Schedules.uniqueName("Bad criteria"));
        JsonObject item = Json.createObjectBuilder(
                        schedule.getJsonArray("items").getJsonObject(0))
                .add("criteria", Json.createObjectBuilder().add("paymentDate", "NEXT_DECADE"))
                .build();
        JsonObject bad = Json.createObjectBuilder(schedule)
                .add("items", Json.createArrayBuilder().add(item))
                .build();

        HttpResponse<String> response = admin.post("/api/v1/schedules", bad);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fields(admin.json(response))).containsExactly("items[0].criteria.paymentDate");
    }

    @Test
    void onlyPermittedCallersReachReports() {
        TestUser partner = TestUsers.create("Collect Reports");
        assertThat(Api.as(partner.username(), partner.password())
                        .get("/api/v1/reports")
                        .statusCode())
                .isEqualTo(403);

        TestUser administrator = TestUsers.create("Administrator");
        Api staff = Api.as(administrator.username(), administrator.password()).withToken();
        assertThat(staff.get("/api/v1/reports").statusCode()).isEqualTo(200);
        assertThat(staff.post("/api/v1/reports", "{\"key\": \"nope\", \"name\": \"Nope\", \"sql\": \"SELECT 1\"}")
                        .statusCode())
                .as("only a Super Administrator adds SQL reports")
                .isEqualTo(403);
    }
}
