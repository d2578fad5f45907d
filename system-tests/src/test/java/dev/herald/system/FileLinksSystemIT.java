package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Api;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Mails;
import dev.herald.testing.PortalSession;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import dev.herald.testing.TestUsers;
import dev.herald.testing.TestUsers.TestUser;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A file link is one recipient's: another recipient of the same file, signed in to the portal, gets
 * the same 404 as for a made-up token (audited), while staff who may export still open it. A link
 * that staff withdraw (a report's or a summary's) is gone from every place that offers that file to
 * its recipient: the link answers 410 "withdrawn", the portal's Files and the API's my-files no
 * longer list it, and fetching it there is 410 too. Links are followed over plain HTTP with a
 * portal session, as a browser would.
 */
@SystemTest
class FileLinksSystemIT {

    private static final Pattern FILE_LINK =
            Pattern.compile("http://localhost:\\d+(/partner/files/([A-Za-z0-9_-]{43}))");
    private static final Pattern SUMMARY_LINK = Pattern.compile("http://localhost:\\d+(/summary/[A-Za-z0-9_-]{43}/)");
    private static final String MADE_UP = "/partner/files/" + "A".repeat(43) + "/download";

    private static Api admin;

    @BeforeAll
    static void adminToken() {
        admin = Api.admin().withToken();
    }

    @Test
    void aLinkOpensOnlyForTheRecipientItWasSentTo() throws Exception {
        TestUser first = TestUsers.create("Collect Reports");
        TestUser second = TestUsers.create("Collect Reports");
        JsonObject run = runLinkedReport(first, second);
        String firstLink = link(email(first));
        String secondLink = link(email(second));

        PortalSession asFirst = PortalSession.signIn(first.username(), first.password());
        HttpResponse<byte[]> own = asFirst.getBytes(firstLink + "/download");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(sha256(own.body()))
                .isEqualTo(run.getJsonArray("items")
                        .getJsonObject(0)
                        .getJsonObject("file")
                        .getString("sha256"));

        PortalSession asSecond = PortalSession.signIn(second.username(), second.password());
        HttpResponse<String> othersLink = asSecond.get(firstLink + "/download");
        HttpResponse<String> madeUp = asSecond.get(MADE_UP);
        assertThat(othersLink.statusCode())
                .as("the other recipient of the same file, with the first one's link")
                .isEqualTo(404);
        assertThat(withoutNonce(othersLink.body()))
                .as("told apart from a made-up link by nothing")
                .isEqualTo(withoutNonce(madeUp.body()));
        assertThat(madeUp.statusCode()).isEqualTo(404);
        assertThat(asSecond.getBytes(secondLink + "/download").statusCode())
                .as("their own link to the same file")
                .isEqualTo(200);

        List<String> refusals = admin
                .json(admin.get("/api/v1/audit?actor=" + second.username() + "&action=file.download.refused"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(line -> line.getString("detail"))
                .toList();
        assertThat(refusals)
                .as("both refusals are audited, the other's link with the delivery it belongs to")
                .hasSize(2)
                .anySatisfy(detail -> assertThat(detail)
                        .contains("not the recipient of this link")
                        .contains(
                                "\"deliveryId\":" + delivery(run, email(first)).getJsonNumber("id")))
                .anySatisfy(detail -> assertThat(detail).contains("no such link"));

        PortalSession asStaff = PortalSession.signIn("admin", HeraldServer.ADMIN_PASSWORD);
        assertThat(asStaff.getBytes(firstLink + "/download").statusCode())
                .as("staff who may export reports")
                .isEqualTo(200);
    }

    @Test
    void aWithdrawnLinkIsGoneFromEveryPlaceThatOfferedItsFile() throws Exception {
        TestUser first = TestUsers.create("Collect Reports");
        TestUser second = TestUsers.create("Collect Reports");
        JsonObject run = runLinkedReport(first, second);
        long runId = run.getJsonNumber("id").longValue();
        long firstDelivery = delivery(run, email(first)).getJsonNumber("id").longValue();
        long secondDelivery = delivery(run, email(second)).getJsonNumber("id").longValue();
        String firstLink = link(email(first));
        Api asFirst = Api.as(first.username(), first.password()).withToken();
        Api asSecond = Api.as(second.username(), second.password()).withToken();
        assertThat(myFiles(asFirst)).contains(firstDelivery);
        assertThat(asFirst.get("/api/v1/my-files/" + firstDelivery + "/file").statusCode())
                .isEqualTo(200);

        HttpResponse<String> withdrawn =
                admin.post("/api/v1/runs/" + runId + "/deliveries/" + firstDelivery + "/withdraw-link", "{}");
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        assertThat(admin.json(withdrawn).getString("linkRevokedAt")).isNotBlank();

        PortalSession portal = PortalSession.signIn(first.username(), first.password());
        HttpResponse<String> viaLink = portal.get(firstLink + "/download");
        assertThat(viaLink.statusCode()).isEqualTo(410);
        assertThat(viaLink.body()).contains("withdrawn");
        assertThat(myFiles(asFirst)).doesNotContain(firstDelivery);
        HttpResponse<String> viaApi = asFirst.get("/api/v1/my-files/" + firstDelivery + "/file");
        assertThat(viaApi.statusCode()).isEqualTo(410);
        assertThat(Http.json(viaApi).getString("detail")).contains("withdrawn");
        assertThat(portal.get("/partner/download/file/" + firstDelivery).statusCode())
                .isEqualTo(410);
        assertThat(portal.get("/partner/files.xhtml").body()).doesNotContain("download-" + firstDelivery);

        assertThat(myFiles(asSecond)).as("the other recipient's link stays").contains(secondDelivery);
        assertThat(asSecond.get("/api/v1/my-files/" + secondDelivery + "/file").statusCode())
                .isEqualTo(200);

        assertThat(admin.post("/api/v1/runs/" + runId + "/deliveries/" + firstDelivery + "/withdraw-link", "{}")
                        .statusCode())
                .as("withdrawing again changes nothing")
                .isEqualTo(200);
        assertThat(admin.post(
                                "/api/v1/runs/" + (runId + 1000000) + "/deliveries/" + firstDelivery + "/withdraw-link",
                                "{}")
                        .statusCode())
                .as("a delivery of another run")
                .isEqualTo(404);
        JsonArray audited = admin.json(admin.get("/api/v1/audit?action=run.link.withdraw&targetId=" + firstDelivery))
                .getJsonArray("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.getJsonObject(0).getString("actor")).isEqualTo("admin");
    }

    @Test
    void aWithdrawnSummaryLinkIsGoneFromMyFilesToo() throws Exception {
        TestUser partner = TestUsers.create("Collect Reports");
        Api asPartner = Api.as(partner.username(), partner.password()).withToken();
        HttpResponse<String> started =
                admin.post("/api/v1/summary-reports/test", "{\"to\": [\"" + email(partner) + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = admin.json(started).getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(90))
                .until(() -> Mails.to(email(partner)).size() == 2);
        List<Long> listed = myFiles(asPartner);
        assertThat(listed)
                .as("both summaries' PDFs, sent to the partner by link")
                .hasSize(2);

        JsonObject summary = admin
                .json(admin.get("/api/v1/summary-reports?size=50"))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(s -> s.getJsonNumber("runId").longValue() == runId)
                .findFirst()
                .orElseThrow();
        long deliveryId = summary.getJsonArray("links")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        assertThat(listed).contains(deliveryId);
        assertThat(asPartner.get("/api/v1/my-files/" + deliveryId + "/file").statusCode())
                .isEqualTo(200);

        HttpResponse<String> revoked = admin.post("/api/v1/summary-reports/" + summary.getInt("id") + "/revoke", "{}");
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);

        assertThat(myFiles(asPartner)).doesNotContain(deliveryId).hasSize(1);
        HttpResponse<String> fetched = asPartner.get("/api/v1/my-files/" + deliveryId + "/file");
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(410);
        assertThat(Http.json(fetched).getString("detail")).contains("withdrawn");
        String withdrawnLink = summaryLinkOf(summary.getString("title"), email(partner));
        assertThat(Http.send(Http.request(withdrawnLink).GET()).statusCode()).isEqualTo(410);
    }

    // --- helpers

    /** Runs a schedule that sends last week's payments as a link to both partners; answers the ended run. */
    private static JsonObject runLinkedReport(TestUser first, TestUser second) {
        JsonObject schedule = admin.json(admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(
                        Schedules.uniqueName("Links"),
                        Schedules.lastWeekPayments("Linked payments", "CSV", "LINK", email(first), email(second)))));
        long scheduleId = schedule.getJsonNumber("id").longValue();
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = admin.json(started).getJsonNumber("id").longValue();
        JsonObject[] run = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    run[0] = admin.json(admin.get("/api/v1/runs/" + runId));
                    return !List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING").contains(run[0].getString("status"));
                });
        assertThat(run[0].getString("status")).as(run[0].toString()).isEqualTo("SUCCEEDED");
        return run[0];
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

