package dev.herald.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which requests take an Idempotency-Key, the key's bound, and the fingerprint. */
class IdempotentOperationsTest {

    @Test
    void theFivePostsThatStartWorkOrCreateThingsTakeAKey() {
        assertThat(IdempotentOperations.operation("POST", "schedules")).hasValue("POST schedules");
        assertThat(IdempotentOperations.operation("POST", "/schedules/")).hasValue("POST schedules");
        assertThat(IdempotentOperations.operation("POST", "schedules/42/run")).hasValue("POST schedules/42/run");
        assertThat(IdempotentOperations.operation("POST", "schedules/42/test")).hasValue("POST schedules/42/test");
        assertThat(IdempotentOperations.operation("POST", "on-demand/7/run")).hasValue("POST on-demand/7/run");
        assertThat(IdempotentOperations.operation("POST", "usage-reports")).hasValue("POST usage-reports");
    }

    @Test
    void everyOtherRequestIgnoresTheHeader() {
        assertThat(IdempotentOperations.operation("PUT", "schedules/42")).isEmpty();
        assertThat(IdempotentOperations.operation("GET", "schedules")).isEmpty();
        assertThat(IdempotentOperations.operation("POST", "schedules/42/enable"))
                .isEmpty();
        assertThat(IdempotentOperations.operation("POST", "schedules/who-gets-what"))
                .isEmpty();
        assertThat(IdempotentOperations.operation("POST", "usage-reports/3/cancel"))
                .isEmpty();
        assertThat(IdempotentOperations.operation("POST", "schedules/x/run")).isEmpty();
        assertThat(IdempotentOperations.operation("POST", "schedules/12345678901234567890/run"))
                .as("not an id: 404 as without the header")
                .isEmpty();
    }

    @Test
    void aKeyIsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotentOperations.refusal("a")).isNull();
        assertThat(IdempotentOperations.refusal("6f1c2d9e-1b7a-4c55-9a4e-0d1f4f0a9b11"))
                .isNull();
        assertThat(IdempotentOperations.refusal("order 17: ~!@#$%^&*()")).isNull();
        assertThat(IdempotentOperations.refusal("k".repeat(255))).isNull();

        assertThat(IdempotentOperations.refusal("")).contains("1 to 255");
        assertThat(IdempotentOperations.refusal("k".repeat(256))).contains("at most 255");
        assertThat(IdempotentOperations.refusal("schlüssel")).contains("character 5");
        assertThat(IdempotentOperations.refusal("tab\there")).contains("character 4");
        assertThat(IdempotentOperations.refusal("del\u007f")).contains("character 4");
    }

    @Test
    void theFingerprintTellsQueriesAndBodiesApart() {
        byte[] body = "{\"to\":[\"me@example.org\"]}".getBytes(StandardCharsets.UTF_8);
        String plain = IdempotentOperations.fingerprint(null, body);

        assertThat(plain).hasSize(64).isEqualTo(IdempotentOperations.fingerprint("", body.clone()));
        assertThat(IdempotentOperations.fingerprint("wait=0", body)).isNotEqualTo(plain);
        assertThat(IdempotentOperations.fingerprint(null, "{\"to\":[\"you@example.org\"]}".getBytes()))
                .isNotEqualTo(plain);
        assertThat(IdempotentOperations.fingerprint("a", "b".getBytes()))
                .as("the query ends where the body begins")
                .isNotEqualTo(IdempotentOperations.fingerprint("", "ab".getBytes()));
    }

    /**
     * The POST methods whose paths the filter takes a key for (and the OpenAPI document lists the
     * header on, from the same list) are exactly the five that start work or create things.
     */
    @Test
    void theOperationsThatTakeAKeyAreTheFivePosts() throws Exception {
        List<String> taking = new ArrayList<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getDeclaredMethods()) {
                String path = resource.getAnnotation(Path.class).value()
                        + (method.isAnnotationPresent(Path.class)
                                ? "/" + method.getAnnotation(Path.class).value()
                                : "");
                String example = path.replaceAll("\\{[^}]+}", "17");
                if (method.isAnnotationPresent(POST.class)
                        && IdempotentOperations.operation("POST", example).isPresent()) {
                    taking.add(example);
                }
            }
        }
        assertThat(taking)
                .containsExactlyInAnyOrder(
                        "schedules", "schedules/17/run", "schedules/17/test", "on-demand/17/run", "usage-reports");
    }

    private static List<Class<?>> resourceClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        java.nio.file.Path classes = java.nio.file.Path.of(IdempotentOperations.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                if (type.isAnnotationPresent(Path.class)) {
                    resources.add(type);
                }
            }
        }
        assertThat(resources).as("the resource classes were found").hasSizeGreaterThan(10);
        return resources;
    }
}
