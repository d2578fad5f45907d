package dev.herald.testing;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests do on a page, by element id: click (again if an Ajax update replaced the
 * element between finding and clicking it), type into a field, wait for a text, sign in.
 */
public final class Page {

    private final WebDriver browser;
    private final WebDriverWait wait;

    public Page(WebDriver browser) {
        this.browser = browser;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    public WebDriverWait waiting() {
        return wait;
    }

    public void click(String id) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element =
                    ExpectedConditions.elementToBeClickable(By.id(id)).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    public void type(String id, String text) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Types into a field that searches as one types (a delayed Ajax request on key-up) and waits for
     * that request's answer, so that it cannot arrive after the next click and undo what it showed.
     */
    public void search(String id, String text) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long before = (Long) js.executeScript("if (window.heraldAjaxDone === undefined) {"
                + " window.heraldAjaxDone = 0;"
                + " $(document).on('pfAjaxComplete', function () { window.heraldAjaxDone++; }); }"
                + " return window.heraldAjaxDone;");
        type(id, text);
        wait.until(driver -> (Boolean) js.executeScript(
                "return window.heraldAjaxDone > arguments[0] && PrimeFaces.ajax.Queue.isEmpty();", before));
    }

    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    /** Picks an option of a PrimeFaces select-one menu by its label. */
    public void choose(String id, String label) {
        click(id);
        By option = By.xpath("//ul[@id='" + id + "_items']/li[@data-label=\"" + label + "\"]");
        wait.until(ExpectedConditions.elementToBeClickable(option)).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id + "_label"), label));
    }

    /**
     * Waits until an element is no longer part of the page (a full page load replaced it). Chromium
     * answers a vanished element with a stale-element error or, in the middle of the navigation, an
     * inspector error; either means it is gone.
     */
    public void waitUntilGone(WebElement element) {
        wait.until(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    /** Scrolls an element into the middle of the window, so that a screenshot shows it. */
    public void scrollTo(String id) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id(id)));
    }

    public String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Signs in on the console's or the portal's login page, whichever the browser is on. */
    public void signIn(String username, String password) {
        type("login:username", username);
        type("login:password", password);
        click("login:signIn");
    }
}
