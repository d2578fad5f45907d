package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The API takes HTTP Basic and bearer tokens on every request, answers 401 as a problem, and keeps no session. */
@SystemTest
class ApiAuthenticationSystemIT {

    private static final String ADMIN = Http.basic("admin", HeraldServer.ADMIN_PASSWORD);

    @Test
    void withoutCredentialsTheApiAsksForThem() {
        HttpResponse<String> response = Http.get("/api/v1/me", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(Http.json(response).getInt("status")).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(Http.get("/api/v1/me", Http.basic("admin", "not the password"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(Http.get("/api/v1/me", "Basic not-base64!").statusCode()).isEqualTo(401);
        assertThat(Http.get("/api/v1/me", "Digest username=admin").statusCode()).isEqualTo(401);
    }

    @Test
    void basicAuthenticationCarriesTheUsersRolesAndSetsNoCookie() {
        HttpResponse<String> response = Http.get("/api/v1/me", ADMIN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject me = Http.json(response);
        assertThat(me.getString("username")).isEqualTo("admin");
        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString))
                .contains("STAFF", "MANAGE_ROLES", "MANAGE_USERS", "COLLECT_REPORTS");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aPartnerUsesTheApiWithCollectReportsOnly() {
        TestUser partner = TestUsers.create("Collect Reports");

        JsonObject me = Http.json(Http.get("/api/v1/me", Http.basic(partner.username(), partner.password())));

        assertThat(me.getJsonArray("roles").getValuesAs(JsonString::getString)).containsExactly("COLLECT_REPORTS");
    }

    @Test
    void aBearerTokenWorksUntilItIsRevoked() {
        HttpResponse<String> created = Http.send(Http.request("/api/v1/api-tokens")
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"reporting server\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonObject body = Http.json(created);
        String secret = body.getString("secret");
        long id = body.getJsonObject("token").getJsonNumber("id").longValue();
        assertThat(secret).startsWith("hrld_").hasSizeGreaterThan(40);

        HttpResponse<String> withToken = Http.get("/api/v1/me", "Bearer " + secret);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(Http.json(withToken).getString("username")).isEqualTo("admin");
        assertThat(Http.get("/api/v1/api-tokens", ADMIN).body())
                .contains("reporting server")
                .doesNotContain(secret);

        HttpResponse<String> revoked = Http.send(Http.request("/api/v1/api-tokens/" + id)
                .header("Authorization", ADMIN)
                .DELETE());
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(Http.get("/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThat(Http.get("/api/v1/me", "Bearer hrld_thisTokenWasNeverIssuedByHeraldAtAll0123456789")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aTokenWithoutANameIsAProblemNamingTheField() {
        HttpResponse<String> response = Http.send(Http.request("/api/v1/api-tokens")
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"  \"}")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("application/problem+json"));
        JsonObject problem = Http.json(response);
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(error -> assertThat(error.getString("field")).isEqualTo("name"));
    }
}
