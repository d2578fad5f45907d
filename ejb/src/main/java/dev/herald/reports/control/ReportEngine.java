package dev.herald.reports.control;

import dev.herald.platform.boundary.NotFoundException;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.Criterion;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.control.Renderer;
import dev.herald.rendering.control.Renderers;
import dev.herald.rendering.control.WatchedRenderer;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.settings.boundary.OrganisationView;
import dev.herald.settings.boundary.SettingsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs reports on the reporting data ({@link ReportingDatabase}): resolves criteria in the
 * organisation's zone, streams the query into a renderer, answers previews and the options of choice
 * parameters. Every query runs on a read-only connection outside autocommit (so PostgreSQL streams
 * from a cursor), with a statement time-out ({@code herald.reports.query-timeout}, default 5
 * minutes) and a fetch size ({@code herald.reports.fetch-size}, default 1,000). No security here:
 * the boundaries that call it decide who may.
 */
@ApplicationScoped
public class ReportEngine {

    /** The SQL state both databases give a statement cancelled by its time-out. */
    private static final String CANCELLED = "57014";

    /** A report ready to run: what it is, its resolved criteria, and the file's header. */
    public record Prepared(ReportSpec report, ResolvedCriteria criteria, RenderHeader header, ZoneId zone) {}

    /**
     * The first rows of a report and how many it has in all: {@code total} rows, or at least that many
     * when {@code totalCapped} (counting stops at {@link #PREVIEW_COUNT_LIMIT}).
     */
    public record Preview(
            List<Criterion> criteria,
            List<ColumnSpec> columns,
            List<Object[]> rows,
            boolean truncated,
            long total,
            boolean totalCapped) {}

    /**
     * How far a preview counts a report's rows. Counting streams the rows past the ones shown
     * without keeping them, under the reporting account's statement time-out; a cap keeps a preview
     * of a huge report quick, and it then says "more than 10,000".
     */
    public static final long PREVIEW_COUNT_LIMIT = 10_000;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    ReportingDatabase reporting;

