package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mails;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Summaries for staff and on a phone: the console shows what each audience's summary looks like
 * (made now while none was made, then the latest one sent), and the linked page on a 390-pixel phone
 * draws its charts with text of at least 11 pixels, none of it past the chart's edges.
 */
@SystemTest
class SummaryPreviewBrowserSystemIT {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/summary/[A-Za-z0-9_-]{43}/)");
    private static final String SETTINGS = "/api/v1/summary-reports/settings";

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> SummaryPreviewBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() {
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        page = new Page(browser);
        wait = page.waiting();
        browser.get(base + "/console/");
        page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theConsoleShowsEachAudiencesSummaryThenTheLatestSentAndThePhoneChartsAreLegible() throws Exception {
        String organisation = "Preview Desk " + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> saved = Api.admin().put(SETTINGS, settings(organisation));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        long before = summariesMade();

        browser.get(base + "/console/summary-reports.xhtml");
        page.click("summaryPreview:previewOwner");
        page.waitForText("previewAbout", "Business owner summary");
        if (before == 0) {
            assertThat(page.text("previewAbout")).contains("made now from the saved settings");
            assertThat(frameText()).containsIgnoringCase(organisation); // the style sheet writes it in capitals
        } else {
            assertThat(page.text("previewAbout")).contains("the latest made, by run");
        }
        assertThat(frameText()).contains("Business owner summary", "Service desk summary");
        assertThat(frameText()).doesNotContain("Manager summary", "Download as PDF");
        assertThat(summariesMade()).as("a look makes and sends nothing").isEqualTo(before);
        Browser.screenshot(browser, "summary-preview-owner-1366");

        String to = "preview-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> started = Api.admin().post("/api/v1/summary-reports/test", "{\"to\": [\"" + to + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = Api.admin().json(started).getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(120)).until(() -> Mails.to(to).size() == 2);

        browser.navigate().refresh();
        page.click("summaryPreview:previewManager");
        page.waitForText("previewAbout", "the latest made, by run " + runId);
        assertThat(frameText()).containsIgnoringCase(organisation).contains("Manager summary", "Team performance");
        assertThat(frameStyled())
                .as("the summary's own style sheet applies in the frame")
                .isTrue();
        Browser.screenshot(browser, "summary-preview-manager-1366");

        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            page.click("summaryPreview:previewOwner");
            page.waitForText("previewAbout", "the latest made, by run " + runId);
            WebElement frame = browser.findElement(By.id("previewFrame"));
            assertThat(frame.getRect().getX()).isGreaterThanOrEqualTo(0);
            assertThat(frame.getRect().getX() + frame.getRect().getWidth()).isLessThanOrEqualTo(390);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", frame);
            Browser.screenshot(browser, "summary-preview-owner-390");

            Map<String, String> links = new TreeMap<>();
            for (MimeMessage mail : Mails.to(to)) {
                Matcher link = LINK.matcher(Mails.text(mail));
                assertThat(link.find()).isTrue();
                links.put(mail.getSubject().contains("manager summary") ? "manager" : "owner", link.group(1));
            }
            assertThat(links).containsOnlyKeys("owner", "manager");
            for (Map.Entry<String, String> link : links.entrySet()) {
                browser.get(base + link.getValue());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("svg")));
                List<String> problems = chartTextProblems();
                assertThat(problems).as(link.getKey() + " on a 390 px phone").isEmpty();
                Browser.screenshot(browser, "summary-" + link.getKey() + "-phone-charts");
                ((JavascriptExecutor) browser)
                        .executeScript("document.querySelector('svg.chart-narrow').scrollIntoView()");
                Browser.screenshot(browser, "summary-" + link.getKey() + "-phone-chart-close");
            }
        } finally {
            browser.manage().window().setSize(new Dimension(1366, 768));
        }
    }

    /**
     * The charts shown (the page draws each twice, one for wide screens and one for phones): every
     * text at least 11 px high in its font and inside its chart's box; the hidden ones not shown.
     */
    @SuppressWarnings("unchecked")
    private static List<String> chartTextProblems() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const problems = [];
                const shown = [...document.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width > 0);
                if (shown.length === 0) problems.push('no chart shown');
                shown.forEach(svg => {
                    if (!svg.classList.contains('chart-narrow')) problems.push('a wide chart is shown on a phone');
                    const box = svg.getBoundingClientRect();
                    const scale = box.width / svg.viewBox.baseVal.width;
                    svg.querySelectorAll('text').forEach(text => {
                        const px = parseFloat(text.getAttribute('font-size')) * scale;
                        const r = text.getBoundingClientRect();
                        if (px < 11) problems.push(text.textContent + ' is ' + px.toFixed(1) + ' px');
                        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
                            problems.push(text.textContent + ' is cut (' + r.left + '..' + r.right + ' of '
                                + box.left + '..' + box.right + ')');
                    });
                });
                if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
                    problems.push('the page is wider than the phone');
                return problems;""");
    }

    private static String frameText() {
        browser.switchTo().frame("previewFrame");
        try {
            return browser.findElement(By.tagName("body")).getText();
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private static boolean frameStyled() {
        browser.switchTo().frame("previewFrame");
        try {
            // Selenium writes computed colours as rgba().
            return "rgba(241, 245, 249, 1)"
                    .equals(browser.findElement(By.tagName("body")).getCssValue("background-color"));
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private static long summariesMade() throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM summary_report")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static JsonObject settings(String organisation) {
        return Json.createObjectBuilder()
                .add("enabled", false)
                .add("organisationName", organisation)
                .add("ownerEmails", Json.createArrayBuilder())
                .add("managerEmails", Json.createArrayBuilder())
                .add("periodDays", 7)
                .add("sendDay", "MONDAY")
                .add("sendTime", "08:00")
                .add("timeZone", "Europe/London")
                .build();
    }
}
