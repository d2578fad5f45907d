package dev.herald.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP requests to the deployed Herald from a loopback address of the test's choosing
 * (127.x.y.z): the server sees them as coming from different machines, which is what sign-in
 * throttling counts by. Java's HTTP client cannot choose its source address, so this speaks plain
 * HTTP/1.0 over a socket bound to it. Tests that make many failed sign-ins should make them from an
 * address of their own, so that they do not use up what 127.0.0.1 may fail for the other tests.
 */
public final class FromAddress {

    /** The status line's code, the body, and how long the whole exchange took. */
    public record Answer(int status, String body, Duration took) {}

    private final String source;

    private FromAddress(String source) {
        this.source = source;
    }

    public static FromAddress of(String source) {
        return new FromAddress(source);
    }

    /** An address no other test uses: 127.0.0.1 and 127.0.0.0/24 are left alone. */
    public static FromAddress fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return of("127." + (1 + random.nextInt(254)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
    }

    public String address() {
        return source;
    }

    public Answer get(String path, String authorization) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(source, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", HeraldServer.HTTP_PORT), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.0\r\n"
                            + "Host: localhost:" + HeraldServer.HTTP_PORT + "\r\n"
                            + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                            + "Accept: application/json\r\n"
                            + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = readAll(socket.getInputStream());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Answer(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4), took);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from " + source, e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
