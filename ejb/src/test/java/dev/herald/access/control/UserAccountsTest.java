package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.entity.UserAccount;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserAccountsTest {

    private static final UserAccount GM = new UserAccount("gm", "Gina", "gm@venue.example", "hash", Instant.EPOCH);
    private static final UserAccount OTHER =
            new UserAccount("gm@venue.example", "Other", "other@venue.example", "hash", Instant.EPOCH);

    @Test
    void theUserNameAloneFindsItsAccount() {
        UserAccounts.Found found = UserAccounts.decide(Optional.of(GM), Optional.empty());

        assertThat(found.account()).containsSame(GM);
        assertThat(found.ambiguous()).isFalse();
    }

    @Test
    void theAddressAloneFindsItsAccount() {
        UserAccounts.Found found = UserAccounts.decide(Optional.empty(), Optional.of(GM));

        assertThat(found.account()).containsSame(GM);
        assertThat(found.ambiguous()).isFalse();
    }

    @Test
    void aUserNameThatIsTheSameAccountsAddressIsThatAccount() {
        UserAccounts.Found found = UserAccounts.decide(Optional.of(GM), Optional.of(GM));

        assertThat(found.account()).containsSame(GM);
        assertThat(found.ambiguous()).isFalse();
    }

    @Test
    void oneAccountsUserNameAndAnothersAddressFindNeither() {
        UserAccounts.Found found = UserAccounts.decide(Optional.of(OTHER), Optional.of(GM));

        assertThat(found.account()).isEmpty();
        assertThat(found.ambiguous()).isTrue();
    }

    @Test
    void nothingFindsNothing() {
        UserAccounts.Found found = UserAccounts.decide(Optional.empty(), Optional.empty());

        assertThat(found.account()).isEmpty();
        assertThat(found.ambiguous()).isFalse();
    }
}
