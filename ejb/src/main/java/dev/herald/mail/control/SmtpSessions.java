package dev.herald.mail.control;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * The mail session Herald sends with: the server's session ({@code mail/herald}) with the same
 * settings and credentials, whose plain and STARTTLS sockets send at once (TCP_NODELAY). Without
 * it, the end of each message (the lone "." after the content) waits for the server's delayed
 * acknowledgement, about 40 ms on Linux: on one connection carrying many messages that wait, not
 * the work, would set the pace. Implicit-TLS sessions ({@code mail.smtp.ssl.enable}) and sessions
 * that name their own socket factory are left as configured.
 */
public final class SmtpSessions {

    private SmtpSessions() {}

    public static Session forSending(Session configured) {
        Properties properties = new Properties();
        Properties source = configured.getProperties();
        for (String name : source.stringPropertyNames()) {
            properties.setProperty(name, source.getProperty(name));
        }
        boolean ownFactory = properties.getProperty("mail.smtp.socketFactory.class") != null
                || source.get("mail.smtp.socketFactory") != null
                || "true".equalsIgnoreCase(properties.getProperty("mail.smtp.ssl.enable"));
        if (!ownFactory) {
            properties.put("mail.smtp.socketFactory", new NoDelaySocketFactory());
        }
        String user = properties.getProperty("mail.smtp.user", properties.getProperty("mail.user"));
        String password = properties.getProperty("mail.smtp.password", properties.getProperty("mail.password"));
        Authenticator authenticator = user == null || password == null
                ? null
                : new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(user, password);
                    }
                };
        return Session.getInstance(properties, authenticator);
    }

    /** Plain sockets with Nagle's algorithm off. */
    public static final class NoDelaySocketFactory extends SocketFactory {

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(new Socket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(new Socket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(new Socket(address, port, localAddress, localPort));
        }
    }
}
