package dev.herald.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.ZoneId;

/** The one row of organisation settings ({@code id = 1}, made by the migration). */
@Entity
@Table(name = "organisation_settings")
public class OrganisationSettings {

    public static final int ID = 1;

    @Id
    private Integer id;

    @Column(name = "client_name", nullable = false, length = 200)
    private String clientName;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "from_address", length = 320)
    private String fromAddress;

    @Column(name = "attachment_limit_bytes", nullable = false)
    private long attachmentLimitBytes;

    @Column(name = "link_lifetime_days", nullable = false)
    private int linkLifetimeDays;

    @Column(name = "file_retention_days", nullable = false)
    private int fileRetentionDays;

    @Column(name = "run_history_retention_days", nullable = false)
    private int runHistoryRetentionDays;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Version
    private long version;

    protected OrganisationSettings() {}

    public String getClientName() {
        return clientName;
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public String getTimeZone() {
        return timeZone;
    }

    /** The ISO 4217 code of the currency the organisation's amounts are in. */
    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getFromAddress() {
        return fromAddress;
    }

    public long getAttachmentLimitBytes() {
        return attachmentLimitBytes;
    }

    public int getLinkLifetimeDays() {
        return linkLifetimeDays;
    }

    public int getFileRetentionDays() {
        return fileRetentionDays;
    }

    /** How long runs are kept (with their deliveries and the rest of their history) after they end. */
    public int getRunHistoryRetentionDays() {
        return runHistoryRetentionDays;
    }

    public void setClientName(String clientName) {
        this.clientName = clientName;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public void setFromAddress(String fromAddress) {
        this.fromAddress = fromAddress;
    }

    public void setAttachmentLimitBytes(long attachmentLimitBytes) {
        this.attachmentLimitBytes = attachmentLimitBytes;
    }

    public void setLinkLifetimeDays(int linkLifetimeDays) {
        this.linkLifetimeDays = linkLifetimeDays;
    }

    public void setFileRetentionDays(int fileRetentionDays) {
        this.fileRetentionDays = fileRetentionDays;
    }

    public void setRunHistoryRetentionDays(int runHistoryRetentionDays) {
        this.runHistoryRetentionDays = runHistoryRetentionDays;
    }

    public long getVersion() {
        return version;
    }
}
