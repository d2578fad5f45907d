package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1",
        "203.0.113.7, 203.0.113.7",
        "'  198.51.100.1 ', 198.51.100.1",
        "::ffff:192.0.2.5, 192.0.2.5",
        "0:0:0:0:0:0:0:1, ::/64",
        "::1, ::/64",
        "[::1], ::/64",
        "2001:db8:1:2:aaaa:bbbb:cccc:dddd, 2001:db8:1:2::/64",
        "2001:DB8:1:2::1, 2001:db8:1:2::/64",
        "2001:db8::1234, 2001:db8::/64",
        "fe80::1%eth0, fe80::/64",
        "2001:0:0:1:ffff:0:0:0, 2001:0:0:1::/64"
    })
    void addressesAreCountedAsIPv4OrByTheirIPv6Slash64(String remote, String group) {
        assertThat(ClientAddress.group(remote)).isEqualTo(group);
    }

    @Test
    void twoAddressesOfOneIPv6NetworkAreOneGroup() {
        assertThat(ClientAddress.group("2001:db8:7:8::1")).isEqualTo(ClientAddress.group("2001:db8:7:8:ffff::2"));
        assertThat(ClientAddress.group("2001:db8:7:8::1")).isNotEqualTo(ClientAddress.group("2001:db8:7:9::1"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"localhost", "example.org", "999.1.1.1", "1.2.3", "1:2:3", "not:an:address:at:all:zz"})
    void anythingButAnAddressIsUnknownAndNeverLookedUp(String remote) {
        assertThat(ClientAddress.group(remote)).isEqualTo(ClientAddress.UNKNOWN);
    }

    @Test
    void aHugeValueIsUnknownToo() {
        assertThat(ClientAddress.group("1".repeat(10_000))).isEqualTo(ClientAddress.UNKNOWN);
    }
}
