package dev.herald.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every link Herald puts in an e-mail, built in one place from one configured public URL
 * (herald.public-url, HERALD_PUBLIC_URL) and the context roots the EAR declares for its web modules:
 * the console and API at {@value #CONSOLE_ROOT}, the partner portal at {@value #PARTNER_ROOT}
 * (a unit test holds these to ear/pom.xml).
 */
@ApplicationScoped
public class PublicLinks {

    /** The context root of the console, the API and the summary pages (the web module). */
    public static final String CONSOLE_ROOT = "/";

    /** The context root of the partner portal (the partner-web module). */
    public static final String PARTNER_ROOT = "/partner";

    @Inject
    @ConfigProperty(name = "herald.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /** Where people reach Herald: no trailing slash. */
    public String base() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** A file sent as a link: opens in the partner portal after sign-in. */
    public String partnerFile(String token) {
        return base() + PARTNER_ROOT + "/files/" + token;
    }

    /** The portal's page where a partner who forgot their password chooses a new one. */
    public String partnerPasswordReset(String secret) {
        return base() + PARTNER_ROOT + "/reset.xhtml?link=" + secret;
    }

    /** A summary report's page, which opens without signing in; its PDF is {@code summary.pdf} beside it. */
    public String summaryPage(String token) {
        return base() + web("summary/" + token + "/");
    }

    /** A run in the console's run history, opened. */
    public String consoleRun(long runId) {
        return base() + web("console/runs.xhtml?runId=" + runId);
    }

    /** The console's Settings, with the mail server and its test e-mail. */
    public String consoleSettings() {
        return base() + web("console/settings.xhtml");
    }

    /** The API call that sends a run's failed e-mails again. */
    public String resendFailedApi(long runId) {
        return base() + web("api/v1/runs/" + runId + "/resend-failed");
    }

    private static String web(String path) {
        return (CONSOLE_ROOT.endsWith("/") ? CONSOLE_ROOT : CONSOLE_ROOT + "/") + path;
    }
}
