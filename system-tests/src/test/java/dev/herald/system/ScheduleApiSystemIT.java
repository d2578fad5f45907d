package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedules API against the deployed EAR on PostgreSQL: CRUD, validation, search, firing, permissions. */
@SystemTest
class ScheduleApiSystemIT {

    private final Api admin = Api.admin();

    @Test
    void theApiExamplePreviewRunsOnTheMondaysAndThursdaysOfEverySecondWeek() {
        HttpResponse<String> response = admin.post("/api/v1/recurrence/preview", """
                {"recurrence": {"timeZone": "Europe/London", "runFrom": "2026-03-01", "runUntil": null,
                  "occurs": {"type": "WEEKLY", "every": 2, "days": ["MONDAY", "THURSDAY"]},
                  "dailyFrequency": {"type": "ONCE", "at": "10:00"}, "misfirePolicy": "RUN_ONCE"},
                 "after": "2026-03-01T00:00:00Z", "count": 6}""");

        assertThat(response.statusCode()).isEqualTo(200);
        // 1 March 2026 is a Sunday, so week 0 is 23 February – 1 March; London moves to BST on 29 March.
        assertThat(admin.json(response).getJsonArray("occurrences").getValuesAs(JsonString::getString))
                .containsExactly(
                        "2026-03-09T10:00:00Z",
                        "2026-03-12T10:00:00Z",
                        "2026-03-23T10:00:00Z",
                        "2026-03-26T10:00:00Z",
                        "2026-04-06T09:00:00Z",
                        "2026-04-09T09:00:00Z");
    }

