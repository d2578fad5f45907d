package dev.herald.schedules.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.Jdbc;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.control.RecurrenceRules;
import dev.herald.schedules.control.ScheduleCalendar;
import dev.herald.schedules.control.ScheduleValidator;
import dev.herald.schedules.control.ScheduleViews;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import dev.herald.schedules.entity.ScheduledReport;
import dev.herald.scopes.boundary.ScopeService;
import dev.herald.scopes.boundary.ScopeValueView;
import dev.herald.scopes.control.ScopeHolders;
import dev.herald.scopes.control.ScopeKinds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Report schedules: create, change, enable, disable, delete, search, and see when they run. Every
 * change recomputes the schedule's next run, which is what the scheduler's due query reads, and is
 * audited with the schedule before and after.
 */
@Stateless
public class ScheduleService {

    public static final int MAX_PREVIEW = 500;
    public static final int MAX_ADDRESS_CHECK = 2500;
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    AuditLog auditLog;

    @Inject
    ReportEngine reportEngine;

    @Inject
    Clock clock;

    @Inject
    ScopeKinds scopeKinds;

    @Inject
    ScopeService scopeService;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public Page<ScheduleView> search(String q, Integer page, Integer size) {
        return search(q, ScheduleSort.NAME, false, page, size);
    }

