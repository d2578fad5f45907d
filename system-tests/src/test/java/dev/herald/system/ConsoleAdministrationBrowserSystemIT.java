package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's other screens in Chromium, as an administrator uses them: the Report Explorer
 * (search, criteria from a set or typed, a wrong criterion named, preview, a saved and deleted
 * criteria set, a CSV download that holds the rows), roles (a wrong one named on its field, one made
 * and deleted after a confirmation), API tokens (shown once, working, revoked), settings (a wrong
 * value named on its field), every page at 1366×768 and 1920 wide without sideways scrolling, and
 * the navigation by keyboard.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleAdministrationBrowserSystemIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final List<String> PAGES = List.of(
            "index",
            "reports",
            "schedules",
            "schedule",
            "runs",
            "users",
            "roles",
            "audit",
            "settings",
            "scope-kinds",
            "sql-reports",
            "summary-reports",
            "tenants",
            "usage-reports",
            "scheduled-tasks",
            "tokens",
            "password");

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static Path downloads;
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConsoleAdministrationBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() throws IOException {
        base = HeraldServer.get().baseUrl();
        downloads = Files.createTempDirectory("herald-downloads");
        browser = Browser.open(downloads);
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
    @Order(1)
    void theReportExplorerNamesAWrongCriterionAndPreviewsWithACriteriaSet() {
        page.click("navReports");
        wait.until(ExpectedConditions.urlContains("/console/reports.xhtml"));
        page.search("catalog:query", "detailed");
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> catalogRows().size() == 1);
        page.click("catalog:table:0:open");
        page.waitForText("report", "Payments & Activities (detailed)");

        WebElement range = rangeField();
        range.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-13-01..2026-13-31");
        page.click("report:preview");
        page.waitForText("report:criteriaProblems", "Payment date (from):");
        assertThat(page.text("report:criteriaProblems")).contains("is not a date", "Payment date (to):");
        Browser.screenshot(browser, "console-report-explorer-wrong-criterion");

        page.choose("report:criteriaSet", "Last week");
        page.click("report:preview");
        page.waitForText("previewNote", "Payment date: Last week:");
        assertThat(browser.findElement(By.cssSelector("[id$='criterionMulti'] .ui-selectcheckboxmenu-label"))
                        .getText())
                .as("a multiple choice with nothing chosen reads as all")
                .isEqualTo("All");
        assertThat(browser.findElements(By.cssSelector("#previewTable tbody tr")))
                .isNotEmpty();
        assertThat(page.text("previewTable")).contains("Paid at");
        assertThat(page.text("previewCount"))
                .as("the preview says how many rows the report has, not only how many it shows")
                .matches(
                        "All [\\d,]+ rows\\.|1 row\\.|The first 50 of (more than )?[\\d,]+ rows; download the report for all of them\\.");
        List<String> headers = browser.findElements(By.cssSelector("#previewTable thead th")).stream()
                .map(WebElement::getText)
                .toList();
        List<WebElement> firstRow = browser.findElements(By.cssSelector("#previewTable tbody tr:first-child td"));
        assertThat(firstRow.get(headers.indexOf("Amount")).getText())
                .as("an amount in the organisation's currency (GBP unless the settings say otherwise), with two"
                        + " decimals and thousands separated")
                .matches("-?£\\d{1,3}(,\\d{3})*\\.\\d{2}");
        assertThat(firstRow.get(headers.indexOf("Channel")).getText())
                .as("a code in words")
                .isIn("Web", "Box office", "Phone");
        assertThat(page.text("previewTable")).doesNotContain("BOX_OFFICE", "BANK_TRANSFER", "GIFT_CARD");
        Browser.screenshot(browser, "console-report-explorer");
    }

    @Test
    @Order(2)
    void aCriteriaSetIsSavedThenDeletedAfterAConfirmation() {
        String name = "Yesterday by card " + SUFFIX;
        openPaymentsReport();
        page.type("report:setName", "");
        page.click("report:saveSet");
        page.waitForText("report", "Enter a name");

        rangeField().sendKeys(Keys.chord(Keys.CONTROL, "a"), "YESTERDAY");
        page.type("report:setName", name);
        page.click("report:saveSet");
        page.waitForText("growl_container", "The criteria set " + name + " is saved.");
        assertThat(page.text("report:criteriaSet_label")).isEqualTo(name);
        assertThat(Api.admin()
                        .get("/api/v1/reports/payments-activities-detailed/criteria-sets")
                        .body())
                .contains(name, "YESTERDAY");

        page.click("report:deleteSet");
        page.click("report:confirmNo");
        assertThat(Api.admin()
                        .get("/api/v1/reports/payments-activities-detailed/criteria-sets")
                        .body())
                .contains(name);
        page.click("report:deleteSet");
        page.click("report:confirmYes");
        page.waitForText("growl_container", "is deleted");
        assertThat(Api.admin()
                        .get("/api/v1/reports/payments-activities-detailed/criteria-sets")
                        .body())
                .doesNotContain(name);
    }

    @Test
    @Order(3)
    void theReportDownloadsAsPipeDelimitedCsvWithItsRows() throws IOException {
        openPaymentsReport();
        page.choose("report:criteriaSet", "Last week");
        page.choose("report:format", "CSV");
        page.choose("report:csvDelimiter", "Pipe (|)");
        page.click("report:download");

        Path file = wait.until(driver -> finishedDownload(".csv"));
        List<CSVRecord> records;
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter('|')
                    .build()
                    .parse(reader)
                    .getRecords();
        }
        assertThat(file.getFileName().toString()).startsWith("payments-activities-detailed-");
        assertThat(records.get(0).toList()).contains("Paid at");
        assertThat(records.size()).isGreaterThan(1);
        assertThat(records.stream().map(CSVRecord::size).distinct()).hasSize(1);
    }

    @Test
    @Order(4)
    void aRoleIsNamedOnItsFieldWhenWrongThenMadeAndDeleted() {
        String name = "Box office lead " + SUFFIX;
        browser.get(base + "/console/roles.xhtml");
        page.click("roles:addRole");
        page.click("roleForm:save");
        page.waitForText("roleForm", "Enter a name for the role.");
        page.waitForText("roleForm", "Give the role at least one permission.");
        Browser.screenshot(browser, "console-roles-invalid");

        page.type("roleForm:name", name);
        browser.findElement(By.xpath("//div[@id='roleForm:permissions']//label[text()='View Schedules']"))
                .click();
        browser.findElement(By.xpath("//div[@id='roleForm:permissions']//label[text()='Export Reports']"))
                .click();
        page.click("roleForm:save");
        page.waitForText("growl_container", "The role " + name + " is saved.");
        page.waitForText("roles:table", name);
        Browser.screenshot(browser, "console-roles");
        int row = rowIndexOf("roles:table", name);
        assertThat(page.text("roles:table")).contains("Export Reports, View Schedules");

        page.click("roles:table:" + row + ":delete");
        page.click("roles:confirmYes");
        page.waitForText("growl_container", "The role " + name + " is deleted.");
        wait.until(
                ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("roles:table"), name)));
    }

    @Test
    @Order(5)
    void anApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        String name = "Box office sync " + SUFFIX;
        browser.get(base + "/console/tokens.xhtml");
        page.click("tokens:addToken");
        page.click("tokenForm:create");
        page.waitForText("tokenForm", "Give the token a name");

        page.type("tokenForm:name", name);
        page.click("tokenForm:create");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secretForm:secret")));
        String secret = page.text("secretForm:secret");
        assertThat(secret).startsWith("hrld_");
        Browser.screenshot(browser, "console-token-secret");
        assertThat(Http.get("/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(200);

        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secretDialog")));
        browser.navigate().refresh();
        assertThat(browser.getPageSource()).doesNotContain(secret);
        Browser.screenshot(browser, "console-tokens");

        page.click("tokens:table:" + rowIndexOf("tokens:table", name) + ":revoke");
        page.click("tokens:confirmYes");
        page.waitForText("growl_container", "The token " + name + " is revoked");
        assertThat(Http.get("/api/v1/me", "Bearer " + secret).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void aSettingOutOfRangeIsNamedOnItsFieldAndNothingIsSaved() {
        browser.get(base + "/console/settings.xhtml");
        String before = Api.admin().get("/api/v1/settings").body();
        WebElement lifetime = browser.findElement(By.id("settings:linkLifetimeDays_input"));
        String days = lifetime.getAttribute("value");
        lifetime.sendKeys(Keys.chord(Keys.CONTROL, "a"), "400");
        page.click("settings:save");
        page.waitForText("settings", "A link lives between 1 and 365 days.");
        assertThat(Api.admin().get("/api/v1/settings").body()).isEqualTo(before);
        Browser.screenshot(browser, "console-settings-invalid");

        browser.findElement(By.id("settings:linkLifetimeDays_input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), days);
        WebElement history = browser.findElement(By.id("settings:runHistoryRetentionDays_input"));
        String historyDays = history.getAttribute("value");
        history.sendKeys(Keys.chord(Keys.CONTROL, "a"), "30");
        page.click("settings:save");
        page.waitForText("settings", "Keep runs at least as long as files and links");
        assertThat(Api.admin().get("/api/v1/settings").body()).isEqualTo(before);

        browser.findElement(By.id("settings:runHistoryRetentionDays_input"))
                .sendKeys(Keys.chord(Keys.CONTROL, "a"), historyDays);
        page.click("settings:save");
        page.waitForText("growl_container", "The settings are saved.");
        assertThat(Api.admin().get("/api/v1/settings").body()).isEqualTo(before);
        assertThat(page.text("housekeeping")).contains("Last looked", "Last purge");
        Browser.screenshot(browser, "console-settings");
    }

    @Test
    @Order(6)
    void settingsShowTheMailServerAndSendATestEmail() throws Exception {
        browser.get(base + "/console/settings.xhtml");
        assertThat(page.text("mailServer"))
                .contains("Server", "127.0.0.1:", "STARTTLS, required", "herald@test.example")
                .doesNotContain("password");
        browser.findElement(By.id("mail:testTo")).sendKeys("not an address");
        page.click("mail:sendTest");
        page.waitForText("mail", "Type one e-mail address");

        String to = "settings-test-" + System.nanoTime() + "@example.org";
        WebElement field = browser.findElement(By.id("mail:testTo"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), to);
        page.click("mail:sendTest");
        page.waitForText("mail", "The mail server accepted the test e-mail to " + to);
        assertThat(Mailbox.messagesTo(to)).singleElement().satisfies(mail -> assertThat(mail.getSubject())
                .isEqualTo("Herald test e-mail"));
        Browser.screenshot(browser, "console-settings-mail");
    }

    @Test
    @Order(7)
    void everyPageFitsAt1366And1920WithoutSidewaysScrolling() {
        for (Dimension size : List.of(new Dimension(1366, 768), new Dimension(1920, 1080))) {
            browser.manage().window().setSize(size);
            for (String name : PAGES) {
                browser.get(base + "/console/" + name + ".xhtml");
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
                assertThat(browser.findElement(By.tagName("h1")).getText())
                        .as(name)
                        .doesNotContain("Something went wrong", "Not allowed");
                long overflow = (Long) ((JavascriptExecutor) browser)
                        .executeScript("return document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth;");
                assertThat(overflow).as(name + " at " + size).isLessThanOrEqualTo(0L);
                if (size.getWidth() == 1920) {
                    Browser.screenshot(browser, "console-1920-" + name);
                }
            }
        }
        browser.manage().window().setSize(new Dimension(1366, 768));
    }

    @Test
    @Order(8)
    void theNavigationAndTheExplorerWorkFromTheKeyboard() {
        browser.get(base + "/console/");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        for (int i = 0; i < 30 && !"navReports".equals(focusedId()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(focusedId()).isEqualTo("navReports");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("/console/reports.xhtml"));

        for (int i = 0; i < 30 && !"catalog:query".equals(focusedId()); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(focusedId()).isEqualTo("catalog:query");
        browser.switchTo().activeElement().sendKeys("sales");
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> catalogRows().size() == 1);
    }

    @Test
    @Order(9)
    void aWrongConsoleAddressLeadsBackToTheConsoleAndEachPageHighlightsOneNavigationItem() {
        browser.get(base + "/console/no-such-page.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not found"));
        assertThat(browser.findElement(By.linkText("Back to the console")).getAttribute("href"))
                .endsWith("/console/");
        for (String console : List.of("scheduled-tasks.xhtml", "schedules.xhtml", "usage-reports.xhtml")) {
            browser.get(base + "/console/" + console);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".herald-nav-current")));
            assertThat(browser.findElements(By.cssSelector(".herald-nav-current")))
                    .as("highlighted on " + console)
                    .hasSize(1);
        }
    }

    private static void openPaymentsReport() {
        browser.get(base + "/console/reports.xhtml?key=payments-activities-detailed");
        page.waitForText("report", "Payments & Activities (detailed)");
    }

    private static String focusedId() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private static List<WebElement> catalogRows() {
        return browser.findElements(By.cssSelector("#catalog\\:table tbody tr[data-ri]"));
    }

    private static WebElement rangeField() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[name$='criterionRange_editableInput']")));
    }

    private static int rowIndexOf(String tableId, String text) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " is not in " + tableId);
    }

    private static Path finishedDownload(String extension) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(extension))
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
