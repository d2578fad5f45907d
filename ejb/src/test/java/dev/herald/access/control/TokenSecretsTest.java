package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

    @Test
    void aSecretCarries256RandomBits() {
        String secret = TokenSecrets.newSecret();

        assertThat(secret).startsWith("hrld_");
        assertThat(Base64.getUrlDecoder().decode(secret.substring(5))).hasSize(32);
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(TokenSecrets.newSecret());
        }

        assertThat(secrets).hasSize(1000);
    }

    @Test
    void theDigestIsSha256InHex() {
        assertThat(TokenSecrets.digest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyHeraldShapedCandidatesAreLookedUp() {
        assertThat(TokenSecrets.looksLikeSecret(TokenSecrets.newSecret())).isTrue();
        assertThat(TokenSecrets.looksLikeSecret("eyJhbGciOiJIUzI1NiJ9.e30.x")).isFalse();
        assertThat(TokenSecrets.looksLikeSecret(null)).isFalse();
        assertThat(TokenSecrets.looksLikeSecret("hrld_" + "x".repeat(300))).isFalse();
    }

    @Test
    void theShownPrefixIsShortAndPartOfTheSecret() {
        String secret = TokenSecrets.newSecret();

        assertThat(TokenSecrets.shownPrefix(secret)).hasSize(12).isEqualTo(secret.substring(0, 12));
    }
}