    /** The same, in the order asked for; ties (and schedules without a next run) fall back to the name. */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public Page<ScheduleView> search(String q, ScheduleSort sort, boolean descending, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        String pattern =
                q == null || q.isBlank() ? null : "%" + escapeLike(q.strip().toLowerCase(Locale.ROOT)) + "%";
        String where = pattern == null
                ? " WHERE s.kind = 'REPORTS'"
                : " WHERE s.kind = 'REPORTS' AND (s.nameKey LIKE :q ESCAPE '\\' OR EXISTS (SELECT i FROM ScheduledReport i WHERE i.schedule = s"
                        + " AND (LOWER(i.report.name) LIKE :q ESCAPE '\\' OR LOWER(i.displayName) LIKE :q ESCAPE '\\')))";
        TypedQuery<Schedule> query = em.createQuery(
                "SELECT s FROM Schedule s" + where + " ORDER BY " + orderBy(sort, descending), Schedule.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(s) FROM Schedule s" + where, Long.class);
        if (pattern != null) {
            query.setParameter("q", pattern);
            count.setParameter("q", pattern);
        }
        List<ScheduleView> items = query.setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(ScheduleViews::of)
                .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    /**
     * Where the schedule stands (from 0) in the list of all report schedules by name, so that the
     * console can open the page holding it; -1 when there is no such schedule.
     */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public long position(long id) {
        Schedule schedule = em.find(Schedule.class, id);
        if (schedule == null || !schedule.isReports()) {
            return -1;
        }
        return em.createQuery(
                        "SELECT COUNT(s) FROM Schedule s WHERE s.kind = 'REPORTS' AND (s.nameKey < :nameKey"
                                + " OR (s.nameKey = :nameKey AND s.id < :id))",
                        Long.class)
                .setParameter("nameKey", Schedule.nameKey(schedule.getName()))
                .setParameter("id", id)
                .getSingleResult();
    }

    /** The enabled schedules that run soonest, soonest first. */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public List<ScheduleView> upcoming(int count) {
        return em.createQuery(
                        "SELECT s FROM Schedule s WHERE s.enabled = TRUE AND s.nextRunAt IS NOT NULL AND s.kind = 'REPORTS'"
                                + " ORDER BY s.nextRunAt, s.id",
                        Schedule.class)
                .setMaxResults(Math.max(1, Math.min(count, Page.MAX_SIZE)))
                .getResultStream()
                .map(ScheduleViews::of)
                .toList();
    }

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public ScheduleView get(long id) {
        return ScheduleViews.of(find(id));
    }

    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public ScheduleView create(ScheduleInput input, String remoteAddress) {
        ScheduleValidator.Valid valid = validate(input, null);
        Instant now = clock.instant();
        Schedule schedule = new Schedule(valid.name(), caller(), now);
        apply(schedule, valid, now);
        schedule.setNextRunAt(nextRun(schedule, now));
        em.persist(schedule);
        flush(valid.name());
        ScheduleView view = ScheduleViews.of(schedule);
        audit("schedule.create", schedule.getId(), null, view, remoteAddress);
        return view;
    }

    /**
     * Replaces a schedule made against {@code expected}: its version is compared under the row's lock
     * (SELECT … FOR UPDATE), in the transaction that writes, so of two changes made against the same
     * version one is saved and the other is refused as stale, never both.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public ScheduleView update(long id, ScheduleInput input, ExpectedVersion expected, String remoteAddress) {
        Schedule schedule = findLocked(id);
        expected.check("schedule", id, schedule.getVersion());
        ScheduleView before = ScheduleViews.of(schedule);
        ScheduleValidator.Valid valid = validate(input, id);
        Recurrence oldTimetable = ScheduleViews.timetable(schedule);
        boolean wasEnabled = schedule.isEnabled();
        Instant now = clock.instant();
        apply(schedule, valid, now);
        // An unchanged timetable keeps its next run, so that saving just as a run falls due loses nothing.
        Recurrence newTimetable = ScheduleViews.timetable(schedule);
        boolean sameTimetable = Objects.equals(oldTimetable, newTimetable) && wasEnabled == schedule.isEnabled();
        if (!sameTimetable || schedule.getNextRunAt() == null) {
            schedule.setNextRunAt(nextRun(schedule, now));
        }
        flush(valid.name());
        ScheduleView after = ScheduleViews.of(schedule);
        audit("schedule.update", id, before, after, remoteAddress);
        return after;
    }

    /** Deletes whatever version of the schedule is there now (the schedules list, which asks first). */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public void delete(long id, String remoteAddress) {
        delete(id, ExpectedVersion.any(), remoteAddress);
    }

    /** Deletes a schedule if it is still at the expected version (compared under the row's lock). */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public void delete(long id, ExpectedVersion expected, String remoteAddress) {
        Schedule schedule = findLocked(id);
        expected.check("schedule", id, schedule.getVersion());
        ScheduleView before = ScheduleViews.of(schedule);
        em.remove(schedule);
        flush(schedule.getName());
        audit("schedule.delete", id, before, null, remoteAddress);
    }

    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public ScheduleView enable(long id, String remoteAddress) {
        return setEnabled(id, true, remoteAddress);
    }

    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public ScheduleView disable(long id, String remoteAddress) {
        return setEnabled(id, false, remoteAddress);
    }

    /** The schedule's next runs from now, as the scheduler will make them. */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public List<Instant> nextRuns(long id, Integer count) {
        ValidationException.Builder errors = ValidationException.builder();
        checkCount(count, errors);
        errors.throwIfAny();
        Schedule schedule = find(id);
        Recurrence timetable = ScheduleViews.timetable(schedule);
        if (timetable == null || !schedule.isEnabled()) {
            return List.of();
        }
        int wanted = previewCount(count);
        Instant next = schedule.getNextRunAt();
        if (next == null) {
            return List.of();
        }
        List<Instant> runs = new ArrayList<>(wanted);
        runs.add(next);
        runs.addAll(NextRunCalculator.of(timetable).next(next, wanted - 1));
        return runs;
    }

    /** The runs a timetable would make after {@code after} (default now), before it is saved. */
    @RolesAllowed(SecurityRoles.STAFF)
    public RecurrencePreview preview(RecurrenceInput recurrence, String scheduleName, Instant after, Integer count) {
        ValidationException.Builder errors = ValidationException.builder();
        checkCount(count, errors);
        AcceptedDates.check(after, "after", errors);
        Recurrence timetable = null;
        try {
            timetable = validator().recurrence(recurrence, scheduleName);
        } catch (ValidationException invalid) {
            errors.addAll(invalid);
        }
        errors.throwIfAny();
        List<Instant> runs =
                NextRunCalculator.of(timetable).next(after == null ? clock.instant() : after, previewCount(count));
        String rrule = RecurrenceRules.of(timetable)
                .map(RecurrenceRules.Text::asICalendar)
                .orElse(null);
        return new RecurrencePreview(runs, rrule);
    }

    /**
     * The problems of one report of a schedule being edited, before the schedule is saved, on the
     * fields the API names ({@code items[0].recipients}): the console checks a report when its dialog
     * is closed, so that a mistake is shown where it was made.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public List<ValidationException.FieldError> checkItem(ScheduledReportInput item) {
        try {
            validator().validate(new ScheduleInput("check", null, null, true, false, null, List.of(item)));
            return List.of();
        } catch (ValidationException invalid) {
            return invalid.errors().stream()
                    .filter(error -> error.field().startsWith("items[0]"))
                    .toList();
        }
    }

    /**
     * Who gets what from an item made per recipient, before or after it is saved: each recipient
     * with the scope values their file would be made with and its rows now. The item is checked as
     * at save (problems as a ValidationException on {@code items[0]…}). Counting stops after
     * {@link WhoGetsWhatView#COUNTED} recipients or {@link #WHO_GETS_WHAT_BUDGET} in all.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public WhoGetsWhatView whoGetsWhat(ScheduledReportInput item) {
        ScheduledReportInput perRecipient = item == null
                ? null
                : new ScheduledReportInput(
                        item.id(),
                        item.reportKey(),
                        item.criteriaSetId(),
                        item.criteria(),
                        item.displayName(),
                        item.recipients(),
                        item.subject(),
                        item.deliverAs(),
                        item.format(),
                        item.csvDelimiter(),
                        item.skipWhenEmpty(),
                        true,
                        item.recipientScopeKind());
        ScheduleValidator.ValidItem valid = validator()
                .validate(new ScheduleInput("check", null, null, true, false, null, List.of(perRecipient)))
                .items()
                .get(0);
        ReportSpec report = ReportSpecs.of(valid.report());
        Set<String> kinds = ReportSpecs.boundKinds(valid.report().getParametersJson());
        List<ScopeHolders.Recipient> recipients;
        try {
            recipients = Jdbc.inCallersTransaction(
                    dataSource, c -> ScopeHolders.recipients(c, valid.recipientScopeKind(), valid.recipients(), kinds));
        } catch (SQLException e) {
            throw new UnavailableException("The recipients could not be read: " + e.getMessage());
        }
        long deadline = System.nanoTime() + WHO_GETS_WHAT_BUDGET.toNanos();
        List<RecipientPreviewView> shown = new ArrayList<>();
        for (ScopeHolders.Recipient recipient : recipients) {
            if (shown.size() == WhoGetsWhatView.SHOWN) {
                break;
            }
            Map<String, List<ScopeValueView>> scopes = new LinkedHashMap<>();
            Map<String, List<String>> values = new LinkedHashMap<>();
            recipient.values().forEach((kind, set) -> {
                values.put(kind, List.copyOf(set));
                scopes.put(kind, scopeService.named(kind, List.copyOf(set)));
            });
            Long rows = null;
            long left = deadline - System.nanoTime();
            if (recipient.problem() == null && shown.size() < WhoGetsWhatView.COUNTED && left > 1_000_000_000L) {
                try {
                    ReportEngine.Prepared prepared = reportEngine.prepare(
                            report,
                            ReportSpecs.object(valid.criteria()),
                            valid.displayName(),
                            "items[0].criteria",
                            clock.instant(),
                            scopeKinds.scopes(values));
                    OptionalLong counted = reportEngine.count(prepared, (int) Math.max(1, left / 1_000_000_000L));
                    rows = counted.isPresent() ? counted.getAsLong() : null;
                } catch (SQLException e) {
                    throw new UnavailableException("The report's rows could not be counted: " + e.getMessage());
                }
            }
            shown.add(new RecipientPreviewView(
                    recipient.email(), recipient.username(), scopes, rows, recipient.problem()));
        }
        return new WhoGetsWhatView(recipients.size(), shown);
    }

    /** How long counting rows for {@link #whoGetsWhat} may take in all. */
    static final Duration WHO_GETS_WHAT_BUDGET = Duration.ofSeconds(20);

    /**
     * Those of the addresses that belong to no account (compared without case): a report sent to
     * one as a link leads to a sign-in its reader cannot pass. At most {@link #MAX_ADDRESS_CHECK}
     * addresses are looked up in one call.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public List<String> addressesWithoutAccount(Collection<String> addresses) {
        if (addresses == null || addresses.isEmpty()) {
            return List.of();
        }
        if (addresses.size() > MAX_ADDRESS_CHECK) {
            throw ValidationException.of("addresses", "Ask about at most " + MAX_ADDRESS_CHECK + " addresses at once.");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String address : addresses) {
            if (address != null && !address.isBlank()) {
                byKey.putIfAbsent(UserAccount.emailKey(address.strip()), address.strip());
            }
        }
        if (byKey.isEmpty()) {
            return List.of();
        }
        Set<String> known = new HashSet<>(
                em.createQuery("SELECT u.emailKey FROM UserAccount u WHERE u.emailKey IN :keys", String.class)
                        .setParameter("keys", byKey.keySet())
                        .getResultList());
        return byKey.entrySet().stream()
                .filter(entry -> !known.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The schedule's timetable as an iCalendar file. */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public String calendar(long id, String host) {
        return ScheduleCalendar.of(find(id), host);
    }

    private ScheduleView setEnabled(long id, boolean enabled, String remoteAddress) {
        Schedule schedule = find(id);
        if (schedule.isEnabled() == enabled) {
            return ScheduleViews.of(schedule);
        }
        ScheduleView before = ScheduleViews.of(schedule);
        schedule.setEnabled(enabled);
        Instant now = clock.instant();
        schedule.setUpdatedAt(now);
        schedule.setNextRunAt(nextRun(schedule, now));
        flush(schedule.getName());
        ScheduleView after = ScheduleViews.of(schedule);
        audit(enabled ? "schedule.enable" : "schedule.disable", id, before, after, remoteAddress);
        return after;
    }

    /** Every problem at once: the validator's, and a clash with another schedule's name. */
    private ScheduleValidator.Valid validate(ScheduleInput input, Long id) {
        ValidationException.Builder errors = ValidationException.builder();
        ScheduleValidator.Valid valid = null;
        try {
            valid = validator().validate(input);
        } catch (ValidationException invalid) {
            errors.addAll(invalid);
        }
        if (input != null && input.name() != null && !input.name().isBlank() && !errors.hasErrorOn("name")) {
            nameClash(input.name(), id).ifPresent(message -> errors.add("name", message));
        }
        errors.throwIfAny();
        return valid;
    }

    private Optional<String> nameClash(String name, Long id) {
        return em.createNamedQuery(Schedule.BY_NAME_KEY, Schedule.class)
                .setParameter("nameKey", Schedule.nameKey(name))
                .getResultStream()
                .filter(other -> !other.getId().equals(id))
                .findFirst()
                .map(other -> "A schedule named '" + other.getName() + "' already exists.");
    }

    private void apply(Schedule schedule, ScheduleValidator.Valid valid, Instant now) {
        schedule.setName(valid.name());
        schedule.setDescription(valid.description());
        schedule.setEnabled(valid.enabled());
        schedule.setRunOnDemand(valid.runOnDemand());
        schedule.setRunAsSchedule(valid.runAsSchedule());
        schedule.setRecurrence(valid.recurrence());
        schedule.setUpdatedAt(now);
        Map<Long, ScheduledReport> existing = schedule.getItems().stream()
                .filter(item -> item.getId() != null)
                .collect(Collectors.toMap(ScheduledReport::getId, Function.identity()));
        List<ScheduledReport> items = new ArrayList<>();
        for (ScheduleValidator.ValidItem valid1 : valid.items()) {
            ScheduledReport item = valid1.id() != null && existing.containsKey(valid1.id())
                    ? existing.get(valid1.id())
                    : new ScheduledReport();
            item.setReport(valid1.report());
            item.setCriteriaSet(valid1.criteriaSet());
            item.setCriteria(valid1.criteria());
            item.setDisplayName(valid1.displayName());
            item.setRecipients(valid1.recipients());
            item.setSubject(valid1.subject());
            item.setDeliverAs(valid1.deliverAs());
            item.setFormat(valid1.format());
            item.setCsvDelimiter(valid1.csvDelimiter());
            item.setSkipWhenEmpty(valid1.skipWhenEmpty());
            item.setPerRecipient(valid1.perRecipient());
            item.setRecipientScopeKind(valid1.recipientScopeKind());
            items.add(item);
        }
        schedule.replaceItems(items);
    }

    private static Instant nextRun(Schedule schedule, Instant now) {
        Recurrence timetable = ScheduleViews.timetable(schedule);
        if (timetable == null || !schedule.isEnabled()) {
            return null;
        }
        return NextRunCalculator.of(timetable).next(now).orElse(null);
    }

    private void flush(String name) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConflictException(
                    "The schedule changed while this change was being saved (perhaps a run fell due). Reload it and try again.");
        } catch (PersistenceException e) {
            if (Schedule.nameKey(name) != null && nameClash(name, null).isPresent()) {
                throw ValidationException.of("name", "A schedule named '" + name.strip() + "' already exists.");
            }
            throw e;
        }
    }

