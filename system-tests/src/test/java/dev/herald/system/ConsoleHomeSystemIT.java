package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The console's Home page with what it lists gone: a recent failed run whose schedule was deleted
 * since. The page used to answer 500 to every member of staff until that run left the list.
 */
@SystemTest
class ConsoleHomeSystemIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LOGIN_ACTION = Pattern.compile("<form id=\"login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void homeListsAFailedRunWhoseScheduleWasDeleted() throws Exception {
        Api admin = Api.admin().withToken();
        String refused = "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HeraldServer.get().smtpGate().refuse(refused);
        String name = Schedules.uniqueName("Deleted since");
        HttpResponse<String> created = admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(name, Schedules.lastWeekPayments("Failing", "CSV", "ATTACHMENT", refused)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long scheduleId = admin.json(created).getJsonNumber("id").longValue();
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = admin.json(started).getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> "FAILED".equals(status(admin, runId)));
        assertThat(admin.deleteCurrent("/api/v1/schedules/" + scheduleId).statusCode())
                .isEqualTo(204);
        JsonObject run = admin.json(admin.get("/api/v1/runs/" + runId));
        assertThat(run.get("scheduleId")).as("the run outlives its schedule").isIn(null, JsonValue.NULL);

        HttpClient browser = signedInClient();
        HttpResponse<String> home =
                browser.send(Http.request("/console/index.xhtml").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(home.statusCode()).as("Home").isEqualTo(200);
        assertThat(home.body())
                .contains("Recent problems", "Run " + runId + " · " + name)
                .contains("/console/runs.xhtml?runId=" + runId);
        HttpResponse<String> history = browser.send(
                Http.request("/console/runs.xhtml?runId=" + runId).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(history.statusCode()).as("the run it links to").isEqualTo(200);
        assertThat(history.body()).contains(name);
    }

    private static String status(Api admin, long runId) {
        return admin.json(admin.get("/api/v1/runs/" + runId)).getString("status");
    }

    /** A client signed in to the console through its login form, as a browser would be. */
    private static HttpClient signedInClient() throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String base = HeraldServer.get().baseUrl();
        String login = client.send(
                        Http.request("/console/login.xhtml").GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher viewState = VIEW_STATE.matcher(login);
        Matcher action = LOGIN_ACTION.matcher(login);
        assertThat(viewState.find()).as("the login form's view state").isTrue();
        assertThat(action.find()).as("the login form").isTrue();
        Map<String, String> form = Map.of(
                "login", "login",
                "login:username", "admin",
                "login:password", HeraldServer.ADMIN_PASSWORD,
                "login:signIn", "",
                "jakarta.faces.ViewState", viewState.group(1));
        String body = form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(base + action.group(1).replace("&amp;", "&")))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as("signing in: " + signedIn.body()).isIn(302, 303);
        assertThat(signedIn.headers().firstValue("Location"))
                .as("where signing in leads")
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("login"));
        return client;
    }
}
