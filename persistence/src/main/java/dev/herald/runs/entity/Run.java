package dev.herald.runs.entity;

import dev.herald.schedules.entity.Schedule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a schedule. Runs of the timetable carry their due instant in
 * {@code scheduledKey}, unique per schedule: the database, not the instances, guarantees that each
 * (schedule, instant) runs once. {@code instance} and {@code attempt} say who owns the run now; an
 * instance that takes over a run whose owner stopped heartbeating raises the attempt, and only the
 * current owner's updates count.
 */
@Entity
@Table(name = "run")
public class Run {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "schedule_id")
    private Schedule schedule;

    @Column(name = "schedule_name", nullable = false, length = 200)
    private String scheduleName;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger", nullable = false, length = 20)
    private RunTrigger trigger;

    @Column(name = "scheduled_for", nullable = false)
    private Instant scheduledFor;

    @Column(name = "scheduled_key")
    private Instant scheduledKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunStatus status;

    @Column(length = 4000)
    private String detail;

    @Column(name = "requested_by", length = 100)
    private String requestedBy;

    @Column(length = 200)
    private String instance;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    @Column(name = "recipients_override", length = 20000)
    private String recipientsOverride;

    @Column(name = "owner_notified_at")
    private Instant ownerNotifiedAt;

    @Column(name = "only_item_id")
    private Long onlyItemId;

    protected Run() {}

    /** A partner's run of one item, waiting in line until fair use lets it start. */
    public static Run onDemand(Schedule schedule, long itemId, String requestedBy, Instant now) {
        Run run = new Run(schedule, RunTrigger.ON_DEMAND, now, requestedBy, now);
        run.onlyItemId = itemId;
        run.status = RunStatus.QUEUED;
        return run;
    }

    public Run(Schedule schedule, RunTrigger trigger, Instant scheduledFor, String requestedBy, Instant now) {
        this.schedule = schedule;
        this.scheduleName = schedule.getName();
        this.trigger = trigger;
        this.scheduledFor = scheduledFor;
        this.scheduledKey = trigger == RunTrigger.SCHEDULED ? scheduledFor : null;
        this.requestedBy = requestedBy;
        this.status = RunStatus.CLAIMED;
        this.createdAt = now;
    }

    /** A run of no schedule (a usage report generated now): its items are made with it. */
    public Run(String name, RunTrigger trigger, String requestedBy, Instant now) {
        this.scheduleName = name;
        this.trigger = trigger;
        this.scheduledFor = now;
        this.requestedBy = requestedBy;
        this.status = RunStatus.CLAIMED;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public String getScheduleName() {
        return scheduleName;
    }

    public RunTrigger getTrigger() {
        return trigger;
    }

    public Instant getScheduledFor() {
        return scheduledFor;
    }

    public RunStatus getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getInstance() {
        return instance;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    /** The addresses a test run goes to instead of the items' recipients; empty for other runs. */
    public List<String> getRecipientsOverride() {
        return recipientsOverride == null || recipientsOverride.isEmpty()
                ? List.of()
                : List.of(recipientsOverride.split(","));
    }

    /** Makes this a run that mails only these addresses (a test). */
    public void sendOnlyTo(List<String> addresses) {
        this.recipientsOverride = String.join(",", addresses);
    }

    /** The one item an on-demand run makes; null for runs of the whole schedule. */
    public Long getOnlyItemId() {
        return onlyItemId;
    }

    public Instant getOwnerNotifiedAt() {
        return ownerNotifiedAt;
    }

    /**
     * Opens an ended run again, to send what failed: it is claimed like a new run, and ends again
     * (and may tell its owner again) when the resend is done.
     */
    public void reopen(String instanceName, String why, Instant now) {
        claimBy(instanceName, now);
        this.detail = why;
        this.finishedAt = null;
        this.ownerNotifiedAt = null;
    }

    /** Ends an active run as cancelled; its owner stops at its next step. */
    public void cancel(String by, Instant now) {
        this.status = RunStatus.CANCELLED;
        this.finishedAt = now;
        this.detail = "Cancelled by " + by + ".";
    }

    /** Gives the run to an instance, as its next attempt. */
    public void claimBy(String instanceName, Instant now) {
        this.instance = instanceName;
        this.attempt++;
        this.heartbeatAt = now;
        this.status = RunStatus.CLAIMED;
    }
}
