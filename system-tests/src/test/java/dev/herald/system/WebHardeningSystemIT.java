package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    void answersMadeBeforeAnyPageAlsoCarryTheHeaders() {
        // Redirects to a login page (made by the authentication mechanisms, before any filter), the
        // API's 401, Herald's own redirect of /console, and the closed Payara endpoints.
        for (String path : List.of(
                "/console", "/console/", "/console/runs.xhtml", "/partner/", "/partner/files.xhtml", "/api/v1/users")) {
            HttpResponse<String> answer = Http.send(Http.request(path).GET());
            assertThat(answer.statusCode()).as(path).isIn(302, 401);
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'none'"));
        }
        for (String payara : List.of("/metrics", "/health")) {
            HttpResponse<String> answer = Http.send(Http.request(payara).GET());
            assertThat(answer.statusCode()).as(payara + " is not Payara's").isNotEqualTo(200);
            assertThat(answer.body()).as(payara).doesNotContain("heap", "vendor_", "base_");
        }
    }

    @Test
    void onlyHttpAndHttpsListenBeyondThisMachine() throws IOException {
        long pid = HeraldServer.get().pid();
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // a descriptor closed while we looked
                }
            }
        }
        Map<Integer, String> listening = new TreeMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                if ("0A".equals(fields[3]) && sockets.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    listening.put(Integer.parseInt(local[1], 16), local[0]);
                }
            }
        }
        assertThat(listening).as("Payara's listening sockets").containsKeys(HeraldServer.HTTP_PORT, HTTPS_PORT);
        listening.forEach((port, address) -> {
            if (port != HeraldServer.HTTP_PORT && port != HTTPS_PORT) {
                assertThat(address)
                        .as("port " + port + " listens on the loopback address only")
                        .isIn("0100007F", "00000000000000000000000001000000", "0000000000000000FFFF00000100007F");
            }
        });
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