    /** The portal path of the link in the one e-mail sent to the address. */
    private static String link(String address) throws Exception {
        List<MimeMessage> mails = Mails.to(address);
        assertThat(mails).hasSize(1);
        Matcher link = FILE_LINK.matcher(Mails.text(mails.get(0)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The summary link (the page) in the e-mail whose subject names the summary. */
    private static String summaryLinkOf(String title, String address) throws Exception {
        for (MimeMessage mail : Mails.to(address)) {
            String text = Mails.text(mail);
            boolean manager = mail.getSubject().contains("manager summary");
            if (manager == title.toLowerCase().contains("manager")) {
                Matcher link = SUMMARY_LINK.matcher(text);
                assertThat(link.find()).isTrue();
                return link.group(1);
            }
        }
        throw new AssertionError("No summary “" + title + "” sent to " + address);
    }

    private static List<Long> myFiles(Api api) {
        HttpResponse<String> answer = api.get("/api/v1/my-files");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        Api.parseArray(answer.body())
                .forEach(file ->
                        ids.add(file.asJsonObject().getJsonNumber("deliveryId").longValue()));
        return ids;
    }

    /** A page without the script nonces of its Content Security Policy, which are new on every answer. */
    private static String withoutNonce(String page) {
        return page.replaceAll("nonce=\"[^\"]*\"", "").replaceAll("csp\\.init\\('[^']*'\\)", "");
    }

    private static String email(TestUser user) {
        return user.username() + "@example.org";
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
