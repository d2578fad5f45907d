package dev.herald.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP relay in front of GreenMail that tests can turn against Herald: closed (connections
 * refused, as when the mail server is down), busy (every connection answered 421, as a server that
 * is overloaded or shutting down), without STARTTLS (as a relay misconfigured while Herald requires
 * TLS), or refusing chosen recipients with a permanent 550, as a real server refuses an unknown
 * mailbox. It offers STARTTLS itself (with a certificate Herald is told to trust) and passes every
 * command and message through to GreenMail in plain text, line by line, so GreenMail receives
 * exactly what Herald sent.
 */
public final class SmtpGate {

    private final int port;
    private final int upstreamPort;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "smtp-gate");
        thread.setDaemon(true);
        return thread;
    });
    private final SSLContext tls;
    private volatile ServerSocket listener;
    private volatile boolean busy;
    private volatile boolean offersStartTls = true;

    /** A gate that offers STARTTLS with {@code tls} (null: plain only). */
    public SmtpGate(int port, int upstreamPort, SSLContext tls) {
        this.port = port;
        this.upstreamPort = upstreamPort;
        this.tls = tls;
    }

    /** While busy, every connection is answered "421 try again later" and closed. */
    public void busy(boolean busy) {
        this.busy = busy;
    }

    /** Whether the gate offers STARTTLS (the default when it has a certificate). */
    public void offerStartTls(boolean offer) {
        this.offersStartTls = offer;
    }

    public int port() {
        return port;
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    public synchronized void open() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = socket;
        threads.execute(() -> accept(socket));
    }

    /** Closes the door: new connections are refused until {@link #open()}. */
    public synchronized void close() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    /** Answers 550 to RCPT TO for this address from now on. */
    public void refuse(String address) {
        refused.add(address.toLowerCase(Locale.ROOT));
    }

    /** Accepts this address again. */
    public void allow(String address) {
        refused.remove(address.toLowerCase(Locale.ROOT));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                threads.execute(() -> relay(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        if (busy) {
            try (client) {
                write(client.getOutputStream(), "421 4.3.2 Service not available, try again later");
            } catch (IOException e) {
                // it went away first
            }
            return;
        }
        try (client;
                Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
            Socket talking = client;
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            OutputStream toClient = client.getOutputStream();
            InputStream fromServer = new BufferedInputStream(server.getInputStream());
            OutputStream toServer = server.getOutputStream();
            boolean secured = false;
            passReply(fromServer, toClient);
            String line;
            while ((line = readLine(fromClient)) != null) {
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("RCPT TO:") && refused.contains(address(line))) {
                    write(toClient, "550 5.1.1 <" + address(line) + ">: mailbox unavailable");
                    continue;
                }
                boolean startTls = tls != null && offersStartTls && !secured;
                if (upper.equals("STARTTLS")) {
                    if (!startTls) {
                        write(toClient, "502 5.5.1 STARTTLS is not offered here");
                        continue;
                    }
                    write(toClient, "220 2.0.0 Ready to start TLS");
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory()
                            .createSocket(talking, talking.getInetAddress().getHostAddress(), talking.getPort(), true);
                    secure.setUseClientMode(false);
                    secure.startHandshake();
                    talking = secure;
                    fromClient = new BufferedInputStream(secure.getInputStream());
                    toClient = secure.getOutputStream();
                    secured = true;
                    continue;
                }
                write(toServer, line);
                if (upper.startsWith("EHLO")) {
                    List<String> reply = readReply(fromServer);
                    for (int i = reply.size() - 1; i >= 1; i--) {
                        if (reply.get(i).length() > 4
                                && reply.get(i).substring(4).equalsIgnoreCase("STARTTLS")) {
                            reply.remove(i);
                        }
                    }
                    if (startTls && reply.get(0).startsWith("250")) {
                        reply.add("250 STARTTLS");
                    }
                    for (int i = 0; i < reply.size(); i++) {
                        String text = reply.get(i).length() > 4 ? reply.get(i).substring(4) : "";
                        write(toClient, reply.get(i).substring(0, 3) + (i < reply.size() - 1 ? "-" : " ") + text);
                    }
                    continue;
                }
                String reply = passReply(fromServer, toClient);
                if (upper.equals("DATA") && reply.startsWith("354")) {
                    String data;
                    while ((data = readLine(fromClient)) != null) {
                        write(toServer, data);
                        if (data.equals(".")) {
                            break;
                        }
                    }
                    passReply(fromServer, toClient);
                } else if (upper.equals("QUIT") || reply.isEmpty()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client or GreenMail went away: the connection ends
        }
    }

    /** Reads one (possibly multi-line) SMTP reply. */
    private static List<String> readReply(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                throw new IOException("GreenMail closed the connection");
            }
            lines.add(line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    private static String address(String rcpt) {
        int open = rcpt.indexOf('<');
        int close = rcpt.indexOf('>');
        String address = open >= 0 && close > open ? rcpt.substring(open + 1, close) : rcpt.substring(8);
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Copies one (possibly multi-line) SMTP reply; answers its last line. */
    private static String passReply(InputStream in, OutputStream out) throws IOException {
        String line;
        do {
            line = readLine(in);
            if (line == null) {
                return "";
            }
            write(out, line);
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
