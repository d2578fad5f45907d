package dev.herald.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The server every test of a run shares: embedded PostgreSQL, an in-process GreenMail for SMTP, and
 * a Payara domain made and started by {@code ./herald start}, exactly as a user's first start
 * makes it. Arquillian tests deploy their own archives into the domain; system tests use the whole
 * EAR, deployed once by {@link #deployHerald()}.
 */
public final class HeraldServer {

    public static final int HTTP_PORT = 18080;
    public static final int ADMIN_PORT = 14848;
    public static final String ADMIN_PASSWORD = "Herald-test-admin-1";
    private static final String DB_PASSWORD = "herald-test-db-password";
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(8);

    private static HeraldServer instance;

    private final Path root =
            Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize();
    private final Path home =
            Path.of(System.getProperty("herald.home", "target/herald")).toAbsolutePath();
    private final Path downloads =
            Path.of(System.getProperty("herald.downloads", "target/downloads")).toAbsolutePath();
    private final Path ear = Path.of(System.getProperty("herald.ear", "../ear/target/herald.ear"))
            .toAbsolutePath();

    private EmbeddedPostgres postgres;
    private GreenMail mail;
    private PGSimpleDataSource database;
    private boolean heraldDeployed;

    private HeraldServer() {}

    /** The running domain, started on first use. */
    public static synchronized HeraldServer get() {
        if (instance == null) {
            HeraldServer server = new HeraldServer();
            server.start();
            instance = server;
        }
        return instance;
    }

    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    /** Deploys the whole EAR, once per run, and waits until its health check is UP. */
    public synchronized void deployHerald() {
        if (!heraldDeployed) {
            runScript("start", "--no-build");
            heraldDeployed = true;
        }
    }

    public String baseUrl() {
        return "http://localhost:" + HTTP_PORT;
    }

    public DataSource database() {
        return database;
    }

    public GreenMail mail() {
        return mail;
    }

    public String asadminPassword() {
        try {
            String line = Files.readString(home.resolve("asadmin-password")).strip();
            return line.substring(line.indexOf('=') + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            createDatabase();
            mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            runScript("start", "--no-build", "--no-deploy");
            System.setProperty("herald.it.adminPort", String.valueOf(ADMIN_PORT));
            System.setProperty("herald.it.adminPassword", asadminPassword());
        } catch (IOException | SQLException e) {
            stop();
            throw new IllegalStateException("Could not start the test server", e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE herald LOGIN PASSWORD '" + DB_PASSWORD + "'");
            statement.execute("CREATE DATABASE herald OWNER herald");
        }
        database = new PGSimpleDataSource();
        database.setURL(jdbcUrl());
        database.setUser("herald");
        database.setPassword(DB_PASSWORD);
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/herald";
    }

    private void stop() {
        try {
            if (Files.exists(home.resolve("domains"))) {
                runScript("stop");
            }
        } finally {
            if (mail != null) {
                mail.stop();
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the test run is over
                }
            }
        }
    }

    private void runScript(String... arguments) {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("herald").toString()));
        command.addAll(List.of(arguments));
        Path log = home.getParent().resolve("herald-script.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        try {
            Files.createDirectories(home);
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "./herald " + String.join(" ", arguments) + " did not finish; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./herald " + String.join(" ", arguments) + " failed:\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("HERALD_HOME", home.toString()),
                Map.entry("HERALD_DOWNLOADS", downloads.toString()),
                Map.entry("HERALD_EAR", ear.toString()),
                Map.entry("HERALD_HTTP_PORT", String.valueOf(HTTP_PORT)),
                Map.entry("HERALD_ADMIN_PORT", String.valueOf(ADMIN_PORT)),
                Map.entry("HERALD_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("HERALD_DB_URL", jdbcUrl()),
                Map.entry("HERALD_DB_USER", "herald"),
                Map.entry("HERALD_DB_PASSWORD", DB_PASSWORD),
                Map.entry("HERALD_SMTP_HOST", "127.0.0.1"),
                Map.entry("HERALD_SMTP_PORT", String.valueOf(mail.getSmtp().getPort())),
                Map.entry("HERALD_SMTP_TLS", "none"),
                Map.entry("HERALD_MAIL_FROM", "herald@test.example"),
                Map.entry("HERALD_SCHEDULER_TICK", "PT1S"));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
