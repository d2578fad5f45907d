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
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recipient-bound reports (issue 19) seen from outside, on PostgreSQL with the demo data: twenty
 * promoters' partner accounts, each limited to one promoter through the API, and one more promoter of
 * the test's own that owns no event (so every report bound to it is empty), and one partner holding
 * no promoter value. Every file is compared row by row with a query per promoter run straight on
 * PostgreSQL, never with what Herald says about itself.
 *
 * <p>What is shown: one per-recipient item of Sales by Event sends exactly 20 e-mails, each holding
 * its promoter's rows; the promoter without rows gets no e-mail (SKIPPED_EMPTY) and the listed partner
 * without a value gets nothing (SKIPPED_NO_SCOPE, said in the run's detail); who-gets-what agrees with
 * what was sent. On demand, each promoter gets their own payments and nothing else, whatever they put
 * in the request; another person's item or run is 404 and audited. A shared item of a bound report
 * cannot name a promoter, and fails rather than send everybody's rows if one becomes a promoter later.
 */
@SystemTest
class RecipientScopesSystemIT {

    /** The demo data's promoters at scale 1 (DemoDataGenerator.promoterCount). */
    private static final int PROMOTERS = 20;

    private static final DateTimeFormatter CSV_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> GOING = List.of("QUEUED", "CLAIMED", "RUNNING", "WAITING");

    /** A partner account made for the test: its promoter (null for none), id, name, password, address. */
    private record Partner(Long promoter, long id, String username, String password) {

        String email() {
            return username + "@example.org";
        }
    }

    private static Api admin;
    private static ZoneId zone;
    private static String suffix;
    /** The promoter of the test's own, without events. */
    private static long noEvents;
    /** The twenty promoters of the demo data, with their accounts. */
    private static final List<Partner> promoters = new ArrayList<>();
    /** The account of the promoter without events. */
    private static Partner empty;
    /** A partner with no promoter value. */
    private static Partner unscoped;
    /** Every account the test made, to take their scopes away at the end. */
    private static final List<Partner> made = new ArrayList<>();

    /** The period every item here reports on: the last 400 days, today included. */
    private static LocalDate first;

    private static LocalDate last;

    @BeforeAll
    static void promotersAndTheirAccounts() throws Exception {
        admin = Api.admin().withToken();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        zone = ZoneId.of(admin.json(admin.get("/api/v1/settings")).getString("timeZone"));
        last = LocalDate.now(zone);
        first = last.minusDays(400);

        List<Long> demo = new ArrayList<>();
        query(
                "SELECT id FROM reporting.ticketing_promoter WHERE id < 1000000 ORDER BY id",
                row -> demo.add(row.getLong(1)));
        assertThat(demo).as("the demo data's promoters").hasSize(PROMOTERS);
        noEvents = 1_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        execute(
                "INSERT INTO reporting.ticketing_promoter (id, name) VALUES (?, ?)",
                noEvents,
                "Nobody's Productions " + suffix);

        for (long promoter : demo) {
            promoters.add(partner("promoter-" + promoter, promoter));
        }
        empty = partner("promoter-without-events", noEvents);
        unscoped = partner("partner-without-promoter", null);
    }

    @AfterAll
    static void takeTheScopesAwayAndTheFixturePromoter() throws Exception {
        // Other tests share the server: accounts of this one must not receive their per-recipient items.
        for (Partner partner : made) {
            admin.put("/api/v1/users/" + partner.id() + "/scopes", JsonValue.EMPTY_JSON_OBJECT);
        }
        execute("DELETE FROM reporting.ticketing_promoter WHERE id = ?", noEvents);
    }

    @Test
    void onePerRecipientItemMailsEachPromoterExactlyTheirOwnRows() throws Exception {
        String subject = "Your sales " + suffix;
        List<String> to = new ArrayList<>();
        promoters.forEach(p -> to.add(p.email()));
        to.add(empty.email());
        to.add(unscoped.email());
        JsonObject item = salesItem("Promoter sales " + suffix, subject, to);

        // Before the run: who gets what.
        HttpResponse<String> preview = admin.post("/api/v1/schedules/who-gets-what", item);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonObject whoGetsWhat = admin.json(preview);
        assertThat(whoGetsWhat.getInt("total")).isEqualTo(22);
        Map<String, JsonObject> previewed = new HashMap<>();
        whoGetsWhat
                .getJsonArray("recipients")
                .getValuesAs(JsonObject.class)
                .forEach(r -> previewed.put(r.getString("recipient"), r));

        JsonObject schedule = created(Schedules.onDemand(Schedules.uniqueName("Promoter sales"), item));
        JsonObject run = runAndWait(schedule.getJsonNumber("id").longValue());
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("SUCCEEDED");

        Map<String, JsonObject> byAccount = new HashMap<>();
        run.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> byAccount.put(i.getString("madeFor"), i));
        assertThat(run.getJsonArray("items")).as("one run item per recipient").hasSize(22);
        assertThat(byAccount).hasSize(22);

        // Exactly 20 e-mails: one to each promoter with rows, none to the one without, none to the partner
        // without a promoter value.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> mailsWithSubject(subject).size() >= PROMOTERS);
        List<MimeMessage> mails = mailsWithSubject(subject);
        assertThat(mails).hasSize(PROMOTERS);
        Map<String, Integer> rowsByPromoter = new LinkedHashMap<>();
        for (Partner promoter : promoters) {
            List<List<String>> expected = salesOf(promoter.promoter());
            assertThat(expected)
                    .as("the demo data gives promoter %s sales in the period", promoter.promoter())
                    .isNotEmpty();
            List<MimeMessage> theirs = Mails.to(promoter.email()).stream()
                    .filter(m -> subjectOf(m).contains(subject))
                    .toList();
            assertThat(theirs).as("e-mails to promoter %s", promoter.promoter()).hasSize(1);
            assertRowsEqual(csv(Mails.attachment(theirs.get(0))), expected, "promoter " + promoter.promoter());

            JsonObject runItem = byAccount.get(promoter.username());
            assertThat(runItem.getString("status")).isEqualTo("RENDERED");
            assertThat(runItem.getJsonObject("scopeValues").toString())
                    .isEqualTo("{\"promoter\":[\"" + promoter.promoter() + "\"]}");
            assertThat(runItem.getJsonObject("file").getJsonNumber("rows").longValue())
                    .isEqualTo(expected.size());
            assertThat(runItem.getJsonArray("deliveries").getValuesAs(JsonObject.class))
                    .singleElement()
                    .satisfies(d -> {
                        assertThat(d.getString("recipient")).isEqualTo(promoter.email());
                        assertThat(d.getString("status")).isEqualTo("SENT");
                    });
            JsonObject previewedRow = previewed.get(promoter.email());
            assertThat(previewedRow.getString("account")).isEqualTo(promoter.username());
            assertThat(previewedRow.getJsonNumber("rows").longValue())
                    .as("who-gets-what for promoter %s", promoter.promoter())
                    .isEqualTo(expected.size());
            assertThat(previewedRow
                            .getJsonObject("scopes")
                            .getJsonArray("promoter")
                            .getJsonObject(0)
                            .getString("value"))
                    .isEqualTo(String.valueOf(promoter.promoter()));
            rowsByPromoter.put(String.valueOf(promoter.promoter()), expected.size());
        }
        System.out.println("Per-recipient Sales by Event, " + first + " to " + last + ": rows by promoter "
                + rowsByPromoter + "; e-mails " + mails.size());

        assertThat(salesOf(noEvents)).isEmpty();
        assertThat(Mails.to(empty.email())).as("the promoter without rows").isEmpty();
        JsonObject skipped = byAccount.get(empty.username());
        assertThat(skipped.getString("status")).isEqualTo("SKIPPED_EMPTY");
        assertThat(skipped.getJsonArray("deliveries")).isEmpty();
        assertThat(skipped.getJsonObject("scopeValues").toString()).isEqualTo("{\"promoter\":[\"" + noEvents + "\"]}");
        assertThat(previewed.get(empty.email()).getJsonNumber("rows").longValue())
                .isZero();

        assertThat(Mails.to(unscoped.email()))
                .as("the partner without a promoter value")
                .isEmpty();
        JsonObject unscopedItem = byAccount.get(unscoped.username());
        assertThat(unscopedItem.getString("status")).isEqualTo("SKIPPED_NO_SCOPE");
        assertThat(unscopedItem.getJsonArray("deliveries")).isEmpty();
        assertThat(unscopedItem.getString("error")).contains(unscoped.email(), "no promoter value");
        assertThat(run.getString("detail"))
                .as("the run says that one recipient got nothing, and why")
                .contains("1 recipient got nothing: no value of a kind the report is bound to");
        assertThat(previewed.get(unscoped.email()).getString("problem")).contains("no promoter value");
        assertThat(absent(previewed.get(unscoped.email()), "rows")).isTrue();
    }

    @Test
    void eachPromoterRunsTheBoundItemOnDemandAndGetsOnlyTheirOwnPayments() throws Exception {
        JsonObject item = paymentsItem("Promoter payments " + suffix)
                .add("recipientScopeKind", "promoter")
                .build();
        HttpResponse<String> preview = admin.post("/api/v1/schedules/who-gets-what", item);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        Map<String, JsonObject> previewed = new HashMap<>();
        admin.json(preview)
                .getJsonArray("recipients")
                .getValuesAs(JsonObject.class)
                .forEach(r -> previewed.put(r.getString("recipient"), r));
        long itemId = itemOf(created(Schedules.onDemand(Schedules.uniqueName("Promoter payments"), item)));

        Map<String, Integer> rowsByPromoter = new LinkedHashMap<>();
        List<Partner> holders = new ArrayList<>(promoters);
        holders.add(empty);
        for (Partner promoter : holders) {
            List<List<String>> expected = paymentsOf(promoter.promoter());
            if (promoter != empty) {
                assertThat(expected)
                        .as("the demo data gives promoter %s payments in the period", promoter.promoter())
                        .isNotEmpty();
            }
            assertThat(previewed.get(promoter.email()))
                    .as("every account holding a promoter value is a recipient: %s", promoter.email())
                    .isNotNull();
            assertThat(previewed.get(promoter.email()).getString("account")).isEqualTo(promoter.username());
            Api api = api(promoter);
            JsonObject offered = offered(api, itemId);
            assertThat(offered).as("the item in %s's list", promoter.username()).isNotNull();
            assertThat(offered.getJsonArray("criteria").getValuesAs(JsonObject.class))
                    .as("stated with their own promoter")
                    .anySatisfy(c -> {
                        assertThat(c.getString("label")).isEqualTo("Promoter");
                        assertThat(c.getString("value")).isEqualTo(promoterName(promoter.promoter()));
                    });
            HttpResponse<byte[]> file = api.postForFile("/api/v1/on-demand/" + itemId + "/run?wait=60", "{}");
            assertThat(file.statusCode())
                    .as(new String(file.body(), StandardCharsets.UTF_8))
                    .isEqualTo(200);
            assertRowsEqual(csv(file.body()), expected, "promoter " + promoter.promoter());
            rowsByPromoter.put(String.valueOf(promoter.promoter()), expected.size());
        }
        System.out.println(
                "On-demand Payments & Activities, " + first + " to " + last + ": rows by promoter " + rowsByPromoter);

        Api asUnscoped = api(unscoped);
        assertThat(offered(asUnscoped, itemId))
                .as("not offered to a partner without a promoter value")
                .isNull();
        assertThat(previewed).doesNotContainKey(unscoped.email());
        assertThat(asUnscoped
                        .post("/api/v1/on-demand/" + itemId + "/run?wait=0", "{}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(refusals(unscoped, "scheduledReport")).contains(String.valueOf(itemId));
    }

    @Test
    void aPromoterAlteringTheRequestGetsTheirOwnRowsOr404AndIsAudited() throws Exception {
        Partner a = promoters.get(0);
        Partner b = promoters.get(1);
        Api asA = api(a);
        Api asB = api(b);
        List<List<String>> ownRows = paymentsOf(a.promoter());
        List<List<String>> othersRows = paymentsOf(b.promoter());
        assertThat(ownRows).isNotEqualTo(othersRows);
        long everyHolder = itemOf(created(Schedules.onDemand(
                Schedules.uniqueName("Promoter payments"),
                paymentsItem("Promoter payments " + suffix)
                        .add("recipientScopeKind", "promoter")
                        .build())));

        // Criteria in the body and in the query: the run takes none of them, and is made with A's own value.
        String b1 = String.valueOf(b.promoter());
        String body = Json.createObjectBuilder()
                .add(
                        "criteria",
                        Json.createObjectBuilder()
                                .add("promoter", Json.createArrayBuilder().add(b1)))
                .add("promoter", Json.createArrayBuilder().add(b1))
                .add(
                        "scopes",
                        Json.createObjectBuilder()
                                .add("promoter", Json.createArrayBuilder().add(b1)))
                .build()
                .toString();
        HttpResponse<byte[]> tampered = asA.postForFile(
                "/api/v1/on-demand/" + everyHolder + "/run?wait=60&promoter=" + b1 + "&criteria="
                        + encoded("{\"promoter\": [\"" + b1 + "\"]}"),
                body);
        assertThat(tampered.statusCode()).isEqualTo(200);
        assertRowsEqual(csv(tampered.body()), ownRows, "promoter " + a.promoter() + " asking for " + b1);

        // Another item: one made for B alone.
        long forB = itemOf(created(Schedules.onDemand(
                Schedules.uniqueName("For B"),
                paymentsItem("For B " + suffix)
                        .add("recipients", Json.createArrayBuilder().add(b.email()))
                        .build())));
        assertThat(offered(asA, forB)).isNull();
        HttpResponse<String> notTheirs = asA.post("/api/v1/on-demand/" + forB + "/run?wait=0", "{}");
        assertThat(notTheirs.statusCode()).as(notTheirs.body()).isEqualTo(404);
        HttpResponse<byte[]> bsOwn = asB.postForFile("/api/v1/on-demand/" + forB + "/run?wait=60", "{}");
        assertThat(bsOwn.statusCode()).as("B runs the item made for B").isEqualTo(200);
        assertRowsEqual(csv(bsOwn.body()), othersRows, "promoter " + b.promoter());
        long bRun = Long.parseLong(bsOwn.headers().firstValue("X-Herald-Run").orElseThrow());

        // A bound item addressed to a partner who holds a value of another kind only.
        Partner companyHolder = partner("company-holder", null);
        long company = single("SELECT MIN(id) FROM reporting.servicedesk_company");
        HttpResponse<String> limited = admin.put(
                "/api/v1/users/" + companyHolder.id() + "/scopes",
                Json.createObjectBuilder()
                        .add("company", Json.createArrayBuilder().add(String.valueOf(company)))
                        .build());
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
        long forCompanyHolder = itemOf(created(Schedules.onDemand(
                Schedules.uniqueName("For a company"),
                paymentsItem("For a company " + suffix)
                        .add("recipients", Json.createArrayBuilder().add(companyHolder.email()))
                        .build())));
        Api asCompanyHolder = api(companyHolder);
        assertThat(offered(asCompanyHolder, forCompanyHolder))
                .as("a promoter-bound item is not offered to a holder of company values")
                .isNull();
        assertThat(asCompanyHolder
                        .post("/api/v1/on-demand/" + forCompanyHolder + "/run?wait=0", "{}")
                        .statusCode())
                .isEqualTo(404);

        // B's run and its file, by id, through the API and the portal.
        assertThat(asA.get("/api/v1/on-demand/runs/" + bRun).statusCode()).isEqualTo(404);
        assertThat(asA.get("/api/v1/on-demand/runs/" + bRun + "/file").statusCode())
                .isEqualTo(404);
        assertThat(asA.post("/api/v1/on-demand/runs/" + bRun + "/cancel", "{}").statusCode())
                .isEqualTo(404);
        assertThat(Api.parseArray(asA.get("/api/v1/on-demand/runs").body()).getValuesAs(JsonObject.class))
                .noneMatch(run -> run.getJsonNumber("runId").longValue() == bRun);
        PortalSession portalOfA = portal(a);
        assertThat(portalOfA.get("/partner/download/run/" + bRun).statusCode()).isEqualTo(404);
        assertThat(asA.get("/api/v1/runs/" + bRun).statusCode())
                .as("staff's view of runs")
                .isEqualTo(403);
        HttpResponse<byte[]> ownThroughPortal = portal(b).getBytes("/partner/download/run/" + bRun);
        assertThat(ownThroughPortal.statusCode())
                .as("B's own file in the portal")
                .isEqualTo(200);
        assertRowsEqual(csv(ownThroughPortal.body()), othersRows, "promoter " + b.promoter() + " in the portal");

        assertThat(refusals(a, "scheduledReport")).contains(String.valueOf(forB));
        assertThat(refusals(a, "run"))
                .as("B's run asked for through the API (run, file) and the portal")
                .filteredOn(String.valueOf(bRun)::equals)
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(refusals(companyHolder, "scheduledReport")).contains(String.valueOf(forCompanyHolder));
    }

    @Test
    void aSharedItemOfABoundReportCannotNameAPromoterAndFailsWhenARecipientBecomesOneLater() throws Exception {
        Partner promoter = promoters.get(2);
        String subject = "Everybody's sales " + suffix;
        HttpResponse<String> refused = admin.post(
                "/api/v1/schedules",
                Schedules.onDemand(Schedules.uniqueName("Shared sales"), sharedSalesItem(subject, promoter.email())));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(problem(refused).getJsonArray("errors").getValuesAs(JsonObject.class))
                .anySatisfy(error -> {
                    assertThat(error.getString("field")).isEqualTo("items[0].recipients");
                    assertThat(error.getString("message")).contains(promoter.email(), "per recipient");
                });

        Partner later = partner("promoter-later", null);
        JsonObject schedule = created(
                Schedules.onDemand(Schedules.uniqueName("Shared sales"), sharedSalesItem(subject, later.email())));
        HttpResponse<String> limited = admin.put(
                "/api/v1/users/" + later.id() + "/scopes",
                Json.createObjectBuilder()
                        .add("promoter", Json.createArrayBuilder().add(String.valueOf(promoter.promoter())))
                        .build());
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);

        JsonObject run = runAndWait(schedule.getJsonNumber("id").longValue());
        assertThat(run.getString("status")).as(run.toString()).isEqualTo("FAILED");
        assertThat(run.getJsonArray("items").getValuesAs(JsonObject.class))
                .singleElement()
                .satisfies(item -> {
                    assertThat(item.getString("status")).isEqualTo("FAILED");
                    assertThat(item.getString("error")).contains(later.email(), "Nobody was sent it");
                    assertThat(item.getJsonArray("deliveries")).isEmpty();
                    assertThat(absent(item, "file")).isTrue();
                });
        assertThat(Mails.to(later.email())).isEmpty();
        assertThat(mailsWithSubject(subject)).isEmpty();
    }

    @Test
    void scopeValuesAreCheckedAgainstTheKindsLookupAndChangesAreAudited() {
        HttpResponse<String> unknownValue = admin.put(
                "/api/v1/users/" + unscoped.id() + "/scopes",
                Json.createObjectBuilder()
                        .add("promoter", Json.createArrayBuilder().add("987654321"))
                        .build());
        assertThat(unknownValue.statusCode()).as(unknownValue.body()).isEqualTo(400);
        assertThat(problem(unknownValue).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("scopes.promoter");
        HttpResponse<String> unknownKind = admin.put(
                "/api/v1/users/" + unscoped.id() + "/scopes",
                Json.createObjectBuilder()
                        .add("planet", Json.createArrayBuilder().add("3"))
                        .build());
        assertThat(unknownKind.statusCode()).as(unknownKind.body()).isEqualTo(400);
        assertThat(problem(unknownKind).getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("scopes.planet");
        assertThat(admin.json(admin.get("/api/v1/users/" + unscoped.id())).getJsonObject("scopes"))
                .as("nothing half-saved")
                .isEmpty();

        Partner promoter = promoters.get(3);
        List<JsonObject> audited = admin.json(
                        admin.get("/api/v1/audit?action=user.scopes&targetType=user&targetId=" + promoter.id()))
                .getJsonArray("items")
                .getValuesAs(JsonObject.class);
        assertThat(audited).singleElement().satisfies(line -> {
            assertThat(line.getString("actor")).isEqualTo("admin");
            assertThat(line.getJsonObject("after").getString("scopes"))
                    .isEqualTo("{promoter=[" + promoter.promoter() + "]}");
        });
        assertThat(admin.json(admin.get("/api/v1/users/" + promoter.id() + "/scopes"))
                        .toString())
                .isEqualTo("{\"promoter\":[\"" + promoter.promoter() + "\"]}");
    }

    // --- helpers

    /** A CSV attachment item of Sales by Event for the period, made per recipient, skipped when empty. */
    private static JsonObject salesItem(String displayName, String subject, List<String> to) {
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        to.forEach(recipients::add);
        return Json.createObjectBuilder()
                .add("reportKey", "sales-by-event")
                .add("criteria", Json.createObjectBuilder().add("period", period()))
                .add("displayName", displayName)
                .add("recipients", recipients)
                .add("subject", subject)
                .add("deliverAs", "ATTACHMENT")
                .add("format", "CSV")
                .add("csvDelimiter", "COMMA")
                .add("skipWhenEmpty", true)
                .add("perRecipient", true)
                .build();
    }

    /** A CSV attachment item of Promoter Payments & Activities for the period, made per recipient. */
    private static JsonObjectBuilder paymentsItem(String displayName) {
        return Json.createObjectBuilder()
                .add("reportKey", "promoter-payments")
                .add("criteria", Json.createObjectBuilder().add("paymentDate", period()))
                .add("displayName", displayName)
                .add("deliverAs", "ATTACHMENT")
                .add("format", "CSV")
                .add("csvDelimiter", "COMMA")
                .add("perRecipient", true);
    }

    /** An item of Sales by Event made once for everyone, to one address. */
    private static JsonObject sharedSalesItem(String subject, String to) {
        return Json.createObjectBuilder()
                .add("reportKey", "sales-by-event")
                .add("criteria", Json.createObjectBuilder().add("period", period()))
                .add("displayName", "Everybody's sales " + suffix)
                .add("recipients", Json.createArrayBuilder().add(to))
                .add("subject", subject)
                .add("deliverAs", "ATTACHMENT")
                .add("format", "CSV")
                .add("csvDelimiter", "COMMA")
                .build();
    }

    private static long itemOf(JsonObject schedule) {
        return schedule.getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
    }

    /** The item as the partner's on-demand list offers it, or null when it is not offered. */
    private static JsonObject offered(Api api, long itemId) {
        HttpResponse<String> list = api.get("/api/v1/on-demand");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        return Api.parseArray(list.body()).getValuesAs(JsonObject.class).stream()
                .filter(item -> item.getJsonNumber("itemId").longValue() == itemId)
                .findFirst()
                .orElse(null);
    }

    private static final Map<String, Api> tokens = new HashMap<>();

    /** The partner calling the API with a token of their own (made once). */
    private static Api api(Partner partner) {
        return tokens.computeIfAbsent(
                partner.username(), name -> Api.as(name, partner.password()).withToken());
    }

    /** The ids of the things of this type that the partner was refused on demand, from the audit log. */
    private static List<String> refusals(Partner partner, String targetType) {
        HttpResponse<String> answer =
                admin.get("/api/v1/audit?size=200&action=on-demand.refused&actor=" + encoded(partner.username()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return admin.json(answer).getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(line -> targetType.equals(line.getString("targetType")))
                .map(line -> line.getString("targetId"))
                .toList();
    }

    private static String promoterName(long promoter) throws SQLException {
        List<String> names = new ArrayList<>();
        query(
                "SELECT name FROM reporting.ticketing_promoter WHERE id = " + promoter,
                row -> names.add(row.getString(1)));
        return names.get(0);
    }

    private static long single(String sql) throws SQLException {
        long[] value = new long[1];
        query(sql, row -> value[0] = row.getLong(1));
        return value[0];
    }

    /**
     * The promoter's payments in the period, straight from PostgreSQL: those of orders holding tickets of
     * the promoter's events (each demo order holds tickets of one performance), as the report's columns.
     */
    private static List<List<String>> paymentsOf(long promoter) throws SQLException {
        return rows(
                """
                SELECT p.paid_at, p.id, o.id, c.first_name || ' ' || c.last_name, c.email, o.channel, p.method,
                       p.kind, p.amount
                FROM reporting.ticketing_payment p
                JOIN reporting.ticketing_order o ON o.id = p.order_id
                JOIN reporting.ticketing_customer c ON c.id = o.customer_id
                WHERE p.paid_at >= ? AND p.paid_at < ?
                  AND EXISTS (SELECT 1 FROM reporting.ticketing_ticket t
                              JOIN reporting.ticketing_performance pf ON pf.id = t.performance_id
                              JOIN reporting.ticketing_event e ON e.id = pf.event_id
                              WHERE t.order_id = o.id AND e.promoter_id = ?)
                ORDER BY p.paid_at, p.id""",
                first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(),
                promoter);
    }

    private static JsonObjectBuilder period() {
        return Json.createObjectBuilder().add("from", first.toString()).add("to", last.toString());
    }

    /** A partner made through the API (Collect Reports), limited to the promoter unless it is null. */
    private static Partner partner(String prefix, Long promoter) {
        String username = prefix + "-" + suffix;
        String password = "Promoter test " + UUID.randomUUID();
        HttpResponse<String> answer = admin.post(
                "/api/v1/users/partners",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", "Test " + username)
                        .add("email", username + "@example.org")
                        .add("password", password)
                        .add("mustChangePassword", false)
                        .build());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Partner partner =
                new Partner(promoter, admin.json(answer).getJsonNumber("id").longValue(), username, password);
        made.add(partner);
        if (promoter != null) {
            JsonObject scopes = Json.createObjectBuilder()
                    .add("promoter", Json.createArrayBuilder().add(String.valueOf(promoter)))
                    .build();
            // The kind's values are read from the reporting data and kept for a minute: the promoter the test
            // has just added is known once what was kept before it was added has been forgotten.
            AtomicReference<HttpResponse<String>> limited = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(75))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> {
                        limited.set(admin.put("/api/v1/users/" + partner.id() + "/scopes", scopes));
                        return limited.get().statusCode() != 400;
                    });
            assertThat(limited.get().statusCode()).as(limited.get().body()).isEqualTo(200);
            assertThat(admin.json(limited.get()).getJsonObject("scopes").toString())
                    .isEqualTo("{\"promoter\":[\"" + promoter + "\"]}");
        }
        return partner;
    }

    private static JsonObject created(JsonObject schedule) {
        HttpResponse<String> answer = admin.post("/api/v1/schedules", schedule);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return admin.json(answer);
    }

    /** Runs the schedule now and answers the run once it has ended. */
    private static JsonObject runAndWait(long scheduleId) {
        HttpResponse<String> started = admin.post("/api/v1/schedules/" + scheduleId + "/run", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long runId = admin.json(started).getJsonNumber("id").longValue();
        JsonObject[] run = new JsonObject[1];
        await().atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    run[0] = admin.json(admin.get("/api/v1/runs/" + runId));
                    return !GOING.contains(run[0].getString("status"));
                });
        return run[0];
    }

    private static List<MimeMessage> mailsWithSubject(String subject) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : HeraldServer.get().mail().getReceivedMessages()) {
            if (subjectOf(mail).contains(subject)) {
                found.add(mail);
            }
        }
        return found;
    }

    private static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a CSV file as Herald writes it (UTF-8, maybe a byte order mark, a header row). */
    private static List<List<String>> csv(byte[] file) throws IOException {
        String text = new String(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertThat(records).as("the header row").isNotEmpty();
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            rows.add(record.toList());
        }
        return rows;
    }

    /**
     * The file's rows equal the expected ones, in order and cell by cell; text that a spreadsheet would
     * take for a formula is written with a leading apostrophe (CsvRenderer's guard).
     */
    private static void assertRowsEqual(List<List<String>> actual, List<List<String>> expected, String whose) {
        List<List<String>> unguarded = new ArrayList<>();
        for (int r = 0; r < actual.size(); r++) {
            List<String> row = new ArrayList<>(actual.get(r));
            if (r < expected.size()) {
                for (int c = 0; c < row.size() && c < expected.get(r).size(); c++) {
                    String want = expected.get(r).get(c);
                    if (row.get(c).equals("'" + want) && looksLikeFormula(want)) {
                        row.set(c, want);
                    }
                }
            }
            unguarded.add(row);
        }
        assertThat(unguarded).as("the rows of %s's file", whose).containsExactlyElementsOf(expected);
    }

    private static boolean looksLikeFormula(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && "=+-@＝＋－＠".indexOf(stripped.charAt(0)) >= 0;
    }

    /**
     * The promoter's Sales by Event rows for the period, straight from PostgreSQL: each performance of
     * the promoter's events with tickets sold in orders placed in the period, as the report's columns.
     */
    private static List<List<String>> salesOf(long promoter) throws SQLException {
        return rows(
                """
                SELECT e.name, e.genre, e.venue, pf.starts_at, pf.capacity, COUNT(t.id), SUM(t.price),
                       ROUND(100.0 * COUNT(t.id) / pf.capacity, 1)
                FROM reporting.ticketing_performance pf
                JOIN reporting.ticketing_event e ON e.id = pf.event_id
                JOIN reporting.ticketing_ticket t ON t.performance_id = pf.id AND t.status = 'SOLD'
                JOIN reporting.ticketing_order o ON o.id = t.order_id
                WHERE e.promoter_id = ? AND o.created_at >= ? AND o.created_at < ?
                GROUP BY pf.id, e.name, e.genre, e.venue, pf.starts_at, pf.capacity
                ORDER BY e.name, pf.starts_at, pf.id""",
                promoter,
                first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /** What a query answers, each value written as Herald's CSV writes it (times in the organisation's zone). */
    private static List<List<String>> rows(String sql, Object... arguments) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet row = statement.executeQuery()) {
                ResultSetMetaData metadata = row.getMetaData();
                while (row.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 1; c <= metadata.getColumnCount(); c++) {
                        cells.add(cell(row, c, metadata.getColumnTypeName(c)));
                    }
                    rows.add(cells);
                }
            }
        }
        return rows;
    }

    private static String cell(ResultSet row, int column, String type) throws SQLException {
        if (type.startsWith("timestamptz")) {
            OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
            return at == null
                    ? ""
                    : CSV_DATE_TIME.format(at.atZoneSameInstant(zone).toLocalDateTime());
        }
        Object value = row.getObject(column);
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private static void query(String sql, RowReader reader) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                reader.read(row);
            }
        }
    }

    private static void execute(String sql, Object... arguments) throws SQLException {
        try (Connection connection = HeraldServer.get().database().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Whether the answer leaves the field out or holds null there (the API leaves nulls out). */
    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static JsonObject problem(HttpResponse<String> answer) {
        return Http.json(answer);
    }

    private static PortalSession portal(Partner partner) {
        return PortalSession.signIn(partner.username(), partner.password());
    }
}
