package dev.herald.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The one range of dates and instants Herald accepts: years 1900 to 2200, both ends included. */
class AcceptedDatesTest {

    @Test
    void datesFrom1900To2200AreAccepted() {
        assertThat(AcceptedDates.contains(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(AcceptedDates.contains(LocalDate.of(2026, 11, 25))).isTrue();
        assertThat(AcceptedDates.contains(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(AcceptedDates.contains(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(AcceptedDates.contains(LocalDate.of(2201, 1, 1))).isFalse();
        assertThat(AcceptedDates.contains(LocalDate.MIN)).isFalse();
        assertThat(AcceptedDates.contains(LocalDate.MAX)).isFalse();
    }

    @Test
    void instantsFrom1900ToTheEndOf2200AreAccepted() {
        assertThat(AcceptedDates.contains(Instant.parse("1900-01-01T00:00:00Z")))
                .isTrue();
        assertThat(AcceptedDates.contains(Instant.parse("2200-12-31T23:59:59.999999999Z")))
                .isTrue();
        assertThat(AcceptedDates.contains(Instant.parse("1899-12-31T23:59:59Z")))
                .isFalse();
        assertThat(AcceptedDates.contains(Instant.parse("2201-01-01T00:00:00Z")))
                .isFalse();
        assertThat(AcceptedDates.contains(Instant.MAX)).isFalse();
        assertThat(AcceptedDates.contains(Instant.MIN)).isFalse();
    }

    @Test
    void aDateOutsideIsAProblemOnItsFieldThatStatesTheRange() {
        ValidationException.Builder errors = ValidationException.builder();

        boolean accepted = AcceptedDates.check(LocalDate.parse("+999999999-01-01"), "criteria.paymentDate.to", errors);
        boolean instantAccepted = AcceptedDates.check(Instant.parse("-999999999-01-01T00:00:00Z"), "after", errors);
        boolean absent = AcceptedDates.check((LocalDate) null, "from", errors);

        assertThat(accepted).isFalse();
        assertThat(instantAccepted).isFalse();
        assertThat(absent).as("nothing given is not out of range").isTrue();
        assertThat(errors.errors())
                .extracting(ValidationException.FieldError::field)
                .containsExactly("criteria.paymentDate.to", "after");
        assertThat(errors.errors().get(0).message())
                .isEqualTo("'+999999999-01-01' is outside the dates Herald accepts: 1900-01-01 to 2200-12-31.");
    }
}
