package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Page;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import dev.herald.testing.WizardSteps;
import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every console and portal page, with data on its lists, checked by axe-core (WCAG 2.0 and 2.1, A
 * and AA) at 1366×768 and 390×844: a serious or critical violation fails the page and is printed with
 * its rule, element and page; the count of the lighter ones is printed per page. The same visit
 * measures the page: nothing wider than the viewport, and no label, field or button lying over
 * another. A new page is one more line in {@link #SCREENS}.
 */
@SystemTest
class AccessibilitySystemIT {

    private static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 6);

    /** Who looks at a page: nobody signed in, a Super Administrator in the console, a partner in the portal. */
    enum Visitor {
        ANONYMOUS,
        STAFF,
        PARTNER
    }

    /** A page to check: its address, who visits it, and what to do there first (open a report, say). */
    record Screen(String name, String path, Visitor visitor, Consumer<Page> prepare) {
        Screen(String name, String path, Visitor visitor) {
            this(name, path, visitor, page -> {});
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Screen> SCREENS = List.of(
            new Screen("console-login", "/console/login.xhtml", Visitor.ANONYMOUS),
            new Screen("console-error-403", "/errors/403.xhtml", Visitor.ANONYMOUS),
            new Screen("console-error-404", "/console/no-such-page.xhtml", Visitor.STAFF),
            new Screen("console-error-500", "/errors/500.xhtml", Visitor.ANONYMOUS),
            new Screen("console-home", "/console/index.xhtml", Visitor.STAFF),
            new Screen("console-reports", "/console/reports.xhtml", Visitor.STAFF),
            new Screen("console-report-preview", "/console/reports.xhtml", Visitor.STAFF, page -> {
                page.search("catalog:query", "detailed");
                page.click("catalog:table:0:open");
                page.click("report:preview");
                page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("previewTable")));
                page.scrollTo("previewNote");
            }),
            new Screen("console-schedules", "/console/schedules.xhtml", Visitor.STAFF),
            new Screen("console-schedule-new", "/console/schedule.xhtml", Visitor.STAFF),
            new Screen("console-runs", "/console/runs.xhtml", Visitor.STAFF),
            new Screen("console-users", "/console/users.xhtml", Visitor.STAFF),
            new Screen("console-user-scopes", "/console/users.xhtml", Visitor.STAFF, page -> {
                page.search("users:query", AccessibilitySystemIT.partner.username());
                page.click("users:table:0:edit");
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:scopesPanel")));
            }),
            new Screen("console-schedule-who-gets-what", "/console/schedule.xhtml", Visitor.STAFF, page -> {
                page.type("editor:name", "A11y per recipient " + SUFFIX);
                page.click("editor:next");
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("editor:addReport")));
                WizardSteps.openReportDialog(AccessibilitySystemIT.current, page, "Promoter Payments & Activities");
                page.click("item:toDetails");
                WizardSteps.clickInDialog(AccessibilitySystemIT.current, page, "item:perRecipient");
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("item:sendTo")));
                page.type("item:recipients", AccessibilitySystemIT.partner.username() + "@example.org");
                WizardSteps.clickInDialog(AccessibilitySystemIT.current, page, "item:whoGetsWhat");
                page.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("whoTable")));
                // Nothing is saved: the next page is opened without the unsaved-changes prompt.
                ((JavascriptExecutor) AccessibilitySystemIT.current).executeScript("heraldWizard.leave();");
            }),
            new Screen("console-roles", "/console/roles.xhtml", Visitor.STAFF),
            new Screen("console-audit", "/console/audit.xhtml", Visitor.STAFF),
            new Screen("console-settings", "/console/settings.xhtml", Visitor.STAFF),
            new Screen("console-scope-kinds", "/console/scope-kinds.xhtml", Visitor.STAFF),
            new Screen("console-scope-kind-values", "/console/scope-kinds.xhtml", Visitor.STAFF, page -> {
                page.click("kinds:table:0:values");
                page.waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sampleTable tbody tr")));
            }),
            new Screen("console-sql-reports", "/console/sql-reports.xhtml", Visitor.STAFF),
            new Screen("console-summary-reports", "/console/summary-reports.xhtml", Visitor.STAFF),
            new Screen("console-tenants", "/console/tenants.xhtml", Visitor.STAFF),
            new Screen("console-usage-reports", "/console/usage-reports.xhtml", Visitor.STAFF),
            new Screen("console-scheduled-tasks", "/console/scheduled-tasks.xhtml", Visitor.STAFF),
            new Screen("console-tokens", "/console/tokens.xhtml", Visitor.STAFF),
            new Screen("console-password", "/console/password.xhtml", Visitor.STAFF),
            new Screen("portal-login", "/partner/login.xhtml", Visitor.ANONYMOUS),
            new Screen("portal-error-403", "/partner/errors/403.xhtml", Visitor.ANONYMOUS),
            new Screen("portal-error-404", "/partner/no-such-page.xhtml", Visitor.PARTNER),
            new Screen("portal-error-410", "/partner/errors/410.xhtml", Visitor.ANONYMOUS),
            new Screen("portal-error-500", "/partner/errors/500.xhtml", Visitor.ANONYMOUS),
            new Screen("portal-reports", "/partner/index.xhtml", Visitor.PARTNER),
            new Screen("portal-files", "/partner/files.xhtml", Visitor.PARTNER),
            new Screen("portal-password", "/partner/password.xhtml", Visitor.PARTNER));

    private static final List<Dimension> SIZES = List.of(new Dimension(1366, 768), new Dimension(390, 844));

    /** Page and size → "n serious/critical, m other (rule ×k …)", printed together at the end for the lead. */
    private static final Map<String, String> TALLY = new ConcurrentSkipListMap<>();

    private static final Map<Visitor, WebDriver> BROWSERS = new TreeMap<>();
    private static WebDriver current;
    private static String base;
    private static TestUser partner;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> AccessibilitySystemIT.current);

    @BeforeAll
    static void fillTheListsAndSignIn() throws SQLException {
        base = HeraldServer.get().baseUrl();
        Api admin = Api.admin();
        partner = TestUsers.create("Collect Reports");
        String email = partner.username() + "@example.org";

        // Schedules and run history: an on-demand item for the partner and a file sent to them by link.
        expect(
                admin.post(
                        "/api/v1/schedules",
                        Schedules.onDemand(
                                Schedules.uniqueName("A11y on demand"),
                                Schedules.lastWeekPayments("Box office payments", "CSV", "ATTACHMENT", email))),
                201);
        HttpResponse<String> linked = admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("A11y link"),
                        Schedules.lastWeekPayments("Payments sent by link", "CSV", "LINK", email)));
        expect(linked, 201);
        long scheduleId = admin.json(linked).getJsonNumber("id").longValue();
        expect(admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}"), 202);
        expect(admin.post("/api/v1/schedules", Schedules.weekly(Schedules.uniqueName("A11y weekly"))), 201);

        // An API token, a one-tenant usage report with its scheduled task, and an all-tenants one.
        expect(
                admin.post(
                        "/api/v1/api-tokens",
                        Json.createObjectBuilder()
                                .add("name", "A11y token " + SUFFIX)
                                .build()
                                .toString()),
                201);
        long tenantId = firstTenant();
        expect(
                admin.post(
                        "/api/v1/usage-reports",
                        Json.createObjectBuilder()
                                .add("name", "A11y one tenant " + SUFFIX)
                                .add("scope", "TENANT")
                                .add("tenantId", tenantId)
                                .add("delimiter", "COMMA")
                                .add("period", "LAST_30_DAYS")
                                .add(
                                        "schedule",
                                        Json.createObjectBuilder()
                                                .add("name", "A11y one tenant task " + SUFFIX)
                                                .add("email", "finance@example.org")
                                                .add("taskType", "USAGE_REPORT")
                                                .add("recurrence", "WEEKLY")
                                                .add("dayOfWeek", "MONDAY")
                                                .add("delimiter", "COMMA")
                                                .add("enabled", true))
                                .build()),
                202);
        expect(
                admin.post(
                        "/api/v1/usage-reports",
                        Json.createObjectBuilder()
                                .add("name", "A11y all tenants " + SUFFIX)
                                .add("scope", "ALL")
                                .add("delimiter", "PIPE")
                                .add("period", "LAST_30_DAYS")
                                .build()),
                202);

        BROWSERS.put(Visitor.ANONYMOUS, Browser.open());
        WebDriver staff = Browser.open();
        BROWSERS.put(Visitor.STAFF, staff);
        staff.get(base + "/console/");
        Page staffPage = new Page(staff);
        staffPage.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        staffPage.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
        WebDriver portal = Browser.open();
        BROWSERS.put(Visitor.PARTNER, portal);
        portal.get(base + "/partner/");
        Page portalPage = new Page(portal);
        portalPage.signIn(partner.username(), partner.password());
        portalPage
                .waiting()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Your reports"));
    }

    @AfterAll
    static void printTheTallyAndClose() {
        StringBuilder tally = new StringBuilder("axe-core, WCAG 2.1 A/AA, per page and size:\n");
        TALLY.forEach((page, line) ->
                tally.append("  ").append(page).append(": ").append(line).append('\n'));
        System.out.println(tally);
        BROWSERS.values().forEach(WebDriver::quit);
    }

    /** Every page at every size; {@code -Dherald.a11y.pages=console-users,portal-files} checks only those. */
    static Stream<Arguments> visits() {
        List<String> only = List.of(System.getProperty("herald.a11y.pages", "").split(","));
        return SCREENS.stream()
                .filter(screen -> only.equals(List.of("")) || only.contains(screen.name()))
                .flatMap(screen -> SIZES.stream().map(size -> Arguments.of(screen, size)));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("visits")
    void hasNoSeriousOrCriticalViolationAndFitsTheScreen(Screen screen, Dimension size) {
        WebDriver browser = BROWSERS.get(screen.visitor());
        current = browser;
        browser.manage().window().setSize(size);
        browser.get(base + screen.path());
        Page page = new Page(browser);
        page.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        screen.prepare().accept(page);
        String label = screen.name() + " at " + size.width + "x" + size.height;
        Browser.screenshot(browser, "a11y-" + screen.name() + "-" + size.width + "x" + size.height);

        // Legacy mode runs axe in the page itself: the newer mode opens a helper window to finish the
        // run, which once failed to switch to ("switchToWindow failed"). The pages visited have no frames.
        Results results =
                new AxeBuilder().withTags(WCAG_A_AA).setLegacyMode(true).analyze(browser);
        assertThat(results.isErrored()).as("axe ran on " + label).isFalse();
        List<String> blocking = new ArrayList<>();
        Map<String, Integer> others = new TreeMap<>();
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                for (CheckedNode node : rule.getNodes()) {
                    blocking.add(rule.getImpact() + " " + rule.getId() + " on " + node.getTarget() + " (" + label
                            + "): " + rule.getHelp() + " | "
                            + String.valueOf(node.getFailureSummary()).replaceAll("\\s+", " "));
                }
            } else {
                others.merge(
                        rule.getId() + " [" + rule.getImpact() + "]",
                        rule.getNodes().size(),
                        Integer::sum);
            }
        }
        blocking.forEach(System.out::println);
        int otherCount = others.values().stream().mapToInt(Integer::intValue).sum();
        TALLY.put(
                label,
                blocking.size() + " serious/critical, " + otherCount + " other"
                        + (others.isEmpty()
                                ? ""
                                : others.entrySet().stream()
                                        .map(entry -> entry.getKey() + " ×" + entry.getValue())
                                        .collect(Collectors.joining(", ", " (", ")"))));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(blocking)
                .as("serious or critical axe violations on " + label)
                .isEmpty();
        softly.assertThat(tooWide(browser))
                .as("elements wider than the viewport on " + label)
                .isEmpty();
        softly.assertThat(overlaps(browser))
                .as("labels, fields or buttons over one another on " + label)
                .isEmpty();
        softly.assertAll();
    }

    /**
     * The page must not scroll sideways: the document is no wider than the window, and no visible
     * label, field or button reaches past its right edge.
     */
    @SuppressWarnings("unchecked")
    private static List<String> tooWide(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                const wide = [];
                if (document.documentElement.scrollWidth > width + 1) {
                    wide.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
                }
                for (const element of document.querySelectorAll('label, input, select, textarea, button, a, h1, h2, .ui-selectonemenu')) {
                    const box = element.getBoundingClientRect();
                    if (box.width > 1 && box.height > 1 && box.right > width + 1
                            && element.closest('.ui-helper-hidden-accessible, .ui-helper-hidden') === null) {
                        wide.push((element.id || element.tagName) + ' ends at ' + Math.round(box.right) + ' > ' + width);
                    }
                }
                return wide;""");
    }

    /**
     * Labels, fields and buttons (each visible, none inside another) whose boxes, as far as they can be
     * seen, share area; with a modal dialog open, those in it.
     */
    @SuppressWarnings("unchecked")
    private static List<String> overlaps(WebDriver browser) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const visible = element => {
                    const box = element.getBoundingClientRect();
                    const style = getComputedStyle(element);
                    return box.width > 1 && box.height > 1 && style.visibility !== 'hidden'
                        && element.closest('.ui-helper-hidden-accessible, .ui-helper-hidden, .ui-overlay-hidden') === null;
                };
                // While a modal dialog is open only what is in it can be reached: the page behind it
                // is not measured against it.
                const dialogs = [...document.querySelectorAll('.ui-dialog')]
                    .filter(d => d.getBoundingClientRect().width > 1 && getComputedStyle(d).display !== 'none'
                        && getComputedStyle(d).visibility !== 'hidden');
                const modal = dialogs.length > 0 && document.querySelector('.ui-widget-overlay.ui-dialog-mask') !== null;
                const elements = [...document.querySelectorAll(
                        'label, input:not([type=hidden]), textarea, button, .ui-selectonemenu, .ui-chkbox-box, .ui-radiobutton-box')]
                    .filter(visible)
                    .filter(element => !modal || dialogs.some(d => d.contains(element)));
                // What of an element can be seen: its box cut by every ancestor that scrolls or clips.
                const seen = element => {
                    const b = element.getBoundingClientRect();
                    let left = b.left, top = b.top, right = b.right, bottom = b.bottom;
                    for (let p = element.parentElement; p; p = p.parentElement) {
                        const style = getComputedStyle(p);
                        if (style.overflowX !== 'visible' || style.overflowY !== 'visible') {
                            const c = p.getBoundingClientRect();
                            left = Math.max(left, c.left);
                            top = Math.max(top, c.top);
                            right = Math.min(right, c.right);
                            bottom = Math.min(bottom, c.bottom);
                        }
                    }
                    return {left: left, top: top, right: right, bottom: bottom};
                };
                // A composite field's own parts (a spinner's buttons over its input) belong together.
                const widget = element => element.closest('.ui-spinner, .ui-calendar, .ui-datepicker, .ui-inputgroup');
                const name = element => element.id || (element.tagName + ':' + (element.textContent || '').trim().slice(0, 20));
                const found = [];
                for (let i = 0; i < elements.length; i++) {
                    for (let j = i + 1; j < elements.length; j++) {
                        const a = elements[i], b = elements[j];
                        if (a.contains(b) || b.contains(a)) continue;
                        if (widget(a) !== null && widget(a) === widget(b)) continue;
                        const p = seen(a), q = seen(b);
                        const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
                        const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                        if (x > 2 && y > 2) found.push(name(a) + ' over ' + name(b));
                    }
                }
                return found;""");
    }

    private static long firstTenant() throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id FROM reporting.usage_tenant ORDER BY name LIMIT 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    }
}
