package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Http;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call what: every endpoint of the API, called as five kinds of caller, each answer
 * compared with the table below. The table is the documentation of the API's permissions; a
 * test also checks that it names every operation the OpenAPI document publishes, so a new endpoint
 * cannot be added without deciding who may call it.
 *
 * <p>Endpoints that change or delete things are called on an id that does not exist or with an
 * empty body: a caller with the permission then gets 404 or 400 (it got past the permission
 * check), a caller without it 403, and nothing is changed by the test.
 */
@SystemTest
class AuthorizationMatrixSystemIT {

    /**
     * Columns: anonymous; partner (Collect Reports); viewer (a custom role with View Schedules and
     * Export Reports); Administrator; Super Administrator. Bodies: "-" none, "{}" an empty object,
     * $name one of {@link #BODIES}.
     */
    private static final String TABLE = """
            GET    /api/v1/health                              -         200 200 200 200 200
            GET    /api/v1/me                                  -         401 200 200 200 200
            PUT    /api/v1/me/password                         {}        401 400 400 400 400
            GET    /api/v1/permissions                         -         401 403 200 200 200
            GET    /api/v1/api-tokens                          -         401 200 200 200 200
            POST   /api/v1/api-tokens                          {}        401 400 400 400 400
            DELETE /api/v1/api-tokens/{missing}                -         401 404 404 404 404
            POST   /api/v1/recurrence/preview                  $preview  401 403 200 200 200
            GET    /api/v1/reports                             -         401 403 200 200 200
            POST   /api/v1/reports                             {}        401 403 403 403 400
            GET    /api/v1/reports/{report}                    -         401 403 200 200 200
            PUT    /api/v1/reports/{missingReport}             {}        401 403 403 403 404
            DELETE /api/v1/reports/{missingReport}             -         401 403 403 403 404
            POST   /api/v1/reports/{report}/render             $render   401 403 200 200 200
            POST   /api/v1/reports/{report}/preview            $render   401 403 200 200 200
            GET    /api/v1/reports/{report}/criteria-sets      -         401 403 200 200 200
            POST   /api/v1/reports/{report}/criteria-sets      {}        401 403 403 400 400
            GET    /api/v1/criteria-sets/{criteriaSet}         -         401 403 200 200 200
            PUT    /api/v1/criteria-sets/{missing}             {}        401 403 403 404 404
            DELETE /api/v1/criteria-sets/{missing}             -         401 403 403 404 404
            GET    /api/v1/schedules                           -         401 403 200 200 200
            POST   /api/v1/schedules                           {}        401 403 403 400 400
            GET    /api/v1/schedules/{schedule}                -         401 403 200 200 200
            PUT    /api/v1/schedules/{missing}                 {}        401 403 403 404 404
            DELETE /api/v1/schedules/{missing}                 -         401 403 403 404 404
            POST   /api/v1/schedules/{missing}/enable          -         401 403 403 404 404
            POST   /api/v1/schedules/{missing}/disable         -         401 403 403 404 404
            POST   /api/v1/schedules/{missing}/run             -         401 403 403 404 404
            POST   /api/v1/schedules/{schedule}/test           $noOne    401 403 403 400 400
            POST   /api/v1/schedules/who-gets-what             {}        401 403 403 400 400
            GET    /api/v1/schedules/{schedule}/next-runs      -         401 403 200 200 200
            GET    /api/v1/schedules/{schedule}/runs           -         401 403 200 200 200
            GET    /api/v1/schedules/{schedule}/calendar.ics   -         401 403 200 200 200
            GET    /api/v1/runs                                -         401 403 200 200 200
            GET    /api/v1/runs/{run}                          -         401 403 200 200 200
            GET    /api/v1/runs/{run}/items/{item}/file        -         401 403 200 200 200
            POST   /api/v1/runs/{run}/resend-failed            -         401 403 403 409 409
            POST   /api/v1/runs/{run}/cancel                   -         401 403 403 409 409
            POST   /api/v1/runs/{run}/deliveries/{missing}/withdraw-link - 401 403 403 404 404
            GET    /api/v1/on-demand                           -         401 200 403 403 200
            POST   /api/v1/on-demand/{missing}/run             -         401 404 403 403 404
            GET    /api/v1/on-demand/runs                      -         401 200 403 403 200
            GET    /api/v1/on-demand/runs/{missing}            -         401 404 403 403 404
            GET    /api/v1/on-demand/runs/{missing}/file       -         401 404 403 403 404
            POST   /api/v1/on-demand/runs/{missing}/cancel     -         401 404 403 403 404
            GET    /api/v1/my-files                            -         401 200 403 403 200
            GET    /api/v1/my-files/{missing}/file             -         401 404 403 403 404
            GET    /api/v1/users                               -         401 403 403 200 200
            POST   /api/v1/users                               {}        401 403 403 400 400
            POST   /api/v1/users/partners                      {}        401 403 403 400 400
            GET    /api/v1/users/assignable-roles              -         401 403 403 200 200
            GET    /api/v1/users/{user}                        -         401 403 403 200 200
            PUT    /api/v1/users/{missing}                     {}        401 403 403 404 404
            POST   /api/v1/users/{missing}/enable              -         401 403 403 404 404
            POST   /api/v1/users/{missing}/disable             -         401 403 403 404 404
            POST   /api/v1/users/{missing}/unlock              -         401 403 403 404 404
            PUT    /api/v1/users/{missing}/password            {}        401 403 403 404 404
            GET    /api/v1/users/{user}/scopes                 -         401 403 403 200 200
            PUT    /api/v1/users/{missing}/scopes              {}        401 403 403 404 404
            GET    /api/v1/scope-kinds                         -         401 403 200 200 200
            POST   /api/v1/scope-kinds                         {}        401 403 403 403 400
            GET    /api/v1/scope-kinds/{scopeKind}             -         401 403 200 200 200
            PUT    /api/v1/scope-kinds/{missing}               {}        401 403 403 403 404
            DELETE /api/v1/scope-kinds/{missing}               -         401 403 403 403 404
            GET    /api/v1/scope-kinds/{scopeKind}/values      -         401 403 200 200 200
            GET    /api/v1/roles                               -         401 403 403 200 200
            POST   /api/v1/roles                               {}        401 403 403 403 400
            GET    /api/v1/roles/{role}                        -         401 403 403 200 200
            PUT    /api/v1/roles/{missing}                     {}        401 403 403 403 404
            DELETE /api/v1/roles/{missing}                     -         401 403 403 403 404
            GET    /api/v1/audit                               -         401 403 403 200 200
            GET    /api/v1/settings                            -         401 403 200 200 200
            PUT    /api/v1/settings                            {}        401 403 403 400 400
            GET    /api/v1/settings/housekeeping               -         401 403 200 200 200
            GET    /api/v1/settings/mail                       -         401 403 200 200 200
            POST   /api/v1/settings/mail/test                  $badAddress 401 403 403 400 400
            GET    /api/v1/summary-reports/settings            -         401 403 403 200 200
            PUT    /api/v1/summary-reports/settings            {}        401 403 403 400 400
            POST   /api/v1/summary-reports/test                $badTo    401 403 403 400 400
            GET    /api/v1/summary-reports                     -         401 403 403 200 200
            POST   /api/v1/summary-reports/{missing}/revoke    -         401 403 403 404 404
            POST   /api/v1/summary-reports/{missing}/links/{missing}/revoke - 401 403 403 404 404
            GET    /api/v1/tenants                             -         401 403 200 200 200
            POST   /api/v1/usage-reports                       {}        401 403 400 400 400
            POST   /api/v1/usage-reports                       $scheduled 401 403 403 400 400
            GET    /api/v1/usage-reports                       -         401 403 200 200 200
            GET    /api/v1/usage-reports/export                -         401 403 200 200 200
            GET    /api/v1/usage-reports/{missing}             -         401 403 404 404 404
            POST   /api/v1/usage-reports/{missing}/cancel      -         401 403 404 404 404
            GET    /api/v1/usage-reports/{missing}/file        -         401 403 404 404 404
            GET    /api/v1/scheduled-tasks                     -         401 403 403 200 200
            POST   /api/v1/scheduled-tasks                     {}        401 403 403 400 400
            GET    /api/v1/scheduled-tasks/{missing}           -         401 403 403 404 404
            PUT    /api/v1/scheduled-tasks/{missing}           {}        401 403 403 404 404
            DELETE /api/v1/scheduled-tasks/{missing}           -         401 403 403 404 404
            POST   /api/v1/scheduled-tasks/{missing}/enable    -         401 403 403 404 404
            POST   /api/v1/scheduled-tasks/{missing}/disable   -         401 403 403 404 404
            """;

