package dev.herald.usage.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The WHERE clause of a tenants filter, with its values bound in order: name contains (any case),
 * any of the statuses, plans and regions, or one tenant.
 */
public final class TenantQuery {

    private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> values = new ArrayList<>();

    private TenantQuery() {}

    public static TenantQuery of(
            Long tenantId, String name, List<String> status, List<String> plan, List<String> region) {
        TenantQuery query = new TenantQuery();
        if (tenantId != null) {
            query.where.append(" AND tn.id = ?");
            query.values.add(tenantId);
        }
        if (name != null && !name.isBlank()) {
            query.where.append(" AND LOWER(tn.name) LIKE ? ESCAPE '\\'");
            query.values.add("%" + escape(name.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        query.in("tn.status", status);
        query.in("tn.plan", plan);
        query.in("tn.region", region);
        return query;
    }

    private void in(String column, List<String> options) {
        if (options == null || options.isEmpty()) {
            return;
        }
        where.append(" AND ").append(column).append(" IN (");
        for (int i = 0; i < options.size(); i++) {
            where.append(i == 0 ? "?" : ", ?");
            values.add(options.get(i));
        }
        where.append(')');
    }

    public String where() {
        return where.toString();
    }

    /** Binds the values from the given index on; answers the next free index. */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object value : values) {
            statement.setObject(index++, value);
        }
        return index;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
