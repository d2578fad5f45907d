package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.Browser;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Mailbox;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs that render and mail their reports, through a real SMTP server (GreenMail behind a relay
 * the test can close or make refuse a recipient) and PostgreSQL: attachments that open, links that
 * need the right login, over-size files, an SMTP outage, a permanent refusal that the owner hears
 * of, resending only what failed, test sends and cancelling.
 */
@SystemTest
class DeliverySystemIT {

    private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/partner/files/([A-Za-z0-9_-]{43})");
    private static final Duration RUN_TIME = Duration.ofSeconds(90);

    private static Api admin;
    private static WebDriver browser;

    @BeforeAll
    static void deploy() {
        HeraldServer.get().deployHerald();
        admin = Api.admin().withToken();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAttachmentArrivesOpensAndSaysWhatItHolds() throws Exception {
        String to = address("finance");
        long scheduleId = create(
                admin, item("ATTACHMENT", "EXCEL_FORMATTED", to).add("subject", "{ReportName} for {ClientName}"));

        JsonObject run = runAndWait(admin, scheduleId);

        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonObject item = run.getJsonArray("items").getJsonObject(0);
        JsonObject delivery = item.getJsonArray("deliveries").getJsonObject(0);
        assertThat(delivery.getString("status")).isEqualTo("SENT");
        assertThat(delivery.getString("deliveredAs")).isEqualTo("ATTACHMENT");
        assertThat(delivery.getInt("attempts")).isEqualTo(1);
        assertThat(delivery.getString("smtpReply")).startsWith("250");

        MimeMessage mail = only(messagesTo(to));
        assertThat(mail.getSubject()).isEqualTo("Yesterday's Sales for Herald Demo Theatre");
        assertThat(mail.getMessageID()).isEqualTo(delivery.getString("messageId"));
        String text = text(mail);
        assertThat(text).contains("Yesterday's Sales", "Payments & Activities", "Last week", "attached");
        byte[] file = attachment(mail);
        assertThat(sha256(file)).isEqualTo(item.getJsonObject("file").getString("sha256"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Yesterday's Sales");
        }
        HttpResponse<byte[]> download = Http.sendForBytes(
                Http.request("/api/v1/runs/" + run.getJsonNumber("id") + "/items/" + item.getJsonNumber("id") + "/file")
                        .header("Authorization", Http.basic("admin", HeraldServer.ADMIN_PASSWORD)));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(file);
    }

    @Test
    void aLinkDownloadsAfterSigningInAndIsRefusedToAnotherPartner() throws Exception {
        TestUser partner = TestUsers.create("Collect Reports");
        TestUser stranger = TestUsers.create("Collect Reports");
        long scheduleId = create(admin, item("LINK", "CSV", email(partner)));

        JsonObject run = runAndWait(admin, scheduleId);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        MimeMessage mail = only(messagesTo(email(partner)));
        assertThat(attachmentOrNull(mail)).isNull();
        Matcher link = LINK.matcher(text(mail));
        assertThat(link.find()).as(text(mail)).isTrue();
        String url = link.group();

        browser = browser == null ? Browser.open() : browser;
        byte[] file = downloadAfterSignIn(url, partner);
        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).contains("Payment");
        JsonObject item = run.getJsonArray("items").getJsonObject(0);
        assertThat(sha256(file)).isEqualTo(item.getJsonObject("file").getString("sha256"));

        signOutOfPortal();
        HttpResponse<byte[]> refused = fetchAfterSignIn(url, stranger);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(auditActions(stranger.username())).contains("file.download.refused");
        assertThat(auditActions(partner.username())).contains("file.download");
    }

    @Test
    void aFileOverTheAttachmentLimitGoesAsALinkAndTheMailSaysWhy() throws Exception {
        String to = address("big");
        long scheduleId = create(admin, item("ATTACHMENT", "EXCEL_FORMATTED", to));
        setAttachmentLimit(1024);
        JsonObject run;
        try {
            run = runAndWait(admin, scheduleId);
        } finally {
            setAttachmentLimit(10 * 1024 * 1024);
        }
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        JsonObject delivery = run.getJsonArray("items")
                .getJsonObject(0)
                .getJsonArray("deliveries")
                .getJsonObject(0);
        assertThat(delivery.getString("deliveredAs")).isEqualTo("LINK");
        assertThat(delivery.getString("linkReason")).contains("more than the 1.0 KB");
        MimeMessage mail = only(messagesTo(to));
        assertThat(attachmentOrNull(mail)).isNull();
        assertThat(text(mail)).contains("more than the 1.0 KB", "/partner/files/");
    }

    @Test
    void whileSmtpIsDownMailsWaitAndThenArriveOnceEach() throws Exception {
        List<String> to = List.of(address("down-a"), address("down-b"), address("down-c"));
        long scheduleId = create(admin, item("ATTACHMENT", "CSV", to.toArray(String[]::new)));
        HeraldServer.get().smtpGate().close();
        long runId;
        try {
            runId = start(admin, scheduleId);
            await().atMost(RUN_TIME).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<JsonObject> deliveries = deliveries(runId);
                return deliveries.size() == 3
                        && deliveries.stream()
                                .allMatch(d -> d.getString("status").equals("RETRY") && d.getInt("attempts") >= 2);
            });
        } finally {
            HeraldServer.get().smtpGate().open();
        }
        JsonObject run = awaitEnd(admin, runId);
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        for (JsonObject delivery : deliveries(runId)) {
            assertThat(delivery.getInt("attempts")).isGreaterThanOrEqualTo(3);
            List<MimeMessage> received = messagesTo(delivery.getString("recipient"));
            assertThat(received).hasSize(1);
            assertThat(received.get(0).getMessageID()).isEqualTo(delivery.getString("messageId"));
        }
    }

    @Test
    void aPermanentRefusalFailsThatDeliveryTellsTheOwnerAndResendSendsOnlyIt() throws Exception {
        TestUser owner = TestUsers.create("Administrator");
        Api asOwner = Api.as(owner.username(), owner.password());
        String good = address("good");
        String refused = address("refused");
        HeraldServer.get().smtpGate().refuse(refused);
        long scheduleId = create(asOwner, item("ATTACHMENT", "CSV", good, refused));

        JsonObject run = runAndWait(asOwner, scheduleId);
        long runId = run.getJsonNumber("id").longValue();
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("PARTIALLY_FAILED");
        JsonObject failed = delivery(run, refused);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getInt("attempts")).as("a 5xx is not retried").isEqualTo(1);
        assertThat(failed.getString("lastError")).contains("550");
        assertThat(delivery(run, good).getString("status")).isEqualTo("SENT");
        assertThat(messagesTo(refused)).isEmpty();

        MimeMessage notice = only(Mailbox.awaitMessagesTo(email(owner), Duration.ofSeconds(30)));
        assertThat(notice.getSubject()).contains("partly failed");
        assertThat(text(notice))
                .contains(
                        refused,
                        "550",
                        "/console/runs.xhtml?runId=" + runId,
                        "/api/v1/runs/" + runId + "/resend-failed");

        HeraldServer.get().smtpGate().allow(refused);
        HttpResponse<String> resend = asOwner.post("/api/v1/runs/" + runId + "/resend-failed", "{}");
        assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
        JsonObject again = awaitEnd(asOwner, runId);
        assertThat(again.getString("status")).as(again.toString()).isEqualTo("SUCCEEDED");
        assertThat(messagesTo(good)).as("the good address gets nothing more").hasSize(1);
        MimeMessage resent = only(messagesTo(refused));
        assertThat(resent.getMessageID()).isEqualTo(failed.getString("messageId"));
        assertThat(asOwner.post("/api/v1/runs/" + runId + "/resend-failed", "{}")
                        .statusCode())
                .as("nothing left to resend")
                .isEqualTo(409);
    }

    @Test
    void aTestGoesOnlyToTheGivenAddresses() throws Exception {
        String recipient = address("real");
        String tester = address("tester");
        long scheduleId = create(admin, item("ATTACHMENT", "PDF", recipient));
        HttpResponse<String> bad =
                admin.post("/api/v1/schedules/" + scheduleId + "/test", "{\"to\": [\"not an address\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"to\"");

        HttpResponse<String> started =
                admin.post("/api/v1/schedules/" + scheduleId + "/test", "{\"to\": [\"" + tester + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject run = awaitEnd(admin, admin.json(started).getJsonNumber("id").longValue());
        assertThat(run.getString("trigger")).isEqualTo("TEST");
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");
        MimeMessage mail = only(messagesTo(tester));
        assertThat(mail.getSubject()).startsWith("[Test] ");
        assertThat(text(mail)).contains("This is a test");
        assertThat(messagesTo(recipient)).isEmpty();
    }

    @Test
    void aCancelledRunSendsNothingMore() throws Exception {
        String to = address("cancelled");
        long scheduleId = create(admin, item("ATTACHMENT", "CSV", to));
        HeraldServer.get().smtpGate().close();
        long runId;
        try {
            runId = start(admin, scheduleId);
            await().atMost(RUN_TIME).until(() -> deliveries(runId).stream()
                    .anyMatch(d -> d.getString("status").equals("RETRY")));
            HttpResponse<String> cancelled = admin.post("/api/v1/runs/" + runId + "/cancel", "{}");
            assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
            assertThat(admin.json(cancelled).getString("status")).isEqualTo("CANCELLED");
        } finally {
            HeraldServer.get().smtpGate().open();
        }
        assertThat(deliveries(runId))
                .allSatisfy(d -> assertThat(d.getString("status")).isEqualTo("CANCELLED"));
        assertThat(admin.post("/api/v1/runs/" + runId + "/cancel", "{}").statusCode())
                .isEqualTo(409);
        // A later run of another schedule goes through, so the gate is open and Herald would have sent it.
        String later = address("after-cancel");
        runAndWait(admin, create(admin, item("ATTACHMENT", "CSV", later)));
        assertThat(messagesTo(later)).hasSize(1);
        assertThat(messagesTo(to)).isEmpty();
        assertThat(admin.json(admin.get("/api/v1/runs/" + runId)).getString("status"))
                .isEqualTo("CANCELLED");
    }

    // --- schedules and runs

    private static JsonObjectBuilder item(String deliverAs, String format, String... recipients) {
        JsonArrayBuilder to = Json.createArrayBuilder();
        Arrays.stream(recipients).forEach(to::add);
        return Json.createObjectBuilder()
                .add("reportKey", "payments-activities-detailed")
                .add("criteriaSetId", Schedules.lastWeekCriteriaSet())
                .add("displayName", "Yesterday's Sales")
                .add("recipients", to)
                .add("deliverAs", deliverAs)
                .add("format", format);
    }

    /** An on-demand schedule (no timetable, so that only the test runs it) with one item. */
    private static long create(Api api, JsonObjectBuilder item) {
        JsonObject schedule = Json.createObjectBuilder()
                .add("name", Schedules.uniqueName("Delivery"))
                .add("runOnDemand", true)
                .add("runAsSchedule", false)
                .add("items", Json.createArrayBuilder().add(item))
                .build();
        HttpResponse<String> created = api.post("/api/v1/schedules", schedule);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.json(created).getJsonNumber("id").longValue();
    }

    private static JsonObject runAndWait(Api api, long scheduleId) {
        return awaitEnd(api, start(api, scheduleId));
    }

    /** Runs the schedule now; answers the run's id. */
    private static long start(Api api, long scheduleId) {
        HttpResponse<String> started = api.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return api.json(started).getJsonNumber("id").longValue();
    }

    private static JsonObject awaitEnd(Api api, long runId) {
        JsonObject[] run = new JsonObject[1];
        await().atMost(RUN_TIME).pollInterval(Duration.ofMillis(300)).until(() -> {
            run[0] = api.json(api.get("/api/v1/runs/" + runId));
            return !List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING").contains(run[0].getString("status"));
        });
        return run[0];
    }

    private static List<JsonObject> deliveries(long runId) {
        JsonObject run = admin.json(admin.get("/api/v1/runs/" + runId));
        List<JsonObject> deliveries = new ArrayList<>();
        for (JsonValue item : run.getJsonArray("items")) {
            item.asJsonObject().getJsonArray("deliveries").forEach(d -> deliveries.add(d.asJsonObject()));
        }
        return deliveries;
    }

    private static JsonObject delivery(JsonObject run, String recipient) {
        for (JsonValue item : run.getJsonArray("items")) {
            for (JsonValue delivery : item.asJsonObject().getJsonArray("deliveries")) {
                if (delivery.asJsonObject().getString("recipient").equals(recipient)) {
                    return delivery.asJsonObject();
                }
            }
        }
        throw new AssertionError("No delivery to " + recipient + " in " + run);
    }

    // --- mail

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static String email(TestUser user) {
        return user.username() + "@example.org";
    }

    private static List<MimeMessage> messagesTo(String address) throws Exception {
        return Mailbox.messagesTo(address);
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (!Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition())) {
                    text.append(text(child));
                }
            }
            return text.toString();
        }
        return "";
    }

    private static byte[] attachment(MimeMessage mail) throws Exception {
        byte[] file = attachmentOrNull(mail);
        assertThat(file).as("an attachment").isNotNull();
        return file;
    }

    private static byte[] attachmentOrNull(MimeMessage mail) throws Exception {
        if (!(mail.getContent() instanceof MimeMultipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        return null;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // --- the portal

    /** Follows the link in the browser: the portal asks to sign in, then the file comes. */
    private static byte[] downloadAfterSignIn(String url, TestUser user) throws IOException {
        HttpResponse<byte[]> response = fetchAfterSignIn(url, user);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment");
        return response.body();
    }

    /**
     * Opens the link in Chromium, signs in on the login page it leads to, checks the page it comes
     * back to, and fetches the download with the browser's session (Chromium would save the file
     * where a test cannot easily read it).
     */
    private static HttpResponse<byte[]> fetchAfterSignIn(String url, TestUser user) {
        browser = browser == null ? Browser.open() : browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url);
        wait.until(ExpectedConditions.urlContains("/partner/login.xhtml"));
        Browser.screenshot(browser, "portal-link-login");
        browser.findElement(By.id("login:username")).sendKeys(user.username());
        browser.findElement(By.id("login:password")).sendKeys(user.password());
        browser.findElement(By.id("login:signIn")).click();
        wait.until(d -> d.manage().getCookieNamed("HERALD_PARTNER") != null
                && !d.getCurrentUrl().contains("login.xhtml"));
        // The login brings the person back to the link, whose page starts the download (the
        // browser may already be on it): never an error page.
        assertThat(browser.getCurrentUrl()).startsWith(url);
        assertThat(browser.getPageSource()).doesNotContain("Something went wrong");
        Browser.screenshot(browser, "portal-link-after-login");
        Cookie session = browser.manage().getCookieNamed("HERALD_PARTNER");
        return Http.sendForBytes(Http.request(url.replaceFirst("http://localhost:\\d+", "") + "/download")
                .header("Cookie", "HERALD_PARTNER=" + session.getValue()));
    }

    private static void signOutOfPortal() {
        browser.manage().deleteAllCookies();
    }

    // --- the database

    /**
     * Changes the attachment limit as an administrator does, through the API: the instance's runs
     * use the new limit from the next run on (a change straight in the database reaches them only
     * within a few seconds, as one made on another instance does).
     */
    private static void setAttachmentLimit(long bytes) {
        JsonObject settings = admin.json(admin.get("/api/v1/settings"));
        HttpResponse<String> saved = admin.put(
                "/api/v1/settings",
                Json.createObjectBuilder(settings)
                        .add("attachmentLimitBytes", bytes)
                        .build());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    }

    private static List<String> auditActions(String actor) throws SQLException {
        List<String> actions = new ArrayList<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT action FROM audit_event WHERE actor = ?")) {
            query.setString(1, actor);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    actions.add(rows.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return actions;
    }
}
