package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Mails;
import dev.herald.testing.Page;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The weekly summary reports end to end, on PostgreSQL with the demo service-desk data: settings
 * checked field by field and turned into send times, a test send whose two e-mails arrive with links
 * that open without signing in, a page whose figures match the database, a PDF with the same
 * sections, links that can be withdrawn, and both pages on a phone-sized screen.
 */
@SystemTest
class SummaryReportsSystemIT {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+(/summary/([A-Za-z0-9_-]{43})/)");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String SETTINGS = "/api/v1/summary-reports/settings";

    private static Api admin;
    private static WebDriver browser;

    @RegisterExtension
    static final Browser.ScreenshotOnFailure SCREENSHOT_ON_FAILURE =
            new Browser.ScreenshotOnFailure(() -> SummaryReportsSystemIT.browser);

    @BeforeAll
    static void deploy() {
        HeraldServer.get().deployHerald();
        admin = Api.admin().withToken();
    }

    @AfterAll
    static void switchOffAndCloseBrowser() {
        admin.put(SETTINGS, settings(false, List.of(), List.of(), 7, "MONDAY", "08:00"));
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyWrongFieldIsNamedAndNothingIsSaved() {
        JsonObject before = admin.json(admin.get(SETTINGS));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add("owner" + i + "@example.org");
        }
        JsonObject wrong = Json.createObjectBuilder()
                .add("enabled", true)
                .add("organisationName", " ")
                .add("ownerEmails", array(tooMany))
                .add("managerEmails", array(List.of("manager@example.org, not-an-address")))
                .add("periodDays", 10)
                .add("sendDay", "FUNDAY")
                .add("sendTime", "25:00")
                .add("timeZone", "Mars/Olympus_Mons")
                .build();
        HttpResponse<String> refused = admin.put(SETTINGS, wrong);

        assertThat(refused.statusCode()).isEqualTo(400);
        Map<String, String> errors = errors(admin.json(refused));
        assertThat(errors)
                .containsOnlyKeys(
                        "organisationName",
                        "ownerEmails",
                        "managerEmails",
                        "periodDays",
                        "sendDay",
                        "sendTime",
                        "timeZone");
        assertThat(errors.get("ownerEmails")).contains("At most 50");
        assertThat(errors.get("managerEmails")).contains("not-an-address");
        assertThat(admin.json(admin.get(SETTINGS))).isEqualTo(before);

        HttpResponse<String> nobody = admin.put(SETTINGS, settings(true, List.of(), List.of(), 7, "MONDAY", "08:00"));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(errors(admin.json(nobody))).containsOnlyKeys("ownerEmails");
    }

