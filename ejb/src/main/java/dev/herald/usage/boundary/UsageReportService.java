package dev.herald.usage.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.Jdbc;
import dev.herald.rendering.control.ColumnSpec;
import dev.herald.rendering.control.ColumnType;
import dev.herald.rendering.control.CsvRenderer;
import dev.herald.rendering.control.RenderHeader;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.reports.control.BuiltInReports;
import dev.herald.reports.control.RelativeDate;
import dev.herald.reports.control.ReportingDatabase;
import dev.herald.runs.boundary.ExportRequest;
import dev.herald.runs.boundary.RunService;
import dev.herald.runs.control.RunCancellation;
import dev.herald.runs.entity.Run;
import dev.herald.settings.boundary.SettingsService;
import dev.herald.usage.control.TenantNames;
import dev.herald.usage.control.TenantQuery;
import dev.herald.usage.control.UsageCriteria;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Usage reports generated now. Each is a run of no schedule with one item, the Tenant Usage Export
 * as CSV, carried out by the same workers as every run (exactly once, taken over when an instance
 * dies): its progress is the rows written so far, and cancelling it stops the writing within about
 * a second and keeps no part of the file. The tenants list reads the reporting database, where the
 * export reads too.
 */
@Stateless
@DeclareRoles({SecurityRoles.EXPORT_REPORTS, SecurityRoles.SCHEDULED_TASK_MANAGEMENT})
public class UsageReportService {

    private static final Logger LOG = Logger.getLogger(UsageReportService.class.getName());

    static final Set<String> SCOPES = Set.of("TENANT", "ALL", "FILTERED");
    static final Set<String> PERIODS = Set.of("LAST_7_DAYS", "LAST_30_DAYS", "LAST_MONTH", "CUSTOM");
    static final long MAX_CUSTOM_DAYS = 3660;

    private static final String REPORTS = "SELECT r.id, r.name, r.description, r.scope, r.tenant_id, r.filter,"
            + " r.period, r.period_from, r.period_to, r.csv_delimiter, r.daily, r.expected_rows, r.run_id,"
            + " r.scheduled_task_id, r.requested_by, r.created_at, ru.status AS run_status, ru.finished_at,"
            + " ru.detail, i.id AS item_id, i.status AS item_status, i.row_count, i.file_name, i.byte_count,"
            + " i.sha256, i.error, i.file_purged_at FROM usage_report r LEFT JOIN run ru ON ru.id = r.run_id"
            + " LEFT JOIN run_item i ON i.run_id = ru.id";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    ReportingDatabase reporting;

    @Resource
    SessionContext session;

    @Inject
    RunService runs;

    @Inject
    ScheduledTaskService tasks;

    @Inject
    SettingsService settings;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    TenantNames tenantNames;

