package dev.herald.schedules.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.schedules.boundary.DailyFrequencyInput;
import dev.herald.schedules.boundary.OccursInput;
import dev.herald.schedules.boundary.RecurrenceInput;
import dev.herald.schedules.boundary.ScheduleInput;
import dev.herald.schedules.boundary.ScheduledReportInput;
import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.Recurrence;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleValidatorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC);

    private final ReportDefinition payments =
            report(1L, "payments-activities-detailed", "Payments & Activities (detailed)");
    private final ReportDefinition sales = report(2L, "sales-by-event", "Sales by Event");
    private final CriteriaSet lastWeek = criteriaSet(10L, payments, "Last week", "{\"paymentDate\":\"LAST_WEEK\"}");
    private final CriteriaSet salesSet = criteriaSet(20L, sales, "Live", "{\"eventStatus\":\"LIVE\"}");

    private final ScheduleValidator validator = new ScheduleValidator(
            new ScheduleValidator.Catalog() {
                @Override
                public Optional<ReportDefinition> report(String key) {
                    return Map.of(payments.getKey(), payments, sales.getKey(), sales).entrySet().stream()
                            .filter(entry -> entry.getKey().equals(key))
                            .map(Map.Entry::getValue)
                            .findFirst();
                }

                @Override
                public Optional<CriteriaSet> criteriaSet(long id) {
                    return id == 10L ? Optional.of(lastWeek) : id == 20L ? Optional.of(salesSet) : Optional.empty();
                }
            },
            CLOCK);

    @Test
    void aCompleteScheduleBecomesStorableValues() {
        ScheduleValidator.Valid valid = validator.validate(schedule(weeklyAtTen(), item()));

        assertThat(valid.name()).isEqualTo("Daily Reports");
        assertThat(valid.enabled()).isTrue();
        Recurrence r = valid.recurrence();
        assertThat(r.getDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        assertThat(r.getAt()).isEqualTo(LocalTime.of(10, 0));
        ScheduleValidator.ValidItem item = valid.items().get(0);
        assertThat(item.recipients()).containsExactly("finance@example.org", "promoter@example.com");
        assertThat(item.criteria()).isEqualTo("{\"paymentDate\":\"LAST_WEEK\"}");
        assertThat(item.subject()).isEqualTo("Your report from {ClientName}");
        assertThat(item.format()).isEqualTo(FileFormat.PDF);
        assertThat(item.displayName()).isEqualTo("Payments & Activities (detailed)");
    }

    @Test
    void runFromDefaultsToTodayInTheSchedulesZone() {
        RecurrenceInput noStart = new RecurrenceInput(
                "Pacific/Auckland",
                null,
                null,
                new OccursInput("DAILY", 1, null, null, null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);

        Recurrence r = validator.recurrence(noStart, "x");

        // 23:30 UTC on 25 November is already the 26th in Auckland.
        assertThat(r.getRunFrom()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void everyMistakeIsNamedInOneAnswer() {
        RecurrenceInput bad = new RecurrenceInput(
                "Europe/Londres",
                "2026-03-10",
                "2026-03-01",
                new OccursInput("WEEKLY", 0, List.of(), null, null, null),
                new DailyFrequencyInput("EVERY", null, 3, "18:00", "09:00"),
                "SOMETIMES");
        ScheduledReportInput badItem = new ScheduledReportInput(
                null,
                "no-such-report",
                null,
                null,
                null,
                List.of("bob@, not an address"),
                "Hello {Client}",
                "FAX",
                "WORD",
                "TAB",
                null);

        assertThatThrownBy(() ->
                        validator.validate(new ScheduleInput(" ", null, null, false, true, bad, List.of(badItem))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .contains(
                                "name",
                                "recurrence.timeZone",
                                "recurrence.runUntil",
                                "recurrence.occurs.every",
                                "recurrence.occurs.days",
                                "recurrence.dailyFrequency.minutes",
                                "recurrence.dailyFrequency.until",
                                "recurrence.misfirePolicy",
                                "items[0].reportKey",
                                "items[0].recipients",
                                "items[0].subject",
                                "items[0].deliverAs",
                                "items[0].format",
                                "items[0].csvDelimiter"));
    }

    @Test
    void aScheduleMustRunSomehowAndHoldAReport() {
        assertThatThrownBy(() ->
                        validator.validate(new ScheduleInput("Nothing", null, null, false, false, null, List.of())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("runAsSchedule", "items"));
    }

    @Test
    void runOnDemandAloneNeedsNoTimetable() {
        ScheduleValidator.Valid valid =
                validator.validate(new ScheduleInput("On demand", null, null, true, false, null, List.of(item())));

        assertThat(valid.recurrence()).isNull();
        assertThat(valid.runOnDemand()).isTrue();
    }

    @Test
    void aTimetableThatNeverRunsIsRefused() {
        // monthly on the 5th, from the 10th until the 20th: no run falls in between
        RecurrenceInput never = new RecurrenceInput(
                "UTC",
                "2026-01-10",
                "2026-01-20",
                new OccursInput("MONTHLY_DAY", 1, null, Json.createValue(5), null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);

        assertThatThrownBy(() -> validator.recurrence(never, "x"))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("recurrence.runUntil");
                            assertThat(error.message()).contains("No run falls");
                        }));
    }

    @Test
    void runFromAndRunUntilLieBetween1900And2200AndTheMessageSaysSo() {
        RecurrenceInput extreme = new RecurrenceInput(
                "UTC",
                "-999999999-01-01",
                "+999999999-12-31",
                new OccursInput("MONTHLY_DAY", 1, null, Json.createValue(30), null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);

        assertThatThrownBy(() -> validator.recurrence(extreme, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors())
                            .extracting(ValidationException.FieldError::field)
                            .containsExactly("recurrence.runFrom", "recurrence.runUntil");
                    assertThat(e.errors())
                            .allSatisfy(error -> assertThat(error.message()).contains("1900-01-01 to 2200-12-31"));
                });
    }

    @Test
    void theFirstAndLastAcceptedDaysAreAccepted() {
        RecurrenceInput edges = new RecurrenceInput(
                "UTC",
                "1900-01-01",
                "2200-12-31",
                new OccursInput("DAILY", 99, null, null, null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);

        Recurrence r = validator.recurrence(edges, "x");

        assertThat(r.getRunFrom()).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(r.getRunUntil()).isEqualTo(LocalDate.of(2200, 12, 31));
        assertThatThrownBy(() -> validator.recurrence(
                        new RecurrenceInput(
                                "UTC", "1899-12-31", "2201-01-01", edges.occurs(), edges.dailyFrequency(), null),
                        "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("recurrence.runFrom", "recurrence.runUntil"));
    }

    @Test
    void theDayOfTheMonthIsANumberOrLast() {
        assertThat(monthDay(Json.createValue(31))).isEqualTo(31);
        assertThat(monthDay(Json.createValue("LAST"))).isEqualTo(Recurrence.LAST_DAY);
        assertThat(monthDay(Json.createValue("last"))).isEqualTo(Recurrence.LAST_DAY);
        assertThatThrownBy(() -> monthDay(Json.createValue(32))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> monthDay(Json.createValue("first"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> monthDay(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void before8amPicksTheMinuteFromTheName() {
        RecurrenceInput before8 = new RecurrenceInput(
                "UTC",
                "2026-01-10",
                null,
                new OccursInput("DAILY", 1, null, null, null, null),
                new DailyFrequencyInput("BEFORE_8AM", null, null, null, null),
                null);

        Recurrence r = validator.recurrence(before8, "Box office sales");

        assertThat(r.getFrequency()).isEqualTo(DailyFrequencyType.BEFORE_8AM);
        assertThat(r.getAt()).isEqualTo(DailyTimes.before8am("Box office sales"));
    }

    @Test
    void recipientsAreSplitTrimmedAndNotRepeated() {
        ScheduledReportInput input = new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                10L,
                null,
                "Sales",
                List.of("a@example.org;  B@example.org\nb@example.org", "c@example.org"),
                null,
                null,
                null,
                null,
                null);

        ScheduleValidator.Valid valid = validator.validate(schedule(weeklyAtTen(), input));

        assertThat(valid.items().get(0).recipients())
                .containsExactly("a@example.org", "B@example.org", "c@example.org");
    }

    @Test
    void atMostFiftyRecipients() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("r" + i + "@example.org");
        }
        ScheduledReportInput input = new ScheduledReportInput(
                null, "payments-activities-detailed", 10L, null, "Sales", many, null, null, null, null, null);

        assertThatThrownBy(() -> validator.validate(schedule(weeklyAtTen(), input)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(error -> assertThat(error.message()).contains("this list has 51")));
    }

    @Test
    void aCriteriaSetMustBelongToTheItemsReport() {
        ScheduledReportInput input = new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                20L,
                null,
                null,
                List.of("a@example.org"),
                null,
                null,
                null,
                null,
                null);

        assertThatThrownBy(() -> validator.validate(schedule(weeklyAtTen(), input)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("items[0].criteriaSetId");
                            assertThat(error.message()).contains("belongs to another report");
                        }));
    }

    @Test
    void anItemsOwnCriteriaReplaceTheCopy() {
        ScheduledReportInput input = new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                10L,
                Json.createObjectBuilder().add("paymentDate", "YESTERDAY").build(),
                null,
                List.of("a@example.org"),
                null,
                null,
                null,
                null,
                null);

        assertThat(validator
                        .validate(schedule(weeklyAtTen(), input))
                        .items()
                        .get(0)
                        .criteria())
                .isEqualTo("{\"paymentDate\":\"YESTERDAY\"}");
    }

    @Test
    void anItemWithoutACriteriaSetKeepsItsOwnCriteriaOrTheReportsDefaults() {
        // A schedule whose criteria set was deleted since keeps the criteria copied into its item,
        // and stays editable; an item without a set and without criteria leaves the report's defaults.
        ScheduledReportInput kept = new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                null,
                Json.createObjectBuilder().add("paymentDate", "YESTERDAY").build(),
                null,
                List.of("a@example.org"),
                null,
                null,
                null,
                null,
                null);
        ScheduledReportInput defaults = new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                null,
                null,
                null,
                List.of("a@example.org"),
                null,
                null,
                null,
                null,
                null);

        List<ScheduleValidator.ValidItem> items =
                validator.validate(schedule(weeklyAtTen(), kept, defaults)).items();

        assertThat(items.get(0).criteriaSet()).isNull();
        assertThat(items.get(0).criteria()).isEqualTo("{\"paymentDate\":\"YESTERDAY\"}");
        assertThat(items.get(1).criteria()).isEqualTo("{}");
    }

    private int monthDay(JsonValue day) {
        RecurrenceInput input = new RecurrenceInput(
                "UTC",
                "2026-01-01",
                null,
                new OccursInput("MONTHLY_DAY", 1, null, day, null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);
        return validator.recurrence(input, "x").getMonthDay();
    }

    private static RecurrenceInput weeklyAtTen() {
        return new RecurrenceInput(
                "Europe/London",
                "2026-03-01",
                null,
                new OccursInput("WEEKLY", 2, List.of("THURSDAY", "monday"), null, null, null),
                new DailyFrequencyInput("ONCE", "10:00", null, null, null),
                "RUN_ONCE");
    }

    private static ScheduledReportInput item() {
        return new ScheduledReportInput(
                null,
                "payments-activities-detailed",
                10L,
                null,
                null,
                List.of("finance@example.org, promoter@example.com"),
                null,
                null,
                null,
                null,
                null);
    }

    private static ScheduleInput schedule(RecurrenceInput recurrence, ScheduledReportInput... items) {
        return new ScheduleInput("  Daily Reports ", null, null, false, true, recurrence, List.of(items));
    }

    private static ReportDefinition report(long id, String key, String name) {
        ReportDefinition report = new ReportDefinition(key, name, null, null);
        setId(report, id);
        return report;
    }

    private static CriteriaSet criteriaSet(long id, ReportDefinition report, String name, String criteria) {
        CriteriaSet set = new CriteriaSet(report, name, criteria, Instant.EPOCH);
        setId(set, id);
        return set;
    }

    /** Entities get their id from the database; tests give it by hand. */
    private static void setId(Object entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
