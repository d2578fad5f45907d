package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.client.ApiClient;
import dev.herald.client.ApiException;
import dev.herald.client.ApiResponse;
import dev.herald.client.api.AuditApi;
import dev.herald.client.api.ReportsApi;
import dev.herald.client.api.RunsApi;
import dev.herald.client.api.SchedulesApi;
import dev.herald.client.model.AuditEventView;
import dev.herald.client.model.CriteriaSetInput;
import dev.herald.client.model.CriteriaSetView;
import dev.herald.client.model.DailyFrequencyInput;
import dev.herald.client.model.DailyFrequencyType;
import dev.herald.client.model.DeliverAs;
import dev.herald.client.model.FileFormat;
import dev.herald.client.model.MisfirePolicy;
import dev.herald.client.model.OccursInput;
import dev.herald.client.model.OccursType;
import dev.herald.client.model.RecurrenceInput;
import dev.herald.client.model.RunItemView;
import dev.herald.client.model.RunStatus;
import dev.herald.client.model.RunView;
import dev.herald.client.model.ScheduleInput;
import dev.herald.client.model.ScheduleView;
import dev.herald.client.model.ScheduledReportInput;
import dev.herald.client.model.SchedulesOccurrences;
import dev.herald.testing.HeraldServer;
import dev.herald.testing.Http;
import dev.herald.testing.Schedules;
import dev.herald.testing.SystemTest;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The API's OpenAPI document is a contract other systems can generate clients from: it is the one in
 * {@code src/test/openapi/herald-api.json} (from which the build generates a Java client), every
 * operation and every field in it has a schema, and the generated client drives a whole flow against
 * the deployed EAR without one line of hand-written HTTP.
 *
 * <p>When the API changes on purpose, run this class with {@code -Dherald.openapi.write=true} to write
 * the served document over the contract, and review the difference.
 */
@SystemTest
class ApiContractSystemIT {

