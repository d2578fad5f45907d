package dev.herald.platform.console;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.boundary.HealthService;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.boundary.RunView;
import dev.herald.schedules.boundary.ScheduleService;
import dev.herald.schedules.boundary.ScheduleView;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.omnifaces.util.Faces;

/** The console's home page: the next runs, recent failures, and how this Herald instance is doing. */
@Named
@ViewScoped
public class HomeView implements Serializable {

    private static final int SHOWN = 5;

    @Inject
    HealthService healthService;

    @Inject
    ScheduleService schedules;

    @Inject
    RunService runs;

    private Health health;
    private List<ScheduleView> upcoming = List.of();
    private List<RunView> failures = List.of();

    @PostConstruct
    void load() {
        health = healthService.check();
        if (Faces.isUserInRole("VIEW_SCHEDULES") || Faces.isUserInRole("MANAGE_SCHEDULES")) {
            upcoming = schedules.upcoming(SHOWN);
            List<RunView> failed = new ArrayList<>();
            // Runs waiting to try their e-mails again are problems too: the mail server refuses them for now.
            Stream.of("FAILED", "PARTIALLY_FAILED", "WAITING")
                    .forEach(status ->
                            failed.addAll(runs.list(null, status, 0, SHOWN).items()));
            failures = failed.stream()
                    .sorted(Comparator.comparing(RunView::createdAt).reversed())
                    .limit(SHOWN)
                    .toList();
        }
    }

    public Health getHealth() {
        return health;
    }

    public List<ScheduleView> getUpcoming() {
        return upcoming;
    }

    public List<RunView> getFailures() {
        return failures;
    }
}
