package dev.herald.schedules.entity;

import dev.herald.access.entity.UserAccount;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A report schedule: its items, whether it runs on demand and/or on a timetable, and the timetable.
 * {@link #getNextRunAt()} is the next due run of the timetable, kept up to date by the scheduler and
 * by every change to the schedule; it is empty when the schedule is disabled, does not run as a
 * schedule, or has no run left.
 */
@Entity
@Table(name = "schedule")
@NamedQuery(
        name = Schedule.BY_NAME_KEY,
        query = "SELECT s FROM Schedule s WHERE s.nameKey = :nameKey AND s.kind = '" + Schedule.REPORTS + "'")
public class Schedule {

    public static final String BY_NAME_KEY = "Schedule.byNameKey";

    /** A schedule of report items: every schedule staff make. */
    public static final String REPORTS = "REPORTS";

    /** The timetable of the weekly summary reports: one, made by the migration, never listed. */
    public static final String SUMMARY = "SUMMARY";

    /** A scheduled task (a usage report made regularly): listed on its own page. */
    public static final String TASK = "TASK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Column(nullable = false, length = 20)
    private String kind = REPORTS;

    @Column(length = 2000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private UserAccount owner;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "run_on_demand", nullable = false)
    private boolean runOnDemand;

    @Column(name = "run_as_schedule", nullable = false)
    private boolean runAsSchedule;

    @Embedded
    private Recurrence recurrence;

    @Column(name = "next_run_at")
    private Instant nextRunAt;

    @OneToMany(mappedBy = "schedule", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<ScheduledReport> items = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Schedule() {}

    public Schedule(String name, UserAccount owner, Instant now) {
        setName(name);
        this.owner = owner;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The form in which names are compared: two schedules may not differ only in case or spaces. */
    public static String nameKey(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    /** Replaces the items, in order. */
    public void replaceItems(List<ScheduledReport> newItems) {
        items.clear();
        for (ScheduledReport item : newItems) {
            item.setSchedule(this);
            item.setPosition(items.size());
            items.add(item);
        }
    }

    public Long getId() {
        return id;
    }

    /** {@link #REPORTS}, {@link #SUMMARY} or {@link #TASK}. */
    public String getKind() {
        return kind;
    }

    public boolean isSummary() {
        return SUMMARY.equals(kind);
    }

    public boolean isReports() {
        return REPORTS.equals(kind);
    }

    /** Made as a scheduled task rather than a report schedule. */
    public void makeTask() {
        this.kind = TASK;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name.strip();
        this.nameKey = nameKey(name);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public UserAccount getOwner() {
        return owner;
    }

    public void setOwner(UserAccount owner) {
        this.owner = owner;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isRunOnDemand() {
        return runOnDemand;
    }

    public void setRunOnDemand(boolean runOnDemand) {
        this.runOnDemand = runOnDemand;
    }

    public boolean isRunAsSchedule() {
        return runAsSchedule;
    }

    public void setRunAsSchedule(boolean runAsSchedule) {
        this.runAsSchedule = runAsSchedule;
    }

    /** The timetable; null when the schedule does not run as a schedule. */
    public Recurrence getRecurrence() {
        return recurrence;
    }

    public void setRecurrence(Recurrence recurrence) {
        this.recurrence = recurrence;
    }

    public Instant getNextRunAt() {
        return nextRunAt;
    }

    public void setNextRunAt(Instant nextRunAt) {
        this.nextRunAt = nextRunAt;
    }

    public List<ScheduledReport> getItems() {
        return items;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
