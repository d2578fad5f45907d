package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member of staff builds a schedule in the console's wizard, as the seed document walks through
 * it: basic details with the next runs shown as they type, two reports each picked from the
 * chooser with a criteria set, then runs it now, finds it by a report's name, disables it and
 * deletes it. Wrong input is named on its field. The steps build on each other.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSchedulesBrowserSystemIT {

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;
    private static final String NAME =
            "Console schedule " + UUID.randomUUID().toString().substring(0, 6);
    private static final String FINANCE =
            "finance-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    private static final String PROMOTER =
            "promoter-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConsoleSchedulesBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() {
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(1366, 768));
        page = new Page(browser);
        wait = page.waiting();
        browser.get(base + "/console/schedules.xhtml");
        page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theListOpensWithSearchAndAdd() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedules:table")));
        Browser.screenshot(browser, "console-schedules");
        page.click("schedules:add");
        wait.until(ExpectedConditions.urlContains("/console/schedule.xhtml"));
    }

    @Test
    @Order(2)
    void basicDetailsNameWhatIsMissingAndShowTheNextRuns() {
        page.click("editor:next");
        page.waitForText("editor", "Give the schedule a name");

        page.type("editor:name", NAME);
        page.type("editor:description", "Made in the console by a system test");
        WebElement nextRuns = browser.findElement(By.id("editor:nextRuns"));
        assertThat(nextRuns.findElements(By.tagName("li"))).hasSize(10);
        assertThat(nextRuns.getText()).contains("10:00");
        Browser.screenshot(browser, "console-schedule-basic");

        page.click("editor:next");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
    }

    @Test
    @Order(3)
    void twoReportsArePickedFromTheChooserWithTheirCriteriaSets() {
        addReport("Payments", "Payments & Activities (detailed)", "Yesterday's Sales", FINANCE);
        addReport("Sales", "Sales by Event", "Sales this month", PROMOTER);

        WebElement items = browser.findElement(By.id("editor:items"));
        assertThat(items.getText())
                .contains("Yesterday's Sales", "Payments & Activities", FINANCE, "Payment date: Last week");
        assertThat(items.getText()).contains("Sales this month", "Sales by Event", PROMOTER);
        Browser.screenshot(browser, "console-schedule-reports");

        page.click("editor:save");
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), NAME + " is saved."));
        assertThat(browser.getCurrentUrl()).contains("saved=");
        WebElement highlighted = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#schedules\\:table tr.herald-row-current")));
        assertThat(highlighted.getText())
                .as("the saved schedule's row is highlighted")
                .contains(NAME);
        assertThat(browser.findElements(By.cssSelector("#schedules\\:table tr.herald-row-current")))
                .hasSize(1);
    }

    @Test
    @Order(4)
    void itIsFoundByTheNameOfAReportItHolds() {
        page.search("schedules:query", "Sales this month");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:table"), NAME));
        assertThat(rows()).hasSize(1);
        Browser.screenshot(browser, "console-schedules-search");
    }

    @Test
    @Order(5)
    void runNowSendsTheMail() throws Exception {
        page.click("schedules:table:0:runNow");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "started"));

        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(messagesTo(FINANCE)).hasSize(1));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(messagesTo(PROMOTER)).hasSize(1));
        assertThat(messagesTo(FINANCE).get(0).getSubject()).isEqualTo("Your report from Herald Demo Theatre");

        browser.get(base + "/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nextRuns")));
        assertThat(browser.findElement(By.id("nextRuns")).findElements(By.tagName("li")))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5);
        Browser.screenshot(browser, "console-home-next-runs");
        browser.navigate().back();
    }

    @Test
    @Order(6)
    void theRunHistoryShowsEachReportItsFileAndEveryEMail() throws Exception {
        long id = scheduleId();
        Api api = Api.admin().withToken();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.json(api.get("/api/v1/runs?scheduleId=" + id))
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("status")
                .equals("SUCCEEDED"));
        browser.navigate().refresh();
        page.search("schedules:query", "Sales this month");
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> rows().size() == 1
                        && driver.findElement(By.id("schedules:table"))
                                .getText()
                                .contains(NAME)
                        && driver.findElement(By.id("schedules:table"))
                                .getText()
                                .contains("Succeeded"));
        page.click("schedules:table:0:history");
        wait.until(ExpectedConditions.urlContains("/console/runs.xhtml"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs:table"), "Succeeded"));
        browser.findElement(By.cssSelector("#runs\\:table .ui-row-toggler")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs:table"), FINANCE));
        String expanded = browser.findElement(By.id("runs:table")).getText();
        assertThat(expanded).contains("Yesterday's Sales", "Sales this month", FINANCE, PROMOTER, "Sent", "250");
        Browser.screenshot(browser, "console-run-history");

        WebElement download = browser.findElement(By.linkText("Download"));
        java.net.http.HttpResponse<byte[]> file = dev.herald.testing.Http.sendForBytes(
                dev.herald.testing.Http.request(download.getAttribute("href").replace(base, ""))
                        .header(
                                "Cookie",
                                "HERALD_CONSOLE="
                                        + browser.manage()
                                                .getCookieNamed("HERALD_CONSOLE")
                                                .getValue())
                        .GET());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).contains(".xlsx"));
        assertThat(new String(file.body(), 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("PK");

        long runId = api.json(api.get("/api/v1/runs?scheduleId=" + id))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        browser.get(base + "/console/runs.xhtml?runId=" + runId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs:table"), FINANCE));
        assertThat(browser.findElements(By.cssSelector("#runs\\:table tbody tr[data-ri]")))
                .as("the owner's link shows that one run, opened")
                .hasSize(1);

        browser.get(base + "/console/schedules.xhtml");
        page.search("schedules:query", "Sales this month");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:table"), NAME));
        assertThat(scheduleId()).isEqualTo(id);
    }

    @Test
    @Order(7)
    void disablingAsksFirstThenShowsDisabled() {
        page.click("schedules:table:0:disable");
        page.click("schedules:confirmYes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:table"), "Disabled"));
        long id = scheduleId();
        assertThat(Api.admin().json(Api.admin().get("/api/v1/schedules/" + id)).getBoolean("enabled"))
                .isFalse();
    }

    @Test
    @Order(8)
    void deletingAsksFirstAndNoIsNo() {
        long id = scheduleId();
        page.click("schedules:table:0:delete");
        page.click("schedules:confirmNo");
        assertThat(Api.admin().get("/api/v1/schedules/" + id).statusCode()).isEqualTo(200);

        page.click("schedules:table:0:delete");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("ui-confirm-dialog")));
        Browser.screenshot(browser, "console-schedule-delete-confirm");
        page.click("schedules:confirmYes");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "deleted"));
        assertThat(Api.admin().get("/api/v1/schedules/" + id).statusCode()).isEqualTo(404);
    }

    private static void addReport(String search, String report, String displayName, String recipient) {
        page.click("editor:addReport");
        page.search("item:reportQuery", search);
        // The chooser's table may be drawn again after the search's answer (a late answer under load
        // puts another report under the pointer): click only once it lists the report alone.
        page.search("item:reportQuery", report);
        By rows = By.cssSelector("#item\\:reports tbody tr");
        By plus = By.cssSelector("#item\\:reports button[title='Choose " + report + "']");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> shown = driver.findElements(rows);
            if (shown.size() != 1 || !shown.get(0).getText().contains(report)) {
                return false;
            }
            driver.findElement(plus).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("item:chosen"), report));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:criteriaSet")));
        page.click("item:toDetails");

        page.click("item:toCriteria");
        page.waitForText("item", "Enter at least one e-mail address.");

        page.type("item:displayName", displayName);
        page.type("item:recipients", recipient);
        page.click("item:toCriteria");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:keepItem")));
        page.click("item:keepItem");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor:items"), displayName));
    }

    private static long scheduleId() {
        String href = browser.findElement(By.id("schedules:table:0:edit")).getAttribute("href");
        return Long.parseLong(href.replaceAll(".*[?&]id=(\\d+).*", "$1"));
    }

    private static List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#schedules\\:table tbody tr[data-ri]"));
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        return Mailbox.messagesTo(address);
    }
}
