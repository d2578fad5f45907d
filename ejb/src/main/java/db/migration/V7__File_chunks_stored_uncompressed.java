package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, report files are stored without TOAST compression: most formats (XLSX, PDF) are
 * compressed already, and compressing a CSV on every insert and decompressing it on every download
 * cost more CPU than the disk it saves (measured with partners running reports on demand). Other
 * databases keep their defaults; this migration does nothing there.
 */
public class V7__File_chunks_stored_uncompressed extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE run_file_chunk ALTER COLUMN content SET STORAGE EXTERNAL");
        }
    }
}
