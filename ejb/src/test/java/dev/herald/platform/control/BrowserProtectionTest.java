package dev.herald.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrowserProtectionTest {

    @Test
    void theSameHostAndPortIsTheSameSite() {
        assertThat(BrowserProtection.sameHost("http://localhost:8080", "localhost:8080"))
                .isTrue();
        assertThat(BrowserProtection.sameHost("https://herald.example.org/console/x", "herald.example.org"))
                .isTrue();
        assertThat(BrowserProtection.sameHost("https://Herald.Example.org", "herald.example.org:443"))
                .isTrue();
    }

    @Test
    void anotherHostOrPortIsAnotherSite() {
        assertThat(BrowserProtection.sameHost("https://evil.example", "herald.example.org"))
                .isFalse();
        assertThat(BrowserProtection.sameHost("http://localhost:9999", "localhost:8080"))
                .isFalse();
        assertThat(BrowserProtection.sameHost("https://herald.example.org.evil.example", "herald.example.org"))
                .isFalse();
    }

    @Test
    void anOpaqueOrMalformedOriginIsNeverTheSameSite() {
        assertThat(BrowserProtection.sameHost("null", "localhost:8080")).isFalse();
        assertThat(BrowserProtection.sameHost("not a url", "localhost:8080")).isFalse();
        assertThat(BrowserProtection.sameHost("http://localhost:8080", null)).isFalse();
    }
}
