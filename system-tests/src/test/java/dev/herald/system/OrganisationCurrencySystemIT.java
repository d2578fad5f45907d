package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The organisation's currency: GBP until changed, any ISO 4217 code in any case, a wrong one refused
 * on its field with nothing changed, and kept by a client that does not send it.
 */
@SystemTest
class OrganisationCurrencySystemIT {

    @Test
    void theCurrencyIsAnIsoCodeCheckedOnItsFieldAndKeptWhenLeftOut() {
        Api admin = Api.admin();
        JsonObject settings = admin.json(admin.get("/api/v1/settings"));
        assertThat(settings.getString("currency")).isEqualTo("GBP");
        try {
            HttpResponse<String> euros = admin.put(
                    "/api/v1/settings",
                    Json.createObjectBuilder(settings).add("currency", " eur ").build());
            assertThat(euros.statusCode()).as(euros.body()).isEqualTo(200);
            assertThat(Http.json(euros).getString("currency")).isEqualTo("EUR");

            for (String wrong : new String[] {"", "XYZ", "EURO", "€", "x".repeat(5000)}) {
                HttpResponse<String> refused = admin.put(
                        "/api/v1/settings",
                        Json.createObjectBuilder(settings)
                                .add("currency", wrong)
                                .build());
                assertThat(refused.statusCode())
                        .as("'%s'", wrong.length() > 10 ? "5000 x" : wrong)
                        .isEqualTo(400);
                JsonObject error = Http.json(refused).getJsonArray("errors").getJsonObject(0);
                assertThat(error.getString("field")).isEqualTo("currency");
                assertThat(error.getString("message"))
                        .contains("three-letter code")
                        .hasSizeLessThan(200);
            }
            assertThat(admin.json(admin.get("/api/v1/settings")).getString("currency"))
                    .as("a refused change changes nothing")
                    .isEqualTo("EUR");

            HttpResponse<String> withoutIt = admin.put(
                    "/api/v1/settings",
                    Json.createObjectBuilder(settings).remove("currency").build());
            assertThat(withoutIt.statusCode()).as(withoutIt.body()).isEqualTo(200);
            assertThat(Http.json(withoutIt).getString("currency"))
                    .as("a client that does not know the field keeps it as it is")
                    .isEqualTo("EUR");
        } finally {
            assertThat(admin.put("/api/v1/settings", settings).statusCode()).isEqualTo(200);
        }
    }
}
