package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
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
 * Issue 20 in the console: a schedule open in the wizard, a criteria set open in the Report
 * Explorer, and a role, a user or a scheduled task open in its dialog are changed through the API meanwhile. Saving is refused with a message that says so
 * and what to do, nothing typed is lost, the other change is kept, and only an explicit second
 * choice saves over it.
 */
@SystemTest
class ConcurrentEditsBrowserSystemIT {

    private static WebDriver browser;
    private static WebDriverWait wait;
    private static Page page;
    private static String base;
    private static final Api admin = Api.admin();

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> ConcurrentEditsBrowserSystemIT.browser);

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
    void theWizardRefusesToSaveOverAChangeMadeSinceItOpenedAndKeepsWhatWasTyped() {
        String original = unique("Open in two places");
        HttpResponse<String> created = admin.post("/api/v1/schedules", Schedules.weekly(original));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject schedule = admin.json(created);
        String path = "/api/v1/schedules/" + schedule.getJsonNumber("id").longValue();

        browser.get(base + "/console/schedule.xhtml?id=" + schedule.getJsonNumber("id"));
        page.waitForText("editor", "Basic details");
        String mine = original + " (console)";
        String myDescription = "Typed in the console while someone else changed it";
        page.type("editor:name", mine);
        page.type("editor:description", myDescription);

        // Someone else saves the schedule through the API while it is open here.
        String theirs = original + " (API)";
        HttpResponse<String> changed = admin.putCurrent(
                path, Json.createObjectBuilder(schedule).add("name", theirs).build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        page.click("editor:next");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:save")));
        page.click("editor:save");
        By notice = By.cssSelector("[id$='changedElsewhere']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                notice, "was changed by someone else since you opened it"));
        assertThat(browser.findElement(notice).getText())
                .contains("Nothing was saved", "everything you typed is still here", "Overwrite with mine");
        Browser.screenshot(browser, "wizard-changed-elsewhere");
        assertThat(browser.getCurrentUrl()).contains("/console/schedule.xhtml");
        assertThat(admin.json(admin.get(path)).getString("name"))
                .as("their change is kept")
                .isEqualTo(theirs);

        // What was typed is all still there.
        page.click("editor:back");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:name")));
        assertThat(browser.findElement(By.id("editor:name")).getAttribute("value"))
                .isEqualTo(mine);
        assertThat(browser.findElement(By.id("editor:description")).getAttribute("value"))
                .isEqualTo(myDescription);

        // Overwrite with mine, knowingly: now the console's version is saved.
        page.click("editor:next");
        page.click("editor:overwrite");
        wait.until(ExpectedConditions.urlContains("/console/schedules.xhtml"));
        JsonObject saved = admin.json(admin.get(path));
        assertThat(saved.getString("name")).isEqualTo(mine);
        assertThat(saved.getString("description")).isEqualTo(myDescription);
    }

    @Test
    void theReportExplorerRefusesToUpdateASetChangedSinceItWasChosen() {
        String original = unique("Explorer set");
        HttpResponse<String> created = admin.post(
                "/api/v1/reports/payments-activities-detailed/criteria-sets",
                "{\"name\": \"" + original + "\", \"criteria\": {\"paymentDate\": \"LAST_MONTH\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/criteria-sets/" + admin.json(created).getJsonNumber("id");

        browser.get(base + "/console/reports.xhtml?key=payments-activities-detailed");
        page.choose("report:criteriaSet", original);
        String mine = original + " mine";
        page.type("report:setName", mine);

        String theirs = original + " theirs";
        HttpResponse<String> changed = admin.putCurrent(
                path,
                Json.createObjectBuilder()
                        .add("name", theirs)
                        .add("criteria", Json.createObjectBuilder().add("paymentDate", "LAST_WEEK"))
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        page.click("report:updateSet");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".ui-growl"), "was changed by someone else since you opened it"));
        assertThat(browser.findElement(By.cssSelector(".ui-growl")).getText())
                .contains("nothing was saved", "Press Update set again");
        assertThat(browser.findElement(By.id("report:setName")).getAttribute("value"))
                .as("the name typed is kept")
                .isEqualTo(mine);
        assertThat(admin.json(admin.get(path)).getString("name"))
                .as("their change is kept")
                .isEqualTo(theirs);

        // The refusal's message lies over the button; put it away as a person would, then press again.
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelectorAll('.ui-growl-item-container').forEach(m => m.remove());");
        page.click("report:updateSet");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-growl"), "is changed"));
        assertThat(admin.json(admin.get(path)).getString("name")).isEqualTo(mine);
    }

    @Test
    void theRoleDialogRefusesToSaveOverAChangeMadeSinceItOpened() {
        String original = unique("Dialog role");
        HttpResponse<String> created = admin.post(
                "/api/v1/roles",
                Json.createObjectBuilder()
                        .add("name", original)
                        .add("permissions", Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                        .add("manageAllRoles", false)
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/roles/" + admin.json(created).getJsonNumber("id");

        browser.get(base + "/console/roles.xhtml");
        page.waitForText("roles:table", original);
        page.click("roles:table:" + rowIndexOf("roles:table", original) + ":edit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("roleForm:description")));
        String mine = "Typed in the dialog while someone else changed the role";
        page.type("roleForm:description", mine);

        String theirs = original + " renamed";
        HttpResponse<String> changed = admin.putCurrent(
                path,
                Json.createObjectBuilder()
                        .add("name", theirs)
                        .add("permissions", Json.createArrayBuilder().add("VIEW_SCHEDULES"))
                        .add("manageAllRoles", false)
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        page.click("roleForm:save");
        page.waitForText("roleForm", "was changed by someone else since you opened it");
        assertThat(page.text("roleForm")).contains("nothing was saved", "Press Save again");
        assertThat(browser.findElement(By.id("roleForm:description")).getAttribute("value"))
                .isEqualTo(mine);
        JsonObject kept = admin.json(admin.get(path));
        assertThat(kept.getString("name")).as("their change is kept").isEqualTo(theirs);
        assertThat(kept.containsKey("description") && !kept.isNull("description") ? kept.getString("description") : "")
                .isNotEqualTo(mine);

        // Save again: knowingly over their version (the dialog still holds the name it opened with).
        page.click("roleForm:save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("roleForm:description")));
        JsonObject saved = admin.json(admin.get(path));
        assertThat(saved.getString("description")).isEqualTo(mine);
        assertThat(saved.getString("name")).isEqualTo(original);
    }

    @Test
    void theUserDialogRefusesToSaveOverAChangeMadeSinceItOpened() {
        String username = "dialog" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", "Dialog User")
                        .add("email", username + "@example.org")
                        .add("password", "Dialog-user-pass-1")
                        .add("enabled", true)
                        .add("roles", Json.createArrayBuilder().add("Administrator"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/users/" + admin.json(created).getJsonNumber("id");

        browser.get(base + "/console/users.xhtml");
        page.search("users:query", username);
        page.waitForText("users:table", username);
        page.click("users:table:" + rowIndexOf("users:table", username) + ":edit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:displayName")));
        String mine = "Typed In The Dialog";
        page.type("userForm:displayName", mine);

        JsonObject current = admin.json(admin.get(path));
        HttpResponse<String> changed = admin.putCurrent(
                path,
                Json.createObjectBuilder(current)
                        .add("displayName", "Changed Elsewhere")
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        page.click("userForm:save");
        page.waitForText("userForm", "was changed by someone else since you opened it");
        assertThat(page.text("userForm")).contains("nothing was saved", "Press Save again");
        assertThat(browser.findElement(By.id("userForm:displayName")).getAttribute("value"))
                .isEqualTo(mine);
        assertThat(admin.json(admin.get(path)).getString("displayName"))
                .as("their change is kept")
                .isEqualTo("Changed Elsewhere");

        page.click("userForm:save");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("userForm:displayName")));
        assertThat(admin.json(admin.get(path)).getString("displayName")).isEqualTo(mine);
    }

    @Test
    void theScheduledTaskDialogRefusesToSaveOverAChangeMadeSinceItOpened() {
        String name = "0 Dialog task " + UUID.randomUUID().toString().substring(0, 8);
        JsonObject task = Json.createObjectBuilder()
                .add("name", name)
                .add("email", "tasks@example.org")
                .add("taskType", "USAGE_REPORT")
                .add("recurrence", "WEEKLY")
                .add("dayOfWeek", "MONDAY")
                .add("delimiter", "COMMA")
                .add("enabled", false)
                .build();
        HttpResponse<String> created = admin.post("/api/v1/scheduled-tasks", task);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/scheduled-tasks/" + admin.json(created).getJsonNumber("id");

        browser.get(base + "/console/scheduled-tasks.xhtml");
        page.waitForText("tasks:table", name);
        page.click("tasks:table:" + rowIndexOf("tasks:table", name) + ":edit");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("taskForm:description")));
        String mine = "Typed in the dialog while someone else changed the task";
        page.type("taskForm:description", mine);

        HttpResponse<String> changed = admin.putCurrent(
                path,
                Json.createObjectBuilder(task)
                        .add("email", "elsewhere@example.org")
                        .build());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        page.click("taskForm:confirm");
        page.waitForText("taskForm", "was changed by someone else since you opened it");
        assertThat(page.text("taskForm")).contains("nothing was saved", "Press Confirm again");
        assertThat(browser.findElement(By.id("taskForm:description")).getAttribute("value"))
                .isEqualTo(mine);
        assertThat(admin.json(admin.get(path)).getString("email")).isEqualTo("elsewhere@example.org");

        page.click("taskForm:confirm");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("taskForm:description")));
        JsonObject saved = admin.json(admin.get(path));
        assertThat(saved.getString("description")).isEqualTo(mine);
        assertThat(saved.getString("email")).isEqualTo("tasks@example.org");
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

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 6);
    }
}
