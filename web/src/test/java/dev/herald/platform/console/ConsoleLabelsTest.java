package dev.herald.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleLabelsTest {

    private final ConsoleLabels labels = new ConsoleLabels();

    @Test
    void knownCodesReadAsWordsAndOtherValuesStayAsTheyAre() {
        assertThat(labels.of("BOX_OFFICE")).isEqualTo("Box office");
        assertThat(labels.of("ENTERPRISE")).isEqualTo("Enterprise");
        assertThat(labels.of("MONDAY")).isEqualTo("Monday");
        assertThat(labels.of("APAC"))
                .as("a region's name in capitals is not a code")
                .isEqualTo("APAC");
        assertThat(labels.of("EU West")).isEqualTo("EU West");
        assertThat(labels.of(42)).isEqualTo(42);
        assertThat(labels.of(null)).isNull();
    }

    @Test
    void aFieldOfCodesReadsAsASentenceEvenForAnUnknownCode() {
        assertThat(labels.code("SUSPENDED")).isEqualTo("Suspended");
        assertThat(labels.code("SOME_NEW_STATUS")).isEqualTo("Some new status");
        assertThat(labels.code("Already words")).isEqualTo("Already words");
        assertThat(labels.code(null)).isEmpty();
        assertThat(labels.code(" ")).isEmpty();
    }

    @Test
    void whatAnAuditEntryIsAboutInWords() {
        assertThat(labels.target("usageReport")).isEqualTo("Usage report");
        assertThat(labels.target("apiToken")).isEqualTo("API token");
        assertThat(labels.target("schedule")).isEqualTo("Schedule");
        assertThat(labels.target(null)).isEmpty();
    }

    @Test
    void auditActionsInWordsWhetherDottedOrInTheOlderCapitals() {
        assertThat(labels.action("user.create")).isEqualTo("User added");
        assertThat(labels.action("report.export")).isEqualTo("Report exported");
        assertThat(labels.action("SCHEDULE_CREATED")).isEqualTo("Schedule added");
        assertThat(labels.action("schedule.disable")).isEqualTo("Schedule disabled");
        assertThat(labels.action("something.new")).isEqualTo("something.new");
        assertThat(labels.action(null)).isEmpty();
    }
}
