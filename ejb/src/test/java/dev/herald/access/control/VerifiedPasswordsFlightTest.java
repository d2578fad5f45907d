package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins with the same name and password that arrive together share one verification: the
 * others wait for it, a bounded time, and only its success (once remembered) answers them.
 */
class VerifiedPasswordsFlightTest {

    private static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");
    private static final String PASSWORD = "Right Password 1";

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theOthersWaitForTheOneVerificationAndFindWhatItRemembered() throws Exception {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String>.Turn leader = verified.begin("ann", PASSWORD);
        List<Future<Boolean>> followers = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            followers.add(pool.submit(() -> {
                VerifiedPasswords<String>.Turn turn = verified.begin("ann", PASSWORD);
                assertThat(turn.leads()).isFalse();
                return turn.awaitSuccess()
                        && verified.find("ann", PASSWORD, NINE).isPresent();
            }));
        }
        awaitWaiting(verified, 11);

        assertThat(leader.leads()).isTrue();
        leader.succeeded(7, 3, "Ann's answer", NINE);

        for (Future<Boolean> follower : followers) {
            assertThat(follower.get(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(verified.find("ann", PASSWORD, NINE))
                .hasValueSatisfying(entry -> assertThat(entry.answer()).isEqualTo("Ann's answer"));
        assertThat(verified.begin("ann", PASSWORD).leads())
                .as("that flight is over: the next one leads its own")
                .isTrue();
    }

    @Test
    void afterTheLeadersFailureTheOthersGoTheirOwnWay() throws Exception {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String>.Turn leader = verified.begin("ann", PASSWORD);
        Future<Boolean> follower =
                pool.submit(() -> verified.begin("ann", PASSWORD).awaitSuccess());
        awaitWaiting(verified, 1);

        leader.failed();

        assertThat(follower.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(verified.size()).isZero();
        assertThat(verified.begin("ann", PASSWORD).leads()).isTrue();
    }

    @Test
    void aLeaderWhoseTransactionRolledBackAnswersNoOne() throws Exception {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String>.Turn leader = verified.begin("ann", PASSWORD);
        Future<Boolean> follower =
                pool.submit(() -> verified.begin("ann", PASSWORD).awaitSuccess());
        awaitWaiting(verified, 1);

        // As the service does: the answer is handed to the transaction's completion...
        leader.handOver();
        leader.release();
        assertThat(follower.isDone()).as("handed over: release does not end it").isFalse();
        // ...which rolled back.
        leader.failed();

        assertThat(follower.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(verified.size()).isZero();
    }

    @Test
    void aLeaderThatStopsWithoutAWordReleasesItsFollowersAsFailed() throws Exception {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String>.Turn leader = verified.begin("ann", PASSWORD);
        Future<Boolean> follower =
                pool.submit(() -> verified.begin("ann", PASSWORD).awaitSuccess());
        awaitWaiting(verified, 1);

        leader.release();

        assertThat(follower.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void theWaitIsBoundedAndAFlightThatNeverLandsIsGivenUp() throws Exception {
        Duration wait = Duration.ofMillis(300);
        VerifiedPasswords<String> verified = new VerifiedPasswords<>(VerifiedPasswords.LIFETIME, 10, wait);
        VerifiedPasswords<String>.Turn stalled = verified.begin("ann", PASSWORD);
        assertThat(stalled.leads()).isTrue();

        long started = System.nanoTime();
        boolean answered = verified.begin("ann", PASSWORD).awaitSuccess();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answered).isFalse();
        assertThat(waited).isGreaterThanOrEqualTo(wait).isLessThan(Duration.ofSeconds(3));
        assertThat(verified.begin("ann", PASSWORD).leads())
                .as("the stalled flight is given up: the next sign-in leads a new one")
                .isTrue();
        stalled.succeeded(7, 3, "late", NINE);
        assertThat(verified.find("ann", PASSWORD, NINE))
                .as("a late leader still remembers a right password")
                .isPresent();
        assertThat(VerifiedPasswords.FLIGHT_WAIT).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void onlyTheSameNameAndPasswordShareAVerification() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String>.Turn ann = verified.begin("ann", PASSWORD);

        assertThat(ann.leads()).isTrue();
        assertThat(verified.begin("ann", "Right Password 2").leads()).isTrue();
        assertThat(verified.begin("ann", "right password 1").leads()).isTrue();
        assertThat(verified.begin("bob", PASSWORD).leads()).isTrue();
        assertThat(verified.begin("annR", "ight Password 1").leads())
                .as("the same characters split elsewhere")
                .isTrue();
        assertThat(verified.begin("ann", PASSWORD).leads()).isFalse();
    }

    @Test
    void aWaiterForOnePasswordIsNotAnsweredByAnothersSuccess() throws Exception {
        VerifiedPasswords<String> verified =
                new VerifiedPasswords<>(VerifiedPasswords.LIFETIME, 10, Duration.ofMillis(500));
        VerifiedPasswords<String>.Turn right = verified.begin("ann", PASSWORD);
        VerifiedPasswords<String>.Turn wrongLeader = verified.begin("ann", "Wrong Password");
        Future<Boolean> wrongFollower =
                pool.submit(() -> verified.begin("ann", "Wrong Password").awaitSuccess());
        awaitWaiting(verified, 1);

        right.succeeded(7, 3, "Ann's answer", NINE);

        assertThat(wrongFollower.get(5, TimeUnit.SECONDS))
                .as("its own leader never landed: the wait ran out")
                .isFalse();
        assertThat(verified.find("ann", "Wrong Password", NINE)).isEmpty();
        wrongLeader.failed();
    }

    @Test
    void withoutAPasswordOrWithNothingToRememberEachGoesItsOwnWay() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        VerifiedPasswords<String> noRoom = new VerifiedPasswords<>(VerifiedPasswords.LIFETIME, 0);

        assertThat(verified.begin("ann", null).leads()).isTrue();
        assertThat(verified.begin("ann", null).leads()).isTrue();
        assertThat(noRoom.begin("ann", PASSWORD).leads()).isTrue();
        assertThat(noRoom.begin("ann", PASSWORD).leads()).isTrue();
        verified.begin("ann", null).succeeded(7, 3, "x", NINE);
        assertThat(verified.size()).isZero();
    }

    private static void awaitWaiting(VerifiedPasswords<?> verified, int count) {
        Awaitility.await(count + " waiting")
                .atMost(Duration.ofSeconds(5))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> verified.waiting() >= count);
    }
}
