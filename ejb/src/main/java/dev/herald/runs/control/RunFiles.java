package dev.herald.runs.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * Rendered files in the database, so that every instance can serve them: in chunks of 1 MiB, written
 * in the transaction that records the item as rendered and read back one chunk at a time. A chunked
 * table works the same on PostgreSQL and H2 and never holds a whole large file in memory, which a
 * single BYTEA value would on reading. Housekeeping ({@code RunPurge}) deletes them once they are past their time.
 */
public final class RunFiles {

    static final int CHUNK = 1024 * 1024;

    private RunFiles() {}

    /** Stores the file of an item, in the caller's transaction. */
    public static void store(Connection connection, long itemId, Path file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO run_file_chunk (run_item_id, seq, content) VALUES (?, ?, ?)")) {
            byte[] buffer = new byte[CHUNK];
            int seq = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
                insert.setLong(1, itemId);
                insert.setInt(2, seq++);
                insert.setBytes(3, read == CHUNK ? buffer : Arrays.copyOf(buffer, read));
                insert.executeUpdate();
            }
        }
    }

    /** Writes the file of an item to the stream, one chunk per query; answers the bytes written. */
    public static long copy(DataSource dataSource, long itemId, OutputStream out) throws SQLException, IOException {
        long written = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT content FROM run_file_chunk WHERE run_item_id = ? AND seq = ?")) {
            for (int seq = 0; ; seq++) {
                query.setLong(1, itemId);
                query.setInt(2, seq);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return written;
                    }
                    byte[] chunk = row.getBytes(1);
                    out.write(chunk);
                    written += chunk.length;
                }
            }
        }
    }

    /** Copies the file of an item to a temporary file, for a sender that did not render it. */
    public static Path toTemporaryFile(DataSource dataSource, long itemId) throws SQLException, IOException {
        Path file = Files.createTempFile("herald-file-" + itemId + "-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            copy(dataSource, itemId, out);
            return file;
        } catch (SQLException | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
