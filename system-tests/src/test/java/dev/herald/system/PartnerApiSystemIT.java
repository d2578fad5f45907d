package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The partners' API: a partner lists only the on-demand items addressed to them, runs one and gets
 * the file (the same rows staff get from the report with those criteria), follows their runs under
 * fair use (the third at once waits in line), cancels a waiting one, and lists and fetches files
 * sent to them by link. Another partner reaches none of it: every id answers 404, and the attempt
 * is in the audit log.
 */
@SystemTest
class PartnerApiSystemIT {

    private static TestUser partner;
    private static TestUser other;
    private static Api asPartner;
    private static Api asOther;
    private static long csvItem;
    private static long otherItem;

    @BeforeAll
    static void makePartnersAndAnOnDemandSchedule() {
        partner = TestUsers.create("Collect Reports");
        other = TestUsers.create("Collect Reports");
        asPartner = Api.as(partner.username(), partner.password()).withToken();
        asOther = Api.as(other.username(), other.password()).withToken();
        Api admin = Api.admin();
        HttpResponse<String> created = admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("On demand"),
                        Schedules.lastWeekPayments("Last week's payments", "CSV", "ATTACHMENT", email(partner)),
                        Schedules.lastWeekPayments("Someone else's payments", "CSV", "ATTACHMENT", email(other))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonArray items = admin.json(created).getJsonArray("items");
        csvItem = items.getJsonObject(0).getJsonNumber("id").longValue();
        otherItem = items.getJsonObject(1).getJsonNumber("id").longValue();
    }

    @Test
    void aPartnerSeesOnlyTheItemsAddressedToThemWithTheirFixedCriteria() {
        JsonArray mine = Api.parseArray(asPartner.get("/api/v1/on-demand").body());
        List<Long> ids = mine.stream()
                .map(v -> v.asJsonObject().getJsonNumber("itemId").longValue())
                .toList();
        assertThat(ids).contains(csvItem).doesNotContain(otherItem);
        JsonObject item = mine.stream()
                .map(v -> v.asJsonObject())
                .filter(o -> o.getJsonNumber("itemId").longValue() == csvItem)
                .findFirst()
                .orElseThrow();
        assertThat(item.getString("format")).isEqualTo("CSV");
        assertThat(item.getJsonArray("criteria").getJsonObject(0).getString("value"))
                .startsWith("Last week: ");
    }

    @Test
    void runningAnItemAnswersTheFileWithTheRowsStaffGetForTheSameCriteria() throws IOException {
        HttpResponse<byte[]> file = asPartner.postForFile("/api/v1/on-demand/" + csvItem + "/run", "{}");
        assertThat(file.statusCode())
                .as(new String(file.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains(".csv"));
        HttpResponse<byte[]> staff = Api.admin()
                .postForFile(
                        "/api/v1/reports/payments-activities-detailed/render",
                        "{\"criteriaSetId\": " + Schedules.lastWeekCriteriaSet() + ", \"format\": \"CSV\"}");
        assertThat(staff.statusCode()).isEqualTo(200);
        List<List<String>> partnerRows = dataRows(file.body());
        assertThat(partnerRows).hasSizeGreaterThan(1).isEqualTo(dataRows(staff.body()));

        long runId = Long.parseLong(file.headers().firstValue("X-Herald-Run").orElseThrow());
        JsonObject run = asPartner.json(asPartner.get("/api/v1/on-demand/runs/" + runId));
        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getJsonObject("file").getInt("rows")).isEqualTo(partnerRows.size() - 1);
    }

