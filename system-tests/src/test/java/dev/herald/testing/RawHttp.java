package dev.herald.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for requests no ordinary client sends: a Content-Length that
 * promises more than is sent, or a chunked body that would go on for megabytes. The body is written
 * on a thread of its own while the answer is awaited, and writing stops as soon as the server
 * answers (or stops reading, or closes the connection), so the test measures what the server did,
 * not how long the client went on sending.
 */
public final class RawHttp {

    /** The server's answer, how many body bytes the client got to send, and how long the answer took. */
    public record Answer(int status, Map<String, String> headers, String body, long bodyBytesSent, Duration took) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final byte[] PIECE = new byte[64 * 1024];

    static {
        Arrays.fill(PIECE, (byte) ' ');
    }

    private RawHttp() {}

    /**
     * Sends {@code method path} with a body of up to {@code bodyBytes} spaces: chunked when
     * {@code declaredLength} is negative, else with that Content-Length (which may be larger than
     * what is sent).
     */
    public static Answer send(String method, String path, String authorization, long declaredLength, long bodyBytes) {
        long started = System.nanoTime();
        boolean chunked = declaredLength < 0;
        try (Socket socket = new Socket("localhost", HeraldServer.HTTP_PORT)) {
            socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n")
                    .append("Content-Type: application/json\r\n");
            if (authorization != null) {
                head.append("Authorization: ").append(authorization).append("\r\n");
            }
            head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + declaredLength + "\r\n");
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();

            AtomicBoolean answered = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> writeBody(out, chunked, bodyBytes, answered, sent), "raw-http-body");
            writer.setDaemon(true);
            writer.start();
            try {
                Answer answer = readAnswer(socket, started, sent);
                answered.set(true);
                return answer;
            } finally {
                answered.set(true);
                writer.interrupt();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + ": no answer", e);
        }
    }

    private static void writeBody(
            OutputStream out, boolean chunked, long bodyBytes, AtomicBoolean answered, AtomicLong sent) {
        try {
            while (!answered.get() && sent.get() < bodyBytes) {
                int length = (int) Math.min(PIECE.length, bodyBytes - sent.get());
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(PIECE, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(length);
            }
            if (chunked && !answered.get()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closed) {
            // The server closed the connection or stopped reading: what the test wants to see.
        }
    }

    private static Answer readAnswer(Socket socket, long started, AtomicLong sent) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection closed before an answer (" + headBytes + ")");
            }
            headBytes.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        socket.setSoTimeout(1000);
        return new Answer(status, headers, readBody(in, headers), sent.get(), took);
    }

    /** The body when its length is stated (problems always state it); else what arrives within a second. */
    private static String readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            byte[] body = in.readNBytes((int) Math.min(Long.parseLong(length), 1 << 20));
            return new String(body, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        try {
            while (System.nanoTime() < until && body.size() < (1 << 20)) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                body.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException enough) {
            // what arrived is enough to judge by
        }
        return body.toString(StandardCharsets.UTF_8);
    }
}
