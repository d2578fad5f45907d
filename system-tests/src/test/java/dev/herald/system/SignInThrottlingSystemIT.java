package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.testing.Api;
import dev.herald.testing.FromAddress;
import dev.herald.testing.FromAddress.Answer;
import dev.herald.testing.Http;
import dev.herald.testing.SystemTest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling over the API, from several loopback addresses (the server sees each as another
 * machine): a stranger who fails five times for an account blocks only their own address, the owner
 * signs in from theirs, staff see the block and lift it; and an unknown user, a wrong password and a
 * blocked attempt answer with the same words in the same time.
 */
@SystemTest
class SignInThrottlingSystemIT {

    private static final String ME = "/api/v1/me";
    private static final int ROUNDS = 8;
    private static final int ADDRESSES = 3;

    private static Api admin;

    private enum Kind {
        UNKNOWN_USER,
        WRONG_PASSWORD,
        BLOCKED
    }

    @BeforeAll
    static void signIn() {
        admin = Api.admin().withToken();
    }

    @Test
    void aStrangerWhoFailsFiveTimesBlocksOnlyTheirOwnAddress() {
        String password = "Limelight and Footlights 4";
        String username = unique("owner");
        long id = create(username, password);
        FromAddress stranger = FromAddress.fresh();
        FromAddress owner = FromAddress.fresh();

        Answer unknown = stranger.get(ME, Http.basic(unique("nobody"), password));
        for (int attempt = 1; attempt <= 5; attempt++) {
            Answer wrong = stranger.get(ME, Http.basic(username, "not it " + attempt));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.body())
                    .as("a wrong password answers as an unknown user")
                    .isEqualTo(unknown.body());
        }
        Answer blocked = stranger.get(ME, Http.basic(username, password));
        Answer fromElsewhere = owner.get(ME, Http.basic(username, password));

        assertThat(blocked.status())
                .as("the right password from the stranger's address")
                .isEqualTo(401);
        assertThat(blocked.body()).isEqualTo(unknown.body());
        assertThat(Api.parse(unknown.body()).getString("detail")).contains("too many failed attempts");
        assertThat(fromElsewhere.status())
                .as("the owner from their own address")
                .isEqualTo(200);
        JsonObject seen = admin.json(admin.get("/api/v1/users/" + id));
        assertThat(seen.getBoolean("locked")).isTrue();
        assertThat(seen.getJsonArray("blockedFrom").getString(0)).isEqualTo(stranger.address());
        assertThat(admin.json(admin.get("/api/v1/audit?action=user.blocked&targetType=user&targetId=" + id))
                        .getJsonArray("items"))
                .singleElement()
                .satisfies(line ->
                        assertThat(line.asJsonObject().getString("detail")).contains(stranger.address()));

        HttpResponse<String> unlocked = admin.post("/api/v1/users/" + id + "/unlock", "{}");

        assertThat(unlocked.statusCode()).isEqualTo(200);
        assertThat(admin.json(unlocked).getBoolean("locked")).isFalse();
        assertThat(stranger.get(ME, Http.basic(username, password)).status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserAWrongPasswordAndABlockedAttemptTakeTheSameTime() {
        String password = "Curtain Call At Nine 7";
        String blocked = unique("blocked");
        create(blocked, password);
        // Four tries each from one address at most, so that they do not become blocked themselves.
        List<String> wrong = List.of(unique("wrong"), unique("wrong"));
        wrong.forEach(username -> create(username, password));
        String expectedBody = null;
        Map<Kind, List<Duration>> times = new EnumMap<>(Kind.class);
        // Each address takes 5 + 3 + 3 * 8 failures, inside its budget of 50 (SignInThrottle).
        for (int chunk = 0; chunk < ADDRESSES; chunk++) {
            FromAddress address = FromAddress.fresh();
            for (int attempt = 1; attempt <= 5; attempt++) {
                assertThat(address.get(ME, Http.basic(blocked, "guess " + attempt))
                                .status())
                        .isEqualTo(401);
            }
            Answer warmUp = address.get(ME, Http.basic(unique("warm-up"), password));
            address.get(ME, Http.basic(blocked, password));
            address.get(ME, Http.basic(unique("warm-up"), password));
            expectedBody = expectedBody == null ? warmUp.body() : expectedBody;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < Kind.values().length; i++) {
                    // Each round in another order, so that no kind always follows the same one.
                    Kind kind = Kind.values()[(round + i) % Kind.values().length];
                    Answer answer =
                            switch (kind) {
                                case UNKNOWN_USER -> address.get(ME, Http.basic(unique("nobody"), password));
                                case WRONG_PASSWORD ->
                                    address.get(ME, Http.basic(wrong.get(round / 4), "wrong " + round));
                                case BLOCKED -> address.get(ME, Http.basic(blocked, password));
                            };
                    assertThat(answer.status()).isEqualTo(401);
                    assertThat(answer.body())
                            .as(kind + " answers in the same words")
                            .isEqualTo(expectedBody);
                    times.computeIfAbsent(kind, k -> new ArrayList<>()).add(answer.took());
                }
            }
        }

        Map<Kind, Double> means = new EnumMap<>(Kind.class);
        times.forEach((kind, list) -> means.put(kind, middleMean(list)));
        double fastest = means.values().stream().min(Double::compare).orElseThrow();
        double slowest = means.values().stream().max(Double::compare).orElseThrow();
        System.out.printf(
                "Refusal times (ms, mean of the middle half of %d tries): %s; every try: %s%n",
                ADDRESSES * ROUNDS, means, times);
        assertThat(slowest / fastest)
                .as("slowest mean over fastest mean, " + means)
                .isLessThanOrEqualTo(1.2);
    }

    /**
     * Milliseconds: the mean of the middle half of the tries, the quickest and slowest quarters left
     * out, so that garbage collections or a neighbour's build on a shared machine do not decide the
     * comparison (the refusals of old took 9 ms against 250 ms: any mean tells those apart).
     */
    private static double middleMean(List<Duration> durations) {
        int quarter = durations.size() / 4;
        return durations.stream()
                .sorted()
                .skip(quarter)
                .limit(durations.size() - 2L * quarter)
                .mapToDouble(duration -> duration.toNanos() / 1e6)
                .average()
                .orElseThrow();
    }

    private static long create(String username, String password) {
        HttpResponse<String> created = admin.post(
                "/api/v1/users",
                Json.createObjectBuilder()
                        .add("username", username)
                        .add("displayName", username)
                        .add("email", username + "@example.org")
                        .add("password", password)
                        .add("mustChangePassword", false)
                        .add("roles", Json.createArrayBuilder().add("Collect Reports"))
                        .build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return admin.json(created).getJsonNumber("id").longValue();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
