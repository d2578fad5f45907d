package dev.herald.mail.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivery's knobs, from MicroProfile Config (each also an environment variable:
 * HERALD_DELIVERY_RETRY_INITIAL, HERALD_DELIVERY_MAX_TRIES, HERALD_DELIVERY_CONNECTIONS). The public
 * URL in links is {@link dev.herald.platform.control.PublicLinks}'.
 */
@ApplicationScoped
public class DeliverySettings {

    @Inject
    @ConfigProperty(name = "herald.delivery.retry-initial", defaultValue = "PT1M")
    Duration retryInitial;

    @Inject
    @ConfigProperty(name = "herald.delivery.max-tries", defaultValue = "6")
    int maxTries;

    @Inject
    @ConfigProperty(name = "herald.delivery.connections", defaultValue = "4")
    int connections;

    /** One minute, then 2, 4, 8 and 16: six tries over about half an hour, by default. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(retryInitial, maxTries);
    }

    /** SMTP connections one run sends over at once (at least 1). */
    public int connections() {
        return Math.max(1, connections);
    }
}
