package dev.herald.bench;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.herald.mail.control.Attachment;
import dev.herald.mail.control.MailComposer;
import dev.herald.mail.control.MailDispatcher;
import dev.herald.mail.control.ReportMail;
import dev.herald.mail.control.RetryPolicy;
import dev.herald.mail.control.SmtpSessions;
import dev.herald.platform.control.Jdbc;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.runs.control.DeliveryLedger;
import dev.herald.runs.control.RunFence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Mailing a report with a 200 KB attachment to many recipients through a local GreenMail: Herald's
 * delivery path (its ledger on PostgreSQL with one transaction per message over a connection pool,
 * the attachment encoded once per report, four SMTP connections kept open for all) side by side with the plain loop most code writes,
 * a new message and {@code Transport.send} per recipient. Connections are counted by the socket
 * factory both use, not assumed.
 */
public final class MailBenchmark {

    private static final int RECIPIENTS_PER_REPORT = 50;
    private static final int ATTACHMENT_BYTES = 200 * 1024;
    /** Herald's default, herald.delivery.connections. */
    private static final int CONNECTIONS = Integer.getInteger("connections", 4);

    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "sender");
        thread.setDaemon(true);
        return thread;
    });

    private MailBenchmark() {}

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        byte[] file = reportFile();
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                HikariDataSource database = pool(postgres.getPostgresDatabase())) {
            Flyway.configure()
                    .dataSource(database)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            int port = greenMail.getSmtp().getPort();
            System.out.printf(
                    "%,d messages, each with a %,d-byte attachment, to GreenMail on 127.0.0.1:%d (%d recipients per report).%n",
                    messages, file.length, port, RECIPIENTS_PER_REPORT);

            // GreenMail keeps every message in memory; a real server hands them on. Emptying its
            // mailboxes every second keeps its heap, and so its speed, the same for both contenders.
            ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "purger");
                thread.setDaemon(true);
                return thread;
            });
            purger.scheduleWithFixedDelay(
                    () -> {
                        try {
                            greenMail.purgeEmailFromAllMailboxes();
                        } catch (FolderException e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    1,
                    1,
                    TimeUnit.SECONDS);
            boolean noDelay = Boolean.getBoolean("plainNoDelay");
            int warmUp = Math.min(500, messages);
            herald(database, port, file, warmUp);
            plain(port, file, warmUp, noDelay);

            Result herald = herald(database, port, file, messages);
            Result plain = plain(port, file, messages, noDelay);
            purger.shutdownNow();

            System.out.println(herald.line("Herald (ledger on PostgreSQL, " + CONNECTIONS + " connections)"));
            System.out.println(plain.line("Plain Transport.send per message" + (noDelay ? ", TCP_NODELAY" : "")));
            System.out.printf("Herald sends %.1f× as many messages per second.%n", herald.rate() / plain.rate());
        } finally {
            greenMail.stop();
        }
    }

    /** Connections from a pool, as Payara's JDBC pool gives Herald in the server. */
    private static HikariDataSource pool(DataSource postgres) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres);
        config.setMaximumPoolSize(8);
        return new HikariDataSource(config);
    }

    record Result(int messages, double seconds, int connections) {
        double rate() {
            return messages / seconds;
        }

        String line(String who) {
            return String.format(
                    "%-48s %,7d msgs in %6.2f s = %7.1f msgs/s, %,6d SMTP connections",
                    who, messages, seconds, rate(), connections);
        }
    }

    // --- Herald

    private static Result herald(DataSource database, int port, byte[] file, int messages) throws Exception {
        // Herald's sending session, as RunExecution makes it from the server's; its socket factory
        // is wrapped to count connections.
        Session session = SmtpSessions.forSending(session(port));
        CountingSocketFactory sockets = new CountingSocketFactory(
                (SocketFactory) session.getProperties().get("mail.smtp.socketFactory"));
        session.getProperties().put("mail.smtp.socketFactory", sockets);
        long runId = prepareRun(database, messages, file.length);
        DeliveryLedger ledger = new DeliveryLedger(
                database,
                new RunFence(runId, "bench", 1),
                new RetryPolicy(Duration.ofMinutes(1), 6),
                Clock.systemUTC(),
                Duration.ofDays(30));
        MailComposer composer = new MailComposer(session, new InternetAddress("reports@theatre.example"));
        ReportMail mail = new ReportMail(
                "Herald Demo Theatre",
                "Daily Reports",
                "Yesterday's Sales",
                "Payments & Activities (detailed)",
                ZonedDateTime.now(ZoneId.of("Europe/London")),
                List.of(new ReportMail.StatedCriterion("Payment date", "Yesterday (24 Nov 2026)")),
                "yesterdays-sales.csv",
                FileFormat.CSV,
                file.length,
                2_000,
                false);
        Map<Long, Attachment> attachments = new ConcurrentHashMap<>();

        long started = System.nanoTime();
        List<MailDispatcher.Outgoing> due = ledger.due();
        MailDispatcher.Summary summary = new MailDispatcher(session, SENDERS, CONNECTIONS)
                .send(
                        due,
                        (letter, leave) -> composer.report(
                                mail,
                                new ReportMail.Copy(
                                        letter.recipient(),
                                        letter.messageId(),
                                        "Your report from Herald Demo Theatre",
                                        false,
                                        null,
                                        null,
                                        null),
                                attachments.computeIfAbsent(
                                        letter.itemId(),
                                        id -> Attachment.of("yesterdays-sales.csv", "text/csv", file))),
                        ledger);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (summary.accepted() != messages || sent(database, runId) != messages) {
            throw new IllegalStateException("Herald sent " + summary.accepted() + " of " + messages);
        }
        return new Result(messages, seconds, sockets.created.get());
    }

    /** A run with one report per 50 recipients, all rendered, every e-mail pending. */
    private static long prepareRun(DataSource database, int messages, long bytes) throws SQLException {
        return Jdbc.inTransaction(database, c -> {
            long runId = insert(
                    c,
                    "INSERT INTO run (schedule_name, run_trigger, scheduled_for, status, instance, attempt, created_at,"
                            + " heartbeat_at) VALUES ('Bench', 'MANUAL', CURRENT_TIMESTAMP, 'RUNNING', 'bench', 1,"
                            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            Instant now = Instant.now();
            for (int report = 0; report * RECIPIENTS_PER_REPORT < messages; report++) {
                long itemId = insert(
                        c,
                        "INSERT INTO run_item (run_id, position, display_name, report_key, report_name, file_format,"
                                + " csv_delimiter, deliver_as, skip_when_empty, subject, criteria, recipients, status,"
                                + " byte_count) VALUES (" + runId + ", " + report
                                + ", 'Sales', 'sales', 'Sales', 'CSV',"
                                + " 'COMMA', 'ATTACHMENT', FALSE, 'Sales', '{}', '', 'RENDERED', " + bytes + ")");
                List<DeliveryLedger.NewDelivery> deliveries = new ArrayList<>();
                for (int i = 0; i < RECIPIENTS_PER_REPORT && report * RECIPIENTS_PER_REPORT + i < messages; i++) {
                    deliveries.add(new DeliveryLedger.NewDelivery(
                            recipient(i),
                            MailComposer.messageId(runId, itemId, i, now, "reports@theatre.example"),
                            false,
                            null));
                }
                DeliveryLedger.create(c, itemId, deliveries, now);
            }
            return runId;
        });
    }

    private static long insert(Connection connection, String sql) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"id"})) {
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static int sent(DataSource database, long runId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM delivery d"
                        + " JOIN run_item i ON i.id = d.run_item_id WHERE i.run_id = ? AND d.status = 'SENT'")) {
            query.setLong(1, runId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    // --- the plain loop

    private static Result plain(int port, byte[] file, int messages, boolean noDelay) throws Exception {
        CountingSocketFactory sockets = new CountingSocketFactory(
                noDelay ? new SmtpSessions.NoDelaySocketFactory() : SocketFactory.getDefault());
        Session session = session(port);
        session.getProperties().put("mail.smtp.socketFactory", sockets);
        long started = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("reports@theatre.example"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient(i % RECIPIENTS_PER_REPORT)));
            message.setSubject("Your report from Herald Demo Theatre");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello,\n\nYour report is attached.\n", "UTF-8");
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file, "text/csv")));
            attachment.setFileName("yesterdays-sales.csv");
            attachment.setDisposition(Part.ATTACHMENT);
            MimeMultipart multipart = new MimeMultipart(text, attachment);
            message.setContent(multipart);
            Transport.send(message);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(messages, seconds, sockets.created.get());
    }

    // --- both

    /**
     * The same 50 addresses for every report and both contenders: GreenMail makes a mailbox per new
     * address, and looking one up costs more the more there are, which would measure GreenMail.
     */
    private static String recipient(int i) {
        return "r" + i + "@example.org";
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.socketFactory.fallback", "false");
        return Session.getInstance(properties);
    }

    /** A CSV report of about 200 KB, as a rendered file would be. */
    private static byte[] reportFile() {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("Payment date,Customer,Method,Amount\n");
        while (csv.length() < ATTACHMENT_BYTES) {
            csv.append("2026-11-")
                    .append(10 + random.nextInt(18))
                    .append(",Customer ")
                    .append(random.nextInt(100_000))
                    .append(",Card,")
                    .append(random.nextInt(50_000) / 100.0)
                    .append('\n');
        }
        return csv.substring(0, ATTACHMENT_BYTES).getBytes(StandardCharsets.UTF_8);
    }

    /** Counts the sockets another factory makes: the SMTP connections opened. */
    static final class CountingSocketFactory extends SocketFactory {
        final AtomicInteger created = new AtomicInteger();
        private final SocketFactory delegate;

        CountingSocketFactory(SocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            created.incrementAndGet();
            return delegate.createSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException, UnknownHostException {
            created.incrementAndGet();
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            created.incrementAndGet();
            return delegate.createSocket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            created.incrementAndGet();
            return delegate.createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            created.incrementAndGet();
            return delegate.createSocket(address, port, localAddress, localPort);
        }
    }
}
