package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The deployed Herald answers its health check, describes its API, and does not advertise its server. */
@SystemTest
class HealthSystemIT {

    @Test
    void healthIsUpWithoutCredentialsAndIncludesTheDatabase() {
        HttpResponse<String> response = Http.get("/api/v1/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonObject health = Http.json(response);
        assertThat(health.getString("status")).isEqualTo("UP");
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(check -> check.getString("name"))
                .contains("database", "mail");
        // Outsiders see each check's status, not why nor its figures (host names, error messages).
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class)).allSatisfy(check -> {
            assertThat(check.getString("status")).isIn("UP", "DEGRADED", "DOWN");
            assertThat(check.containsKey("detail")).as(check.toString()).isFalse();
            assertThat(check.containsKey("facts")).as(check.toString()).isFalse();
        });
    }

    @Test
    void staffSeeWhyAndTheFigures() {
        JsonObject health = Api.admin().json(Api.admin().get("/api/v1/health"));

        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class)).anySatisfy(check -> {
            assertThat(check.getString("name")).isEqualTo("database");
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(check.getString("detail")).isEqualTo("PostgreSQL");
        });
        assertThat(health.getJsonArray("checks").getValuesAs(JsonObject.class)).anySatisfy(check -> {
            assertThat(check.getString("name")).isEqualTo("mail");
            assertThat(check.getJsonObject("facts")).containsKey("consecutiveFailures");
        });
    }

    @Test
    void theOpenApiDocumentNamesHeraldAndItsEndpoints() {
        HttpResponse<String> response = Http.get("/openapi", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("title: Herald API", "/api/v1/health", "/api/v1/api-tokens");
    }

    @Test
    void responsesDoNotNameTheServer() {
        HttpResponse<String> response = Http.get("/api/v1/health", null);

        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("X-Powered-By")).isEmpty();
    }
}
