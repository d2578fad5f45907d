package dev.herald.runs.control;

import dev.herald.access.entity.AccountScope;
import dev.herald.audit.boundary.AuditLog;
import dev.herald.audit.boundary.AuditRecord;
import dev.herald.reports.control.ReportSpecs;
import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.schedules.entity.Schedule;
import dev.herald.schedules.entity.ScheduledReport;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fair use of on-demand runs: at most {@value #PER_PERSON} of a person's on-demand runs are going
 * at once; the others wait as QUEUED and start in the order they were asked for, at most
 * {@link OnDemandSettings#maxWaiting()} of them (a full line refuses more). Promotion holds a
 * lock on the person's account row, so two instances (or two requests) never start more than the
 * share between them. It is done when a run is asked for, when one ends, and by the scheduler's
 * housekeeping, so a run left waiting by an instance that stopped still starts.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OnDemandQueue {

    public static final int PER_PERSON = 2;

    /** A run promoted to start, as the workers take it. */
    public record Claimed(long runId, int attempt) {}

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    InstanceName instance;

    @Inject
    Clock clock;

    @Inject
    AuditLog auditLog;

    @Inject
    OnDemandSettings settings;

    /** What asking for a run came to. */
    public sealed interface Asked {}

    /** A run put in line, and the runs (it among them, if there was room) that fair use lets start now. */
    public record Enqueued(long runId, List<Claimed> toStart) implements Asked {}

    /** The item is not the person's to run; nothing was made. */
    public record NotTheirs() implements Asked {}

    /** The person already has {@code waiting} runs in line, the most allowed; nothing was made. */
    public record LineFull(long waiting, int limit) implements Asked {}

    /**
     * Puts a run of the item in the person's line, if the item is theirs to run (one of an enabled
     * on-demand schedule, addressed to their e-mail) and their line is not full; and, in the same
     * transaction, claims what fair use lets start now. The line's length is counted under the lock
     * on the person's account row that promotion takes, so that requests racing on several instances
     * never put more than the limit in line between them. An item not theirs is audited.
     */
    public Asked enqueue(String username, String email, long itemId, String remoteAddress) {
        return enqueue(username, email, Set.of(), itemId, remoteAddress);
    }

    /**
     * The same for a person holding these scope values: an item of a report bound to a scope kind
     * is theirs only when they hold a value of every kind it is bound to (the run is then made with
     * their values); an item made per recipient for every account of a kind is theirs when they hold
     * a value of that kind.
     */
    public Asked enqueue(String username, String email, Set<AccountScope> scopes, long itemId, String remoteAddress) {
        ScheduledReport item = em.find(ScheduledReport.class, itemId);
        if (item == null || !mayRun(item, email, scopes)) {
            auditLog.record(AuditRecord.of(username, "on-demand.refused", remoteAddress)
                    .about("scheduledReport", itemId)
                    .withDetail("{\"reason\":\"not an on-demand item of this user\"}"));
            return new NotTheirs();
        }
        lockPerson(username);
        long waiting = countOf(username, List.of(RunStatus.QUEUED));
        int limit = settings.maxWaiting();
        if (waiting >= limit) {
            return new LineFull(waiting, limit);
        }
        Run run = Run.onDemand(item.getSchedule(), itemId, username, clock.instant());
        em.persist(run);
        em.flush();
        auditLog.record(AuditRecord.of(username, "on-demand.run", remoteAddress)
                .about("run", run.getId())
                .withDetail("{\"itemId\":" + itemId + "}"));
        return new Enqueued(run.getId(), promote(username));
    }

    /** Whether the item is on an enabled on-demand schedule and addressed to this e-mail. */
    public static boolean mayRun(ScheduledReport item, String email) {
        return mayRun(item, email, Set.of());
    }

    /**
     * Whether the item is on an enabled on-demand schedule, addressed to this e-mail (or, made per
     * recipient for every account of a kind, to a holder of a value of it), and, when its report is
     * bound to scope kinds, whether these scope values include a value of each.
     */
    public static boolean mayRun(ScheduledReport item, String email, Set<AccountScope> scopes) {
        Schedule schedule = item.getSchedule();
        if (email == null || !schedule.isEnabled() || !schedule.isRunOnDemand()) {
            return false;
        }
        Set<String> held = new HashSet<>();
        scopes.forEach(scope -> held.add(scope.getKind()));
        boolean addressed = item.getRecipients().stream().anyMatch(email::equalsIgnoreCase)
                || (item.isPerRecipient()
                        && item.getRecipientScopeKind() != null
                        && held.contains(item.getRecipientScopeKind()));
        return addressed
                && held.containsAll(ReportSpecs.boundKinds(item.getReport().getParametersJson()));
    }

    /** Cancels one of the person's waiting or running on-demand runs; false when it is not theirs or has ended. */
    public boolean cancel(String username, long runId, String remoteAddress) {
        Run run = em.find(Run.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run == null
                || run.getTrigger() != RunTrigger.ON_DEMAND
                || !username.equals(run.getRequestedBy())
                || !RunCancellation.isCancellable(run)) {
            return false;
        }
        RunCancellation.cancel(em, run, username, clock.instant());
        auditLog.record(
                AuditRecord.of(username, "on-demand.cancel", remoteAddress).about("run", runId));
        return true;
    }

    /** Claims, for this instance, as many of the person's waiting runs as fair use allows now. */
    public List<Claimed> promote(String username) {
        lockPerson(username);
        long active = countOf(username, RunStatus.ACTIVE);
        int room = PER_PERSON - (int) active;
        if (room <= 0) {
            return List.of();
        }
        List<Run> waiting = em
                .createQuery(
                        "SELECT r FROM Run r WHERE r.requestedBy = :user AND r.trigger = :trigger"
                                + " AND r.status = :queued ORDER BY r.id",
                        Run.class)
                .setParameter("user", username)
                .setParameter("trigger", RunTrigger.ON_DEMAND)
                .setParameter("queued", RunStatus.QUEUED)
                // Locked as read: a run cancelled meanwhile is seen as cancelled, not claimed over it. The
                // whole (short) line is read: H2 refuses a row limit together with FOR UPDATE.
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .limit(room)
                .toList();
        Instant now = clock.instant();
        List<Claimed> claimed = new ArrayList<>();
        for (Run run : waiting) {
            run.claimBy(instance.get(), now);
            claimed.add(new Claimed(run.getId(), run.getAttempt()));
        }
        return claimed;
    }

    /** The lock that orders everything fair use decides for one person, on every instance. */
    private void lockPerson(String username) {
        em.createNativeQuery("SELECT id FROM app_user WHERE username = ?1 FOR UPDATE")
                .setParameter(1, username)
                .getResultList();
    }

    private long countOf(String username, Collection<RunStatus> statuses) {
        return em.createQuery(
                        "SELECT COUNT(r) FROM Run r WHERE r.requestedBy = :user AND r.trigger = :trigger"
                                + " AND r.status IN :statuses",
                        Long.class)
                .setParameter("user", username)
                .setParameter("trigger", RunTrigger.ON_DEMAND)
                .setParameter("statuses", statuses)
                .getSingleResult();
    }

    /** The people with on-demand runs waiting. */
    public List<String> waitingRequesters() {
        return em.createQuery(
                        "SELECT DISTINCT r.requestedBy FROM Run r WHERE r.trigger = :trigger AND r.status = :queued",
                        String.class)
                .setParameter("trigger", RunTrigger.ON_DEMAND)
                .setParameter("queued", RunStatus.QUEUED)
                .getResultList();
    }
}
