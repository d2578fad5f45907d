package dev.herald.schedules.console;

import dev.herald.reports.console.CriteriaValues;
import java.io.Serializable;

/**
 * One report of the schedule being edited, as the editor's forms change it: mutable, and kept in
 * the view until the schedule is saved, with its criteria as their form holds them.
 */
public class ItemDraft implements Serializable {

    private Long id;
    private String reportKey;
    private String reportName;
    private Long criteriaSetId;
    private String displayName;
    private String recipients;
    private String subject;
    private String deliverAs = "ATTACHMENT";
    private String format = "EXCEL_FORMATTED";
    private String csvDelimiter = "COMMA";
    private boolean skipWhenEmpty;
    private CriteriaValues criteria = new CriteriaValues();

    ItemDraft copy() {
        ItemDraft copy = new ItemDraft();
        copy.id = id;
        copy.reportKey = reportKey;
        copy.reportName = reportName;
        copy.criteriaSetId = criteriaSetId;
        copy.displayName = displayName;
        copy.recipients = recipients;
        copy.subject = subject;
        copy.deliverAs = deliverAs;
        copy.format = format;
        copy.csvDelimiter = csvDelimiter;
        copy.skipWhenEmpty = skipWhenEmpty;
        copy.criteria = criteria.copy();
        return copy;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReportKey() {
        return reportKey;
    }

    public void setReportKey(String reportKey) {
        this.reportKey = reportKey;
    }

    public String getReportName() {
        return reportName;
    }

    public void setReportName(String reportName) {
        this.reportName = reportName;
    }

    public Long getCriteriaSetId() {
        return criteriaSetId;
    }

    public void setCriteriaSetId(Long criteriaSetId) {
        this.criteriaSetId = criteriaSetId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getDeliverAs() {
        return deliverAs;
    }

    public void setDeliverAs(String deliverAs) {
        this.deliverAs = deliverAs;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getCsvDelimiter() {
        return csvDelimiter;
    }

    public void setCsvDelimiter(String csvDelimiter) {
        this.csvDelimiter = csvDelimiter;
    }

    public boolean isSkipWhenEmpty() {
        return skipWhenEmpty;
    }

    public void setSkipWhenEmpty(boolean skipWhenEmpty) {
        this.skipWhenEmpty = skipWhenEmpty;
    }

    public CriteriaValues getCriteria() {
        return criteria;
    }
}
