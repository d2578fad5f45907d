package dev.herald.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The headers and the cross-site check that the console and the portal apply to every request. It
 * lives here, in the module both WARs share, so that the two cannot drift apart; each WAR has a
 * thin filter that calls it.
 *
 * <p>Cross-site request forgery is stopped three times over: the session cookies are SameSite=Lax,
 * every Faces form carries its view state (a random value a foreign page cannot know), and a
 * state-changing request whose {@code Origin} (or, failing that, {@code Referer}) names another host
 * is refused before it reaches the application. A request with neither header is let through: it
 * does not come from a browser page.
 */
public final class BrowserProtection {

    /**
     * For everything that is not a Faces page: files, JSON, the download landing page. Faces pages get
     * theirs from PrimeFaces, with a nonce (primefaces.CSP_POLICY in each web.xml).
     */
    public static final String OTHER_POLICY =
            "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none';"
                    + " form-action 'self'";

    private static final String FACES_RESOURCES = "/jakarta.faces.resource/";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final long HSTS_SECONDS = 365L * 24 * 3600;

    private BrowserProtection() {}

    /**
     * Sets the headers every answer carries. Faces pages get their Content Security Policy from
     * PrimeFaces, with a nonce; every other answer gets {@link #OTHER_POLICY}.
     */
    public static void protect(HttpServletRequest request, HttpServletResponse response, boolean facesPage) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_SECONDS);
        }
        if (!facesPage) {
            response.setHeader("Content-Security-Policy", OTHER_POLICY);
        }
    }

    /**
     * True for a path that a Faces page answers (its Content Security Policy then comes from
     * PrimeFaces, with a nonce): {@code .xhtml}, or a folder whose welcome page is one. Faces
     * resources are not pages.
     */
    public static boolean isPage(String path) {
        return !path.startsWith(FACES_RESOURCES) && (path.endsWith(".xhtml") || path.endsWith("/"));
    }

    /** True for a state-changing request sent by a page of another site. */
    public static boolean isCrossSiteWrite(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        if ("cross-site".equals(request.getHeader("Sec-Fetch-Site"))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !sameHost(origin, request.getHeader("Host"));
        }
        String referer = request.getHeader("Referer");
        return referer != null && !sameHost(referer, request.getHeader("Host"));
    }

    /** Compares the host and port of a URL with the Host header the request was sent to. */
    static boolean sameHost(String url, String hostHeader) {
        if (hostHeader == null || "null".equals(url)) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String host = hostHeader.strip().toLowerCase(Locale.ROOT);
            String candidate = authority.toLowerCase(Locale.ROOT);
            return candidate.equals(host) || candidate.equals(withoutDefaultPort(host, uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String withoutDefaultPort(String host, String scheme) {
        if ("http".equalsIgnoreCase(scheme) && host.endsWith(":80")) {
            return host.substring(0, host.length() - 3);
        }
        if ("https".equalsIgnoreCase(scheme) && host.endsWith(":443")) {
            return host.substring(0, host.length() - 4);
        }
        return host;
    }
}
