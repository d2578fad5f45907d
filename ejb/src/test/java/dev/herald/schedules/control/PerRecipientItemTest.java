package dev.herald.schedules.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.platform.boundary.ValidationException;
import dev.herald.reports.control.ParameterSpec;
import dev.herald.reports.control.ParameterType;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.schedules.boundary.DailyFrequencyInput;
import dev.herald.schedules.boundary.OccursInput;
import dev.herald.schedules.boundary.RecurrenceInput;
import dev.herald.schedules.boundary.ScheduleInput;
import dev.herald.schedules.boundary.ScheduledReportInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of an item made per recipient, and of a shared item of a report bound to a scope kind. */
class PerRecipientItemTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    private final ReportDefinition bound = report(
            "settlement", "Promoter Settlement", List.of(ParameterSpec.bound("promoter", "Promoter", "promoter")));
    private final ReportDefinition plain = report(
            "plain",
            "Plain",
            List.of(new ParameterSpec("min", "Minimum", ParameterType.NUMBER, false, null, null, null)));

    private final ScheduleValidator validator = new ScheduleValidator(
            new ScheduleValidator.Catalog() {
                @Override
                public Optional<ReportDefinition> report(String key) {
                    return Optional.ofNullable(
                            Map.of("settlement", bound, "plain", plain).get(key));
                }

                @Override
                public Optional<CriteriaSet> criteriaSet(long id) {
                    return Optional.empty();
                }

                @Override
                public boolean scopeKindExists(String kind) {
                    return Set.of("promoter", "company").contains(kind);
                }

                @Override
                public List<String> limitedRecipients(List<String> emails, Set<String> kinds) {
                    return emails.stream()
                            .filter(email -> email.startsWith("promoter") && kinds.contains("promoter"))
                            .toList();
                }
            },
            CLOCK);

    @Test
    void aBoundReportMadePerRecipientKeepsBothSettings() {
        ScheduleValidator.ValidItem item = validate(item("settlement", List.of(), true, "promoter"))
                .items()
                .get(0);
        assertThat(item.perRecipient()).isTrue();
        assertThat(item.recipientScopeKind()).isEqualTo("promoter");
        ScheduleValidator.ValidItem listed = validate(item("settlement", List.of("promoter1@example.com"), true, null))
                .items()
                .get(0);
        assertThat(listed.recipients()).containsExactly("promoter1@example.com");
        assertThat(listed.recipientScopeKind()).isNull();
    }

    @Test
    void aReportWithoutABoundParameterCannotBeMadePerRecipient() {
        assertThatThrownBy(() -> validate(item("plain", List.of("a@example.com"), true, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("items[0].perRecipient"));
    }

    @Test
    void everyAccountOfAKindNeedsTheItemPerRecipientADeclaredKindAndNoListedRecipients() {
        assertThatThrownBy(() -> validate(item("settlement", List.of(), false, "promoter")))
                .satisfies(e -> assertThat(fields(e)).containsExactly("items[0].recipientScopeKind"));
        assertThatThrownBy(() -> validate(item("settlement", List.of(), true, "venue")))
                .satisfies(e -> assertThat(fields(e)).containsExactly("items[0].recipientScopeKind"));
        assertThatThrownBy(() -> validate(item("settlement", List.of("x@example.com"), true, "promoter")))
                .satisfies(e -> assertThat(fields(e)).containsExactly("items[0].recipients"));
    }

    @Test
    void aSharedFileOfABoundReportIsRefusedForALimitedRecipientAndAllowedForOthers() {
        assertThatThrownBy(() -> validate(
                        item("settlement", List.of("finance@example.org", "promoter7@example.com"), false, null)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("promoter7@example.com")
                .satisfies(e -> assertThat(fields(e)).containsExactly("items[0].recipients"));
        assertThat(validate(item("settlement", List.of("finance@example.org"), false, null))
                        .items()
                        .get(0)
                        .perRecipient())
                .isFalse();
    }

    private ScheduleValidator.Valid validate(ScheduledReportInput item) {
        RecurrenceInput daily = new RecurrenceInput(
                "Europe/London",
                "2026-12-06",
                null,
                new OccursInput("DAILY", 1, null, null, null, null),
                new DailyFrequencyInput("ONCE", "08:00", null, null, null),
                null);
        return validator.validate(new ScheduleInput("Settlements", null, null, true, false, daily, List.of(item)));
    }

    private static ScheduledReportInput item(String key, List<String> to, boolean perRecipient, String kind) {
        return new ScheduledReportInput(
                null, key, null, null, null, to, null, null, "CSV", null, null, perRecipient, kind);
    }

    private static List<String> fields(Throwable e) {
        return ((ValidationException) e)
                .errors().stream().map(ValidationException.FieldError::field).toList();
    }

    private static ReportDefinition report(String key, String name, List<ParameterSpec> parameters) {
        return new ReportDefinition(key, name, null, null)
                .define(
                        name,
                        null,
                        "Test",
                        false,
                        "SELECT 1",
                        ReportSpecs.parametersJson(parameters),
                        "[]",
                        Instant.EPOCH);
    }
}
