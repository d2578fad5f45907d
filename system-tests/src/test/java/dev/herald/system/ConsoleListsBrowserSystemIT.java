package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.Schedules;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalTime;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The schedules list and the run history in Chromium: result counts, sorting by a column, bulk
 * enable/disable/delete (delete after a confirmation that names how many; a schedule gone meanwhile
 * is named and the others are still done; staff who may only view get no bulk controls), the list
 * refreshing itself while a run goes and stopping when it ends, run history filtered by a schedule's
 * name, statuses in words and times in the organisation's zone. A slow report (it sleeps in the
 * database) keeps a run going long enough to watch.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleListsBrowserSystemIT {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 6);
    private static final String PREFIX = "Lists " + TAG;

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;
    private static Api admin;
    private static long alpha;
    private static long bravo;
    private static long charlie;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConsoleListsBrowserSystemIT.browser);

    @BeforeAll
    static void schedulesAndABrowser() {
        base = HeraldServer.get().baseUrl();
        admin = Api.admin().withToken();
        // Names sort one way, next runs the other: Charlie runs first, Alpha last.
        alpha = create(Schedules.dailyAt(PREFIX + " Alpha", LocalTime.of(23, 50)));
        bravo = create(Schedules.dailyAt(PREFIX + " Bravo", LocalTime.of(23, 40)));
        charlie = create(Schedules.dailyAt(PREFIX + " Charlie", LocalTime.of(23, 30)));
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
    void theListCountsWhatItFindsAndSortsByAColumn() {
        page.search("schedules:query", PREFIX);
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Bravo", PREFIX + " Charlie"));
        assertThat(page.text("schedules:table:count")).isEqualTo("3 schedules");
        assertThat(header("Schedule").getRect().getWidth())
                .as("the names' column keeps room for a name at 1366 pixels")
                .isGreaterThanOrEqualTo(150);

        clickHeader("Schedule");
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Bravo", PREFIX + " Charlie"));
        clickHeader("Schedule");
        waitForNames(List.of(PREFIX + " Charlie", PREFIX + " Bravo", PREFIX + " Alpha"));
        assertThat(header("Schedule").getAttribute("aria-sort")).isEqualTo("descending");

        clickHeader("Next run");
        waitForNames(List.of(PREFIX + " Charlie", PREFIX + " Bravo", PREFIX + " Alpha"));
        clickHeader("Next run");
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Bravo", PREFIX + " Charlie"));

        String zone = admin.json(admin.get("/api/v1/settings")).getString("timeZone");
        assertThat(browser.findElement(By.id("schedules:table_data")).getText())
                .as("times are in the organisation's zone and say so")
                .contains(" " + shortZoneName(zone));

        page.search("schedules:query", PREFIX + " Bravo");
        wait.until(ExpectedConditions.textToBe(By.id("schedules:table:count"), "1 schedule"));
        Browser.screenshot(browser, "lists-schedules-sorted-desktop");
    }

    @Test
    @Order(2)
    void bulkDisableChangesTheChosenOnesAndAuditsEach() {
        page.search("schedules:query", PREFIX);
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Bravo", PREFIX + " Charlie"));
        assertThat(browser.findElement(By.id("schedules:bulkDisable")).isEnabled())
                .as("nothing chosen yet")
                .isFalse();
        choose(PREFIX + " Alpha");
        choose(PREFIX + " Charlie");
        wait.until(ExpectedConditions.textToBe(By.id("chosenCount"), "2 chosen"));
        Browser.screenshot(browser, "lists-schedules-bulk-chosen-desktop");
        page.click("schedules:bulkDisable");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "2 schedules disabled."));

        assertThat(enabled(alpha)).isFalse();
        assertThat(enabled(charlie)).isFalse();
        assertThat(enabled(bravo)).as("not chosen").isTrue();
        for (long id : List.of(alpha, charlie)) {
            assertThat(admin.json(admin.get("/api/v1/audit?action=schedule.disable&targetId=" + id))
                            .getJsonArray("items"))
                    .as("audited as a single disable")
                    .hasSize(1);
        }
        wait.until(ExpectedConditions.textToBe(By.id("chosenCount"), "None chosen"));
    }

    @Test
    @Order(3)
    void aScheduleGoneMeanwhileIsNamedAndTheOthersAreStillChanged() {
        browser.navigate().refresh();
        page.search("schedules:query", PREFIX);
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Bravo", PREFIX + " Charlie"));
        choose(PREFIX + " Alpha");
        choose(PREFIX + " Bravo");
        choose(PREFIX + " Charlie");
        wait.until(ExpectedConditions.textToBe(By.id("chosenCount"), "3 chosen"));
        // Someone else deletes Bravo while it is chosen here.
        assertThat(admin.deleteCurrent("/api/v1/schedules/" + bravo).statusCode())
                .isEqualTo(204);

        page.click("schedules:bulkEnable");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "2 schedules enabled."));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("growl_container"), "1 schedule not enabled: " + PREFIX + " Bravo: it no longer exists"));
        assertThat(enabled(alpha)).isTrue();
        assertThat(enabled(charlie)).isTrue();
        Browser.screenshot(browser, "lists-schedules-bulk-partly-desktop");
        waitForNames(List.of(PREFIX + " Alpha", PREFIX + " Charlie"));
    }

    @Test
    @Order(4)
    void bulkDeleteAsksNamingHowManyAndNoIsNo() {
        choose(PREFIX + " Alpha");
        choose(PREFIX + " Charlie");
        wait.until(ExpectedConditions.textToBe(By.id("chosenCount"), "2 chosen"));
        page.click("schedules:bulkDelete");
        WebElement dialog =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("ui-confirm-dialog")));
        assertThat(dialog.getText()).contains("Delete 2 schedules and their reports?");
        Browser.screenshot(browser, "lists-schedules-bulk-delete-confirm-desktop");
        page.click("schedules:confirmNo");
        assertThat(admin.get("/api/v1/schedules/" + alpha).statusCode()).isEqualTo(200);

        page.click("schedules:bulkDelete");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("ui-confirm-dialog")));
        page.click("schedules:confirmYes");
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "2 schedules deleted."));
        assertThat(admin.get("/api/v1/schedules/" + alpha).statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/schedules/" + charlie).statusCode()).isEqualTo(404);
        wait.until(ExpectedConditions.textToBe(By.id("schedules:table:count"), "0 schedules"));
    }

    @Test
    @Order(5)
    void theListRefreshesItselfWhileARunGoesAndStopsAfter() {
        String report = SqlReports.create(admin, "slow", "SELECT 1 AS n, CAST(pg_sleep(15) AS VARCHAR) AS pause");
        JsonObject schedule = SqlReports.onDemandSchedule(admin, report, "ATTACHMENT", "slow-" + TAG + "@example.org");
        String name = schedule.getString("name");

        browser.get(base + "/console/schedules.xhtml");
        page.search("schedules:query", name);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:table"), "Never run"));
        assertThat(pollActive("schedulesPoll")).as("nothing runs: no poll").isFalse();

        page.click("schedules:table:0:runNow");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("growl_container"), "started"));
        wait.until(driver -> lastResult().matches("Queued|Starting|Running"));
        assertThat(pollActive("schedulesPoll")).as("a run goes: the poll runs").isTrue();
        Browser.screenshot(browser, "lists-schedules-running-desktop");

        // No reload: the poll brings the end of the run, then stops; the search stays.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> lastResult().equals("Succeeded"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !pollActive("schedulesPoll"));
        assertThat(browser.findElement(By.id("schedules:query")).getAttribute("value"))
                .isEqualTo(name);

        // The run history, filtered by the schedule's name, follows a run started elsewhere.
        long id = schedule.getJsonNumber("id").longValue();
        assertThat(admin.post("/api/v1/schedules/" + id + "/run", "{}").statusCode())
                .isEqualTo(202);
        browser.get(base + "/console/runs.xhtml");
        page.search("runs:scheduleName", name.substring(5));
        wait.until(ExpectedConditions.textToBe(By.id("runs:table:count"), "2 runs"));
        clickRunsHeader("Status");
        wait.until(driver -> pollActive("runsPoll"));
        Browser.screenshot(browser, "lists-runs-running-desktop");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> runStatuses().equals(List.of("Succeeded", "Succeeded")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !pollActive("runsPoll"));
        assertThat(browser.findElement(By.id("runs:scheduleName")).getAttribute("value"))
                .isEqualTo(name.substring(5));
        assertThat(runsHeader("Status").getAttribute("aria-sort"))
                .as("the order chosen stays")
                .isEqualTo("ascending");
        String zone = admin.json(admin.get("/api/v1/settings")).getString("timeZone");
        assertThat(browser.findElement(By.id("runs:table_data")).getText())
                .as("times are in the organisation's zone and say so")
                .contains(" " + shortZoneName(zone));
        Browser.screenshot(browser, "lists-runs-desktop");
    }

    @Test
    @Order(6)
    void runHistoryByANameMatchingNothingSaysSoAndATooLongNameIsRefusedOnItsField() {
        browser.get(base + "/console/runs.xhtml");
        page.search("runs:scheduleName", "no schedule is called this " + TAG);
        wait.until(ExpectedConditions.textToBe(By.id("runs:table:count"), "0 runs"));
        assertThat(page.text("runs:table")).contains("No run matches.");

        browser.get(base + "/console/runs.xhtml?schedule=" + "x".repeat(201));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("runs:table")));
        assertThat(browser.getPageSource()).doesNotContain("Exception");
    }

    @Test
    @Order(7)
    void bothListsFitAPhone() {
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String path : List.of("schedules.xhtml", "runs.xhtml")) {
            browser.get(base + "/console/" + path);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".herald-table")));
            assertThat((Boolean) ((JavascriptExecutor) browser)
                            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;"))
                    .as(path + " is not wider than the phone")
                    .isTrue();
            for (WebElement field : browser.findElements(By.cssSelector("main input, main button, main label"))) {
                if (field.isDisplayed()) {
                    Rectangle box = field.getRect();
                    assertThat(box.getX() + box.getWidth())
                            .as(path + " " + field.getAttribute("id"))
                            .isLessThanOrEqualTo(390);
                }
            }
            Browser.screenshot(browser, "lists-" + path.replace(".xhtml", "") + "-phone");
        }
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @Test
    @Order(8)
    void staffWhoMayOnlyViewGetNoBulkControls() {
        String roleName = "Lists viewer " + TAG;
        assertThat(admin.post(
                                "/api/v1/roles",
                                Json.createObjectBuilder()
                                        .add("name", roleName)
                                        .add(
                                                "permissions",
                                                Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                                        .build())
                        .statusCode())
                .isEqualTo(201);
        TestUser viewer = TestUsers.create(roleName);
        browser.manage().deleteAllCookies();
        browser.get(base + "/console/schedules.xhtml");
        page.signIn(viewer.username(), viewer.password());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedules:table")));
        assertThat(browser.findElements(By.id("schedules:bulk"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#schedules\\:table .ui-selection-column")))
                .isEmpty();
    }

    /** The zone's short name now, as the console writes it after a time (GMT, CET, UTC). */
    private static String shortZoneName(String zone) {
        return java.time.format.DateTimeFormatter.ofPattern("zzz", java.util.Locale.UK)
                .format(java.time.ZonedDateTime.now(java.time.ZoneId.of(zone)));
    }

    private static long create(JsonObject schedule) {
        HttpResponse<String> created = admin.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created).getJsonNumber("id").longValue();
    }

    private static boolean enabled(long id) {
        return admin.json(admin.get("/api/v1/schedules/" + id)).getBoolean("enabled");
    }

    private static void waitForNames(List<String> names) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> names().equals(names));
    }

    private static List<String> names() {
        return browser.findElements(By.cssSelector("#schedules\\:table tbody tr[data-ri] td:nth-child(2) a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static String lastResult() {
        List<WebElement> tags = browser.findElements(By.cssSelector("#schedules\\:table tbody tr[data-ri] .ui-tag"));
        return tags.size() < 2 ? "" : tags.get(1).getText();
    }

    private static List<String> runStatuses() {
        return browser.findElements(By.cssSelector("#runs\\:table tbody tr[data-ri] .ui-tag")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void choose(String name) {
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//tbody[@id='schedules:table_data']/tr[.//a[text()='" + name + "']]")));
        row.findElement(By.cssSelector(".ui-chkbox-box")).click();
    }

    private static WebElement header(String text) {
        return browser.findElement(By.xpath(
                "//div[@id='schedules:table']//th[.//span[contains(@class,'ui-column-title') and starts-with(text(),'"
                        + text + "')]]"));
    }

    private static void clickHeader(String text) {
        sortBy(() -> header(text));
    }

    private static WebElement runsHeader(String text) {
        return browser.findElement(By.xpath("//div[@id='runs:table']//th[.//span[contains(@class,'ui-column-title')"
                + " and starts-with(text(),'" + text + "')]]"));
    }

    private static void clickRunsHeader(String text) {
        sortBy(() -> runsHeader(text));
    }

    /** Clicks a column's heading (found again if a refresh replaced it) and waits for the table's answer. */
    private static void sortBy(java.util.function.Supplier<WebElement> header) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long before = (Long) js.executeScript("if (window.heraldAjaxDone === undefined) {"
                + " window.heraldAjaxDone = 0;"
                + " $(document).on('pfAjaxComplete', function () { window.heraldAjaxDone++; }); }"
                + " return window.heraldAjaxDone;");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            header.get().click();
            return true;
        });
        wait.until(driver -> (Boolean) js.executeScript(
                "return window.heraldAjaxDone > arguments[0] && PrimeFaces.ajax.Queue.isEmpty();", before));
    }

    private static boolean pollActive(String widget) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return !!(PrimeFaces.widgets['" + widget + "'] && PF('" + widget + "').isActive());"));
    }
}
