package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The SQL reports screen in Chromium, as a Super Administrator uses it: a report with a parameter
 * made, tried (its first rows and total) and saved; a query the database refuses shown on its line;
 * a statement that writes refused with the check's message and nothing saved, what was typed kept;
 * delete after a confirmation; the layout measured at 1366×768 and 390×844. An Administrator (not
 * Super) neither sees the page nor reaches its actions.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SqlReportsBrowserSystemIT {

    private static final String KEY =
            "tenants-by-plan-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String NAME = "Tenants by plan " + KEY.substring(KEY.length() - 6);
    private static final String GOOD_SQL = "SELECT name, plan\nFROM usage_tenant\nWHERE plan = :plan\nORDER BY name";

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> SqlReportsBrowserSystemIT.browser);

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
    @Order(1)
    void aReportWithAParameterIsTriedThenSaved() {
        page.click("navSqlReports");
        wait.until(ExpectedConditions.urlContains("/console/sql-reports.xhtml"));
        page.click("list:newReport");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:sql")));
        page.type("editor:key", KEY);
        page.type("editor:name", NAME);
        page.type("editor:category", "Tests");
        sql(GOOD_SQL);
        page.click("editor:addParameter");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:parameters:0:name")));
        page.type("editor:parameters:0:name", "plan");
        page.type("editor:parameters:0:label", "Plan");
        page.type("editor:parameters:0:defaultValue", "BUSINESS");
        page.type("editor:parameters:0:previewValue", "ENTERPRISE");
        page.click("editor:try");
        page.waitForText("previewNote", "shown");

        long enterprise = count("SELECT COUNT(*) FROM reporting.usage_tenant WHERE plan = 'ENTERPRISE'");
        assertThat(enterprise).isPositive();
        assertThat(page.text("previewNote"))
                .contains("of " + enterprise + " row")
                .contains("Plan: ENTERPRISE");
        List<WebElement> rows = browser.findElements(By.cssSelector("#previewTable tbody tr"));
        assertThat(rows).hasSize((int) Math.min(enterprise, 20));
        assertThat(rows).allSatisfy(row -> assertThat(row.getText()).endsWith("ENTERPRISE"));
        assertThat(page.text("previewTable")).contains("Name", "Plan");
        Browser.screenshot(browser, "sql-reports-trial-1366");
        assertThat(Api.admin().get("/api/v1/reports/" + KEY).statusCode())
                .as("a trial saves nothing")
                .isEqualTo(404);

        page.click("editor:save");
        page.waitForText("growl_container", "The report " + NAME + " is saved.");
        JsonObject saved = Api.admin().json(Api.admin().get("/api/v1/reports/" + KEY));
        assertThat(saved.getString("sql")).isEqualTo(GOOD_SQL);
        JsonObject parameter = saved.getJsonArray("parameters").getJsonObject(0);
        assertThat(parameter.getString("name")).isEqualTo("plan");
        assertThat(parameter.getString("type")).isEqualTo("TEXT");
        assertThat(parameter.getString("defaultValue")).isEqualTo("BUSINESS");
        page.waitForText("list:table", NAME);
        assertThat(browser.findElement(By.id("editor:key")).isEnabled())
                .as("a saved report keeps its key")
                .isFalse();
    }

    @Test
    @Order(2)
    void theDatabasesErrorIsShownOnItsLineAndTheTextStays() {
        openSaved();
        String broken = "SELECT name,\n  no_such_column\nFROM usage_tenant\nWHERE plan = :plan";
        sql(broken);
        page.click("editor:try");
        page.waitForText("sqlProblems", "Line 2:");
        assertThat(page.text("sqlProblems")).contains("no_such_column");
        List<WebElement> marked = browser.findElements(By.cssSelector("#sqlGutter .herald-sql-bad"));
        assertThat(marked).singleElement().satisfies(line -> assertThat(line.getText())
                .isEqualTo("2"));
        assertThat(browser.findElement(By.id("editor:sql")).getAttribute("value"))
                .isEqualTo(broken);
        assertThat(browser.findElement(By.id("editor:sql")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertNoOverlapAndInsideTheWindow();
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('editor:sql').scrollIntoView({block: 'center'})");
        Browser.screenshot(browser, "sql-reports-error-line-1366");

        page.click("editor:save");
        page.waitForText("sqlProblems", "Line 2:");
        assertThat(Api.admin().json(Api.admin().get("/api/v1/reports/" + KEY)).getString("sql"))
                .as("nothing saved")
                .isEqualTo(GOOD_SQL);
    }

    @Test
    @Order(3)
    void aStatementThatWritesIsRefusedWithTheChecksMessageAndNothingIsLost() {
        page.click("list:newReport");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:sql")));
        String key = "unsafe-" + UUID.randomUUID().toString().substring(0, 6);
        page.type("editor:key", key);
        page.type("editor:name", "Unsafe");
        String unsafe = "DELETE FROM usage_tenant";
        sql(unsafe);
        page.click("editor:save");
        page.waitForText("sqlProblems", "A report's query is a SELECT (or WITH … SELECT): it only reads");
        assertThat(browser.findElement(By.id("editor:sql")).getAttribute("value"))
                .isEqualTo(unsafe);
        assertThat(browser.findElement(By.id("editor:key")).getAttribute("value"))
                .isEqualTo(key);
        assertThat(browser.findElement(By.id("editor:name")).getAttribute("value"))
                .isEqualTo("Unsafe");
        assertThat(Api.admin().get("/api/v1/reports/" + key).statusCode()).isEqualTo(404);
        assertThat(count("SELECT COUNT(*) FROM reporting.usage_tenant")).isPositive();

        sql("SELECT 1;\nDELETE FROM usage_tenant");
        page.click("editor:try");
        page.waitForText("sqlProblems", "Line 2: One statement only");
        Browser.screenshot(browser, "sql-reports-unsafe-1366");

        page.type("editor:key", "Not A Key!");
        page.type("editor:name", "");
        sql(GOOD_SQL);
        page.click("editor:save");
        page.waitForText("editor", "2–100 lower-case letters");
        page.waitForText("editor", "Enter a name of at most 200 characters");
        page.waitForText("editor", "The query uses :plan, which is not a declared parameter");
        page.click("editor:close");
    }

    @Test
    @Order(4)
    void theEditorFitsAPhoneAndADesktop() {
        for (Dimension size : List.of(new Dimension(390, 844), new Dimension(1366, 768))) {
            browser.manage().window().setSize(size);
            openSaved();
            page.click("editor:addParameter");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:parameters:1:name")));
            page.choose("editor:parameters:1:type", "Several choices");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:parameters:1:options")));
            assertThat(browser.findElement(By.id("editor:parameters:0:name")).getAttribute("value"))
                    .as("changing a type keeps what other rows hold")
                    .isEqualTo("plan");
            page.click("editor:try");
            page.waitForText("editor", "A choice needs options, or a lookup query");
            assertNoOverlapAndInsideTheWindow();
            String name = size.getWidth() < 500 ? "390" : "1366";
            Browser.screenshot(browser, "sql-reports-editor-" + name);
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            Browser.screenshot(browser, "sql-reports-top-" + name);
        }
    }

    @Test
    @Order(5)
    void aReportIsDeletedOnlyAfterAConfirmation() {
        openSaved();
        page.click("editor:deleteReport");
        page.click("list:confirmNo");
        assertThat(Api.admin().get("/api/v1/reports/" + KEY).statusCode()).isEqualTo(200);
        page.click("editor:deleteReport");
        page.click("list:confirmYes");
        page.waitForText("growl_container", "The report " + KEY + " is deleted.");
        assertThat(Api.admin().get("/api/v1/reports/" + KEY).statusCode()).isEqualTo(404);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor:sql")));
        assertThat(page.text("list:table")).doesNotContain(NAME);
    }

    @Test
    @Order(6)
    void anAdministratorWhoIsNotSuperCannotOpenThePageNorReachItsActions() throws Exception {
        TestUser administrator = TestUsers.create("Administrator");
        WebDriver other = Browser.open();
        try {
            Page otherPage = new Page(other);
            other.get(base + "/console/");
            otherPage.signIn(administrator.username(), administrator.password());
            otherPage.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
            assertThat(other.findElements(By.id("navSqlReports"))).isEmpty();

            other.get(base + "/console/sql-reports.xhtml");
            otherPage.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertThat(other.findElement(By.tagName("h1")).getText()).contains("Not allowed");
            assertThat(other.getPageSource()).doesNotContain("New SQL report");
            Browser.screenshot(other, "sql-reports-forbidden");

            String session = other.manage().getCookieNamed("HERALD_CONSOLE").getValue();
            HttpResponse<String> get =
                    Http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/console/sql-reports.xhtml"))
                            .header("Cookie", "HERALD_CONSOLE=" + session)
                            .GET());
            assertThat(get.statusCode()).isEqualTo(403);
            HttpResponse<String> action =
                    Http.send(HttpRequest.newBuilder(java.net.URI.create(base + "/console/sql-reports.xhtml"))
                            .header("Cookie", "HERALD_CONSOLE=" + session)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Faces-Request", "partial/ajax")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "editor=editor&editor%3Akey=sneaky&editor%3Aname=Sneaky&editor%3Asql=SELECT+1"
                                            + "&jakarta.faces.partial.ajax=true&jakarta.faces.source=editor%3Asave"
                                            + "&jakarta.faces.partial.execute=%40all&editor%3Asave=editor%3Asave")));
            assertThat(action.statusCode()).isEqualTo(403);
            Api api = Api.as(administrator.username(), administrator.password());
            assertThat(api.post("/api/v1/reports", "{\"key\":\"sneaky\",\"name\":\"Sneaky\",\"sql\":\"SELECT 1\"}")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(Api.admin().get("/api/v1/reports/sneaky").statusCode()).isEqualTo(404);
        } finally {
            other.quit();
        }
    }

    private static void openSaved() {
        browser.get(base + "/console/sql-reports.xhtml?key=" + KEY);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:sql")));
        assertThat(browser.findElement(By.id("editor:name")).getAttribute("value"))
                .isEqualTo(NAME);
    }

    private static void sql(String text) {
        WebElement area = browser.findElement(By.id("editor:sql"));
        area.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Typed line by line: a newline sent as a key would be typed as Enter, which is what a person does.
        area.sendKeys(text);
        wait.until(driver -> text.equals(area.getAttribute("value")));
    }

    private static long count(String query) {
        try (var connection = HeraldServer.get().database().getConnection();
                var statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every visible label, field and button of the editor: none wider than the window or past its
     * right edge, and no two of them overlapping (their boxes measured in the browser).
     */
    @SuppressWarnings("unchecked")
    private static void assertNoOverlapAndInsideTheWindow() {
        List<Map<String, Object>> boxes = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                        const width = document.documentElement.clientWidth;
                        const seen = [];
                        document.querySelectorAll('#editor label, #editor input:not([type=hidden]),'
                                + ' #editor textarea, #editor .ui-selectonemenu, #editor button, #editor .herald-sql-gutter')
                            .forEach(e => {
                                if (e.closest('.ui-helper-hidden-accessible')) return;
                                const r = e.getBoundingClientRect();
                                if (r.width === 0 || r.height === 0) return;
                                seen.push({id: e.id || e.textContent.trim().slice(0, 30), tag: e.tagName,
                                    left: r.left, top: r.top + window.scrollY, right: r.right,
                                    bottom: r.bottom + window.scrollY, width: width,
                                    inside: e.closest('.ui-selectonemenu, .ui-chkbox, .herald-sql') ? 1 : 0});
                            });
                        return seen;""");
        assertThat(boxes).hasSizeGreaterThan(10);
        long width = ((Number) boxes.get(0).get("width")).longValue();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> box : boxes) {
            if (number(box, "right") > width + 0.5 || number(box, "left") < -0.5) {
                problems.add(box.get("id") + " lies outside the window (" + number(box, "left") + ".."
                        + number(box, "right") + " of " + width + ")");
            }
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                Map<String, Object> a = boxes.get(i);
                Map<String, Object> b = boxes.get(j);
                if (contains(a, b) || contains(b, a)) {
                    continue; // a field's own parts (the menu's input inside the menu)
                }
                double overlapX = Math.min(number(a, "right"), number(b, "right"))
                        - Math.max(number(a, "left"), number(b, "left"));
                double overlapY = Math.min(number(a, "bottom"), number(b, "bottom"))
                        - Math.max(number(a, "top"), number(b, "top"));
                if (overlapX > 1 && overlapY > 1) {
                    problems.add(a.get("id") + " overlaps " + b.get("id"));
                }
            }
        }
        assertThat(problems).as("at " + width + " px").isEmpty();
        long overflow = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("sideways scrolling at " + width + " px").isLessThanOrEqualTo(0L);
    }

    private static boolean contains(Map<String, Object> outer, Map<String, Object> inner) {
        return number(outer, "left") <= number(inner, "left") + 0.5
                && number(outer, "right") >= number(inner, "right") - 0.5
                && number(outer, "top") <= number(inner, "top") + 0.5
                && number(outer, "bottom") >= number(inner, "bottom") - 0.5;
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
