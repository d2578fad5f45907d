package dev.herald.schedules.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectTemplateTest {

    @Test
    void theFourPlaceholdersAreAccepted() {
        assertThat(SubjectTemplate.problems("{ClientName}: {ReportName} from {ScheduleName} on {RunDate}"))
                .isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsNamed() {
        assertThat(SubjectTemplate.problems("Hello {Clientname}"))
                .singleElement()
                .asString()
                .contains("{Clientname}");
    }

    @Test
    void anUnclosedBraceIsFound() {
        assertThat(SubjectTemplate.problems("Report {ReportName"))
                .singleElement()
                .asString()
                .contains("not closed");
    }

    @Test
    void fillingLeavesTheRestAloneEvenWithDollarSigns() {
        assertThat(SubjectTemplate.fill(
                        "{ReportName} for {ClientName}", Map.of("ReportName", "Sales $100", "ClientName", "Théâtre")))
                .isEqualTo("Sales $100 for Théâtre");
    }
}
