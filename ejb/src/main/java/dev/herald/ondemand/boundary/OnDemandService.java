package dev.herald.ondemand.boundary;

import dev.herald.access.control.UserAccounts;
import dev.herald.access.entity.SecurityRoles;
import dev.herald.access.entity.UserAccount;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.delivery.boundary.LinkAccess;
import dev.herald.delivery.boundary.RunFile;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.rendering.control.Criterion;
import dev.herald.reports.control.RecipientScopes;
import dev.herald.reports.control.ReportEngine;
import dev.herald.reports.control.ReportSpec;
import dev.herald.runs.control.OnDemandEnds;
import dev.herald.runs.control.OnDemandQueue;
import dev.herald.runs.control.RunWorkers;
import dev.herald.runs.entity.Delivery;
import dev.herald.runs.entity.DeliveryStatus;
import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunItem;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.schedules.entity.DeliverAs;
import dev.herald.schedules.entity.ScheduledReport;
import dev.herald.scopes.control.ScopeKinds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a partner does with on-demand reports: list the items addressed to them, run one (fair use:
 * two at a time, the rest wait in a line of bounded length), follow and cancel their runs, fetch the
 * files (kept for the on-demand file lifetime), and list and fetch the files sent to them by link. Nothing of another person's is reachable here: their item,
 * run, file or delivery is empty (the API answers 404), and the attempt is audited.
 */
@Stateless
@RolesAllowed(SecurityRoles.COLLECT_REPORTS)
public class OnDemandService {

    private static final int RECENT_RUNS = 20;
    private static final Duration SLICE = Duration.ofMillis(500);
    /**
     * A full line moves when one of the person's two running reports ends; most take seconds, so
     * asking again after this long usually finds room without hammering the server meanwhile.
     */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    OnDemandQueue queue;

    @Inject
    RunWorkers workers;

    @Inject
    OnDemandEnds ends;

    @Inject
    ReportEngine engine;

    @Inject
    AuditLog auditLog;

    @Inject
    ScopeKinds scopeKinds;

    @Inject
    Clock clock;

    /** The items of enabled on-demand schedules addressed to the caller's e-mail, by schedule and position. */
    public List<OnDemandItemView> available() {
        UserAccount caller = caller();
        String email = caller.getEmail();
        if (email == null || email.isBlank()) {
            return List.of();
        }
        // Addressed to the caller, or made per recipient for every account of a kind they hold; an
        // item of a report bound to a kind they hold no value of is not theirs (mayRun).
        List<?> ids = em.createNativeQuery(
                        "SELECT s.id FROM scheduled_report s JOIN schedule sc ON sc.id = s.schedule_id"
                                + " WHERE sc.enabled = TRUE AND sc.run_on_demand = TRUE AND (EXISTS (SELECT 1 FROM"
                                + " scheduled_report_recipient r WHERE r.scheduled_report_id = s.id AND LOWER(r.email) = ?1)"
                                + " OR (s.per_recipient = TRUE AND s.recipient_scope_kind IN (SELECT a.kind FROM"
                                + " account_scope a WHERE a.user_id = ?2)))"
                                + " ORDER BY sc.name, s.position")
                .setParameter(1, email.toLowerCase(Locale.ROOT))
                .setParameter(2, caller.getId())
                .getResultList();
        return ids.stream()
                .map(id -> em.find(ScheduledReport.class, ((Number) id).longValue()))
                .filter(item -> OnDemandQueue.mayRun(item, email, caller.getScopes()))
                .map(item -> view(item, caller))
                .toList();
    }

