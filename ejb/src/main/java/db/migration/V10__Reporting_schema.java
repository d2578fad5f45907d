package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the demo reporting data (ticketing, service desk, tenant usage) out of Herald's own schema
 * into a schema of its own, {@code reporting}, so that the account reports run as can be given that
 * schema and nothing else: the database, not a word list, keeps report SQL away from Herald's users,
 * tokens, runs and files.
 *
 * <p>PostgreSQL moves each table with its indexes and constraints ({@code ALTER TABLE … SET SCHEMA}).
 * H2 cannot move a table between schemas, so there each table is made again in {@code reporting}
 * with the same definition (V3 and V8's columns), its rows copied, and the old one dropped.
 */
public class V10__Reporting_schema extends BaseJavaMigration {

    /** Parents before children: the order to create and fill them in (and the reverse to drop). */
    static final List<String> TABLES = List.of(
            "ticketing_event",
            "ticketing_event_attribute",
            "ticketing_performance",
            "ticketing_customer",
            "ticketing_order",
            "ticketing_ticket",
            "ticketing_payment",
            "servicedesk_company",
            "servicedesk_technician",
            "servicedesk_ticket",
            "usage_tenant",
            "usage_daily");

    private static final List<String> H2_DEFINITIONS = List.of(
            """
            CREATE TABLE reporting.ticketing_event (
                id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, genre VARCHAR(60) NOT NULL,
                venue VARCHAR(100) NOT NULL, promoter VARCHAR(100) NOT NULL, status VARCHAR(10) NOT NULL)""",
            """
            CREATE TABLE reporting.ticketing_event_attribute (
                event_id BIGINT NOT NULL REFERENCES reporting.ticketing_event (id),
                attribute VARCHAR(60) NOT NULL, PRIMARY KEY (event_id, attribute))""",
            "CREATE INDEX reporting.ix_ticketing_event_attribute ON reporting.ticketing_event_attribute (attribute)",
            """
            CREATE TABLE reporting.ticketing_performance (
                id BIGINT NOT NULL PRIMARY KEY, event_id BIGINT NOT NULL REFERENCES reporting.ticketing_event (id),
                starts_at TIMESTAMP WITH TIME ZONE NOT NULL, capacity INTEGER NOT NULL)""",
            "CREATE INDEX reporting.ix_ticketing_performance_starts ON reporting.ticketing_performance (starts_at)",
            "CREATE INDEX reporting.ix_ticketing_performance_event ON reporting.ticketing_performance (event_id)",
            """
            CREATE TABLE reporting.ticketing_customer (
                id BIGINT NOT NULL PRIMARY KEY, first_name VARCHAR(100) NOT NULL, last_name VARCHAR(100) NOT NULL,
                email VARCHAR(320) NOT NULL, city VARCHAR(100) NOT NULL, postcode VARCHAR(20) NOT NULL,
                marketing_opt_in BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
            """
            CREATE TABLE reporting.ticketing_order (
                id BIGINT NOT NULL PRIMARY KEY,
                customer_id BIGINT NOT NULL REFERENCES reporting.ticketing_customer (id),
                created_at TIMESTAMP WITH TIME ZONE NOT NULL, channel VARCHAR(20) NOT NULL)""",
            "CREATE INDEX reporting.ix_ticketing_order_created ON reporting.ticketing_order (created_at)",
            "CREATE INDEX reporting.ix_ticketing_order_customer ON reporting.ticketing_order (customer_id)",
            """
            CREATE TABLE reporting.ticketing_ticket (
                id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES reporting.ticketing_order (id),
                performance_id BIGINT NOT NULL REFERENCES reporting.ticketing_performance (id),
                price_band VARCHAR(20) NOT NULL, price NUMERIC(10, 2) NOT NULL, status VARCHAR(10) NOT NULL)""",
            "CREATE INDEX reporting.ix_ticketing_ticket_order ON reporting.ticketing_ticket (order_id)",
            "CREATE INDEX reporting.ix_ticketing_ticket_performance ON reporting.ticketing_ticket (performance_id)",
            """
            CREATE TABLE reporting.ticketing_payment (
                id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES reporting.ticketing_order (id),
                paid_at TIMESTAMP WITH TIME ZONE NOT NULL, amount NUMERIC(10, 2) NOT NULL,
                method VARCHAR(20) NOT NULL, kind VARCHAR(10) NOT NULL)""",
            "CREATE INDEX reporting.ix_ticketing_payment_paid ON reporting.ticketing_payment (paid_at)",
            "CREATE INDEX reporting.ix_ticketing_payment_order ON reporting.ticketing_payment (order_id)",
            """
            CREATE TABLE reporting.servicedesk_company (
                id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, industry VARCHAR(60) NOT NULL)""",
            """
            CREATE TABLE reporting.servicedesk_technician (
                id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, team VARCHAR(60) NOT NULL)""",
            """
            CREATE TABLE reporting.servicedesk_ticket (
                id BIGINT NOT NULL PRIMARY KEY,
                company_id BIGINT NOT NULL REFERENCES reporting.servicedesk_company (id),
                technician_id BIGINT REFERENCES reporting.servicedesk_technician (id),
                subject VARCHAR(300) NOT NULL, category VARCHAR(60) NOT NULL, priority VARCHAR(10) NOT NULL,
                status VARCHAR(20) NOT NULL, opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
                first_response_at TIMESTAMP WITH TIME ZONE, resolved_at TIMESTAMP WITH TIME ZONE,
                first_response_minutes INTEGER, resolution_minutes INTEGER, escalated BOOLEAN NOT NULL,
                escalation_level INTEGER NOT NULL, automated BOOLEAN NOT NULL, sentiment NUMERIC(4, 2) NOT NULL,
                satisfaction INTEGER, requester VARCHAR(200), ai_assisted BOOLEAN DEFAULT FALSE NOT NULL)""",
            "CREATE INDEX reporting.ix_servicedesk_ticket_opened ON reporting.servicedesk_ticket (opened_at)",
            """
            CREATE TABLE reporting.usage_tenant (
                id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, status VARCHAR(20) NOT NULL,
                plan VARCHAR(20) NOT NULL, region VARCHAR(40) NOT NULL,
                created_at TIMESTAMP WITH TIME ZONE NOT NULL)""",
            """
            CREATE TABLE reporting.usage_daily (
                tenant_id BIGINT NOT NULL REFERENCES reporting.usage_tenant (id), usage_day DATE NOT NULL,
                active_users INTEGER NOT NULL, voice_credits NUMERIC(12, 2) NOT NULL,
                sms_credits NUMERIC(12, 2) NOT NULL, PRIMARY KEY (tenant_id, usage_day))""",
            "CREATE INDEX reporting.ix_usage_daily_day ON reporting.usage_daily (usage_day)");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS reporting");
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                for (String table : TABLES) {
                    statement.execute("ALTER TABLE " + table + " SET SCHEMA reporting");
                }
            } else {
                copyAndDrop(statement);
            }
        }
    }

    private static void copyAndDrop(Statement statement) throws SQLException {
        for (String definition : H2_DEFINITIONS) {
            statement.execute(definition);
        }
        for (String table : TABLES) {
            statement.execute("INSERT INTO reporting." + table + " SELECT * FROM public." + table);
        }
        for (int i = TABLES.size() - 1; i >= 0; i--) {
            statement.execute("DROP TABLE public." + TABLES.get(i));
        }
    }
}
