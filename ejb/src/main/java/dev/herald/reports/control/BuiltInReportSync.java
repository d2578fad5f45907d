package dev.herald.reports.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Writes the built-in reports' definitions (query, parameters, columns) into the catalog at every
 * start, so that a new version of Herald brings its reports up to date. Each is one statement that
 * is safe when several instances start together: insert if missing (a unique key
 * refuses the second), then update if different.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class BuiltInReportSync {

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @PostConstruct
    void sync() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO report_definition (report_key, name, built_in, version) SELECT ?, ?, TRUE, 0"
                                + " WHERE NOT EXISTS (SELECT 1 FROM report_definition WHERE report_key = ?)");
                PreparedStatement update = connection.prepareStatement("UPDATE report_definition SET name = ?,"
                        + " description = ?, category = ?, built_in = TRUE, query_sql = ?, parameters_json = ?,"
                        + " columns_json = ?, updated_at = ?, version = version + 1 WHERE report_key = ?"
                        + " AND (query_sql IS NULL OR query_sql <> ? OR parameters_json <> ? OR columns_json <> ?"
                        + " OR name <> ?)")) {
            for (ReportSpec report : BuiltInReports.ALL) {
                insert.setString(1, report.key());
                insert.setString(2, report.name());
                insert.setString(3, report.key());
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // Another instance inserted it a moment ago; the update below still applies.
                }
                String parameters = ReportSpecs.parametersJson(report.parameters());
                String columns = ReportSpecs.columnsJson(report.columns());
                update.setString(1, report.name());
                update.setString(2, report.description());
                update.setString(3, report.category());
                update.setString(4, report.sql());
                update.setString(5, parameters);
                update.setString(6, columns);
                update.setObject(7, Instant.now().atOffset(ZoneOffset.UTC));
                update.setString(8, report.key());
                update.setString(9, report.sql());
                update.setString(10, parameters);
                update.setString(11, columns);
                update.setString(12, report.name());
                update.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the built-in reports: " + e.getMessage(), e);
        }
    }
}
