package dev.herald.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The links in e-mails point where the EAR puts its web modules. */
class PublicLinksTest {

    @Test
    void theContextRootsAreTheOnesTheEarDeclares() throws Exception {
        String ear = Files.readString(Path.of("..", "ear", "pom.xml"));

        assertThat(contextRootOf(ear, "herald-web")).isEqualTo(PublicLinks.CONSOLE_ROOT);
        assertThat(contextRootOf(ear, "herald-partner-web")).isEqualTo(PublicLinks.PARTNER_ROOT);
    }

    @Test
    void linksAreBuiltFromThePublicUrlWithoutDoubleSlashes() {
        PublicLinks links = new PublicLinks();
        links.publicUrl = "https://reports.example.org/";

        assertThat(links.partnerFile("t0k")).isEqualTo("https://reports.example.org/partner/files/t0k");
        assertThat(links.summaryPage("s1")).isEqualTo("https://reports.example.org/summary/s1/");
        assertThat(links.consoleRun(42)).isEqualTo("https://reports.example.org/console/runs.xhtml?runId=42");
        assertThat(links.consoleSettings()).isEqualTo("https://reports.example.org/console/settings.xhtml");
        assertThat(links.resendFailedApi(42)).isEqualTo("https://reports.example.org/api/v1/runs/42/resend-failed");
    }

    private static String contextRootOf(String pom, String artifactId) {
        Matcher module = Pattern.compile("<webModule>\\s*<groupId>[^<]*</groupId>\\s*<artifactId>"
                        + Pattern.quote(artifactId) + "</artifactId>\\s*<contextRoot>([^<]*)</contextRoot>")
                .matcher(pom);
        assertThat(module.find())
                .as("a web module " + artifactId + " in ear/pom.xml")
                .isTrue();
        return module.group(1).strip();
    }
}
