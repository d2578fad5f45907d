package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * What a browser is told by the console and the portal: a Content Security Policy with a fresh
 * nonce, no framing, no sniffing, no caching of pages, no server version; HttpOnly, SameSite session
 * cookies that are Secure over HTTPS; and state-changing requests from another site refused.
 */
@SystemTest
class WebHardeningSystemIT {

    private static final int HTTPS_PORT = HeraldServer.HTTP_PORT + 101;

    @Test
    void consoleAndPortalPagesCarryAPolicyWithAFreshNonce() {
        for (String page : List.of("/console/login.xhtml", "/partner/login.xhtml")) {
            HttpResponse<String> first = Http.send(Http.request(page).GET());
            HttpResponse<String> second = Http.send(Http.request(page).GET());

            String policy =
                    first.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy)
                    .as(page)
                    .contains(
                            "default-src 'self'",
                            "frame-ancestors 'none'",
                            "object-src 'none'",
                            "script-src 'self' 'nonce-")
                    .doesNotContain("unsafe-eval");
            assertThat(policy.substring(policy.indexOf("script-src"))).doesNotContain("unsafe-inline");
            assertThat(second.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .as("a new nonce for each answer")
                    .isNotEqualTo(policy);
            String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
            assertThat(first.body()).as("scripts carry the nonce").contains("nonce=\"" + nonce + "\"");

            assertThat(first.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(first.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(first.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(first.headers().firstValue("Server")).isEmpty();
            assertThat(first.headers().firstValue("X-Powered-By")).isEmpty();
        }
    }

    @Test
    void theApiAndFilesGetAPolicyThatAllowsNothingToRun() {
        HttpResponse<String> health = Http.send(Http.request("/api/v1/health").GET());

        assertThat(health.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
        assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void sessionCookiesAreHttpOnlyAndSameSite() {
        for (String page : List.of("/console/login.xhtml", "/partner/login.xhtml")) {
            String cookie = Http.send(Http.request(page).GET())
                    .headers()
                    .firstValue("Set-Cookie")
                    .orElseThrow();

            assertThat(cookie).as(page).contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        }
    }

    @Test
    void overHttpsTheCookiesAreSecureAndTheBrowserIsToldToStayOnHttps() throws Exception {
        for (String page : List.of("/console/login.xhtml", "/partner/login.xhtml")) {
            Map<String, List<String>> headers = httpsHeaders(page);

            assertThat(headers.get("Set-Cookie")).as(page).anySatisfy(cookie -> assertThat(cookie)
                    .contains("Secure", "HttpOnly"));
            assertThat(headers.get("Strict-Transport-Security")).as(page).anySatisfy(value -> assertThat(value)
                    .startsWith("max-age="));
        }
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        for (String page : List.of("/console/login.xhtml", "/partner/login.xhtml")) {
            HttpResponse<String> foreignOrigin = post(page, "Origin", "https://evil.example");
            HttpResponse<String> foreignReferer = post(page, "Referer", "https://evil.example/trap.html");
            HttpResponse<String> sameOrigin =
                    post(page, "Origin", HeraldServer.get().baseUrl());

            assertThat(foreignOrigin.statusCode()).as(page).isEqualTo(403);
            assertThat(foreignReferer.statusCode()).as(page).isEqualTo(403);
            assertThat(sameOrigin.statusCode()).as(page).isNotEqualTo(403);
        }
    }

    @Test
    void theApiTakesNoCookiesSoItNeedsNoOriginCheck() {
        HttpResponse<String> fromElsewhere = Http.send(Http.request("/api/v1/health")
                .header("Origin", "https://evil.example")
                .GET());

        assertThat(fromElsewhere.statusCode()).isEqualTo(200);
        assertThat(fromElsewhere.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
    }

    private static HttpResponse<String> post(String page, String header, String value) {
        return Http.send(Http.request(page)
                .header(header, value)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("login%3Ausername=admin&login%3Apassword=x")));
    }

    /** The answer's headers over Payara's HTTPS listener, whose certificate is its own self-signed one. */
    private static Map<String, List<String>> httpsHeaders(String page) throws IOException, GeneralSecurityException {
        SSLContext trustingEverything = SSLContext.getInstance("TLS");
        trustingEverything.init(null, new TrustManager[] {new TrustAll()}, null);
        HttpsURLConnection connection = (HttpsURLConnection)
                URI.create("https://localhost:" + HTTPS_PORT + page).toURL().openConnection();
        connection.setSSLSocketFactory(trustingEverything.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            connection.getHeaderFields().forEach((name, values) -> {
                if (name != null) {
                    headers.put(name, values);
                }
            });
            return headers;
        } finally {
            connection.disconnect();
        }
    }

    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