    private static final List<String> CALLERS = List.of("anonymous", "partner", "viewer", "administrator", "super");

    private static final Map<String, String> BODIES = Map.of(
            "$preview", """
                    {"recurrence": {"timeZone": "Europe/London", "runFrom": "2026-03-01",
                     "occurs": {"type": "DAILY", "every": 1}, "dailyFrequency": {"type": "ONCE", "at": "10:00"}},
                     "count": 3}""",
            "$render", "{\"criteria\": {\"paymentDate\": \"LAST_WEEK\"}, \"format\": \"CSV\"}",
            "$noOne", "{\"to\": []}",
            "$badTo", "{\"to\": [\"not-an-address\"]}",
            "$badAddress", "{\"to\": \"not-an-address\"}",
            "$scheduled", "{\"schedule\": {}}");

    private record Row(String method, String path, String body, List<Integer> expected) {}

    private static final Map<String, Api> callers = new HashMap<>();
    private static final Map<String, String> ids = new HashMap<>();

    @BeforeAll
    static void makeCallersAndThings() {
        Api admin = Api.admin().withToken();
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        HttpResponse<String> role = admin.post(
                "/api/v1/roles",
                Json.createObjectBuilder()
                        .add("name", "Report viewer " + suffix)
                        .add("description", "Sees schedules and downloads reports")
                        .add(
                                "permissions",
                                Json.createArrayBuilder().add("VIEW_SCHEDULES").add("EXPORT_REPORTS"))
                        .build());
        assertThat(role.statusCode()).as(role.body()).isEqualTo(201);
        ids.put("role", admin.json(role).getJsonNumber("id").toString());

        callers.put("anonymous", Api.anonymous());
        callers.put("partner", userWith(admin, "partner-" + suffix, "Collect Reports"));
        callers.put("viewer", userWith(admin, "viewer-" + suffix, "Report viewer " + suffix));
        callers.put("administrator", userWith(admin, "administrator-" + suffix, "Administrator"));
        callers.put("super", admin);

        HttpResponse<String> schedule =
                admin.post("/api/v1/schedules", Schedules.weekly(Schedules.uniqueName("Matrix")));
        assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);
        String scheduleId = admin.json(schedule).getJsonNumber("id").toString();
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = admin.json(started).getJsonNumber("id").toString();
        JsonObject[] run = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    run[0] = admin.json(admin.get("/api/v1/runs/" + runId));
                    return "SUCCEEDED".equals(run[0].getString("status"));
                });

        ids.put("schedule", scheduleId);
        ids.put("run", runId);
        ids.put(
                "item",
                run[0].getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonNumber("id")
                        .toString());
        ids.put("criteriaSet", String.valueOf(Schedules.lastWeekCriteriaSet()));
        ids.put("report", "payments-activities-detailed");
        ids.put("scopeKind", "company");
        ids.put("missingReport", "no-such-report-" + suffix);
        ids.put("missing", "987654321");
    }

    /** A user made through the API with one role, calling with an API token of their own. */
    private static Api userWith(Api admin, String username, String roleName) {
        String password = "Matrix test " + UUID.randomUUID();
        HttpResponse<String> created = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", username)
                        .add("email", username + "@example.org")
                        .add("password", password)
                        .add("mustChangePassword", false)
                        .add("roles", Json.createArrayBuilder().add(roleName))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        if (roleName.equals("Collect Reports")) {
            ids.put("user", admin.json(created).getJsonNumber("id").toString());
        }
        return Api.as(username, password).withToken();
    }

    @Test
    void everyEndpointAnswersEachCallerAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        for (Row row : rows()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                HttpResponse<String> answer = callers.get(caller).call(row.method(), expand(row.path()), row.body());
                int expected = row.expected().get(i);
                if (answer.statusCode() != expected) {
                    wrong.add(row.method() + " " + row.path() + " as " + caller + ": expected " + expected + ", got "
                            + answer.statusCode() + " " + abbreviate(answer.body()));
                }
            }
        }
        assertThat(wrong).as("answers that differ from the table").isEmpty();
    }

    @Test
    void refusalsAreProblemsThatSayWhy() {
        HttpResponse<String> forbidden = callers.get("viewer").get("/api/v1/users");
        assertThat(forbidden.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.json(forbidden).getInt("status")).isEqualTo(403);

        HttpResponse<String> anonymous = callers.get("anonymous").get("/api/v1/schedules");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void theTableNamesEveryOperationOfTheOpenApiDocument() {
        HttpResponse<String> document = Http.send(
                Http.request("/openapi").header("Accept", "application/json").GET());
        assertThat(document.statusCode()).isEqualTo(200);
        JsonObject paths = Http.json(document).getJsonObject("paths");
        Set<String> published = new TreeSet<>();
        paths.forEach((path, operations) -> operations.asJsonObject().keySet().stream()
                .filter(method ->
                        Set.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> published.add(method.toUpperCase() + " " + shape(path))));
        Set<String> tabled = new TreeSet<>();
        rows().forEach(row -> tabled.add(row.method() + " " + shape(row.path())));

        assertThat(tabled).as("operations in the table").containsAll(published);
        assertThat(published).as("operations the server publishes").containsAll(tabled);
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        TABLE.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            String[] cells = line.split("\\s+");
            String body =
                    switch (cells[2]) {
                        case "-" -> null;
                        case "{}" -> "{}";
                        default -> BODIES.get(cells[2]);
                    };
            List<Integer> expected = new ArrayList<>();
            for (int i = 3; i < cells.length; i++) {
                expected.add(Integer.parseInt(cells[i]));
            }
            assertThat(expected).as(line).hasSize(CALLERS.size());
            rows.add(new Row(cells[0], cells[1], body, expected));
        });
        return rows;
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static String expand(String path) {
        Matcher matcher = PLACEHOLDER.matcher(path);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = ids.get(matcher.group(1));
            assertThat(value).as("fixture " + matcher.group(1)).isNotNull();
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    /** A path with every parameter written alike, so that the table and the OpenAPI document compare. */
    private static String shape(String path) {
        String withBase = path.startsWith("/api/v1") ? path : "/api/v1" + path;
        return PLACEHOLDER.matcher(withBase).replaceAll("{}");
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
