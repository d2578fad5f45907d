package dev.herald.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A request body read within its bounds: size, UTF-8 and nesting, checked as it streams. */
class BoundedJsonStreamTest {

    private static byte[] readAll(byte[] body, long limit, int depth) throws IOException {
        try (InputStream in = new BoundedJsonStream(new ByteArrayInputStream(body), limit, depth, true)) {
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOrdinaryBodyPassesUnchanged() throws IOException {
        byte[] body = utf8(
                "{\"name\": \"Zoë's \\\"[report]\\\" — Дмитрий 😀\", \"items\": [{\"criteria\": {\"d\": {\"from\": \"2026-01-01\"}}}]}");

        assertThat(readAll(body, 1024, 5)).isEqualTo(body);
    }

    @Test
    void theFirstByteOverTheLimitStopsTheReadingWith413() {
        byte[] body = new byte[2048];
        java.util.Arrays.fill(body, (byte) ' ');
        CountingStream source = new CountingStream(body);

        assertThatThrownBy(() -> {
                    try (InputStream in = new BoundedJsonStream(source, 1000, 32, true)) {
                        byte[] buffer = new byte[100];
                        while (in.read(buffer) >= 0) {
                            // reading on, as a parser would
                        }
                    }
                })
                .isInstanceOfSatisfying(BoundedJsonStream.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(413);
                    assertThat(refused.getMessage()).contains("1000 bytes");
                });
        assertThat(source.read).as("bytes taken from the connection").isLessThanOrEqualTo(1100);
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        byte[] body = utf8("[1,2,3]");

        assertThat(readAll(body, body.length, 32)).isEqualTo(body);
    }

    @Test
    void nestingDeeperThanAllowedIsRefusedWith400() {
        String deep = "[".repeat(33) + "]".repeat(33);

        assertThatThrownBy(() -> readAll(utf8(deep), 1024, 32))
                .isInstanceOfSatisfying(BoundedJsonStream.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("32 deep");
                });
    }

    @Test
    void bracketsInsideStringsAndEscapedQuotesDoNotCount() throws IOException {
        String brackets = "{\"a\": \"" + "[{".repeat(100) + "\\\"" + "[{".repeat(100) + "\", \"b\": [[[1]]]}";

        assertThat(readAll(utf8(brackets), 4096, 4)).hasSize(utf8(brackets).length);
    }

    @Test
    void nestingAtTheLimitPasses() throws IOException {
        String atLimit = "[".repeat(32) + "]".repeat(32);

        assertThat(readAll(utf8(atLimit), 1024, 32)).hasSize(64);
    }

    @Test
    void invalidUtf8IsRefusedWith400() {
        byte[][] invalid = {
            {'"', (byte) 0xFF, '"'}, // never in UTF-8
            {'"', (byte) 0xC0, (byte) 0xAF, '"'}, // overlong '/'
            {'"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"'}, // overlong, three bytes
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}, // a UTF-16 surrogate
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'}, // above U+10FFFF
            {'"', (byte) 0xE2, (byte) 0x82, '"'}, // cut short
            {'"', (byte) 0x80, '"'}, // a lone continuation byte
            {'"', (byte) 0xC3} // ends inside a character
        };
        for (byte[] body : invalid) {
            assertThatThrownBy(() -> readAll(body, 1024, 32))
                    .isInstanceOfSatisfying(BoundedJsonStream.Refused.class, refused -> {
                        assertThat(refused.status()).isEqualTo(400);
                        assertThat(refused.getMessage()).contains("not UTF-8");
                    });
        }
    }

    @Test
    void theNulCharacterWrittenAsAnEscapeIsRefused() {
        assertThatThrownBy(() -> readAll(utf8("{\"name\": \"a\\u0000b\"}"), 1024, 32))
                .isInstanceOfSatisfying(BoundedJsonStream.Refused.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.getMessage()).contains("NUL");
                });
    }

    @Test
    void otherEscapesAndAnEscapedBackslashBeforeZerosPass() throws IOException {
        // Escapes of U+0001 and U+00E9 pass; an escaped backslash or quote followed by u0000 is plain text.
        byte[] body = utf8("{\"a\": \"\\u0001\\u00e9\\\\u0000\\\"u0000\"}");

        assertThat(readAll(body, 1024, 32)).isEqualTo(body);
    }

    @Test
    void everyValidEncodingLengthPasses() throws IOException {
        byte[] body = utf8("\"$ £ € 𐍈 \uFFFD\"");

        assertThat(readAll(body, 1024, 32)).isEqualTo(body);
    }

    @Test
    void aBodyThatIsNotJsonIsOnlyCounted() throws IOException {
        byte[] binary = {(byte) 0xFF, (byte) 0xFE, '[', '[', '['};
        try (InputStream in = new BoundedJsonStream(new ByteArrayInputStream(binary), 10, 1, false)) {
            assertThat(in.readAllBytes()).isEqualTo(binary);
        }
    }

    @Test
    void skippingReadsAndChecksToo() {
        byte[] body = new byte[5000];

        assertThatThrownBy(() -> {
                    try (InputStream in = new BoundedJsonStream(new ByteArrayInputStream(body), 1000, 32, true)) {
                        while (in.skip(4096) > 0) {
                            // skipping on
                        }
                    }
                })
                .isInstanceOf(BoundedJsonStream.Refused.class);
    }

    /** A body that counts how much of it was read. */
    private static final class CountingStream extends ByteArrayInputStream {
        private int read;

        CountingStream(byte[] body) {
            super(body);
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
