package dev.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Measures, in the browser, every visible label, input, box and button under the container (a CSS
     * selector), each as far as it can be seen (cut by the boxes that scroll it): no two that are not
     * nested overlap, none reaches past the window's right edge, each calendar
     * button sits on its date field's line, and each radio or checkbox label is one line high.
     */
    @SuppressWarnings("unchecked")
    public static void assertLaidOut(WebDriver browser, String container, String where) {
        List<Map<String, Object>> boxes =
                (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                        const root = document.querySelector(arguments[0]);
                        const selector = 'label, input:not([type=hidden]), textarea, button, a,'
                            + ' .ui-chkbox-box, .ui-radiobutton-box, .ui-selectonemenu, .ui-selectcheckboxmenu,'
                            + ' .ui-message, .herald-words';
                        // What of an element can be seen: its box cut by every ancestor that scrolls or
                        // clips (a dialog's content scrolled past its title bar is not under the title).
                        const seen = e => {
                            const b = e.getBoundingClientRect();
                            let left = b.left, top = b.top, right = b.right, bottom = b.bottom;
                            for (let p = e.parentElement; p; p = p.parentElement) {
                                const style = getComputedStyle(p);
                                if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
                                    const c = p.getBoundingClientRect();
                                    left = Math.max(left, c.left);
                                    top = Math.max(top, c.top);
                                    right = Math.min(right, c.right);
                                    bottom = Math.min(bottom, c.bottom);
                                }
                            }
                            return {left: left, top: top, width: right - left, height: bottom - top};
                        };
                        const all = Array.from(root.querySelectorAll(selector)).filter(e => {
                            if (e.closest('.ui-helper-hidden-accessible, .ui-helper-hidden')) return false;
                            const r = seen(e);
                            const style = getComputedStyle(e);
                            return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
                        });
                        return all.map((e, i) => {
                            e.dataset.heraldBox = i;
                            const r = seen(e);
                            const line = parseFloat(getComputedStyle(e).lineHeight)
                                || parseFloat(getComputedStyle(e).fontSize) * 1.3;
                            return {index: i, tag: e.tagName.toLowerCase(), id: e.id || '',
                                cls: (e.className && e.className.baseVal === undefined ? e.className : '') + '',
                                text: (e.innerText || e.value || '').trim().substring(0, 40),
                                forId: e.htmlFor || '',
                                x: r.left, y: r.top, w: r.width, h: r.height, line: line,
                                inChoice: !!e.closest('.ui-selectoneradio, .ui-selectmanycheckbox, .ui-chkbox'),
                                spinner: e.closest('.ui-spinner') ? e.closest('.ui-spinner').id : '',
                                ancestors: all.filter(o => o !== e && o.contains(e)).map(o => all.indexOf(o))};
                        });
                        """, container);
        long viewport =
                (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        assertThat(boxes).as(where + ": something to measure").hasSizeGreaterThan(3);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> a : boxes) {
            if (num(a, "x") + num(a, "w") > viewport + 0.5 || num(a, "x") < -0.5) {
                problems.add("outside the window (" + viewport + " px): " + describe(a));
            }
            if (a.get("tag").equals("label") && (Boolean) a.get("inChoice") && num(a, "h") > num(a, "line") * 1.6) {
                problems.add("label wraps to more than one line: " + describe(a));
            }
            for (Map<String, Object> b : boxes) {
                // A spinner's arrows lie on its own field by design: one widget, not two boxes.
                boolean oneSpinner = !String.valueOf(a.get("spinner")).isEmpty()
                        && a.get("spinner").equals(b.get("spinner"));
                if (index(b) <= index(a) || nested(a, b) || oneSpinner) {
                    continue;
                }
                double overlapX = Math.min(num(a, "x") + num(a, "w"), num(b, "x") + num(b, "w"))
                        - Math.max(num(a, "x"), num(b, "x"));
                double overlapY = Math.min(num(a, "y") + num(a, "h"), num(b, "y") + num(b, "h"))
                        - Math.max(num(a, "y"), num(b, "y"));
                if (overlapX > 1 && overlapY > 1) {
                    problems.add("overlap: " + describe(a) + " and " + describe(b));
                }
            }
        }
        for (Map<String, Object> trigger : boxes) {
            if (!String.valueOf(trigger.get("cls")).contains("ui-datepicker-trigger")) {
                continue;
            }
            Map<String, Object> field = boxes.stream()
                    .filter(b -> b.get("tag").equals("input")
                            && String.valueOf(b.get("id")).endsWith("_input")
                            && Math.abs(index(b) - index(trigger)) <= 2)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no date field beside " + describe(trigger)));
            double middle = num(trigger, "y") + num(trigger, "h") / 2;
            if (middle < num(field, "y") || middle > num(field, "y") + num(field, "h")) {
                problems.add("calendar button not beside its field: " + describe(trigger) + " / " + describe(field));
            }
        }
        assertThat(problems).as(where).isEmpty();
    }

    private static boolean nested(Map<String, Object> a, Map<String, Object> b) {
        return ((List<?>) a.get("ancestors")).stream().anyMatch(i -> ((Number) i).intValue() == index(b))
                || ((List<?>) b.get("ancestors")).stream().anyMatch(i -> ((Number) i).intValue() == index(a));
    }

    private static int index(Map<String, Object> box) {
        return ((Number) box.get("index")).intValue();
    }

    private static double num(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }

    private static String describe(Map<String, Object> box) {
        return String.format(
                "<%s id=%s for=%s class=%s '%s' at %.0f,%.0f %.0fx%.0f>",
                box.get("tag"),
                box.get("id"),
                box.get("forId"),
                box.get("cls"),
                box.get("text"),
                num(box, "x"),
                num(box, "y"),
                num(box, "w"),
                num(box, "h"));
    }
}
