package dev.herald.testing;

import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Measures a page's element boxes as the browser lays them out, so that a layout test fails on what
 * a person would see: a label lying over a field, or something running off the side of the screen.
 */
public final class ElementBoxes {

    /** A laptop's screen, and a phone's (an iPhone 12 to 15 held upright). */
    public static final Dimension DESKTOP = new Dimension(1366, 768);

    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String WATCHED = "label, input:not([type=hidden]), button, a, select, textarea";
    private static final String CONTAINED = "h1, h2, p, label, input:not([type=hidden]), button, a, table";

    private ElementBoxes() {}

    /** Makes the page's viewport this size (the window is resized until its inner width is the one asked for). */
    public static void resize(WebDriver browser, Dimension viewport) {
        browser.manage().window().setSize(viewport);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long inner = ((Number) js.executeScript("return window.innerWidth;")).longValue();
        long innerHeight = ((Number) js.executeScript("return window.innerHeight;")).longValue();
        if (inner != viewport.getWidth() || innerHeight != viewport.getHeight()) {
            Dimension outer = browser.manage().window().getSize();
            browser.manage()
                    .window()
                    .setSize(new Dimension(
                            outer.getWidth() + viewport.getWidth() - (int) inner,
                            outer.getHeight() + viewport.getHeight() - (int) innerHeight));
        }
    }

    /**
     * What is wrong with the layout of the page as it is shown: the page wider than the viewport,
     * a visible element beyond its right or left edge, two visible labels, fields, buttons or links
     * overlapping. Empty when nothing is.
     */
    public static List<String> problems(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        long viewport = ((Number) js.executeScript("return document.documentElement.clientWidth;")).longValue();
        long page = ((Number) js.executeScript("return document.documentElement.scrollWidth;")).longValue();
        List<String> problems = new ArrayList<>();
        if (page > viewport) {
            problems.add("the page is " + page + " px wide in a viewport of " + viewport + " px");
        }
        for (WebElement element : visible(browser, CONTAINED)) {
            Rectangle box = element.getRect();
            if (box.getX() < 0 || box.getX() + box.getWidth() > viewport) {
                problems.add(name(element) + " at x " + box.getX() + ", " + box.getWidth()
                        + " px wide, leaves the viewport of " + viewport + " px");
            }
        }
        List<WebElement> watched = visible(browser, WATCHED);
        List<Rectangle> boxes = watched.stream().map(WebElement::getRect).toList();
        for (int i = 0; i < watched.size(); i++) {
            for (int j = i + 1; j < watched.size(); j++) {
                if (overlap(boxes.get(i), boxes.get(j)) && !nested(js, watched.get(i), watched.get(j))) {
                    problems.add(name(watched.get(i)) + " " + boxes.get(i).getPoint() + " "
                            + boxes.get(i).getDimension()
                            + " overlaps " + name(watched.get(j)) + " "
                            + boxes.get(j).getPoint() + " "
                            + boxes.get(j).getDimension());
                }
            }
        }
        return problems;
    }

    private static List<WebElement> visible(WebDriver browser, String css) {
        return browser.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .filter(e -> e.getRect().getWidth() > 0 && e.getRect().getHeight() > 0)
                .toList();
    }

    /** Whether two boxes share more than a pixel's sliver (borders that touch are fine). */
    private static boolean overlap(Rectangle a, Rectangle b) {
        int width = Math.min(a.getX() + a.getWidth(), b.getX() + b.getWidth()) - Math.max(a.getX(), b.getX());
        int height = Math.min(a.getY() + a.getHeight(), b.getY() + b.getHeight()) - Math.max(a.getY(), b.getY());
        return width > 1 && height > 1;
    }

    private static boolean nested(JavascriptExecutor js, WebElement a, WebElement b) {
        return (Boolean) js.executeScript(
                "return arguments[0].contains(arguments[1]) || arguments[1].contains(arguments[0]);", a, b);
    }

    private static String name(WebElement element) {
        String id = element.getAttribute("id");
        String text = element.getText();
        return element.getTagName()
                + (id == null || id.isEmpty() ? "" : "#" + id)
                + (text == null || text.isBlank()
                        ? ""
                        : " “" + text.strip().lines().findFirst().orElse("") + "”");
    }
}
