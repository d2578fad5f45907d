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

    protected Run() {}

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

    /** Gives the run to an instance, as its next attempt. */
    public void claimBy(String instanceName, Instant now) {
        this.instance = instanceName;
        this.attempt++;
        this.heartbeatAt = now;
        this.status = RunStatus.CLAIMED;
    }
}