    // --- tenants

    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public Page<TenantView> tenants(TenantFilter filter, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        TenantFilter f = filter == null ? TenantFilter.none() : filter;
        TenantQuery query = TenantQuery.of(null, f.name(), f.status(), f.plan(), f.region());
        try {
            return reporting.read(c -> {
                long total;
                try (PreparedStatement count =
                        c.prepareStatement("SELECT COUNT(*) FROM usage_tenant tn" + query.where())) {
                    query.bind(count, 1);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        total = row.getLong(1);
                    }
                }
                List<TenantView> tenants = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement(
                        "SELECT tn.id, tn.name, tn.status, tn.plan, tn.region, tn.created_at FROM usage_tenant tn"
                                + query.where() + " ORDER BY tn.name, tn.id LIMIT ? OFFSET ?")) {
                    int next = query.bind(select, 1);
                    select.setInt(next, pageSize);
                    select.setLong(next + 1, (long) pageNumber * pageSize);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            tenants.add(new TenantView(
                                    row.getLong(1),
                                    row.getString(2),
                                    row.getString(3),
                                    row.getString(4),
                                    row.getString(5),
                                    Jdbc.instant(row, "created_at")));
                        }
                    }
                }
                return new Page<>(tenants, pageNumber, pageSize, total);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The tenants could not be read: " + e.getMessage(), e);
        }
    }

    /** The regions tenants are in, for the filter. */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public List<String> regions() {
        try {
            return reporting.read(c -> {
                List<String> regions = new ArrayList<>();
                try (PreparedStatement query =
                                c.prepareStatement("SELECT DISTINCT region FROM usage_tenant ORDER BY region");
                        ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        regions.add(row.getString(1));
                    }
                }
                return regions;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The regions could not be read: " + e.getMessage(), e);
        }
    }

    // --- generating

    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public UsageReportView generate(UsageReportInput input, String remoteAddress) {
        if (input == null) {
            throw ValidationException.of("name", "Send the usage report to generate.");
        }
        ValidationException.Builder problems = ValidationException.builder();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "Enter a name for the report.");
        } else if (name.length() > 200) {
            problems.add("name", "The name has at most 200 characters.");
        }
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        if (description != null && description.length() > 2000) {
            problems.add("description", "The description has at most 2000 characters.");
        }
        String scope = upper(input.scope(), "ALL");
        if (!SCOPES.contains(scope)) {
            problems.add("scope", "Choose TENANT (one tenant), ALL or FILTERED (the tenants list's filter).");
        }
        TenantFilter filter = "FILTERED".equals(scope) && input.filter() != null ? input.filter() : TenantFilter.none();
        Long tenantId = "TENANT".equals(scope) ? input.tenantId() : null;
        if ("TENANT".equals(scope)) {
            if (tenantId == null) {
                problems.add("tenantId", "Choose the tenant to report on.");
            } else if (!tenantExists(tenantId)) {
                problems.add("tenantId", "There is no tenant " + tenantId + ".");
            }
        }
        CsvDelimiter delimiter = delimiter(input.delimiter(), "delimiter", problems);
        String period = upper(input.period(), "");
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate from = null;
        LocalDate to = null;
        if (!PERIODS.contains(period)) {
            problems.add("period", "Choose LAST_7_DAYS, LAST_30_DAYS, LAST_MONTH or CUSTOM.");
        } else if (period.equals("CUSTOM")) {
            from = input.from();
            to = input.to();
            if (from == null) {
                problems.add("from", "Enter the first day.");
            } else if (!AcceptedDates.check(from, "from", problems)) {
                from = null;
            }
            if (to == null) {
                problems.add("to", "Enter the last day.");
            } else if (!AcceptedDates.check(to, "to", problems)) {
                to = null;
            } else if (to.isAfter(today)) {
                problems.add("to", "The last day cannot be after today (" + today + ").");
            }
            if (from != null && to != null && to.isBefore(from)) {
                problems.add("to", "The last day is before the first.");
            } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_CUSTOM_DAYS) {
                problems.add("to", "A report covers at most " + MAX_CUSTOM_DAYS + " days.");
            }
        } else {
            var range = RelativeDate.valueOf(period).resolve(today);
            from = range.first();
            to = range.last();
        }
        boolean daily = Boolean.TRUE.equals(input.daily());
        if (input.schedule() != null && !session.isCallerInRole(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)) {
            throw new ForbiddenException("Scheduling a report needs the Scheduled Task Management permission.");
        }
        problems.throwIfAny();

        Long taskId = null;
        if (input.schedule() != null) {
            taskId = tasks.createFor(input.schedule(), tenantId, filter, remoteAddress)
                    .id();
        }
        String criteria = UsageCriteria.of(
                UsageCriteria.days(from, to),
                tenantId,
                filter.name(),
                filter.status(),
                filter.plan(),
                filter.region(),
                daily);
        long expected = expectedRows(tenantId, filter, daily, from, to);
        long runId = runs.startExport(
                new ExportRequest(name, BuiltInReports.USAGE_EXPORT, "Tenant Usage Export", criteria, delimiter));
        String caller = session.getCallerPrincipal().getName();
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO usage_report (name, description, scope, tenant_id, filter, period,"
                        + " period_from, period_to, csv_delimiter, daily, expected_rows, run_id, scheduled_task_id,"
                        + " requested_by, created_at) VALUES (?1, ?2, ?3, CAST(?4 AS BIGINT), ?5, ?6, ?7, ?8, ?9, ?10,"
                        + " ?11, ?12, CAST(?13 AS BIGINT), ?14, ?15)")
                .setParameter(1, name)
                .setParameter(2, description)
                .setParameter(3, scope)
                .setParameter(4, tenantId)
                .setParameter(5, "FILTERED".equals(scope) ? filterJson(filter) : null)
                .setParameter(6, period)
                .setParameter(7, from)
                .setParameter(8, to)
                .setParameter(9, delimiter.name())
                .setParameter(10, daily)
                .setParameter(11, expected)
                .setParameter(12, runId)
                .setParameter(13, taskId)
                .setParameter(14, caller)
                .setParameter(15, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        long id = ((Number) em.createNativeQuery("SELECT id FROM usage_report WHERE run_id = ?1")
                        .setParameter(1, runId)
                        .getSingleResult())
                .longValue();
        auditLog.record(AuditRecord.of(caller, "usage-report.generate", remoteAddress)
                .about("usageReport", id)
                .withDetail(Json.createObjectBuilder()
                        .add("runId", runId)
                        .add("scope", scope)
                        .add("from", from.toString())
                        .add("to", to.toString())
                        .build()
                        .toString()));
        return get(id);
    }

    // --- reading

    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public Page<UsageReportView> list(Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        try {
            return Jdbc.inCallersTransaction(dataSource, c -> {
                long total;
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM usage_report");
                        ResultSet row = count.executeQuery()) {
                    row.next();
                    total = row.getLong(1);
                }
                List<UsageReportView> reports = new ArrayList<>();
                try (PreparedStatement select =
                        c.prepareStatement(REPORTS + " ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?")) {
                    select.setInt(1, pageSize);
                    select.setLong(2, (long) pageNumber * pageSize);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            reports.add(view(row));
                        }
                    }
                }
                return new Page<>(reports, pageNumber, pageSize, total);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The usage reports could not be read: " + e.getMessage(), e);
        }
    }

    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public UsageReportView get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("usage report", id));
    }

    /** The generated reports as a CSV file (the newest 10,000), for a spreadsheet. */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public String listAsCsv(char delimiter) {
        List<String> labels = List.of(
                "Id",
                "Name",
                "Description",
                "Tenants",
                "From",
                "To",
                "Delimiter",
                "Per day",
                "Status",
                "Rows",
                "File",
                "Bytes",
                "Requested by",
                "Created",
                "Finished");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CsvRenderer csv = new CsvRenderer(out, delimiter, false);
            csv.begin(new RenderHeader(
                    "Usage reports",
                    BuiltInReports.USAGE_EXPORT,
                    "Usage reports",
                    settings.organisation().clientName(),
                    clock.instant().atZone(settings.zone()),
                    List.of(),
                    labels.stream()
                            .map(label -> new ColumnSpec(label, label, ColumnType.TEXT))
                            .toList()));
            long count = 0;
            Map<Long, String> names = new HashMap<>();
            for (UsageReportView report : all()) {
                csv.row(new Object[] {
                    report.id(),
                    report.name(),
                    report.description(),
                    "TENANT".equals(report.scope())
                            ? names.computeIfAbsent(report.tenantId(), tenantNames::of)
                            : tenants(report),
                    report.from(),
                    report.to(),
                    report.delimiter(),
                    report.daily() ? "yes" : "no",
                    report.status(),
                    report.rows(),
                    report.file() == null ? null : report.file().name(),
                    report.file() == null ? null : report.file().bytes(),
                    report.requestedBy(),
                    report.createdAt().toString(),
                    report.finishedAt() == null ? null : report.finishedAt().toString()
                });
                count++;
            }
            csv.finish(null, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<UsageReportView> all() {
        List<UsageReportView> all = new ArrayList<>();
        for (int page = 0; page < 50; page++) {
            Page<UsageReportView> slice = list(page, Page.MAX_SIZE);
            all.addAll(slice.items());
            if (all.size() >= slice.total() || slice.items().isEmpty()) {
                break;
            }
        }
        return all;
    }

    // --- cancelling

    /** Stops a report still being made: its run is cancelled, its worker stops writing and keeps no file. */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public UsageReportView cancel(long id, String remoteAddress) {
        UsageReportView report = get(id);
        if (report.runId() == null) {
            throw new ConflictException("Usage report " + id + " has no run to cancel.");
        }
        Run run = em.find(Run.class, report.runId(), LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !RunCancellation.isCancellable(run)) {
            throw new ConflictException("Usage report " + id + " is "
                    + report.status().toLowerCase(Locale.ROOT) + "; only a report still being made can be cancelled.");
        }
        String by = session.getCallerPrincipal().getName();
        RunCancellation.cancel(em, run, by, clock.instant());
        em.flush();
        LOG.info(() -> "Usage report " + id + " (run " + run.getId() + ") cancelled by " + by);
        auditLog.record(AuditRecord.of(by, "usage-report.cancel", remoteAddress)
                .about("usageReport", id)
                .withDetail("{\"runId\":" + run.getId() + "}"));
        return get(id);
    }

    // --- pieces

    private Optional<UsageReportView> find(long id) {
        try {
            return Jdbc.inCallersTransaction(dataSource, c -> {
                try (PreparedStatement select = c.prepareStatement(REPORTS + " WHERE r.id = ?")) {
                    select.setLong(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(view(row)) : Optional.empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The usage report could not be read: " + e.getMessage(), e);
        }
    }

    private static UsageReportView view(ResultSet row) throws SQLException {
        String runStatus = row.getString("run_status");
        String status = runStatus == null
                ? "FAILED"
                : switch (runStatus) {
                    case "SUCCEEDED" -> "COMPLETE";
                    case "CANCELLED" -> "CANCELLED";
                    case "FAILED", "PARTIALLY_FAILED", "SKIPPED" -> "FAILED";
                    default -> "RUNNING";
                };
        long rows = row.getLong("row_count");
        long expected = row.getLong("expected_rows");
        int percent = "COMPLETE".equals(status) ? 100 : expected <= 0 ? 0 : (int) Math.min(99, rows * 100 / expected);
        boolean hasFile = "COMPLETE".equals(status)
                && row.getString("file_name") != null
                && row.getObject("file_purged_at") == null;
        long runId = row.getLong("run_id");
        boolean hasRun = !row.wasNull();
        long itemId = row.getLong("item_id");
        boolean hasItem = !row.wasNull();
        long taskId = row.getLong("scheduled_task_id");
        boolean hasTask = !row.wasNull();
        long tenantId = row.getLong("tenant_id");
        boolean hasTenant = !row.wasNull();
        String error = row.getString("error");
        if (error == null && "FAILED".equals(status)) {
            error = row.getString("detail");
        }
        return new UsageReportView(
                row.getLong("id"),
                row.getString("name"),
                row.getString("description"),
                row.getString("scope"),
                hasTenant ? tenantId : null,
                parseFilter(row.getString("filter")),
                row.getString("period"),
                row.getObject("period_from", LocalDate.class),
                row.getObject("period_to", LocalDate.class),
                row.getString("csv_delimiter"),
                row.getBoolean("daily"),
                status,
                rows,
                expected,
                percent,
                hasRun ? runId : null,
                hasItem ? itemId : null,
                hasTask ? taskId : null,
                row.getString("requested_by"),
                Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "finished_at"),
                hasFile
                        ? new UsageReportView.File(
                                row.getString("file_name"), row.getLong("byte_count"), rows, row.getString("sha256"))
                        : null,
                error);
    }

    /** A tenant's name, for one-tenant reports ("Tenant 12 (no longer in the tenants list)" when it has gone). */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public String tenantName(long tenantId) {
        return tenantNames.of(tenantId);
    }

    /** "All tenants", "Tenant 12", or the filter in words. */
    public static String tenants(UsageReportView report) {
        return switch (report.scope()) {
            case "TENANT" -> "Tenant " + report.tenantId();
            case "FILTERED" -> describe(report.filter());
            default -> "All tenants";
        };
    }

    public static String describe(TenantFilter filter) {
        if (filter == null) {
            return "All tenants";
        }
        List<String> parts = new ArrayList<>();
        if (filter.name() != null) {
            parts.add("name contains “" + filter.name() + "”");
        }
        if (!filter.status().isEmpty()) {
            parts.add("status " + String.join(" or ", words(filter.status())));
        }
        if (!filter.plan().isEmpty()) {
            parts.add("plan " + String.join(" or ", words(filter.plan())));
        }
        if (!filter.region().isEmpty()) {
            parts.add("region " + String.join(" or ", filter.region()));
        }
        return parts.isEmpty() ? "All tenants" : "Tenants whose " + String.join(", ", parts);
    }

    /** Status and plan codes as people write them: ACTIVE as Active, ENTERPRISE as Enterprise. */
    private static List<String> words(List<String> codes) {
        return codes.stream()
                .map(code -> code.isEmpty()
                        ? code
                        : code.charAt(0)
                                + code.substring(1).toLowerCase(Locale.ROOT).replace('_', ' '))
                .toList();
    }

    static String filterJson(TenantFilter filter) {
        return Json.createObjectBuilder()
                .add("name", filter.name() == null ? JsonValue.NULL : Json.createValue(filter.name()))
                .add("status", Json.createArrayBuilder(filter.status()))
                .add("plan", Json.createArrayBuilder(filter.plan()))
                .add("region", Json.createArrayBuilder(filter.region()))
                .build()
                .toString();
    }

    static TenantFilter parseFilter(String json) {
        if (json == null) {
            return null;
        }
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        return new TenantFilter(
                object.isNull("name") ? null : object.getString("name"),
                strings(object.getJsonArray("status")),
                strings(object.getJsonArray("plan")),
                strings(object.getJsonArray("region")));
    }

    private static List<String> strings(JsonArray array) {
        return array == null
                ? List.of()
                : array.getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList();
    }

    private boolean tenantExists(long tenantId) {
        try {
            return reporting.read(c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM usage_tenant WHERE id = ?")) {
                    query.setLong(1, tenantId);
                    try (ResultSet row = query.executeQuery()) {
                        return row.next();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The tenant could not be looked up: " + e.getMessage(), e);
        }
    }

    /** The most rows the file can have: one per tenant, or one per tenant and day. */
    private long expectedRows(Long tenantId, TenantFilter filter, boolean daily, LocalDate from, LocalDate to) {
        TenantQuery query = TenantQuery.of(tenantId, filter.name(), filter.status(), filter.plan(), filter.region());
        try {
            long tenants = reporting.read(c -> {
                try (PreparedStatement count =
                        c.prepareStatement("SELECT COUNT(*) FROM usage_tenant tn" + query.where())) {
                    query.bind(count, 1);
                    try (ResultSet row = count.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                }
            });
            return daily ? tenants * (ChronoUnit.DAYS.between(from, to) + 1) : tenants;
        } catch (SQLException e) {
            throw new IllegalStateException("The tenants could not be counted: " + e.getMessage(), e);
        }
    }

    static CsvDelimiter delimiter(String text, String field, ValidationException.Builder problems) {
        try {
            return CsvDelimiter.valueOf(upper(text, "COMMA"));
        } catch (IllegalArgumentException e) {
            problems.add(field, "Choose COMMA or PIPE.");
            return CsvDelimiter.COMMA;
        }
    }

    static String upper(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text.strip().toUpperCase(Locale.ROOT);
    }
}
