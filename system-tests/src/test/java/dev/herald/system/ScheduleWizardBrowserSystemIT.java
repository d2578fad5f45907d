package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.ElementBoxes;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import dev.herald.testing.WizardSteps;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The schedule wizard as a new member of staff meets it, at a laptop's 1366×768 and a phone's
 * 390×844: every label, box, field and button is measured in the browser (no two overlap, none
 * is wider than the window, the calendar buttons sit beside their date fields, radio labels stay
 * on one line) for each kind of recurrence and daily frequency, and in the report dialog. Then
 * the traps the first walk found: a report without a criteria set, Escape in a dropdown of the
 * report dialog, leaving a half-filled wizard, the timetable in words, and link recipients that
 * have no account.
 */
@SystemTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleWizardBrowserSystemIT {

    private static final Dimension LAPTOP = new Dimension(1366, 768);
    private static final Dimension PHONE = new Dimension(390, 844);

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);
    private static final String NO_SET = "Wizard without a set " + SUFFIX;
    private static final String FINANCE = "finance-" + SUFFIX + "@example.org";

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ScheduleWizardBrowserSystemIT.browser);

    @BeforeAll
    static void signIn() {
        base = HeraldServer.get().baseUrl();
        browser = Browser.open();
        page = new Page(browser);
        wait = page.waiting();
        browser.get(base + "/console/schedule.xhtml");
        page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/console/schedule.xhtml"));
    }

    @BeforeEach
    void atLaptopSize() {
        browser.manage().window().setSize(LAPTOP);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theTimetableLaysOutWithoutOverlapsForEveryKindAtBothSizes() {
        for (Dimension size : List.of(LAPTOP, PHONE)) {
            String where = size.getWidth() + "x" + size.getHeight();
            browser.manage().window().setSize(size);
            openNewSchedule();
            page.type("editor:name", "Layout " + where);

            page.choose("editor:occursType", "Daily");
            assertLaidOut("#editor", where + " daily, once");
            shot("wizard-daily-" + where, "editor:occurs");

            page.choose("editor:occursType", "Weekly");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:days")));
            assertLaidOut("#editor", where + " weekly");
            shot("wizard-weekly-" + where, "editor:occurs");

            page.choose("editor:occursType", "Monthly (specific day)");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:monthDay")));
            assertLaidOut("#editor", where + " monthly on a day");

            page.choose("editor:occursType", "Monthly (first Monday, …)");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:ordinal")));
            assertLaidOut("#editor", where + " monthly on a weekday");

            chooseRadio("editor:frequencyType", 1);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:minutes")));
            assertLaidOut("#editor", where + " every M minutes");
            shot("wizard-every-" + where, "editor:frequency");

            chooseRadio("editor:frequencyType", 2);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("editor:minutes")));
            assertLaidOut("#editor", where + " before 08:00");

            page.click("editor:next");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
            openReportDialog("Payments & Activities (detailed)");
            page.click("item:toDetails");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:recipients")));
            assertLaidOut("#itemDialog", where + " report details");
            Browser.screenshot(browser, "wizard-report-details-" + where);
            page.type("item:recipients", FINANCE);
            clickInDialog("item:toCriteria");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item:keepItem")));
            assertLaidOut("#itemDialog", where + " report criteria");
            Browser.screenshot(browser, "wizard-report-criteria-" + where);
            clickInDialog("item:keepItem");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
            assertLaidOut("#editor", where + " reports step");
            Browser.screenshot(browser, "wizard-reports-" + where);
            leaveWithoutSaving();
        }
        browser.manage().window().setSize(LAPTOP);
    }

    @Test
    @Order(2)
    void aReportWithoutACriteriaSetSavesRunsAndReopensWithTheReportsDefaults() {
        openNewSchedule();
        page.type("editor:name", NO_SET);
        page.click("editor:next");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
        openReportDialog("Takings by Payment Method");
        if (!page.text("item:criteriaSet_label").startsWith("None")) {
            page.choose("item:criteriaSet", "None: the report's defaults");
        }
        page.click("item:toDetails");
        page.type("item:recipients", "not an address");
        page.click("item:toCriteria");
        page.click("item:keepItem");
        page.waitForText("item", "Not e-mail addresses: not, an, address");
        assertThat(browser.findElement(By.id("item:recipients")).getAttribute("value"))
                .as("the dialog went back to the field that is wrong, and kept what was typed")
                .isEqualTo("not an address");
        assertThat(browser.findElement(By.id("itemDialog")).isDisplayed()).isTrue();

        page.type("item:recipients", FINANCE);
        page.click("item:toCriteria");
        page.click("item:keepItem");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
        page.waitForText("editor:items", FINANCE);
        assertThat(page.text("editor:items")).contains("Takings by Payment Method", "Last week");

        page.click("editor:save");
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        assertThat(ExpectedConditions.alertIsPresent().apply(browser))
                .as("no prompt after Save")
                .isNull();
        page.waitForText("growl_container", NO_SET + " is saved.");

        page.search("schedules:query", NO_SET);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("schedules:table"), NO_SET));
        assertThat(browser.findElement(By.id("schedules:table:0:recurrence")).getText())
                .as("the recurrence column says it in words")
                .startsWith("Every day at 10:00, ")
                .contains(", from ");

        for (Dimension size : List.of(PHONE, LAPTOP)) {
            browser.manage().window().setSize(size);
            shot("schedules-list-" + size.getWidth() + "x" + size.getHeight(), "schedules:table");
        }

        Api admin = Api.admin();
        JsonObject saved = savedSchedule(admin, NO_SET);
        JsonObject item = saved.getJsonArray("items").getJsonObject(0);
        assertThat(!item.containsKey("criteriaSetId") || item.isNull("criteriaSetId"))
                .as("saved without a criteria set")
                .isTrue();
        assertThat(item.getJsonObject("criteria").toString()).contains("LAST_WEEK");

        long id = saved.getJsonNumber("id").longValue();
        assertThat(admin.post("/api/v1/schedules/" + id + "/run", "{}").statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            JsonArray runs =
                    admin.json(admin.get("/api/v1/runs?scheduleId=" + id)).getJsonArray("items");
            return !runs.isEmpty() && runs.getJsonObject(0).getString("status").equals("SUCCEEDED");
        });

        browser.get(base + "/console/schedule.xhtml?id=" + id);
        page.click("editor:next");
        page.waitForText("editor:items", FINANCE);
        assertThat(page.text("editor:items")).contains("Takings by Payment Method", "Last week");
        page.click("editor:items:0:editItem");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:recipients")));
        assertThat(browser.findElement(By.id("item:recipients")).getAttribute("value"))
                .isEqualTo(FINANCE);
    }

    @Test
    @Order(3)
    void escapeInAnOpenDropdownClosesOnlyTheDropdown() {
        // Carries on in the reopened schedule's report dialog, on its details step.
        page.type("item:displayName", "Typed before Escape");
        page.click("item:format");
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:format_panel")));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOf(panel));
        assertThat(browser.findElement(By.id("itemDialog")).isDisplayed())
                .as("the dialog stays open")
                .isTrue();
        assertThat(browser.findElement(By.id("item:displayName")).getAttribute("value"))
                .isEqualTo("Typed before Escape");
        Browser.screenshot(browser, "wizard-escape-in-dropdown");

        page.click("item:toCriteria");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("item:keepItem")));
        List<WebElement> menus = browser.findElements(By.cssSelector("#item .ui-selectonemenu"));
        assertThat(menus).as("the criteria step has a dropdown").isNotEmpty();
        menus.get(0).findElement(By.className("ui-selectonemenu-trigger")).click();
        String panelId = menus.get(0).getAttribute("id") + "_panel";
        WebElement criteriaPanel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(panelId)));
        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOf(criteriaPanel));
        assertThat(browser.findElement(By.id("itemDialog")).isDisplayed()).isTrue();

        new Actions(browser).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
        assertThat(browser.findElements(By.cssSelector(".ui-selectonemenu-panel")))
                .as("no dropdown panel is left on the page")
                .allSatisfy(p -> assertThat(p.isDisplayed()).isFalse());
        leaveWithoutSaving();
    }

    @Test
    @Order(4)
    void leavingAHalfFilledWizardAsksFirstButNotWhenNothingChangedOrAfterCancel() {
        openNewSchedule();
        page.click("navRuns");
        wait.until(ExpectedConditions.urlContains("/console/runs.xhtml"));

        openNewSchedule();
        page.type("editor:name", "Half filled " + SUFFIX);
        page.click("navRuns");
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertThat(browser.getCurrentUrl()).contains("/console/schedule.xhtml");
        assertThat(browser.findElement(By.id("editor:name")).getAttribute("value"))
                .isEqualTo("Half filled " + SUFFIX);
        page.click("navRuns");
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.urlContains("/console/runs.xhtml"));

        // Back, reload, close or a typed address: the page's beforeunload handler asks the browser
        // to confirm (headless Chromium does not show that dialog to a driver, so the handler's
        // answer is read from a beforeunload event sent to the page).
        openNewSchedule();
        assertThat(beforeUnloadHeld())
                .as("nothing changed: the page lets the browser go")
                .isFalse();
        page.type("editor:name", "Half filled " + SUFFIX);
        assertThat(beforeUnloadHeld())
                .as("changed: the page asks the browser to confirm")
                .isTrue();
        page.click("editor:next");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
        assertThat(beforeUnloadHeld()).as("still unsaved on the reports step").isTrue();
        leaveWithoutSaving();

        openNewSchedule();
        page.type("editor:name", "Half filled " + SUFFIX);
        page.click("editor:cancel");
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        assertThat(ExpectedConditions.alertIsPresent().apply(browser))
                .as("no prompt after Cancel")
                .isNull();
    }

    @Test
    @Order(5)
    void theTimetableIsSaidInWordsAsItIsEdited() {
        openNewSchedule();
        page.type("editor:name", "Words " + SUFFIX);
        assertThat(page.text("editor:words")).startsWith("Every day at 10:00, ");
        page.choose("editor:occursType", "Weekly");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:days")));
        afterAjax(() -> {
            WebElement every = browser.findElement(By.id("editor:every_input"));
            every.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
        });
        afterAjax(() -> browser.findElement(By.cssSelector("label[for='editor:days:3']"))
                .click());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("editor:words"), "Every 2 weeks on Monday and Thursday at 10:00"));
        assertThat(page.text("editor:anchor")).startsWith("Week 1 is the week of Monday");
        shot("wizard-words", "editor:nextRuns");
        leaveWithoutSaving();
    }

    @Test
    @Order(6)
    void aLinkToAnAddressWithoutAnAccountIsNamedAndAPartnerCanBeCreated() {
        String gm = "gm-" + SUFFIX + "@venue.example";
        String other = "other-" + SUFFIX + "@venue.example";
        String name = "Wizard links " + SUFFIX;
        String known = "known-" + SUFFIX + "@venue.example";
        Api admin = Api.admin();
        assertThat(admin.post(
                                "/api/v1/users/partners",
                                "{\"username\": \"" + known + "\", \"displayName\": \"Known partner\", \"email\": \""
                                        + known + "\", \"password\": \"Wizard-known-" + SUFFIX + "-pw\"}")
                        .statusCode())
                .isEqualTo(201);
        openNewSchedule();
        page.type("editor:name", name);
        page.click("editor:next");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
        openReportDialog("Takings by Payment Method");
        page.click("item:toDetails");
        page.type("item:recipients", gm + ", " + known.toUpperCase() + ", " + other);
        browser.findElement(By.cssSelector("label[for='item:deliverAs:1']")).click();
        page.click("item:toCriteria");
        page.click("item:keepItem");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));

        page.click("editor:save");
        page.waitForText("editor:items", gm + " has no account");
        assertThat(page.text("editor:items"))
                .contains(other + " has no account")
                .doesNotContain(FINANCE + " has no");
        assertThat(browser.findElement(By.cssSelector("#editor\\:items tbody tr"))
                        .getAttribute("class"))
                .contains("herald-row-warning");
        assertThat(browser.getCurrentUrl()).as("not saved yet").contains("/console/schedule.xhtml");
        for (Dimension size : List.of(PHONE, LAPTOP)) {
            browser.manage().window().setSize(size);
            assertLaidOut("#editor", size.getWidth() + " link recipients without an account");
            Browser.screenshot(browser, "wizard-accountless-" + size.getWidth() + "x" + size.getHeight());
        }

        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("#editor\\:items button[aria-label='Create partner " + gm + "']")))
                .click();
        page.waitForText("growl_container", gm + " can now sign in");
        JsonObject partner = admin.json(admin.get("/api/v1/users?q=" + gm))
                .getJsonArray("items")
                .getJsonObject(0);
        assertThat(partner.getString("username")).isEqualTo(gm);
        assertThat(partner.getString("email")).isEqualTo(gm);
        assertThat(partner.getJsonArray("roles").toString())
                .contains("Collect Reports")
                .doesNotContain("Administrator");
        assertThat(page.text("editor:items"))
                .doesNotContain(gm + " has no account")
                .contains(other + " has no account");
        assertThat(admin.get("/api/v1/audit?action=user.create.partner").body()).contains(gm);

        page.click("editor:saveAnyway");
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        page.waitForText("growl_container", name + " is saved.");
        assertThat(admin.json(admin.get("/api/v1/users?q=" + other)).getJsonArray("items"))
                .as("no account is made without asking")
                .isEmpty();
    }

    private static JsonObject savedSchedule(Api api, String name) {
        JsonArray found = api.json(api.get("/api/v1/schedules?q=" + name.replace(" ", "%20")))
                .getJsonArray("items");
        assertThat(found).hasSize(1);
        return api.json(api.get("/api/v1/schedules/" + found.getJsonObject(0).getJsonNumber("id")));
    }

    private static void openReportDialog(String report) {
        WizardSteps.openReportDialog(browser, page, report);
    }

    /** Whether the page's beforeunload handler holds the page (asks the browser to confirm leaving). */
    private static boolean beforeUnloadHeld() {
        return (Boolean) ((JavascriptExecutor) browser)
                .executeScript("const e = new Event('beforeunload', {cancelable: true});"
                        + " window.dispatchEvent(e); return e.defaultPrevented;");
    }

    private static void leaveWithoutSaving() {
        WizardSteps.leaveWithoutSaving(browser, page);
    }

    private static void clickInDialog(String id) {
        WizardSteps.clickInDialog(browser, page, id);
    }

    /** A screenshot with the element in the middle of the window, for people to look at. */
    private static void shot(String name, String id) {
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        Browser.screenshot(browser, name);
    }

    private static void openNewSchedule() {
        browser.get(base + "/console/schedule.xhtml");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:name")));
    }

    /** Clicks the label of a radio button of a select-one radio, by its index, and waits for its Ajax. */
    private static void chooseRadio(String id, int index) {
        afterAjax(() -> browser.findElement(By.cssSelector("label[for='" + id + ":" + index + "']"))
                .click());
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

    /**
     * Measures, in the browser, every visible label, input, box and button under the container (see
     * {@link ElementBoxes#laidOut}): no two that are not nested overlap, none reaches past the
     * window's right edge, each calendar button sits on its date field's line, and each radio or
     * checkbox label is one line high.
     */
    static void assertLaidOut(String container, String where) {
        ElementBoxes.assertLaidOut(browser, container, where);
    }
}