    @Test
    void aScheduleIsCreatedReadFoundChangedAndDeleted() {
        String name = Schedules.uniqueName("Daily Reports");
        HttpResponse<String> created = admin.post("/api/v1/schedules", Schedules.weekly(name));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject schedule = admin.json(created);
        long id = schedule.getJsonNumber("id").longValue();
        assertThat(created.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/api/v1/schedules/" + id));
        assertThat(schedule.getString("nextRunAt")).isNotBlank();
        assertThat(schedule.getString("rrule")).contains("RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=MO,TH");
        long itemId = schedule.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        assertThat(admin.json(admin.get("/api/v1/schedules/" + id)).getString("name"))
                .isEqualTo(name);
        assertThat(namesFound("Payments")).contains(name);
        assertThat(namesFound(name.substring(name.length() - 8))).containsExactly(name);
        assertThat(admin.json(admin.get("/api/v1/schedules/" + id + "/next-runs?count=3"))
                        .getJsonArray("occurrences"))
                .hasSize(3);
        HttpResponse<String> calendar = admin.get("/api/v1/schedules/" + id + "/calendar.ics");
        assertThat(calendar.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(calendar.body()).contains("BEGIN:VEVENT", "TZID=Europe/London", "BEGIN:VTIMEZONE");

        JsonObject renamed = Json.createObjectBuilder(schedule)
                .add("name", name + " (renamed)")
                .build();
        HttpResponse<String> updated = admin.putCurrent("/api/v1/schedules/" + id, renamed);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(admin.json(updated)
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .longValue())
                .isEqualTo(itemId);

        JsonObject disabled = admin.json(admin.post("/api/v1/schedules/" + id + "/disable", (String) null));
        assertThat(disabled.getBoolean("enabled")).isFalse();
        assertThat(disabled.containsKey("nextRunAt")).isFalse();
        JsonObject enabled = admin.json(admin.post("/api/v1/schedules/" + id + "/enable", (String) null));
        assertThat(enabled.getString("nextRunAt")).isNotBlank();

        assertThat(admin.deleteCurrent("/api/v1/schedules/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = admin.get("/api/v1/schedules/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        // The audit log names each change in the style of every other action, and "schedule" finds them.
        List<String> audited = new ArrayList<>();
        admin.json(admin.get("/api/v1/audit?action=schedule&targetType=schedule&targetId=" + id + "&size=20"))
                .getJsonArray("items")
                .forEach(line -> audited.add(line.asJsonObject().getString("action")));
        assertThat(audited)
                .containsExactly(
                        "schedule.delete", "schedule.enable", "schedule.disable", "schedule.update", "schedule.create");
    }

    @Test
    void aScheduleWhoseCriteriaSetWasDeletedStaysEditable() {
        HttpResponse<String> set = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                Json.createObjectBuilder()
                        .add("name", Schedules.uniqueName("Soon gone"))
                        .add("criteria", Json.createObjectBuilder().add("paymentDate", "YESTERDAY"))
                        .build());
        assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
        long setId = admin.json(set).getJsonNumber("id").longValue();
        JsonObject base = Schedules.weekly(Schedules.uniqueName("Kept criteria"));
        JsonObject item = Json.createObjectBuilder(base.getJsonArray("items").getJsonObject(0))
                .add("criteriaSetId", setId)
                .remove("criteria")
                .build();
        HttpResponse<String> created = admin.post(
                "/api/v1/schedules",
                Json.createObjectBuilder(base)
                        .add("items", Json.createArrayBuilder().add(item))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = admin.json(created).getJsonNumber("id").longValue();

        assertThat(admin.deleteCurrent("/api/v1/criteria-sets/" + setId).statusCode())
                .isEqualTo(204);
        JsonObject read = admin.json(admin.get("/api/v1/schedules/" + id));
        JsonObject kept = read.getJsonArray("items").getJsonObject(0);
        assertThat(kept.get("criteriaSetId")).isIn(null, JsonValue.NULL);
        assertThat(kept.getJsonObject("criteria").getString("paymentDate")).isEqualTo("YESTERDAY");

        HttpResponse<String> saved = admin.putCurrent("/api/v1/schedules/" + id, read);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(admin.json(saved)
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonObject("criteria")
                        .getString("paymentDate"))
                .isEqualTo("YESTERDAY");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotAnIncident() {
        var response = admin.post("/api/v1/schedules", "{\"name\": \"Broken\", \"items\": [{\"criteriaSetId\": ,}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("The body is not valid JSON (line 1, column 48)")
                .doesNotContain("Incident", "java", "Exception");
    }

    @Test
    void invalidInputNamesEachBadField() {
        JsonObject bad = Json.createObjectBuilder(Schedules.weekly(" "))
                .add(
                        "recurrence",
                        Json.createObjectBuilder()
                                .add("timeZone", "Mars/Olympus")
                                .add("runFrom", "2026-03-10")
                                .add("runUntil", "2026-03-01")
                                .add(
                                        "occurs",
                                        Json.createObjectBuilder()
                                                .add("type", "WEEKLY")
                                                .add("days", Json.createArrayBuilder()))
                                .add(
                                        "dailyFrequency",
                                        Json.createObjectBuilder()
                                                .add("type", "ONCE")
                                                .add("at", "25:00")))
                .add(
                        "items",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("reportKey", "payments-activities-detailed")
                                        .add("criteriaSetId", Schedules.lastWeekCriteriaSet())
                                        .add(
                                                "recipients",
                                                Json.createArrayBuilder().add("finance@, someone@example.org"))))
                .build();

        HttpResponse<String> response = admin.post("/api/v1/schedules", bad);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(admin.json(response).getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(error -> error.getString("field"))
                .containsExactlyInAnyOrder(
                        "name",
                        "recurrence.timeZone",
                        "recurrence.runUntil",
                        "recurrence.occurs.days",
                        "recurrence.dailyFrequency.at",
                        "items[0].recipients");
    }

    @Test
    void twoSchedulesCannotShareANameWhateverItsCase() {
        String name = Schedules.uniqueName("Unique");
        assertThat(admin.post("/api/v1/schedules", Schedules.weekly(name)).statusCode())
                .isEqualTo(201);

        HttpResponse<String> again = admin.post("/api/v1/schedules", Schedules.weekly(name.toUpperCase()));

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"name\"", "already exists");
    }

    @Test
    void aDueRunHappensOnceAndRunNowStartsAnother() throws SQLException {
        JsonObject schedule = admin.json(
                admin.post("/api/v1/schedules", Schedules.dailyAt(Schedules.uniqueName("Due"), LocalTime.NOON)));
        long id = schedule.getJsonNumber("id").longValue();
        // Bring its next run forward to now, so the scheduler claims it at once.
        Instant due = Instant.now().minusMillis(500);
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE schedule SET next_run_at = ? WHERE id = ?")) {
            update.setObject(1, due.atOffset(java.time.ZoneOffset.UTC));
            update.setLong(2, id);
            update.executeUpdate();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(runs(id)).singleElement().satisfies(run -> {
                    assertThat(run.getString("trigger")).isEqualTo("SCHEDULED");
                    assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
                    assertThat(Instant.parse(run.getString("startedAt"))).isBefore(due.plusSeconds(5));
                }));
        assertThat(Instant.parse(
                        admin.json(admin.get("/api/v1/schedules/" + id)).getString("nextRunAt")))
                .isAfter(Instant.now());

        HttpResponse<String> runNow = admin.post("/api/v1/schedules/" + id + "/run", (String) null);
        assertThat(runNow.statusCode()).isEqualTo(202);
        long runId = admin.json(runNow).getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        admin.json(admin.get("/api/v1/runs/" + runId)).getString("status"))
                .isEqualTo("SUCCEEDED"));
        assertThat(runs(id)).extracting(run -> run.getString("trigger")).containsExactly("MANUAL", "SCHEDULED");

        // Each filter, alone, together and absent, more often than the JDBC driver's prepare threshold:
        // a null filter once bound as text made PostgreSQL refuse the prepared statement.
        Api asToken = admin.withToken();
        for (int round = 0; round < 7; round++) {
            assertThat(total(asToken, "/api/v1/runs?scheduleId=" + id)).isEqualTo(2);
            assertThat(total(asToken, "/api/v1/runs?scheduleId=" + id + "&status=SUCCEEDED"))
                    .isEqualTo(2);
            assertThat(total(asToken, "/api/v1/runs?scheduleId=" + id + "&status=FAILED"))
                    .isZero();
            assertThat(total(asToken, "/api/v1/runs?status=SUCCEEDED")).isGreaterThanOrEqualTo(2);
            assertThat(total(asToken, "/api/v1/runs")).isGreaterThanOrEqualTo(2);
        }
    }

    private static long total(Api api, String path) {
        HttpResponse<String> answer = api.get(path);
        assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
        return api.json(answer).getJsonNumber("total").longValue();
    }

    @Test
    void partnersMayNotSeeOrChangeSchedulesAndStrangersMustSignIn() {
        TestUser partner = TestUsers.create("Collect Reports");
        TestUser administrator = TestUsers.create("Administrator");
        Api asPartner = Api.as(partner.username(), partner.password());

        assertThat(asPartner.get("/api/v1/schedules").statusCode()).isEqualTo(403);
        assertThat(asPartner
                        .post("/api/v1/schedules", Schedules.weekly(Schedules.uniqueName("Partner")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(Api.as(administrator.username(), administrator.password())
                        .get("/api/v1/schedules")
                        .statusCode())
                .isEqualTo(200);
        assertThat(dev.herald.testing.Http.get("/api/v1/schedules", null).statusCode())
                .isEqualTo(401);
    }

    private List<String> namesFound(String query) {
        return admin
                .json(admin.get("/api/v1/schedules?size=200&q="
                        + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8)))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(item -> item.getString("name"))
                .toList();
    }

    private List<JsonObject> runs(long scheduleId) {
        return admin.json(admin.get("/api/v1/schedules/" + scheduleId + "/runs"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
    }

    @Test
    void listsSortByAFieldEitherWayAndRefuseAnyOther() {
        String prefix = Schedules.uniqueName("Sorted");
        for (String suffix : List.of("b", "a", "c")) {
            assertThat(admin.post("/api/v1/schedules", Schedules.weekly(prefix + " " + suffix))
                            .statusCode())
                    .isEqualTo(201);
        }
        String q = java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(names(admin.get("/api/v1/schedules?q=" + q)))
                .containsExactly(prefix + " a", prefix + " b", prefix + " c");
        assertThat(names(admin.get("/api/v1/schedules?sort=-name&q=" + q)))
                .containsExactly(prefix + " c", prefix + " b", prefix + " a");

        JsonObject runs = admin.json(admin.get("/api/v1/runs?sort=-finishedAt&size=5"));
        assertThat(runs.getJsonArray("items")).isNotNull();
        for (String bad : List.of("nome", "-", "name;DROP TABLE schedule", "x".repeat(100))) {
            HttpResponse<String> refused = admin.get("/api/v1/schedules?sort="
                    + java.net.URLEncoder.encode(bad, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(admin.json(refused)
                            .getJsonArray("errors")
                            .getJsonObject(0)
                            .getString("field"))
                    .isEqualTo("sort");
        }
        assertThat(admin.get("/api/v1/runs?sort=name").statusCode()).isEqualTo(400);
    }

    private static List<String> names(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        Api.parse(page.body())
                .getJsonArray("items")
                .forEach(item -> names.add(item.asJsonObject().getString("name")));
        return names;
    }
}
