package dev.herald.usage.control;

import dev.herald.reports.control.ReportingDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A tenant's name for what people read about one-tenant usage reports and tasks: "Aurora Events",
 * not "Tenant 12". The tasks and reports keep the id (names change); the name is looked up when
 * shown. A tenant that has gone, or a reporting database that does not answer, still reads as its id.
 */
@ApplicationScoped
public class TenantNames {

    private static final Logger LOG = Logger.getLogger(TenantNames.class.getName());

    @Inject
    ReportingDatabase reporting;

    public String of(long tenantId) {
        try {
            String name = reporting.read(c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT name FROM usage_tenant WHERE id = ?")) {
                    query.setLong(1, tenantId);
                    try (ResultSet row = query.executeQuery()) {
                        return row.next() ? row.getString(1) : null;
                    }
                }
            });
            return name == null ? "Tenant " + tenantId + " (no longer in the tenants list)" : name;
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Tenant {0}''s name could not be read: {1}", new Object[] {tenantId, e.getMessage()
            });
            return "Tenant " + tenantId;
        }
    }
}
