package dev.herald.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person signed in to the partner portal over plain HTTP, as a browser's requests would do it: the
 * login form posted with its view state, the session kept in a cookie. For tests that follow links
 * and download files without a browser.
 */
public final class PortalSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*?value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;

    private PortalSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in on the portal's login page; fails the test when the portal does not let them in. */
    public static PortalSession signIn(String username, String password) {
        PortalSession session = new PortalSession(HeraldServer.get().baseUrl());
        HttpResponse<String> page =
                session.send(session.request("/partner/login.xhtml").GET());
        Matcher viewState = VIEW_STATE.matcher(page.body());
        if (page.statusCode() != 200 || !viewState.find()) {
            throw new IllegalStateException("No login form: " + page.statusCode() + " " + page.body());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:username", username);
        form.put("login:password", password);
        form.put("login:signIn", "");
        form.put("jakarta.faces.ViewState", viewState.group(1));
        HttpResponse<String> signedIn = session.send(session.request("/partner/login.xhtml")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", session.baseUrl)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("login")) {
            throw new IllegalStateException("Not signed in: " + signedIn.statusCode() + " " + location);
        }
        return session;
    }

    /** A GET of the portal in this session; redirects are not followed. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A GET whose answer is a file. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