    private static final Path CONTRACT =
            Path.of(System.getProperty("herald.root", "..")).resolve("system-tests/src/test/openapi/herald-api.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Test
    void theServedDocumentIsTheContractTheClientIsGeneratedFrom() throws Exception {
        JsonNode served = served();
        if (Boolean.getBoolean("herald.openapi.write")) {
            Files.writeString(CONTRACT, JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n");
        }
        JsonNode contract = JSON.readTree(CONTRACT.toFile());

        List<String> differences = new ArrayList<>();
        differences(contract, served, "", differences);
        assertThat(differences)
                .as(
                        "the served document differs from %s; if the change is meant, run ApiContractSystemIT with"
                                + " -Dherald.openapi.write=true and review the difference",
                        CONTRACT)
                .isEmpty();
    }

    @Test
    void everyOperationAndEveryFieldHasASchema() throws Exception {
        JsonNode document = served();
        assertThat(document.has("x-herald-undescribed"))
                .as("what the server could not describe: %s", document.get("x-herald-undescribed"))
                .isFalse();
        JsonNode components = document.path("components").path("schemas");
        Set<String> tags = new HashSet<>();
        document.path("tags").forEach(tag -> tags.add(tag.path("name").asText()));
        Set<String> operationIds = new HashSet<>();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        int idempotent = 0;

        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> verbs = path.getValue().fields(); verbs.hasNext(); ) {
                Map.Entry<String, JsonNode> verb = verbs.next();
                JsonNode operation = verb.getValue();
                String name = verb.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                if (!operationIds.add(operation.path("operationId").asText(""))) {
                    missing.add(name + ": operationId missing or not unique");
                }
                if (operation.path("tags").size() != 1
                        || !tags.contains(operation.path("tags").get(0).asText())) {
                    missing.add(name + ": not under exactly one declared tag");
                }
                if (operation.path("summary").asText("").isBlank()) {
                    missing.add(name + ": no summary");
                }
                if (!operation.has("security")) {
                    missing.add(name + ": no security requirement of its own");
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    if (!parameter.path("schema").has("type")) {
                        missing.add(
                                name + ": parameter " + parameter.path("name").asText() + " has no typed schema");
                    }
                    if (parameter.path("name").asText().equals("Idempotency-Key")) {
                        idempotent++;
                    }
                }
                if (operation.has("requestBody")) {
                    operation.path("requestBody").path("content").forEach(media -> {
                        if (!media.has("schema")) {
                            missing.add(name + ": a request body without a schema");
                        }
                    });
                }
                boolean succeeds = false;
                for (Iterator<Map.Entry<String, JsonNode>> answers =
                                operation.path("responses").fields();
                        answers.hasNext(); ) {
                    Map.Entry<String, JsonNode> answer = answers.next();
                    String code = answer.getKey();
                    succeeds |= code.startsWith("2");
                    JsonNode content = answer.getValue().path("content");
                    if (code.startsWith("2") && !code.equals("204") && content.isEmpty()) {
                        missing.add(name + ": answer " + code + " says nothing of its body");
                    }
                    content.forEach(media -> {
                        if (!media.has("schema")) {
                            missing.add(name + ": answer " + code + " without a schema");
                        }
                    });
                    if (code.startsWith("4") || code.startsWith("5")) {
                        String ref = content.path("application/problem+json")
                                .path("schema")
                                .path("$ref")
                                .asText();
                        // Health answers its own body when down (503), as health checks do.
                        boolean healthDown = name.equals("GET /api/v1/health") && code.equals("503");
                        if (!ref.endsWith("/Problem") && !ref.endsWith("/VersionProblem") && !healthDown) {
                            missing.add(name + ": answer " + code + " is not a problem");
                        }
                    }
                }
                if (!succeeds) {
                    missing.add(name + ": no successful answer");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = components.fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            JsonNode value = schema.getValue();
            if (value.has("enum")) {
                if (value.path("enum").isEmpty()) {
                    missing.add("schema " + schema.getKey() + ": an enum without values");
                }
                continue;
            }
            if (!"object".equals(value.path("type").asText())
                    || value.path("properties").isEmpty()) {
                missing.add("schema " + schema.getKey() + ": not an object with properties");
            }
            value.path("properties").fields().forEachRemaining(property -> {
                JsonNode field = property.getValue();
                boolean described = field.has("type") || field.has("$ref") || field.has("allOf");
                // A field that takes any JSON value says so in words.
                boolean free =
                        !described && !field.path("description").asText("").isBlank();
                if (!described && !free) {
                    missing.add("schema " + schema.getKey() + ": field " + property.getKey() + " has no schema");
                }
            });
        }
        refs(document, components, missing);

        assertThat(missing).isEmpty();
        assertThat(operations).as("operations in the document").isGreaterThanOrEqualTo(96);
        assertThat(idempotent).as("operations that take an Idempotency-Key").isEqualTo(5);
    }

    @Test
    void theDocumentSaysWhatAClientNeedsToKnow() throws Exception {
        JsonNode document = served();
        JsonNode schemas = document.path("components").path("schemas");

        assertThat(schemas.path("ScheduleView")
                        .path("properties")
                        .path("nextRunAt")
                        .path("format")
                        .asText())
                .isEqualTo("date-time");
        assertThat(schemas.path("UserInput")
                        .path("properties")
                        .path("email")
                        .path("format")
                        .asText())
                .isEqualTo("email");
        assertThat(schemas.path("RunView")
                        .path("properties")
                        .path("status")
                        .path("$ref")
                        .asText())
                .endsWith("/RunStatus");
        assertThat(schemas.path("RunStatus").path("enum"))
                .extracting(JsonNode::asText)
                .contains("QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED");
        assertThat(schemas.path("ScheduleInput").path("required"))
                .extracting(JsonNode::asText)
                .contains("name");
        assertThat(schemas.path("Problem").path("properties").fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "errors");

        JsonNode update = document.path("paths").path("/api/v1/schedules/{id}").path("put");
        assertThat(update.path("responses").has("412")).isTrue();
        assertThat(update.path("responses").has("428")).isTrue();
        assertThat(update.path("responses").path("200").path("headers").has("ETag"))
                .isTrue();
        JsonNode ifMatch = null;
        for (JsonNode parameter : update.path("parameters")) {
            if (parameter.path("name").asText().equals("If-Match")) {
                ifMatch = parameter;
            }
        }
        assertThat(ifMatch).isNotNull();
        assertThat(ifMatch.path("required").asBoolean()).isTrue();

        JsonNode health = document.path("paths").path("/api/v1/health").path("get");
        assertThat(health.path("security"))
                .as("health takes no credentials, or Basic or Bearer")
                .containsExactlyInAnyOrder(
                        JSON.readTree("{}"), JSON.readTree("{\"basic\": []}"), JSON.readTree("{\"bearer\": []}"));
        assertThat(health.path("responses").has("503")).isTrue();
        JsonNode search = document.path("paths").path("/api/v1/schedules").path("get");
        assertThat(search.path("security")).hasSize(2);
        for (JsonNode parameter : search.path("parameters")) {
            if (parameter.path("name").asText().equals("size")) {
                assertThat(parameter.path("schema").path("maximum").asInt()).isEqualTo(200);
            }
        }
    }

    /** The whole flow of an integrator, through the client generated from the contract. */
    @Test
    void aClientGeneratedFromTheContractDrivesAWholeFlow() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(HeraldServer.get().baseUrl());
        String credentials = Http.basic("admin", HeraldServer.ADMIN_PASSWORD);
        client.setRequestInterceptor(request -> request.header("Authorization", credentials));
        ReportsApi reports = new ReportsApi(client);
        SchedulesApi schedules = new SchedulesApi(client);
        RunsApi runs = new RunsApi(client);
        AuditApi audit = new AuditApi(client);

        CriteriaSetView criteria = reports.reportsCreateCriteriaSet(
                "payments-activities-detailed",
                new CriteriaSetInput()
                        .name(Schedules.uniqueName("Generated client"))
                        .criteria(Map.of("paymentDate", "YESTERDAY")));
        assertThat(criteria.getId()).isPositive();

        ScheduleInput input = new ScheduleInput()
                .name(Schedules.uniqueName("Generated client"))
                .runAsSchedule(true)
                .recurrence(new RecurrenceInput()
                        .timeZone("Europe/London")
                        .runFrom(LocalDate.now(ZoneId.of("Europe/London")))
                        .occurs(new OccursInput().type(OccursType.DAILY).every(1))
                        .dailyFrequency(new DailyFrequencyInput()
                                .type(DailyFrequencyType.ONCE)
                                .at("06:45"))
                        .misfirePolicy(MisfirePolicy.RUN_ONCE))
                .addItemsItem(new ScheduledReportInput()
                        .reportKey("payments-activities-detailed")
                        .criteriaSetId(criteria.getId())
                        .displayName("Yesterday's payments")
                        .addRecipientsItem("generated-client@example.org")
                        .deliverAs(DeliverAs.ATTACHMENT)
                        .format(FileFormat.CSV));
        String createKey = UUID.randomUUID().toString();
        ScheduleView schedule = schedules.schedulesCreate(input, createKey);
        assertThat(schedule.getId()).isPositive();
        assertThat(schedule.getItems()).hasSize(1);
        assertThat(schedules.schedulesCreate(input, createKey).getId())
                .as("the same Idempotency-Key makes nothing new")
                .isEqualTo(schedule.getId());

        SchedulesOccurrences next = schedules.schedulesNextRuns(schedule.getId(), 3);
        assertThat(next.getOccurrences()).hasSize(3);
        for (OffsetDateTime at : next.getOccurrences()) {
            assertThat(at.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalTime())
                    .isEqualTo(LocalTime.of(6, 45));
        }

        // A change made against the version read is taken; one made against an older version is 412.
        ApiResponse<ScheduleView> read = schedules.schedulesGetWithHttpInfo(schedule.getId());
        String etag = read.getHeaders().get("etag").get(0);
        ScheduleView renamed = schedules.schedulesUpdate(
                schedule.getId(), etag, input.description("Renamed through the generated client"));
        assertThat(renamed.getVersion()).isGreaterThan(schedule.getVersion());
        assertThatThrownBy(() -> schedules.schedulesUpdate(schedule.getId(), etag, input))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(412));

        String runKey = UUID.randomUUID().toString();
        RunView started = schedules.schedulesRunNow(schedule.getId(), runKey);
        assertThat(schedules.schedulesRunNow(schedule.getId(), runKey).getId())
                .as("a retried run now starts no second run")
                .isEqualTo(started.getId());
        RunView run = await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> runs.runsGet(started.getId()), view -> view.getFinishedAt() != null);
        assertThat(run.getStatus()).as(String.valueOf(run.getDetail())).isEqualTo(RunStatus.SUCCEEDED);
        RunItemView item = run.getItems().get(0);
        assertThat(item.getFile()).isNotNull();

