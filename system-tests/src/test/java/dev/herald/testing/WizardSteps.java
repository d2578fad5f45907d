package dev.herald.testing;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What the browser tests do in the schedule wizard (console/schedule.xhtml) and its report dialog. */
public final class WizardSteps {

    private WizardSteps() {}

    /**
     * Opens the report dialog and picks the report, searched by its whole name: its own plus (named
     * by the whole name) is pressed until the dialog says that report is chosen, so that another
     * report the search also finds (one whose description names it) is never picked and a press
     * that a late answer swallowed is made again.
     */
    public static void openReportDialog(WebDriver browser, Page page, String report) {
        page.click("editor:addReport");
        page.search("item:reportQuery", report);
        By plus = By.cssSelector("#item\\:reports button[title='Choose " + report + "']");
        By chosen = By.id("chosenName");
        page.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> picked = driver.findElements(chosen);
            if (!picked.isEmpty() && picked.get(0).getText().equals(report)) {
                return true;
            }
            // Pressed (again) until the report is the one chosen: a late answer to an earlier key
            // press may draw the table again and swallow a press.
            List<WebElement> found = driver.findElements(plus);
            if (found.size() == 1) {
                found.get(0).click();
            }
            return false;
        });
        page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item:criteriaSet")));
    }

    /**
     * On a phone the dialog's own content scrolls: its buttons are brought into view there first
     * (once the step holding them has arrived).
     */
    public static void clickInDialog(WebDriver browser, Page page, String id) {
        page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
        page.click(id);
    }

    /** Leaves the wizard for the console's home, saying yes to the browser's unsaved-changes question. */
    public static void leaveWithoutSaving(WebDriver browser, Page page) {
        WebElement menu = browser.findElement(By.id("navToggle"));
        if (menu.isDisplayed() && !"true".equals(menu.getAttribute("aria-expanded"))) {
            menu.click(); // on a phone the navigation folds behind its Menu button
        }
        page.click("navHome");
        page.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        page.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/schedule.xhtml")));
    }
}
