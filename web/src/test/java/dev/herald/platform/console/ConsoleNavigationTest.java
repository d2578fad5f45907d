package dev.herald.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.platform.console.ConsoleNavigation.Crumb;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConsoleNavigationTest {

    private static final List<String> ITEMS = List.of(
            "home",
            "reports",
            "sqlReports",
            "summaries",
            "usageReports",
            "schedules",
            "runs",
            "tasks",
            "tenants",
            "users",
            "roles",
            "audit",
            "settings",
            "scopeKinds",
            "tokens",
            "account");

    @Test
    void everyKnownPageMarksExactlyOneItem() {
        for (String page : Stream.of(
                        "index",
                        "reports",
                        "sql-reports",
                        "summary-reports",
                        "usage-reports",
                        "schedules",
                        "schedule",
                        "runs",
                        "scheduled-tasks",
                        "tenants",
                        "users",
                        "roles",
                        "audit",
                        "settings",
                        "scope-kinds",
                        "tokens",
                        "password")
                .map(name -> "/console/" + name + ".xhtml")
                .toList()) {
            ConsoleNavigation navigation = new ConsoleNavigation(page, false);
            assertThat(ITEMS.stream().filter(navigation::isCurrent)).as(page).hasSize(1);
            assertThat(navigation.isKnown()).as(page).isTrue();
        }
    }

    @Test
    void theWizardHighlightsTheSchedulesAndLeadsBackToTheirList() {
        ConsoleNavigation editing = new ConsoleNavigation("/console/schedule.xhtml", true);
        assertThat(editing.isCurrent("schedules")).isTrue();
        assertThat(editing.ariaCurrent("schedules")).isEqualTo("page");
        assertThat(editing.ariaCurrent("runs")).isNull();
        assertThat(editing.getCrumbs())
                .containsExactly(
                        new Crumb("Home", "/console/index"),
                        new Crumb("Schedules", null),
                        new Crumb("Report schedules", "/console/schedules"),
                        new Crumb("Edit report schedule", null));
        assertThat(new ConsoleNavigation("/console/schedule.xhtml", false).getCrumbs())
                .last()
                .isEqualTo(new Crumb("New report schedule", null));
    }

    @Test
    void homeIsOneCrumbAndAPageNotInTheTableMarksNothing() {
        assertThat(new ConsoleNavigation("/console/index.xhtml", false).getCrumbs())
                .containsExactly(new Crumb("Home", null));
        ConsoleNavigation unknown = new ConsoleNavigation("/console/new-page.xhtml", false);
        assertThat(ITEMS.stream().filter(unknown::isCurrent)).isEmpty();
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.getCrumbs()).containsExactly(new Crumb("Home", "/console/index"));
        assertThat(new ConsoleNavigation(null, false).isKnown()).isFalse();
    }
}
