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

    /**
     * The test domain's HTTP port; every other port moves with it ({@code -Dherald.it.httpPort=28080}
     * lets a second checkout run its system tests beside this one).
     */
    public static final int HTTP_PORT = Integer.getInteger("herald.it.httpPort", 18080);

    public static final int ADMIN_PORT = HTTP_PORT - 3232;
    public static final int SECOND_HTTP_PORT = HTTP_PORT + 100;
    public static final int SECOND_ADMIN_PORT = ADMIN_PORT + 100;
    public static final int SEPARATE_HTTP_PORT = HTTP_PORT + 200;
    public static final int SEPARATE_ADMIN_PORT = ADMIN_PORT + 200;
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
    private SmtpGate smtpGate;
    private PGSimpleDataSource database;
    private boolean heraldDeployed;
    private final Map<String, String> settings = new java.util.HashMap<>();

    /** Whether the test tuning applies: for tests, not for benchmarks. */
    private boolean tuned = true;

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

    /**
     * Starts the shared server as Herald ships (none of the test tuning) with some settings changed:
     * for benchmarks. It must be the first use of the server in this JVM.
     */
    public static synchronized HeraldServer startWith(Map<String, String> settings) {
        if (instance != null) {
            throw new IllegalStateException("The server is already running");
        }
        HeraldServer server = new HeraldServer();
        server.tuned = false;
        server.settings.putAll(settings);
        server.start();
        instance = server;
        return instance;
    }

    /** Stops the shared server, if it is running: for programs that use it outside a test run. */
    public static synchronized void stopIfStarted() {
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

    /** The process id of the Payara server, from the domain's pid file. */
    public long pid() {
        try {
            return Long.parseLong(
                    Files.readString(home.resolve("domains/herald/config/pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password of the test database's user, for tools that connect on their own. */
    public static String databasePassword() {
        return DB_PASSWORD;
    }

    public DataSource database() {
        return database;
    }

    /**
     * The database server's own superuser, for tests that watch what any account does (another
     * role's queries in {@code pg_stat_activity} are hidden from Herald's role).
     */
    public DataSource superuserDatabase() {
        return postgres.getDatabase("postgres", "herald");
    }

    public GreenMail mail() {
        return mail;
    }

    /** The SMTP relay Herald sends through: tests close it, or make it refuse recipients. */
    public SmtpGate smtpGate() {
        return smtpGate;
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
            smtpGate = new SmtpGate(freePort(), mail.getSmtp().getPort(), SmtpCertificate.tls(home));
            smtpGate.open();
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

    /**
     * Herald's database as an administrator would make it for Herald: owned by Herald's role, which
     * may create roles (Herald makes the read-only account reports run as), with the schema public
     * Herald's own, as PostgreSQL 15 and later give it to the database owner.
     */
    private void createDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE herald LOGIN CREATEROLE PASSWORD '" + DB_PASSWORD + "'");
            statement.execute("CREATE DATABASE herald OWNER herald");
        }
        try (Connection connection = postgres.getDatabase("postgres", "herald").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO herald");
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
            if (separate != null) {
                separate.stop();
            }
            Path secondHome = home.resolveSibling("herald-2");
            if (Files.exists(secondHome.resolve("domains"))) {
                runScript(
                        Map.of(
                                "HERALD_HOME",
                                secondHome.toString(),
                                "HERALD_HTTP_PORT",
                                String.valueOf(SECOND_HTTP_PORT)),
                        "stop");
            }
        } finally {
            if (smtpGate != null) {
                try {
                    smtpGate.close();
                } catch (IOException ignored) {
                    // the test run is over
                }
            }
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

    /**
     * A second Herald on the same PostgreSQL, with its own domain and ports, for cluster tests. It
     * is made and deployed by the run command like the first.
     */
    public synchronized SecondInstance startSecondInstance() {
        Path secondHome = home.resolveSibling("herald-2");
        Map<String, String> overrides = Map.of(
                "HERALD_HOME", secondHome.toString(),
                "HERALD_HTTP_PORT", String.valueOf(SECOND_HTTP_PORT),
                "HERALD_ADMIN_PORT", String.valueOf(SECOND_ADMIN_PORT),
                "HERALD_INSTANCE_NAME", "node-2");
        runScript(overrides, "start", "--no-build");
        return new SecondInstance(secondHome, "http://localhost:" + SECOND_HTTP_PORT);
    }

    /**
     * A Herald of its own, alone on a database of its own in the same PostgreSQL, with these
     * settings besides the tests' tuning: for a test that must stop every instance of a Herald (the
     * shared instances never stop, so they would cover any downtime of this one's).
     */
    public synchronized Separate startSeparate(String name, Map<String, String> extra) {
        if (separate != null) {
            throw new IllegalStateException("One separate Herald at a time");
        }
        String databaseName = "herald_" + name;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + databaseName + " OWNER herald");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection connection =
                        postgres.getDatabase("postgres", databaseName).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO herald");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        PGSimpleDataSource separateDatabase = new PGSimpleDataSource();
        separateDatabase.setURL("jdbc:postgresql://localhost:" + postgres.getPort() + "/" + databaseName);
        separateDatabase.setUser("herald");
        separateDatabase.setPassword(DB_PASSWORD);
        Map<String, String> overrides = new java.util.HashMap<>(extra);
        overrides.put("HERALD_HOME", home.resolveSibling("herald-" + name).toString());
        overrides.put("HERALD_HTTP_PORT", String.valueOf(SEPARATE_HTTP_PORT));
        overrides.put("HERALD_ADMIN_PORT", String.valueOf(SEPARATE_ADMIN_PORT));
        overrides.put("HERALD_INSTANCE_NAME", name);
        overrides.put("HERALD_DB_URL", separateDatabase.getURL());
        overrides.put("HERALD_REPORTING_DB_USER", databaseName + "_reporting");
        separate = new Separate(Map.copyOf(overrides), separateDatabase);
        separate.start();
        return separate;
    }

    private Separate separate;

    /** A Herald of its own ({@link #startSeparate}): where it answers, its database, start and stop. */
    public final class Separate {
        private final Map<String, String> overrides;
        private final DataSource database;

        private Separate(Map<String, String> overrides, DataSource database) {
            this.overrides = overrides;
            this.database = database;
        }

        public String baseUrl() {
            return "http://localhost:" + SEPARATE_HTTP_PORT;
        }

        public DataSource database() {
            return database;
        }

        /** ./herald start: the first time it makes the domain and deploys Herald. */
        public void start() {
            runScript(overrides, "start", "--no-build");
        }

        /** ./herald stop: a clean stop, as an operator stops Herald. */
        public void stop() {
            if (Files.exists(Path.of(overrides.get("HERALD_HOME")).resolve("domains"))) {
                runScript(overrides, "stop");
            }
        }
    }

    /** The second instance: where it answers, and how to kill it the hard way. */
    public record SecondInstance(Path home, String baseUrl) {

        public long pid() {
            try {
                return Long.parseLong(Files.readString(home.resolve("domains/herald/config/pid"))
                        .strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** kill -9: no shutdown hooks, no hand-back of claimed runs. */
        public void kill() {
            ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
        }

        public boolean isAlive() {
            return Files.exists(home.resolve("domains/herald/config/pid"))
                    && ProcessHandle.of(pid()).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    private void runScript(String... arguments) {
        runScript(Map.of(), arguments);
    }

    private void runScript(Map<String, String> overrides, String... arguments) {
        List<String> command =
                new ArrayList<>(List.of("bash", root.resolve("herald").toString()));
        command.addAll(List.of(arguments));
        Path log = home.getParent().resolve("herald-script.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        if (tuned) {
            builder.environment().putAll(TEST_TUNING);
        }
        builder.environment().putAll(settings);
        builder.environment().putAll(overrides);
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
                Map.entry("HERALD_INSTANCE_NAME", "node-1"),
                Map.entry("HERALD_ADMIN_PORT", String.valueOf(ADMIN_PORT)),
                Map.entry("HERALD_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("HERALD_DB_URL", jdbcUrl()),
                Map.entry("HERALD_DB_USER", "herald"),
                Map.entry("HERALD_DB_PASSWORD", DB_PASSWORD),
                Map.entry("HERALD_SMTP_HOST", "127.0.0.1"),
                Map.entry("HERALD_SMTP_PORT", String.valueOf(smtpGate.port())),
                // As in production: STARTTLS required. The gate's certificate is its own, so Herald
                // is told to trust that host (HERALD_SMTP_TRUST), as for a relay with a private CA.
                Map.entry("HERALD_SMTP_TLS", "starttls"),
                Map.entry("HERALD_SMTP_TRUST", "127.0.0.1"),
                Map.entry("HERALD_MAIL_FROM", "herald@test.example"));
    }

    /**
     * What tests change from the shipped settings so that they see things happen in seconds; a
     * benchmark ({@link #startWith}) runs Herald as it ships instead.
     */
    private static final Map<String, String> TEST_TUNING = Map.ofEntries(
            Map.entry("HERALD_SCHEDULER_TICK", "PT1S"),
            // Make each run take a while before it renders, so that tests can catch runs in
            // progress, and take over a stopped instance's runs after 10 seconds.
            Map.entry("HERALD_RUNS_SIMULATED_WORK", "PT1S"),
            Map.entry("HERALD_RUNS_HEARTBEAT_TIMEOUT", "PT10S"),
            // Hold at most 20 runs at once (the default is 1,000), so that a test can make a backlog
            // of due runs that waits for claiming longer than the misfire threshold.
            Map.entry("HERALD_RUNS_MAX_IN_FLIGHT", "20"),
            // Retry a failed e-mail after 1, 2, 4, … 64 seconds rather than minutes (seven retries).
            Map.entry("HERALD_DELIVERY_RETRY_INITIAL", "PT1S"),
            Map.entry("HERALD_DELIVERY_MAX_TRIES", "8"),
            // Ask the database what the reporting account may do every few seconds, not minutes.
            Map.entry("HERALD_REPORTING_RECHECK", "PT3S"),
            // Housekeeping looks every two seconds rather than every hour, so that tests see a purge
            // soon after they move a run's time past its retention.
            Map.entry("HERALD_HOUSEKEEPING_INTERVAL", "PT2S"),
            // New-password links work for 40 seconds rather than 30 minutes, so that a test sees one expire.
            Map.entry("HERALD_PASSWORD_RESET_LIFETIME", "PT40S"));

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
