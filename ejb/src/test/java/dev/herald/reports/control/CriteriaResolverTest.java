package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.Criterion;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CriteriaResolverTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

    private static final ReportSpec REPORT = new ReportSpec(
            "sample",
            "Sample",
            null,
            "Test",
            true,
            "SELECT 1",
            List.of(
                    new ParameterSpec(
                            "paid",
                            "Payment date",
                            ParameterType.DATE_RANGE,
                            true,
                            Json.createValue("LAST_WEEK"),
                            null,
                            null),
                    new ParameterSpec("on", "Day", ParameterType.DATE, false, null, null, null),
                    new ParameterSpec("min", "Minimum", ParameterType.NUMBER, false, null, null, null),
                    new ParameterSpec(
                            "status", "Status", ParameterType.CHOICE, false, null, List.of("LIVE", "ARCHIVED"), null),
                    new ParameterSpec(
                            "methods",
                            "Methods",
                            ParameterType.MULTI_CHOICE,
                            false,
                            null,
                            List.of("CARD", "CASH"),
                            null),
                    new ParameterSpec("optedIn", "Opted in only", ParameterType.BOOLEAN, false, null, null, null)),
            List.of(new ColumnSpec("one", "One", ColumnType.INTEGER)));

    private final CriteriaResolver resolver = new CriteriaResolver(REPORT, ParameterSpec::options, "criteria");

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void defaultsFillWhatIsMissingAndRelativeDatesResolveInTheZone() {
        ResolvedCriteria resolved = resolver.resolve(json("{}"), WEDNESDAY, LONDON);

        assertThat(resolved.effective()).isEqualTo(json("{\"paid\":\"LAST_WEEK\"}"));
        assertThat(resolved.bindings().get("paid_first").value()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(resolved.bindings().get("paid_last").value()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(resolved.bindings().get("paid_from").value()).isEqualTo(OffsetDateTime.parse("2026-11-16T00:00Z"));
        assertThat(resolved.bindings().get("paid_to").value()).isEqualTo(OffsetDateTime.parse("2026-11-23T00:00Z"));
        assertThat(resolved.bindings().get("status_set").value()).isEqualTo(false);
        assertThat(resolved.bindings().get("methods").value()).isEqualTo(List.of());
        assertThat(resolved.criteria().get(0))
                .isEqualTo(new Criterion(
                        "paid",
                        "Payment date",
                        "Last week: 16 Nov 2026 – 22 Nov 2026",
                        LocalDate.of(2026, 11, 16),
                        LocalDate.of(2026, 11, 22)));
        assertThat(resolved.criteria().get(1).value()).isEqualTo("Any");
    }

    @Test
    void fixedDatesNumbersChoicesAndBooleansBind() {
        ResolvedCriteria resolved = resolver.resolve(
                json("{\"paid\":{\"from\":\"2026-07-01\",\"to\":\"2026-07-31\"},\"on\":\"YESTERDAY\",\"min\":2.5,"
                        + "\"status\":\"LIVE\",\"methods\":[\"CARD\",\"CASH\"],\"optedIn\":true}"),
                WEDNESDAY,
                LONDON);

        assertThat(resolved.bindings().get("paid_from").value())
                .isEqualTo(OffsetDateTime.parse("2026-07-01T00:00+01:00"));
        assertThat(resolved.bindings().get("paid_to").value())
                .isEqualTo(OffsetDateTime.parse("2026-08-01T00:00+01:00"));
        assertThat(resolved.bindings().get("on").value()).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(resolved.bindings().get("min").value()).isEqualTo(new BigDecimal("2.5"));
        assertThat(resolved.bindings().get("status").value()).isEqualTo("LIVE");
        assertThat(resolved.bindings().get("methods").value()).isEqualTo(List.of("CARD", "CASH"));
        assertThat(resolved.bindings().get("optedIn").value()).isEqualTo(true);
        assertThat(resolved.criteria())
                .extracting(Criterion::value)
                .containsExactly(
                        "1 Jul 2026 – 31 Jul 2026", "Yesterday: 24 Nov 2026", "2.5", "LIVE", "CARD, CASH", "Yes");
    }

    @Test
    void everyBadValueIsReportedOnItsField() {
        assertThatThrownBy(() -> resolver.resolve(
                        json("{\"paid\":\"LAST_FORTNIGHT\",\"on\":\"LAST_WEEK\",\"min\":\"ten\",\"status\":\"GONE\","
                                + "\"methods\":[\"CHEQUE\"],\"optedIn\":\"yes\",\"colour\":\"red\"}"),
                        WEDNESDAY,
                        LONDON))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactlyInAnyOrder(
                                "criteria.colour",
                                "criteria.paid",
                                "criteria.on",
                                "criteria.min",
                                "criteria.status",
                                "criteria.methods",
                                "criteria.optedIn"));
    }

    @Test
    void typedDatesLieBetween1900And2200AndEachEndOfARangeIsNamed() {
        assertThatThrownBy(() -> resolver.resolve(
                        json("{\"paid\":{\"from\":\"-999999999-01-01\",\"to\":\"+999999999-12-31\"},"
                                + "\"on\":\"2201-01-01\"}"),
                        WEDNESDAY,
                        LONDON))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors())
                            .extracting(ValidationException.FieldError::field)
                            .containsExactly("criteria.paid.from", "criteria.paid.to", "criteria.on");
                    assertThat(e.errors())
                            .allSatisfy(error -> assertThat(error.message()).contains("1900-01-01 to 2200-12-31"));
                });
    }

    @Test
    void theFirstAndLastAcceptedDaysBindAndResolveToInstants() {
        ResolvedCriteria resolved = resolver.resolve(
                json("{\"paid\":{\"from\":\"1900-01-01\",\"to\":\"2200-12-31\"},\"on\":\"2200-12-31\"}"),
                WEDNESDAY,
                LONDON);

        assertThat(resolved.bindings().get("paid_to").value()).isEqualTo(OffsetDateTime.parse("2201-01-01T00:00Z"));
        assertThat(resolved.bindings().get("on_last").value()).isEqualTo(LocalDate.of(2200, 12, 31));
    }

    @Test
    void aNumberWithAHugeExponentIsRefusedWithoutWritingItOut() {
        assertThatThrownBy(() -> assertTimeoutPreemptively(
                        Duration.ofSeconds(2),
                        () -> resolver.resolve(json("{\"min\": 1e999999999}"), WEDNESDAY, LONDON)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("criteria.min");
                            assertThat(error.message()).contains("18 digits");
                        }));
        assertThatThrownBy(() -> resolver.resolve(json("{\"min\": 1e-999999999}"), WEDNESDAY, LONDON))
                .isInstanceOf(ValidationException.class);
        assertThat(resolver.resolve(json("{\"min\": 123456789012345678.0123456789}"), WEDNESDAY, LONDON)
                        .bindings()
                        .get("min")
                        .value())
                .isEqualTo(new BigDecimal("123456789012345678.0123456789"));
    }

    @Test
    void aMultipleChoiceReadsItsOptionsOnceAndTakesAtMostAThousand() {
        AtomicInteger lookups = new AtomicInteger();
        CriteriaResolver counting = new CriteriaResolver(
                REPORT,
                parameter -> {
                    lookups.incrementAndGet();
                    return parameter.options();
                },
                "criteria");
        JsonArrayBuilder many = Json.createArrayBuilder();
        for (int i = 0; i < 1000; i++) {
            many.add(i % 2 == 0 ? "CARD" : "CASH");
        }
        JsonObject thousand = Json.createObjectBuilder().add("methods", many).build();

        counting.resolve(thousand, WEDNESDAY, LONDON);

        assertThat(lookups).as("option lookups for 1,000 choices").hasValue(1);
        JsonObject tooMany = Json.createObjectBuilder()
                .add(
                        "methods",
                        Json.createArrayBuilder(thousand.getJsonArray("methods"))
                                .add("CARD"))
                .build();
        assertThatThrownBy(() -> counting.resolve(tooMany, WEDNESDAY, LONDON))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.field()).isEqualTo("criteria.methods")));
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> resolver.resolve(
                        json("{\"paid\":{\"from\":\"2026-07-31\",\"to\":\"2026-07-01\"}}"), WEDNESDAY, LONDON))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("before"));
    }
}
