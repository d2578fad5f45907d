package dev.herald.schedules.console;

import dev.herald.reports.console.CriteriaValues;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
    /** What the server found wrong with this report at the last check; shown on its row until fixed. */
    private final List<String> problems = new ArrayList<>();
    /** Link recipients of this report that no account has, found at the last save. */
    private final List<String> withoutAccount = new ArrayList<>();

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
        copy.problems.addAll(problems);
        copy.withoutAccount.addAll(withoutAccount);
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

    public List<String> getProblems() {
        return problems;
    }

    public List<String> getWithoutAccount() {
        return withoutAccount;
    }

    /** The addresses of "E-mail to", as the server splits them (commas, semicolons or white space). */
    public List<String> addresses() {
        if (recipients == null || recipients.isBlank()) {
            return List.of();
        }
        return Arrays.stream(recipients.split("[,;\\s]+"))
                .filter(address -> !address.isBlank())
                .toList();
    }
}
