package dev.herald.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two databases Herald runs on, migrated by Flyway as the server does it, and an
 * EclipseLink persistence unit over them (resource-local, outside the server).
 */
public enum TestDatabase {
    H2 {
        private final String url = "jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

        @Override
        DataSource createDataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            // The same settings as the run command's embedded database.
            dataSource.setURL(url + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }

        @Override
        DataSource createDataSource(String user, String password, String schema) {
            JdbcDataSource dataSource = new JdbcDataSource();
            // As the run command's reporting pool: no setting that needs an administrator.
            dataSource.setURL(url + ";SCHEMA=" + schema);
            dataSource.setUser(user);
            dataSource.setPassword(password);
            return dataSource;
        }
    },
    POSTGRESQL {
        @Override
        DataSource createDataSource() {
            return postgres().getPostgresDatabase();
        }

        @Override
        DataSource createDataSource(String user, String password, String schema) {
            // The role's own settings (search path, read-only default) apply, as on the server.
            return postgres().getDatabase(user, "postgres");
        }
    };

    private static EmbeddedPostgres postgres;
    private DataSource dataSource;
    private EntityManagerFactory entityManagerFactory;

    abstract DataSource createDataSource();

    abstract DataSource createDataSource(String user, String password, String schema);

    /** The migrated database as another account (one that Herald made in it), in that schema. */
    public DataSource dataSource(String user, String password, String schema) {
        dataSource();
        return createDataSource(user, password, schema);
    }

    /**
     * A new, empty database of this kind, not migrated: for tests of a migration over data that an
     * earlier version left behind.
     */
    public DataSource emptyDataSource() {
        if (this == H2) {
            JdbcDataSource empty = new JdbcDataSource();
            empty.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            return empty;
        }
        String name = "empty_" + UUID.randomUUID().toString().replace("-", "");
        try (java.sql.Connection connection = postgres().getPostgresDatabase().getConnection();
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not make database " + name, e);
        }
        return postgres().getDatabase("postgres", name);
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stopPostgres));
        }
        return postgres;
    }

    private static void stopPostgres() {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }

    /** The migrated database, made once per test run. */
    public synchronized DataSource dataSource() {
        if (dataSource == null) {
            dataSource = createDataSource();
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        }
        return dataSource;
    }

    public synchronized EntityManagerFactory entityManagerFactory() {
        if (entityManagerFactory == null) {
            entityManagerFactory = Persistence.createEntityManagerFactory(
                    "herald",
                    Map.of(
                            "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                            "jakarta.persistence.jtaDataSource", "",
                            "jakarta.persistence.nonJtaDataSource", dataSource(),
                            "eclipselink.weaving", "false"));
        }
        return entityManagerFactory;
    }
}
