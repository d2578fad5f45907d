package dev.herald.platform.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as JSON-B reads it, checked byte by byte as it streams: at most {@code limit}
 * bytes, well-formed UTF-8 (RFC 8259 allows no other encoding), and arrays and objects nested at
 * most {@code maxDepth} deep. The first byte past a bound stops the reading with {@link Refused}, so
 * a body without Content-Length (or with a false one) is never read whole, and nothing is buffered.
 *
 * <p>UTF-8 is checked here because the JSON parser decodes with replacement: invalid bytes would
 * silently become U+FFFD in names and criteria. The NUL character (U+0000) is refused too:
 * PostgreSQL cannot store it in text, so a name holding one would fail only when saved. Nesting is counted on the bytes (outside strings,
 * whose escapes are followed), since a continuation byte of UTF-8 can never be a bracket or quote.
 */
final class BoundedJsonStream extends FilterInputStream {

    /** Why a body was refused, with the HTTP status that says so. */
    static final class Refused extends IOException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    private final long limit;
    private final int maxDepth;
    private final boolean json;
    private long count;
    private long position;

    // UTF-8: continuation bytes still expected, and the range the next one must fall in (which
    // rules out overlong forms, surrogates and code points above U+10FFFF).
    private int pending;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    // JSON structure: the depth of arrays and objects, and whether we are inside a string.
    private int depth;
    private boolean inString;
    private boolean escaped;
    // A Unicode escape in a string (backslash, u, four hex digits): digits still to come, value so far.
    private int hexLeft;
    private int hexValue;

    /**
     * @param json whether the body is JSON: the UTF-8 and nesting checks apply only then; the size
     *     limit always does
     */
    BoundedJsonStream(InputStream body, long limit, int maxDepth, boolean json) {
        super(body);
        this.limit = limit;
        this.maxDepth = maxDepth;
        this.json = json;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            atEnd();
            return b;
        }
        count(1);
        check(b);
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read < 0) {
            atEnd();
            return read;
        }
        count(read);
        for (int i = offset; i < offset + read; i++) {
            check(buffer[i] & 0xFF);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes are read and checked like the rest: a reader that skips cannot get past a bound.
        byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int read = read(buffer, 0, buffer.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** The bytes read so far. */
    long bytesRead() {
        return count;
    }

    private void count(int read) throws Refused {
        count += read;
        if (count > limit) {
            throw new Refused(413, "The body is larger than the " + limit + " bytes the API takes.");
        }
    }

    private void atEnd() throws Refused {
        if (json && pending > 0) {
            throw notUtf8();
        }
    }

    private void check(int b) throws Refused {
        if (!json) {
            return;
        }
        position++;
        utf8(b);
        if (b < 0x80) {
            structure(b);
        }
    }

    private void utf8(int b) throws Refused {
        if (pending > 0) {
            if (b < nextLow || b > nextHigh) {
                throw notUtf8();
            }
            pending--;
            nextLow = 0x80;
            nextHigh = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            nextLow = b == 0xE0 ? 0xA0 : 0x80;
            nextHigh = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            nextLow = b == 0xF0 ? 0x90 : 0x80;
            nextHigh = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw notUtf8();
        }
    }

    private void structure(int b) throws Refused {
        if (inString) {
            if (hexLeft > 0) {
                hexValue = hexValue * 16 + Character.digit(b, 16);
                if (--hexLeft == 0 && hexValue == 0) {
                    throw new Refused(
                            400, "The body holds the NUL character (\\u0000), which no text in Herald can hold.");
                }
            } else if (escaped) {
                escaped = false;
                if (b == 'u') {
                    hexLeft = 4;
                    hexValue = 0;
                }
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        if (b == '"') {
            inString = true;
        } else if (b == '{' || b == '[') {
            depth++;
            if (depth > maxDepth) {
                throw new Refused(
                        400,
                        "The body nests arrays and objects more than " + maxDepth + " deep; the API takes no more.");
            }
        } else if ((b == '}' || b == ']') && depth > 0) {
            depth--;
        }
    }

    private Refused notUtf8() {
        return new Refused(400, "The body is not UTF-8: byte " + position + " is not part of a valid character.");
    }
}
