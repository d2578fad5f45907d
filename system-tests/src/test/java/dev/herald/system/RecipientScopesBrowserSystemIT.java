package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.ElementBoxes;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.SqlReports;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import dev.herald.testing.WizardSteps;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Recipient-bound reports in the console, walked as staff would at 1366×768 and 390×844: the demo
 * scope kinds on their page, a partner given a company on the Users page through the kind's search,
 * a report bound to the company kind shown as filled from each recipient, a schedule item made once
 * per recipient with "Who gets what" (a recipient with a value and their rows, one without a value,
 * an address without an account), the item sent to everyone refused for a limited recipient, and the
 * run's per-recipient items. Then what goes wrong: a kind of 10,000 values with a very long name, a
 * kind whose lookup fails, and staff without Manage Users or Super Administrator.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecipientScopesBrowserSystemIT {

    private static final Dimension LAPTOP = ElementBoxes.DESKTOP;
    private static final Dimension PHONE = ElementBoxes.PHONE;
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String PARTNER = "scoped-" + SUFFIX;
    private static final String PARTNER_EMAIL = PARTNER + "@promoter.example";
    private static final String NO_VALUE_EMAIL = "novalue-" + SUFFIX + "@promoter.example";
    private static final String STRANGER = "stranger-" + SUFFIX + "@elsewhere.example";
    private static final String LONG_NAME = "The Extraordinarily Long-Named Regional Promotions and Touring Company "
            .repeat(3)
            .strip();

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;
    private static Api admin;
    private static String reportKey;
    private static String reportName;
    private static long companyId;
    private static String companyName;
    private static long scheduleId;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> RecipientScopesBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() throws SQLException {
        base = HeraldServer.get().baseUrl();
        admin = Api.admin();
        reportKey = SqlReports.ticketsByCompany(admin);
        reportName = admin.json(admin.get("/api/v1/reports/" + reportKey)).getString("name");
        for (String[] partner :
                List.of(new String[] {PARTNER, PARTNER_EMAIL}, new String[] {"novalue-" + SUFFIX, NO_VALUE_EMAIL})) {
            HttpResponse<String> created = admin.post(
                    "/api/v1/users/partners",
                    Json.createObjectBuilder()
                            .add("username", partner[0])
                            .add("displayName", "Partner " + partner[0])
                            .add("email", partner[1])
                            .add("password", "Scoped-partner-" + SUFFIX + "-pw")
                            .build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT c.id, c.name FROM reporting.servicedesk_company c"
                                + " WHERE EXISTS (SELECT 1 FROM reporting.servicedesk_ticket t WHERE t.company_id = c.id)"
                                + " ORDER BY c.name LIMIT 1");
                ResultSet row = query.executeQuery()) {
            assertThat(row.next())
                    .as("the demo data has a company with tickets")
                    .isTrue();
            companyId = row.getLong(1);
            companyName = row.getString(2);
        }
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
    void theScopeKindsPageListsTheDemoKindsAndTheirValuesAtBothSizes() {
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            ElementBoxes.resize(browser, size);
            browser.get(base + "/console/scope-kinds.xhtml");
            page.waitForText("kinds:table", "Company");
            assertThat(page.text("kinds:table")).contains("Promoter", "Tenant", "Whole number");
            assertThat(ElementBoxes.problems(browser))
                    .as("scope kinds at " + size)
                    .isEmpty();
            Browser.screenshot(browser, "scope-kinds-" + where(size));
        }
        page.click(valuesButtonOf("Company"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("valuesDialog")));
        page.waitForText("sampleTable", companyName);
        page.search("valuesForm:valueQuery", companyName);
        page.waitForText("sampleTable", String.valueOf(companyId));
        Browser.screenshot(browser, "scope-kinds-values");
        new org.openqa.selenium.interactions.Actions(browser)
                .sendKeys(Keys.ESCAPE)
                .perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("valuesDialog")));
    }

    @Test
    @Order(2)
    void staffGiveAPartnerACompanyOnTheUsersPage() {
        ElementBoxes.resize(browser, PHONE);
        openUser(PARTNER);
        String input = searchBoxOf("Company");
        pick(input, companyName.split(" ")[0], String.valueOf(companyId));
        page.waitForText("userForm:scopesPanel", companyName);
        ElementBoxes.assertLaidOut(browser, "#userDialog", "user dialog with a company at the phone's size");
        Browser.screenshot(browser, "users-scopes-dialog-390x844");
        page.click("userForm:save");
        page.waitForText("growl_container", PARTNER + " is saved.");
        page.waitForText("users:table", "Limited to Company: " + companyName);
        assertThat(ElementBoxes.problems(browser)).as("users list on a phone").isEmpty();
        Browser.screenshot(browser, "users-scopes-list-390x844");

        JsonObject scopes = admin.json(admin.get("/api/v1/users/" + userId(PARTNER) + "/scopes"));
        assertThat(scopes.getJsonArray("company").getString(0)).isEqualTo(String.valueOf(companyId));
        assertThat(admin.get("/api/v1/audit?action=user.scopes").body()).contains(PARTNER);

        ElementBoxes.resize(browser, LAPTOP);
        openUser(PARTNER);
        page.waitForText("userForm:scopesPanel", companyName);
        ElementBoxes.assertLaidOut(browser, "#userDialog", "user dialog at the laptop's size");
        Browser.screenshot(browser, "users-scopes-dialog-1366x768");
        new org.openqa.selenium.interactions.Actions(browser)
                .sendKeys(Keys.ESCAPE)
                .perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
    }

    @Test
    @Order(3)
    void theReportExplorerShowsTheBoundParameterWithoutAField() {
        ElementBoxes.resize(browser, LAPTOP);
        browser.get(base + "/console/reports.xhtml?key=" + reportKey);
        page.waitForText("report", "Filled from each recipient's company");
        assertThat(endingIn("boundNote")).contains("covers every company");
        assertThat(browser.findElements(By.cssSelector("#report [id$='criterionMulti']")))
                .as("no field for the bound parameter")
                .isEmpty();
        page.click("report:preview");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("previewTable")));
        assertThat(page.text("previewNote")).contains("Every company");
        Browser.screenshot(browser, "reports-bound-parameter");

        // A built-in report bound to the demo promoter kind reads the same.
        browser.get(base + "/console/reports.xhtml?key=promoter-payments");
        page.waitForText("report", "Filled from each recipient's promoter");
        assertThat(endingIn("boundNote")).contains("covers every promoter");
        Browser.screenshot(browser, "reports-bound-promoter");
    }

    @Test
    @Order(4)
    void theWizardMakesAnItemPerRecipientAndSaysWhoGetsWhatAtBothSizes() {
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            ElementBoxes.resize(browser, size);
            browser.get(base + "/console/schedule.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:name")));
            page.type("editor:name", "Per recipient " + SUFFIX + " " + size.getWidth());
            page.click("editor:next");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
            WizardSteps.openReportDialog(browser, page, reportName);
            page.click("item:toDetails");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:perRecipient")));
            assertThat(endingIn("sharedNote")).contains("covers every company");

            // Sent once to everyone, a recipient limited to a company is refused on the recipients field.
            page.type("item:recipients", PARTNER_EMAIL);
            WizardSteps.clickInDialog(browser, page, "item:toCriteria");
            page.waitForText("item", "Filled from each recipient's company");
            WizardSteps.clickInDialog(browser, page, "item:keepItem");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//textarea[@id='item:recipients']/following-sibling::*[1]"),
                    "limited to their own company values"));

            WizardSteps.clickInDialog(browser, page, "item:perRecipient");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:sendTo")));
            page.type("item:recipients", PARTNER_EMAIL + ", " + NO_VALUE_EMAIL + ", " + STRANGER);
            WizardSteps.clickInDialog(browser, page, "item:whoGetsWhat");
            page.waitForText("whoCount", "3 recipients in all.");
            String table = page.text("whoTable");
            assertThat(table).contains(PARTNER_EMAIL, PARTNER, "Company: " + companyName);
            assertThat(table).contains(NO_VALUE_EMAIL + " has no company value");
            assertThat(table).contains(STRANGER + " has no Herald account");
            assertThat(rowsShownFor(PARTNER_EMAIL))
                    .as("the partner's rows are counted")
                    .matches("\\d+");
            ElementBoxes.assertLaidOut(browser, "#itemDialog", "who gets what at " + where(size));
            page.scrollTo("whoTable");
            Browser.screenshot(browser, "wizard-who-gets-what-" + where(size));

            if (size.equals(PHONE)) {
                afterAjax(() -> browser.findElement(By.cssSelector("label[for='item:sendTo:1']"))
                        .click());
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:recipientScopeKind")));
                assertThat(browser.findElements(By.id("item:recipients")))
                        .as("no addresses to type")
                        .isEmpty();
                assertThat(page.text("item:recipientScopeKind_label")).isEqualTo("Company");
                WizardSteps.clickInDialog(browser, page, "item:whoGetsWhat");
                page.waitForText("whoTable", PARTNER_EMAIL);
                assertThat(page.text("whoTable"))
                        .as("every account holding a company, not the ones without")
                        .doesNotContain(NO_VALUE_EMAIL, STRANGER);
                ElementBoxes.assertLaidOut(browser, "#itemDialog", "every holder at " + where(size));
                Browser.screenshot(browser, "wizard-every-holder-" + where(size));
                new org.openqa.selenium.interactions.Actions(browser)
                        .sendKeys(Keys.ESCAPE)
                        .perform();
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
                WizardSteps.leaveWithoutSaving(browser, page);
                continue;
            }
            WizardSteps.clickInDialog(browser, page, "item:toCriteria");
            WizardSteps.clickInDialog(browser, page, "item:keepItem");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
            page.waitForText("editor:items", "One file per recipient");
            ElementBoxes.assertLaidOut(browser, "#editor", "the reports step at " + where(size));
            page.click("editor:save");
            wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        }
        JsonArray found = admin.json(admin.get("/api/v1/schedules?q=Per%20recipient%20" + SUFFIX))
                .getJsonArray("items");
        assertThat(found).hasSize(1);
        scheduleId = found.getJsonObject(0).getJsonNumber("id").longValue();
        JsonObject item = admin.json(admin.get("/api/v1/schedules/" + scheduleId))
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(item.getBoolean("perRecipient")).isTrue();
        assertThat(item.getJsonArray("recipients")).hasSize(3);
    }

    @Test
    @Order(5)
    void theRunShowsWhomEachItemWasMadeForAndTheOnesNotMade() {
        assertThat(admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonArray runs = admin.json(admin.get("/api/v1/runs?scheduleId=" + scheduleId))
                    .getJsonArray("items");
            return !runs.isEmpty()
                    && !List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING")
                            .contains(runs.getJsonObject(0).getString("status"));
        });
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            ElementBoxes.resize(browser, size);
            browser.get(base + "/console/runs.xhtml?scheduleId=" + scheduleId);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#runs\\:table .ui-row-toggler")))
                    .click();
            page.waitForText("runs:table", "Made for");
            String details = page.text("runs:table");
            assertThat(details).contains("Made for " + PARTNER + ", with Company: " + companyName);
            assertThat(details).contains("Not made: recipient has no value");
            assertThat(details).contains(NO_VALUE_EMAIL + " has no company value");
            assertThat(ElementBoxes.problems(browser))
                    .as("run details at " + size)
                    .isEmpty();
            page.scrollTo("runs:table");
            Browser.screenshot(browser, "runs-per-recipient-" + where(size));
        }
    }

    @Test
    @Order(6)
    void aKindOfTenThousandValuesWithAVeryLongNameStaysQuickAndWraps() {
        // Declared on the Scope kinds page: a wrong key and a lookup that does not run are named on
        // their fields, then the kind is saved and its label changed.
        String key = "many-" + SUFFIX;
        ElementBoxes.resize(browser, LAPTOP);
        browser.get(base + "/console/scope-kinds.xhtml");
        page.click("kinds:addKind");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kindForm:kind")));
        page.type("kindForm:kind", "Many Values");
        page.type("kindForm:label", "Many " + SUFFIX + " draft");
        page.type("kindForm:lookupSql", "SELECT id, name FROM no_such_table_" + SUFFIX.replace('-', '_'));
        page.click("kindForm:save");
        page.waitForText("kindForm", "lower-case letters");
        page.waitForText("kindForm", "The lookup failed");
        ElementBoxes.assertLaidOut(browser, "#kindDialog", "the scope kind's errors");
        Browser.screenshot(browser, "scope-kinds-errors");
        page.type("kindForm:kind", key);
        page.type(
                "kindForm:lookupSql",
                "SELECT g, CASE WHEN g = 1 THEN '" + LONG_NAME + "' ELSE 'Value ' || g END"
                        + " FROM generate_series(1, 10000) g");
        page.click("kindForm:save");
        page.waitForText("growl_container", "The scope kind Many " + SUFFIX + " draft is saved.");
        page.waitForText("kinds:table", "Many " + SUFFIX + " draft");
        page.click(rowButton("Many " + SUFFIX + " draft", "edit"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kindForm:label")));
        assertThat(browser.findElement(By.id("kindForm:kind")).isEnabled())
                .as("a kind's key is fixed once made")
                .isFalse();
        page.type("kindForm:label", "Many " + SUFFIX);
        page.click("kindForm:save");
        page.waitForText("growl_container", "The scope kind Many " + SUFFIX + " is saved.");
        assertThat(admin.json(admin.get("/api/v1/scope-kinds/" + key)).getString("label"))
                .isEqualTo("Many " + SUFFIX);

        ElementBoxes.resize(browser, PHONE);
        openUser(PARTNER);
        String input = searchBoxOf("Many " + SUFFIX);
        long started = System.nanoTime();
        pick(input, "9999", "9999");
        page.waitForText("userForm:scopesPanel", "Value 9999");
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("a search among 10,000 values answers quickly")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(suggestionsShown(input, "Value"))
                .as("suggestions are bounded")
                .isLessThanOrEqualTo(20);
        new org.openqa.selenium.interactions.Actions(browser)
                .sendKeys(Keys.ESCAPE)
                .perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(input.replaceFirst("_input$", "_panel"))));
        assertThat(browser.findElement(By.id("userDialog")).isDisplayed())
                .as("Escape in the open suggestions closes them, not the dialog")
                .isTrue();
        pick(input, "Extraordinarily", "1");
        page.waitForText("userForm:scopesPanel", LONG_NAME);
        ElementBoxes.assertLaidOut(browser, "#userDialog", "a very long name on a phone");
        Browser.screenshot(browser, "users-scopes-long-name-390x844");
        page.click("userForm:save");
        page.waitForText("growl_container", PARTNER + " is saved.");
        page.waitForText("users:table", "Many " + SUFFIX + ": ");
        assertThat(ElementBoxes.problems(browser))
                .as("users list with a very long name on a phone")
                .isEmpty();
        Browser.screenshot(browser, "users-scopes-long-name-list-390x844");

        // Taken away again, the kind can be removed on its page (one that accounts hold cannot).
        browser.get(base + "/console/scope-kinds.xhtml");
        page.click(deleteButtonOf("Many " + SUFFIX));
        page.click("kinds:confirmYes");
        page.waitForText("growl_container", "take them away first");
        openUser(PARTNER);
        removeAllOf("Many " + SUFFIX);
        page.click("userForm:save");
        page.waitForText("growl_container", PARTNER + " is saved.");
        ElementBoxes.resize(browser, LAPTOP);
        browser.get(base + "/console/scope-kinds.xhtml");
        page.click(deleteButtonOf("Many " + SUFFIX));
        page.click("kinds:confirmYes");
        page.waitForText("growl_container", "is removed");
        assertThat(page.text("kinds:table")).doesNotContain("Many " + SUFFIX);
    }

    @Test
    @Order(7)
    void aLookupThatFailsIsSaidOnTheFieldAndNothingIsLost() throws SQLException {
        String key = "breaks-" + SUFFIX;
        String marker = "Lookup breaker " + SUFFIX;
        HttpResponse<String> created = admin.post(
                "/api/v1/scope-kinds",
                Json.createObjectBuilder()
                        .add("kind", key)
                        .add("label", "Breaks " + SUFFIX)
                        .add("valueType", "NUMBER")
                        .add(
                                "lookupSql",
                                "SELECT id, name FROM servicedesk_company WHERE 1 / (1 - (SELECT COUNT(*) FROM"
                                        + " servicedesk_company WHERE name = '" + marker + "')) = 1")
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        try {
            database("INSERT INTO reporting.servicedesk_company (id, name, industry) VALUES (?, ?, 'Test')", marker);
            openUser(PARTNER);
            String input = searchBoxOf("Breaks " + SUFFIX);
            page.waitForText("userForm:scopesPanel", "could not be read from the reporting data");
            assertThat(browser.findElement(By.id(input)).isEnabled())
                    .as("the failing kind's search is off")
                    .isFalse();
            assertThat(page.text("userForm:scopesPanel"))
                    .as("the values already held are still there")
                    .contains(companyName);
            Browser.screenshot(browser, "users-scopes-lookup-fails");
            page.click("userForm:save");
            page.waitForText("growl_container", PARTNER + " is saved.");
            assertThat(admin.json(admin.get("/api/v1/users/" + userId(PARTNER) + "/scopes"))
                            .getJsonArray("company")
                            .getString(0))
                    .isEqualTo(String.valueOf(companyId));
        } finally {
            database("DELETE FROM reporting.servicedesk_company WHERE name = ?", marker);
            admin.delete("/api/v1/scope-kinds/" + key);
        }
    }

    @Test
    @Order(8)
    void staffWithoutManageUsersOrSuperAdministratorReadOnly() {
        String roleName = "Scope viewer " + SUFFIX;
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
        browser.get(base + "/console/scope-kinds.xhtml");
        page.signIn(viewer.username(), viewer.password());
        wait.until(ExpectedConditions.urlContains("/console/scope-kinds.xhtml"));
        page.waitForText("kinds:table", "Company");
        assertThat(page.text("readOnly")).contains("Super Administrators");
        assertThat(browser.findElements(By.id("kinds:addKind"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#kinds\\:table button[title='Edit']")))
                .isEmpty();
        assertThat(browser.findElements(By.id("navUsers"))).as("no Users item").isEmpty();
        Browser.screenshot(browser, "scope-kinds-read-only");

        browser.get(base + "/console/users.xhtml");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Not allowed");
        assertThat(browser.findElements(By.id("userForm:scopesPanel"))).isEmpty();
        Api viewerApi = Api.as(viewer.username(), viewer.password());
        assertThat(viewerApi
                        .put(
                                "/api/v1/users/" + userId(PARTNER) + "/scopes",
                                Json.createObjectBuilder().build())
                        .statusCode())
                .isEqualTo(403);
    }

    private static void openUser(String username) {
        browser.get(base + "/console/users.xhtml");
        page.search("users:query", username);
        wait.ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#users\\:table tbody tr[data-ri]"))
                                .size()
                        == 1);
        page.click("users:table:0:edit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:scopesPanel")));
    }

    /** The id of the search box of a scope kind in the user dialog, found by its label. */
    private static String searchBoxOf(String kindLabel) {
        return browser.findElement(
                        By.xpath("//fieldset[contains(@class,'herald-scope-fieldset')]//label[normalize-space()='"
                                + kindLabel + "']"))
                .getAttribute("for");
    }

    /** Types into a kind's search box and picks the suggestion holding this value. */
    private static void pick(String input, String typed, String value) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id(input)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        box.clear();
        box.sendKeys(typed);
        String panel = input.replaceFirst("_input$", "_panel");
        By item = By.cssSelector("[id='" + panel + "'] li[data-item-value='" + value + "']");
        afterAjax(
                () -> wait.until(ExpectedConditions.elementToBeClickable(item)).click());
    }

    private static long suggestionsShown(String input, String typed) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id(input)));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
        box.clear();
        box.sendKeys(typed);
        String panel = input.replaceFirst("_input$", "_panel");
        By items = By.cssSelector("[id='" + panel + "'] li.ui-autocomplete-item");
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(items, 0));
        return browser.findElements(items).size();
    }

    private static void removeAllOf(String kindLabel) {
        By remove = By.cssSelector("button[aria-label^='Take away " + kindLabel + "']");
        while (!browser.findElements(remove).isEmpty()) {
            WebElement button = browser.findElements(remove).get(0);
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", button);
            afterAjax(button::click);
        }
    }

    private static String rowsShownFor(String recipient) {
        return browser.findElement(
                        By.xpath("//table[@id='whoTable']//tr[td[1][normalize-space()='" + recipient + "']]/td[4]"))
                .getText()
                .strip();
    }

    private static String valuesButtonOf(String label) {
        return rowButton(label, "values");
    }

    private static String deleteButtonOf(String label) {
        return rowButton(label, "delete");
    }

    /** The id of a button on the row of the kinds table that shows this label. */
    private static String rowButton(String label, String button) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#kinds\\:table tbody tr[data-ri]"));
        for (WebElement row : rows) {
            if (row.findElement(By.tagName("strong")).getText().equals(label)) {
                return "kinds:table:" + row.getAttribute("data-ri") + ":" + button;
            }
        }
        throw new AssertionError("no row " + label + " in the scope kinds");
    }

    private static long userId(String username) {
        return admin.json(admin.get("/api/v1/users?q=" + username))
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    private static void database(String sql, String text) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.startsWith("INSERT")) {
                statement.setLong(1, 990_000_000L + Math.abs(SUFFIX.hashCode() % 1000));
                statement.setString(2, text);
            } else {
                statement.setString(1, text);
            }
            statement.executeUpdate();
        }
    }

    private static void afterAjax(Runnable action) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long before = (Long) js.executeScript("if (window.heraldAjaxDone === undefined) {"
                + " window.heraldAjaxDone = 0;"
                + " $(document).on('pfAjaxComplete', function () { window.heraldAjaxDone++; }); }"
                + " return window.heraldAjaxDone;");
        action.run();
        wait.until(driver -> (Boolean) js.executeScript(
                "return window.heraldAjaxDone > arguments[0] && PrimeFaces.ajax.Queue.isEmpty();", before));
    }

    /** The text of the element whose id ends so (a note drawn with or without its form's prefix). */
    private static String endingIn(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='" + id + "']")))
                .getText();
    }

    private static String where(Dimension size) {
        return size.getWidth() + "x" + size.getHeight();
    }
}
