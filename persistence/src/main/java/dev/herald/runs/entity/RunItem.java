package dev.herald.runs.entity;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.schedules.entity.DeliverAs;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One report of a run: a copy of the schedule's item as it was when the run began (so that editing
 * the schedule does not change a run in progress), and the file it rendered. The file's bytes are
 * in {@code run_file_chunk}; the run's owner writes both with JDBC, this mapping reads them.
 */
@Entity
@Table(name = "run_item")
@NamedQuery(
        name = RunItem.OF_RUNS,
        query = "SELECT i FROM RunItem i WHERE i.run.id IN :runIds ORDER BY i.run.id, i.position")
public class RunItem {

    public static final String OF_RUNS = "RunItem.ofRuns";

    @Id
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(name = "scheduled_report_id")
    private Long scheduledReportId;

    private int position;

    @Column(name = "display_name")
    private String displayName;

    @Column(name = "report_key")
    private String reportKey;

    @Column(name = "report_name")
    private String reportName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format")
    private FileFormat format;

    @Enumerated(EnumType.STRING)
    @Column(name = "csv_delimiter")
    private CsvDelimiter csvDelimiter;

    @Enumerated(EnumType.STRING)
    @Column(name = "deliver_as")
    private DeliverAs deliverAs;

    @Enumerated(EnumType.STRING)
    private RunItemStatus status;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "row_count")
    private Long rowCount;

    @Column(name = "byte_count")
    private Long byteCount;

    private String sha256;

    private String error;

    @Column(name = "rendered_at")
    private Instant renderedAt;

    @Column(name = "file_kept_until")
    private Instant fileKeptUntil;

    @Column(name = "file_purged_at")
    private Instant filePurgedAt;

    /** Made for one recipient: the scope values it was made with ({"kind": ["value", …]}). */
    @Column(name = "scope_values")
    private String scopeValues;

    /** Made for one recipient: their user name. */
    @Column(name = "made_for")
    private String madeFor;

    protected RunItem() {}

    public Long getId() {
        return id;
    }

    public Run getRun() {
        return run;
    }

    public Long getScheduledReportId() {
        return scheduledReportId;
    }

    public int getPosition() {
        return position;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getReportKey() {
        return reportKey;
    }

    public String getReportName() {
        return reportName;
    }

    public FileFormat getFormat() {
        return format;
    }

    public CsvDelimiter getCsvDelimiter() {
        return csvDelimiter;
    }

    public DeliverAs getDeliverAs() {
        return deliverAs;
    }

    public RunItemStatus getStatus() {
        return status;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public Long getRowCount() {
        return rowCount;
    }

    public Long getByteCount() {
        return byteCount;
    }

    public String getSha256() {
        return sha256;
    }

    public String getError() {
        return error;
    }

    public Instant getRenderedAt() {
        return renderedAt;
    }

    public Instant getFileKeptUntil() {
        return fileKeptUntil;
    }

    public Instant getFilePurgedAt() {
        return filePurgedAt;
    }

    /** True while the rendered file can still be downloaded. */
    public boolean hasFile(Instant now) {
        return status == RunItemStatus.RENDERED
                && filePurgedAt == null
                && (fileKeptUntil == null || fileKeptUntil.isAfter(now));
    }

    public String getScopeValues() {
        return scopeValues;
    }

    public String getMadeFor() {
        return madeFor;
    }
}
