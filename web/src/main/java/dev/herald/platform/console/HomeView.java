package dev.herald.platform.console;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.boundary.HealthService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** The console's home page: how this Herald instance is doing. */
@Named
@ViewScoped
public class HomeView implements Serializable {

    @Inject
    HealthService healthService;

    private Health health;

    @PostConstruct
    void load() {
        health = healthService.check();
    }

    public Health getHealth() {
        return health;
    }
}
