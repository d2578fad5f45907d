package dev.herald.runs.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.mail.control.DeliverySettings;
import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.EmailAddresses;
import dev.herald.runs.control.InstanceName;
import dev.herald.runs.control.RunCancellation;
import dev.herald.runs.control.RunExecution;
import dev.herald.runs.control.RunWorkers;
import dev.herald.runs.entity.Delivery;
import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunItem;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.schedules.entity.Schedule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Carrying out runs; starting one now, a test to chosen addresses, or a resend of what failed;
 * cancelling one; withdrawing a link one of them sent; and reading the history of runs with their
 * reports and e-mails.
 */
@Stateless
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    RunExecution execution;

    @Inject
    RunWorkers workers;

    @Inject
    InstanceName instance;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    DeliverySettings deliverySettings;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The one method through which a run is carried out, on a worker thread of the instance that
     * owns it (see {@link RunExecution}). A database failure on the way leaves the run to be taken
     * over once its heartbeat stops, and carried on from what was recorded.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public RunExecution.Step execute(long runId, int attempt, boolean holdsSlot, Runnable resume) {
        try {
            return execution.execute(runId, attempt, holdsSlot, resume);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.info(() -> "Run " + runId + " attempt " + attempt + " interrupted; another instance will take it over");
        } catch (SQLException | IOException e) {
            LOG.warning(() -> "Run " + runId + " attempt " + attempt + " stopped: " + e.getMessage()
                    + "; another instance will take it over");
        }
        return RunExecution.Step.DONE;
    }

    /** Starts a run of the schedule now, on this instance; the answer is the run, already claimed. */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public RunView runNow(long scheduleId) {
        Run run = start(schedule(scheduleId), RunTrigger.MANUAL, List.of());
        LOG.info(() -> "Run " + run.getId() + " of schedule " + scheduleId + " started now by " + run.getRequestedBy());
        return RunView.of(run);
    }

    /** Runs the schedule now for the given addresses only: never to its items' recipients. */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public RunView test(long scheduleId, TestSendInput input) {
        Schedule schedule = schedule(scheduleId);
        ValidationException.Builder errors = ValidationException.builder();
        List<String> to = EmailAddresses.check(input == null ? null : input.to(), "to", errors);
        errors.throwIfAny();
        Run run = start(schedule, RunTrigger.TEST, to);
        LOG.info(() -> "Test run " + run.getId() + " of schedule " + scheduleId + " to " + to);
        return RunView.of(run);
    }

    /**
     * Makes the summary reports now and sends both audiences' versions to the given addresses only,
     * through the summary schedule (the same engine as every run).
     */
    @RolesAllowed(SecurityRoles.CONFIGURE_SUMMARY_REPORTS)
    public RunView testSummary(List<String> to) {
        Schedule schedule = em.createQuery("SELECT s FROM Schedule s WHERE s.kind = :kind", Schedule.class)
                .setParameter("kind", Schedule.SUMMARY)
                .getSingleResult();
        Run run = start(schedule, RunTrigger.TEST, to);
        LOG.info(() -> "Test run " + run.getId() + " of the summary reports to " + to);
        return RunView.of(run);
    }

    /**
     * Starts a run of no schedule that makes one CSV file of a report and keeps it for download (a
     * usage report generated now); the answer is the run's id. It runs in the caller's transaction,
     * so that whatever the caller records about it commits with it.
     */
    @RolesAllowed(SecurityRoles.EXPORT_REPORTS)
    public long startExport(ExportRequest export) {
        Instant now = clock.instant();
        Run run = new Run(export.name(), RunTrigger.EXPORT, caller(), now);
        run.claimBy(instance.get(), now);
        em.persist(run);
        em.flush();
        em.createNativeQuery("INSERT INTO run_item (run_id, position, display_name, report_key, report_name,"
                        + " file_format, csv_delimiter, deliver_as, skip_when_empty, subject, criteria, recipients,"
                        + " status) VALUES (?1, 0, ?2, ?3, ?4, 'CSV', ?5, 'ATTACHMENT', FALSE, '', ?6, '', 'PENDING')")
                .setParameter(1, run.getId())
                .setParameter(2, export.name())
                .setParameter(3, export.reportKey())
                .setParameter(4, export.reportName())
                .setParameter(5, export.delimiter().name())
                .setParameter(6, export.criteria())
                .executeUpdate();
        submitAfterCommit(run);
        LOG.info(() -> "Export run " + run.getId() + " (“" + export.name() + "”) started by " + run.getRequestedBy());
        return run.getId();
    }

    /**
     * Sends again what failed in an ended run, and nothing else: its failed e-mails (with the same
     * Message-IDs) and the reports that could not be made. The run is carried out again like a new
     * attempt and ends with a status over all its e-mails.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public RunView resendFailed(long runId) {
        Run run = lockedRun(runId);
        if (run.getStatus().isActive()) {
            throw new ConflictException(
                    "Run " + runId + " is still in progress; resend its failures once it has ended.");
        }
        long failedMails = count(
                "SELECT COUNT(*) FROM delivery d JOIN run_item i ON i.id = d.run_item_id"
                        + " WHERE i.run_id = ?1 AND d.status = 'FAILED'",
                runId);
        long failedItems = count("SELECT COUNT(*) FROM run_item WHERE run_id = ?1 AND status = 'FAILED'", runId);
        if (failedMails + failedItems == 0) {
            throw new ConflictException("Nothing failed in run " + runId + ": there is nothing to resend.");
        }
        long gone = count(
                "SELECT COUNT(DISTINCT i.id) FROM delivery d JOIN run_item i ON i.id = d.run_item_id"
                        + " WHERE i.run_id = ?1 AND d.status = 'FAILED' AND (i.file_purged_at IS NOT NULL"
                        + " OR i.file_kept_until < CURRENT_TIMESTAMP)",
                runId);
        if (gone > 0) {
            throw new ConflictException("The files of run " + runId
                    + " are no longer kept (file retention); run the schedule again instead.");
        }
        em.createNativeQuery("UPDATE delivery SET status = 'PENDING', tries = 0, in_doubt = FALSE,"
                        + " next_attempt_at = NULL WHERE status = 'FAILED'"
                        + " AND run_item_id IN (SELECT id FROM run_item WHERE run_id = ?1)")
                .setParameter(1, runId)
                .executeUpdate();
        em.createNativeQuery(
                        "UPDATE run_item SET status = 'PENDING', error = NULL WHERE run_id = ?1 AND status = 'FAILED'")
                .setParameter(1, runId)
                .executeUpdate();
        String by = caller();
        run.reopen(
                instance.get(),
                "Resending " + failedMails + " failed e-mails"
                        + (failedItems > 0 ? " and " + failedItems + " reports" : "") + ", asked by " + by + ".",
                clock.instant());
        submitAfterCommit(run);
        auditLog.record(AuditRecord.of(by, "run.resend-failed", null)
                .about("run", runId)
                .withDetail("{\"deliveries\":" + failedMails + ",\"reports\":" + failedItems + "}"));
        LOG.info(() -> "Run " + runId + ": resending " + failedMails + " failed e-mails, asked by " + by);
        return view(run);
    }

    /**
     * Cancels a run in progress. Its owner stops at its next step (before the next report or
     * e-mail); what was sent stays sent, what was not is marked cancelled.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public RunView cancel(long runId) {
        Run run = lockedRun(runId);
        if (!RunCancellation.isCancellable(run)) {
            throw new ConflictException("Run " + runId + " has already ended (" + run.getStatus() + ").");
        }
        String by = caller();
        RunCancellation.cancel(em, run, by, clock.instant());
        auditLog.record(AuditRecord.of(by, "run.cancel", null).about("run", runId));
        LOG.info(() -> "Run " + runId + " cancelled by " + by);
        return view(run);
    }

    /**
     * Withdraws the link one delivery of the run sent: from then on it opens nothing, wherever that
     * file is offered to its recipient (the link itself, the portal's Files, the API's my-files).
     * Withdrawing a withdrawn link changes nothing. Summary links are withdrawn under Summary reports.
     */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public DeliveryView withdrawLink(long runId, long deliveryId, String remoteAddress) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        if (delivery == null || delivery.getItem().getRun().getId() != runId) {
            throw new NotFoundException("delivery", deliveryId);
        }
        Schedule schedule = delivery.getItem().getRun().getSchedule();
        if (schedule != null && schedule.isSummary()) {
            throw new ConflictException("This is a summary report's link: withdraw it under Summary reports.");
        }
        if (delivery.getDeliveredAs() != DeliverAs.LINK) {
            throw new ConflictException("The e-mail to " + delivery.getRecipient()
                    + " carried the file itself: there is no link to withdraw.");
        }
        if (delivery.getLinkRevokedAt() != null) {
            return DeliveryView.of(delivery, deliverySettings.retryPolicy().maxTries());
        }
        String by = caller();
        em.createNativeQuery("UPDATE delivery SET link_revoked_at = ?1, link_revoked_by = ?2"
                        + " WHERE id = ?3 AND link_revoked_at IS NULL")
                .setParameter(1, clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter(2, by)
                .setParameter(3, deliveryId)
                .executeUpdate();
        em.refresh(delivery);
        auditLog.record(AuditRecord.of(by, "run.link.withdraw", remoteAddress)
                .about("delivery", deliveryId)
                .withDetail("{\"runId\":" + runId + ",\"recipient\":" + jsonStrings(List.of(delivery.getRecipient()))
                        + "}"));
        LOG.info(() -> "Run " + runId + ": the link to " + delivery.getRecipient() + " withdrawn by " + by);
        return DeliveryView.of(delivery, deliverySettings.retryPolicy().maxTries());
    }

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public RunView find(long runId) {
        Run run = em.find(Run.class, runId);
        if (run == null) {
            throw new NotFoundException("run", runId);
        }
        return view(run);
    }

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public Page<RunView> list(Long scheduleId, String status, Integer page, Integer size) {
        return list(new RunQuery(scheduleId, status, null, RunQuery.Sort.CREATED, true), page, size);
    }

    /**
     * Runs as the console's history lists them: the filters of {@link RunQuery} (the schedule's name
     * as the run recorded it, so runs of a deleted schedule are found too) in the order asked for.
     */
    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public Page<RunView> list(RunQuery filter, Integer page, Integer size) {
        Long scheduleId = filter.scheduleId();
        String status = filter.status();
        String name = filter.scheduleName() == null || filter.scheduleName().isBlank()
                ? null
                : "%"
                        + filter.scheduleName()
                                .strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        ValidationException.Builder errors = ValidationException.builder();
        RunStatus wanted = errors.enumValue(RunStatus.class, status, "status", null);
        errors.throwIfAny();
        // Only the filters given become conditions: a "(:p IS NULL OR …)" condition binds a typeless null,
        // which PostgreSQL refuses ("bigint = character varying") once the driver prepares the statement.
        List<String> conditions = new ArrayList<>();
        if (scheduleId != null) {
            conditions.add("r.schedule.id = :scheduleId");
        }
        if (wanted != null) {
            conditions.add("r.status = :status");
        }
        if (name != null) {
            conditions.add("LOWER(r.scheduleName) LIKE :name ESCAPE '\\'");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        TypedQuery<Run> query =
                em.createQuery("SELECT r FROM Run r" + where + " ORDER BY " + filter.orderBy(), Run.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Run r" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            if (scheduleId != null) {
                q.setParameter("scheduleId", scheduleId);
            }
            if (wanted != null) {
                q.setParameter("status", wanted);
            }
            if (name != null) {
                q.setParameter("name", name);
            }
        }
        List<Run> runs = query.setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultList();
        return new Page<>(views(runs), pageNumber, pageSize, count.getSingleResult());
    }

    private Schedule schedule(long scheduleId) {
        Schedule schedule = em.find(Schedule.class, scheduleId);
        if (schedule == null || !schedule.isReports()) {
            throw new NotFoundException("schedule", scheduleId);
        }
        return schedule;
    }

    private Run lockedRun(long runId) {
        Run run = em.find(Run.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null) {
            throw new NotFoundException("run", runId);
        }
        return run;
    }

    private Run start(Schedule schedule, RunTrigger trigger, List<String> onlyTo) {
        Instant now = clock.instant();
        Run run = new Run(schedule, trigger, now, caller(), now);
        if (!onlyTo.isEmpty()) {
            run.sendOnlyTo(onlyTo);
        }
        run.claimBy(instance.get(), now);
        em.persist(run);
        em.flush();
        submitAfterCommit(run);
        auditLog.record(AuditRecord.of(caller(), trigger == RunTrigger.TEST ? "run.test" : "run.now", null)
                .about("run", run.getId())
                .withDetail("{\"scheduleId\":" + schedule.getId()
                        + (onlyTo.isEmpty() ? "" : ",\"to\":" + jsonStrings(onlyTo)) + "}"));
        return run;
    }

    /** The workers read the run in their own transactions: hand it over once it is committed. */
    private void submitAfterCommit(Run run) {
        long runId = run.getId();
        int attempt = run.getAttempt();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    workers.submit(runId, attempt);
                }
            }
        });
    }

    private long count(String sql, long runId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, runId).getSingleResult()).longValue();
    }

    private RunView view(Run run) {
        return views(List.of(run)).get(0);
    }

    /** The runs with their items and deliveries, in three queries whatever the number of runs. */
    private List<RunView> views(List<Run> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<Long> runIds = runs.stream().map(Run::getId).toList();
        List<RunItem> items = em.createNamedQuery(RunItem.OF_RUNS, RunItem.class)
                .setParameter("runIds", runIds)
                .getResultList();
        Map<Long, List<DeliveryView>> deliveries = new LinkedHashMap<>();
        int maxTries = deliverySettings.retryPolicy().maxTries();
        if (!items.isEmpty()) {
            em.createNamedQuery(Delivery.OF_ITEMS, Delivery.class)
                    .setParameter("itemIds", items.stream().map(RunItem::getId).toList())
                    .getResultStream()
                    .forEach(d -> deliveries
                            .computeIfAbsent(d.getItem().getId(), id -> new ArrayList<>())
                            .add(DeliveryView.of(d, maxTries)));
        }
        Instant now = clock.instant();
        Map<Long, List<RunItemView>> itemsByRun = items.stream()
                .collect(Collectors.groupingBy(
                        item -> item.getRun().getId(),
                        Collectors.mapping(
                                item -> RunItemView.of(item, deliveries.getOrDefault(item.getId(), List.of()), now),
                                Collectors.toList())));
        Map<Long, List<NoticeView>> notices = notices(runIds);
        return runs.stream()
                .map(run -> RunView.of(
                        run,
                        itemsByRun.getOrDefault(run.getId(), List.of()),
                        notices.getOrDefault(run.getId(), List.of())))
                .toList();
    }

    /** The notices sent about these runs (the owners' failure notices), by run. */
    private Map<Long, List<NoticeView>> notices(List<Long> runIds) {
        String placeholders = runIds.stream().map(id -> "?").collect(Collectors.joining(","));
        var query = em.createNativeQuery("SELECT run_id, kind, recipient, status, tries, last_error, in_doubt,"
                + " next_attempt_at, sent_at FROM notice WHERE run_id IN (" + placeholders + ") ORDER BY id");
        for (int i = 0; i < runIds.size(); i++) {
            query.setParameter(i + 1, runIds.get(i));
        }
        Map<Long, List<NoticeView>> notices = new HashMap<>();
        for (Object found : query.getResultList()) {
            Object[] row = (Object[]) found;
            notices.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>())
                    .add(new NoticeView(
                            (String) row[1],
                            (String) row[2],
                            (String) row[3],
                            ((Number) row[4]).intValue(),
                            (String) row[5],
                            Boolean.TRUE.equals(row[6]),
                            instant(row[7]),
                            instant(row[8])));
        }
        return notices;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException(
                "Unexpected time value " + value.getClass().getName());
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }

    private static String jsonStrings(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }
}