    /**
     * Puts a run of the item in the caller's line and starts it if fair use allows; the answer is the
     * run as it stands. Empty when the item is not the caller's to run.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<OnDemandRunView> run(long itemId, String remoteAddress) {
        return start(itemId, remoteAddress).map(runId -> view(em.find(Run.class, runId)));
    }

    /**
     * Waits, up to the patience given, for one of the caller's runs to end: woken at once when it
     * ends on this instance, and looking at its status every {@code SLICE} in case it runs on
     * another. Answers the run as it stands then.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<OnDemandRunView> awaitEnd(long runId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        // Listen before looking, so that an end between the two is not missed.
        CompletableFuture<Void> endedHere = ends.whenEnded(runId);
        try {
            Run run = em.find(Run.class, runId);
            if (run == null
                    || run.getTrigger() != RunTrigger.ON_DEMAND
                    || !callerName().equals(run.getRequestedBy())) {
                return Optional.empty();
            }
            while (!hasEnded(run)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    endedHere.get(Math.min(left, SLICE.toNanos()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException stillGoing) {
                    // look at the run again
                }
                run = em.find(Run.class, runId);
                if (endedHere.isDone()) {
                    endedHere = new CompletableFuture<>(); // recorded here but carried on elsewhere: look every slice
                }
            }
            return Optional.of(view(run));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(view(em.find(Run.class, runId)));
        } finally {
            ends.forget(runId);
        }
    }

    private static boolean hasEnded(Run run) {
        return !run.getStatus().isActive() && run.getStatus() != RunStatus.QUEUED;
    }

    /**
     * The same as {@link #run}, answering only the run's id: for a caller that waits for it next.
     *
     * @throws LineFullException when the caller already has as many runs waiting as one person may
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Long> start(long itemId, String remoteAddress) {
        UserAccount caller = caller();
        OnDemandQueue.Asked asked = queue.enqueue(
                caller.getUsername(), caller.getEmail(), Set.copyOf(caller.getScopes()), itemId, remoteAddress);
        if (asked instanceof OnDemandQueue.LineFull full) {
            throw new LineFullException(full.waiting(), full.limit(), RETRY_AFTER);
        }
        if (asked instanceof OnDemandQueue.Enqueued enqueued) {
            enqueued.toStart().forEach(next -> workers.submit(next.runId(), next.attempt()));
            return Optional.of(enqueued.runId());
        }
        return Optional.empty();
    }

    /** One of the caller's on-demand runs. */
    public Optional<OnDemandRunView> find(long runId, String remoteAddress) {
        return ownRun(runId, remoteAddress).map(this::view);
    }

    /** The caller's latest on-demand runs, newest first. */
    public List<OnDemandRunView> mine() {
        return em
                .createQuery(
                        "SELECT r FROM Run r WHERE r.requestedBy = :user AND r.trigger = :trigger ORDER BY r.id DESC",
                        Run.class)
                .setParameter("user", callerName())
                .setParameter("trigger", RunTrigger.ON_DEMAND)
                .setMaxResults(RECENT_RUNS)
                .getResultList()
                .stream()
                .map(this::view)
                .toList();
    }

    /** Cancels one of the caller's waiting or running runs; empty when it is not theirs or already ended. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<OnDemandRunView> cancel(long runId, String remoteAddress) {
        String caller = callerName();
        if (!queue.cancel(caller, runId, remoteAddress)) {
            return Optional.empty();
        }
        startWaiting(caller);
        return Optional.of(view(em.find(Run.class, runId)));
    }

    /** The file of one of the caller's runs that succeeded, while it is kept; the download is audited. */
    public Optional<RunFile> openFile(long runId, String remoteAddress) {
        Optional<RunItem> item = ownRun(runId, remoteAddress).flatMap(this::itemOf);
        Instant now = clock.instant();
        if (item.isEmpty() || !item.get().hasFile(now)) {
            return Optional.empty();
        }
        auditLog.record(AuditRecord.of(callerName(), "file.download", remoteAddress)
                .about("runItem", item.get().getId())
                .withDetail("{\"via\":\"on-demand\",\"runId\":" + runId + "}"));
        return Optional.of(RunFile.of(item.get()));
    }