    @Inject
    SettingsService settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "herald.reports.query-timeout", defaultValue = "PT5M")
    Duration queryTimeout;

    @Inject
    @ConfigProperty(name = "herald.reports.fetch-size", defaultValue = "1000")
    int fetchSize;

    /** The catalog entry with this key, if there is one. */
    public Optional<ReportDefinition> definition(String key) {
        return em.createNamedQuery(ReportDefinition.BY_KEY, ReportDefinition.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    public ReportSpec spec(String key) {
        return definition(key).map(ReportSpecs::of).orElseThrow(() -> new NotFoundException("report", key));
    }

    /** Checks criteria against the report; {@code field} prefixes the names of bad fields. */
    public JsonObject check(ReportSpec report, JsonObject criteria, String field) {
        return new CriteriaResolver(report, this::choices, field).check(criteria);
    }

    /** Resolves criteria for a run now, and makes the file's header. */
    public Prepared prepare(ReportSpec report, JsonObject criteria, String title, String field) {
        return prepare(report, criteria, title, field, clock.instant());
    }

    /**
     * Resolves criteria as of an instant (a scheduled run's due time, so that a run caught up after
     * downtime reports the period it was due for), and makes the file's header.
     */
    public Prepared prepare(ReportSpec report, JsonObject criteria, String title, String field, Instant asOf) {
        return prepare(report, criteria, title, field, asOf, null);
    }

    /**
     * The same for a recipient: bound parameters take the recipient's scope values ({@code scopes});
     * {@code null} makes the report for nobody in particular (bound parameters cover every value).
     */
    public Prepared prepare(
            ReportSpec report, JsonObject criteria, String title, String field, Instant asOf, RecipientScopes scopes) {
        OrganisationView organisation = settings.organisation();
        ZoneId zone = ZoneId.of(organisation.timeZone());
        ZonedDateTime now = clock.instant().atZone(zone);
        ResolvedCriteria resolved = new CriteriaResolver(report, this::choices, field)
                .resolve(criteria, LocalDate.ofInstant(asOf, zone), zone, scopes);
        RenderHeader header = new RenderHeader(
                title == null || title.isBlank() ? report.name() : title,
                report.key(),
                report.name(),
                organisation.clientName(),
                now,
                resolved.criteria(),
                report.columns());
        return new Prepared(report, resolved, header, zone);
    }

    /** Streams the whole report into the stream in the format; answers the number of rows. */
    public long render(
            Prepared prepared, FileFormat format, CsvDelimiter delimiter, boolean byteOrderMark, OutputStream out)
            throws IOException, SQLException {
        Renderer renderer = Renderers.of(format, delimiter, byteOrderMark, out);
        return run(prepared, renderer, 0);
    }

    /** The same, telling the watcher how many rows are written as it goes (it may stop the work by throwing). */
    public long render(
            Prepared prepared,
            FileFormat format,
            CsvDelimiter delimiter,
            boolean byteOrderMark,
            OutputStream out,
            WatchedRenderer.Watcher watcher)
            throws IOException, SQLException {
        Renderer renderer = new WatchedRenderer(Renderers.of(format, delimiter, byteOrderMark, out), watcher);
        return run(prepared, renderer, 0);
    }

    /**
     * Renders the report for many values of its bound parameter in one pass ({@link SplitRender}):
     * {@code union} is prepared with all the values at once. Throws {@link SplitRender.NotSplittable}
     * when the files cannot be trusted; the caller then renders the values one by one.
     */
    public List<SplitRender.Made> split(Prepared union, SplitRender split, WatchedRenderer.Watcher watcher)
            throws IOException, SQLException {
        try (Connection connection = readOnly()) {
            try {
                return split.run(
                        runner(), connection, union.report(), union.criteria(), union.header(), union.zone(), watcher);
            } finally {
                connection.rollback();
            }
        }
    }

    public long run(Prepared prepared, Renderer renderer, long maxRows) throws IOException, SQLException {
        return run(prepared, renderer, maxRows, runner());
    }

    private long run(Prepared prepared, Renderer renderer, long maxRows, QueryRunner runner)
            throws IOException, SQLException {
        Consumer<Statement> executing =
                renderer instanceof WatchedRenderer watched ? watched.watcher()::executing : statement -> {};
        try (Connection connection = readOnly()) {
            try {
                return runner.run(
                        connection,
                        prepared.report(),
                        prepared.criteria(),
                        prepared.header(),
                        renderer,
                        prepared.zone(),
                        maxRows,
                        executing);
            } finally {
                connection.rollback();
            }
        }
    }

    public Preview preview(Prepared prepared, int rows) throws SQLException {
        return preview(prepared, rows, runner());
    }

    /** The first rows, the query cancelled after the given seconds (a console waits on it). */
    public Preview preview(Prepared prepared, int rows, int timeoutSeconds) throws SQLException {
        return preview(prepared, rows, new QueryRunner(fetchSize, timeoutSeconds));
    }

    /**
     * How many rows the report answers with these criteria, or empty when counting them takes longer
     * than the given seconds. The report's own query is the inner part of a COUNT.
     */
    public OptionalLong count(Prepared prepared, int timeoutSeconds) throws SQLException {
        NamedSql.Statement statement =
                NamedSql.parse(prepared.report().sql()).bind(prepared.criteria().bindings());
        try (Connection connection = readOnly()) {
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT COUNT(*) FROM (" + statement.sql() + "\n) herald_counted")) {
                query.setQueryTimeout(timeoutSeconds);
                statement.bind(query);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return OptionalLong.of(rows.getLong(1));
                }
            } catch (SQLTimeoutException e) {
                return OptionalLong.empty();
            } catch (SQLException e) {
                if (CANCELLED.equals(e.getSQLState())) {
                    return OptionalLong.empty();
                }
                throw e;
            } finally {
                connection.rollback();
            }
        }
    }

    private Preview preview(Prepared prepared, int rows, QueryRunner runner) throws SQLException {
        List<Object[]> kept = new ArrayList<>();
        long[] counted = {0};
        Renderer collector = new Renderer() {
            @Override
            public void begin(RenderHeader header) {}

            @Override
            public void row(Object[] values) {
                counted[0]++;
                if (kept.size() <= rows) {
                    kept.add(values.clone());
                }
            }

            @Override
            public void finish(Object[] totals, long rowCount) {}
        };
        try {
            run(prepared, collector, Math.max(rows + 1L, PREVIEW_COUNT_LIMIT + 1), runner);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean truncated = kept.size() > rows;
        List<Object[]> shown = truncated ? kept.subList(0, rows) : kept;
        boolean capped = counted[0] > PREVIEW_COUNT_LIMIT;
        return new Preview(
                prepared.criteria().criteria(),
                prepared.report().columns(),
                List.copyOf(shown),
                truncated,
                capped ? PREVIEW_COUNT_LIMIT : counted[0],
                capped);
    }

    /** The options of a CHOICE or MULTI_CHOICE parameter: its list, or what its lookup query answers. */
    public List<String> choices(ParameterSpec parameter) {
        if (parameter.lookupSql() == null || parameter.lookupSql().isBlank()) {
            return parameter.options();
        }
        try (Connection connection = readOnly()) {
            try (PreparedStatement query = connection.prepareStatement(parameter.lookupSql())) {
                query.setQueryTimeout(30);
                query.setMaxRows(1000);
                List<String> options = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String value = rows.getString(1);
                        if (value != null) {
                            options.add(value);
                        }
                    }
                }
                return options;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The options of " + parameter.label() + " could not be read: " + e.getMessage(), e);
        }
    }

    /** One answer of a lookup query: a value (first column) and its name (second, or the value). */
    public record Named(String value, String name) {}

    /**
     * What a lookup query answers (a scope kind's values), at most {@code max} rows, as the reporting
     * account, under a 30-second time-out.
     */
    public List<Named> lookup(String sql, int max) throws SQLException {
        try (Connection connection = readOnly()) {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setQueryTimeout(30);
                query.setMaxRows(max);
                List<Named> answers = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    boolean named = rows.getMetaData().getColumnCount() > 1;
                    while (rows.next()) {
                        String value = rows.getString(1);
                        if (value != null) {
                            String name = named ? rows.getString(2) : null;
                            answers.add(new Named(value, name == null ? value : name));
                        }
                    }
                }
                return answers;
            } finally {
                connection.rollback();
            }
        }
    }

    /** A connection to the reporting data that cannot write, outside autocommit. */
    public Connection readOnly() throws SQLException {
        return reporting.readOnly();
    }

    public QueryRunner runner() {
        return new QueryRunner(fetchSize, (int) Math.max(1, queryTimeout.toSeconds()));
    }
}
