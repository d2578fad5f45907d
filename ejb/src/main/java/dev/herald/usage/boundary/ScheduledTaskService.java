package dev.herald.usage.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.control.BuiltInReports;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.schedules.control.DailyTimes;
import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import dev.herald.schedules.entity.ScheduledReport;
import dev.herald.settings.boundary.SettingsService;
import dev.herald.usage.control.TenantNames;
import dev.herald.usage.control.UsageCriteria;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Scheduled tasks: usage reports made regularly and mailed as a CSV attachment. Each is a schedule
 * of kind TASK holding one Tenant Usage Export item, so the scheduler fires it like every schedule
 * (exactly once across instances, caught up once after downtime): daily with yesterday's usage,
 * weekly on the chosen day with the last 7 days, monthly on the 1st with last month, each before
 * 08:00 in the organisation's time zone at a minute Herald picks from the task's name.
 */
@Stateless
public class ScheduledTaskService {

    static final Set<String> RECURRENCES = Set.of("DAILY", "WEEKLY", "MONTHLY");
    static final String USAGE_REPORT = "USAGE_REPORT";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    SettingsService settings;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    TenantNames tenantNames;

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public Page<ScheduledTaskView> list(Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        List<ScheduledTaskView> tasks = em.createQuery(
                        "SELECT s FROM Schedule s WHERE s.kind = 'TASK' ORDER BY s.nameKey", Schedule.class)
                .setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(this::view)
                .toList();
        long total = em.createQuery("SELECT COUNT(s) FROM Schedule s WHERE s.kind = 'TASK'", Long.class)
                .getSingleResult();
        return new Page<>(tasks, pageNumber, pageSize, total);
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView get(long id) {
        return view(find(id));
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView create(ScheduledTaskInput input, String remoteAddress) {
        return createFor(input, null, TenantFilter.none(), remoteAddress);
    }

    /** A task over some tenants: one tenant, the tenants of a filter, or all (none and an empty filter). */
    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView createFor(
            ScheduledTaskInput input, Long tenantId, TenantFilter filter, String remoteAddress) {
        Valid valid = validate(input, null);
        Instant now = clock.instant();
        Schedule schedule = new Schedule(valid.name(), caller(), now);
        schedule.makeTask();
        ScheduledReport item = new ScheduledReport();
        item.setReport(em.createNamedQuery(ReportDefinition.BY_KEY, ReportDefinition.class)
                .setParameter("key", BuiltInReports.USAGE_EXPORT)
                .getSingleResult());
        item.setSkipWhenEmpty(false);
        item.setDeliverAs(DeliverAs.ATTACHMENT);
        item.setFormat(FileFormat.CSV);
        item.setSubject("{ReportName} for {ClientName}, {RunDate}");
        item.setCriteria(UsageCriteria.of(
                UsageCriteria.metric(period(valid.recurrence())),
                tenantId,
                filter.name(),
                filter.status(),
                filter.plan(),
                filter.region(),
                false));
        schedule.replaceItems(List.of(item));
        apply(schedule, valid, now);
        em.persist(schedule);
        em.flush();
        ScheduledTaskView view = view(schedule);
        audit("scheduled-task.create", schedule.getId(), null, view, remoteAddress);
        return view;
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView update(long id, ScheduledTaskInput input, String remoteAddress) {
        return update(id, input, ExpectedVersion.missing(), remoteAddress);
    }

    /** Changes a task; a version given (If-Match) is compared under the row's lock in this transaction. */
    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView update(long id, ScheduledTaskInput input, ExpectedVersion expected, String remoteAddress) {
        Schedule schedule = find(id, expected);
        ScheduledTaskView before = view(schedule);
        Valid valid = validate(input, id);
        Instant now = clock.instant();
        ScheduledReport item = schedule.getItems().get(0);
        JsonObject criteria =
                Json.createReader(new StringReader(item.getCriteria())).readObject();
        item.setCriteria(Json.createObjectBuilder(criteria)
                .add("period", period(valid.recurrence()))
                .build()
                .toString());
        apply(schedule, valid, now);
        em.flush();
        ScheduledTaskView after = view(schedule);
        audit("scheduled-task.update", id, before, after, remoteAddress);
        return after;
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView enable(long id, String remoteAddress) {
        return switchTo(id, true, remoteAddress);
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public ScheduledTaskView disable(long id, String remoteAddress) {
        return switchTo(id, false, remoteAddress);
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public void delete(long id, String remoteAddress) {
        delete(id, ExpectedVersion.missing(), remoteAddress);
    }

    @RolesAllowed(SecurityRoles.SCHEDULED_TASK_MANAGEMENT)
    public void delete(long id, ExpectedVersion expected, String remoteAddress) {
        Schedule schedule = find(id, expected);
        ScheduledTaskView before = view(schedule);
        em.remove(schedule);
        em.flush();
        audit("scheduled-task.delete", id, before, null, remoteAddress);
    }

    // --- pieces

    private record Valid(
            String name,
            String description,
            String email,
            String recurrence,
            DayOfWeek day,
            CsvDelimiter delimiter,
            boolean enabled) {}

    private Valid validate(ScheduledTaskInput input, Long id) {
        if (input == null) {
            throw ValidationException.of("name", "Send the scheduled task.");
        }
        ValidationException.Builder problems = ValidationException.builder();
        String name = input.name() == null ? "" : input.name().strip();
        if (name.isEmpty()) {
            problems.add("name", "Enter a name for the task.");
        } else if (name.length() > 200) {
            problems.add("name", "The name has at most 200 characters.");
        } else {
            em.createQuery("SELECT s FROM Schedule s WHERE s.kind = 'TASK' AND s.nameKey = :key", Schedule.class)
                    .setParameter("key", Schedule.nameKey(name))
                    .getResultStream()
                    .filter(other -> !other.getId().equals(id))
                    .findFirst()
                    .ifPresent(other ->
                            problems.add("name", "A scheduled task named '" + other.getName() + "' already exists."));
        }
        String description = input.description() == null || input.description().isBlank()
                ? null
                : input.description().strip();
        if (description != null && description.length() > 2000) {
            problems.add("description", "The description has at most 2000 characters.");
        }
        String email = input.email() == null ? "" : input.email().strip();
        if (email.isEmpty()) {
            problems.add("email", "Enter the e-mail address the report goes to.");
        } else if (!EmailAddresses.isValid(email)) {
            problems.add("email", email + " is not an e-mail address.");
        }
        String type = UsageReportService.upper(input.taskType(), USAGE_REPORT);
        if (!USAGE_REPORT.equals(type)) {
            problems.add("taskType", "The only task type is USAGE_REPORT.");
        }
        String recurrence = UsageReportService.upper(input.recurrence(), "");
        if (!RECURRENCES.contains(recurrence)) {
            problems.add("recurrence", "Choose DAILY, WEEKLY or MONTHLY.");
        }
        DayOfWeek day = null;
        if ("WEEKLY".equals(recurrence)) {
            try {
                day = DayOfWeek.valueOf(UsageReportService.upper(input.dayOfWeek(), ""));
            } catch (IllegalArgumentException e) {
                problems.add("dayOfWeek", "Choose the day of the week the task runs, such as MONDAY.");
            }
        }
        CsvDelimiter delimiter = UsageReportService.delimiter(input.delimiter(), "delimiter", problems);
        problems.throwIfAny();
        return new Valid(
                name, description, email, recurrence, day, delimiter, input.enabled() == null || input.enabled());
    }

    private void apply(Schedule schedule, Valid valid, Instant now) {
        schedule.setName(valid.name());
        schedule.setDescription(valid.description());
        schedule.setEnabled(valid.enabled());
        schedule.setRunAsSchedule(true);
        schedule.setRunOnDemand(false);
        schedule.setUpdatedAt(now);
        ScheduledReport item = schedule.getItems().get(0);
        item.setDisplayName(valid.name());
        if (!item.getRecipients().equals(List.of(valid.email()))) {
            // The old address's row goes before the new one takes its position: EclipseLink, given the
            // list in one step, inserted the new row over the old one's position (a duplicate key).
            item.getRecipients().clear();
            if (em.contains(item)) {
                em.flush();
            }
            item.getRecipients().add(valid.email());
        }
        item.setCsvDelimiter(valid.delimiter());
        ZoneId zone = settings.zone();
        Recurrence recurrence = new Recurrence()
                .setTimeZone(zone.getId())
                .setRunFrom(now.atZone(zone).toLocalDate())
                .setFrequency(DailyFrequencyType.BEFORE_8AM)
                .setAt(DailyTimes.before8am(valid.name()))
                .setMisfirePolicy(MisfirePolicy.RUN_ONCE);
        switch (valid.recurrence()) {
            case "DAILY" -> recurrence.setOccurs(OccursType.DAILY).setEvery(1);
            case "WEEKLY" -> recurrence.setOccurs(OccursType.WEEKLY).setEvery(1).setDays(EnumSet.of(valid.day()));
            default -> recurrence.setOccurs(OccursType.MONTHLY_DAY).setEvery(1).setMonthDay(1);
        }
        schedule.setRecurrence(recurrence);
        schedule.setNextRunAt(
                valid.enabled() ? NextRunCalculator.of(recurrence).next(now).orElse(null) : null);
    }

    private ScheduledTaskView switchTo(long id, boolean enabled, String remoteAddress) {
        Schedule schedule = find(id);
        ScheduledTaskView before = view(schedule);
        Instant now = clock.instant();
        schedule.setEnabled(enabled);
        schedule.setUpdatedAt(now);
        schedule.setNextRunAt(
                enabled
                        ? NextRunCalculator.of(schedule.getRecurrence())
                                .next(now)
                                .orElse(null)
                        : null);
        em.flush();
        ScheduledTaskView after = view(schedule);
        audit(enabled ? "scheduled-task.enable" : "scheduled-task.disable", id, before, after, remoteAddress);
        return after;
    }

    /** The days a run covers, by recurrence. */
    private static String period(String recurrence) {
        return switch (recurrence) {
            case "DAILY" -> "YESTERDAY";
            case "WEEKLY" -> "LAST_7_DAYS";
            default -> "LAST_MONTH";
        };
    }

    ScheduledTaskView view(Schedule schedule) {
        ScheduledReport item = schedule.getItems().get(0);
        Recurrence recurrence = schedule.getRecurrence();
        String kind =
                switch (recurrence.getOccurs()) {
                    case DAILY -> "DAILY";
                    case WEEKLY -> "WEEKLY";
                    default -> "MONTHLY";
                };
        JsonObject criteria =
                Json.createReader(new StringReader(item.getCriteria())).readObject();
        return new ScheduledTaskView(
                schedule.getId(),
                schedule.getName(),
                schedule.getDescription(),
                item.getRecipients().isEmpty() ? null : item.getRecipients().get(0),
                USAGE_REPORT,
                kind,
                "WEEKLY".equals(kind) ? recurrence.getDays().iterator().next().name() : null,
                item.getCsvDelimiter().name(),
                schedule.isEnabled(),
                tenants(criteria),
                schedule.getNextRunAt(),
                recurrence.getTimeZone(),
                schedule.getVersion());
    }

    private String tenants(JsonObject criteria) {
        if (criteria.containsKey("tenantId")) {
            return tenantNames.of(criteria.getJsonNumber("tenantId").longValue());
        }
        return UsageReportService.describe(new TenantFilter(
                criteria.containsKey("name") ? criteria.getString("name") : null,
                strings(criteria, "status"),
                strings(criteria, "plan"),
                strings(criteria, "region")));
    }

    private static List<String> strings(JsonObject criteria, String key) {
        return criteria.containsKey(key)
                ? criteria.getJsonArray(key).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }

    /** The task; with a version given, read under the row's lock and compared with it. */
    private Schedule find(long id, ExpectedVersion expected) {
        if (expected.isMissing()) {
            return find(id);
        }
        Schedule schedule = checked(id, em.find(Schedule.class, id, LockModeType.PESSIMISTIC_WRITE));
        expected.check("scheduled task", id, schedule.getVersion());
        return schedule;
    }

    private Schedule find(long id) {
        return checked(id, em.find(Schedule.class, id));
    }

    private static Schedule checked(long id, Schedule schedule) {
        if (schedule == null || !Schedule.TASK.equals(schedule.getKind())) {
            throw new NotFoundException("scheduled task", id);
        }
        return schedule;
    }

    private UserAccount caller() {
        return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
                .setParameter("username", session.getCallerPrincipal().getName())
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private void audit(String action, long id, Object before, Object after, String remoteAddress) {
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), action, remoteAddress)
                .about("scheduledTask", id)
                .change(before, after));
    }
}
