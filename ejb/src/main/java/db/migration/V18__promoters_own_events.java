package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Promoters become rows of their own in the demo ticketing data (issue 19): the scope kind
 * {@code promoter} (V17) looks its values up in {@code reporting.ticketing_promoter}, and every event
 * belongs to one of them by {@code ticketing_event.promoter_id}.
 *
 * <p>A promoter also carries the terms the venue settles with them on (the promoter settlement
 * report): a booking fee per ticket sold and a commission, in per cent, of the ticket revenue.
 *
 * <p>Events already there (demo data written by an earlier version) keep their promoter: one promoter
 * row is made per distinct name in the old text column, numbered in the order of the names, with the
 * standard terms and no e-mail address, and each event points at the one of its name. The text
 * column {@code ticketing_event.promoter} stays, holding the promoter's name, so that SQL reports
 * written before this version still run; Herald's demo generator, the only writer of these tables,
 * keeps it equal to the promoter's name, and the built-in reports read the name from
 * {@code ticketing_promoter}.
 *
 * <p>A Java migration, as V10 is, because the reporting schema is made by V10 (Java) and this must
 * follow it on H2 and on PostgreSQL alike. The reporting account reads the new table without a new
 * grant: on H2 it holds SELECT on the whole schema, on PostgreSQL it has SELECT on every table in the
 * schema granted again at every start, and default privileges for tables made later
 * ({@code ReportingAccount}).
 */
public class V18__promoters_own_events extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgreSql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE reporting.ticketing_promoter (
                        id                 BIGINT        NOT NULL PRIMARY KEY,
                        name               VARCHAR(100)  NOT NULL,
                        email              VARCHAR(320),
                        booking_fee        NUMERIC(8, 2) DEFAULT 1.50 NOT NULL,
                        commission_percent NUMERIC(5, 2) DEFAULT 10.00 NOT NULL,
                        CONSTRAINT ck_ticketing_promoter_terms
                            CHECK (booking_fee >= 0 AND commission_percent >= 0 AND commission_percent <= 100)
                    )""");
            statement.execute("ALTER TABLE reporting.ticketing_event ADD COLUMN promoter_id BIGINT");
            statement.execute("""
                    INSERT INTO reporting.ticketing_promoter (id, name)
                    SELECT ROW_NUMBER() OVER (ORDER BY d.promoter), d.promoter
                    FROM (SELECT DISTINCT promoter FROM reporting.ticketing_event) d""");
            statement.execute("""
                    UPDATE reporting.ticketing_event e
                    SET promoter_id = (SELECT p.id FROM reporting.ticketing_promoter p WHERE p.name = e.promoter)""");
            statement.execute("ALTER TABLE reporting.ticketing_event ALTER COLUMN promoter_id SET NOT NULL");
            statement.execute("ALTER TABLE reporting.ticketing_event ADD CONSTRAINT fk_ticketing_event_promoter"
                    + " FOREIGN KEY (promoter_id) REFERENCES reporting.ticketing_promoter (id)");
            // PostgreSQL puts an index in its table's schema and refuses a schema in its name; H2 wants it named.
            statement.execute("CREATE INDEX " + (postgreSql ? "" : "reporting.") + "ix_ticketing_event_promoter"
                    + " ON reporting.ticketing_event (promoter_id)");
        }
    }
}