    /** Files sent to the caller by link whose link still works (not withdrawn, not expired), newest first. */
    public List<MyFileView> myFiles() {
        String email = caller().getEmail();
        if (email == null || email.isBlank()) {
            return List.of();
        }
        Instant now = clock.instant();
        return em
                .createQuery(
                        "SELECT d FROM Delivery d WHERE LOWER(d.recipient) = :email AND d.deliveredAs = :link"
                                + " AND d.status = :sent AND d.linkRevokedAt IS NULL AND d.linkExpiresAt > :now"
                                + " ORDER BY d.sentAt DESC, d.id DESC",
                        Delivery.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setParameter("link", DeliverAs.LINK)
                .setParameter("sent", DeliveryStatus.SENT)
                .setParameter("now", now)
                .getResultList()
                .stream()
                .filter(d -> LinkAccess.opens(d, now))
                .map(OnDemandService::view)
                .toList();
    }

    /**
     * A file sent to the caller by link, by its delivery: the same rule as the link in the e-mail, so a
     * withdrawn or expired link is withdrawn or expired here too. Refused (and audited) when the
     * delivery is not the caller's.
     */
    public LinkAccess openMyFile(long deliveryId, String remoteAddress) {
        Delivery delivery = em.find(Delivery.class, deliveryId);
        String email = caller().getEmail();
        boolean theirs = delivery != null
                && email != null
                && !email.isBlank()
                && email.equalsIgnoreCase(delivery.getRecipient())
                && delivery.getDeliveredAs() == DeliverAs.LINK
                && delivery.getStatus() == DeliveryStatus.SENT;
        if (!theirs) {
            refuse("delivery", deliveryId, remoteAddress);
            return new LinkAccess.Refused();
        }
        LinkAccess access = LinkAccess.of(delivery, clock.instant());
        if (access instanceof LinkAccess.Granted) {
            auditLog.record(AuditRecord.of(callerName(), "file.download", remoteAddress)
                    .about("runItem", delivery.getItem().getId())
                    .withDetail("{\"via\":\"my-files\",\"deliveryId\":" + deliveryId + "}"));
        } else {
            auditLog.record(AuditRecord.of(
                            callerName(),
                            access instanceof LinkAccess.Withdrawn
                                    ? "file.download.withdrawn"
                                    : "file.download.expired",
                            remoteAddress)
                    .about("runItem", delivery.getItem().getId())
                    .withDetail("{\"deliveryId\":" + deliveryId + "}"));
        }
        return access;
    }

    private void startWaiting(String username) {
        queue.promote(username).forEach(next -> workers.submit(next.runId(), next.attempt()));
    }

    private Optional<Run> ownRun(long runId, String remoteAddress) {
        Run run = em.find(Run.class, runId);
        if (run == null
                || run.getTrigger() != RunTrigger.ON_DEMAND
                || !callerName().equals(run.getRequestedBy())) {
            refuse("run", runId, remoteAddress);
            return Optional.empty();
        }
        return Optional.of(run);
    }

    private void refuse(String type, long id, String remoteAddress) {
        auditLog.record(AuditRecord.of(callerName(), "on-demand.refused", remoteAddress)
                .about(type, id)
                .withDetail("{\"reason\":\"not this user's\"}"));
    }

    private Optional<RunItem> itemOf(Run run) {
        return em.createQuery("SELECT i FROM RunItem i WHERE i.run = :run", RunItem.class)
                .setParameter("run", run)
                .getResultStream()
                .findFirst();
    }

    /** The item as the caller would get it: bound parameters stated with the caller's own values. */
    private OnDemandItemView view(ScheduledReport item, UserAccount caller) {
        List<OnDemandItemView.CriterionView> criteria;
        try {
            ReportSpec report = engine.spec(item.getReport().getKey());
            JsonObject values =
                    Json.createReader(new StringReader(item.getCriteria())).readObject();
            RecipientScopes scopes = null;
            if (report.isBound()) {
                Map<String, List<String>> held = new TreeMap<>();
                caller.getScopes().forEach(scope -> held.computeIfAbsent(scope.getKind(), k -> new ArrayList<>())
                        .add(scope.getValue()));
                scopes = scopeKinds.scopes(held);
            }
            criteria = engine
                    .prepare(report, values, item.getDisplayName(), "criteria", clock.instant(), scopes)
                    .criteria()
                    .criteria()
                    .stream()
                    .map(OnDemandService::view)
                    .toList();
        } catch (ValidationException | NotFoundException | SQLException e) {
            criteria = List.of(new OnDemandItemView.CriterionView(
                    "Criteria", "No longer valid; ask your contact to check this report."));
        }
        return new OnDemandItemView(
                item.getId(),
                item.getSchedule().getName(),
                item.getDisplayName(),
                item.getReport().getKey(),
                item.getReport().getName(),
                item.getFormat().name(),
                item.getCsvDelimiter().name(),
                criteria);
    }

    private static OnDemandItemView.CriterionView view(Criterion criterion) {
        return new OnDemandItemView.CriterionView(criterion.label(), criterion.value());
    }

    private OnDemandRunView view(Run run) {
        Optional<RunItem> item = itemOf(run);
        Instant now = clock.instant();
        Integer place = null;
        if (run.getStatus() == RunStatus.QUEUED) {
            place = em.createQuery(
                            "SELECT COUNT(r) FROM Run r WHERE r.requestedBy = :user AND r.trigger = :trigger"
                                    + " AND r.status = :queued AND r.id <= :id",
                            Long.class)
                    .setParameter("user", run.getRequestedBy())
                    .setParameter("trigger", RunTrigger.ON_DEMAND)
                    .setParameter("queued", RunStatus.QUEUED)
                    .setParameter("id", run.getId())
                    .getSingleResult()
                    .intValue();
        }
        ScheduledReport planned = item.isPresent() ? null : em.find(ScheduledReport.class, run.getOnlyItemId());
        OnDemandRunView.FileView file = item.filter(i -> i.hasFile(now))
                .map(i -> new OnDemandRunView.FileView(
                        i.getFileName(),
                        i.getContentType(),
                        i.getRowCount() == null ? 0 : i.getRowCount(),
                        i.getByteCount() == null ? 0 : i.getByteCount(),
                        i.getFileKeptUntil()))
                .orElse(null);
        return new OnDemandRunView(
                run.getId(),
                run.getOnlyItemId() == null ? 0 : run.getOnlyItemId(),
                item.map(RunItem::getDisplayName)
                        .orElse(planned == null ? run.getScheduleName() : planned.getDisplayName()),
                item.map(RunItem::getReportName)
                        .orElse(planned == null ? "" : planned.getReport().getName()),
                item.map(i -> i.getFormat().name())
                        .orElse(planned == null ? "" : planned.getFormat().name()),
                run.getStatus().name(),
                place,
                run.getDetail(),
                run.getCreatedAt(),
                run.getStartedAt(),
                run.getFinishedAt(),
                file);
    }

    private static MyFileView view(Delivery delivery) {
        RunItem item = delivery.getItem();
        return new MyFileView(
                delivery.getId(),
                item.getRun().getId(),
                item.getRun().getScheduleName(),
                item.getDisplayName(),
                item.getReportName(),
                item.getFileName(),
                item.getFormat().name(),
                item.getRowCount() == null ? 0 : item.getRowCount(),
                item.getByteCount() == null ? 0 : item.getByteCount(),
                delivery.getSentAt(),
                delivery.getLinkExpiresAt());
    }

    private String callerName() {
        return session.getCallerPrincipal().getName();
    }

    private UserAccount caller() {
        String username = callerName();
        return UserAccounts.byUsername(em, username).orElseThrow(() -> new NotFoundException("user", username));
    }
}
