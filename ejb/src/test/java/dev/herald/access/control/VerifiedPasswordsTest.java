package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.control.VerifiedPasswords.Entry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The remembered verifications: found by a keyed hash, for a fixed lifetime, within a bound. */
class VerifiedPasswordsTest {

    private static final Instant NINE = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void aVerifiedPasswordIsFoundUntilItsLifetimeIsOverAndNotLengthenedByUse() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        verified.remember("ann", "Right Password 1", 7, 3, "Ann's answer", NINE);

        assertThat(verified.find("ann", "Right Password 1", NINE.plusSeconds(30)))
                .contains(new Entry<>(7, 3, "Ann's answer", NINE));
        assertThat(verified.find(
                        "ann",
                        "Right Password 1",
                        NINE.plus(VerifiedPasswords.LIFETIME).minusMillis(1)))
                .as("used at 30 s: still ends a minute after the verification")
                .isPresent();
        assertThat(verified.find("ann", "Right Password 1", NINE.plus(VerifiedPasswords.LIFETIME)))
                .isEmpty();
        assertThat(verified.size())
                .as("an expired entry goes when it is looked for")
                .isZero();
        assertThat(VerifiedPasswords.LIFETIME).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anEntryFromTheFutureIsNotTrusted() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        verified.remember("ann", "Right Password 1", 7, 3, "answer", NINE);

        assertThat(verified.find("ann", "Right Password 1", NINE.minusSeconds(1)))
                .as("the clock went back")
                .isEmpty();
    }

    @Test
    void onlyTheSameNameAndPasswordFindTheEntry() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        verified.remember("ann", "Right Password 1", 7, 3, "answer", NINE);

        assertThat(verified.find("ann", "Right Password 2", NINE)).isEmpty();
        assertThat(verified.find("ann", "right password 1", NINE)).isEmpty();
        assertThat(verified.find("bob", "Right Password 1", NINE)).isEmpty();
        assertThat(verified.find("annR", "ight Password 1", NINE))
                .as("the same characters split elsewhere")
                .isEmpty();
        assertThat(verified.find("ann", null, NINE)).isEmpty();
        assertThat(verified.find("ann", "Right Password 1", NINE)).isPresent();
    }

    @Test
    void theKeyIsAKeyedHashOfNameAndPasswordWithAKeyOfItsOwn() {
        VerifiedPasswords<String> one = new VerifiedPasswords<>();
        VerifiedPasswords<String> other = new VerifiedPasswords<>();

        ByteBuffer key = one.keyOf("ann", "Right Password 1");

        assertThat(key.remaining()).as("HMAC-SHA-256").isEqualTo(32);
        assertThat(one.keyOf("ann", "Right Password 1")).isEqualTo(key);
        assertThat(other.keyOf("ann", "Right Password 1"))
                .as("another process's key")
                .isNotEqualTo(key);
        String asText = new String(key.array(), StandardCharsets.ISO_8859_1);
        assertThat(asText).doesNotContain("Right Password 1").doesNotContain("ann");
        assertThat(one.keyOf("ann", "Right Password 1")).isNotEqualTo(one.keyOf("ann", "Right Password 2"));
    }

    @Test
    void theLeastRecentlyUsedEntryGoesWhenTheBoundIsReached() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>(VerifiedPasswords.LIFETIME, 3);
        verified.remember("a", "pa", 1, 0, "a", NINE);
        verified.remember("b", "pb", 2, 0, "b", NINE);
        verified.remember("c", "pc", 3, 0, "c", NINE);
        verified.find("a", "pa", NINE.plusSeconds(1));

        verified.remember("d", "pd", 4, 0, "d", NINE.plusSeconds(2));

        assertThat(verified.size()).isEqualTo(3);
        assertThat(verified.find("b", "pb", NINE.plusSeconds(3)))
                .as("least recently used")
                .isEmpty();
        assertThat(verified.find("a", "pa", NINE.plusSeconds(3))).isPresent();
        assertThat(verified.find("c", "pc", NINE.plusSeconds(3))).isPresent();
        assertThat(verified.find("d", "pd", NINE.plusSeconds(3))).isPresent();
        assertThat(VerifiedPasswords.CAPACITY).isEqualTo(10_000);
    }

    @Test
    void manyCredentialsNeverHoldMoreThanTheBound() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        for (int i = 0; i < VerifiedPasswords.CAPACITY * 2; i++) {
            verified.remember("user" + i, "password" + i, i, 0, "x", NINE);
        }

        assertThat(verified.size()).isEqualTo(VerifiedPasswords.CAPACITY);
    }

    @Test
    void anAccountsChangeForgetsItsEntriesAndOnlyItsEntries() {
        VerifiedPasswords<String> verified = new VerifiedPasswords<>();
        verified.remember("ann", "Right Password 1", 7, 3, "ann", NINE);
        verified.remember("ann@example.org", "Right Password 1", 7, 3, "ann", NINE);
        verified.remember("bob", "Bob's Password 1", 8, 1, "bob", NINE);

        verified.forgetAccount(7);

        assertThat(verified.find("ann", "Right Password 1", NINE)).isEmpty();
        assertThat(verified.find("ann@example.org", "Right Password 1", NINE)).isEmpty();
        assertThat(verified.find("bob", "Bob's Password 1", NINE)).isPresent();

        verified.forget("bob", "Bob's Password 1");
        assertThat(verified.size()).isZero();

        verified.remember("bob", "Bob's Password 1", 8, 2, "bob", NINE);
        verified.forgetAll();
        assertThat(verified.find("bob", "Bob's Password 1", NINE)).isEmpty();
    }

    @Test
    void noLifetimeOrNoRoomRemembersNothing() {
        VerifiedPasswords<String> noTime = new VerifiedPasswords<>(Duration.ZERO, 10);
        VerifiedPasswords<String> noRoom = new VerifiedPasswords<>(VerifiedPasswords.LIFETIME, 0);

        noTime.remember("ann", "Right Password 1", 7, 3, "ann", NINE);
        noRoom.remember("ann", "Right Password 1", 7, 3, "ann", NINE);

        assertThat(noTime.find("ann", "Right Password 1", NINE)).isEmpty();
        assertThat(noRoom.find("ann", "Right Password 1", NINE)).isEmpty();
    }
}
