package dev.herald.summaries.entity;

import dev.herald.schedules.entity.Schedule;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * The one row of summary-report settings ({@code id = 1}, made by the migration). Its schedule is the
 * timetable the scheduler fires, kept in step with the send day, time and period on every save.
 */
@Entity
@Table(name = "summary_settings")
public class SummarySettings {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "organisation_name", nullable = false, length = 200)
    private String organisationName;

    @Column(name = "owner_emails", nullable = false, length = 20000)
    private String ownerEmails;

    @Column(name = "manager_emails", nullable = false, length = 20000)
    private String managerEmails;

    @Column(name = "period_days", nullable = false)
    private int periodDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "send_day", nullable = false, length = 10)
    private DayOfWeek sendDay;

    @Column(name = "send_time", nullable = false)
    private LocalTime sendTime;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @OneToOne(optional = false)
    @JoinColumn(name = "schedule_id", nullable = false)
    private Schedule schedule;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SummarySettings() {}

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getOrganisationName() {
        return organisationName;
    }

    public void setOrganisationName(String organisationName) {
        this.organisationName = organisationName;
    }

    public List<String> getOwnerEmails() {
        return split(ownerEmails);
    }

    public void setOwnerEmails(List<String> emails) {
        this.ownerEmails = String.join(",", emails);
    }

    public List<String> getManagerEmails() {
        return split(managerEmails);
    }

    public void setManagerEmails(List<String> emails) {
        this.managerEmails = String.join(",", emails);
    }

    public int getPeriodDays() {
        return periodDays;
    }

    public void setPeriodDays(int periodDays) {
        this.periodDays = periodDays;
    }

    public DayOfWeek getSendDay() {
        return sendDay;
    }

    public void setSendDay(DayOfWeek sendDay) {
        this.sendDay = sendDay;
    }

    public LocalTime getSendTime() {
        return sendTime;
    }

    public void setSendTime(LocalTime sendTime) {
        this.sendTime = sendTime;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    private static List<String> split(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of() : List.of(commaSeparated.split(","));
    }

    public long getVersion() {
        return version;
    }
}