    @Test
    void anotherPartnerReachesNoneOfItAndIsAudited() {
        HttpResponse<byte[]> file = asPartner.postForFile("/api/v1/on-demand/" + csvItem + "/run", "{}");
        long runId = Long.parseLong(file.headers().firstValue("X-Herald-Run").orElseThrow());

        assertThat(asOther.post("/api/v1/on-demand/" + csvItem + "/run", "{}").statusCode())
                .isEqualTo(404);
        assertThat(asOther.get("/api/v1/on-demand/runs/" + runId).statusCode()).isEqualTo(404);
        assertThat(asOther.get("/api/v1/on-demand/runs/" + runId + "/file").statusCode())
                .isEqualTo(404);
        assertThat(asOther.post("/api/v1/on-demand/runs/" + runId + "/cancel", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(Api.parseArray(asOther.get("/api/v1/on-demand/runs").body()).toString())
                .doesNotContain("\"runId\":" + runId + ",");

        JsonArray refused = Api.admin()
                .json(Api.admin().get("/api/v1/audit?actor=" + other.username() + "&action=on-demand.refused"))
                .getJsonArray("items");
        assertThat(refused).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aThirdRunAtOnceWaitsInLineAndAWaitingRunCanBeCancelled() {
        TestUser busy = TestUsers.create("Collect Reports");
        Api asBusy = Api.as(busy.username(), busy.password()).withToken();
        Api admin = Api.admin();
        JsonObject schedule = admin.json(admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("Fair use"),
                        Schedules.lastWeekPayments("Payments", "CSV", "ATTACHMENT", email(busy)))));
        long item = schedule.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        // Each run of the test server takes at least a second (simulated work), so the first two are still going.
        List<JsonObject> runs =
                List.of(start(asBusy, item), start(asBusy, item), start(asBusy, item), start(asBusy, item));
        assertThat(runs.get(0).getString("status")).isIn("CLAIMED", "RUNNING");
        assertThat(runs.get(1).getString("status")).isIn("CLAIMED", "RUNNING");
        assertThat(runs.get(2).getString("status")).isEqualTo("QUEUED");
        assertThat(runs.get(2).getInt("placeInLine")).isEqualTo(1);
        assertThat(runs.get(3).getInt("placeInLine")).isEqualTo(2);

        long fourth = runs.get(3).getJsonNumber("runId").longValue();
        assertThat(asBusy.json(asBusy.post("/api/v1/on-demand/runs/" + fourth + "/cancel", "{}"))
                        .getString("status"))
                .isEqualTo("CANCELLED");

        long third = runs.get(2).getJsonNumber("runId").longValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> asBusy.json(asBusy.get("/api/v1/on-demand/runs/" + third))
                .getString("status")
                .equals("SUCCEEDED"));
        assertThat(asBusy.get("/api/v1/on-demand/runs/" + third + "/file").statusCode())
                .isEqualTo(200);
        assertThat(asBusy.json(asBusy.get("/api/v1/on-demand/runs/" + fourth)).getString("status"))
                .isEqualTo("CANCELLED");
    }

    @Test
    void filesSentByLinkAreListedAndFetchedByTheirRecipientOnly() {
        Api admin = Api.admin();
        JsonObject schedule = admin.json(admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("Sent by link"),
                        Schedules.lastWeekPayments("Linked payments", "CSV", "LINK", email(partner)))));
        long scheduleId = schedule.getJsonNumber("id").longValue();
        assertThat(admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}").statusCode())
                .isEqualTo(202);

        JsonObject[] mine = new JsonObject[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            mine[0] = Api.parseArray(asPartner.get("/api/v1/my-files").body()).stream()
                    .map(v -> v.asJsonObject())
                    .filter(f -> f.getString("displayName").equals("Linked payments"))
                    .findFirst()
                    .orElse(null);
            return mine[0] != null;
        });
        long deliveryId = mine[0].getJsonNumber("deliveryId").longValue();
        assertThat(mine[0].getString("expiresAt")).isNotBlank();
        HttpResponse<String> fetched = asPartner.get("/api/v1/my-files/" + deliveryId + "/file");
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("Paid at");

        assertThat(asOther.get("/api/v1/my-files/" + deliveryId + "/file").statusCode())
                .isEqualTo(404);
        assertThat(Api.parseArray(asOther.get("/api/v1/my-files").body()).toString())
                .doesNotContain("Linked payments");
    }

    private static JsonObject start(Api api, long item) {
        HttpResponse<String> answer = api.post("/api/v1/on-demand/" + item + "/run?wait=0", "{}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Location")).isPresent();
        return api.json(answer);
    }

    /** The CSV's rows from its header row on (a report may put its title and criteria above). */
    private static List<List<String>> dataRows(byte[] csv) throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT
                .parse(new StringReader(new String(csv, StandardCharsets.UTF_8)))
                .getRecords();
        int header = 0;
        while (header < records.size() && !records.get(header).toList().contains("Paid at")) {
            header++;
        }
        return records.subList(header, records.size()).stream()
                .map(CSVRecord::toList)
                .toList();
    }

    private static String email(TestUser user) {
        return user.username() + "@example.org";
    }
}
