package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.control.PasswordResetRules.Decision;
import dev.herald.access.control.PasswordResetRules.LinkState;
import dev.herald.access.control.PasswordResetRules.Request;
import dev.herald.access.entity.PasswordReset;
import dev.herald.access.entity.UserAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordResetRulesTest {

    private static final Instant MADE = Instant.parse("2026-12-05T09:00:00Z");
    private static final Instant EXPIRES = MADE.plus(Duration.ofMinutes(30));

    /** A partner who may have a link: found, one account, an address, enabled, partner only, not blocked. */
    private static final Request ELIGIBLE = new Request(false, true, false, true, true, true, false, 0);

    @Test
    void aSecretCarries256RandomBitsAndOnlyItsDigestIsKept() {
        String secret = PasswordResetRules.newSecret();

        assertThat(PasswordResetRules.looksLikeSecret(secret)).isTrue();
        assertThat(secret).startsWith("pwr_").hasSize(4 + 43);
        assertThat(PasswordResetRules.digest(secret)).hasSize(64).doesNotContain(secret.substring(4));
        assertThat(PasswordResetRules.digest(secret)).isEqualTo(PasswordResetRules.digest(secret));
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(PasswordResetRules.newSecret());
        }

        assertThat(secrets).hasSize(1000);
    }

    @Test
    void anythingNotShapedLikeASecretIsNotLookedUp() {
        String secret = PasswordResetRules.newSecret();

        assertThat(PasswordResetRules.looksLikeSecret(null)).isFalse();
        assertThat(PasswordResetRules.looksLikeSecret("")).isFalse();
        assertThat(PasswordResetRules.looksLikeSecret(secret + "a")).isFalse();
        assertThat(PasswordResetRules.looksLikeSecret(secret.substring(0, secret.length() - 1)))
                .isFalse();
        assertThat(PasswordResetRules.looksLikeSecret("hrld_" + secret.substring(4)))
                .isFalse();
        assertThat(PasswordResetRules.looksLikeSecret(secret.substring(0, 10) + "'; --" + secret.substring(15)))
                .isFalse();
    }

    @Test
    void anEligiblePartnerGetsALink() {
        assertThat(PasswordResetRules.decide(ELIGIBLE)).isEqualTo(Decision.SEND);
    }

    @Test
    void theAccountsLimitStopsTheFourthLinkWithinTheHour() {
        assertThat(PasswordResetRules.decide(withLinks(PasswordResetRules.ACCOUNT_LINKS - 1)))
                .isEqualTo(Decision.SEND);
        assertThat(PasswordResetRules.decide(withLinks(PasswordResetRules.ACCOUNT_LINKS)))
                .isEqualTo(Decision.ACCOUNT_LIMIT);
    }

    @Test
    void theClientsLimitHoldsWhateverWasTyped() {
        assertThat(PasswordResetRules.decide(new Request(true, true, false, true, true, true, false, 0)))
                .isEqualTo(Decision.CLIENT_LIMIT);
        assertThat(PasswordResetRules.decide(new Request(true, false, false, false, false, false, false, 0)))
                .isEqualTo(Decision.CLIENT_LIMIT);
    }

    @Test
    void nobodyElseGetsALink() {
        assertThat(PasswordResetRules.decide(new Request(false, false, false, false, false, false, false, 0)))
                .isEqualTo(Decision.NO_ACCOUNT);
        assertThat(PasswordResetRules.decide(new Request(false, false, true, false, false, false, false, 0)))
                .isEqualTo(Decision.AMBIGUOUS);
        assertThat(PasswordResetRules.decide(new Request(false, true, false, true, false, true, false, 0)))
                .isEqualTo(Decision.DISABLED);
        assertThat(PasswordResetRules.decide(new Request(false, true, false, true, true, false, false, 0)))
                .isEqualTo(Decision.STAFF);
        assertThat(PasswordResetRules.decide(new Request(false, true, false, false, true, true, false, 0)))
                .isEqualTo(Decision.NO_ADDRESS);
        assertThat(PasswordResetRules.decide(new Request(false, true, false, true, true, true, true, 0)))
                .isEqualTo(Decision.BLOCKED);
    }

    @Test
    void aLinkWorksUntilItExpires() {
        UserAccount user = partner();
        PasswordReset link = new PasswordReset(user, "hash", "127.0.0.1", MADE, EXPIRES);

        assertThat(PasswordResetRules.state(link, true, user.getSessionStamp(), MADE))
                .isEqualTo(LinkState.USABLE);
        assertThat(PasswordResetRules.state(link, true, user.getSessionStamp(), EXPIRES.minusMillis(1)))
                .isEqualTo(LinkState.USABLE);
        assertThat(PasswordResetRules.state(link, true, user.getSessionStamp(), EXPIRES))
                .isEqualTo(LinkState.EXPIRED);
    }

    @Test
    void aLinkWorksOnce() {
        UserAccount user = partner();
        PasswordReset link = new PasswordReset(user, "hash", "127.0.0.1", MADE, EXPIRES);

        link.end(PasswordReset.Ended.USED, MADE.plusSeconds(60));
        link.end(PasswordReset.Ended.REPLACED, MADE.plusSeconds(90));

        assertThat(PasswordResetRules.state(link, true, user.getSessionStamp(), MADE.plusSeconds(120)))
                .isEqualTo(LinkState.USED);
        assertThat(link.getEndedAt()).isEqualTo(MADE.plusSeconds(60));
    }

    @Test
    void aNewerLinkOrAPasswordChangeOrADisabledAccountEndsALink() {
        UserAccount user = partner();
        PasswordReset replaced = new PasswordReset(user, "hash-1", "127.0.0.1", MADE, EXPIRES);
        replaced.end(PasswordReset.Ended.REPLACED, MADE.plusSeconds(30));
        PasswordReset open = new PasswordReset(user, "hash-2", "127.0.0.1", MADE, EXPIRES);
        Instant now = MADE.plusSeconds(60);

        assertThat(PasswordResetRules.state(replaced, true, user.getSessionStamp(), now))
                .isEqualTo(LinkState.REPLACED);
        assertThat(PasswordResetRules.state(open, false, user.getSessionStamp(), now))
                .isEqualTo(LinkState.REPLACED);
        user.endSessions(); // a password change, by the partner or by staff
        assertThat(PasswordResetRules.state(open, true, user.getSessionStamp(), now))
                .isEqualTo(LinkState.REPLACED);
    }

    @Test
    void noLinkIsUnknown() {
        assertThat(PasswordResetRules.state(null, true, 0, MADE)).isEqualTo(LinkState.UNKNOWN);
    }

    private static Request withLinks(long links) {
        return new Request(false, true, false, true, true, true, false, links);
    }

    private static UserAccount partner() {
        return new UserAccount("gm", "Gina", "gm@venue.example", "hash", MADE);
    }
}
