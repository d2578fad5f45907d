package dev.herald.reports.control;

import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs a report's query and streams its rows into a renderer, adding up the totals on the way. The
 * connection must be read-only and outside autocommit, so that PostgreSQL reads from a cursor
 * {@code fetchSize} rows at a time instead of loading the whole result.
 */
public final class QueryRunner {

    private final int fetchSize;
    private final int timeoutSeconds;

    public QueryRunner(int fetchSize, int timeoutSeconds) {
        this.fetchSize = fetchSize;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** Streams every row (at most {@code maxRows}; 0 for all) and answers how many there were. */
    public long run(
            Connection connection,
            ReportSpec report,
            ResolvedCriteria criteria,
            RenderHeader header,
            Renderer renderer,
            ZoneId zone,
            long maxRows)
            throws SQLException, IOException {
        return run(connection, report, criteria, header, renderer, zone, maxRows, statement -> {});
    }

    /** The same, telling {@code executing} the statement before it runs and null when it is over. */
    public long run(
            Connection connection,
            ReportSpec report,
            ResolvedCriteria criteria,
            RenderHeader header,
            Renderer renderer,
            ZoneId zone,
            long maxRows,
            Consumer<Statement> executing)
            throws SQLException, IOException {
        NamedSql.Statement statement = NamedSql.parse(report.sql()).bind(criteria.bindings());
        try (PreparedStatement query =
                connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(fetchSize);
            query.setQueryTimeout(timeoutSeconds);
            if (maxRows > 0) {
                query.setMaxRows((int) Math.min(maxRows, Integer.MAX_VALUE));
            }
            statement.bind(query);
            executing.accept(query);
            try (ResultSet wrapped = query.executeQuery()) {
                ResultSet rows = driverResultSet(wrapped);
                List<ColumnSpec> columns = report.columns();
                ColumnReader[] readers = readers(rows.getMetaData(), columns, zone, hasBoundParameter(report));
                Totals totals = new Totals(columns);
                renderer.begin(header);
                Object[] values = new Object[readers.length];
                long count = 0;
                while (rows.next()) {
                    for (int i = 0; i < readers.length; i++) {
                        values[i] = readers[i].read(rows, i + 1);
                    }
                    totals.add(values);
                    renderer.row(values);
                    count++;
                }
                renderer.finish(totals.row(), count);
                return count;
            } finally {
                executing.accept(null);
            }
        }
    }

    /**
     * Streams every row of a report with a bound parameter with its bound value last: the renderer
     * is given the declared columns and then, as text, the trailing column the query selects for
     * splitting by recipient ({@link SplitRender}). No totals are added up here. A query without
     * that column cannot be split: {@link SplitRender.NotSplittable}.
     */
    public long runKeyed(
            Connection connection,
            ReportSpec report,
            ResolvedCriteria criteria,
            RenderHeader header,
            Renderer renderer,
            ZoneId zone,
            Consumer<Statement> executing)
            throws SQLException, IOException {
        NamedSql.Statement statement = NamedSql.parse(report.sql()).bind(criteria.bindings());
        try (PreparedStatement query =
                connection.prepareStatement(statement.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            query.setFetchSize(fetchSize);
            query.setQueryTimeout(timeoutSeconds);
            statement.bind(query);
            executing.accept(query);
            try (ResultSet wrapped = query.executeQuery()) {
                ResultSet rows = driverResultSet(wrapped);
                List<ColumnSpec> columns = report.columns();
                int key = columns.size() + 1;
                if (!report.isBound() || rows.getMetaData().getColumnCount() != key) {
                    throw new SplitRender.NotSplittable(
                            SplitRender.NotSplittable.Reason.NO_KEY,
                            "The query of " + report.key() + " does not select its bound value after its "
                                    + columns.size() + " columns");
                }
                ColumnReader[] readers = readers(rows.getMetaData(), columns, zone, true);
                renderer.begin(header);
                Object[] values = new Object[key];
                long count = 0;
                while (rows.next()) {
                    for (int i = 0; i < readers.length; i++) {
                        values[i] = readers[i].read(rows, i + 1);
                    }
                    values[readers.length] = rows.getString(key);
                    renderer.row(values);
                    count++;
                }
                renderer.finish(null, count);
                return count;
            } finally {
                executing.accept(null);
            }
        }
    }

    /**
     * The driver's own result set behind the server's wrapper. Payara's JDBC wrapper calls the
     * JDBC 4.1 methods, {@code getObject(index, LocalDate.class)} among them, by reflection, looking
     * the method up on every call: measured, that was a third of the server's CPU while partners ran
     * 10,000-row reports at once. Rows are read from the driver directly; the wrapper still closes.
     * (Unwrapping to {@code ResultSet} answers the wrapper itself, so the drivers' classes are named.)
     */
    static ResultSet driverResultSet(ResultSet rows) throws SQLException {
        for (Class<?> driver : DRIVER_RESULT_SETS) {
            if (!driver.isInstance(rows) && rows.isWrapperFor(driver)) {
                return (ResultSet) rows.unwrap(driver);
            }
        }
        return rows;
    }

    private static final List<Class<?>> DRIVER_RESULT_SETS = Stream.of(
                    "org.postgresql.jdbc.PgResultSet", "org.h2.jdbc.JdbcResultSet")
            .map(QueryRunner::loadable)
            .flatMap(Optional::stream)
            .toList();

    private static Optional<Class<?>> loadable(String name) {
        try {
            return Optional.of(Class.forName(name, false, QueryRunner.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
    }

    /** Reads one column of the current row as the value renderers take. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet row, int index) throws SQLException;
    }

    /** Whether a report has a parameter bound to a scope kind, and so a split key after its columns. */
    static boolean hasBoundParameter(ReportSpec report) {
        return report.parameters().stream().anyMatch(ParameterSpec::isBound);
    }

    /**
     * The readers of the declared columns. A report with a recipient-bound parameter selects one
     * column more than it declares, last: each row's value of the bound kind (its split key, by which
     * the rows are ordered first). That column is never rendered, so it has no reader.
     */
    static ColumnReader[] readers(
            ResultSetMetaData metadata, List<ColumnSpec> columns, ZoneId zone, boolean withSplitKey)
            throws SQLException {
        int expected = columns.size() + (withSplitKey ? 1 : 0);
        if (metadata.getColumnCount() != expected) {
            throw new SQLException("The query answers " + metadata.getColumnCount() + " columns; the report declares "
                    + columns.size()
                    + (withSplitKey ? " and, as it has a recipient-bound parameter, selects the split key last" : ""));
        }
        ColumnReader[] readers = new ColumnReader[columns.size()];
        for (int i = 0; i < readers.length; i++) {
            String typeName = metadata.getColumnTypeName(i + 1).toLowerCase(Locale.ROOT);
            boolean withZone = typeName.contains("tz") || typeName.contains("time zone");
            readers[i] = switch (columns.get(i).type()) {
                case TEXT -> ResultSet::getString;
                case INTEGER ->
                    (row, index) -> {
                        long value = row.getLong(index);
                        return row.wasNull() ? null : value;
                    };
                case DECIMAL, MONEY -> ResultSet::getBigDecimal;
                case DATE -> (row, index) -> row.getObject(index, LocalDate.class);
                case DATETIME ->
                    withZone
                            ? (row, index) -> {
                                OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
                                return value == null
                                        ? null
                                        : value.atZoneSameInstant(zone).toLocalDateTime();
                            }
                            : (row, index) -> row.getObject(index, LocalDateTime.class);
                case BOOLEAN ->
                    (row, index) -> {
                        boolean value = row.getBoolean(index);
                        return row.wasNull() ? null : value;
                    };
            };
        }
        return readers;
    }

    /** The totals of the columns that have one: exact for money and decimals. */
    static final class Totals {

        private final boolean[] totalled;
        private final long[] longs;
        private final BigDecimal[] decimals;
        private final boolean any;

        Totals(List<ColumnSpec> columns) {
            totalled = new boolean[columns.size()];
            longs = new long[columns.size()];
            decimals = new BigDecimal[columns.size()];
            boolean some = false;
            for (int i = 0; i < totalled.length; i++) {
                totalled[i] = columns.get(i).total();
                some |= totalled[i];
            }
            any = some;
        }

        void add(Object[] values) {
            if (!any) {
                return;
            }
            for (int i = 0; i < totalled.length; i++) {
                if (!totalled[i]) {
                    continue;
                }
                Object value = values[i];
                if (value instanceof Long l) {
                    longs[i] += l;
                } else if (value instanceof BigDecimal d) {
                    decimals[i] = decimals[i] == null ? d : decimals[i].add(d);
                } else if (value instanceof Number n) {
                    decimals[i] = (decimals[i] == null ? BigDecimal.ZERO : decimals[i])
                            .add(BigDecimal.valueOf(n.doubleValue()));
                }
            }
        }

        Object[] row() {
            if (!any) {
                return null;
            }
            Object[] row = new Object[totalled.length];
            for (int i = 0; i < row.length; i++) {
                if (totalled[i]) {
                    row[i] = decimals[i] != null
                            ? decimals[i].add(BigDecimal.valueOf(longs[i]))
                            : Long.valueOf(longs[i]);
                }
            }
            return row;
        }
    }
}
