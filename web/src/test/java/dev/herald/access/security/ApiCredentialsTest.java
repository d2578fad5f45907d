package dev.herald.access.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.boundary.Channel;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.boundary.TokenCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ApiCredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicSplitsAtTheFirstColonSoPasswordsMayContainColons() {
        PasswordCredential credential =
                (PasswordCredential) HeraldAuthenticationMechanism.apiCredential(basic("zoë:pa:ss wörd"), "10.1.1.1");

        assertThat(credential.getCaller()).isEqualTo("zoë");
        assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss wörd");
        assertThat(credential.channel()).isEqualTo(Channel.API);
        assertThat(credential.remoteAddress()).isEqualTo("10.1.1.1");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(HeraldAuthenticationMechanism.apiCredential("bearer hrld_abc", "::1"))
                .isEqualTo(new TokenCredential("hrld_abc", "::1"));
        assertThat(HeraldAuthenticationMechanism.apiCredential(basic("a:b").replace("Basic", "BASIC"), "::1"))
                .isInstanceOf(PasswordCredential.class);
    }

    @Test
    void malformedHeadersAreNotCredentials() {
        assertThat(HeraldAuthenticationMechanism.apiCredential("Basic !!!not-base64", "::1"))
                .isNull();
        assertThat(HeraldAuthenticationMechanism.apiCredential(basic("no-colon"), "::1"))
                .isNull();
        assertThat(HeraldAuthenticationMechanism.apiCredential("Negotiate abc", "::1"))
                .isNull();
        assertThat(HeraldAuthenticationMechanism.apiCredential("Bearer", "::1")).isNull();
    }
}