    @Test
    void savedSettingsBecomeSendTimesOfTheirOwnScheduleWhichIsNotListedAmongTheSchedules() {
        HttpResponse<String> saved = admin.put(
                SETTINGS,
                settings(true, List.of("owner@example.org"), List.of("manager@example.org"), 14, "TUESDAY", "07:30"));

        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        List<ZonedDateTime> next = admin.json(saved).getJsonArray("nextSends").getValuesAs(JsonValue::toString).stream()
                .map(text -> Instant.parse(text.replace("\"", "")).atZone(LONDON))
                .toList();
        assertThat(next).hasSize(3);
        ZonedDateTime first = next.get(0);
        assertThat(first.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
        assertThat(first.toLocalTime()).isEqualTo(LocalTime.of(7, 30));
        assertThat(first.toInstant()).isAfter(Instant.now());
        LocalDate thisTuesday = LocalDate.now(LONDON).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        assertThat(first.toLocalDate()).isBetween(thisTuesday, thisTuesday.plusWeeks(1));
        assertThat(next.get(1).toLocalDate()).isEqualTo(first.toLocalDate().plusWeeks(2));
        assertThat(next.get(2).toLocalDate()).isEqualTo(first.toLocalDate().plusWeeks(4));
        assertThat(next.get(2).toLocalTime()).isEqualTo(LocalTime.of(7, 30));

        JsonObject monthly = admin.json(
                admin.put(SETTINGS, settings(true, List.of("owner@example.org"), List.of(), 30, "MONDAY", "08:00")));
        for (JsonValue value : monthly.getJsonArray("nextSends")) {
            LocalDate day = Instant.parse(value.toString().replace("\"", ""))
                    .atZone(LONDON)
                    .toLocalDate();
            assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(day.getDayOfMonth()).as("the first Monday").isLessThanOrEqualTo(7);
        }

        String schedules = admin.get("/api/v1/schedules?size=200&q=summary").body();
        assertThat(schedules).doesNotContain("Weekly summary reports");
        JsonObject off = admin.json(admin.put(SETTINGS, settings(false, List.of(), List.of(), 7, "MONDAY", "08:00")));
        assertThat(off.getJsonArray("nextSends")).isEmpty();
    }

    @Test
    void aTestSendArrivesAndItsLinksOpenThePageAndThePdfUntilWithdrawn() throws Exception {
        String organisation =
                "Summit <Service> Desk " + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.put(
                                SETTINGS,
                                Json.createObjectBuilder()
                                        .add("enabled", false)
                                        .add("organisationName", organisation)
                                        .add("ownerEmails", array(List.of()))
                                        .add("managerEmails", array(List.of()))
                                        .add("periodDays", 7)
                                        .add("sendDay", "MONDAY")
                                        .add("sendTime", "08:00")
                                        .add("timeZone", "Europe/London")
                                        .build())
                        .statusCode())
                .isEqualTo(200);
        String to = "summary-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";

        HttpResponse<String> started = admin.post("/api/v1/summary-reports/test", "{\"to\": [\"" + to + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject run = admin.json(started);
        await().atMost(Duration.ofSeconds(90)).until(() -> Mails.to(to).size() == 2);

        Map<String, String> links = new TreeMap<>();
        for (MimeMessage mail : Mails.to(to)) {
            assertThat(mail.getSubject()).startsWith("[Test] " + organisation + ":");
            String text = mail.getContent().toString();
            if (mail.getContent() instanceof jakarta.mail.Multipart multipart) {
                text = multipart.getBodyPart(0).getContent().toString();
            }
            assertThat(text).contains(organisation).contains("This is a test").contains("summary.pdf");
            Matcher link = LINK.matcher(text);
            assertThat(link.find()).as(text).isTrue();
            links.put(mail.getSubject().contains("manager summary") ? "manager" : "owner", link.group(1));
        }
        assertThat(links).containsOnlyKeys("owner", "manager");

        LocalDate sendDay =
                Instant.parse(run.getString("scheduledFor")).atZone(LONDON).toLocalDate();
        long opened = ticketsOpened(sendDay.minusDays(7), sendDay);
        String escaped = organisation.replace("<", "&lt;").replace(">", "&gt;");

        HttpResponse<String> ownerPage =
                Http.send(Http.request(links.get("owner")).GET());
        assertThat(ownerPage.statusCode()).isEqualTo(200);
        assertThat(ownerPage.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(ownerPage.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(ownerPage.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(ownerPage.body())
                .contains(escaped)
                .doesNotContain("<Service>")
                .contains(
                        "Business owner summary",
                        "Service desk summary",
                        "Customer sentiment",
                        "Automation impact",
                        "Recurring patterns and alerts",
                        "Recommendations",
                        "<svg")
                .doesNotContain("Team performance");
        assertThat(tile(ownerPage.body(), "Tickets opened")).isEqualTo(String.valueOf(opened));

        HttpResponse<String> managerPage =
                Http.send(Http.request(links.get("manager")).GET());
        assertThat(managerPage.body())
                .contains(
                        "Manager summary",
                        "Team performance",
                        "Technician and client affinities",
                        "Escalation patterns",
                        "Company breakdown");

        HttpResponse<byte[]> pdf = Http.sendForBytes(
                Http.request(links.get("manager") + "summary.pdf").GET());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains(
                            organisation,
                            "Manager summary",
                            "Service desk summary",
                            "Team performance",
                            "Company breakdown",
                            "Tickets opened per day");
        }

        phoneScreenshots(links);

        JsonObject sent = admin.json(admin.get("/api/v1/summary-reports"));
        JsonObject ownerSummary = sent.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getInt("runId") == run.getInt("id")
                        && item.getString("audience").equals("OWNER"))
                .findFirst()
                .orElseThrow();
        JsonObject link = ownerSummary.getJsonArray("links").getJsonObject(0);
        assertThat(link.getString("recipient")).isEqualTo(to);
        assertThat(link.getString("state")).isEqualTo("ACTIVE");
        assertThat(link.getInt("opens")).isGreaterThanOrEqualTo(1);

        HttpResponse<String> withdrawn = admin.post(
                "/api/v1/summary-reports/" + ownerSummary.getInt("id") + "/links/" + link.getInt("id") + "/revoke",
                "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(admin.json(withdrawn).getJsonArray("links").getJsonObject(0).getString("state"))
                .isEqualTo("WITHDRAWN");
        HttpResponse<String> gone = Http.send(Http.request(links.get("owner")).GET());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.body()).contains("withdrawn");
        assertThat(Http.sendForBytes(
                                Http.request(links.get("owner") + "summary.pdf").GET())
                        .statusCode())
                .isEqualTo(410);
        assertThat(Http.send(Http.request(links.get("manager")).GET()).statusCode())
                .as("the other summary's link still opens")
                .isEqualTo(200);
        assertThat(gone.body())
                .as("outside recipients are not sent to the console")
                .doesNotContain("/console/");
        String madeUp = "/summary/" + "A".repeat(43) + "/";
        HttpResponse<String> notFound = Http.send(Http.request(madeUp).GET());
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("There is nothing at this address").doesNotContain("/console/");
    }

    @Test
    void theConsolePageNamesAWrongAddressOnItsFieldThenSavesAndSendsATest() {
        WebDriver console = Browser.open();
        try {
            Page page = new Page(console);
            console.get(HeraldServer.get().baseUrl() + "/console/");
            page.signIn("admin", HeraldServer.ADMIN_PASSWORD);
            page.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Welcome"));
            page.click("navSummaries");
            page.waiting().until(ExpectedConditions.urlContains("/console/summary-reports.xhtml"));

            page.type("summarySettings:organisationName", "Herald Demo Service Desk");
            page.type("summarySettings:ownerEmails", "owner@example.org, not-an-address");
            page.click("summarySettings:save");
            page.waitForText("summarySettings:ownerEmailsMessage", "not-an-address");
            Browser.screenshot(console, "console-summary-reports-wrong-address");

            page.type("summarySettings:ownerEmails", "owner@example.org");
            page.click("summarySettings:save");
            page.waitForText("growl_container", "The settings are saved");
            assertThat(console.findElement(By.id("nextSends")).getText()).startsWith("Off");

            String to = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            page.type("summaryTest:testTo", to);
            page.click("summaryTest:sendTest");
            page.waitForText("growl_container", to);
            await().atMost(Duration.ofSeconds(90)).until(() -> Mails.to(to).size() == 2);
            console.navigate().refresh();
            page.waitForText("sent:sentTable", to);
            Browser.screenshot(console, "console-summary-reports");
        } finally {
            console.quit();
        }
    }

    /** Both pages at a phone's width: nothing wider than the screen, so nobody scrolls sideways. */
    private static void phoneScreenshots(Map<String, String> links) {
        browser = Browser.open();
        browser.manage().window().setSize(new Dimension(390, 844));
        for (Map.Entry<String, String> link : links.entrySet()) {
            browser.get(HeraldServer.get().baseUrl() + link.getValue());
            new Page(browser).waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("svg")));
            long overflow = (Long) ((JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow)
                    .as(link.getKey() + " page wider than the phone")
                    .isLessThanOrEqualTo(0);
            Browser.screenshot(browser, "summary-" + link.getKey() + "-phone");
        }
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(HeraldServer.get().baseUrl() + links.get("manager"));
        Browser.screenshot(browser, "summary-manager-desktop");
    }

    private static long ticketsOpened(LocalDate from, LocalDate until) throws Exception {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM reporting.servicedesk_ticket WHERE opened_at >= ? AND opened_at < ?")) {
            query.setObject(1, from.atStartOfDay(LONDON).toOffsetDateTime());
            query.setObject(2, until.atStartOfDay(LONDON).toOffsetDateTime());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String tile(String html, String label) {
        Matcher matcher = Pattern.compile(
                        "<span class=\"label\">" + Pattern.quote(label) + "</span><span class=\"value\">([^<]*)</span>")
                .matcher(html);
        assertThat(matcher.find()).as("a tile " + label).isTrue();
        return matcher.group(1);
    }

    private static JsonObject settings(
            boolean enabled, List<String> owners, List<String> managers, int days, String day, String time) {
        return Json.createObjectBuilder()
                .add("enabled", enabled)
                .add("organisationName", "Herald Demo Service Desk")
                .add("ownerEmails", array(owners))
                .add("managerEmails", array(managers))
                .add("periodDays", days)
                .add("sendDay", day)
                .add("sendTime", time)
                .add("timeZone", "Europe/London")
                .build();
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static Map<String, String> errors(JsonObject problem) {
        Map<String, String> errors = new TreeMap<>();
        for (JsonObject error : problem.getJsonArray("errors").getValuesAs(JsonObject.class)) {
            errors.merge(error.getString("field"), error.getString("message"), (a, b) -> a + " " + b);
        }
        return errors;
    }
}