        File file = runs.runsFile(run.getId(), item.getId());
        byte[] bytes = Files.readAllBytes(file.toPath());
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(item.getFile().getSha256());
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).contains(",");

        List<String> actions = new ArrayList<>();
        for (AuditEventView event : audit.auditSearch(
                        null, "run.now", "run", String.valueOf(run.getId()), null, null, 0, 20)
                .getItems()) {
            actions.add(event.getAction());
        }
        assertThat(actions).containsExactly("run.now");
        List<String> scheduleActions = new ArrayList<>();
        for (AuditEventView event : audit.auditSearch(
                        null, "schedule", "schedule", String.valueOf(schedule.getId()), null, null, 0, 20)
                .getItems()) {
            scheduleActions.add(event.getAction());
        }
        assertThat(scheduleActions).containsExactly("schedule.update", "schedule.create");
    }

    /** The document as served, without what depends on where it is served from. */
    private static JsonNode served() throws Exception {
        HttpResponse<String> response = Http.send(Http.request("/openapi").header("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(200);
        ObjectNode document = (ObjectNode) JSON.readTree(response.body());
        document.remove("servers");
        document.remove("endpoints");
        return document;
    }

    private static void differences(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (found.size() >= 20 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new HashSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> {
                if (!expected.has(name)) {
                    found.add(at + "/" + name + ": only served");
                } else if (!actual.has(name)) {
                    found.add(at + "/" + name + ": only in the contract");
                } else {
                    differences(expected.get(name), actual.get(name), at + "/" + name, found);
                }
            });
            return;
        }
        found.add(at + ": " + abbreviate(expected) + " in the contract, " + abbreviate(actual) + " served");
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** Every reference names a schema the document has. */
    private static void refs(JsonNode node, JsonNode components, List<String> missing) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null) {
                String name = ref.asText().replaceFirst("^#/components/schemas/", "");
                if (!components.has(name)) {
                    missing.add("a reference to no schema: " + ref.asText());
                }
            }
            node.elements().forEachRemaining(child -> refs(child, components, missing));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> refs(child, components, missing));
        }
    }
}
