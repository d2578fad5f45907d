package dev.herald.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"finance@example.org", "first.last+tag@sub.example.co.uk", "o'brien@example.ie"})
    void plainAddressesAreValid(String address) {
        assertThat(EmailAddresses.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bob@",
                "@example.org",
                "bob@localhost",
                "Bob <bob@example.org>",
                "bob@exa mple.org",
                "bob@@example.org"
            })
    void otherThingsAreNot(String address) {
        assertThat(EmailAddresses.isValid(address)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a@example.org, b@example.org",
                "a@example.org;b@example.org",
                "a@example.org\nb@example.org , A@EXAMPLE.ORG"
            })
    void listsSplitOnCommasSemicolonsAndLines(String typed) {
        assertThat(EmailAddresses.split(List.of(typed))).containsExactly("a@example.org", "b@example.org");
    }
}
