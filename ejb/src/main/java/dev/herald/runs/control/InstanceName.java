package dev.herald.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name this instance writes into the runs it owns: {@code herald.instance.name}
 * (HERALD_INSTANCE_NAME), or the host name and process id. A restarted instance gets a new name, so
 * the runs its previous life left behind are taken over like any stopped instance's.
 */
@ApplicationScoped
public class InstanceName {

    @Inject
    @ConfigProperty(name = "herald.instance.name")
    Optional<String> configured;

    private String name;

    @PostConstruct
    void resolve() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        String base =
                configured.map(String::strip).filter(value -> !value.isEmpty()).orElse(host);
        name = base + "/" + ProcessHandle.current().pid();
    }

    public String get() {
        return name;
    }
}
