package dev.herald.reports.boundary;

import dev.herald.access.entity.ScopeKind;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.CriteriaResolver;
import dev.herald.reports.control.NamedSql;
import dev.herald.reports.control.ParameterSpec;
import dev.herald.reports.control.ParameterType;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.control.SqlLines;
import dev.herald.reports.control.SqlReportCheck;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The report catalog: browse and search it, see a report's parameters and columns, preview and
 * render reports, and (Super Administrators) add SQL reports. Rendering streams: {@link #prepare}
 * checks everything and fixes the file's name before a byte is written, {@link #render} then writes.
 */
@Stateless
@RolesAllowed(SecurityRoles.STAFF)
public class ReportCatalog {

    private static final Logger LOG = Logger.getLogger(ReportCatalog.class.getName());
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    public static final int MAX_PREVIEW_ROWS = 500;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    ReportEngine engine;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public Page<ReportSummary> search(String q, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        String where = q == null || q.isBlank()
                ? ""
                : " WHERE LOWER(r.name) LIKE :q OR LOWER(r.description) LIKE :q OR LOWER(r.category) LIKE :q"
                        + " OR LOWER(r.key) LIKE :q";
        TypedQuery<ReportDefinition> query = em.createQuery(
                "SELECT r FROM ReportDefinition r" + where + " ORDER BY r.category, r.name", ReportDefinition.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ReportDefinition r" + where, Long.class);
        if (!where.isEmpty()) {
            String pattern =
                    "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        List<ReportSummary> items =
                query.setFirstResult(pageNumber * pageSize).setMaxResults(pageSize).getResultList().stream()
                        .map(r -> new ReportSummary(
                                r.getKey(), r.getName(), r.getDescription(), r.getCategory(), r.isBuiltIn()))
                        .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    public ReportDetail get(String key) {
        return detail(engine.spec(key));
    }

    private ReportDetail detail(ReportSpec report) {
        List<ParameterView> parameters = report.parameters().stream()
                .map(p -> new ParameterView(
                        p.name(),
                        p.label(),
                        p.type().name(),
                        p.required(),
                        p.defaultValue(),
                        p.hasChoices() && !p.isBound() ? engine.choices(p) : null,
                        p.scope()))
                .toList();
        return new ReportDetail(
                report.key(),
                report.name(),
                report.description(),
                report.category(),
                report.builtIn(),
                parameters,
                columns(report.columns()),
                report.builtIn() ? null : report.sql());
    }

    private static List<ColumnView> columns(List<ColumnSpec> columns) {
        return columns.stream()
                .map(c -> new ColumnView(c.name(), c.label(), c.type().name(), c.format(), c.total()))
                .toList();
    }

    // --- rendering

    /** Checks a render request; answers the job to stream, or throws ValidationException. */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public RenderJob prepare(String key, RenderRequest request) {
        ReportSpec report = engine.spec(key);
        ValidationException.Builder errors = ValidationException.builder();
        FileFormat format =
                errors.enumValue(FileFormat.class, request == null ? null : request.format(), "format", null);
        CsvDelimiter delimiter = errors.enumValue(
                CsvDelimiter.class,
                request == null ? null : request.csvDelimiter(),
                "csvDelimiter",
                CsvDelimiter.COMMA);
        if (format == null && !errors.hasErrorOn("format")) {
            errors.add("format", "Choose a format: CSV, PDF, EXCEL_FORMATTED, EXCEL_UNFORMATTED or XML");
        }
        JsonObject criteria = criteria(report, request, errors);
        ReportEngine.Prepared prepared = null;
        try {
            prepared = engine.prepare(report, criteria, null, "criteria");
        } catch (ValidationException e) {
            errors.addAll(e);
        }
        errors.throwIfAny();
        String fileName =
                report.key() + "-" + FILE_DATE.format(prepared.header().generatedAt()) + "." + format.extension();
        return new RenderJob(
                prepared,
                format,
                delimiter,
                request != null && Boolean.TRUE.equals(request.csvByteOrderMark()),
                fileName);
    }

    /** Streams a prepared report; answers the number of rows. The export is in the audit log. */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long render(RenderJob job, OutputStream out, String remoteAddress) throws IOException {
        long started = System.nanoTime();
        try {
            long rows = engine.render(job.prepared(), job.format(), job.csvDelimiter(), job.csvByteOrderMark(), out);
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.fine(() -> "Rendered " + job.prepared().report().key() + " as " + job.format() + ": " + rows
                    + " rows in " + millis + " ms");
            auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), "report.export", remoteAddress)
                    .about("report", job.prepared().report().key())
                    .withDetail("{\"format\":\"" + job.format() + "\",\"rows\":" + rows + ",\"criteria\":"
                            + job.prepared().criteria().effective() + "}"));
            return rows;
        } catch (SQLTimeoutException e) {
            throw new IOException("The report's query took longer than its time-out", e);
        } catch (SQLException e) {
            throw new IOException("The report's query failed: " + e.getMessage(), e);
        }
    }

    /**
     * The first rows (at most {@value #MAX_PREVIEW_ROWS}) of a report with the criteria. They are the
     * report's data, so seeing them needs Export Reports, or Manage Reports (to try criteria sets).
     */
    @RolesAllowed({SecurityRoles.EXPORT_REPORTS, SecurityRoles.MANAGE_REPORTS})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PreviewView preview(String key, RenderRequest request, Integer rows) {
        ReportSpec report = engine.spec(key);
        ValidationException.Builder errors = ValidationException.builder();
        JsonObject criteria = criteria(report, request, errors);
        if (rows != null && (rows < 1 || rows > MAX_PREVIEW_ROWS)) {
            errors.add("rows", "A preview shows 1 to " + MAX_PREVIEW_ROWS + " rows; " + rows + " is not.");
        }
        errors.throwIfAny();
        int limit = rows == null ? 50 : rows;
        ReportEngine.Prepared prepared = engine.prepare(report, criteria, null, "criteria");
        try {
            ReportEngine.Preview preview = engine.preview(prepared, limit);
            List<List<Object>> shown =
                    preview.rows().stream().map(row -> Arrays.asList(row)).toList();
            return new PreviewView(
                    preview.criteria(),
                    columns(preview.columns()),
                    shown,
                    preview.truncated(),
                    preview.total(),
                    preview.totalCapped());
        } catch (SQLException e) {
            throw ValidationException.of("criteria", "The report could not run: " + e.getMessage());
        }
    }

    private JsonObject criteria(ReportSpec report, RenderRequest request, ValidationException.Builder errors) {
        JsonObjectBuilder merged = Json.createObjectBuilder();
        if (request != null && request.criteriaSetId() != null) {
            CriteriaSet set = em.find(CriteriaSet.class, request.criteriaSetId());
            if (set == null || !set.getReport().getKey().equals(report.key())) {
                errors.add("criteriaSetId", "This report has no criteria set " + request.criteriaSetId());
            } else {
                ReportSpecs.object(set.getCriteria()).forEach(merged::add);
            }
        }
        if (request != null && request.criteria() != null) {
            request.criteria().forEach(merged::add);
        }
        return merged.build();
    }

    // --- SQL reports

    /** The most parameters a SQL report declares. */
    public static final int MAX_PARAMETERS = 30;
    /** The most rows a trial of a SQL report shows. */
    public static final int MAX_TRIAL_ROWS = 100;
    /** A trial's query, and the count of its rows, are each cancelled after this many seconds. */
    public static final int TRIAL_TIMEOUT_SECONDS = 15;

    /** The SQL reports (not the built-in ones) whose name or key holds q, by name. */
    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public Page<ReportSummary> sqlReports(String q, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        boolean filtered = q != null && !q.isBlank();
        String where = "WHERE r.builtIn = FALSE"
                + (filtered ? " AND (LOWER(r.name) LIKE :q OR LOWER(r.key) LIKE :q OR LOWER(r.category) LIKE :q)" : "");
        TypedQuery<ReportDefinition> query = em.createQuery(
                "SELECT r FROM ReportDefinition r " + where + " ORDER BY r.name, r.key", ReportDefinition.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ReportDefinition r " + where, Long.class);
        if (filtered) {
            String pattern =
                    "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
            query.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        List<ReportSummary> items =
                query.setFirstResult(Page.offset(pageNumber, pageSize)).setMaxResults(pageSize).getResultList().stream()
                        .map(r ->
                                new ReportSummary(r.getKey(), r.getName(), r.getDescription(), r.getCategory(), false))
                        .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    /** A SQL report as it was entered (its query, parameter and column declarations), to change it. */
    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public SqlReportInput sqlReport(String key) {
        ReportSpec report = ReportSpecs.of(sqlDefinition(key));
        return new SqlReportInput(
                report.key(),
                report.name(),
                report.description(),
                report.category(),
                report.sql(),
                report.parameters().stream()
                        .map(p -> new SqlReportInput.ParameterInput(
                                p.name(),
                                p.label(),
                                p.type().name(),
                                p.required(),
                                p.defaultValue(),
                                p.options(),
                                p.lookupSql(),
                                p.scope()))
                        .toList(),
                report.columns().stream()
                        .map(c -> new SqlReportInput.ColumnInput(
                                c.name(), c.label(), c.type().name(), c.format(), c.total()))
                        .toList());
    }

    /**
     * Tries a SQL report before (or without) saving it: every check that saving makes, then its first
     * rows (at most {@value #MAX_TRIAL_ROWS}) and its row count with the given criteria, on the
     * reporting account, each query cancelled after {@value #TRIAL_TIMEOUT_SECONDS} seconds. Errors
     * come as on saving, plus the criteria's ({@code criteria.<name>}) and the query's at run time.
     */
    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SqlPreviewView trySqlReport(String existingKey, SqlReportInput input, JsonObject criteria, int rows) {
        if (rows < 1 || rows > MAX_TRIAL_ROWS) {
            throw ValidationException.of(
                    "rows", "A trial shows 1 to " + MAX_TRIAL_ROWS + " rows; " + rows + " is not.");
        }
        String key = existingKey != null
                ? sqlDefinition(existingKey).getKey()
                : input != null
                                && input.key() != null
                                && SqlReportCheck.KEY_PATTERN
                                        .matcher(input.key().strip())
                                        .matches()
                        ? input.key().strip()
                        : "draft";
        ReportSpec report = checkSqlReport(input, key);
        ReportEngine.Prepared prepared =
                engine.prepare(report, criteria == null ? JsonValue.EMPTY_JSON_OBJECT : criteria, null, "criteria");
        String sent = NamedSql.parse(report.sql())
                .bind(prepared.criteria().bindings())
                .sql();
        int leadingLines = SqlLines.leadingLines(input.sql());
        try {
            ReportEngine.Preview preview = engine.preview(prepared, rows, TRIAL_TIMEOUT_SECONDS);
            // The preview counted up to 10,000 rows; beyond that the trial asks the database.
            OptionalLong total = preview.totalCapped()
                    ? engine.count(prepared, TRIAL_TIMEOUT_SECONDS)
                    : OptionalLong.of(preview.total());
            List<List<Object>> shown =
                    preview.rows().stream().map(row -> Arrays.asList(row)).toList();
            return new SqlPreviewView(
                    new PreviewView(
                            preview.criteria(),
                            columns(preview.columns()),
                            shown,
                            preview.truncated(),
                            preview.total(),
                            preview.totalCapped()),
                    total.isPresent() ? total.getAsLong() : null);
        } catch (SQLTimeoutException e) {
            throw ValidationException.of(
                    "sql", "The query took longer than " + TRIAL_TIMEOUT_SECONDS + " seconds and was stopped");
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState())) {
                throw ValidationException.of(
                        "sql", "The query took longer than " + TRIAL_TIMEOUT_SECONDS + " seconds and was stopped");
            }
            throw ValidationException.of("sql", databaseProblem("The query failed: ", sent, leadingLines, e));
        }
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public ReportDetail createSqlReport(SqlReportInput input, String remoteAddress) {
        ReportSpec report = checkSqlReport(input, null);
        if (findDefinition(report.key()) != null) {
            throw ValidationException.of("key", "A report with the key '" + report.key() + "' already exists");
        }
        ReportDefinition definition =
                new ReportDefinition(report.key(), report.name(), report.description(), report.category());
        store(definition, report);
        em.persist(definition);
        audit("report.create", report, remoteAddress);
        return detail(report);
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public ReportDetail updateSqlReport(String key, SqlReportInput input, String remoteAddress) {
        ReportDefinition definition = sqlDefinition(key);
        ReportSpec report = checkSqlReport(input, key);
        store(definition, report);
        audit("report.update", report, remoteAddress);
        return detail(report);
    }

    @RolesAllowed(SecurityRoles.SUPER_ADMINISTRATOR)
    public void deleteSqlReport(String key, String remoteAddress) {
        ReportDefinition definition = sqlDefinition(key);
        long used = em.createQuery("SELECT COUNT(i) FROM ScheduledReport i WHERE i.report = :report", Long.class)
                .setParameter("report", definition)
                .getSingleResult();
        if (used > 0) {
            throw new ConflictException(
                    "Schedules still hold this report (" + used + " items); remove it from them before deleting it.");
        }
        em.remove(definition);
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), "report.delete", remoteAddress)
                .about("report", key));
    }

    private ReportDefinition findDefinition(String key) {
        return engine.definition(key).orElse(null);
    }

    private ReportDefinition sqlDefinition(String key) {
        ReportDefinition definition = findDefinition(key);
        if (definition == null) {
            throw new NotFoundException("report", key);
        }
        if (definition.isBuiltIn()) {
            throw new ConflictException("Built-in reports cannot be changed or deleted.");
        }
        return definition;
    }

    private void store(ReportDefinition definition, ReportSpec report) {
        definition.define(
                report.name(),
                report.description(),
                report.category(),
                false,
                report.sql(),
                ReportSpecs.parametersJson(report.parameters()),
                ReportSpecs.columnsJson(report.columns()),
                clock.instant());
    }

    private void audit(String action, ReportSpec report, String remoteAddress) {
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), action, remoteAddress)
                .about("report", report.key())
                .withDetail("{\"name\":" + Json.createValue(report.name()) + ",\"sql\":"
                        + Json.createValue(report.sql()) + "}"));
    }

    /** Every check on a SQL report, ending with a trial run of its query on the reporting database. */
    private ReportSpec checkSqlReport(SqlReportInput input, String existingKey) {
        ValidationException.Builder errors = ValidationException.builder();
        if (input == null) {
            throw ValidationException.of("", "Send the report");
        }
        String key = existingKey != null
                ? existingKey
                : input.key() == null ? "" : input.key().strip();
        if (existingKey == null && !SqlReportCheck.KEY_PATTERN.matcher(key).matches()) {
            errors.add("key", "2–100 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add("name", "Enter a name of at most 200 characters");
        }
        if (input.description() != null && input.description().length() > 2000) {
            errors.add("description", "At most 2,000 characters");
        }
        String category = input.category() == null || input.category().isBlank()
                ? "Custom"
                : input.category().strip();
        if (category.length() > 100) {
            errors.add("category", "At most 100 characters");
        }
        List<ParameterSpec> parameters = parameters(input.parameters(), errors);
        SqlReportCheck.check(input.sql(), parameters, errors);
        errors.throwIfAny();
        String sql = input.sql().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        ReportSpec draft = new ReportSpec(key, name, input.description(), category, false, sql, parameters, List.of());
        List<ColumnSpec> found = trialRun(draft, SqlLines.leadingLines(input.sql()), errors);
        if (parameters.stream().anyMatch(ParameterSpec::isBound) && errors.isEmpty()) {
            // A report filled from the recipient selects each row's value of the kind last: the key
            // its rows are split by, never shown (see QueryRunner).
            if (found.size() < 2) {
                errors.add(
                        "sql",
                        "A report with a parameter filled from the recipient selects, after its columns, each row's"
                                + " value of that kind (its split key), last");
            } else {
                found = found.subList(0, found.size() - 1);
            }
        }
        List<ColumnSpec> columns = declaredColumns(input.columns(), found, errors);
        errors.throwIfAny();
        return new ReportSpec(key, name, input.description(), category, false, sql, parameters, columns);
    }

    private List<ParameterSpec> parameters(
            List<SqlReportInput.ParameterInput> inputs, ValidationException.Builder errors) {
        List<ParameterSpec> parameters = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SqlReportInput.ParameterInput> given = inputs == null ? List.of() : inputs;
        if (given.size() > MAX_PARAMETERS) {
            errors.add("parameters", "A report has at most " + MAX_PARAMETERS + " parameters");
            return parameters;
        }
        for (int i = 0; i < given.size(); i++) {
            SqlReportInput.ParameterInput p = given.get(i);
            String path = "parameters[" + i + "]";
            if (p == null) {
                errors.add(path, "Declare the parameter: name, type and label");
                continue;
            }
            String name = p.name() == null ? "" : p.name().strip();
            if (!SqlReportCheck.PARAMETER_NAME.matcher(name).matches()) {
                errors.add(path + ".name", "A letter, then letters and digits (at most 40)");
            } else if (!names.add(name)) {
                errors.add(path + ".name", "Two parameters are called " + name);
            }
            String label =
                    p.label() == null || p.label().isBlank() ? name : p.label().strip();
            if (p.scope() != null && !p.scope().isBlank()) {
                ParameterSpec bound = boundParameter(p, name, label, path, errors);
                if (bound != null) {
                    parameters.add(bound);
                }
                continue;
            }
            ParameterType type = errors.enumValue(ParameterType.class, p.type(), path + ".type", null);
            if (type == null) {
                if (!errors.hasErrorOn(path + ".type")) {
                    errors.add(
                            path + ".type",
                            "Choose a type: DATE, DATE_RANGE, NUMBER, TEXT, CHOICE, MULTI_CHOICE or BOOLEAN");
                }
                continue;
            }
            boolean choices = type == ParameterType.CHOICE || type == ParameterType.MULTI_CHOICE;
            boolean hasLookup = p.lookupSql() != null && !p.lookupSql().isBlank();
            if (choices && (p.options() == null || p.options().isEmpty()) && !hasLookup) {
                errors.add(path + ".options", "A choice needs options, or a lookup query");
            }
            if (hasLookup) {
                ValidationException.Builder lookupErrors = ValidationException.builder();
                SqlReportCheck.check(p.lookupSql(), List.of(), lookupErrors);
                lookupErrors.errors().forEach(e -> errors.add(path + ".lookupSql", e.message()));
            }
            parameters.add(new ParameterSpec(
                    name,
                    label,
                    type,
                    Boolean.TRUE.equals(p.required()),
                    p.defaultValue(),
                    choices ? p.options() : null,
                    hasLookup ? p.lookupSql().strip() : null));
        }
        if (errors.isEmpty()) {
            ReportSpec probe = new ReportSpec("probe", "probe", null, null, false, "SELECT 1", parameters, List.of());
            JsonObjectBuilder defaults = Json.createObjectBuilder();
            parameters.stream()
                    .filter(p -> p.defaultValue() != null)
                    .forEach(p -> defaults.add(p.name(), p.defaultValue()));
            try {
                new CriteriaResolver(probe, engine::choices, "parameters.default").check(defaults.build());
            } catch (ValidationException e) {
                e.errors().forEach(error -> errors.add(error.field(), error.message()));
            }
        }
        return parameters;
    }

    /**
     * A parameter bound to a scope kind: the kind must be declared, and nothing else may fill it (no
     * type but a multiple choice, no options, lookup or default, never required).
     */
    private ParameterSpec boundParameter(
            SqlReportInput.ParameterInput p,
            String name,
            String label,
            String path,
            ValidationException.Builder errors) {
        String kind = p.scope().strip();
        int before = errors.size();
        if (em.find(ScopeKind.class, kind) == null) {
            errors.add(path + ".scope", "There is no scope kind called " + kind);
        }
        if (p.type() != null
                && !p.type().isBlank()
                && !ParameterType.MULTI_CHOICE.name().equals(p.type())) {
            errors.add(path + ".type", "A parameter filled from the recipient is a multiple choice (MULTI_CHOICE)");
        }
        if ((p.options() != null && !p.options().isEmpty())
                || (p.lookupSql() != null && !p.lookupSql().isBlank())
                || (p.defaultValue() != null && p.defaultValue().getValueType() != JsonValue.ValueType.NULL)
                || Boolean.TRUE.equals(p.required())) {
            errors.add(
                    path + ".scope",
                    "A parameter filled from the recipient takes no options, lookup, default or required: its"
                            + " values are the recipient's own");
        }
        return errors.size() > before ? null : ParameterSpec.bound(name, label, kind);
    }

    private List<ColumnSpec> trialRun(ReportSpec draft, int leadingLines, ValidationException.Builder errors) {
        // Every parameter empty (or its default): enough to compile the query and learn its columns.
        String[] sent = {draft.sql()};
        try (Connection connection = engine.readOnly()) {
            try {
                JsonObjectBuilder defaults = Json.createObjectBuilder();
                draft.parameters().stream()
                        .filter(p -> p.defaultValue() != null)
                        .forEach(p -> defaults.add(p.name(), p.defaultValue()));
                ReportSpec lenient = new ReportSpec(
                        draft.key(),
                        draft.name(),
                        null,
                        null,
                        false,
                        draft.sql(),
                        draft.parameters().stream()
                                .map(p -> new ParameterSpec(
                                        p.name(),
                                        p.label(),
                                        p.type(),
                                        false,
                                        p.defaultValue(),
                                        p.options(),
                                        p.lookupSql(),
                                        p.scope()))
                                .toList(),
                        List.of());
                NamedSql.Statement statement = NamedSql.parse(draft.sql())
                        .bind(new CriteriaResolver(lenient, engine::choices, "parameters")
                                .resolve(
                                        defaults.build(),
                                        clock.instant().atZone(ZoneOffset.UTC).toLocalDate(),
                                        ZoneOffset.UTC)
                                .bindings());
                sent[0] = statement.sql();
                try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
                    query.setQueryTimeout(30);
                    query.setMaxRows(1);
                    statement.bind(query);
                    try (var rows = query.executeQuery()) {
                        return columnsOf(rows.getMetaData());
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            errors.add("sql", databaseProblem("The query does not run: ", sent[0], leadingLines, e));
            return List.of();
        }
    }

    /** A database error on a report's query, with the line of the SQL as typed that it points at. */
    private static String databaseProblem(String prefix, String sent, int leadingLines, SQLException e) {
        String problem = prefix + SqlLines.databaseMessage(e.getMessage());
        OptionalInt line = SqlLines.databaseLine(sent, e.getMessage());
        return line.isPresent() ? SqlLines.onLine(problem, line.getAsInt() + leadingLines) : problem;
    }

    private static List<ColumnSpec> columnsOf(ResultSetMetaData metadata) throws SQLException {
        List<ColumnSpec> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            String label = metadata.getColumnLabel(i);
            ColumnType type =
                    switch (metadata.getColumnType(i)) {
                        case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> ColumnType.INTEGER;
                        case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DECIMAL;
                        case Types.DATE -> ColumnType.DATE;
                        case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.DATETIME;
                        case Types.BOOLEAN, Types.BIT -> ColumnType.BOOLEAN;
                        default -> ColumnType.TEXT;
                    };
            columns.add(
                    new ColumnSpec(SqlReportCheck.columnName(label, taken), SqlReportCheck.columnLabel(label), type));
        }
        return columns;
    }

    private static List<ColumnSpec> declaredColumns(
            List<SqlReportInput.ColumnInput> inputs, List<ColumnSpec> found, ValidationException.Builder errors) {
        if (inputs == null || inputs.isEmpty()) {
            return found;
        }
        if (!found.isEmpty() && inputs.size() != found.size()) {
            errors.add("columns", "The query answers " + found.size() + " columns; " + inputs.size() + " are declared");
            return found;
        }
        List<ColumnSpec> columns = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            SqlReportInput.ColumnInput c = inputs.get(i);
            String path = "columns[" + i + "]";
            ColumnSpec guess = i < found.size() ? found.get(i) : null;
            String name = c.name() == null || c.name().isBlank()
                    ? (guess == null ? "column" + (i + 1) : guess.name())
                    : c.name().strip();
            if (!SqlReportCheck.PARAMETER_NAME.matcher(name).matches()) {
                errors.add(path + ".name", "A letter, then letters and digits (at most 40)");
            } else if (!taken.add(name)) {
                errors.add(path + ".name", "Two columns are called " + name);
            }
            ColumnType type = errors.enumValue(
                    ColumnType.class, c.type(), path + ".type", guess == null ? ColumnType.TEXT : guess.type());
            String label = c.label() == null || c.label().isBlank()
                    ? (guess == null ? name : guess.label())
                    : c.label().strip();
            boolean total = Boolean.TRUE.equals(c.total());
            if (total && type != null && !type.isNumeric()) {
                errors.add(path + ".total", "Only number columns have totals");
            }
            columns.add(new ColumnSpec(name, label, type, c.format(), total, 0));
        }
        return columns;
    }
}
