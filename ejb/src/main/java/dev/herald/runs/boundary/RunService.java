package dev.herald.runs.boundary;

import dev.herald.access.entity.SecurityRoles;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.Page;
import dev.herald.runs.control.InstanceName;
import dev.herald.runs.control.RunJournal;
import dev.herald.runs.control.RunOwnership;
import dev.herald.runs.control.RunWorkers;
import dev.herald.runs.control.SchedulerSettings;
import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunStatus;
import dev.herald.runs.entity.RunTrigger;
import dev.herald.schedules.entity.Schedule;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/** Carrying out runs, starting one now, and reading the history of runs. */
@Stateless
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    RunJournal journal;

    @Inject
    RunWorkers workers;

    @Inject
    InstanceName instance;

    @Inject
    SchedulerSettings settings;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The one method through which a run is carried out, on a worker thread of the instance that
     * owns it. Its start and end go through the journal, which records them only while this
     * (instance, attempt) still owns the run. Until rendering and delivery exist, a run records
     * itself and succeeds.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void execute(long runId, int attempt) {
        journal.record(RunOwnership.Event.started(runId, attempt, clock.instant()));
        Duration work = settings.simulatedWork();
        if (!work.isZero()) {
            try {
                Thread.sleep(work.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.info(() ->
                        "Run " + runId + " attempt " + attempt + " interrupted; another instance will take it over");
                return;
            }
        }
        journal.record(RunOwnership.Event.ended(runId, attempt, RunStatus.SUCCEEDED.name(), clock.instant(), null));
        LOG.fine(() -> "Run " + runId + " attempt " + attempt + " SUCCEEDED on " + instance.get());
    }

    /** Starts a run of the schedule now, on this instance; the answer is the run, already claimed. */
    @RolesAllowed(SecurityRoles.MANAGE_SCHEDULES)
    public RunView runNow(long scheduleId) {
        Schedule schedule = em.find(Schedule.class, scheduleId);
        if (schedule == null) {
            throw new NotFoundException("schedule", scheduleId);
        }
        Run run = new Run(
                schedule,
                RunTrigger.MANUAL,
                clock.instant(),
                session.getCallerPrincipal().getName(),
                clock.instant());
        run.claimBy(instance.get(), clock.instant());
        em.persist(run);
        em.flush();
        long runId = run.getId();
        int attempt = run.getAttempt();
        // The workers read the run in their own transactions: hand it over once it is committed.
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
        LOG.info(() -> "Run " + runId + " of schedule " + scheduleId + " started now by " + run.getRequestedBy());
        return RunView.of(run);
    }

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public RunView find(long runId) {
        Run run = em.find(Run.class, runId);
        if (run == null) {
            throw new NotFoundException("run", runId);
        }
        return RunView.of(run);
    }

    @RolesAllowed({SecurityRoles.VIEW_SCHEDULES, SecurityRoles.MANAGE_SCHEDULES})
    public Page<RunView> list(Long scheduleId, String status, Integer page, Integer size) {
        int pageNumber = Page.page(page);
        int pageSize = Page.size(size);
        RunStatus wanted = status == null || status.isBlank() ? null : runStatus(status);
        String where =
                " WHERE (:scheduleId IS NULL OR r.schedule.id = :scheduleId) AND (:status IS NULL OR r.status = :status)";
        TypedQuery<Run> query =
                em.createQuery("SELECT r FROM Run r" + where + " ORDER BY r.createdAt DESC, r.id DESC", Run.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Run r" + where, Long.class);
        for (TypedQuery<?> q : java.util.List.of(query, count)) {
            q.setParameter("scheduleId", scheduleId);
            q.setParameter("status", wanted);
        }
        var items = query.setFirstResult(pageNumber * pageSize)
                .setMaxResults(pageSize)
                .getResultStream()
                .map(RunView::of)
                .toList();
        return new Page<>(items, pageNumber, pageSize, count.getSingleResult());
    }

    private static RunStatus runStatus(String status) {
        try {
            return RunStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw dev.herald.platform.boundary.ValidationException.of(
                    "status",
                    "'" + status + "' is not a run status; use one of " + java.util.Arrays.toString(RunStatus.values())
                            + ".");
        }
    }
}