    private Schedule findLocked(long id) {
        return checked(id, em.find(Schedule.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    private Schedule find(long id) {
        return checked(id, em.find(Schedule.class, id));
    }

    private static Schedule checked(long id, Schedule schedule) {
        // The summary reports' timetable and the scheduled tasks are changed through their own pages.
        if (schedule == null || !schedule.isReports()) {
            throw new NotFoundException("schedule", id);
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

    private ScheduleValidator validator() {
        return new ScheduleValidator(
                new ScheduleValidator.Catalog() {
                    @Override
                    public Optional<ReportDefinition> report(String key) {
                        return reportEngine.definition(key);
                    }

                    @Override
                    public Optional<CriteriaSet> criteriaSet(long id) {
                        return Optional.ofNullable(em.find(CriteriaSet.class, id));
                    }

                    @Override
                    public String checkCriteria(
                            ReportDefinition report,
                            String criteria,
                            String field,
                            ValidationException.Builder errors) {
                        try {
                            return reportEngine
                                    .check(ReportSpecs.of(report), ReportSpecs.object(criteria), field)
                                    .toString();
                        } catch (ValidationException e) {
                            errors.addAll(e);
                            return criteria;
                        }
                    }

                    @Override
                    public boolean scopeKindExists(String kind) {
                        return scopeKinds.find(kind) != null;
                    }

                    @Override
                    public List<String> limitedRecipients(List<String> emails, Set<String> kinds) {
                        return scopeKinds.limitedAmong(emails, kinds);
                    }
                },
                clock);
    }

    private void audit(String action, Long id, ScheduleView before, ScheduleView after, String remoteAddress) {
        String detail = "{\"before\":" + (before == null ? "null" : JSON.toJson(before)) + ",\"after\":"
                + (after == null ? "null" : JSON.toJson(after)) + "}";
        auditLog.record(AuditRecord.of(session.getCallerPrincipal().getName(), action, remoteAddress)
                .about("schedule", id)
                .withDetail(detail));
    }

    private static void checkCount(Integer count, ValidationException.Builder errors) {
        if (count != null && (count < 1 || count > MAX_PREVIEW)) {
            errors.add("count", "Ask for 1 to " + MAX_PREVIEW + " runs.");
        }
    }

    private static int previewCount(Integer count) {
        return count == null ? 10 : count;
    }

    private static String orderBy(ScheduleSort sort, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return switch (sort == null ? ScheduleSort.NAME : sort) {
            case NAME -> "s.nameKey" + direction + ", s.id";
            case ENABLED -> "s.enabled" + direction + ", s.nameKey, s.id";
            case NEXT_RUN -> "s.nextRunAt" + direction + " NULLS LAST, s.nameKey, s.id";
            case UPDATED -> "s.updatedAt" + direction + ", s.nameKey, s.id";
        };
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
