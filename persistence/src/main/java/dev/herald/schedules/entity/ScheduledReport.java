package dev.herald.schedules.entity;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.reports.entity.CriteriaSet;
import dev.herald.reports.entity.ReportDefinition;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One report in a schedule: which report with which criteria (copied from one of its criteria sets,
 * then the item's own), who gets it, and how (subject, attachment or link, file format).
 */
@Entity
@Table(name = "scheduled_report")
public class ScheduledReport {

    public static final String DEFAULT_SUBJECT = "Your report from {ClientName}";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "schedule_id", nullable = false)
    private Schedule schedule;

    @Column(nullable = false)
    private int position;

    @ManyToOne(optional = false)
    @JoinColumn(name = "report_id", nullable = false)
    private ReportDefinition report;

    @ManyToOne
    @JoinColumn(name = "criteria_set_id")
    private CriteriaSet criteriaSet;

    @Column(nullable = false, length = 20000)
    private String criteria;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scheduled_report_recipient", joinColumns = @JoinColumn(name = "scheduled_report_id"))
    @OrderColumn(name = "position")
    @Column(name = "email", nullable = false, length = 320)
    private List<String> recipients = new ArrayList<>();

    @Column(nullable = false, length = 300)
    private String subject = DEFAULT_SUBJECT;

    @Enumerated(EnumType.STRING)
    @Column(name = "deliver_as", nullable = false, length = 20)
    private DeliverAs deliverAs = DeliverAs.ATTACHMENT;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_format", nullable = false, length = 30)
    private FileFormat format = FileFormat.PDF;

    @Enumerated(EnumType.STRING)
    @Column(name = "csv_delimiter", nullable = false, length = 10)
    private CsvDelimiter csvDelimiter = CsvDelimiter.COMMA;

    @Column(name = "skip_when_empty", nullable = false)
    private boolean skipWhenEmpty;

    /** Made once per recipient, each file with the recipient's own scope values. */
    @Column(name = "per_recipient", nullable = false)
    private boolean perRecipient;

    /** When set (per recipient only): the recipients are every enabled account holding a value of this kind. */
    @Column(name = "recipient_scope_kind", length = 40)
    private String recipientScopeKind;

    public ScheduledReport() {}

    public Long getId() {
        return id;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    void setSchedule(Schedule schedule) {
        this.schedule = schedule;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    public ReportDefinition getReport() {
        return report;
    }

    public void setReport(ReportDefinition report) {
        this.report = report;
    }

    public CriteriaSet getCriteriaSet() {
        return criteriaSet;
    }

    public void setCriteriaSet(CriteriaSet criteriaSet) {
        this.criteriaSet = criteriaSet;
    }

    public String getCriteria() {
        return criteria;
    }

    public void setCriteria(String criteria) {
        this.criteria = criteria;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = new ArrayList<>(recipients);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public DeliverAs getDeliverAs() {
        return deliverAs;
    }

    public void setDeliverAs(DeliverAs deliverAs) {
        this.deliverAs = deliverAs;
    }

    public FileFormat getFormat() {
        return format;
    }

    public void setFormat(FileFormat format) {
        this.format = format;
    }

    public CsvDelimiter getCsvDelimiter() {
        return csvDelimiter;
    }

    public void setCsvDelimiter(CsvDelimiter csvDelimiter) {
        this.csvDelimiter = csvDelimiter;
    }

    public boolean isSkipWhenEmpty() {
        return skipWhenEmpty;
    }

    public void setSkipWhenEmpty(boolean skipWhenEmpty) {
        this.skipWhenEmpty = skipWhenEmpty;
    }

    public boolean isPerRecipient() {
        return perRecipient;
    }

    public void setPerRecipient(boolean perRecipient) {
        this.perRecipient = perRecipient;
    }

    public String getRecipientScopeKind() {
        return recipientScopeKind;
    }

    public void setRecipientScopeKind(String recipientScopeKind) {
        this.recipientScopeKind = recipientScopeKind;
    }
}
