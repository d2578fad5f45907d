package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.SystemTest;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ticketing reports bound to the recipient's promoter, on the demo data in PostgreSQL (V18's
 * promoters, written by the generator at the first start): made for nobody in particular they run,
 * find rows and render exactly their declared columns (the split key they select last is not
 * shown); the reporting account reads the promoters.
 */
@SystemTest
class PromoterReportsSystemIT {

    private final Api admin = Api.admin().withToken();

    private static String days(String parameter, LocalDate from, LocalDate to) {
        return "{\"" + parameter + "\": {\"from\": \"" + from + "\", \"to\": \"" + to + "\"}}";
    }

    @Test
    void theBoundReportsRunForNobodyInParticularAndRenderTheirDeclaredColumns() {
        LocalDate today = LocalDate.now();
        Map<String, String> criteria = Map.of(
                "promoter-payments", days("paymentDate", today.minusDays(30), today),
                "sales-by-event", days("period", today.minusDays(60), today),
                "upcoming-performances", days("period", today.minusDays(30), today.plusDays(60)),
                "customer-list-by-event-attribute", "{\"eventAttribute\": \"Festival\"}",
                "promoter-settlement", days("period", today.minusDays(200), today));
        for (Map.Entry<String, String> report : criteria.entrySet()) {
            String key = report.getKey();
            JsonObject detail = admin.json(admin.get("/api/v1/reports/" + key));
            List<String> parameters = detail.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .map(p -> p.getString("name"))
                    .toList();
            assertThat(parameters).as(key).contains("event", "promoter");
            JsonObject events = detail.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                    .filter(p -> p.getString("name").equals("event"))
                    .findFirst()
                    .orElseThrow();
            assertThat(events.getJsonArray("options").getValuesAs(JsonString::getString))
                    .as(key)
                    .contains("Hamlet", "Les Misérables");
            List<JsonObject> columns = detail.getJsonArray("columns").getValuesAs(JsonObject.class);

            JsonObject preview = admin.json(admin.post(
                    "/api/v1/reports/" + key + "/preview?rows=20", "{\"criteria\": " + report.getValue() + "}"));
            assertThat(preview.getJsonArray("rows").getValuesAs(JsonArray.class))
                    .as(key)
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row).hasSize(columns.size()));

            HttpResponse<byte[]> csv = admin.postForFile(
                    "/api/v1/reports/" + key + "/render",
                    "{\"criteria\": " + report.getValue() + ", \"format\": \"CSV\"}");
            assertThat(csv.statusCode()).as(key).isEqualTo(200);
            String[] lines = new String(csv.body(), StandardCharsets.UTF_8).split("\r\n");
            assertThat(lines[0])
                    .as(key)
                    .isEqualTo(columns.stream().map(c -> c.getString("label")).collect(Collectors.joining(",")));
            assertThat(lines.length).as(key).isGreaterThan(1);
        }
        JsonObject settlement = admin.json(admin.get("/api/v1/reports/promoter-settlement"));
        assertThat(settlement.getString("category")).isEqualTo("Finance");
        assertThat(settlement.getJsonArray("columns").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("label"))
                .containsExactly(
                        "Event", "Venue", "Performance", "Promoter", "Tickets sold", "Gross", "Refunds", "Fees", "Net");
    }

    @Test
    void theReportingAccountReadsThePromoters() {
        String key = "promoters-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.post("/api/v1/reports", """
                {"key": "%s", "name": "Promoters",
                 "sql": "SELECT COUNT(DISTINCT p.id) AS promoters, COUNT(DISTINCT e.promoter_id) AS owning FROM ticketing_promoter p LEFT JOIN ticketing_event e ON e.promoter_id = p.id"}""".formatted(key));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonArray row = admin.json(admin.post("/api/v1/reports/" + key + "/preview", "{}"))
                .getJsonArray("rows")
                .getJsonArray(0);
        assertThat(row.getJsonNumber(0).longValue()).isGreaterThanOrEqualTo(20);
        assertThat(row.getJsonNumber(1).longValue()).isGreaterThanOrEqualTo(20);
        assertThat(admin.delete("/api/v1/reports/" + key).statusCode()).isEqualTo(204);
    }
}
